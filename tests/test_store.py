"""The DuckDB store: idempotent by content, atomic per article, resumable."""
import datetime as dt

import pytest

from extractor import schema
from extractor.article import Article
from extractor.errors import ArticleError, StoreError
from extractor.store import Store


def article(text="Gunmen attacked a post.", article_id="a"):
    return Article(id=article_id, text=text, published=dt.date(2021, 6, 19), title="T")


def frame(article_id="a", n=2):
    return schema.from_records([{"event_id": f"{article_id}:{i}", "article_id": article_id, "sentence_index": i,
                                 "date": dt.date(2021, 6, 19), "date_end": dt.date(2021, 6, 19)}
                                for i in range(n)])


def test_store_same_article_twice_is_stored_once(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.add(article(), frame()) is True
        assert store.add(article(), frame()) is False
        assert store.counts() == {"articles": 1, "events": 2, "rejects": 0}


def test_store_reopened_keeps_rows_and_skips_stored(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add(article(), frame())
    with Store(path) as store:
        assert store.has_article(article().content_hash)
        assert len(store.events()) == 2


def test_store_failed_insert_leaves_nothing_behind(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add(article("one", "a"), frame("a"))
        clashing = frame("a")  # same event ids as the stored article: the insert must fail as a whole
        with pytest.raises(Exception):
            store.add(article("two", "b"), clashing)
        assert store.counts()["articles"] == 1 and store.counts()["events"] == 2


def test_store_same_id_other_content_is_a_coded_reject(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add(article("one"), frame())
        with pytest.raises(ArticleError) as info:
            store.add(article("two"), frame())
        assert info.value.code == "E012"


def test_store_read_only_missing_file_is_a_coded_error(tmp_path):
    with pytest.raises(StoreError) as info:
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert info.value.code == "E030"


def test_store_round_trip_keeps_the_schema(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add(article(), frame())
        out = store.events()
    assert tuple(out.columns) == schema.NAMES
    assert schema.validate(out) == []
    assert out.loc[0, "date"] == dt.date(2021, 6, 19)


def test_store_made_by_an_older_version_gains_new_columns(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (event_id VARCHAR PRIMARY KEY, article_id VARCHAR, date DATE)")
    con.close()
    with Store(path) as store:
        store.add(article(), frame())
        out = store.events()
    assert tuple(out.columns) == schema.NAMES and len(out) == 2


def test_store_replace_swaps_the_events_of_a_stored_article(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add(article(), frame(n=3))
        assert store.add(article(), frame(n=1), replace=True) is True
        assert store.counts() == {"articles": 1, "events": 1, "rejects": 0}
