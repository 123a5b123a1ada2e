"""Actor mentions: registry, generic actors, constructions, coreference, country context."""
import datetime as dt

import pytest
from seed import seed_article

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
    ("NDC and NPP militias clashed.", None, ("NDC", "NDC: National Democratic Congress")),
    ("NDC and NPP militias clashed.", None, ("NPP militias", "NPP: New Patriotic Party")),
    ("ZX and QY militias clashed.", None, ("ZX", "ZX")),  # unregistered acronyms name themselves
    ("ZX and QY militias clashed.", None, ("QY militias", "QY")),
    ("Garre and Degodia militia clashed.", "KE", ("Garre", "Garre Ethnic Militia (Kenya)")),
    ("They fought the Angolan Armed Forces (FAC). 12 FAC were killed.", None, ("FAC", "Military Forces of Angola")),
])
def test_actors_maps_mentions(text, country, expected):
    assert expected in found(run(text, country))


@pytest.mark.parametrize("text,unexpected", [
    ("It is what it is.", "IS: Islamic State"),
    ("Anti-Haftar protesters marched.", LNA),
    ("The army declared a military operation.", "military operation"),
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


@pytest.mark.parametrize("text,country,expected", [
    # generic actors: victims, unnamed perpetrators, communal militias, state units
    ("A man was shot dead in the market.", "KE", ("A man", "Civilians (Kenya)")),
    ("Three people were injured.", "KE", ("people", "Civilians (Kenya)")),
    ("Unknown gun men opened fire.", "AO", ("Unknown gun men", "Unidentified Armed Group (Angola)")),
    ("Armed robbers raided the shop.", "GH", ("Armed robbers", "Unidentified Armed Group (Ghana)")),
    ("Herders clashed with farmers.", "BJ", ("Herders", "Unidentified Communal Militia (Benin)")),
    ("Inter-clan clashes erupted.", "ET", ("Inter-clan clashes", "Unidentified Clan Militia (Ethiopia)")),
    ("Cultists attacked the town.", "NG", ("Cultists", "Unidentified Cult Militia (Nigeria)")),
    ("A violent gang robbed the shop.", "KE", ("gang", "Unidentified Armed Group (Kenya)")),
    ("A mob lynched a thief.", "GH", ("A mob", "Rioters (Ghana)")),
    ("Prison guards fired shots.", "AR", ("Prison guards", "Police Forces of Argentina Prison Guards")),
    ("The police station was attacked.", "KE", ("police station", "Police Forces of Kenya")),
    # a demonym before a word of fire makes it a state's forces
    ("Four people were killed by Indian firing.", None, ("Indian firing", "Military Forces of India")),
    ("Israeli airstrikes hit the camp.", None, ("Israeli airstrikes", "Military Forces of Israel")),
    # ethnic groups: a militia noun, a pair, a clan, a known group named by a name pattern
    ("Clashes between the Pokot and Turkana left five dead.", "KE", ("Pokot", "Pokot Ethnic Militia (Kenya)")),
    ("Clashes between the Pokot and Turkana left five dead.", "KE", ("Turkana", "Turkana Ethnic Militia (Kenya)")),
    ("Marehan militiamen attacked the town.", "SO", ("Marehan militiamen", "Marehan Clan Militia (Somalia)")),
    ("A clash between Konkomba and Zorgho militias left two dead.", "GH",
     ("Konkomba", "Konkomba Ethnic Militia (Ghana)")),
    # unregistered communities named in the text
    ("On 20 November, Jaabu and Forboru clans clashed.", "GH", ("Jaabu", "Jaabu Clan Militia (Ghana)")),
    ("On 20 November, Jaabu and Forboru clans clashed.", "GH", ("Forboru clans", "Forboru Clan Militia (Ghana)")),
    ("On 3 April, youth from Japekrom pulled down a wall.", "GH",
     ("youth from Japekrom", "Japekrom Communal Militia (Ghana)")),
    # registry: parties, state units, international forces
    ("Supporters of the NPP clashed with police.", None, ("Supporters of the NPP", "NPP: New Patriotic Party")),
    ("GSU officers were deployed.", None, ("GSU officers", "Police Forces of Kenya General Service Unit")),
    ("Saudi-led coalition airstrikes targeted the area.", None,
     ("Saudi-led coalition", "Operation Restoring Hope")),
    ("The device was planted by ISGS militants.", None, ("ISGS militants", "ISSP: Islamic State Sahel Province")),
])
def test_actors_generic_ethnic_and_registry(text, country, expected):
    assert expected in found(run(text, country))


@pytest.mark.parametrize("text,unexpected", [
    ("Nine militiamen were killed.", "Nine Communal Militia"),  # a number word is no community's name
    ("The Pokot elders met the governor.", "Pokot Ethnic Militia"),  # an ethnic name alone is no militia
    ("New clashes kill five rebels in Aceh.", "Papua New Guinea"),  # "New" is no demonym
    ("Police fired live bullets.", "Military Forces"),  # "fire" needs a country next to it
])
def test_actors_not_found(text, unexpected):
    assert not any(unexpected in m.actor for m in run(text).actors)


@pytest.mark.parametrize("text,country,expected", [
    ("Three communist rebels were killed in a clash.", "PH",
     "CPP-NPA: Communist Party of the Philippines - New People's Army"),
    ("Three communist rebels were killed in a clash.", "CO", "Unidentified Armed Group (Colombia)"),
    ("Separatists attacked the post in Papua.", "ID", "OPM: Free Papua Movement"),
    ("The Taliban attacked a checkpoint.", "AF", "Taliban"),
    ("The Taliban attacked a checkpoint.", "PK", "TTP: Tehreek-i-Taliban Pakistan"),
])
def test_actors_local_forms_need_the_country(text, country, expected):
    assert expected in [m.actor for m in run(text, country).actors]


@pytest.mark.parametrize("text,country,force,state", [
    ("Kenyan police arrested two men.", None, "Police Forces of Kenya", "Government of Kenya"),
    ("KDF soldiers patrolled.", None, "Military Forces of Kenya", "Government of Kenya"),
    ("Soldiers patrolled the town.", "ML", "Military Forces of Mali", "Government of Mali"),
])
def test_actors_state_forces_list_their_state(text, country, force, state):
    mentions = run(text, country).actors
    forces = [m for m in mentions if m.actor == force]
    states = [m for m in mentions if m.actor == state]
    assert forces and states and all(m.via == "state" for m in states)
    assert (states[0].start, states[0].end) == (forces[0].start, forces[0].end)


@pytest.mark.parametrize("text,country,state", [
    ("The high commissioner declared a curfew in Banfora.", "BF", "Government of Burkina Faso"),
    ("Chad's president was declared winner.", None, "Government of Chad"),
])
def test_actors_officials_name_the_state_without_a_role(text, country, state):
    mentions = run(text, country).actors
    assert [(m.actor, m.via) for m in mentions] == [(state, "state")]


def test_actors_localise_gives_the_state_its_country():
    article = run("Soldiers patrolled the town.")
    localise(article, "ML")
    assert {m.actor for m in article.actors} == {"Military Forces of Mali", "Government of Mali"}


# ---------------------------------------------------------------- the seed article (the project's measuring stick)

@pytest.fixture(scope="module")
def seed() -> Article:
    return actors(segment(seed_article()))


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
