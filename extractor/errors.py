"""Coded errors: what went wrong and what to do about it.

Messages live here, in one table (spaCy's `Errors`), so tests can match on the
code and users can search for it. Batch code catches `ArticleError` per
article, records the reject with its code and goes on.
"""
from __future__ import annotations


class Errors:
    """Message templates, keyed by code. Each says what was wrong and what to do."""

    E001 = "file '{path}' is empty: nothing to extract; remove it or add the article text"
    E002 = "file '{path}' looks binary ({detail}): only .txt/.md text files and .jsonl corpora are read"
    E003 = ("file '{path}' is not valid UTF-8 (byte {offset}): re-save it as UTF-8, "
            "e.g. `iconv -f WINDOWS-1252 -t UTF-8`")
    E004 = ("article '{path}' has no publication date: add 'published: YYYY-MM-DD' to its front matter "
            "or pass --published")
    E005 = "article '{path}' has an impossible publication date '{value}': use YYYY-MM-DD, e.g. 2021-06-19"
    E006 = "article '{path}' has malformed front matter (line {line}): {detail}"
    E007 = "file '{path}' is {size} bytes, over the {limit}-byte limit: split it into articles"
    E008 = "corpus '{path}' line {line} is not a JSON object ({detail}): fix or remove that line"
    E009 = "corpus '{path}' line {line} lacks '{field}': every line needs id, text and published"
    E010 = "article '{path}' has no text after its front matter: add the article body"
    E011 = "path '{path}' does not exist or is not a readable file or directory"
    E012 = ("article id '{article_id}' from '{path}' is already stored with different content: "
            "give this article its own 'id:' in its front matter")
    E013 = "file '{path}' has an unsupported extension '{ext}': use .txt, .md or .jsonl"
    E014 = "article '{path}' is in language '{lang}', which has no rules yet: supported are {supported}"
    E020 = "resource {path}:{line}: {detail}"
    E021 = "resource {path} does not start with a '# FORMAT:' header line saying what a line means"
    E022 = "resource {path}:{line}: unknown pattern name '%{name}'; pattern files are {known}"
    E030 = "store '{path}' cannot be opened: {detail}"
    E050 = ("article '{path}' failed in stage '{stage}' ({detail}): the rest of the batch went on; "
            "please report this with the article attached")
    E040 = "output '{path}' has an unknown extension: use .csv, .jsonl or .parquet"


class ConflictTimelineError(Exception):
    """Base class: carries a code like 'E004' and a formatted message."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"{code} {getattr(Errors, code).format(**fields)}")


class ArticleError(ConflictTimelineError):
    """One article (or file) cannot be processed; the batch goes on without it."""


class ResourceError(ConflictTimelineError):
    """A data file is malformed; raised at load time, naming the file and line."""


class UsageError(ConflictTimelineError):
    """The command line or an output path is wrong."""


class StoreError(ConflictTimelineError):
    """The DuckDB store cannot be used."""
