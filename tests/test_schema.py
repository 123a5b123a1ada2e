"""The events table's one schema."""
import datetime as dt

import pandas as pd
import pytest

from extractor import schema


def test_schema_columns_required_by_the_issue_are_present_in_order():
    required = ["event_id", "article_id", "article_title", "published", "sentence_index", "sentence",
                "char_start", "char_end", "date", "date_end", "date_precision", "date_text", "date_source",
                "actor1", "actor2", "actor_mentions", "event_type", "sub_event_type", "location", "country",
                "latitude", "longitude", "fatalities", "status", "lang"]
    positions = [schema.NAMES.index(c) for c in required]
    assert positions == sorted(positions)


def test_schema_conform_orders_types_and_fills():
    frame = pd.DataFrame({"fatalities": [3], "event_id": ["a:1"], "date": ["2021-06-19"], "junk": [1]})
    out = schema.conform(frame)
    assert tuple(out.columns) == schema.NAMES
    assert out.loc[0, "date"] == dt.date(2021, 6, 19)
    assert out.loc[0, "fatalities"] == 3
    assert pd.isna(out.loc[0, "actor1"])


@pytest.mark.parametrize("record,problem", [
    ({"event_id": "a", "event_type": "Skirmish"}, "event_type"),
    ({"event_id": "a", "date_precision": "fortnight"}, "date_precision"),
    ({"event_id": "a", "status": "maybe"}, "status"),
    ({"event_id": "a", "date": "2021-06-20", "date_end": "2021-06-19"}, "date"),
])
def test_schema_validate_reports_values_outside_the_schema(record, problem):
    problems = schema.validate(schema.from_records([record]))
    assert problems and problems[0].startswith(problem)


def test_schema_taxonomy_is_acleds():
    types = schema.taxonomy()
    assert len(types) == 6 and sum(len(v) for v in types.values()) == 25
    assert "Air/drone strike" in types["Explosions/Remote violence"]


def test_schema_empty_table():
    assert list(schema.empty().columns) == list(schema.NAMES)
