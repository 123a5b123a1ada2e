"""Decide who acts (actor1) and who undergoes (actor2) around an event trigger.

Pure functions over the article's mentions: no parser, only the few constructions
that carry roles in news and ACLED notes, read from the words around the trigger
(the closed-class words are data: data/actors/<lang>/roles.tsv):

    X attacked Y                 actor1 X, actor2 Y      (active: the subject of the trigger's clause)
    Y was attacked by X          actor1 X, actor2 Y      (passive: the agent after 'by')
    an attack by X on Y          actor1 X, actor2 Y      (nominal: the agent after 'by')
    X's strike on Y              actor1 X, actor2 Y      (possessive)
    clashes between X and Y      actor1 X, actor2 Y
    X, a commander, stated that  actor1 X                (no trigger: the sentence's subject)

A role the sentence does not fill stays None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .article import ActorMention, Article, Trigger
from .errors import ResourceError
from .resources import data_path, read_table

WORD_CLASSES = ("preposition", "agent", "target", "between", "clause", "boundary")
_WORD = r"[\w'’-]+"
_FIRST_WORD = re.compile(r"\S+")
_PREVIOUS = re.compile(r"([\w'’-]+|[^\w\s])\s*\Z")
_SKIP_BEFORE = re.compile(r"(?:the|a|an|some|several|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds"
                          r"|\d[\d,]*|suspected|alleged|unidentified|unknown|armed|local|other)\Z", re.IGNORECASE)


@dataclass(frozen=True)
class RoleWords:
    """The compiled closed-class patterns of one language."""

    prepositions: frozenset[str]
    agent_gap: re.Pattern[str]
    target_gap: re.Pattern[str]
    between_gap: re.Pattern[str]
    and_gap: re.Pattern[str]
    clause: re.Pattern[str]
    boundary: re.Pattern[str]
    possessive_gap: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    parts = [re.escape(w).replace(r"\ ", r"\s+") if w[0].isalpha() else re.escape(w) for w in ordered]
    return "(?:" + "|".join(parts) + ")"


def _bounded(words: list[str]) -> str:
    """Words as whole words; punctuation marks as themselves."""
    alpha = [w for w in words if w[0].isalpha()]
    marks = [w for w in words if not w[0].isalpha()]
    parts = []
    if alpha:
        parts.append(r"\b" + _alternation(alpha) + r"\b")
    if marks:
        parts.append(_alternation(marks))
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=None)
def role_words(lang: str = "en") -> RoleWords:
    """Load roles.tsv once and compile its word classes."""
    path = data_path("actors", lang, "roles.tsv")
    if not path.exists():
        path = data_path("actors", "en", "roles.tsv")
    classes: dict[str, list[str]] = {}
    for number, (kind, words) in read_table(path, 2):
        if kind not in WORD_CLASSES:
            raise ResourceError("E020", path=path, line=number, detail=f"word class '{kind}' is not one of "
                                f"{WORD_CLASSES}")
        classes.setdefault(kind, []).extend(w.strip().lower() for w in words.split("|") if w.strip())
    missing = [k for k in WORD_CLASSES if k not in classes]
    if missing:
        raise ResourceError("E020", path=path, line=0, detail=f"word classes missing: {missing}")
    words = rf"(?:{_WORD}\s+)"
    return RoleWords(
        prepositions=frozenset(classes["preposition"]),
        agent_gap=re.compile(rf"\s*(?:{_WORD}\s+){{0,3}}?{_bounded(classes['agent'])}\s+{words}{{0,2}}\Z",
                             re.IGNORECASE),
        target_gap=re.compile(rf"\s*(?:{_WORD}\s+){{0,3}}?{_bounded(classes['target'])}\s+{words}{{0,3}}\Z",
                              re.IGNORECASE),
        between_gap=re.compile(rf"\s*(?:{_WORD}\s+){{0,3}}?{_bounded(classes['between'])}\s+{words}{{0,2}}\Z",
                               re.IGNORECASE),
        and_gap=re.compile(rf"\s*,?\s*(?:and|&)\s+{words}{{0,2}}\Z", re.IGNORECASE),
        clause=re.compile(_bounded(classes["clause"]), re.IGNORECASE),
        boundary=re.compile(_bounded(classes["boundary"]), re.IGNORECASE),
        possessive_gap=re.compile(rf"['’]s?\s+(?:{_WORD}\s+){{0,2}}\Z"),
    )


@dataclass(frozen=True, slots=True)
class Implied:
    """The actor an event type implies for actor1 (implied.tsv)."""

    template: str
    category: str
    relabels: frozenset[str]


@lru_cache(maxsize=None)
def implied_actors(lang: str = "en") -> dict[str, Implied]:
    """event type -> the actor1 it implies."""
    from .actors import CATEGORIES
    from .schema import taxonomy

    path = data_path("actors", lang, "implied.tsv")
    if not path.exists():
        path = data_path("actors", "en", "implied.tsv")
    out = {}
    for number, (event_type, template, category, relabels) in read_table(path, 4):
        if event_type not in taxonomy():
            raise ResourceError("E020", path=path, line=number, detail=f"unknown event type '{event_type}'")
        labels = frozenset() if relabels == "-" else frozenset(relabels.split("|"))
        unknown = ({category} | labels) - set(CATEGORIES)
        if unknown:
            raise ResourceError("E020", path=path, line=number, detail=f"unknown categories {sorted(unknown)}")
        out[event_type] = Implied(template, category, labels)
    return out


def _implied_roles(article: Article, trigger: Trigger, mentions: list[ActorMention],
                   actor1: ActorMention | None, actor2: ActorMention | None
                   ) -> tuple[ActorMention | None, ActorMention | None]:
    """Protests and riots: the demonstrators act, whoever the sentence makes its subject."""
    rule = implied_actors(article.lang).get(trigger.event_type)
    if rule is None:
        return actor1, actor2
    own = next((m for m in mentions if m.category == rule.category), None)
    if own is not None:
        if actor1 is own:
            return actor1, actor2
        other = actor1 if actor1 is not None and actor1.actor != own.actor else actor2
        return own, other if other is not own else None
    if actor1 is not None and actor1.category in rule.relabels:
        return replace(actor1, actor=_fill(rule.template, actor1.country or article.country, article.lang),
                       category=rule.category), actor2
    implied = ActorMention(start=trigger.start, end=trigger.end, category=rule.category,
                           actor=_fill(rule.template, article.country, article.lang),
                           sentence=trigger.sentence, country=article.country, via="pattern")
    return implied, actor1 if actor1 is not None else actor2


def _fill(template: str, country: str | None, lang: str) -> str:
    from .actors import country_names, fill

    return fill(template, country_names(lang).get(country) if country else None)


# ---------------------------------------------------------------- helpers

def _is_oblique(text: str, mention: ActorMention, floor: int, words: RoleWords) -> bool:
    """True when a preposition governs the mention ("the support of Egypt"): it is no subject."""
    end = mention.start
    for _ in range(4):  # skip determiners, numbers and a few modifiers
        match = _PREVIOUS.search(text, max(floor, end - 40), end)
        if not match:
            return False
        word = match.group(1)
        if _SKIP_BEFORE.match(word):
            end = match.start()
            continue
        return word.lower() in words.prepositions
    return False


def _reachable(text: str, start: int, mention: ActorMention, words: RoleWords) -> bool:
    """True when nothing ends the trigger's phrase between `start` and the mention."""
    return mention.start <= start or not words.boundary.search(text, start, mention.start)


def _subject(text: str, mentions: list[ActorMention], floor: int, limit: int, words: RoleWords
             ) -> ActorMention | None:
    """The subject-position mention before `limit`: the first one no preposition governs."""
    before = [m for m in mentions if m.start < limit]
    for mention in before:
        if not _is_oblique(text, mention, floor, words):
            return mention
    return None


def _other(candidates: list[ActorMention], actor1: ActorMention | None) -> ActorMention | None:
    """The first candidate that is neither actor1's mention nor actor1's actor."""
    for mention in candidates:
        if actor1 is None or (mention is not actor1 and mention.actor != actor1.actor):
            return mention
    return None


# ---------------------------------------------------------------- roles

def assign_roles(article: Article, sentence_index: int, trigger: Trigger | None
                 ) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) of a sentence's event; None where the sentence does not say.

    Without a trigger, actor1 is the sentence's subject-position actor and actor2 None.
    A protest or riot trigger implies its demonstrators as actor1 (data/actors/<lang>/implied.tsv).
    """
    if not 0 <= sentence_index < len(article.sentences):
        return None, None
    mentions = sorted((m for m in article.actors if m.sentence == sentence_index), key=lambda m: m.start)
    actor1, actor2 = _constructed_roles(article, sentence_index, trigger, mentions)
    if trigger is not None:
        actor1, actor2 = _implied_roles(article, trigger, mentions, actor1, actor2)
    return actor1, actor2


def _constructed_roles(article: Article, sentence_index: int, trigger: Trigger | None,
                       mentions: list[ActorMention]) -> tuple[ActorMention | None, ActorMention | None]:
    """The roles the sentence's construction gives (see the module docstring)."""
    sentence = article.sentences[sentence_index]
    if not mentions:
        return None, None
    text, words = article.text, role_words(article.lang)
    if trigger is None:
        return _subject(text, mentions, sentence.start, sentence.end, words) or mentions[0], None

    # a mention that opens the trigger ("protesters clashed") is its subject; one inside it, its object
    before = [m for m in mentions if m.start <= trigger.start]
    after = [m for m in mentions if m.start > trigger.start]
    # a trigger with a gap may hold a mention ("attack by Taliban militants on a check point"):
    # the constructions are read from its head, the words before the first mention inside it
    reach = trigger.end
    if any(m.start < trigger.end for m in after):
        reach = _FIRST_WORD.match(text, trigger.start).end()

    # clashes between X and Y
    if len(after) >= 2 and after[0].start >= reach and words.between_gap.match(text, reach, after[0].start) \
            and words.and_gap.match(text, after[0].end, after[1].start):
        return after[0], after[1]

    # Y was attacked by X / an attack by X (on Y)
    agent = next((m for m in after if m.start >= reach and words.agent_gap.match(text, reach, m.start)), None)
    if agent is not None:
        target = next((m for m in after if m.start >= agent.end and m is not agent
                       and words.target_gap.match(text, agent.end, m.start)), None)
        if target is None:
            subject = _clause_subject(text, before, sentence.start, trigger, words)
            target = subject
        return agent, target if target is not None and target.actor != agent.actor else None

    # X's strike on Y
    owner = next((m for m in reversed(before) if m.end <= trigger.start
                  and words.possessive_gap.match(text, m.end, trigger.start)), None)
    objects = [m for m in after if _reachable(text, reach, m, words)]
    if owner is not None:
        target = next((m for m in after if m.start >= reach and words.target_gap.match(text, reach, m.start)),
                      None)
        return owner, _other([target] if target else objects, owner)

    # X attacked Y
    actor1 = _clause_subject(text, before, sentence.start, trigger, words)
    if actor1 is None:
        # nothing before the trigger: "the convoy ... was composed of Tuareg fighters"
        if not after:
            return None, None
        return after[0], _other(objects[1:] if objects and objects[0] is after[0] else objects, after[0])
    return actor1, _other(objects, actor1)


def _clause_subject(text: str, before: list[ActorMention], floor: int, trigger: Trigger, words: RoleWords
                    ) -> ActorMention | None:
    """The subject of the trigger: the nearest free mention of its own clause, else the
    sentence's subject ("X, a commander, stated that they took ..."), else the nearest mention."""
    if not before:
        return None
    clause_start = floor
    for match in words.clause.finditer(text, floor, trigger.start):
        clause_start = match.end()
    in_clause = [m for m in before if m.start >= clause_start]
    for mention in reversed(in_clause):
        if not _is_oblique(text, mention, floor, words):
            return mention
    subject = _subject(text, before, floor, trigger.start + 1, words)
    return subject if subject is not None else before[-1]


__all__ = ["assign_roles", "role_words", "implied_actors", "RoleWords", "Implied"]
