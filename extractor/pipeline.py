"""The stages, in the one order they run, and the batch runner around them.

    segment -> timex -> normalize -> actors -> places -> events

Each stage is a callable `(Article) -> Article` that adds typed mentions (spaCy's
pipeline habit); `events.to_frame` flattens the articles last.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pandas as pd

from .actors import actors
from .article import Article
from .errors import ArticleError
from .events import events, to_frame, to_records
from .ingest import Reject, load
from .normalize import normalize
from .places import places
from .segment import segment
from .timex import timex

Stage = Callable[[Article], Article]
STAGES: tuple[tuple[str, Stage], ...] = (
    ("segment", segment),
    ("timex", timex),
    ("normalize", normalize),
    ("actors", actors),
    ("places", places),
    ("events", events),
)


def run(article: Article) -> Article:
    """Run every stage on one article, naming the stage that fails (error E050)."""
    for name, stage in STAGES:
        try:
            article = stage(article)
        except Exception as exc:  # one article's failure must not end a batch: report it, go on
            raise ArticleError("E050", path=article.path or article.id, stage=name,
                               detail=f"{type(exc).__name__}: {exc}") from exc
    return article


def extract_article(article: Article) -> pd.DataFrame:
    """The events table of one article."""
    return to_frame([run(article)])


@dataclass
class Batch:
    """What a batch produced: processed articles, their rows, and the rejects with reasons."""

    records: list[dict] = field(default_factory=list)
    articles: int = 0
    rejects: list[Reject] = field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        from . import schema

        return schema.from_records(self.records)


def process(items: Iterable[Article | Reject]) -> Iterator[tuple[Article, list[dict]] | Reject]:
    """Run the pipeline over loaded items; failures become Rejects and the batch goes on."""
    for item in items:
        if isinstance(item, Reject):
            yield item
            continue
        try:
            article = run(item)
        except ArticleError as error:
            yield Reject.of(item.path or item.id, error)
            continue
        yield article, to_records(article)


def extract_paths(paths: Iterable[str], published: dt.date | None = None) -> Batch:
    """Extract events from files, folders and corpora into one batch."""
    batch = Batch()
    for result in process(load(paths, published)):
        if isinstance(result, Reject):
            batch.rejects.append(result)
        else:
            batch.articles += 1
            batch.records.extend(result[1])
    return batch


__all__ = ["STAGES", "run", "extract_article", "extract_paths", "process", "Batch", "to_frame"]
