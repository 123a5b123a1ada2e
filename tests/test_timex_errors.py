"""The error sorter behind the closing notes: each wrong value falls in the kind it names."""
import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from timex_errors import kind  # noqa: E402

DCT = dt.date(1990, 8, 15)  # a Wednesday


def timex(text, value, type_="DATE"):
    return {"text": text, "value": value, "type": type_}


@pytest.mark.parametrize("gold,pred,expected", [
    (timex("last week", "1989-WXX"), timex("last week", "1989-W43"), "gold leaves unspecified what the text fixes"),
    (timex("1949", "1949-XX"), timex("1949", "1949"), "gold leaves unspecified what the text fixes"),
    (timex("this week", "2000-W7"), timex("this week", "2000-W07"), "gold ISO week unpadded"),
    (timex("Friday night", "1990-08-10"), timex("Friday night", "1990-08-10TNI", "TIME"),
     "part of day kept (issue: Saturday night is TNI)"),
    (timex("Tuesday", "1990-08-07"), timex("Tuesday", "1990-08-14"), "gold weekday is off its document date"),
    (timex("Tuesday", "1990-08-15"), timex("Tuesday", "1990-08-14"), "gold day is not the weekday named"),
    (timex("Friday", "1990-08-10"), timex("Friday", "1990-08-17"), "right year, wrong month, week or day"),
    (timex("March", "1990-03"), timex("March", "1991-03"), "right period, wrong year"),
    (timex("last year", "1989-Q3"), timex("last year", "1989"), "right period, other granularity"),
    (timex("recent years", "PAST_REF"), timex("recent years", "PXY", "DURATION"), "type DATE read as DURATION"),
    (timex("two to three weeks", "P2W", "DURATION"), timex("three weeks", "P3W", "DURATION"), "other"),
])
def test_timex_errors_kind(gold, pred, expected):
    assert kind(gold, pred, DCT) == expected
