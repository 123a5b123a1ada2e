"""dashboard.export: the CSV download (formula neutralisation) and the grid's JSON rows."""
from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import export
from extractor import schema

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def read_csv(text: str) -> list[dict[str, str]]:
    """The CSV as a spreadsheet's importer sees it: one dict per row, every cell a string."""
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("text,expected", [
    ("=1+1", "'=1+1"),
    ("+33 1 23", "'+33 1 23"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=cmd", "'\t=cmd"),
    ("\r=cmd", "'\r=cmd"),
    ('=HYPERLINK("http://x","y")', "'=HYPERLINK(\"http://x\",\"y\")"),
    ("Gunmen attacked", "Gunmen attacked"),
    (" =1", " =1"),           # a leading space is not a formula start
    ("a=1", "a=1"),
    ("'=1", "'=1"),           # already quoted
    ("", ""),
])
def test_export_neutralise(text: str, expected: str) -> None:
    assert export.neutralise(text) == expected


# Golden, datasette style: the exact bytes a user downloads for a small table.
GOLDEN_RECORDS = [
    dict(event_id="a:0", article_id="a", article_title="=cmd|' /C calc'!A0", published="2021-06-19",
         sentence_index=0, sentence='Gunmen said "-5" times, in Sebha.', char_start=0, char_end=34,
         date="2021-06-18", date_end="2021-06-18", date_precision="day", date_text="On Friday",
         date_source="sentence", actor1="@attacker", actor2="Police", actor_mentions="@attacker; Police",
         event_type="Battles", sub_event_type="Armed clash", location="Sebha", country="LY", latitude=-27.04,
         longitude=14.43, geo_precision=1, fatalities=3, status="happened", lang="en"),
    dict(event_id="a:1", article_id="a", article_title="Plain", sentence="Line one\nline two", date=None),
]
GOLDEN_CSV = (
    "event_id,article_id,article_title,published,sentence_index,sentence,char_start,char_end,date,date_end,"
    "date_precision,date_text,date_source,date_mod,actor1,actor2,actor1_text,actor2_text,actor_mentions,event_type,sub_event_type,location,"
    "country,admin1,latitude,longitude,geo_precision,fatalities,fatalities_text,status,lang\r\n"
    "a:0,a,'=cmd|' /C calc'!A0,2021-06-19,0,\"Gunmen said \"\"-5\"\" times, in Sebha.\",0,34,2021-06-18,2021-06-18,"
    "day,On Friday,sentence,,'@attacker,Police,,,'@attacker; Police,Battles,Armed clash,Sebha,LY,,-27.04,14.43,1,3,,"
    "happened,en\r\n"
    "a:1,a,Plain,,,\"Line one\nline two\",,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
)


@pytest.mark.parametrize("records,expected", [(GOLDEN_RECORDS, GOLDEN_CSV)])
def test_export_to_csv_golden(records: list[dict], expected: str) -> None:
    assert export.to_csv(schema.from_records(records)) == expected


@pytest.mark.parametrize("column,value,expected", [
    ("latitude", -12.5, "-12.5"),     # numbers stay numbers, minus sign and all
    ("longitude", -0.25, "-0.25"),
    ("fatalities", 3, "3"),
    ("date", "2021-06-19", "2021-06-19"),
    ("actor1", "-Group", "'-Group"),  # text starting with '-' is neutralised
])
def test_export_to_csv_keeps_numbers_neutralises_text(column: str, value: object, expected: str) -> None:
    rows = read_csv(export.to_csv(schema.from_records([{"event_id": "x", column: value}])))
    assert rows[0][column] == expected


@pytest.mark.parametrize("frame", [schema.empty()])
def test_export_to_csv_of_no_rows_is_the_header(frame) -> None:
    assert export.to_csv(frame) == ",".join(schema.NAMES) + "\r\n"


def test_export_to_csv_orders_columns_by_schema() -> None:
    shuffled = schema.from_records([{"event_id": "x"}])[list(reversed(schema.NAMES))]
    assert tuple(read_csv(export.to_csv(shuffled))[0]) == schema.NAMES


@settings(max_examples=120, deadline=None)  # each example is a whole to_csv call (~50 ms)
@given(st.lists(st.fixed_dictionaries({name: st.text(max_size=30) for name in schema.TEXT_COLUMNS}),
                min_size=1, max_size=8))
def test_export_csv_text_cells_never_start_like_formulas(records: list[dict]) -> None:
    rows = read_csv(export.to_csv(schema.from_records(records)))
    assert len(rows) == len(records)  # no value can break a row apart
    for written, read in zip(records, rows):
        for name in schema.TEXT_COLUMNS:
            cell = read[name]
            assert not cell.startswith(RISKY_STARTS), (name, cell)
            # Neutralising is the only change: a quote is added in front, nothing else differs.
            assert cell == (("'" + written[name]) if written[name].startswith(RISKY_STARTS) else written[name])


@pytest.mark.parametrize("record,expected", [
    (dict(event_id="x", date="2021-06-19", latitude=1.5, fatalities=2, actor1=None),
     dict(event_id="x", date="2021-06-19", latitude=1.5, fatalities=2, actor1=None, date_end=None)),
])
def test_export_to_records_is_json_ready(record: dict, expected: dict) -> None:
    row = export.to_records(schema.from_records([record]))[0]
    assert list(row) == list(schema.NAMES)
    assert {k: row[k] for k in expected} == expected
    assert type(row["fatalities"]) is int and type(row["latitude"]) is float
