"""The events table: its columns, types, order and allowed values, defined once.

The extractor's output, the DuckDB store, the dashboard's queries and the CSV
export all go through this module (pandera's DataFrameModel habit); no other
module spells a column list.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pyarrow as pa

from .resources import data_path, read_table


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the events table."""

    name: str
    kind: str  # text, int, float, date
    description: str
    allowed: tuple[str, ...] | None = None


PRECISIONS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")
DATE_SOURCES = ("sentence", "context", "published")
DATE_MODS = ("START", "MID", "END", "APPROX", "BEFORE", "AFTER")
STATUSES = ("happened", "planned", "claimed", "denied")


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, tuple[str, ...]]:
    """ACLED event type -> its sub-types, from data/event_types/taxonomy.tsv."""
    types: dict[str, list[str]] = {}
    for _, (event_type, sub_type, _disorder) in read_table(data_path("event_types", "taxonomy.tsv"), 3):
        types.setdefault(event_type, []).append(sub_type)
    return {k: tuple(v) for k, v in types.items()}


def _sub_types() -> tuple[str, ...]:
    return tuple(s for subs in taxonomy().values() for s in subs)


COLUMNS: tuple[Column, ...] = (
    Column("event_id", "text", "Stable id of the row: article id and sentence index."),
    Column("article_id", "text", "Id of the source article (front matter `id`, corpus `id`, else file stem)."),
    Column("article_title", "text", "Title of the source article."),
    Column("published", "date", "Publication date of the article, the reference time for relative dates."),
    Column("sentence_index", "int", "Index of the sentence in the article, from 0."),
    Column("sentence", "text", "The event-bearing sentence, as it stands in the article."),
    Column("char_start", "int", "Offset of the sentence's first character in the article text."),
    Column("char_end", "int", "Offset just past the sentence's last character."),
    Column("date", "date", "First day of the period the event's date can mean at its precision."),
    Column("date_end", "date", "Last day of that period (equal to `date` for a day)."),
    Column("date_precision", "text", "Grain of the date: day, week, month, quarter, season, half (year), year, decade, century.",
           PRECISIONS),
    Column("date_text", "text", "The time expression the date comes from, as written; empty if inherited."),
    Column("date_source", "text", "Where the date comes from: the sentence itself, the narrative context "
           "(an earlier sentence of the paragraph) or the publication date.", DATE_SOURCES),
    Column("date_mod", "text", "TIMEX3 modifier kept from the text: START, MID, END, APPROX, BEFORE, AFTER.",
           DATE_MODS),
    Column("actor1", "text", "Canonical name of the actor who acts."),
    Column("actor2", "text", "Canonical name of the actor who undergoes the action."),
    Column("actor1_text", "text", "actor1 as the sentence words it (\"forces loyal to Khalifa Haftar\"), for checking."),
    Column("actor2_text", "text", "actor2 as the sentence words it."),
    Column("actor_mentions", "text", "Every actor of the sentence, canonical names joined by '; '."),
    Column("event_type", "text", "ACLED event type; empty for a dated sentence that is no political-violence "
           "event.", None),
    Column("sub_event_type", "text", "ACLED sub-event type.", None),
    Column("location", "text", "Place of the event (GeoNames name)."),
    Column("country", "text", "Country of the place (ISO 3166 alpha-2 code)."),
    Column("admin1", "text", "First-level region of the place (GeoNames or ISO 3166-2 name)."),
    Column("latitude", "float", "Latitude of the place (WGS84)."),
    Column("longitude", "float", "Longitude of the place (WGS84)."),
    Column("geo_precision", "int", "ACLED geo precision: 1 the named town, 2 near it or a small area, 3 region."),
    Column("fatalities", "int", "Deaths reported in the sentence (ACLED conventions); empty if none stated."),
    Column("fatalities_text", "text", "The words the death toll was read from, joined by ' … ' when it rests on "
           "several statements; empty when none."),
    Column("status", "text", "happened, planned, claimed or denied.", STATUSES),
    Column("lang", "text", "Language of the article (ISO 639-1)."),
)

NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
DATE_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "date")
TEXT_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "text")

_PANDAS_DTYPES = {
    "text": "string",
    "int": "Int64",
    "float": "Float64",
    "date": pd.ArrowDtype(pa.date32()),
}
_DUCKDB_TYPES = {"text": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "date": "DATE"}


def allowed_values(name: str) -> tuple[str, ...] | None:
    """The closed vocabulary of a column, or None when it is open."""
    if name == "event_type":
        return tuple(taxonomy())
    if name == "sub_event_type":
        return _sub_types()
    return next(c.allowed for c in COLUMNS if c.name == name)


def _as_date(value: object) -> dt.date | None:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    return dt.date.fromisoformat(text[:10]) if text else None


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with exactly the schema's columns, in order, with the schema's dtypes.

    Missing columns are added empty; extra columns are dropped. Used on the
    extractor's output and on anything read back from the store or a file.
    """
    out = {}
    n = len(frame)
    for column in COLUMNS:
        values = frame[column.name] if column.name in frame.columns else pd.Series([None] * n, index=frame.index)
        if column.kind == "date":
            values = values.map(_as_date)
        elif column.kind == "text":
            values = values.map(lambda v: None if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                                else str(v))
        out[column.name] = pd.Series(values.tolist(), dtype=_PANDAS_DTYPES[column.kind], index=frame.index)
    return pd.DataFrame(out, index=frame.index).reset_index(drop=True)


def empty() -> pd.DataFrame:
    """An events table with no rows."""
    return conform(pd.DataFrame())


def from_records(records: list[dict]) -> pd.DataFrame:
    """An events table built from one dict per row."""
    return conform(pd.DataFrame.from_records(records, columns=list(NAMES)) if records else pd.DataFrame())


def validate(frame: pd.DataFrame) -> list[str]:
    """Problems with a frame that claims to be an events table (empty list: valid)."""
    problems = []
    if tuple(frame.columns) != NAMES:
        problems.append(f"columns differ from the schema: {list(frame.columns)}")
        return problems
    for column in COLUMNS:
        allowed = allowed_values(column.name)
        if allowed is not None:
            bad = set(frame[column.name].dropna()) - set(allowed)
            if bad:
                problems.append(f"{column.name}: values outside the schema: {sorted(bad)}")
    if frame["event_id"].duplicated().any():
        problems.append("event_id: duplicate ids")
    starts, ends = frame["date"], frame["date_end"]
    both = starts.notna() & ends.notna()
    if (starts[both] > ends[both]).any():
        problems.append("date: a date comes after its date_end")
    return problems


def duckdb_type(column: Column) -> str:
    """The store's SQL type of a column."""
    return _DUCKDB_TYPES[column.kind]


def duckdb_columns() -> str:
    """Column definitions for the store's CREATE TABLE."""
    return ", ".join(f"{c.name} {duckdb_type(c)}" for c in COLUMNS)
