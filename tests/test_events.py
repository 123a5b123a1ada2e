"""Events: the governing date, context inheritance, status and fatalities of a sentence."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from extractor import schema
from extractor.article import Article
from extractor.events import fatalities, parse_count, to_frame, to_records
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
    # a date in a relative clause, an aside, a noun's complement or attribute dates something else
    ("Protesters marched in silence to the grave of Norbert Zongo who was killed in 1998.",
     "2021-06-19", "published"),
    ("Students protested, demanding that classes resume since the coup events of September have finished.",
     "2021-06-19", "published"),
    ("UNP staged a protest inside the Parliament against the government budget for 2010.",
     "2021-06-19", "published"),
    ("Candidates signed a peace pledge ahead of the December 7 presidential elections.",
     "2021-06-19", "published"),
    ("Gunmen attacked the post (a similar post was attacked on 2 May).", "2021-06-19", "published"),
    ("Police arrested five men ahead of Ramadan that begins on May 15.", "2021-06-19", "published"),
    # ... but the date of the event itself still governs
    ("A man was shot dead on the night of June 2 in Tripoli.", "2021-06-02", "sentence"),
    ("Elections were scheduled for 2022.", "2022-01-01", "sentence"),
    ("She recalled the Aug. 7 blasts killed 257 people.", "2020-08-07", "sentence"),
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


def test_events_a_distance_from_a_dated_event_dates_its_row_with_its_signal():
    frame = rows("Gunmen attacked a police post in Gao on April 4, 2019. "
                 "Two weeks later, the army launched an offensive near Gao.", dt.date(2019, 5, 10))
    second = frame.iloc[1]
    assert (second["date_text"], second["date_precision"], second["date_source"]) == \
        ("Two weeks later", "week", "sentence")
    assert (str(second["date"]), str(second["date_end"])) == ("2019-04-15", "2019-04-21")


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
    ("According to the police, gunmen attacked the village on Thursday.", "claimed"),
    ("The militants vowed to attack the base on Thursday.", "planned"),
    ("Supporters assaulted a candidate on Thursday; the chairman denied his involvement.", "happened"),
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
    # lists are summed, ranges give their lowest figure, a part after "including" is no addition
    ("Two soldiers and one militant were killed.", 3),
    ("Seven police officers and a civilian were killed.", 8),
    ("10 civilians, including two children, were killed.", 10),
    ("The raid killed either one or four fighters.", 1),
    ("Between five and seven soldiers were killed.", 5),
    ("12 militants and seven soldiers were killed, and seven soldiers were wounded.", 19),
    ("Militants killed 3 soldiers and 2 civilians were injured.", 3),
    # a single victim without a figure is one death
    ("Gunmen killed a resident.", 1),
    ("A police officer was shot dead.", 1),
    ("The man died of his injuries.", 1),
    ("Gunmen shoot 1 policeman dead and injure another.", 1),
    # coder notes: the note's total, split tolls, none
    ("Unspecified fatalities, coded as 3.", 3),
    ("Several fatalities coded as 3.", 3),
    ("3 fatalities.", 3),
    ("No fatalities reported.", 0),
    ("Two people were killed. Fatalities split between two events.", 1),
    # dates, years, animals and things are no deaths
    ("On 30 April 2020, two NPA militants were killed.", 2),
    ("On February 11 2020, a mob killed a man.", 1),
    ("The militants killed 15 livestock.", None),
    ("Twenty-five people were killed.", 25),
    ("No one was injured.", 0),
])
def test_events_fatalities_count_deaths_only(text, expected):
    assert fatalities(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("12", 12), ("1,200", 1200), ("twelve", 12), ("twenty-five", 25), ("dozens of", 12), ("several", 10),
    ("hundreds", 100), ("two soldiers and one militant", 3), ("between five and seven", 5), ("one or four", 1),
    ("four people (including 1 journalist) as well as 2 policemen", 6), ("the", None),
])
def test_events_parse_count(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize("note,fatalities_of_first_row", [
    # the coder's closing total reaches the event's row, which has no toll of its own
    ("On 4 May 2020, militants attacked a village in Borno. 3 fatalities.", 3),
    ("On 4 May 2020, JNIM attacked an army base in Djibo. Five soldiers and one VDP were killed.", 6),
    # a breakdown that repeats the total stated first is not added again
    ("On 2 March 2024, residents and guards clashed in Tontokrom. At least 3 people were killed. The guards "
     "killed 1 civilian and the civilians killed 2 guards.", 3),
    # a figure a speaker claims counts only when no other does
    ("On 3 January 2024, JNIM attacked a base in Gabou. 17 VDP were killed. JNIM said it killed at least 16.", 17),
    ("On 1 May 2020, militants clashed with soldiers near Gao. Fatalities coded as 10.", 10),
])
def test_events_note_toll_reaches_the_event_row(note, fatalities_of_first_row):
    frame = rows(note, dt.date(2020, 5, 4))
    assert frame.loc[0, "fatalities"] == fatalities_of_first_row


@pytest.mark.parametrize("note,expected", [
    # the dated first sentence names no type: the sentence that continues it does
    ("On 4 May 2020, in Yauco, police officers were on patrol. An intense shoot-out broke out.", "Battles"),
    # a generic first sentence takes the remote weapon the next one names
    ("On 13 March 2020, two police officers were killed in Garissa. Their vehicle hit an IED.",
     "Explosions/Remote violence"),
    # a demonstration whose demonstrators then burn tyres is a riot
    ("On 16 February 2021, residents demonstrated in Kuresoi. They burnt tyres on the road.", "Riots"),
    # a new paragraph is a new event
    ("On 4 May 2020, residents demonstrated in Kuresoi.\n\nOn 5 May 2020, they burnt tyres.", "Protests"),
])
def test_events_note_type_of_first_row(note, expected):
    assert rows(note, dt.date(2020, 5, 4)).loc[0, "event_type"] == expected


@pytest.mark.parametrize("text,expected", [
    ("Gunmen killed a resident of the village.", "Violence against civilians"),
    ("Gunmen killed two soldiers at a checkpoint.", "Battles"),
    ("Two soldiers were killed in Gao.", "Battles"),
    ("Villagers beat a suspected thief to death.", "Riots"),
    ("Police beat protesters in the capital.", "Protests"),
    ("Gunmen opened fire on the house of the mayor. No one was injured.", "Strategic developments"),
    ("Residents protested against the killing of a student.", "Protests"),
    ("Police arrested two men in connection with the bombing.", "Strategic developments"),
    ("Communal violence broke out in the village; four people were killed.", "Battles"),
    ("A landmine laid during the civil war injured two farmers.", "Strategic developments"),
])
def test_events_sentence_type_by_who_is_involved(text, expected):
    assert rows(text, dt.date(2020, 5, 4)).loc[0, "event_type"] == expected


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


def test_events_records_keep_the_words_of_the_toll():
    """`fatalities_text` holds the words the toll was read from, wherever in the note they stand."""
    article = run(Article(id="t", text="On 4 May 2020, militants attacked a village in Borno. 3 fatalities.",
                          published=dt.date(2020, 5, 4), title="T"))
    assert to_records(article)[0]["fatalities_text"] == "3 fatalities"


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-and killed were dozens of soldiers one two fatalities "
                                              "coded as split between events no injured")), max_size=120))
def test_events_fatalities_never_negative_or_crash(text):
    found = fatalities(text)
    assert found is None or found >= 0


def test_events_a_heading_date_frames_the_report_after_it():
    """ "28 June." heads the note: the clash after it is the row, dated from it; a heading
    with nothing after it keeps its own row."""
    frame = rows("28 June. Two communal militias clashed over a land dispute in Sibi. Two people were killed.")
    assert list(frame["sentence_index"])[0] == 1
    assert (str(frame.loc[0, "date"]), frame.loc[0, "date_source"]) == ("2021-06-28", "context")
    assert list(rows("28 June.")["sentence_index"]) == [0]
