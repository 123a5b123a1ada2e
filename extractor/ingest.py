"""Read articles from files, folders and JSONL corpora, rejecting bad input with a reason.

Every source yields `Article`s or `Reject`s, never raises: one bad file (empty,
binary, not UTF-8, no publication date, malformed front matter) must not stop
a batch. Text is normalised to '\\n' line ends before offsets are taken, so the
offsets of every mention index the text as stored.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .article import Article
from .errors import ArticleError
from .resources import data_path

TEXT_SUFFIXES = (".txt", ".md")
CORPUS_SUFFIXES = (".jsonl",)
MAX_FILE_BYTES = 20_000_000  # one article file; corpora are read line by line
MAX_LINE_BYTES = 5_000_000  # one article in a corpus


def supported_langs() -> tuple[str, ...]:
    """The languages with time rules (data/timex/<lang>/rules.tsv): adding a language is adding its folder."""
    return tuple(sorted(path.parent.name for path in data_path("timex").glob("*/rules.tsv")))


SUPPORTED_LANGS = supported_langs()
_FRONT_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # below 32 but tab, line feed, form feed and return


@dataclass(frozen=True, slots=True)
class Reject:
    """A file or corpus line that could not be read, with its coded reason."""

    path: str
    code: str
    message: str

    @classmethod
    def of(cls, path: str, error: ArticleError) -> "Reject":
        return cls(path, error.code, str(error))


def parse_published(value: str, path: str, lang: str = "en") -> dt.date:
    """A publication date: ISO first; else an absolute date in the article's language via dateparser.

    dateparser is right here: one absolute date string in one known language
    ("19 June 2021", "June 19, 2021 10:00 GMT"), parsed strictly.
    """
    text = str(value).strip().strip("\"'")
    if _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            raise ArticleError("E005", path=path, value=text) from None
    import dateparser  # loaded only for the rare non-ISO date: it costs ~0.3 s to import

    parsed = dateparser.parse(text, languages=[lang], settings={"STRICT_PARSING": True,
                                                                "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        raise ArticleError("E005", path=path, value=text)
    return parsed.date()


def decode(raw: bytes, path: str) -> str:
    """Bytes to text, or an ArticleError saying why not (empty, binary, not UTF-8)."""
    if not raw.strip():
        raise ArticleError("E001", path=path)
    if b"\x00" in raw[:8192]:
        raise ArticleError("E002", path=path, detail="it contains NUL bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError("E003", path=path, offset=exc.start) from None
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > 8:
        raise ArticleError("E002", path=path, detail=f"{controls} control characters")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, path: str) -> tuple[dict[str, str], str]:
    """Front matter ('---' lines around 'key: value' lines) and the body after it."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        raise ArticleError("E006", path=path, line=1, detail="an opening '---' without a closing '---' line")
    meta: dict[str, str] = {}
    for number, line in enumerate(text[4:end].split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FRONT_LINE.match(line)
        if not match:
            raise ArticleError("E006", path=path, line=number, detail=f"expected 'key: value', found {line!r}")
        value = match.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[match.group(1).lower()] = value
    body_start = text.find("\n", end + 4)
    return meta, "" if body_start < 0 else text[body_start + 1:]


def article_lang(meta: dict[str, str], text: str, path: str) -> tuple[str, bool]:
    """The article's language and whether its metadata gave it.

    Metadata wins ("lang: fr", "language: es-ES"); an unsupported one is refused
    (E014) rather than read with another language's rules. Without it the
    detector picks among the supported languages, English when in doubt.
    """
    given = (meta.get("lang") or meta.get("language") or "").strip().lower()[:2]
    if given:
        if given not in SUPPORTED_LANGS:
            raise ArticleError("E014", path=path, lang=given, supported=", ".join(SUPPORTED_LANGS))
        return given, True
    from .langid import detect  # the model loads only when an article has no language

    return detect(text, SUPPORTED_LANGS), False


def make_article(meta: dict[str, str], body: str, path: str, default_id: str,
                 published: dt.date | None) -> Article:
    """An Article from metadata and body; raises ArticleError for what is missing or wrong."""
    if not body.strip():
        raise ArticleError("E010", path=path)
    title = meta.get("title", "")
    lang, given = article_lang(meta, f"{title}\n{body}" if title else body, path)
    when = meta.get("published") or meta.get("date")
    if when:
        date = _published_in(when, path, lang, given)
    elif published is not None:
        date = published
    else:
        raise ArticleError("E004", path=path)
    return Article(id=str(meta.get("id") or default_id), text=body, published=date,
                   title=title, lang=lang, source=meta.get("source", ""), path=path)


def _published_in(value: str, path: str, lang: str, given: bool) -> dt.date:
    """The publication date in the article's language; when that language was only detected, in another
    supported one if it fails ("27 février 2022" over a text too short to be detected as French)."""
    try:
        return parse_published(value, path, lang)
    except ArticleError as error:
        if given:
            raise
        for other in SUPPORTED_LANGS:
            if other != lang:
                try:
                    return parse_published(value, path, other)
                except ArticleError:
                    continue
        raise error from None


def read_text_file(path: Path, published: dt.date | None = None) -> Article:
    """One .txt/.md article with optional front matter."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ArticleError("E007", path=str(path), size=size, limit=MAX_FILE_BYTES)
    text = decode(path.read_bytes(), str(path))
    meta, body = split_front_matter(text, str(path))
    return make_article(meta, body, str(path), path.stem, published)


def read_corpus(path: Path, published: dt.date | None = None) -> Iterator[Article | Reject]:
    """A JSONL corpus: one article per line (id, text, published; title, lang optional)."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                if len(raw) > MAX_LINE_BYTES:
                    raise ArticleError("E007", path=where, size=len(raw), limit=MAX_LINE_BYTES)
                line = decode(raw, where)
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ArticleError("E008", path=path, line=number, detail=exc.msg) from None
                if not isinstance(obj, dict):
                    raise ArticleError("E008", path=path, line=number, detail="not an object")
                for field in ("id", "text"):
                    if not obj.get(field):
                        raise ArticleError("E009", path=path, line=number, field=field)
                meta = {k: str(obj[k]) for k in ("id", "title", "lang", "published", "source") if obj.get(k)}
                yield make_article(meta, str(obj["text"]).replace("\r\n", "\n"), where, str(obj["id"]), published)
            except ArticleError as error:
                yield Reject.of(where, error)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Reject]:
    """Article files and corpora under the given paths (folders recursively, sorted)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in TEXT_SUFFIXES + CORPUS_SUFFIXES and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            if path.suffix.lower() in TEXT_SUFFIXES + CORPUS_SUFFIXES:
                yield path
            else:
                yield Reject.of(str(path), ArticleError("E013", path=path, ext=path.suffix or "(none)"))
        else:
            yield Reject.of(str(path), ArticleError("E011", path=path))


def load(paths: Iterable[str | Path], published: dt.date | None = None) -> Iterator[Article | Reject]:
    """Every article under the given paths, and a Reject for each that cannot be read."""
    for item in iter_files(paths):
        if isinstance(item, Reject):
            yield item
        elif item.suffix.lower() in CORPUS_SUFFIXES:
            yield from read_corpus(item, published)
        else:
            try:
                yield read_text_file(item, published)
            except ArticleError as error:
                yield Reject.of(str(item), error)
            except OSError as error:
                yield Reject.of(str(item), ArticleError("E011", path=f"{item} ({error.strerror})"))
