"""Who acts and who undergoes: voice and construction around the trigger."""
import datetime as dt

import pytest
from seed import seed_article

from extractor.actors import actors
from extractor.article import Article
from extractor.roles import assign_roles
from extractor.segment import segment
from extractor.triggers import triggers

LNA = "LNA: Libyan National Army"
GNA = "GNA: Government of National Accord"
TALIBAN = "Taliban"
AFG_ARMY = "Military Forces of Afghanistan"


def roles(text: str, country: str | None = None, sentence: int = 0, use_trigger: bool = True):
    article = triggers(actors(segment(Article(id="t", text=text, published=dt.date(2020, 5, 8), country=country))))
    found = article.in_sentence(article.triggers, sentence)
    trigger = max(found, key=lambda t: (t.priority, -t.start)) if found and use_trigger else None
    actor1, actor2 = assign_roles(article, sentence, trigger)
    return (actor1.actor if actor1 else None, actor2.actor if actor2 else None)


@pytest.mark.parametrize("text,expected", [
    # active: the subject of the trigger's clause acts
    ("Taliban militants attacked Afghan soldiers in Ghazni.", (TALIBAN, AFG_ARMY)),
    ("9 Taliban militants were killed when Afghan military forces repulsed their attacks.", (AFG_ARMY, TALIBAN)),
    ("Haftar and his eastern forces launched an offensive on GNA positions.", (LNA, GNA)),
    ("Haftar, a military commander, stated that they had taken control of the border crossing.", (LNA, None)),
    ("The Taliban clashed with Afghan security forces.", (TALIBAN, AFG_ARMY)),
    # passive and nominal: the agent after 'by'
    ("Afghan soldiers were attacked by Taliban militants.", (TALIBAN, AFG_ARMY)),
    ("1 soldier was killed following an attack by Taliban militants on a check point.", (TALIBAN, "Military Forces")),
    ("An attack by Taliban militants on Afghan soldiers killed two.", (TALIBAN, AFG_ARMY)),
    # possessive
    ("Haftar's offensive on the Government of National Accord failed.", (LNA, GNA)),
    # between X and Y
    ("Clashes between Taliban militants and Afghan security forces left five dead.", (TALIBAN, AFG_ARMY)),
    # nobody before the trigger: the first actor after it
    ("The convoy that arrived was composed of Tuareg fighters.", ("Tuareg Ethnic Militia (Libya)", None)),
])
def test_roles_by_construction(text, expected):
    assert roles(text, "LY" if "Tuareg" in text else None) == expected


@pytest.mark.parametrize("text,expected", [
    ("Workers protested in Kenya against the closure.", ("Protesters (Kenya)", None)),
    ("Police dispersed protesters with tear gas in Kenya.", ("Protesters (Kenya)", "Police Forces of Kenya")),
    ("Nationwide protests took place in Kenya.", ("Protesters (Kenya)", None)),
    ("Villagers rioted in Kenya after the arrest.", ("Rioters (Kenya)", None)),
])
def test_roles_demonstrators_are_implied(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text,country,expected", [
    # the subject underwent the event: passive, a verb of suffering, a bare participle (headlines)
    ("Two soldiers were killed by Taliban militants in Ghazni.", "AF", (TALIBAN, AFG_ARMY)),
    ("A man was shot dead in Kisumu.", "KE", ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")),
    ("Seven police officers and a civilian were killed in a roadside bomb attack.", "KE",
     ("Unidentified Armed Group (Kenya)", "Police Forces of Kenya")),
    # a vehicle that runs into an explosive is its victim
    ("On 22 July 2020, an army vehicle struck an IED near Arbinda.", "BF",
     ("Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso")),
    ("An IED exploded in Wajir, injuring three police officers.", "KE",
     ("Unidentified Armed Group (Kenya)", "Police Forces of Kenya")),
    # the state is the unnamed side that rebels fight or that kills them (UCDP's side A)
    ("3 leftist rebels killed in S. Philippine clash", None,
     ("Government of Philippines", "CPP-NPA: Communist Party of the Philippines - New People's Army")),
    ("Aceh rebels attacked a post, sparking a clash.", None, ("GAM: Free Aceh Movement", "Government of Indonesia")),
    # civilians who attack are rioters; those attacked are civilians
    ("Villagers attacked a suspected thief in Koko.", "BJ", ("Rioters (Benin)", None)),
    ("Police arrested two journalists in Harare.", "ZW", ("Police Forces of Zimbabwe", "Civilians (Zimbabwe)")),
    ("Two journalists were arrested in Harare.", "ZW", ("Police Forces of Zimbabwe", "Civilians (Zimbabwe)")),
    # party supporters who demonstrate are protesters (the party stays in actor_mentions)
    ("NDC supporters demonstrated in Accra against the register.", "GH", ("Protesters (Ghana)", None)),
    # nobody named: the event type implies an unidentified armed group
    ("Fighting continued in the north.", None, ("Unidentified Armed Group", None)),
])
def test_roles_undergoer_and_implied_sides(text, country, expected):
    assert roles(text, country) == expected


@pytest.mark.parametrize("text,country,sentence,expected", [
    # a later sentence names the doer
    ("Two police officers died in a bomb attack in El Wak. Al Shabaab claimed responsibility.", "KE", 0,
     ("Al Shabaab", "Police Forces of Kenya")),
    ("A bus hit a landmine near Dori. No casualties. The device was presumably planted by ISGS militants.", "BF", 0,
     ("ISSP: Islamic State Sahel Province", "Civilians (Burkina Faso)")),
    # an earlier sentence of the paragraph named the doer
    ("Gunmen from the Kuka gang stormed the village. Three people were killed.", "NG", 1,
     ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")),
    # the police that answer a demonstration, told next
    ("Students protested in Nairobi against fees. Police dispersed them with tear gas.", "KE", 0,
     ("Protesters (Kenya)", "Police Forces of Kenya")),
])
def test_roles_from_neighbouring_sentences(text, country, sentence, expected):
    assert roles(text, country, sentence) == expected


def test_roles_state_mentions_take_no_role():
    article = triggers(actors(segment(Article(id="t", text="Kenyan police attacked the camp.",
                                              published=dt.date(2020, 5, 8)))))
    assert any(m.via == "state" for m in article.actors)
    actor1, actor2 = assign_roles(article, 0, max(article.triggers, key=lambda t: t.priority))
    assert actor1.actor == "Police Forces of Kenya" and actor1.via != "state"
    assert actor2 is None or actor2.via != "state"


@pytest.mark.parametrize("text,expected", [
    ("The Libyan Presidential Council, in a statement, said it would meet.", "Presidential Council of Libya"),
    ("Support from Egypt and the Libyan National Army reached the front.", LNA),  # 'from Egypt' is no subject
    ("It was quiet.", None),
])
def test_roles_without_trigger_take_the_subject(text, expected):
    assert roles(text, use_trigger=False) == (expected, None)


def test_roles_sentence_out_of_range():
    article = segment(Article(id="t", text="Nothing.", published=dt.date(2020, 1, 1)))
    assert assign_roles(article, 5, None) == (None, None)


# ---------------------------------------------------------------- the seed article (the project's measuring stick)

@pytest.fixture(scope="module")
def seed() -> Article:
    return triggers(actors(segment(seed_article())))


@pytest.mark.parametrize("cue,expected", [
    ("forces loyal to Khalifa Haftar stated", LNA),
    ("The troops of Khalifa Haftar", LNA),
    ("a large army loyal to Haftar", LNA),
    ("Haftar announced in a statement", LNA),
    ("Haftar’s self-styled Libyan National Army", LNA),
    ("Haftar and his eastern forces", LNA),
    ("the government-led counter-offensive", "Government of Libya"),
])
def test_roles_seed_article(seed, cue, expected):
    sentence = next(s for s in seed.sentences if cue in seed.text[s.start:s.end])
    found = seed.in_sentence(seed.triggers, sentence.index)
    top = max(found, key=lambda t: (t.priority, -t.start)) if found else None
    actor1, _ = assign_roles(seed, sentence.index, top)
    assert actor1 is not None and actor1.actor == expected


def test_roles_implied_side_is_of_the_town_when_no_town_lies_in_the_article_country():
    """A note about a US-Taliban deal whose protest is in Kabul: Afghan protesters, not American."""
    from extractor.pipeline import run

    text = ("On 2 March 2020, dozens held a protest in Kabul to support the president's decision. "
            "The protesters also criticized the peace agreement between the US and the Taliban.")
    article = run(Article(id="t", text=text, published=dt.date(2020, 3, 2)))
    first = next(e for e in article.events if e.sentence.index == 0)
    assert first.actor1.actor == "Protesters (Afghanistan)"
