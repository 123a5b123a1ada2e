"""The DuckDB store: articles, their events and the rejects of every ingest.

An article is keyed by its content hash, so ingesting the same article twice
stores it once; each article and its events go in one transaction, so an
interrupted ingest leaves either the whole article or none of it, and running
the same command again resumes where it stopped.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from . import schema
from .article import Article
from .errors import ArticleError, StoreError
from .resources import data_path

DEFAULT_STORE = data_path("events.duckdb")

_DDL = (
    """CREATE TABLE IF NOT EXISTS articles (
        content_hash VARCHAR PRIMARY KEY, article_id VARCHAR UNIQUE, title VARCHAR, published DATE,
        lang VARCHAR, source VARCHAR, path VARCHAR, text VARCHAR, events INTEGER, ingested_at TIMESTAMP)""",
    f"CREATE TABLE IF NOT EXISTS events ({schema.duckdb_columns()}, PRIMARY KEY (event_id))",
    """CREATE TABLE IF NOT EXISTS rejects (
        path VARCHAR, code VARCHAR, message VARCHAR, rejected_at TIMESTAMP)""",
)


class Store:
    """A DuckDB file holding the events table (schema.COLUMNS) and its articles."""

    def __init__(self, path: str | Path = DEFAULT_STORE, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError("E030", path=self.path, detail="no such file; run `make run` or "
                                     "`python -m extractor ingest seeds/` first")
                self.con = duckdb.connect(str(self.path), read_only=True)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.con = duckdb.connect(str(self.path))
                for statement in _DDL:
                    self.con.execute(statement)
                self._add_new_columns()
        except duckdb.Error as exc:
            raise StoreError("E030", path=self.path, detail=str(exc).splitlines()[0]) from None

    def _add_new_columns(self) -> None:
        """Give a store made by an older version the columns the schema has gained since (left empty)."""
        present = {row[0] for row in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
        for column in schema.COLUMNS:
            if column.name not in present:
                self.con.execute(f"ALTER TABLE events ADD COLUMN {column.name} {schema.duckdb_type(column)}")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_article(self, content_hash: str) -> bool:
        """True when an article with this content is stored already."""
        row = self.con.execute("SELECT 1 FROM articles WHERE content_hash = ?", [content_hash]).fetchone()
        return row is not None

    def add(self, article: Article, events: pd.DataFrame, replace: bool = False) -> bool:
        """Store one article and its events atomically; False when it was stored already.

        With `replace`, an article stored already gets these events instead of its
        old ones (re-extraction after the extractor improved), in one transaction.
        Raises ArticleError E012 when another article with the same id but other
        content is stored: silently replacing it would lose that article.
        """
        content_hash = article.content_hash
        if self.has_article(content_hash):
            if not replace:
                return False
            self._replace_events(content_hash, events)
            return True
        clash = self.con.execute("SELECT content_hash FROM articles WHERE article_id = ?", [article.id]).fetchone()
        if clash is not None:
            raise ArticleError("E012", article_id=article.id, path=article.path or article.id)
        frame = schema.conform(events)
        with self._transaction():
            self.con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [content_hash, article.id, article.title, article.published, article.lang, article.source,
                 article.path, article.text, len(frame), dt.datetime.now()],
            )
            self._insert_events(frame)
        return True

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """All or nothing: an article and its events are never stored in part."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _insert_events(self, frame: pd.DataFrame) -> None:
        """Append rows already conformed to the schema, by column name."""
        if len(frame):
            self.con.register("incoming_events", frame)
            self.con.execute(f"INSERT INTO events ({', '.join(schema.NAMES)}) "
                             f"SELECT {', '.join(schema.NAMES)} FROM incoming_events")
            self.con.unregister("incoming_events")

    def _replace_events(self, content_hash: str, events: pd.DataFrame) -> None:
        frame = schema.conform(events)
        (article_id,) = self.con.execute("SELECT article_id FROM articles WHERE content_hash = ?",
                                         [content_hash]).fetchone()
        frame["article_id"] = article_id  # the stored article keeps its id
        frame["event_id"] = frame["event_id"].map(lambda e: f"{article_id}:{e.rsplit(':', 1)[-1]}")
        with self._transaction():
            self.con.execute("DELETE FROM events WHERE article_id = ?", [article_id])
            self._insert_events(frame)
            self.con.execute("UPDATE articles SET events = ?, ingested_at = ? WHERE content_hash = ?",
                             [len(frame), dt.datetime.now(), content_hash])

    def add_reject(self, path: str, code: str, message: str) -> None:
        """Record why a file or article was not stored."""
        self.con.execute("INSERT INTO rejects VALUES (?, ?, ?, ?)", [path, code, message, dt.datetime.now()])

    def query(self, sql: str, params: list | None = None) -> pd.DataFrame:
        """Events rows selected by `sql` (which must select from `events`), conformed to the schema."""
        return schema.conform(self.con.execute(sql, params or []).df())

    def events(self) -> pd.DataFrame:
        """All stored events, ordered by date and article."""
        return self.query("SELECT * FROM events ORDER BY date NULLS LAST, article_id, sentence_index")

    def counts(self) -> dict[str, int]:
        """Rows per table, for reports and tests."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "rejects")}
