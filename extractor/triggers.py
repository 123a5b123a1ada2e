"""Find the words that signal an ACLED event type, from a trigger lexicon kept as data.

data/event_types/<lang>/triggers.tsv lists patterns with their event type, sub-event
type and a priority. All patterns of a language compile into one case-insensitive
alternation (longest pattern first, so "rocket-propelled grenade" beats "grenade"),
scanned once over the article: no per-sentence work. A sentence's best trigger is
its highest-priority one (`events.best_trigger`), which is why the most specific
violent patterns carry the highest numbers.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .article import Article, Trigger
from .errors import ResourceError
from .resources import data_path, read_table
from .schema import taxonomy
from .segment import sentence_at

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


def _lexicon_path(lang: str) -> Path:
    path = data_path("event_types", lang, "triggers.tsv")
    return path if path.exists() else data_path("event_types", "en", "triggers.tsv")


def expand(pattern: str) -> str:
    """The regex a lexicon pattern stands for: ' .. ' is a word gap, a space any whitespace
    (an optional space, ' ?', any or none)."""
    parts = pattern.split(" .. ")
    return _GAP.join(re.sub(r" +", r"\\s+", part.replace(" ?", r"\s*")) for part in parts)


@lru_cache(maxsize=None)
def rules(lang: str = "en") -> tuple[TriggerRule, ...]:
    """The trigger lexicon, checked as it loads: known types, integer priority, a regex that
    compiles with no capturing group and matches its own example."""
    path = _lexicon_path(lang)
    allowed = taxonomy()
    out = []
    for number, (pattern, event_type, sub_type, priority, example) in read_table(path, 5):
        def bad(detail: str) -> ResourceError:
            return ResourceError("E020", path=path, line=number, detail=detail)
        if event_type not in allowed:
            raise bad(f"event type '{event_type}' is not one of {list(allowed)}")
        if sub_type not in allowed[event_type]:
            raise bad(f"sub-event type '{sub_type}' is not one of {list(allowed[event_type])}")
        if not priority.lstrip("-").isdigit():
            raise bad(f"priority '{priority}' is not an integer")
        try:
            compiled = re.compile(r"\b(?:" + expand(pattern) + r")\b", re.IGNORECASE)
        except re.error as exc:
            raise bad(f"bad regex: {exc}") from None
        if compiled.groups:
            raise bad("use (?:...) groups only: a capturing group would shift the rule numbering")
        if not compiled.search(example):
            raise bad(f"the pattern does not match its own example '{example}'")
        out.append(TriggerRule(pattern, event_type, sub_type, int(priority), example, number))
    return tuple(out)


def first_chars(regex: str) -> frozenset[str] | None:
    """The lower-case characters a regex can start with, or None when it cannot tell.

    Lets `compiled` put a cheap one-character lookahead in front of each group of rules,
    so that at a word the engine tries only the rules that can start there: 5x faster
    than one flat alternation of all rules, with the same matches.
    """
    try:
        from re import _constants as sre, _parser as parser  # CPython's own regex parser
        items = list(parser.parse(regex))
    except Exception:  # another Python, or a construct the parser module spells differently
        return None

    def first(seq: list) -> set[str] | None:
        out: set[str] = set()
        for op, arg in seq:
            if op is sre.LITERAL:
                return out | {chr(arg).lower()}
            if op is sre.IN:
                chars: set[str] = set()
                for kind, value in arg:
                    if kind is sre.LITERAL:
                        chars.add(chr(value).lower())
                    elif kind is sre.RANGE:
                        chars.update(chr(c).lower() for c in range(value[0], value[1] + 1))
                    elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                        chars.update(string.digits)
                    else:
                        return None
                return out | chars
            if op is sre.SUBPATTERN:
                inner = first(list(arg[3]))
                return None if inner is None else out | inner
            if op is sre.BRANCH:
                for branch in arg[1]:
                    inner = first(list(branch))
                    if inner is None:
                        return None
                    out |= inner
                return out
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                low, _high, sub = arg
                inner = first(list(sub))
                if inner is None:
                    return None
                out |= inner
                if low > 0:
                    return out
                continue  # an optional part: the next item can start the match too
            if op is sre.AT:
                continue
            return None
        return None

    found = first(items)
    return frozenset(found) if found else None


@lru_cache(maxsize=None)
def compiled(lang: str = "en") -> tuple[re.Pattern[str], tuple[TriggerRule, ...]]:
    """One regex for every rule of a language, longest pattern first.

    Rules are grouped by the character they can start with, each group behind a
    one-character lookahead; a rule whose start cannot be told joins every group. Group
    `r<i>_<n>` is rule i of the returned order.
    """
    ordered = tuple(sorted(rules(lang), key=lambda r: (-len(r.pattern), r.line)))
    buckets: dict[str, list[int]] = {}
    anywhere: list[int] = []
    for i, rule in enumerate(ordered):
        chars = first_chars(expand(rule.pattern))
        if chars is None:
            anywhere.append(i)
            continue
        for char in chars:
            buckets.setdefault(char, []).append(i)
    branches = []
    for n, char in enumerate(sorted(buckets)):
        ids = sorted(set(buckets[char]) | set(anywhere))
        body = "|".join(f"(?P<r{i}_{n}>{expand(ordered[i].pattern)})" for i in ids)
        branches.append(f"(?={re.escape(char)})(?:{body})")
    if anywhere:
        branches.append("(?:" + "|".join(f"(?P<r{i}_any>{expand(ordered[i].pattern)})" for i in anywhere) + ")")
    return re.compile(r"\b(?:" + "|".join(branches) + r")\b", re.IGNORECASE), ordered


def find_triggers(article: Article) -> list[Trigger]:
    """Every trigger in the article, in text order (pure: the article is not changed)."""
    regex, ordered = compiled(article.lang)
    found = []
    for match in regex.finditer(article.text):
        rule = ordered[int(match.lastgroup[1:].split("_", 1)[0])]
        sentence = sentence_at(article, match.start()) if article.sentences else -1
        found.append(Trigger(start=match.start(), end=match.end(), event_type=rule.event_type,
                             sub_event_type=rule.sub_event_type, sentence=sentence, priority=rule.priority))
    return found


@dataclass(frozen=True, slots=True)
class RefineRule:
    """One line of refine.tsv: retype a trigger by the categories of its actors."""

    event_type: str
    sub_event_type: str
    max_priority: int
    actor1: frozenset[str] | None  # None: any; empty: no actor
    actor2: frozenset[str] | None
    new_event_type: str
    new_sub_event_type: str


@lru_cache(maxsize=None)
def refine_rules(lang: str = "en") -> tuple[RefineRule, ...]:
    """The retyping rules of a language, checked against the taxonomy and the actor categories."""
    from .actors import CATEGORIES

    path = data_path("event_types", lang, "refine.tsv")
    if not path.exists():
        path = data_path("event_types", "en", "refine.tsv")
    allowed = taxonomy()
    out = []
    for number, (etype, sub, priority, cats1, cats2, new_type, new_sub, _example) in read_table(path, 8):
        def bad(detail: str) -> ResourceError:
            return ResourceError("E020", path=path, line=number, detail=detail)
        for event_type, sub_type in ((etype, sub), (new_type, new_sub)):
            if sub_type not in allowed.get(event_type, ()):
                raise bad(f"'{event_type} / {sub_type}' is not in the taxonomy")
        if not priority.isdigit():
            raise bad(f"max priority '{priority}' is not an integer")

        def categories(field: str) -> frozenset[str] | None:
            if field == "*":
                return None
            if field == "-":
                return frozenset()
            found = frozenset(field.split("|"))
            if found - set(CATEGORIES):
                raise bad(f"unknown categories {sorted(found - set(CATEGORIES))}")
            return found
        out.append(RefineRule(etype, sub, int(priority), categories(cats1), categories(cats2), new_type, new_sub))
    return tuple(out)


def _fits(allowed: frozenset[str] | None, mention) -> bool:
    if allowed is None:
        return True
    if mention is None:
        return not allowed
    return mention.category in allowed


def refine(trigger: Trigger | None, actor1, actor2, lang: str = "en") -> Trigger | None:
    """The trigger retyped by who is involved (refine.tsv), or unchanged; pure.

    For the events stage: call it on a sentence's best trigger with the roles that
    `roles.assign_roles` gave ("gunmen attacked villagers" is Violence against civilians,
    "protesters clashed with police" a Riot).
    """
    if trigger is None:
        return None
    for rule in refine_rules(lang):
        if (rule.event_type == trigger.event_type and rule.sub_event_type == trigger.sub_event_type
                and trigger.priority <= rule.max_priority and _fits(rule.actor1, actor1)
                and _fits(rule.actor2, actor2)):
            return replace(trigger, event_type=rule.new_event_type, sub_event_type=rule.new_sub_event_type)
    return trigger


def triggers(article: Article) -> Article:
    """Pipeline stage: fill `article.triggers`."""
    article.triggers = find_triggers(article)
    return article


__all__ = ["triggers", "find_triggers", "rules", "compiled", "expand", "first_chars", "refine", "refine_rules",
           "TriggerRule", "RefineRule"]
