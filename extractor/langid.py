"""Tell an article's language when its metadata does not: py3langid, restricted to the languages we have rules for.

py3langid is a small, pure-Python naive Bayes model shipped inside its package (no
download). It only chooses among the languages that have time rules
(`data/timex/<lang>/rules.tsv`), so it never names one we cannot process, and a guard
keeps short and doubtful texts in English: in a headline a few place names can tip the
model ("Clashes in Santa Cruz de la Sierra" is 0.72 Spanish), and French rules run on
an English text lose every date in it.

The guard was set on the 1,500 English texts of the events dev set (240 headlines,
1,260 notes) and their first 2-12 words, and on 60 French and Spanish news sentences
and their first 4-8 words: no whole English text was misrouted at any setting; with
these thresholds 14 of 14,633 English fragments were (fragments that are mostly a
Spanish place name: "Attack near Ciudad del Este" is 0.96 Spanish, so a corpus of such
headlines should say its `lang`), all 60 French and Spanish sentences were detected,
and 232 of 246 of their fragments (the misses, 3-4 words, stay English).
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from .cache import cached, digest

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

DEFAULT_LANG = "en"
MIN_LETTERS = 15  # below this a text is a name or a dateline: too little to tell a language by
MIN_CONFIDENCE = 0.9  # probability (among the candidate languages) a non-default language needs
SAMPLE_CHARS = 2000  # the opening of a long article says its language as well as the whole


@lru_cache(maxsize=None)
def _identifier(langs: tuple[str, ...]) -> "LanguageIdentifier":
    """The model restricted to `langs`, loaded once: only articles without a language pay it.

    Unpacking the packaged model (LZMA, all 142 of its languages) takes about 0.8 s; the
    restricted model is pickled under data/cache/ (`cache.cached`, keyed by the model file
    and the languages) and loads in a twentieth of that, the same arrays in the same layout.
    """
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    def restricted() -> tuple:
        full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        full.set_languages([lang for lang in langs if lang in full.labels])
        return full.nb_ptc, full.nb_pc, full.nb_classes, full.tk_nextmove, full.tk_output, full.tk_row

    key = digest((MODEL_DIR / MODEL_FILE).read_bytes(), getattr(py3langid, "__version__", "unknown"), *langs)
    ptc, pc, classes, nextmove, output, row = cached("langid", key, restricted)
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def classify(text: str, langs: Iterable[str]) -> tuple[str, float]:
    """The most likely of `langs` for a text and its probability among them, without the guard."""
    lang, confidence = _identifier(tuple(sorted(set(langs)))).classify(text[:SAMPLE_CHARS])
    return str(lang), float(confidence)


def _has_letters(text: str, least: int) -> bool:
    """Whether a text holds at least `least` letters, counting no further than that."""
    return next(islice(filter(str.isalpha, text), least - 1, None), None) is not None


def detect(text: str, langs: Iterable[str], default: str = DEFAULT_LANG) -> str:
    """The language of a text among `langs`, or `default` when the text is too short or the model unsure.

    The default wins every doubt: a text keeps it unless it has MIN_LETTERS
    letters and another language reaches MIN_CONFIDENCE.
    """
    candidates = tuple(sorted(set(langs) | {default}))
    sample = text[:SAMPLE_CHARS]
    if len(candidates) == 1 or not _has_letters(sample, MIN_LETTERS):
        return default
    lang, confidence = classify(sample, candidates)
    return lang if lang == default or confidence >= MIN_CONFIDENCE else default
