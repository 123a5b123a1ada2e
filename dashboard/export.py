"""Events leaving Python: the CSV download and the grid's JSON rows.

A CSV opened in a spreadsheet runs any cell that starts like a formula, so text
cells starting with = + - @ tab or carriage return get a leading single quote
(OWASP, "CSV Injection"). Numbers and dates are not text: a latitude of -12.5
stays a number a spreadsheet can compute with.
"""
from __future__ import annotations

import csv
import io

import pandas as pd

from extractor import schema

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_PATTERN = r"^[=+\-@\t\r]"


def neutralise(text: str) -> str:
    """One text cell made safe for spreadsheets: a formula-like start gets a leading quote."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _neutralised(series: pd.Series) -> pd.Series:
    """A text column with every formula-like cell quoted (vectorised form of `neutralise`)."""
    text = series.astype("string")
    risky = text.str.contains(FORMULA_PATTERN, regex=True).fillna(False).astype(bool)
    return text.where(~risky, "'" + text)


def to_csv(events: pd.DataFrame) -> str:
    """The events as CSV text: schema columns in schema order, text cells neutralised.

    Missing values are empty cells and dates ISO dates. Rows end in \\r\\n (RFC 4180):
    the csv module then quotes every field holding a \\r or \\n, which it would not do
    for a lone \\r under a \\n terminator, letting "x\\r=cmd" start a forged row.
    """
    frame = schema.conform(events)
    for name in schema.TEXT_COLUMNS:
        frame[name] = _neutralised(frame[name])
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue()


def _json_value(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def to_records(events: pd.DataFrame) -> list[dict]:
    """The events as JSON-ready rows for the grid: schema columns, ISO dates, None for missing."""
    frame = schema.conform(events)
    columns = list(frame.columns)
    return [{name: _json_value(value) for name, value in zip(columns, row)}
            for row in frame.itertuples(index=False, name=None)]
