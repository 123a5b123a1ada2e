"""Find time expressions (pass one): rules as data, compiled into one regular expression.

Resources live in data/timex/<lang>/ (HeidelTime's repattern/normalization/rules
layout): `patterns/*.tsv` are named word lists with their values (month names to
numbers) or shapes (`regex.tsv`), `rules.tsv` names the patterns it uses and the
builder that turns a match into an underspecified value, `negatives.tsv` lists
what must never be read as a date. All positive rules of a language become one
alternation, all negatives another. The alternation is not tried at every word:
only just before and at anchors (words of the pattern files marked ANCHOR, the
words of anchors.txt, digits), which every time expression holds, so a text costs
one tokenising pass plus a few anchored matches per anchor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .article import Article, TimeMention
from .errors import ResourceError
from .resources import data_path, read_list, read_table
from .segment import sentence_at
from .timevalues import BUILDERS, TimeValue
from .wordmatch import WordMatcher, word_matcher

_PATTERN_REF = re.compile(r"%([a-z_0-9]+)(?::([a-z_0-9]+))?")
_USER_GROUP = re.compile(r"\(\?P<([a-z_0-9]+)>")
_CASE = re.compile(r"CASE:\s*(title|any)")
_ANCHOR = re.compile(r"\bANCHOR:")
_TOKEN = re.compile(r"[^\W_]+")
_ANCHOR_STOP = frozenset({"the", "a", "an", "of", "at", "in", "these", "to", "on"})
WINDOW = 6  # a rule starts at most this many words before its anchor ("the third quarter of fiscal 1989")
NEGATIVE_REACH = 40  # characters around a candidate where a negative rule can overlap it
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Pattern:
    """A named pattern: its regex and, for word lists, the value of each surface form."""

    name: str
    regex: str
    values: dict[str, Any] | None
    title_case: bool


@dataclass(frozen=True)
class Rule:
    """A positive rule, compiled into the language's alternation as group `r<index>`."""

    index: int
    name: str
    type: str
    builder: str
    example: str
    groups: tuple[tuple[str, str, str | None], ...]  # (regex group name, value name, pattern name)


@dataclass(frozen=True)
class Grammar:
    """Everything one language needs to find time expressions."""

    lang: str
    patterns: dict[str, Pattern]
    rules: tuple[Rule, ...]
    parts: tuple[str, ...]  # each rule's regex as group r<index>, in file order
    negative: re.Pattern[str] | None
    anchors: frozenset[str]
    matcher: WordMatcher  # the rules, tried at a word start only where its first characters let them start
    starters: frozenset[str]  # every word a rule can start with (a superset: all words the rules know)

    def can_start(self, token: str) -> bool:
        """Whether a rule may begin at this word: cheap to ask, so most word starts are never tried."""
        return token[0].isdigit() or token.lower() in self.starters

    def is_anchor(self, token: str) -> bool:
        """Digits, or a word that every match around it must hold."""
        return token[0].isdigit() or token.lower() in self.anchors


def _number_value(text: str, words: dict[str, Any]) -> Any:
    """Value of a number written in words ("twenty four", "a few") or digits."""
    text = " ".join(text.lower().replace("-", " ").split())
    if text in words:
        return words[text]
    total = 0
    for part in text.split(" "):
        value = words.get(part)
        if not isinstance(value, int):
            return "X"
        total += value
    return total


def _word_alternation(surfaces: list[str]) -> str:
    """Longest first, so "March" beats "Mar" and "a few" beats "a"; spaces match any white space.

    A word must end where the surface ends, unless the surface ends in a
    full stop: "Oct." may run into its day ("Oct.8"). Surfaces of one length
    go alphabetically, so the regex, and the key of its cache, is the same in
    every process (a set's order changes with the hash seed).
    """
    ordered = sorted(set(surfaces), key=lambda surface: (-len(surface), surface))
    return "(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") + ("" if s.endswith(".") else r"(?!\w)")
                            for s in ordered) + ")"


def load_patterns(folder: Path) -> dict[str, Pattern]:
    """Every pattern file of a language; word lists keyed by lower-case surface form."""
    patterns: dict[str, Pattern] = {}
    for path in sorted(folder.glob("*.tsv")):
        header = path.open(encoding="utf-8").readline()
        if path.stem == "regex":
            for line, (name, regex) in read_table(path, 2):
                try:
                    re.compile(regex)
                except re.error as exc:
                    raise ResourceError("E020", path=path, line=line, detail=f"bad regex: {exc}") from None
                if re.search(r"\((?!\?)", regex):
                    raise ResourceError("E020", path=path, line=line, detail="capturing group in a shape")
                patterns[name] = Pattern(name, regex, None, False)
            continue
        values: dict[str, Any] = {}
        for line, (surface, value) in read_table(path, 2):
            values[" ".join(surface.lower().split())] = int(value) if re.fullmatch(r"-?\d+", value) else value
        case = _CASE.search(header)
        patterns[path.stem] = Pattern(path.stem, _word_alternation(list(values)), values,
                                      bool(case and case.group(1) == "title"))
    # "twenty four", "twenty-four": a tens word and a units word; else one number word
    words = patterns["number_word"].values
    tens = [w for w, v in words.items() if isinstance(v, int) and 20 <= v <= 90 and v % 10 == 0]
    units = [w for w, v in words.items() if isinstance(v, int) and 1 <= v <= 9 and w not in ("a", "an")]
    # French and Spanish also join them with a word ("vingt et un", "treinta y dos"), named by a "JOIN: et"
    # in number_word.tsv's header: it links a compound and counts 0 in its sum, never a number alone
    with open(folder / "number_word.tsv", encoding="utf-8") as handle:
        join = re.search(r"\bJOIN:\s*(\w+)", handle.readline())
    link = rf"(?:[- ]|[\s-]+{re.escape(join.group(1))}[\s-]+)" if join else "[- ]"
    compound = f"{_word_alternation(tens)}{link}{_word_alternation(units)}"
    number_values = {**words, join.group(1).lower(): 0} if join else words
    patterns["number"] = Pattern("number", f"(?:{compound}|{patterns['number_word'].regex})", number_values, False)
    return patterns


def _compile_rule(index: int, name: str, pattern: str, patterns: dict[str, Pattern], path: Path,
                  line: int) -> tuple[str, tuple[tuple[str, str, str | None], ...]]:
    """A rule's regex with its pattern references expanded into uniquely named groups."""
    groups: list[tuple[str, str, str | None]] = []

    def expand(match: re.Match[str]) -> str:
        pattern_name, alias = match.group(1), match.group(2)
        if pattern_name not in patterns:
            raise ResourceError("E022", path=path, line=line, name=pattern_name, known=sorted(patterns))
        value_name = alias or pattern_name
        group = f"r{index}_{len(groups)}_{value_name}"  # unique even when alternatives share a name
        groups.append((group, value_name, pattern_name))
        return f"(?P<{group}>{patterns[pattern_name].regex})"

    def rename(match: re.Match[str]) -> str:
        group = f"r{index}_{len(groups)}_{match.group(1)}"
        groups.append((group, match.group(1), None))
        return f"(?P<{group}>"

    regex = _PATTERN_REF.sub(expand, _USER_GROUP.sub(rename, pattern))
    try:
        re.compile(regex, re.IGNORECASE)
    except re.error as exc:
        raise ResourceError("E020", path=path, line=line, detail=f"rule '{name}' does not compile: {exc}") from None
    return regex, tuple(groups)


def load_anchors(folder: Path, patterns: dict[str, Pattern]) -> frozenset[str]:
    """Anchor words: every word of the pattern files whose header says ANCHOR, and anchors.txt."""
    words: set[str] = set()
    for path in sorted((folder / "patterns").glob("*.tsv")):
        pattern = patterns.get(path.stem)
        with open(path, encoding="utf-8") as handle:
            marked = bool(_ANCHOR.search(handle.readline()))
        if marked and pattern is not None and pattern.values:
            for surface in pattern.values:
                words.update(w for w in _TOKEN.findall(surface) if w not in _ANCHOR_STOP)
    extra = folder / "anchors.txt"
    if extra.exists():
        words.update(word.lower() for _, word in read_list(extra))
    return frozenset(words)


def load_starters(rule_patterns: list[str], patterns: dict[str, Pattern]) -> frozenset[str]:
    """Every word the rules spell literally or through a word-list pattern."""
    words: set[str] = set()
    for pattern in patterns.values():
        for surface in pattern.values or ():
            words.update(_TOKEN.findall(surface.lower()))
    for text in rule_patterns:
        # drop group syntax: "(?P<name>", "(?:", "(?-i:", look-arounds "(?<=", "(?!"
        literal = _PATTERN_REF.sub(" ", re.sub(r"\(\?(?:P<\w+>|[-a-zA-Z]*:|<?[=!])", " ", text))
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{2,}", literal))
    return frozenset(words)


@lru_cache(maxsize=None)
def grammar(lang: str = "en") -> Grammar:
    """Load and compile a language's time grammar once per process."""
    folder = data_path("timex", lang)
    patterns = load_patterns(folder / "patterns")
    rules, parts = [], []
    rules_path = folder / "rules.tsv"
    seen = set()
    table = read_table(rules_path, 5)
    for index, (line, (name, typ, builder, pattern, example)) in enumerate(table):
        if typ not in TIMEX_TYPES:
            raise ResourceError("E020", path=rules_path, line=line, detail=f"type '{typ}' is not one of {TIMEX_TYPES}")
        if builder not in BUILDERS:
            raise ResourceError("E020", path=rules_path, line=line, detail=f"unknown builder '{builder}'")
        if name in seen:
            raise ResourceError("E020", path=rules_path, line=line, detail=f"rule name '{name}' used twice")
        seen.add(name)
        regex, groups = _compile_rule(index, name, pattern, patterns, rules_path, line)
        rules.append(Rule(index, name, typ, builder, example, groups))
        parts.append(f"(?P<r{index}>{regex})")
    negatives_path = folder / "negatives.tsv"
    negative = None
    if negatives_path.exists():
        alternatives = []
        for line, (name, pattern, example) in read_table(negatives_path, 3):
            try:  # as it will be compiled: one alternative among others (no global flags)
                compiled_negative = re.compile(f"(?:{pattern})", re.IGNORECASE)
            except re.error as exc:
                raise ResourceError("E020", path=negatives_path, line=line, detail=f"bad regex: {exc}") from None
            if not compiled_negative.search(example):
                raise ResourceError("E020", path=negatives_path, line=line,
                                    detail=f"the negative does not match its example '{example}'")
            alternatives.append(f"(?:{pattern})")
        negative = re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None
    # the rules keyed by the three characters they can start with, in file order within a key: a word
    # start tries only those (in English 'las' tries 9 of the 92 rules, where its 'l' alone let in 16)
    matcher = word_matcher(tuple(parts), re.IGNORECASE, cache=f"timex-{lang}")
    compiled = Grammar(lang, patterns, tuple(rules), tuple(parts), negative, load_anchors(folder, patterns),
                       matcher, load_starters([fields[3] for _, fields in table], patterns))
    lines = {name: line for line, (name, *_rest) in table}
    for rule in compiled.rules:
        if not any(compiled.is_anchor(token) for token in _TOKEN.findall(rule.example)):
            raise ResourceError("E020", path=rules_path, line=lines[rule.name],
                                detail=f"the example of rule '{rule.name}' holds no anchor word: mark its pattern "
                                       "file ANCHOR or list the word in anchors.txt")
    return compiled


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression found in a text: span, type, rule, value and TIMEX3 modifier."""

    start: int
    end: int
    type: str
    rule: str
    value: TimeValue
    mod: str | None
    match_end: int = -1  # where the rule's match ends: past the extent when TimeML leaves a signal out ("later")


def _group_value(grammar_: Grammar, pattern_name: str | None, text: str) -> Any:
    if pattern_name is None:
        return text
    pattern = grammar_.patterns[pattern_name]
    if pattern.values is None:
        return text
    if pattern_name == "number":
        return _number_value(text, pattern.values)
    return pattern.values.get(" ".join(text.lower().split()))


def _read_match(grammar_: Grammar, match: re.Match[str], index: int | None = None) -> Found | None:
    """Turn one regex match of rule `index` (by default the one its last group names) into a Found,
    or None when a case or value check fails."""
    rule = grammar_.rules[int(match.lastgroup[1:]) if index is None else index]
    values: dict[str, Any] = {}
    start, end = match.span()
    for group, value_name, pattern_name in rule.groups:
        text = match.group(group)
        if text is None:
            continue
        if pattern_name and grammar_.patterns[pattern_name].title_case and not text[0].isupper():
            return None  # "may", "march": lower-case month words are verbs
        if value_name == "t":
            start, end = match.span(group)
            continue
        values[value_name] = _group_value(grammar_, pattern_name, text)
    mod = values.pop("mod", None)
    try:
        value = BUILDERS[rule.builder](values)
    except (ValueError, KeyError, TypeError):
        return None
    return Found(start, end, rule.type, rule.name, value, mod, match.end())


@lru_cache(maxsize=None)
def full_alternation(lang: str = "en") -> re.Pattern[str]:
    """All rules of a language as one alternation, for a reference scan at every word start.

    `find` never needs it (it uses the grammar's `matcher`), so it
    is compiled only when asked for: tests compare the two scans.
    """
    return re.compile("|".join(grammar(lang).parts), re.IGNORECASE)


def _blocked(grammar_: Grammar, text: str, item: Found) -> bool:
    """True when a negative rule overlaps the candidate."""
    if grammar_.negative is None:
        return False
    lo, hi = max(0, item.start - NEGATIVE_REACH), min(len(text), item.end + NEGATIVE_REACH)
    return any(m.start() < item.end and item.start < m.end() for m in grammar_.negative.finditer(text, lo, hi))


def find(text: str, lang: str = "en") -> list[Found]:
    """Time expressions of a text, in order, not overlapping, none inside a negative span.

    For each anchor not yet covered, the rules are tried at the word starts from
    WINDOW words before it up to the anchor itself; the earliest start whose match
    reaches the anchor wins, as a left-to-right scan would have found it.
    """
    grammar_ = grammar(lang)
    # word starts not glued to a word by an apostrophe or underscore ("Saddam's" holds no "s" word)
    starts = [m.start() for m in _TOKEN.finditer(text)]
    words = _TOKEN.findall(text)
    found: list[Found] = []
    covered = 0
    # what the rules read at a word start does not depend on the anchor: anchors a few words
    # apart try the same starts, so each start is matched and read once
    matches: dict[int, tuple[int, re.Match[str]] | None] = {}
    readings: dict[int, Found | None] = {}
    for index, word in enumerate(words):
        if not grammar_.is_anchor(word):
            continue
        anchor = starts[index]
        if anchor < covered:
            continue
        for offset in range(max(0, index - WINDOW), index + 1):
            start = starts[offset]
            if start < covered or not grammar_.can_start(words[offset]) or (start and text[start - 1] in "'_\u2019"):
                continue
            if start not in matches:
                matches[start] = grammar_.matcher.match(text, start)
            if matches[start] is None:
                continue
            rule, match = matches[start]
            if match.end() <= anchor:
                continue
            if start not in readings:
                item = _read_match(grammar_, match, rule)
                readings[start] = None if item is None or _blocked(grammar_, text, item) else item
            item = readings[start]
            if item is None:
                continue
            found.append(item)
            covered = match.end()
            break
    return found


def timex(article: Article) -> Article:
    """Pipeline stage: fill `article.timexes` with unresolved mentions."""
    article.timexes = [
        TimeMention(start=f.start, end=f.end, type=f.type, rule=f.rule, raw=f.value, mod=f.mod,
                    sentence=sentence_at(article, f.start), match_end=f.match_end)
        for f in find(article.text, article.lang)
    ]
    return article
