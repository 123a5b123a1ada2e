"""Actor mentions: registry, generic actors, constructions, coreference, country context."""
import datetime as dt
import re
from pathlib import Path

import pytest

from extractor.actors import actors, find_actors, fill, localise
from extractor.article import Article
from extractor.segment import segment

LNA = "LNA: Libyan National Army"


def run(text: str, country: str | None = None) -> Article:
    article = segment(Article(id="t", text=text, published=dt.date(2021, 6, 19), country=country))
    return actors(article)


def found(article: Article) -> list[tuple[str, str]]:
    return [(article.text[m.start:m.end], m.actor) for m in article.actors]


@pytest.mark.parametrize("text,country,expected", [
    # constructions around a registered actor take the actor's name
    ("The statement came after forces loyal to Khalifa Haftar took the town.", None,
     ("forces loyal to Khalifa Haftar", LNA)),
    ("The troops of Khalifa Haftar arrived on Friday.", None, ("troops of Khalifa Haftar", LNA)),
    ("A large army loyal to Haftar advanced.", None, ("army loyal to Haftar", LNA)),
    ("Haftar announced the move.", None, ("Haftar", LNA)),
    ("It was the first move by Haftar’s self-styled Libyan National Army this year.", None,
     ("Haftar’s self-styled Libyan National Army", LNA)),
    ("Haftar's forces withdrew.", None, ("Haftar's forces", LNA)),
    ("pro-Haftar fighters gathered.", None, ("pro-Haftar fighters", LNA)),
    ("The convoy carried troops loyal to the former strongman Gaddafi.", None,
     ("troops loyal to the former strongman Gaddafi", "Muammar Gaddafi")),
    ("The 2011 NATO-backed uprising toppled Qaddafi.", None, ("NATO", "NATO: North Atlantic Treaty Organization")),
    ("The 2011 NATO-backed uprising toppled Qaddafi.", None, ("Qaddafi", "Muammar Gaddafi")),
    ("The event is co-sponsored by the United Nations.", None, ("United Nations", "United Nations")),
    ("The Libyan Presidential Council banned the move.", None,
     ("Libyan Presidential Council", "Presidential Council of Libya")),
    ("The Burkan al-Ghadab (Volcano of Rage) Operational Media Office said so.", None,
     ("Burkan al-Ghadab (Volcano of Rage) Operational Media Office", "Burkan al-Ghadab: Volcano of Rage Operation")),
    ("9 Taliban militants were killed.", None, ("Taliban militants", "Taliban")),
    ("CPC militants attacked the town.", None, ("CPC militants", "CPC: Coalition of Patriots for Change")),
    # generic actors take the country named next to them, else the article's
    ("the top commander of the Libyan Army spoke.", None,
     ("top commander of the Libyan Army", "Military Forces of Libya")),
    ("The government-led counter-offensive was launched.", "LY", ("The government", "Government of Libya")),
    ("Israeli forces stormed the camp.", None, ("Israeli forces", "Military Forces of Israel")),
    ("The convoy was composed of Tuareg fighters.", "LY", ("Tuareg fighters", "Tuareg Ethnic Militia (Libya)")),
    ("Afghan military forces repulsed the attack.", None, ("Afghan military forces", "Military Forces of Afghanistan")),
    ("Libya's army moved south.", None, ("Libya's army", "Military Forces of Libya")),
    ("The interim government of Libya met.", None, ("interim government of Libya", "Government of Libya")),
    ("Police dispersed demonstrators in Kenya.", None, ("demonstrators", "Protesters (Kenya)")),
    ("Unidentified gunmen killed two civilians.", None, ("Unidentified gunmen", "Unidentified Armed Group")),
    ("Unidentified gunmen killed two civilians.", "NG", ("civilians", "Civilians (Nigeria)")),
    ("An angry mob burnt the house.", "GH", ("angry mob", "Rioters (Ghana)")),
    # unregistered groups and local abbreviations
    ("Kuluna Communal Militia burnt 30 houses.", None, ("Kuluna Communal Militia", "Kuluna Communal Militia")),
    ("NDC and NPP militias clashed.", None, ("NDC", "NDC")),
    ("NDC and NPP militias clashed.", None, ("NPP militias", "NPP")),
    ("Garre and Degodia militia clashed.", "KE", ("Garre", "Garre Ethnic Militia (Kenya)")),
    ("They fought the Angolan Armed Forces (FAC). 12 FAC were killed.", None, ("FAC", "Military Forces of Angola")),
])
def test_actors_maps_mentions(text, country, expected):
    assert expected in found(run(text, country))


@pytest.mark.parametrize("text,unexpected", [
    ("It is what it is.", "IS: Islamic State"),
    ("Anti-Haftar protesters marched.", LNA),
    ("The police station was closed.", "Police Forces"),
    ("The army declared a military zone.", "military zone"),
    ("He roasted a turkey.", "Military Forces of Turkey"),
    ("The forces withdrew.", "Military Forces"),  # "forces" needs a country next to it
    ("The AA battery died.", "AA: Arakan Army"),  # refer-back-only form with no introduction
    ("Tuareg leaders met the mayor.", "Tuareg Ethnic Militia"),
    ("The group said it would talk.", "coref"),  # no non-state antecedent
])
def test_actors_conservative(text, unexpected):
    article = run(text)
    assert all(unexpected not in (m.actor, article.text[m.start:m.end], m.via) for m in article.actors)
    assert not any(m.actor.startswith(unexpected) for m in article.actors)


@pytest.mark.parametrize("text,expected", [
    ("Haftar and his eastern forces launched an offensive.", ("his eastern forces", LNA)),
    ("Boko Haram attacked the village. The group later withdrew.",
     ("The group", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")),
    ("The Arakan Army took the post. The AA said so.", ("AA", "AA: Arakan Army")),
])
def test_actors_coreference(text, expected):
    article = run(text)
    assert expected in found(article)
    mention = next(m for m in article.actors if article.text[m.start:m.end] == expected[0])
    assert mention.via == "coref"


@pytest.mark.parametrize("text,given,expected", [
    ("Libya: fighting. Libyan forces met Algeria's envoy. Libya said.", None, "LY"),
    ("Kenyan police met Ugandan troops.", None, "KE"),  # a tie goes to the first named
    ("Nothing named here.", None, None),
    ("Libya and Libya again.", "TN", "TN"),  # a given country stays
])
def test_actors_article_country(text, given, expected):
    assert run(text, given).country == expected


def test_actors_foreign_state_forces_are_external():
    article = run("Libyan forces and Egyptian troops met in Libya.")
    categories = {m.actor: m.category for m in article.actors}
    assert categories["Military Forces of Libya"] == "state forces"
    assert categories["Military Forces of Egypt"] == "external/other"


def test_actors_mentions_carry_sentence_and_offsets():
    article = run("Calm returned. Haftar announced a ban.")
    mention = next(m for m in article.actors if m.actor == LNA)
    assert mention.sentence == 1 and article.text[mention.start:mention.end] == "Haftar"


def test_actors_find_is_pure():
    article = segment(Article(id="t", text="Libyan police met.", published=dt.date(2021, 1, 1)))
    mentions, country = find_actors(article)
    assert article.actors == [] and article.country is None
    assert country == "LY" and mentions[0].actor == "Police Forces of Libya"


def test_actors_localise_adds_country_later():
    article = run("Protesters gathered.")
    assert article.actors[0].actor == "Protesters"
    localise(article, "KE")
    assert article.actors[0].actor == "Protesters (Kenya)" and article.actors[0].country == "KE"


@pytest.mark.parametrize("template,country,expected", [
    ("Police Forces of {country}", "Libya", "Police Forces of Libya"),
    ("Police Forces of {country}", None, "Police Forces"),
    ("Protesters ({country})", None, "Protesters"),
    ("Police Forces of {country} Gendarmerie", None, "Police Forces Gendarmerie"),
])
def test_actors_fill(template, country, expected):
    assert fill(template, country) == expected


# ---------------------------------------------------------------- the seed article (the project's measuring stick)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_47cb661035da28a3.txt"


@pytest.fixture(scope="module")
def seed() -> Article:
    text = re.sub(r"\A---\n.*?\n---\n", "", SEED.read_text(encoding="utf-8"), flags=re.S)
    return actors(segment(Article(id="seed-libya", text=text, published=dt.date(2021, 6, 19))))


@pytest.mark.parametrize("surface,expected", [
    ("forces loyal to Khalifa Haftar", LNA),
    ("troops of Khalifa Haftar", LNA),
    ("army loyal to Haftar", LNA),
    ("Haftar’s self-styled Libyan National Army", LNA),
    ("his eastern forces", LNA),
    ("top commander of the Libyan Army", "Military Forces of Libya"),
    ("Libyan Presidential Council", "Presidential Council of Libya"),
    ("Burkan al-Ghadab (Volcano of Rage) Operational Media Office", "Burkan al-Ghadab: Volcano of Rage Operation"),
    ("Tuareg fighters", "Tuareg Ethnic Militia (Libya)"),
    ("troops loyal to the former strongman Gaddafi", "Muammar Gaddafi"),
    ("NATO", "NATO: North Atlantic Treaty Organization"),
    ("United Nations", "United Nations"),
])
def test_actors_seed_article(seed, surface, expected):
    assert seed.country == "LY"
    assert (surface, expected) in found(seed)


def test_actors_seed_government_led(seed):
    sentence = next(s for s in seed.sentences if "government-led" in seed.text[s.start:s.end])
    assert "Government of Libya" in [m.actor for m in seed.in_sentence(seed.actors, sentence.index)]
