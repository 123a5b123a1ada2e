"""Events: the governing date, context inheritance, status and fatalities of a sentence."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from extractor import schema
from extractor.article import Article
from extractor.events import fatalities, to_frame
from extractor.pipeline import run

SAT = dt.date(2021, 6, 19)


def rows(text: str, published: dt.date = SAT):
    return to_frame([run(Article(id="t", text=text, published=published, title="T"))])


@pytest.mark.parametrize("text,expected_date,source", [
    ("Gunmen attacked a police post on Thursday.", "2021-06-17", "sentence"),
    ("Gunmen attacked a police post.", "2021-06-19", "published"),
    # the governing date is the one nearest the event, not the first of the sentence
    ("In a statement on Friday, the army said rebels attacked a base on Tuesday.", "2021-06-15", "sentence"),
    # a time adverbial opening the sentence governs its main clause, not an embedded clause's date
    ("On 9 May 2020, 55 people were arrested for supporting a blogger, who was arrested on 6 May.",
     "2020-05-09", "sentence"),
    ("On 7 June, 3 live hand grenades were found on a bus in Kandy.", "2021-06-07", "sentence"),
])
def test_events_governing_date(text, expected_date, source):
    frame = rows(text)
    assert (str(frame.loc[0, "date"]), frame.loc[0, "date_source"]) == (expected_date, source)


def test_events_sentence_without_date_inherits_from_its_paragraph():
    text = "In April 2019, Haftar launched an offensive on Tripoli. His forces shelled the airport.\n\n" \
           "Protesters marched in Tripoli."
    frame = rows(text)
    assert list(frame["date_source"]) == ["sentence", "context", "published"]
    assert list(frame["date_precision"]) == ["month", "month", "day"]
    assert str(frame.loc[1, "date"]) == "2019-04-01" and str(frame.loc[1, "date_end"]) == "2019-04-30"
    assert frame.loc[1, "date_text"] is None or frame["date_text"].isna()[1]


def test_events_durations_never_date_a_row():
    frame = rows("After Turkey strengthened its support, his 14-month campaign failed.")
    assert not frame["date_text"].fillna("").str.contains("14-month").any()


def test_events_dated_sentence_without_event_keeps_an_untyped_row():
    frame = rows("The elections are scheduled for December 24.")
    assert len(frame) == 1 and frame["event_type"].isna().all()
    assert str(frame.loc[0, "date"]) == "2021-12-24" and frame.loc[0, "status"] == "planned"


def test_events_sentence_with_neither_event_nor_date_is_no_row():
    assert len(rows("The weather was pleasant and people went about their business.")) == 0


@pytest.mark.parametrize("text,status", [
    ("Rebels attacked a military base on Thursday.", "happened"),
    ("The army said rebels attacked a military base on Thursday.", "claimed"),
    ("Rebels will attack the base on Thursday, a commander warned.", "planned"),
    ("The army denied that soldiers attacked the village on Thursday.", "denied"),
])
def test_events_status(text, status):
    assert rows(text).loc[0, "status"] == status


@pytest.mark.parametrize("text,expected", [
    ("Gunmen attacked a village, killing 12 people.", 12),
    ("Five soldiers were killed in the ambush.", 5),
    ("Dozens of civilians were killed.", 12),
    ("The death toll rose to 34.", 34),
    ("Three people were injured in the blast.", None),
    ("Police arrested 20 protesters.", None),
])
def test_events_fatalities_count_deaths_only(text, expected):
    assert fatalities(text) == expected


def test_events_provenance_offsets_point_at_the_sentence():
    text = "Title line\n\nOn Friday, gunmen attacked a police post in Sebha."
    frame = rows(text)
    for _, row in frame.iterrows():
        assert text[row["char_start"]:row["char_end"]] == row["sentence"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_events_any_text_gives_a_valid_table(text):
    frame = rows(text)
    assert schema.validate(frame) == []
    for _, row in frame.iterrows():
        assert text[row["char_start"]:row["char_end"]] == row["sentence"]
