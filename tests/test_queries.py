"""dashboard.queries: filter values to parametrised SQL over a real (temporary) store."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from dashboard import queries
from dashboard.queries import Filters
from extractor import schema
from extractor.article import Article
from extractor.errors import StoreError
from extractor.store import Store

EVENTS = [
    dict(event_id="a:0", article_id="a", article_title="Clashes near Sebha", sentence="Gunmen attacked a post.",
         date="2021-06-18", date_end="2021-06-18", date_precision="day", actor1="Unidentified Armed Group",
         actor2="Police Forces of Libya", actor_mentions="Unidentified Armed Group; Police Forces of Libya",
         event_type="Battles", location="Sebha", latitude=27.04, longitude=14.43),
    dict(event_id="a:1", article_id="a", article_title="Clashes near Sebha", sentence="Troops ARRIVED in June.",
         date="2021-06-01", date_end="2021-06-30", date_precision="month", actor1="Libyan National Army",
         actor_mentions="Libyan National Army; Khalifa Haftar", event_type="Strategic developments",
         location="Sebha"),
    dict(event_id="a:2", article_id="a", article_title="Clashes near Sebha", sentence="A 50% rise_in attacks.",
         date="2020-01-01", date_end="2020-12-31", date_precision="year", actor1=None, event_type=None,
         location="Tripoli"),
    dict(event_id="b:0", article_id="b", article_title="Protest in Tripoli", sentence="Hundreds protested.",
         date="2021-07-02", date_end="2021-07-02", date_precision="day", actor1="Protesters (Libya)",
         actor_mentions="Protesters (Libya)", event_type="Protests", location="Tripoli"),
    dict(event_id="b:1", article_id="b", article_title="Protest in Tripoli", sentence="No date here.",
         actor1="Protesters (Libya)", event_type="", location=None),
]


def _article(article_id: str, title: str) -> Article:
    return Article(id=article_id, text=f"Text of {article_id}.", published=dt.date(2021, 7, 3), title=title)


def _build(path: Path) -> Path:
    with Store(path) as writable:
        for article_id in ("a", "b"):
            rows = [e for e in EVENTS if e["article_id"] == article_id]
            writable.add(_article(article_id, rows[0]["article_title"]), schema.from_records(rows))
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with two articles and five events covering every filter's edge; tests only read it."""
    return _build(tmp_path_factory.mktemp("queries") / "x.duckdb")


@pytest.mark.parametrize("filters,expected", [
    (Filters(), ["a:2", "a:1", "a:0", "b:0", "b:1"]),
    (Filters(actors=("Unidentified Armed Group",)), ["a:0"]),                 # actor1
    (Filters(actors=("Police Forces of Libya",)), ["a:0"]),                   # actor2
    (Filters(actors=("Khalifa Haftar",)), ["a:1"]),                           # only in actor_mentions
    (Filters(actors=("Haftar",)), []),                                        # whole names, not substrings
    (Filters(actors=("Khalifa Haftar", "Protesters (Libya)")), ["a:1", "b:0", "b:1"]),
    (Filters(start=dt.date(2021, 6, 15)), ["a:1", "a:0", "b:0"]),             # June overlaps June 15+
    (Filters(start=dt.date(2021, 6, 15), end=dt.date(2021, 6, 20)), ["a:1", "a:0"]),
    (Filters(end=dt.date(2020, 6, 1)), ["a:2"]),
    (Filters(types=("Battles",)), ["a:0"]),
    (Filters(types=(queries.UNTYPED,)), ["a:2", "b:1"]),                      # NULL and '' are untyped
    (Filters(types=("Protests", queries.UNTYPED)), ["a:2", "b:0", "b:1"]),
    (Filters(places=("Sebha",)), ["a:1", "a:0"]),
    (Filters(places=("Sebha", "Tripoli")), ["a:2", "a:1", "a:0", "b:0"]),
    (Filters(text="arrived"), ["a:1"]),                                       # case-insensitive sentence
    (Filters(text="PROTEST IN"), ["b:0", "b:1"]),                             # title
    (Filters(text="police forces"), ["a:0"]),                                 # actors
    (Filters(text="tripoli"), ["a:2", "b:0", "b:1"]),                         # location and title
    (Filters(text="50%"), ["a:2"]),                                           # % is literal, not LIKE
    (Filters(text="e_i"), ["a:2"]),                                           # _ is literal, not LIKE
    (Filters(text="%"), ["a:2"]),
    (Filters(actors=("Libyan National Army",), places=("Sebha",), text="june"), ["a:1"]),
])
def test_queries_filtered_events(store: Path, filters: Filters, expected: list[str]) -> None:
    events = queries.filtered_events(store, filters)
    assert events["event_id"].tolist() == expected
    assert tuple(events.columns) == schema.NAMES


@pytest.mark.parametrize("hostile", [
    "'; DROP TABLE events; --",
    "\" OR 1=1 --",
    "') OR TRUE OR ('",
    "$1",
    "?",
])
def test_queries_user_values_are_bound_never_interpolated(store: Path, hostile: str) -> None:
    filters = Filters(actors=(hostile,), types=(hostile,), places=(hostile,), text=hostile)
    sql, params = queries.events_query(filters)
    benign_sql, _ = queries.events_query(Filters(actors=("x",), types=("x",), places=("x",), text="x"))
    assert sql == benign_sql  # the SQL text does not depend on the values...
    assert hostile in params or [hostile] in params  # ...which travel as parameters
    assert queries.filtered_events(store, filters).empty
    assert len(queries.filtered_events(store, Filters())) == len(EVENTS)  # the table survived


@pytest.mark.parametrize("raw,expected", [
    (dict(), Filters()),
    (dict(actors=None, types=[], places=None, text=None), Filters()),
    (dict(actors="NATO"), Filters(actors=("NATO",))),
    (dict(actors=["NATO", "Egypt"]), Filters(actors=("NATO", "Egypt"))),
    (dict(start="2021-06-19", end="2021-06-30T00:00:00"), Filters(start=dt.date(2021, 6, 19),
                                                                  end=dt.date(2021, 6, 30))),
    (dict(start=""), Filters()),
    (dict(start="19/06/2021", end="not a date"), Filters()),
    (dict(text="  sebha "), Filters(text="sebha")),
    (dict(text="   "), Filters()),
])
def test_queries_filters_from_component_values(raw: dict, expected: Filters) -> None:
    assert Filters.from_inputs(**raw) == expected


@pytest.mark.parametrize("field,expected", [
    ("actors", ["Khalifa Haftar", "Libyan National Army", "Police Forces of Libya", "Protesters (Libya)",
                "Unidentified Armed Group"]),
    ("types", ["Battles", "Protests", "Strategic developments", queries.UNTYPED]),  # taxonomy order
    ("places", ["Sebha", "Tripoli"]),
    ("first", dt.date(2020, 1, 1)),
    ("last", dt.date(2021, 7, 2)),
])
def test_queries_filter_options(store: Path, field: str, expected: object) -> None:
    assert getattr(queries.store_options(store), field) == expected


@pytest.mark.parametrize("frame", [schema.empty()])
def test_queries_filter_options_of_empty_table(frame) -> None:
    assert queries.filter_options(frame) == queries.Options()


@pytest.mark.parametrize("event_id,sentence", [
    ("a:0", "Gunmen attacked a post."),
    ("b:1", "No date here."),
    ("zz:9", None),
    (None, None),
    ("", None),
])
def test_queries_event_by_id(store: Path, event_id: str | None, sentence: str | None) -> None:
    event = queries.event_by_id(store, event_id)
    assert (event["sentence"] if event else None) == sentence
    if event:
        assert list(event) == list(schema.NAMES)
        assert event["date"] is None or isinstance(event["date"], dt.date)


@pytest.mark.parametrize("column", queries.SEARCHED_COLUMNS)
def test_queries_searched_columns_are_schema_text_columns(column: str) -> None:
    assert column in schema.TEXT_COLUMNS


def test_queries_check_store_counts_events(store: Path) -> None:
    assert queries.check_store(store) == len(EVENTS)


@pytest.mark.parametrize("make", ["missing", "not_a_store", "not_duckdb"])
def test_queries_check_store_rejects_unusable_store(tmp_path: Path, make: str) -> None:
    path = tmp_path / "bad.duckdb"
    if make == "not_a_store":
        duckdb.connect(str(path)).close()
    elif make == "not_duckdb":
        path.write_text("hello")
    with pytest.raises(StoreError) as error:
        queries.check_store(path)
    assert error.value.code == "E030"


def test_queries_open_the_store_read_only(tmp_path: Path) -> None:
    # Each query opens and closes the store, so the extractor can write to it in between.
    store = _build(tmp_path / "x.duckdb")
    queries.filtered_events(store, Filters())
    with Store(store) as writable:
        writable.add(_article("c", "Later"), schema.from_records([dict(event_id="c:0", article_id="c")]))
    assert "c:0" in queries.filtered_events(store, Filters())["event_id"].tolist()
