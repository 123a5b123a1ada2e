"""Event triggers from the lexicon: types, precedence, one compiled pass."""
import datetime as dt
import re
from pathlib import Path

import pytest

from extractor.actors import actors
from extractor.article import Article
from extractor.roles import assign_roles
from extractor.segment import segment
from extractor.triggers import compiled, expand, find_triggers, first_chars, refine, rules, triggers

SD, BAT, ERV = "Strategic developments", "Battles", "Explosions/Remote violence"
VAC, PRO, RIO = "Violence against civilians", "Protests", "Riots"


def best(text: str):
    article = triggers(segment(Article(id="t", text=text, published=dt.date(2021, 6, 19))))
    found = article.triggers
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
])
def test_triggers_best_type(text, expected):
    assert best(text) == expected


def test_triggers_carry_sentence_and_offsets():
    article = triggers(segment(Article(id="t", text="Calm. Then clashes erupted.", published=dt.date(2021, 1, 1))))
    (trigger,) = article.triggers
    assert article.text[trigger.start:trigger.end] == "clashes" and trigger.sentence == 1
    assert (trigger.event_type, trigger.sub_event_type, trigger.priority) == (BAT, "Armed clash", 68)


@pytest.mark.parametrize("rule", rules(), ids=lambda r: f"line{r.line}")
def test_triggers_every_example_gets_its_own_type(rule):
    """The lexicon's examples are its test cases: each must come out as its own row's type."""
    assert best(rule.example) == (rule.event_type, rule.sub_event_type)


def test_triggers_grouped_regex_equals_flat_alternation():
    """The first-character grouping is an optimisation only: same matches as one flat alternation."""
    regex, ordered = compiled("en")
    flat = re.compile(r"\b(?:" + "|".join(f"(?:{expand(r.pattern)})" for r in ordered) + r")\b", re.IGNORECASE)
    text = " ".join(r.example for r in ordered) + " On 3 March the 48-hour strike began; RPGs and IED/mine blasts."
    assert [m.span() for m in regex.finditer(text)] == [m.span() for m in flat.finditer(text)]


@pytest.mark.parametrize("regex,expected", [
    ("attack(?:ed|s)?", {"a"}),
    ("(?:killed|murdered)", {"k", "m"}),
    (r"(?:a |an )?ban", {"a", "b"}),
    (r"\d+-day strike", set("0123456789")),
    (r"(?-i:IEDs?)", {"i"}),
    (r"\w+", None),
])
def test_triggers_first_chars(regex, expected):
    assert first_chars(regex) == (frozenset(expected) if expected is not None else None)


@pytest.mark.parametrize("text,expected", [
    ("Gunmen attacked villagers in the night.", (VAC, "Attack")),
    ("Protesters clashed with police in Kenya.", (RIO, "Violent demonstration")),
    ("Militants killed two soldiers.", (BAT, "Armed clash")),
    ("An airstrike killed two civilians.", (ERV, "Air/drone strike")),  # a specific word keeps its type
])
def test_triggers_refine_by_actors(text, expected):
    article = triggers(actors(segment(Article(id="t", text=text, published=dt.date(2021, 1, 1)))))
    top = max(article.triggers, key=lambda t: (t.priority, -t.start))
    actor1, actor2 = assign_roles(article, 0, top)
    refined = refine(top, actor1, actor2)
    assert (refined.event_type, refined.sub_event_type) == expected


def test_triggers_find_is_pure():
    article = segment(Article(id="t", text="Clashes erupted.", published=dt.date(2021, 1, 1)))
    assert len(find_triggers(article)) == 1 and article.triggers == []


# ---------------------------------------------------------------- the seed article (the project's measuring stick)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_47cb661035da28a3.txt"


@pytest.fixture(scope="module")
def seed() -> Article:
    text = re.sub(r"\A---\n.*?\n---\n", "", SEED.read_text(encoding="utf-8"), flags=re.S)
    return triggers(segment(Article(id="seed-libya", text=text, published=dt.date(2021, 6, 19))))


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
