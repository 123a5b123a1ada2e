"""Finding time expressions: spans, types and the false positives that must stay out."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from extractor.errors import ResourceError
from extractor.timex import find, grammar, load_patterns


def spans(text):
    return [(text[f.start:f.end], f.type) for f in find(text)]


@pytest.mark.parametrize("text,expected", [
    ("It happened on Saturday.", [("Saturday", "DATE")]),
    ("It happened last Saturday.", [("last Saturday", "DATE")]),
    ("The offensive was launched in April last year.", [("April last year", "DATE")]),
    ("In April 2019, Haftar attacked.", [("April 2019", "DATE")]),
    ("Elections on December 24 and on 23 June 2021.", [("December 24", "DATE"), ("23 June 2021", "DATE")]),
    ("Since the 2011 uprising, chaos.", [("2011", "DATE")]),
    ("at the end of last year", [("the end of last year", "DATE")]),
    ("his 14-month campaign failed", [("14-month", "DURATION")]),
    ("a 24-hour truce", [("24-hour", "DURATION")]),
    ("closed for several years", [("several years", "DURATION")]),
    # a bare plural unit after "for" is a vague duration, centuries as much as years
    ("Ukraine was ruled from Moscow for centuries.", [("centuries", "DURATION")]),
    ("Saturday night raids", [("Saturday night", "TIME")]),
    ("at 4 a.m. on Friday", [("4 a.m. on Friday", "TIME")]),
    ("weekly meetings and every Saturday", [("weekly", "SET"), ("every Saturday", "SET")]),
    ("a decade ago", [("a decade ago", "DATE")]),
    ("in mid-2019 and early June", [("mid-2019", "DATE"), ("early June", "DATE")]),
    ("the 1990s", [("the 1990s", "DATE")]),
    ("the third quarter of 1989", [("the third quarter of 1989", "DATE")]),
    ("2021-06-19", [("2021-06-19", "DATE")]),
    ("talks broke off at noon Thursday", [("noon Thursday", "TIME")]),
    ("they march each July", [("each July", "SET")]),
    ("flights leave on Tuesday nights and Mondays", [("Tuesday nights", "SET"), ("Mondays", "SET")]),
    ("the siege lasted 2 1/2 years", [("2 1/2 years", "DURATION")]),
    ("rising from 35 percent several years ago", [("several years ago", "DATE")]),
    ("growth will slow in coming months and in the near future", [("coming months", "DATE"),
                                                                 ("the near future", "DATE")]),
    ("a nineteen ninety-seven attack", [("nineteen ninety-seven", "DATE")]),
    ("compared with a year-earlier loss", [("year-earlier", "DATE")]),
    ("prosecutors may soon seek an indictment", [("soon", "DATE")]),
    ("he was released soon after his arrest", []),
    ("the government's decades-long battle", [("decades-long", "DURATION")]),
    ("their third day-long meeting", [("day-long", "DURATION")]),
    ("a 6-year-old boy", []),
    ("a loss for the quarter ended Sept. 30", [("the quarter", "DATE"), ("Sept. 30", "DATE")]),
    ("net income for the year ended Sept. 30", [("the year", "DURATION"), ("Sept. 30", "DATE")]),
    ("three flights a day after the attack", [("a day", "DURATION")]),
    ("five hours in Nairobi later in the day before returning home", [("five hours", "DURATION")]),
    ("the day before last Tuesday's hearing", [("the day before last Tuesday", "DATE")]),
    # "the day before" stands for a day of the story only where its phrase ends; before a clause it is
    # measured from that clause's event, which the text does not date
    ("He left a week later and came back the day before.", [("a week", "DURATION"), ("the day before", "DATE")]),
    ("He was last seen Nov. 3, the day before authorities issued a warrant.", [("Nov. 3", "DATE")]),
    ("three days later", [("three days", "DURATION")]),
    ("by year-end", [("year-end", "DATE")]),
    # an amount per period is a rate, not a time: "$1.76 a year", "8.5% annually"
    ("sales are expected to rise 8.5% annually", []),
    ("a plant that would produce about 10,000 units annually", []),
    ("similar to those held here annually", [("annually", "SET")]),
    ("take the pill three times daily", [("daily", "SET")]),
    ("It's the second day of an offensive", [("the second day", "DATE")]),
    ("today is the eighth day of the operation", [("today", "DATE"), ("the eighth day", "DATE")]),
    ("the eighth day of the siege was quiet", []),
    ("they will liquidate it as soon as possible", [("as soon as possible", "DATE")]),
    ("they will sell as soon as they can", []),
    ("Islam will one day be the second largest religion", [("one day", "DATE")]),
    ("the deal will take one day to close", [("one day", "DURATION")]),
    ("Dealers placed orders in the morning", [("the morning", "TIME")]),
    ("the night of Friday, Oct. 23", [("Friday, Oct. 23", "DATE")]),
    # "today's"/"of tomorrow" used generically ("the present era", "the future") is no time expression in
    # TempEval gold; a day-bound "today's editions", "tomorrow's vote" is
    ("The case of Elian is for today's youth what the blockade was", []),
    ("only to mothers in today's world", []),
    ("the chips of choice in many of today's personal computers", []),
    ("If I were choosing the people of tomorrow, I would", []),
    ("The offer, advertised in today's editions of the Journal", [("today", "DATE")]),
    ("tomorrow's vote has international implications", [("tomorrow", "DATE")]),
    ("closing by the end of today", [("today", "DATE")]),
    # a fronted present-reference adverb set off by a comma frames the sentence and is not tagged;
    # unfronted or without the comma it is
    ("Now, he says, it looks like the West wants war.", []),
    ("Currently, Avon has 3.3 million shares outstanding.", []),
    ("Now the ninth circuit court of appeals has ruled.", [("Now", "DATE")]),
    ("Montedison currently owns about 72% of the shares.", [("currently", "DATE")]),
    ("Recently, analysts have said Sun is vulnerable.", [("Recently", "DATE")]),
    # a weekday in apposition to its date is one expression, with the day as an ordinal word too
    ("Women's Day is this coming Sunday, March eighth.", [("coming Sunday, March eighth", "DATE")]),
    # a modifier stays inside a month named relative to the year, as it does for a bare month
    ("approved the move in early October this year.", [("early October this year", "DATE")]),
])
def test_timex_finds_spans(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "It may rain and we may go.",
    "We said so.",
    "Theresa May said it.",
    "A second attack followed.",
    "M23 rebels advanced.",
    "They won 2-1 in the final.",
    "Call +218 21 333 4444 for help.",
    "The year of the dragon.",
    "The troops march north.",
    "He killed 2011 people.",
    "A poster from the film High Noon.",
    "They counted nineteen ninety-one ballots.",
    "Iraq imports about three-quarters of its food.",
    "It appeared in the Communist Party daily Granma.",
    "Protesters joined the annual March for Life.",
    "The stock pays a dividend of $1.76 a year.",
    "Qantas flies four flights a week to Bombay.",
    "Baker said on ABC's This Week that talks failed.",
    "The quarter-to-quarter comparison was enhanced.",
    "This is VOA Today.",
    "He told USA Today that talks failed.",
])
def test_timex_known_false_positives_yield_no_date(text):
    assert [f for f in find(text) if f.type in ("DATE", "TIME")] == []


@pytest.mark.parametrize("text,value", [
    ("The blast happened at 4 a.m. on Friday.", "2021-06-18T04:00"),
    ("Shots were fired at 11 p.m.", "2021-06-19T23:00"),
    ("Negotiations broke off at noon Thursday.", "2021-06-17T12:00"),
    ("The offer expired at midnight Friday.", "2021-06-18T24:00"),
    ("The offer expires at 5 p.m. EST, Nov. 6.", "2021-11-06T17:00"),
    ("He will leave at 4 a.m. EDT Thursday.", "2021-06-24T04:00"),
    ("He will leave at 4 in the morning.", "2021-06-19T04:00"),
    ("The talks ended at 10 at night.", "2021-06-19T22:00"),
    ("The talks ended at 3 in the afternoon.", "2021-06-19T15:00"),
])
def test_timex_clock_times_are_times_not_months(text, value):
    from datetime import date

    from extractor.normalize import resolve_text

    (mention,) = resolve_text(text, date(2021, 6, 19))
    assert (mention.type, mention.value) == ("TIME", value)


def test_timex_rules_each_match_their_example():
    g = grammar("en")
    for rule in g.rules:
        found = find(rule.example)
        assert found, f"rule {rule.name} finds nothing in its own example {rule.example!r}"


def load_error(tmp_path, monkeypatch, file: str, line: str) -> ResourceError:
    """The error loading the English grammar raises once `line` is added to data/timex/en/<file>."""
    import shutil

    from extractor import resources, timex as timex_module

    root = tmp_path / "data"
    shutil.copytree(resources.data_path("timex"), root / "timex")
    path = root / "timex" / "en" / file
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    monkeypatch.setattr(timex_module, "data_path", lambda *parts: root.joinpath(*parts))
    timex_module.grammar.cache_clear()
    try:
        with pytest.raises(ResourceError) as info:
            timex_module.grammar("en")
        return info.value
    finally:
        timex_module.grammar.cache_clear()


@pytest.mark.parametrize("line,code", [
    ("bad\tDATE\tdate\t%nosuchpattern\texample", "E022"),
    ("bad\tDATE\tnosuchbuilder\t%month\texample", "E020"),
    ("bad\tWHEN\tdate\t%month\texample", "E020"),
    ("too\tfew\tfields", "E020"),
    ("no_anchor\tDATE\tdate\tthe %direction\tthe last", "E020"),
])
def test_timex_malformed_rule_fails_at_load_with_file_and_line(tmp_path, monkeypatch, line, code):
    error = load_error(tmp_path, monkeypatch, "rules.tsv", line)
    assert error.code == code and "rules.tsv:" in str(error)


@pytest.mark.parametrize("line", [
    "global_flag\t(?m)^Monday\tMonday",  # a flag for the whole regex cannot stand among alternatives
    "no_example\t\\bnever\\b\tsomething else",
    "unbalanced\t(Monday\tMonday",
])
def test_timex_malformed_negative_fails_at_load_with_file_and_line(tmp_path, monkeypatch, line):
    error = load_error(tmp_path, monkeypatch, "negatives.tsv", line)
    assert error.code == "E020" and "negatives.tsv:" in str(error)


def test_timex_patterns_longest_first():
    month = grammar("en").patterns["month"]
    alternatives = [a.removesuffix(r"(?!\w)") for a in month.regex[3:-1].split("|")]
    assert alternatives.index("september") < alternatives.index(r"sept\.") < alternatives.index("sept")


def exhaustive_scan(text, lang="en"):
    """Reference scan: the rules tried at every word start, left to right (what anchors and starters must keep).

    Shared with test_timex_fr_es.py, which checks the same property for its languages.
    """
    from extractor.timex import _TOKEN, _blocked, _read_match, full_alternation

    g = grammar(lang)
    found, covered = [], 0
    for token in _TOKEN.finditer(text):
        start = token.start()
        if start < covered or (start and text[start - 1] in "'_\u2019"):
            continue
        match = full_alternation(lang).match(text, start)
        if match is None:
            continue
        item = _read_match(g, match)
        if item is None or _blocked(g, text, item):
            continue
        found.append(item)
        covered = match.end()
    return found


TIME_WORDS = ["on", "Saturday", "the", "end", "of", "last", "year", "in", "April", "2019", "two", "weeks", "ago",
              "14-month", "campaign", "said", "will", "June", "23", "since", "the", "1990s", "early", "May", "a",
              "decade", "third", "quarter", "fiscal", "1989", "every", "week", "night", "4", "p.m.", "yesterday",
              "morning", "later", ",", ".", "people", "killed", "next", "month", "this", "weekly", "mid-2019"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TIME_WORDS), max_size=25))
def test_timex_anchored_scan_equals_exhaustive_scan(words):
    text = " ".join(words)
    assert find(text) == exhaustive_scan(text)


def test_timex_anchored_scan_equals_exhaustive_scan_on_the_seed():
    text = (Path(__file__).resolve().parent / "golden" / "seed-libya" / "article.txt").read_text(encoding="utf-8")
    assert find(text) == exhaustive_scan(text)
