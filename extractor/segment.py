"""Split an article into paragraphs and sentences with character offsets.

Rule-based on purpose: news prose splits well on terminal punctuation once
abbreviations ("Gen.", "Jan.", "U.S.") and initials are kept whole, and a rule
splitter runs at millions of characters a second with no model to load.
A blank line always ends a paragraph (and so a sentence): headlines and
datelines stand alone.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .article import Article, Sentence
from .resources import data_path, read_list

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# a candidate end: terminal punctuation, closing quotes/brackets, then space and a sentence opener
_END = re.compile(r"""[.!?]+['"\u2019\u201d)\]]*(?=\s+['"\u2018\u201c(\[]?[A-Z0-9\u00C0-\u024F])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@lru_cache(maxsize=None)
def abbreviations(lang: str) -> frozenset[str]:
    """Abbreviations of a language whose period does not end a sentence."""
    path = data_path("segment", lang, "abbreviations.txt")
    if not path.exists():
        path = data_path("segment", "en", "abbreviations.txt")
    return frozenset(entry.lower() for _, entry in read_list(path))


def _is_abbreviation(text: str, dot: int, known: frozenset[str]) -> bool:
    """True when the period at `dot` closes an abbreviation or an initial, not a sentence."""
    match = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not match:
        return False
    word = match.group(1).rstrip(".")
    if word.lower() in known:
        return True
    # single initials ("Khalifa H. Haftar") and dotted acronyms ("U.N.") keep going
    return len(word) == 1 and word.isupper() or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence; offsets index into `text`, whitespace trimmed."""
    known = abbreviations(lang)
    spans = []
    paragraph = 0
    cursor = 0
    for block in [*_PARAGRAPH.finditer(text), None]:
        block_end = block.start() if block else len(text)
        start = cursor
        for end_match in _END.finditer(text, cursor, block_end):
            if text[end_match.start()] == "." and end_match.end() - end_match.start() == 1 \
                    and _is_abbreviation(text, end_match.start(), known):
                continue
            spans.append((start, end_match.end(), paragraph))
            start = end_match.end()
        spans.append((start, block_end, paragraph))
        paragraph += 1
        cursor = block.end() if block else len(text)
    out = []
    for start, end, para in spans:
        segment = text[start:end]
        stripped = segment.strip()
        if not stripped:
            continue
        lead = len(segment) - len(segment.lstrip())
        out.append((start + lead, start + lead + len(stripped), para))
    # renumber paragraphs so that empty blocks leave no gaps
    numbering: dict[int, int] = {}
    return [(s, e, numbering.setdefault(p, len(numbering))) for s, e, p in out]


def segment(article: Article) -> Article:
    """Pipeline stage: fill `article.sentences`."""
    article.sentences = [Sentence(index=i, start=s, end=e, paragraph=p)
                         for i, (s, e, p) in enumerate(split_sentences(article.text, article.lang))]
    return article


def sentence_at(article: Article, offset: int) -> int:
    """Index of the sentence holding a character offset (-1 when between sentences)."""
    lo, hi = 0, len(article.sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = article.sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return -1
