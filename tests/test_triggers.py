"""Event triggers from the lexicon: types, precedence, context, sides, one compiled pass."""
import datetime as dt
import re

import pytest
from seed import seed_article
from hypothesis import given, settings, strategies as st

from extractor.article import ActorMention, Article, Trigger
from extractor.segment import segment
from extractor.triggers import (NO_EVENT, as_attacker, as_victim, combine, compiled, expand, find_sides,
                                find_triggers, in_context, participants, refine, rules, sides, triggers)
from extractor.wordmatch import prefixes, word_matcher

SD, BAT, ERV = "Strategic developments", "Battles", "Explosions/Remote violence"
VAC, PRO, RIO = "Violence against civilians", "Protests", "Riots"


def article_of(text: str) -> Article:
    return triggers(segment(Article(id="t", text=text, published=dt.date(2021, 6, 19))))


def best(text: str):
    found = article_of(text).triggers
    top = max(found, key=lambda t: (t.priority, -t.start)) if found else None
    return (top.event_type, top.sub_event_type) if top else None


@pytest.mark.parametrize("text,expected", [
    ("The forces stated that they had taken control of the border crossing with Algeria.",
     (SD, "Non-violent transfer of territory")),
    ("A large army stated that it controlled the border crossing between the towns.",
     (SD, "Non-violent transfer of territory")),
    ("The commander announced a total ban on the operations of military units.", (SD, "Other")),
    ("Haftar announced in a statement on Thursday that an operation will be carried out in the area.", (SD, "Other")),
    ("Sources said the convoy that arrived on Saturday was composed of fighters.", (SD, "Other")),
    ("Haftar launched an offensive in an attempt to capture Tripoli.", (BAT, "Armed clash")),
    ("An airstrike on the base killed five fighters.", (ERV, "Air/drone strike")),
    ("A roadside bomb killed two soldiers.", (ERV, "Remote explosive/landmine/IED")),
    ("A suicide bomber blew himself up at the gate.", (ERV, "Suicide bomb")),
    ("Militants fired rocket-propelled grenades at the post.", (ERV, "Shelling/artillery/missile attack")),
    ("A hand grenade was thrown into the bar.", (ERV, "Grenade")),
    ("Police dispersed protesters with tear gas.", (PRO, "Protest with intervention")),
    ("Soldiers opened fire on protesters, killing three.", (PRO, "Excessive force against protesters")),
    ("Hundreds marched through the capital.", (PRO, "Peaceful protest")),
    ("On 3 March 2020, soldiers arrested two men.", (SD, "Arrests")),
    ("Gunmen abducted six traders on the road.", (VAC, "Abduction/forced disappearance")),
    ("Soldiers raped two women.", (VAC, "Sexual violence")),
    ("A mob lynched a suspected thief.", (RIO, "Mob violence")),
    ("Rioters looted shops in the market.", (RIO, "Violent demonstration")),
    ("The two sides signed a peace deal.", (SD, "Agreement")),
    ("The army recaptured the town.", (BAT, "Government regains territory")),
    ("Insurgents overran the base.", (BAT, "Non-state actor overtakes territory")),
    ("Police defused a bomb near the school.", (SD, "Disrupted weapons use")),
    ("Three people were killed.", (VAC, "Attack")),
    ("The March 23 Movement met the envoy in March.", None),  # capitalised 'March' is no march
    ("Police used tear gas.", (PRO, "Protest with intervention")),  # tear gas is no chemical weapon
    ("The weather was fine.", None),
    # headlines are in the present tense
    ("Gunmen shoot 1 policeman dead and injure another.", (VAC, "Attack")),
    ("Unknown group burn down homes in Ngorano.", (SD, "Looting/property destruction")),
    ("Al Shabaab forces briefly take over Basuba.", (SD, "Non-violent transfer of territory")),
    # remnants of past wars and accidents are no attack (ACLED: strategic developments)
    ("A landmine, laid during the Iran-Iraq War, injured two soldiers.", (SD, "Other")),
    ("Two men died when explosives they were carrying went off.", (SD, "Disrupted weapons use")),
    # road blocks with barricades are violent demonstrations; a blocked road alone is peaceful
    ("Demonstrators barricaded the entrance to the town.", (RIO, "Violent demonstration")),
    ("Teachers barricaded themselves into the ministry.", None),
    ("Migrant workers blocked the highway to demand transport home.", (PRO, "Peaceful protest")),
    ("Police fired tear gas into the crowd.", (PRO, "Protest with intervention")),  # not "fired ... into"
    ("Several militants were neutralized.", (BAT, "Armed clash")),
    ("An assassination attempt was reported.", (SD, "Other")),
])
def test_triggers_best_type(text, expected):
    assert best(text) == expected


def test_triggers_carry_sentence_and_offsets():
    article = article_of("Calm. Then clashes erupted.")
    (trigger,) = article.triggers
    assert article.text[trigger.start:trigger.end] == "clashes" and trigger.sentence == 1
    assert (trigger.event_type, trigger.sub_event_type, trigger.priority) == (BAT, "Armed clash", 68)


@pytest.mark.parametrize("rule", rules(), ids=lambda r: f"line{r.line}")
def test_triggers_every_example_gets_its_own_type(rule):
    """The lexicon's examples are its test cases: each must come out as its own row's type; a
    no-event phrase ('-') yields no trigger at all."""
    expected = None if rule.event_type == NO_EVENT else (rule.event_type, rule.sub_event_type)
    assert best(rule.example) == expected


def _flat(lang: str = "en") -> re.Pattern[str]:
    _, ordered = compiled(lang)
    return re.compile(r"\b(?:" + "|".join(f"(?:{expand(r.pattern)})" for r in ordered) + r")\b", re.IGNORECASE)


def _matched(text: str) -> list[tuple[int, int]]:
    matcher, _ = compiled("en")
    return [m.span() for _, m in matcher.finditer(text)]


def test_triggers_keyed_matcher_equals_flat_alternation():
    """Keying the rules by their first characters is an optimisation only: same matches as one
    alternation of all rules, longest first."""
    _, ordered = compiled("en")
    text = " ".join(r.example for r in ordered) + " On 3 March the 48-hour strike began; RPGs and IED/mine blasts."
    assert _matched(text) == [m.span() for m in _flat().finditer(text)]


_WORDS = st.sampled_from(["killed", "attack", "Attacked", "protesters", "clashed", "the", "a", "bomb", "IED", "ied",
                          "march", "March", "took", "over", "control", "of", "set", "fire", "to", "houses", "48-hour",
                          "strike", "tear", "gas", "İstanbul", "ﬁre", "\n", ",", ".", "shot", "dead", "no", "rocket-"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_triggers_keyed_matcher_equals_flat_alternation_on_any_text(text):
    assert _matched(text) == [m.span() for m in _flat().finditer(text)]


@pytest.mark.parametrize("regex,size,expected", [
    ("attack(?:ed|s)?", 2, {"at"}),
    ("(?:killed|murdered)", 3, {"kil", "mur"}),
    (r"(?:a |an )?ban", 2, {"a ", "an", "ba"}),
    (r"\d-day strike", 2, {f"{d}-" for d in "0123456789"}),
    (r"(?-i:IEDs?)", 2, {"ie"}),
    (r"ak", 3, {"ak"}),  # a whole match shorter than the key
    (r"no\w+", 3, {"no"}),  # what follows cannot be told: the prefix ends there
    (r"\w+", 2, None),
])
def test_triggers_prefixes(regex, size, expected):
    assert prefixes(regex, size) == (frozenset(expected) if expected is not None else None)


@pytest.mark.parametrize("alternatives,text,expected", [
    (("a", "ab", "b"), "a ab b", [(0, "a"), (1, "ab"), (2, "b")]),
    (("ab", "a"), "ab a", [(0, "ab"), (1, "a")]),
    (("^one", "two"), "one two\none", [(0, "one"), (1, "two"), (0, "one")]),  # '^' at each line start
])
def test_triggers_word_matcher_reports_alternative_and_match(alternatives, text, expected):
    matcher = word_matcher(alternatives, re.IGNORECASE | re.MULTILINE, suffix=r"\b")
    assert [(i, m.group(0)) for i, m in matcher.finditer(text)] == expected


def test_triggers_find_is_pure():
    article = segment(Article(id="t", text="Clashes erupted.", published=dt.date(2021, 1, 1)))
    assert len(find_triggers(article)) == 1 and article.triggers == []


# ---------------------------------------------------------------- context, combination, sides, retyping

def _trigger(text: str, word: str, event_type: str, sub: str, priority: int = 50) -> Trigger:
    start = text.index(word)
    return Trigger(start=start, end=start + len(word), event_type=event_type, sub_event_type=sub, sentence=0,
                   priority=priority)


@pytest.mark.parametrize("text,kept", [
    ("No injuries were reported.", []),
    ("Residents protested against the killing of a student.", ["protested"]),
    ("Police arrested two men in connection with the bombing.", ["arrested"]),
    ("Following the murder of a student, residents protested.", ["protested"]),
    ("Students demonstrated and set fire to a bus.", ["demonstrated", "set fire"]),
    ("Militants attacked the village and killed three people.", ["attacked the village", "killed"]),
])
def test_triggers_in_context_drops_negated_and_topics(text, kept):
    found = article_of(text).triggers
    assert [text[t.start:t.end] for t in in_context(text, 0, len(text), found)] == kept


@pytest.mark.parametrize("text,best_word,expected", [
    ("Students staged a demonstration and set fire to a bus.", "demonstration", (RIO, "Violent demonstration")),
    ("Residents demonstrated; 15 demonstrators were arrested.", "demonstrated", (PRO, "Protest with intervention")),
    ("Residents demonstrated peacefully.", "demonstrated", (PRO, "Peaceful protest")),
])
def test_triggers_combine_types_by_what_else_happened(text, best_word, expected):
    found = in_context(text, 0, len(text), article_of(text).triggers)
    top = next(t for t in found if text[t.start:t.end] == best_word)
    combined = combine(top, found)
    assert (combined.event_type, combined.sub_event_type) == expected


@pytest.mark.parametrize("text,word,expected", [
    ("Gunmen killed a resident.", "killed", ("political militia", "civilians")),
    ("A resident was killed by gunmen.", "killed", ("political militia", "civilians")),
    ("Two soldiers were killed.", "killed", (None, "state forces")),
    ("Villagers attacked the police post.", "attacked", ("rioters", "state forces")),
    ("A villager attacked his neighbour.", "attacked", ("political militia", "civilians")),  # no crowd
    ("GNA and LNA forces clashed in the village.", "clashed", (None, None)),  # a place is no victim
    ("Clashes between farmers and herders erupted.", "Clashes", ("identity militia", "civilians")),
    ("Gunmen shot at the house of the mayor.", "shot", ("political militia", "property")),
])
def test_triggers_sides_read_attacker_and_victim(text, word, expected):
    trigger = _trigger(text, word, VAC, "Attack")
    assert sides(text, 0, len(text), trigger, find_sides(text)) == expected


@pytest.mark.parametrize("event_type,sub,priority,categories,expected", [
    (BAT, "Armed clash", 50, ("political militia", "civilians"), (VAC, "Attack")),
    (BAT, "Armed clash", 50, ("political militia", None), (VAC, "Attack")),  # no armed side attacked
    (BAT, "Armed clash", 68, ("identity militia", "civilians"), (BAT, "Armed clash")),  # a clash has two sides
    (BAT, "Armed clash", 68, ("protesters", "state forces"), (RIO, "Violent demonstration")),
    (BAT, "Armed clash", 68, ("civilians", "civilians"), (RIO, "Mob violence")),
    (VAC, "Attack", 49, ("political militia", "state forces"), (BAT, "Armed clash")),
    (VAC, "Attack", 49, (None, "state forces"), (BAT, "Armed clash")),
    (VAC, "Attack", 49, ("rioters", "civilians"), (RIO, "Mob violence")),
    (VAC, "Attack", 52, ("state forces", "protesters"), (PRO, "Protest with intervention")),
    (VAC, "Attack", 49, ("political militia", "property"), (SD, "Looting/property destruction")),
    (ERV, "Air/drone strike", 90, ("state forces", "civilians"), (ERV, "Air/drone strike")),  # specific words keep
    (VAC, "Attack", 76, ("state forces", "state forces"), (VAC, "Attack")),
])
def test_triggers_refine_by_sides(event_type, sub, priority, categories, expected):
    trigger = Trigger(start=0, end=1, event_type=event_type, sub_event_type=sub, priority=priority)
    refined = refine(trigger, None, None, "en", categories)
    assert (refined.event_type, refined.sub_event_type) == expected


@pytest.mark.parametrize("text,span,category,expected", [
    ("Residents of the town attacked the police.", "Residents", "civilians", "rioters"),  # a crowd
    ("A resident attacked his neighbour.", "A resident", "civilians", "political militia"),  # one armed person
    ("Fulani herders attacked the farmers.", "Fulani herders", "civilians", "identity militia"),
    ("A group of armed men attacked the bus.", "A group", "civilians", "political militia"),
    ("A group of people attacked the doctor.", "A group", "civilians", "rioters"),
    ("Two groups of UNP supporters clashed.", "UNP supporters", "political militia", "rioters"),
    ("Imbonerakure attacked the village.", "Imbonerakure", "political militia", "political militia"),
])
def test_triggers_as_attacker_reads_what_a_mention_is(text, span, category, expected):
    start = text.index(span)
    actor = "UNP: United National Party" if "UNP" in span else "X"
    mention = ActorMention(start=start, end=start + len(span), actor=actor, category=category, sentence=0)
    assert as_attacker(text, mention) == expected


@pytest.mark.parametrize("text,span,category,expected", [
    ("Gunmen shot a retired policeman.", "policeman", "state forces", "civilians"),
    ("Gunmen shot a policeman.", "policeman", "state forces", "state forces"),
    ("Militants attacked three CNL members.", "CNL", "political militia", "civilians"),
])
def test_triggers_as_victim_reads_what_a_mention_is(text, span, category, expected):
    start = text.index(span)
    actor = "CNL: National Congress for Liberty" if span == "CNL" else "X"
    mention = ActorMention(start=start, end=start + len(span), actor=actor, category=category, sentence=0)
    assert as_victim(text, mention) == expected


def test_triggers_participants_load_with_categories():
    lexicon = participants()
    assert len(lexicon.victim) == len(lexicon.attacker) > 5


# ---------------------------------------------------------------- the seed article (the project's measuring stick)

@pytest.fixture(scope="module")
def seed() -> Article:
    return triggers(segment(seed_article()))


@pytest.mark.parametrize("cue,expected", [
    ("had taken control of the border crossing", (SD, "Non-violent transfer of territory")),
    ("it controlled the border crossing", (SD, "Non-violent transfer of territory")),
    ("announced a total ban on the operations", (SD, "Other")),
    ("Haftar announced in a statement on Thursday", (SD, "Other")),
    ("the convoy that arrived on Saturday", (SD, "Other")),
    ("launched an offensive", (BAT, "Armed clash")),
])
def test_triggers_seed_article(seed, cue, expected):
    sentence = next(s for s in seed.sentences if cue in seed.text[s.start:s.end])
    top = max(seed.in_sentence(seed.triggers, sentence.index), key=lambda t: (t.priority, -t.start))
    assert (top.event_type, top.sub_event_type) == expected
