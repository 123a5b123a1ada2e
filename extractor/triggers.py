"""Find the words that signal an ACLED event type, and type an event by who is involved.

data/event_types/<lang>/triggers.tsv lists patterns with their event type, sub-event
type and a priority. They compile once per language into small alternations keyed by
the two characters a match can start with; the article is scanned once, trying at each
word start only the rules that can begin there (`WordMatcher`, also used for the
participant and death-count lexicons): no per-sentence work, the same matches as one
alternation of all rules, highest priority first.

A sentence's best trigger is its highest-priority one (`events.best_trigger`); then
three data-driven steps give it ACLED's type, as the codebook types by context and
by who is involved rather than by the word alone:

- `combine` (combine.tsv): what else the sentence or note holds ("demonstrated" with
  "set fire" is a violent demonstration, protesters arrested a protest with intervention);
- `sides` (participants.tsv): the class of the attacker and the victim when the actor
  stage found no actor there ("killed a resident", "two soldiers were shot");
- `refine` (refine.tsv): retyping by those categories (armed men killing civilians is
  Violence against civilians, villagers fighting each other a Riot).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .article import ActorMention, Article, Trigger
from .errors import ResourceError
from .resources import data_path, read_table
from .schema import taxonomy
from .wordmatch import WordMatcher, word_matcher

NO_EVENT = "-"  # the type of a phrase that holds a trigger word but names no event ("riot police")
# ' .. ' in a pattern: up to five words of the same sentence in between
_GAP = r"(?:\s+[^\s.;!?]+){0,5}?\s+"


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One line of triggers.tsv."""

    pattern: str
    event_type: str
    sub_event_type: str
    priority: int
    example: str
    line: int


def lexicon_path(lang: str, name: str = "triggers.tsv") -> Path:
    """data/event_types/<lang>/<name>, or the English file while a language has none of its own."""
    path = data_path("event_types", lang, name)
    return path if path.exists() else data_path("event_types", "en", name)


def expand(pattern: str) -> str:
    """The regex a lexicon pattern stands for: ' .. ' is a word gap, a space any whitespace
    (an optional space, ' ?', any or none)."""
    parts = pattern.split(" .. ")
    return _GAP.join(re.sub(r" +", r"\\s+", part.replace(" ?", r"\s*")) for part in parts)


def _checked_type(path: Path, line: int, event_type: str, sub_type: str) -> None:
    allowed = taxonomy()
    if event_type not in allowed:
        raise ResourceError("E020", path=path, line=line,
                            detail=f"event type '{event_type}' is not one of {list(allowed)}")
    if sub_type not in allowed[event_type]:
        raise ResourceError("E020", path=path, line=line,
                            detail=f"sub-event type '{sub_type}' is not one of {list(allowed[event_type])}")


def _checked_regex(path: Path, line: int, pattern: str, example: str) -> re.Pattern[str]:
    """A lexicon pattern compiled as whole words, with no capturing group, matching its example."""
    try:
        compiled = re.compile(r"\b(?:" + expand(pattern) + r")\b", re.IGNORECASE)
    except re.error as exc:
        raise ResourceError("E020", path=path, line=line, detail=f"bad regex: {exc}") from None
    if compiled.groups:
        raise ResourceError("E020", path=path, line=line,
                            detail="use (?:...) groups only: a capturing group would shift the rule numbering")
    if not compiled.search(example):
        raise ResourceError("E020", path=path, line=line,
                            detail=f"the pattern does not match its own example '{example}'")
    return compiled


@lru_cache(maxsize=None)
def rules(lang: str = "en") -> tuple[TriggerRule, ...]:
    """The trigger lexicon, checked as it loads: known types (or '-' for a phrase that is no
    event), integer priority, a regex that compiles with no capturing group and matches its
    own example."""
    path = lexicon_path(lang)
    out = []
    for number, (pattern, event_type, sub_type, priority, example) in read_table(path, 5):
        if (event_type, sub_type) != (NO_EVENT, NO_EVENT):
            _checked_type(path, number, event_type, sub_type)
        if not priority.lstrip("-").isdigit():
            raise ResourceError("E020", path=path, line=number, detail=f"priority '{priority}' is not an integer")
        _checked_regex(path, number, pattern, example)
        out.append(TriggerRule(pattern, event_type, sub_type, int(priority), example, number))
    return tuple(out)




@lru_cache(maxsize=None)
def compiled(lang: str = "en") -> tuple[WordMatcher, tuple[TriggerRule, ...]]:
    """The matcher of a language's triggers and its rules in the order they are tried where two
    could start at one word: highest priority first, so the specific phrase beats the general
    word inside it ("opened fire on protesters" before "opened fire"), then the longest."""
    ordered = tuple(sorted(rules(lang), key=lambda r: (-r.priority, -len(r.pattern), r.line)))
    alternatives = tuple(expand(rule.pattern) for rule in ordered)
    folder = lexicon_path(lang).parent.name  # a language that borrows the English lexicon shares its cache
    return word_matcher(alternatives, suffix=r"\b", cache=f"triggers-{folder}"), ordered


def find_triggers(article: Article) -> list[Trigger]:
    """Every trigger in the article, in text order (pure: the article is not changed)."""
    matcher, ordered = compiled(article.lang)
    found = []
    sentences, index = article.sentences, 0
    for number, match in matcher.finditer(article.text):
        rule, start = ordered[number], match.start()
        if rule.event_type == NO_EVENT:
            continue  # it holds its words so that no rule reads an event in them
        while index < len(sentences) and sentences[index].end <= start:
            index += 1
        inside = index < len(sentences) and sentences[index].start <= start
        found.append(Trigger(start=start, end=match.end(), event_type=rule.event_type,
                             sub_event_type=rule.sub_event_type, sentence=index if inside else -1,
                             priority=rule.priority))
    return found


# ---------------------------------------------------------------- what a trigger stands in

@dataclass(frozen=True, slots=True)
class Context:
    """context.tsv compiled: negation before a trigger, topics of protests and arrests."""

    negation: re.Pattern[str]
    about: frozenset[str]  # event types whose later triggers may be their topic
    topical: frozenset[str]  # event types a protest or an arrest may be about
    topic: re.Pattern[str]
    lead: re.Pattern[str]


@lru_cache(maxsize=None)
def context(lang: str = "en") -> Context:
    """The context rules of a language, checked as they load."""
    path = lexicon_path(lang, "context.tsv")
    found: dict[str, list[str]] = {}
    for number, (kind, pattern, _example) in read_table(path, 3):
        if kind not in ("negation", "about", "topical", "topic", "lead"):
            raise ResourceError("E020", path=path, line=number, detail=f"kind '{kind}' is not negation, about, "
                                "topical, topic or lead")
        if kind in ("about", "topical") and pattern not in taxonomy():
            raise ResourceError("E020", path=path, line=number, detail=f"unknown event type '{pattern}'")
        if kind not in ("about", "topical"):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ResourceError("E020", path=path, line=number, detail=f"bad regex: {exc}") from None
        found.setdefault(kind, []).append(pattern)

    def joined(kind: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in found.get(kind, ["(?!)"])), re.IGNORECASE)
    return Context(joined("negation"), frozenset(found.get("about", ())), frozenset(found.get("topical", ())),
                   joined("topic"), joined("lead"))


_TOPIC_REACH = 45  # characters: a topic is a short phrase ("against the [killing]"), not the next clause


def in_context(text: str, start: int, end: int, found: list[Trigger], lang: str = "en") -> list[Trigger]:
    """The triggers of a sentence [start, end) that name an event of it: not negated ("no
    injuries"), not the topic of a protest or an arrest the sentence reports ("protested
    against the killing", "Following the murder of a student, residents protested"); pure."""
    rules = context(lang)
    kept = [t for t in found if not rules.negation.search(text, max(start, t.start - 30), t.start)]
    if len(kept) < 2 or not any(t.event_type in rules.about for t in kept):
        return kept
    lead = rules.lead.match(text, start)
    out: list[Trigger] = []
    framing: list[Trigger] = []  # protests, arrests... even as topics: "against the arrest ... for murder"
    for trigger in kept:
        topic = trigger.event_type in rules.topical and any(
            rules.topic.search(text, max(f.end, trigger.start - _TOPIC_REACH), trigger.start) for f in framing)
        if trigger.event_type in rules.about:
            framing.append(trigger)
        if topic:
            continue  # what an earlier protest or arrest is about
        if lead is not None and lead.end() <= trigger.start and trigger.event_type not in rules.about and any(
                f.start > trigger.start and f.event_type in rules.about for f in kept):
            continue  # the background a sentence opens with
        out.append(trigger)
    return out


# ---------------------------------------------------------------- what else the sentence holds

@dataclass(frozen=True, slots=True)
class CombineRule:
    """One line of combine.tsv: a best trigger retyped by another trigger beside it."""

    event_type: str
    sub_event_type: str  # '*': any
    other_type: str
    other_sub_type: str  # '*': any
    new_event_type: str
    new_sub_event_type: str


def _fits_type(trigger: Trigger, event_type: str, sub_type: str) -> bool:
    return trigger.event_type == event_type and sub_type in ("*", trigger.sub_event_type)


@lru_cache(maxsize=None)
def combine_rules(lang: str = "en") -> tuple[CombineRule, ...]:
    """The co-occurrence rules of a language, checked against the taxonomy."""
    path = lexicon_path(lang, "combine.tsv")
    out = []
    for number, (etype, sub, other, other_sub, new_type, new_sub, _example) in read_table(path, 7):
        for event_type, sub_type in ((etype, sub), (other, other_sub), (new_type, new_sub)):
            if sub_type == "*":
                if event_type not in taxonomy():
                    raise ResourceError("E020", path=path, line=number, detail=f"unknown event type '{event_type}'")
            else:
                _checked_type(path, number, event_type, sub_type)
        out.append(CombineRule(etype, sub, other, other_sub, new_type, new_sub))
    return tuple(out)


def combine(best: Trigger | None, others: list[Trigger], lang: str = "en") -> Trigger | None:
    """The best trigger retyped by the first combine.tsv rule another trigger fits; pure.

    ACLED types a demonstration with violence as a riot, one broken up by arrests as a
    protest with intervention: the type of the whole, not of its loudest word.
    """
    if best is None:
        return None
    for rule in combine_rules(lang):
        if _fits_type(best, rule.event_type, rule.sub_event_type) and any(
                other is not best and _fits_type(other, rule.other_type, rule.other_sub_type) for other in others):
            return replace(best, event_type=rule.new_event_type, sub_event_type=rule.new_sub_event_type)
    return best


# ---------------------------------------------------------------- who attacks whom, when no actor is named

@dataclass(frozen=True, slots=True)
class Participants:
    """participants.tsv compiled: one matcher over its words, their categories, the voice cues."""

    matcher: WordMatcher
    victim: tuple[str, ...]  # alternative i -> ACLED category of those who undergo violence
    attacker: tuple[str, ...]  # alternative i -> ACLED category of those who commit it ('-': nobody)
    passive: re.Pattern[str]  # just before a trigger: the victim came first
    agent: re.Pattern[str]  # just before a participant: it is the agent ("by gunmen")
    oblique: re.Pattern[str]  # between a trigger and a participant: a place or time, not the victim
    affiliates: re.Pattern[str]  # next to a party's name: its supporters, not its militia
    between: re.Pattern[str]  # right after a trigger: the two participants after it are its two sides
    agent_after: re.Pattern[str]  # right after a trigger, as headlines write the passive ("killed by police")
    member_of: re.Pattern[str]  # after a group word: what the group is made of ("a group of armed men")


_CUES = ("passive", "agent", "oblique", "affiliate", "between", "agent_after", "member_of")
PROPERTY = "property"  # a side that is buildings, not people (participants.tsv, refine.tsv)


@lru_cache(maxsize=None)
def participants(lang: str = "en") -> Participants:
    """Words for attackers and victims with their ACLED categories, checked as they load."""
    from .actors import CATEGORIES

    path = lexicon_path(lang, "participants.tsv")
    parts, victim, attacker, cues = [], [], [], {}
    for number, (kind, as_attacker, pattern, example) in read_table(path, 4):
        if kind in _CUES:
            cues.setdefault(kind, []).append(pattern)
            continue
        as_attacker = kind if as_attacker == "=" else as_attacker
        for category in (kind, as_attacker):
            if category not in CATEGORIES and category not in ("-", PROPERTY):
                raise ResourceError("E020", path=path, line=number, detail=f"'{category}' is not an ACLED "
                                    f"category {list(CATEGORIES)} or a cue {_CUES}")
        _checked_regex(path, number, pattern, example)
        parts.append(expand(pattern))
        victim.append(kind)
        attacker.append(as_attacker)
    missing = [k for k in _CUES if k not in cues]
    if missing:
        raise ResourceError("E020", path=path, line=0, detail=f"cue lines missing: {missing}")
    passive = re.compile(r"\b(?:" + "|".join(cues["passive"]) + r")\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)
    agent = re.compile(r"\b(?:" + "|".join(cues["agent"]) + r")\s+(?:[\w'-]+\s+){0,3}\Z", re.IGNORECASE)
    oblique = re.compile(r"\b(?:" + "|".join(cues["oblique"]) + r")\b", re.IGNORECASE)
    words = "|".join(cues["affiliate"])
    affiliates = re.compile(rf"\s*(?:\([^)]{{0,20}}\)\s*)?(?:{words})\b|(?:{words})\s+(?:of|from)\s+(?:the\s+)?\Z",
                            re.IGNORECASE)
    matcher = word_matcher(tuple(parts), suffix=r"\b", cache=f"participants-{path.parent.name}")
    between = re.compile(r"\s+(?:[\w-]+\s+)?(?:" + "|".join(cues["between"]) + r")\b", re.IGNORECASE)
    agent_after = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(cues["agent_after"]) + r")\b", re.IGNORECASE)
    member_of = re.compile(r"\s+(?:" + "|".join(cues["member_of"]) + ")", re.IGNORECASE)
    return Participants(matcher, tuple(victim), tuple(attacker), passive, agent, oblique, affiliates, between,
                        agent_after, member_of)


@dataclass(frozen=True, slots=True)
class Side:
    """A participant word of a sentence: where it is and its categories as victim and attacker
    (None: a place or thing, no attacker)."""

    start: int
    end: int
    victim: str
    attacker: str | None


# words that name several people, so many people acting together make a crowd
_PLURAL = re.compile(r"(?:s|men|people|children|folk|youth|police|personnel|staff)\Z|\b(?:group|mob|crowd|clan|famil"
                     r"y|community|camp|faction|gang|public)\b", re.IGNORECASE)


def find_sides(text: str, lang: str = "en", start: int = 0, end: int | None = None) -> list[Side]:
    """Every participant word of text[start:end], in text order (one pass). One person of a crowd
    word who attacks is no crowd: "a resident stabbed his neighbour" is an armed individual, as
    ACLED codes a lone attacker."""
    lexicon = participants(lang)
    found = []
    for i, match in lexicon.matcher.finditer(text, start, end):
        attacker = lexicon.attacker[i]
        if attacker == "rioters" and not _PLURAL.search(match.group(0)):
            attacker = "political militia"
        found.append(Side(match.start(), match.end(), lexicon.victim[i], None if attacker == "-" else attacker))
    return found


def sides(text: str, start: int, end: int, trigger: Trigger, found: list[Side], lang: str = "en",
          undergone: bool = False) -> tuple[str | None, str | None]:
    """(attacker, victim) categories around a trigger within [start, end), from participant words.

    Active voice: the attacker is the nearest participant before the trigger, the victim
    the first after it ("gunmen killed a resident") unless a place or time word stands
    between ("clashed in the village"); passive voice swaps the side before ("a resident
    was killed", and for a word whose subject `undergone` it: "a man died"); a participant
    after 'by' is the attacker either way.
    """
    lexicon = participants(lang)
    before = [s for s in found if start <= s.start and s.end <= trigger.start
              and not lexicon.oblique.search(text, max(start, s.start - 12), s.start)]
    after = [s for s in found if trigger.end <= s.start and s.end <= end]
    if len(after) >= 2 and lexicon.between.match(text, trigger.end):  # clashes between X and Y
        return after[0].attacker, after[1].victim
    passive = undergone or _passive(text, trigger, lexicon)
    attacker = victim = None
    for side in after:
        if lexicon.agent.search(text, max(trigger.end, side.start - 40), side.start):
            attacker = attacker or side.attacker
        elif victim is None and not passive and not lexicon.oblique.search(text, trigger.end, side.start):
            victim = side.victim
    if before:
        if passive:
            victim = before[-1].victim
        elif attacker is None:
            attacker = next((s.attacker for s in reversed(before) if s.attacker is not None), None)
    return attacker, victim


_WORD_GAP = re.compile(r"\S+\s+\S+\s")  # two or more words between: "of [young] individuals" is one


def is_patient(text: str, trigger: Trigger, mention: ActorMention, lang: str = "en") -> bool:
    """True when a mention can be the one who undergoes the event: it stands after the trigger,
    or before it in the passive ("two soldiers were killed")."""
    lexicon = participants(lang)
    if mention.start > trigger.start:  # after the verb, or inside a trigger phrase ("attacked a police post")
        return not lexicon.agent.search(text, max(trigger.end, mention.start - 40), mention.start)
    return _passive(text, trigger, lexicon)


def _passive(text: str, trigger: Trigger, lexicon: Participants) -> bool:
    """A passive trigger: an auxiliary before it ("were killed"), or an agent right after it as in
    headlines ("militants killed by police")."""
    return bool(lexicon.passive.search(text, max(0, trigger.start - 40), trigger.start)
                or lexicon.agent_after.match(text, trigger.end))


def is_agent(text: str, trigger: Trigger, mention: ActorMention, lang: str = "en") -> bool:
    """True when a mention can be the one who acts: it stands before an active trigger, or after
    it behind an agent cue ("was attacked by gunmen")."""
    lexicon = participants(lang)
    if mention.end <= trigger.start:
        return not _passive(text, trigger, lexicon)
    return bool(lexicon.agent.search(text, max(trigger.end, mention.start - 40), mention.start))


_WORD_STARTS = re.compile(r"(?<=\s)\w")
_PARTY = re.compile(r"\b(?:Party|Congress|Alliance|League|Union|Convention|Rally|Coalition)\b")


def _supporters(text: str, mention: ActorMention, lang: str) -> bool:
    """A political party named with its supporters ("CNL supporters", "members of the NPP"):
    unarmed people, not the party's militia (ACLED codes party militias by their own names)."""
    if mention.category != "political militia" or not _PARTY.search(mention.actor):
        return False
    affiliates = participants(lang).affiliates
    return bool(affiliates.match(text, mention.end) or affiliates.search(text, max(0, mention.start - 25),
                                                                           mention.start)
                or any(affiliates.match(text, m.start() - 1) for m in _WORD_STARTS.finditer(text, mention.start + 1,
                                                                                            mention.end)))


def _sides_between(text: str, lang: str, start: int, end: int, found: list[Side] | None) -> list[Side]:
    """The participant words of text[start:end]: from the sentence's, when given, else read."""
    if found is None:
        return find_sides(text, lang, start, end)
    return [s for s in found if start <= s.start and s.end <= end]


def as_victim(text: str, mention: ActorMention, lang: str = "en", found: list[Side] | None = None) -> str:
    """The category of an actor mention that undergoes violence: a longer participant phrase
    around it may say more ("a retired policeman", "an off-duty soldier" are civilians), and a
    party's supporters are civilians. `found`: the sentence's participant words, if read."""
    if _supporters(text, mention, lang):
        return "civilians"
    for side in _sides_between(text, lang, max(0, mention.start - 20), mention.end, found):
        if side.start < mention.start and side.end >= mention.end:
            return side.victim
    return mention.category


def as_attacker(text: str, mention: ActorMention, lang: str = "en", others: tuple[ActorMention, ...] = (),
                found: list[Side] | None = None) -> str:
    """The category of an actor mention that commits violence: a civilian mention by its words
    ("villagers" attacking are rioters, "herders" a communal militia, "a group of" what it is
    made of: another actor mention `others` or participant words), a party's supporters a
    crowd; any other as it is."""
    if _supporters(text, mention, lang):
        return "rioters"
    if mention.category != "civilians":
        return mention.category
    of = participants(lang).member_of.match(text, mention.end)  # "a group of armed men": what the group is made of
    if of is not None:
        member = next((m for m in others if m.start == of.end() and m.category != "civilians"), None)
        if member is not None:
            return as_attacker(text, member, lang, (), found)  # "a group of Imbonerakure", "of UPFA supporters"
        members = [s for s in _sides_between(text, lang, of.end(), of.end() + 40, found)
                   if not _WORD_GAP.search(text, of.end(), s.start)]
        if members and members[0].attacker is not None:
            # a group of people is a crowd; a group of armed men or of a militia is armed
            generic = members[0].victim == "civilians" and members[0].attacker == "political militia"
            return "rioters" if generic else members[0].attacker
    words = [s for s in _sides_between(text, lang, mention.start, mention.end, found) if s.attacker is not None]
    if words:
        return words[-1].attacker
    return mention.category if _PLURAL.search(text[mention.start:mention.end]) else "political militia"


# ---------------------------------------------------------------- retyping by who is involved

@dataclass(frozen=True, slots=True)
class RefineRule:
    """One line of refine.tsv: retype a trigger by the categories of its actors."""

    event_type: str
    sub_event_type: str
    min_priority: int
    max_priority: int
    actor1: frozenset[str] | None  # None: any; '-' in the set: no actor
    actor2: frozenset[str] | None
    new_event_type: str
    new_sub_event_type: str


@lru_cache(maxsize=None)
def refine_rules(lang: str = "en") -> tuple[RefineRule, ...]:
    """The retyping rules of a language, checked against the taxonomy and the actor categories.

    'armed' in a category field stands for every armed category (state forces, rebel
    group, political and identity militia, external/other), '-' for no actor, 'property' for
    buildings (participants.tsv).
    """
    from .actors import CATEGORIES, NON_COMBATANTS

    armed = [c for c in CATEGORIES if c not in NON_COMBATANTS]
    path = lexicon_path(lang, "refine.tsv")
    out = []
    for number, (etype, sub, priority, cats1, cats2, new_type, new_sub, _example) in read_table(path, 8):
        def bad(detail: str) -> ResourceError:
            return ResourceError("E020", path=path, line=number, detail=detail)
        for event_type, sub_type in ((etype, sub), (new_type, new_sub)):
            if sub_type not in taxonomy().get(event_type, ()):
                raise bad(f"'{event_type} / {sub_type}' is not in the taxonomy")
        low, _, high = priority.rpartition("-")
        if not high.isdigit() or (low and not low.isdigit()):
            raise bad(f"priority '{priority}' is not a maximum or a range 'min-max' of integers")

        def categories(field: str) -> frozenset[str] | None:
            if field == "*":
                return None
            found = {c for part in field.split("|") for c in (armed if part == "armed" else [part])}
            unknown = found - set(CATEGORIES) - {"-", PROPERTY}
            if unknown:
                raise bad(f"unknown categories {sorted(unknown)}")
            return frozenset(found)
        out.append(RefineRule(etype, sub, int(low or 0), int(high), categories(cats1), categories(cats2), new_type,
                              new_sub))
    return tuple(out)


def _fits(allowed: frozenset[str] | None, category: str | None) -> bool:
    return allowed is None or ("-" if category is None else category) in allowed


def refine(trigger: Trigger | None, actor1: ActorMention | None, actor2: ActorMention | None, lang: str = "en",
           fallback: tuple[str | None, str | None] = (None, None)) -> Trigger | None:
    """The trigger retyped by who is involved (refine.tsv), or unchanged; pure.

    For the events stage: call it on a sentence's best trigger with the roles that
    `roles.assign_roles` gave ("gunmen attacked villagers" is Violence against civilians,
    "protesters clashed with police" a Riot). `fallback` holds the categories `sides`
    read for a role no actor fills ("killed a resident": the victim is a civilian).
    """
    if trigger is None:
        return None
    category1 = actor1.category if actor1 is not None else fallback[0]
    category2 = actor2.category if actor2 is not None else fallback[1]
    for rule in refine_rules(lang):
        if (rule.event_type == trigger.event_type and rule.sub_event_type == trigger.sub_event_type
                and rule.min_priority <= trigger.priority <= rule.max_priority and _fits(rule.actor1, category1)
                and _fits(rule.actor2, category2)):
            return replace(trigger, event_type=rule.new_event_type, sub_event_type=rule.new_sub_event_type)
    return trigger


def triggers(article: Article) -> Article:
    """Pipeline stage: fill `article.triggers`."""
    article.triggers = find_triggers(article)
    return article


__all__ = ["triggers", "find_triggers", "rules", "compiled", "expand",
           "NO_EVENT", "in_context", "context", "Context", "combine", "combine_rules", "participants", "find_sides",
           "sides", "as_attacker", "as_victim", "is_agent", "is_patient", "Side", "PROPERTY", "refine", "refine_rules",
           "lexicon_path", "TriggerRule", "RefineRule", "CombineRule"]
