"""Try at each word start only the patterns that can begin with its first characters.

A lexicon of a few hundred regex patterns (event triggers, participants, death
counts, time rules) is keyed by the two or three characters each pattern can start
with, read off the parse tree of Python's own regex parser (`prefixes`); a word
start tries only the patterns its key selects, in lexicon order, so the scan finds
what one alternation of all patterns would, at a fraction of the cost. The prefix
tables and compiled alternations are cached under data/cache/ (`cache.py`).
"""
from __future__ import annotations

import re
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cache import cached, digest, regexes

_WORD_START = re.compile(r"\b\w")
_KEY = 3  # characters of a match start that select the rules tried there
_PREFIX_CAP = 4000  # more prefixes than this: the rule is tried at every word start
# what \s matches (str.isspace) reads as ' ' in a key, as `prefixes` writes it
_BLANKS = str.maketrans({c: " " for c in map(chr, range(0x3001)) if c.isspace()})

# ---------------------------------------------------------------- which rules can start where

@lru_cache(maxsize=1024)
def _parsed(regex: str) -> list:
    """The parse tree of a regex (CPython's), read once for all the key sizes tried."""
    from re import _parser as parser
    return list(parser.parse(regex, re.IGNORECASE))


def prefixes(regex: str, size: int = _KEY) -> frozenset[str] | None:
    """The first `size` characters a match of `regex` can have (lower case, any blank as ' ');
    shorter where a match can end sooner or where what follows cannot be told (\\w, a negated
    set): such a prefix allows anything after it. None when even the first character
    cannot be told: the rule is then tried at every word start.

    Walks the parse tree of CPython's own regex parser, so the answer is exact for the
    constructs the lexicons use.
    """
    try:
        from re import _constants as sre  # CPython's own regex parser
        items = _parsed(regex)
    except Exception:  # another Python, or a construct the parser module spells differently
        return None
    # states of a partial prefix: the item matched and the next may follow (True), the room is
    # used up (False), or what follows cannot be told (None: the prefix ends here)

    def chars(op, arg) -> set[str] | None:
        if op is sre.LITERAL:
            return {chr(arg).lower().translate(_BLANKS)}
        if op is not sre.IN:
            return None
        out: set[str] = set()
        for kind, value in arg:
            if kind is sre.LITERAL:
                out.add(chr(value).lower().translate(_BLANKS))
            elif kind is sre.RANGE:
                out.update(chr(c).lower() for c in range(value[0], value[1] + 1))
            elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                out.update(string.digits)
            elif kind is sre.CATEGORY and value is sre.CATEGORY_SPACE:
                out.add(" ")
            else:
                return None
        return out

    def sequence(seq: list, room: int, depth: int) -> set[tuple[str, bool | None]] | None:
        """(prefix, state) pairs of at most `room` characters for a sequence of parse items."""
        if not seq or room == 0:
            return {("", True if not seq else False)}
        if depth > 60:
            return None
        out: set[tuple[str, bool | None]] = set()
        for text, state in item(seq[0], room, depth + 1):
            if state is True and len(text) < room:
                rest = sequence(seq[1:], room - len(text), depth + 1)
                if rest is None:
                    return None
                out.update((text + more, end) for more, end in rest)
            else:
                out.add((text, False if state is True else state))
            if len(out) > _PREFIX_CAP:
                return None
        return out

    def item(node, room: int, depth: int) -> set[tuple[str, bool | None]]:
        op, arg = node
        found = chars(op, arg)
        if found is not None:
            return {(c, True) for c in found}
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return {("", True)}  # zero width: a lookaround only narrows what the prefixes allow
        if op is sre.SUBPATTERN:
            return sequence(list(arg[-1]), room, depth) or {("", None)}
        if op is sre.BRANCH:
            out: set[tuple[str, bool | None]] = set()
            for branch in arg[1]:
                out |= sequence(list(branch), room, depth) or {("", None)}
            return out
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, sub = arg
            out = {("", True)} if low == 0 else set()
            if high == 0:
                return out
            again = (op, (max(low - 1, 0), high if high == sre.MAXREPEAT else high - 1, sub))
            return out | (sequence([*sub, again], room, depth) or {("", None)})
        return {("", None)}

    found = sequence(items, size, 0)
    if not found or any(text == "" for text, _ in found):
        return None
    return frozenset(text for text, _ in found)


class _Alternatives:
    """The alternatives one key selects, tried in order at a position: one compiled alternation
    (`merged`, groups a<i>), or separately compiled patterns where one alternation of them would
    be slow to compile (large lexicon patterns); the first that matches wins either way."""

    __slots__ = ("merged", "each")

    def __init__(self, merged: re.Pattern[str] | None, each: tuple[tuple[int, re.Pattern[str]], ...] = ()):
        self.merged, self.each = merged, each

    def match(self, text: str, position: int, end: int) -> tuple[int, re.Match[str]] | None:
        if self.merged is not None:
            match = self.merged.match(text, position, end)
            return None if match is None else (int(match.lastgroup[1:]), match)
        for index, pattern in self.each:
            match = pattern.match(text, position, end)
            if match is not None:
                return index, match
        return None


@dataclass(frozen=True)
class WordMatcher:
    """Regex alternatives tried only at word starts, each only where its first characters can stand.

    Python's regex engine tries the branches of one big alternation one by one at every
    position; keying them by the two characters a match can start with and trying only
    those at each word start gives the same matches (within a key the alternatives keep
    their order) 3-20x faster.
    """

    by_key: dict[str, _Alternatives]  # `size`-character key -> the alternatives that can start so
    shorter: dict[str, _Alternatives]  # a shorter key (a word shorter than `size`) -> its alternatives
    anywhere: _Alternatives | None  # alternatives whose start cannot be told
    size: int = _KEY
    line_start: re.Pattern[str] | None = None  # alternatives anchored at a line start ('^...')

    def match(self, text: str, position: int) -> tuple[int, re.Match[str]] | None:
        """(alternative index, match) of the first alternative that matches at `position`, a word
        start, as one alternation of all alternatives would match there ('^' ones aside)."""
        key = text[position:position + self.size].lower().translate(_BLANKS)
        tried = self.by_key.get(key) or self.shorter.get(key[:2]) or self.shorter.get(key[:1]) or self.anywhere
        return None if tried is None else tried.match(text, position, len(text))

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, re.Match[str]]]:
        """(alternative index, match) for non-overlapping matches in text order, as one
        alternation of all alternatives scanning the word starts of text[start:end] would give."""
        end = len(text) if end is None else end
        last = start
        by_key, shorter, anywhere, size = self.by_key.get, self.shorter.get, self.anywhere, self.size
        # '^' alternatives: one quick pass (a failed '^' costs the engine nothing), merged in text order
        anchored = list(self.line_start.finditer(text, start, end)) if self.line_start is not None else []
        keys = text[start:end].lower().translate(_BLANKS)  # once, not per word
        shift = start if len(keys) == end - start else None  # a longer lower case: key word by word
        for word in _WORD_START.finditer(text, start, end):
            position = word.start()
            while anchored and anchored[0].start() <= position:
                match = anchored.pop(0)
                if match.start() >= last:
                    last = max(match.end(), match.start() + 1)
                    yield int(match.lastgroup[1:]), match
            if position < last:
                continue
            if shift is not None:
                key = keys[position - shift:position - shift + size]
            else:
                key = text[position:position + size].lower().translate(_BLANKS)
            # keys of up to 3 characters: a word start of 2 or 1 that a whole match can be
            tried = by_key(key) or shorter(key[:2]) or shorter(key[:1]) or anywhere
            if tried is None:
                continue
            found = tried.match(text, position, end)
            if found is not None:
                last = max(found[1].end(), position + 1)
                yield found
        for match in anchored:
            if match.start() >= last:
                last = max(match.end(), match.start() + 1)
                yield int(match.lastgroup[1:]), match


def _starts(alternatives: tuple[str, ...], size: int) -> list[frozenset[str] | None]:
    """The prefixes of each alternative, of `size` characters or, where there would be too many,
    of fewer (None: its start cannot be told); None for one anchored at a line start."""
    return [None if regex.startswith("^") else
            next((found for n in range(size, 0, -1) if (found := prefixes(regex, n)) is not None), None)
            for regex in alternatives]


def word_matcher(alternatives: tuple[str, ...], flags: int = re.IGNORECASE, suffix: str = "",
                 size: int = _KEY, merge: bool = True, cache: str | None = None) -> WordMatcher:
    """A WordMatcher over regex alternatives, tried in the given order; `suffix` follows each
    (r"\b": whole words); `size` (2 or 3) characters of a word start select what is tried
    there; `merge` compiles the alternatives a key selects as one alternation (fast to run,
    slow to compile for a few large patterns: False compiles each once). Alternative i is
    reported as index i. `cache` names the lexicon whose prefixes and compiled alternations
    are kept under data/cache/ (`cache.py`): reading the prefixes off the parse trees and
    compiling the alternations are most of the build (0.3 s for the death counts, 0.2 s for
    the triggers' alternations)."""
    if not 1 < size <= 3:
        raise ValueError("WordMatcher.finditer looks keys up by 3, 2 and 1 characters")
    if cache is None:
        starts_of = _starts(alternatives, size)
    else:  # keyed by this module too: a change to `prefixes` must not reuse old answers
        key = digest(Path(__file__).read_bytes(), sys.version, str(size), *alternatives)
        starts_of = cached(f"prefixes-{cache}", key, lambda: _starts(alternatives, size))
    full: dict[str, set[int]] = {}
    short: dict[str, set[int]] = {}
    unknown: set[int] = set()
    anchored = {i for i, regex in enumerate(alternatives) if regex.startswith("^")}
    for i, starts in enumerate(starts_of):
        if i in anchored:
            continue
        if starts is None:
            unknown.add(i)
            continue
        for start in starts:
            (full if len(start) == size else short).setdefault(start, set()).add(i)

    def inherited(key: str) -> set[int]:
        """What a key also tries: alternatives whose whole prefix is a shorter start of it."""
        return {i for n in range(1, len(key)) for i in short.get(key[:n], ())} | unknown

    def merged(ids: frozenset[int]) -> str:
        body = "|".join(f"(?P<a{i}>{alternatives[i]})" for i in sorted(ids))
        return f"(?:{body}){suffix}"

    selected = {key: frozenset(ids | inherited(key)) for key, ids in full.items()}
    selected_short = {key: frozenset(ids | inherited(key)) for key, ids in short.items()}
    precompiled: dict[str, re.Pattern[str]] = {}
    if merge and cache is not None:
        groups = [*selected.values(), *selected_short.values(), *([frozenset(unknown)] if unknown else [])]
        sources = sorted({merged(ids) for ids in groups})  # in one order whatever the hash seed: one cache key
        precompiled = dict(zip(sources, regexes(f"alternations-{cache}", sources, flags)))
    compiled_for: dict[frozenset[int], _Alternatives] = {}  # many keys share one set of alternatives
    one_by_one: dict[int, re.Pattern[str]] = {}

    def alternation(ids: frozenset[int]) -> _Alternatives:
        if ids not in compiled_for:
            if merge:
                source = merged(ids)
                compiled_for[ids] = _Alternatives(precompiled.get(source) or re.compile(source, flags))
            else:
                for i in ids - one_by_one.keys():  # as the lexicon checked it: re's cache has it
                    one_by_one[i] = re.compile(f"(?:{alternatives[i]}){suffix}" if suffix else alternatives[i], flags)
                compiled_for[ids] = _Alternatives(None, tuple((i, one_by_one[i]) for i in sorted(ids)))
        return compiled_for[ids]

    by_key = {key: alternation(ids) for key, ids in selected.items()}
    shorter = {key: alternation(ids) for key, ids in selected_short.items()}
    line_start = None
    if anchored:
        body = "|".join(f"(?P<a{i}>{alternatives[i]})" for i in sorted(anchored))
        line_start = re.compile(f"(?:{body}){suffix}", flags)
    return WordMatcher(by_key, shorter, alternation(frozenset(unknown)) if unknown else None, size, line_start)
