"""Filter values in, events out: parametrised DuckDB queries over the store.

Every user value travels as a bound parameter, never inside the SQL text, so a
search for `'; DROP TABLE events; --` is only a search. Column names come from
`extractor.schema`, the one place that spells the events table.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from extractor import schema
from extractor.errors import StoreError
from extractor.store import Store

UNTYPED = "untyped"  # the option and legend entry for events without an event_type
NO_ACTOR = "(no actor)"  # the timeline lane for events without an actor1
ACTOR_SEPARATOR = "; "  # how actor_mentions joins its names (see schema)

# Columns the free-text search looks into: what a reader would call "the event's words".
SEARCHED_COLUMNS = ("sentence", "actor1", "actor2", "actor_mentions", "article_title", "location")

ORDER = "ORDER BY date NULLS LAST, article_id, sentence_index, event_id"


@dataclass(frozen=True, slots=True)
class Filters:
    """What the user asked to see; empty fields do not filter."""

    actors: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    types: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    text: str = ""

    @classmethod
    def from_inputs(cls, actors: Sequence[str] | str | None = None, start: str | None = None,
                    end: str | None = None, types: Sequence[str] | str | None = None,
                    places: Sequence[str] | str | None = None, text: str | None = None) -> "Filters":
        """Filters from raw Dash component values (None, a string or a list; dates as ISO strings)."""
        return cls(actors=_values(actors), start=_date(start), end=_date(end), types=_values(types),
                   places=_values(places), text=(text or "").strip())


def _values(value: Sequence[str] | str | None) -> tuple[str, ...]:
    """A dropdown's value as a tuple: Dash sends None, one string or a list."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v is not None)


def _date(value: str | dt.date | None) -> dt.date | None:
    """A date picker's value ('2021-06-19' or '2021-06-19T00:00:00') as a date; None if unreadable.

    An unreadable date (typed by hand, or sent by a client other than the page)
    does not filter, rather than failing the whole view.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _blank(column: str) -> str:
    """SQL for a text column that is missing or empty: both mean 'not stated'."""
    return f"nullif({column}, '') IS NULL"


def where_clause(filters: Filters) -> tuple[str, list]:
    """The WHERE conditions (joined by AND) and their bound parameters, in order."""
    conditions: list[str] = []
    params: list = []
    if filters.actors:
        names = list(filters.actors)
        conditions.append("(list_contains(?::VARCHAR[], actor1) OR list_contains(?::VARCHAR[], actor2)"
                          f" OR list_has_any(string_split(actor_mentions, '{ACTOR_SEPARATOR}'), ?::VARCHAR[]))")
        params += [names, names, names]
    if filters.start is not None:
        # An event is shown when the period it covers overlaps the range: "June 2021" is in June 15-20.
        conditions.append("coalesce(date_end, date) >= ?")
        params.append(filters.start)
    if filters.end is not None:
        conditions.append("date <= ?")
        params.append(filters.end)
    if filters.types:
        named = [t for t in filters.types if t != UNTYPED]
        either = []
        if named:
            either.append("list_contains(?::VARCHAR[], event_type)")
            params.append(named)
        if UNTYPED in filters.types:
            either.append(_blank("event_type"))
        conditions.append(f"({' OR '.join(either)})")
    if filters.places:
        conditions.append("list_contains(?::VARCHAR[], location)")
        params.append(list(filters.places))
    if filters.text:
        # contains() rather than LIKE: '%' and '_' in the user's text are literal characters.
        conditions.append("(" + " OR ".join(f"contains(lower(coalesce({c}, '')), lower(?))"
                                            for c in SEARCHED_COLUMNS) + ")")
        params += [filters.text] * len(SEARCHED_COLUMNS)
    return (" AND ".join(conditions) or "TRUE"), params


def events_query(filters: Filters) -> tuple[str, list]:
    """SQL selecting the filtered events in schema column order, and its parameters."""
    where, params = where_clause(filters)
    return f"SELECT {', '.join(schema.NAMES)} FROM events WHERE {where} {ORDER}", params


def filtered_events(store_path: str | Path, filters: Filters) -> pd.DataFrame:
    """The events matching `filters`, read from a store opened read-only.

    The store is opened per call, not held open, so the extractor can write to it
    between two clicks (DuckDB allows one writing process per file).
    """
    with Store(store_path, read_only=True) as store:
        return store.query(*events_query(filters))


def event_by_id(store_path: str | Path, event_id: str | None) -> dict | None:
    """One event as a dict of schema columns, or None when the id is unknown."""
    if not event_id:
        return None
    with Store(store_path, read_only=True) as store:
        frame = store.query(f"SELECT {', '.join(schema.NAMES)} FROM events WHERE event_id = ?", [event_id])
    if frame.empty:
        return None
    return {name: _plain(value) for name, value in frame.iloc[0].items()}


def _plain(value: object) -> object:
    """A frame cell as a plain Python value (NA becomes None)."""
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else value


@dataclass(frozen=True, slots=True)
class Options:
    """Choices offered by the filters, taken from what the store holds."""

    actors: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None


def _present(values: Iterable) -> set[str]:
    return {str(v) for v in values if v is not None and v is not pd.NA and str(v) != ""}


def filter_options(events: pd.DataFrame) -> Options:
    """The dropdown choices and date bounds for an events table.

    Actors come from actor1, actor2 and every name in actor_mentions, so each name
    the actor filter matches on can be picked. Types follow the ACLED taxonomy's
    order, then unknown types, then `untyped` when some event has no type.
    """
    if events.empty:
        return Options()
    mentions = events["actor_mentions"].dropna().str.split(ACTOR_SEPARATOR).explode().str.strip()
    actors = _present(events["actor1"]) | _present(events["actor2"]) | _present(mentions)
    present_types = _present(events["event_type"])
    known = [t for t in schema.taxonomy() if t in present_types]
    types = known + sorted(present_types - set(known))
    if (events["event_type"].isna() | (events["event_type"] == "")).any():
        types.append(UNTYPED)
    dates = events["date"].dropna()
    ends = events["date_end"].fillna(events["date"]).dropna()
    return Options(actors=sorted(actors, key=str.casefold), types=types,
                   places=sorted(_present(events["location"]), key=str.casefold),
                   first=dates.min() if len(dates) else None, last=ends.max() if len(ends) else None)


def store_options(store_path: str | Path) -> Options:
    """The filter choices for everything in the store."""
    with Store(store_path, read_only=True) as store:
        return filter_options(store.events())


def check_store(store_path: str | Path) -> int:
    """Number of events in the store; raises StoreError E030 when it cannot be read.

    Called once at start-up so a wrong path fails with one clear line, not on the
    first page load.
    """
    with Store(store_path, read_only=True) as store:
        try:
            return store.counts()["events"]
        except duckdb.Error as exc:
            raise StoreError("E030", path=store_path,
                             detail=f"not a Conflict Timeline store ({str(exc).splitlines()[0]})") from None
