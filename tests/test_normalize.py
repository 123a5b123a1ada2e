"""Resolving time expressions against the publication date and the clause's tense."""
import datetime as dt

import pytest

from extractor.normalize import clause_tense, resolve_text

SAT = dt.date(2021, 6, 19)  # a Saturday: the seed's publication date


def resolved(text, published=SAT):
    return [(text[m.start:m.end], m.value, m.precision, m.date, m.date_end) for m in resolve_text(text, published)]


@pytest.mark.parametrize("text,span,value", [
    ("Over the years many more patients died.", "the years", "PXY"),
    ("In the years that followed, the guerrillas grew.", "the years", "PXY"),
    ("A few days later, American Medical announced cuts.", "A few days", "PXD"),
    ("Just over an hour later, he was declared dead.", "an hour", "PT1H"),
    ("Over the next couple of years, sales will grow.", "the next couple of years", "P2Y"),
    ("The index had fallen eight trading days after the plunge.", "eight trading days", "P8D"),
    ("But a minute and a half later, a pilot called.", "a minute and a half", "PT1M30S"),
    ("Two and a half years later, he died.", "Two and a half years", "P2Y6M"),
    ("The loan may be extended for an additional year.", "an additional year", "P1Y"),
    ("Sales grew for the first time in years.", "years", "PXY"),
])
def test_normalize_vague_and_signalled_durations(text, span, value):
    (m,) = resolve_text(text, SAT)
    assert (text[m.start:m.end], m.type, m.value) == (span, "DURATION", value)


@pytest.mark.parametrize("text,published,values", [
    ("The day before last Tuesday's hearing, Manuel went to the house.", dt.date(2000, 2, 24), ["2000-02-21"]),
    ("Shops closed the day before Christmas.", dt.date(2000, 2, 24), ["1999-12-24"]),
    ("They left the day after June 23.", dt.date(2000, 7, 1), ["2000-06-24"]),
    # a weekday moves the story's day: what follows it is told from there
    ("Police arrested him on Friday. The following Monday, he was charged.", dt.date(1998, 8, 20),
     ["1998-08-14", "1998-08-17"]),
    ("Police arrested him on Friday. The next day, he was charged.", dt.date(1998, 8, 20),
     ["1998-08-14", "1998-08-15"]),
    ("The index closed on Friday, down 4.5% from the previous Friday.", dt.date(1989, 10, 30),
     ["1989-10-27", "1989-10-20"]),
])
def test_normalize_days_told_from_other_days(text, published, values):
    assert [m.value for m in resolve_text(text, published)] == values


@pytest.mark.parametrize("text,span,value", [
    ("Net rose from $5 million in the year-ago third quarter.", "the year-ago third quarter", "1988-Q3"),
    ("For the quarter a year ago, Columbia reported earnings.", "the quarter a year ago", "1988-Q3"),
    ("Net for the year-earlier nine months included a gain.", "the year-earlier nine months", "P9M"),
    ("Losses will continue through at least the first two quarters of 1990.", "the first two quarters of 1990",
     "1990-H1"),
])
def test_normalize_comparison_periods_are_one_expression(text, span, value):
    (m,) = resolve_text(text, dt.date(1989, 10, 26))
    assert (text[m.start:m.end], m.value) == (span, value)


@pytest.mark.parametrize("text,published,value", [
    ("Sales rose in the quarter ended Sept. 30.", dt.date(1989, 10, 26), "1989-Q3"),
    ("In the quarter ended July 31, Jayark had fewer orders.", dt.date(1989, 10, 30), "1989-Q2"),
    ("Net fell in the quarter ended Jan. 31.", dt.date(1990, 2, 20), "1989-Q4"),
])
def test_normalize_quarter_ended_is_the_quarter_of_its_middle_month(text, published, value):
    assert resolve_text(text, published)[0].value == value


def test_normalize_a_year_earlier_compares_with_the_last_period_named():
    text = ("Net rose in the third quarter from $5 million a year earlier. "
            "In the first nine months, net was $30 million, up from $20 million a year earlier.")
    values = [m.value for m in resolve_text(text, dt.date(1989, 10, 26))]
    assert values == ["1989-Q3", "1988-Q3", "P9M", "1988"]


def test_normalize_clock_time_takes_the_day_named_after_it():
    text = "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building."
    assert [m.value for m in resolve_text(text, dt.date(1998, 8, 8))] == ["1998-08-07T10:35", "1998-08-07"]


@pytest.mark.parametrize("text,published,value,precision", [
    # weekdays: past looks back, future forward; the publication weekday itself is that day
    ("Gunmen attacked the post on Saturday.", SAT, "2021-06-19", "day"),
    ("Haftar announced in a statement on Thursday that an operation will follow.", SAT, "2021-06-17", "day"),
    ("Talks will resume on Thursday.", SAT, "2021-06-24", "day"),
    ("Talks resumed on Monday.", dt.date(2021, 6, 16), "2021-06-14", "day"),
    ("The summit will open on Monday.", dt.date(2021, 6, 16), "2021-06-21", "day"),
    ("They met last Saturday.", SAT, "2021-06-12", "day"),
    ("They meet next Saturday.", SAT, "2021-06-26", "day"),
    ("The agency had ruled that the boy must be returned, and set Friday as the deadline.", dt.date(2000, 1, 15),
     "2000-01-14", "day"),
    ("A memorial service planned for Saturday was canceled.", dt.date(1999, 10, 24), "1999-10-23", "day"),
    ("A memorial service is planned for Saturday.", dt.date(1999, 10, 24), "1999-10-30", "day"),
    # months and days without a year
    ("The ceasefire agreement was signed in October.", SAT, "2020-10", "month"),
    ("The conference is scheduled to be held in Germany on June 23.", SAT, "2021-06-23", "day"),
    ("Its mission is to guide them through the December 24 elections.", SAT, "2021-12-24", "day"),
    ("The offensive was launched in April last year.", SAT, "2020-04", "month"),
    ("The move was approved in early October last year.", SAT, "2020-10", "month"),
    ("They clashed in March.", dt.date(2021, 1, 5), "2020-03", "month"),
    ("Elections will be held in March.", dt.date(2021, 11, 5), "2022-03", "month"),
    ("The index stayed within 70 points of its record high set on Aug. 6.", dt.date(1998, 2, 6), "1997-08-06", "day"),
    ("The offer expires at 5 p.m. EST, Nov. 6.", SAT, "2021-11-06T17:00", "day"),
    ("Collins will be named commander of the Space Shuttle Columbia for a mission in December.",
     dt.date(1998, 3, 4), "1998-12", "month"),
    # seasons and weekends: "this past" is the latest one; a past-tense weekend in a weekday paper is the last one
    ("Control Data scrapped its supercomputer business this past spring.", dt.date(1989, 10, 30), "1989-SP", "season"),
    ("Protesters rallied this weekend.", dt.date(1989, 10, 30), "1989-W43-WE", "week"),
    ("Protesters will rally this weekend.", dt.date(1989, 10, 30), "1989-W44-WE", "week"),
    # a bare clock time is on the day its sentence names
    ("On Friday, the blast occurred at about 10:35 a.m.", dt.date(1998, 8, 8), "1998-08-07T10:35", "day"),
    ("The blast occurred at about 10:35 a.m.", dt.date(1998, 8, 8), "1998-08-08T10:35", "day"),
    ("Compared with the current fiscal year, sales fell.", dt.date(1989, 11, 2), "1989", "year"),
    ("Then, a week or so ago, the general moved the troops.", dt.date(1991, 2, 25), "1991-W08", "week"),
    ("The year 2019 was hard.", SAT, "2019", "year"),
    # "last <month>" is never the month just gone in the same year: that one is "last month"
    ("Two helicopters crashed last February.", dt.date(1998, 3, 1), "1997-02", "month"),
    ("They met last December.", dt.date(2021, 1, 10), "2020-12", "month"),
    ("They met last May.", dt.date(1989, 10, 26), "1989-05", "month"),
    # a present-tense "it's the Nth day of" an event is the publication day
    ("It's the second day of an offensive by the security forces.", dt.date(1998, 3, 6), "1998-03-06", "day"),
    ("AT&T announced an 18 percent drop in profits for the fourth quarter.", dt.date(1998, 1, 26),
     "1997-Q4", "quarter"),
    ("Profit rose in the third quarter.", dt.date(1989, 10, 26), "1989-Q3", "quarter"),
    ("Provigo had C$7.38 billion in sales in the latest fiscal year.", dt.date(1989, 10, 26), "1988", "year"),
    ("After a small downward revision Friday to December's figures, jobs grew.", dt.date(1998, 2, 6),
     "1997-12", "month"),
    ("The transaction should close by year-end.", dt.date(1989, 10, 26), "1989", "year"),
    ("The goal is 40,000 troops in the region by the end of the month.", dt.date(1990, 8, 13), "1990-08", "month"),
    # deictic words
    ("The army said yesterday it had withdrawn.", SAT, "2021-06-18", "day"),
    ("Last week the convoy left.", SAT, "2021-W23", "week"),
    ("Fighting resumed earlier this month.", SAT, "2021-06", "month"),
    ("Elections are due next month.", SAT, "2021-07", "month"),
    ("The war began a decade ago.", SAT, "2011", "year"),
    ("Workers lost earning power in the last decade.", dt.date(1998, 2, 6), "198", "decade"),
    ("The truce was signed at the end of last year.", SAT, "2020", "year"),
    ("Raids on Saturday night.", SAT, "2021-06-19TNI", "day"),
    ("Since the 2011 uprising, chaos.", SAT, "2011", "year"),
    ("In the 1990s the city grew.", SAT, "199", "decade"),
    # a weekday with a month and day tells the year
    ("The Times said in an editorial on Saturday, April 25: the court erred.", dt.date(1998, 4, 24),
     "1998-04-25", "day"),
    # a past-tense report names the coming weeks' dates without a year
    ("The company said it would extend its bid to Nov. 6.", dt.date(1989, 10, 30), "1989-11-06", "day"),
    ("Rebels attacked the town on June 2.", SAT, "2021-06-02", "day"),
    ("Rebels attacked the town on October 2.", SAT, "2020-10-02", "day"),
    # ... but a past verb right before the date says its event is over; "set" and "has set" name a coming date
    ("In the second quarter ended Oct. 31, it had a loss.", dt.date(1989, 10, 27), "1988-10-31", "day"),
    ("The boy, who was rescued Nov. 25, stayed.", dt.date(1999, 11, 1), "1998-11-25", "day"),
    ("Dunkin' has set Nov. 10 as the deadline.", dt.date(1989, 11, 2), "1989-11-10", "day"),
    ("The board set Nov. 10 as the deadline.", dt.date(1989, 11, 2), "1989-11-10", "day"),
    ("The offer was extended to Nov. 16.", dt.date(1989, 10, 30), "1989-11-16", "day"),
    # a date that dates a noun takes the tense of the verb that noun governs
    ("She would bring aid to the countries where the Aug. 7 blasts killed 257 people.", dt.date(1998, 8, 18),
     "1998-08-07", "day"),
    # a weekday in the present tense is a schedule; "the week of" a day is that week
    ("The deadline is Monday.", SAT, "2021-06-21", "day"),
    ("A hearing is set for the week of March 6.", dt.date(2000, 2, 24), "2000-W10", "week"),
    # words for decades, spoken years, seasons, parts of a day, the story's year
    ("Hate groups declined through the nineties.", dt.date(1998, 3, 3), "199", "decade"),
    ("In nineteen ninety-one Charles Keating was convicted.", dt.date(1998, 1, 15), "1991", "year"),
    ("Prices fell in the winter of nineteen ninety-four.", dt.date(1998, 2, 23), "1994-WI", "season"),
    ("Demand will stay high into the summer.", dt.date(1989, 10, 26), "1989-SU", "season"),
    ("At mid-afternoon yesterday, shares were up.", dt.date(1989, 11, 2), "1989-11-01TAF", "day"),
    ("He fled in June 1998 and returned later that year.", dt.date(2000, 1, 28), "1998", "year"),
    ("Women's Day is this coming Sunday, March eighth.", dt.date(1998, 3, 5), "1998-03-08", "day"),
    # present tense or no cue: the nearer one
    ("Her properties, worth $130 million in October, are worth half that.", dt.date(1998, 1, 8),
     "1997-10", "month"),
    ("The NATO summit in April is the next step.", dt.date(1998, 12, 5), "1999-04", "month"),
    # a verb or noun of intent looks ahead, but not half a year ahead
    ("The company agreed to buy the unit in February.", dt.date(1989, 10, 30), "1990-02", "month"),
    ("It announced an agreement to acquire the bank in January.", dt.date(1989, 11, 2), "1990-01", "month"),
    ("The rebels agreed to withdraw in September.", dt.date(1989, 3, 2), "1988-09", "month"),
    ("The dividend is payable Jan. 2 to holders.", dt.date(1989, 11, 2), "1990-01-02", "day"),
    ("The shares fell 75 cents to 452.76 on Friday.", dt.date(1989, 10, 30), "1989-10-27", "day"),
    # a weekday modifying a noun is the nearer one, near-ties in the past
    ("Relatives vowed to get around Wednesday's ruling.", dt.date(2000, 1, 7), "2000-01-05", "day"),
    ("The premium over Thursday's closing price was 24%.", dt.date(1989, 10, 30), "1989-10-26", "day"),
    ("Observers arrive for Sunday's vote.", dt.date(2021, 6, 18), "2021-06-20", "day"),
    # periods the story told
    ("Profit rose in the latest quarter.", dt.date(1989, 10, 26), "1989-Q3", "quarter"),
    ("Profit will rise in the current quarter.", dt.date(1989, 10, 26), "1989-Q4", "quarter"),
    ("In the 20th century wars were many.", SAT, "19", "century"),
    ("Net sales for this year's third quarter were $14 million.", dt.date(1989, 11, 1), "1989-Q3", "quarter"),
    ("It had a charge in the 1988 second quarter.", dt.date(1989, 11, 1), "1988-Q2", "quarter"),
    ("Earnings will be lower for the last half of 1989.", dt.date(1989, 10, 26), "1989-H2", "half"),
    ("U.K. sales for last year's quarter were $3 million.", dt.date(1989, 11, 1), "1988-Q3", "quarter"),
    ("It lost $92 million for the quarter ended Sept. 30.", dt.date(1989, 11, 1), "1989-09-30", "day"),
    ("The thrift announced the plan Aug. 21.", dt.date(1989, 10, 27), "1989-08-21", "day"),
    # holidays by their calendar rules
    ("They met last Thanksgiving.", dt.date(1999, 2, 10), "1998-11-26", "day"),
    ("The bombing on Christmas 1998 killed four.", SAT, "1998-12-25", "day"),
    ("Talks resumed on Easter Monday.", SAT, "2021-04-05", "day"),
    # numeric dates: the reading nearer the publication date
    ("Elections were held on 7/12/2004.", dt.date(2004, 12, 5), "2004-12-07", "day"),
    ("Elections were held on 12/3/2004.", dt.date(2004, 12, 5), "2004-12-03", "day"),
    ("Elections were held on 25/11/2004.", dt.date(2004, 12, 5), "2004-11-25", "day"),
])
def test_normalize_relative_cases(text, published, value, precision):
    dated = [m for m in resolve_text(text, published) if m.type in ("DATE", "TIME")]
    assert [(m.value, m.precision) for m in dated][-1:] == [(value, precision)]


@pytest.mark.parametrize("text,expected", [
    ("his 14-month campaign failed", ("P14M", None)),
    ("the last twenty four hours", ("PT24H", None)),
    ("for several years", ("PXY", None)),
    ("average hourly earnings", ("PT1H", None)),
    ("the siege lasted 2 1/2 years", ("P2Y6M", None)),
    ("they fought for 5 1/2 hours", ("PT5H30M", None)),
    ("it lasted a minute and a half", ("PT1M30S", None)),
    ("one and a half days", ("P1DT12H", None)),
    ("two decades of war", ("P20Y", None)),
    # a counted century in years, as decades are; uncounted ones keep the century letter
    ("two centuries of rule", ("P200Y", None)),
    ("it dominated the skyline for centuries", ("PXC", None)),
    ("a month after Qantas suspended flights", ("P1M", None)),
    ("90 days after their issue date", ("P90D", None)),
    ("weekly", ("P1W", None)),
])
def test_normalize_durations_and_sets_carry_no_date(text, expected):
    (mention,) = resolve_text(text, SAT)
    assert (mention.value, mention.date) == expected
    assert not mention.is_datable


def test_normalize_modifier_narrows_the_period_without_inventing_a_day():
    (m,) = resolve_text("at the end of last year", SAT)
    assert (m.value, m.mod, m.precision) == ("2020", "END", "year")
    assert m.date == dt.date(2020, 9, 1) and m.date_end == dt.date(2020, 12, 31)


def test_normalize_month_spans_its_days():
    (m,) = resolve_text("It was signed in June 2021.", SAT)
    assert (m.date, m.date_end) == (dt.date(2021, 6, 1), dt.date(2021, 6, 30))


def test_normalize_narrative_moves_the_reference():
    text = "In April 2019, Haftar attacked. Two weeks later, he retreated. The next day, he returned."
    april, later, next_day = resolve_text(text, SAT)
    assert next_day.value == "2019-04-16"  # told from the day "two weeks later" reached
    assert april.value == "2019-04"
    # TimeML tags the distance ("Two weeks", P2W) and leaves "later" a signal; the event still lands in the week
    assert (text[later.start:later.end], later.type, later.value) == ("Two weeks", "DURATION", "P2W")
    assert (later.precision, later.date, later.date_end) == ("week", dt.date(2019, 4, 15), dt.date(2019, 4, 21))
    assert later.is_datable


def test_normalize_the_story_quarter_is_the_first_recent_one_named():
    text = ("Profit rose in the third quarter. It was flat in the second quarter. "
            "In the 1988 period, it earned less. The company was founded in the first quarter of 1975.")
    values = [m.value for m in resolve_text(text, dt.date(1989, 10, 26))]
    assert values == ["1989-Q3", "1989-Q2", "1988-Q3", "1975-Q1"]


def test_normalize_a_year_earlier_follows_the_quarter_the_story_named():
    text = "Net income rose in the third quarter. A year earlier, it fell. In the year-ago quarter it fell."
    values = [m.value for m in resolve_text(text, dt.date(1989, 10, 26))]
    assert values == ["1989-Q3", "1988-Q3", "1988-Q3"]


@pytest.mark.parametrize("text,values", [
    # a later completed quarter is a new report's quarter; an unfinished one is an outlook, an earlier one a comparison
    ("Delta's profit soared in the fiscal first quarter. Separately, America West reported third-quarter profit "
     "of $5.8 million, up from $4 million a year earlier.", ["1989-Q1", "1989-Q3", "1988-Q3"]),
    ("Profit rose in the third quarter. It expects a loss in the fourth quarter. Net was $4 million a year earlier.",
     ["1989-Q3", "1989-Q4", "1988-Q3"]),
    ("Profit rose in the fiscal first quarter. Sales rose in the quarter ended Sept. 30 from a year earlier.",
     ["1989-Q1", "1989-Q3", "1989-09-30", "1988-Q1"]),
])
def test_normalize_a_later_completed_quarter_is_a_new_report(text, values):
    assert [m.value for m in resolve_text(text, dt.date(1989, 10, 26))] == values


@pytest.mark.parametrize("text,values", [
    # a comparison period takes the grain of the span it compares with, as "a year earlier" does
    ("In the first nine months, net was $306 million, compared with a loss in the 1988 period. "
     "The year-ago results included a charge.", ["P9M", "1988", "1988"]),
    ("For the nine months, net was $81 million. In the year-earlier period, net was $77 million.", ["P9M", "1988"]),
    ("Net rose in the third quarter. In the 1988 period, it earned less.", ["1989-Q3", "1988-Q3"]),
    # "the latest period" is the period reported, not a comparison: the story's quarter
    ("Net for the six months ended Oct. 1 slipped. There were no gains in the latest period.",
     ["P6M", "1989-10-01", "1989-Q3"]),
])
def test_normalize_a_story_period_compares_at_the_story_grain(text, values):
    assert [m.value for m in resolve_text(text, dt.date(1989, 10, 27))] == values


@pytest.mark.parametrize("text,expected", [
    # weekdays coordinated under one plural part of day share it: each is a recurring night, as "Tuesday nights" is
    ("two new flights would leave on Monday and Tuesday nights", [("Monday", "SET", "XXXX-WXX-1TNI"),
                                                                  ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    ("flights on Friday or Saturday evenings", [("Friday", "SET", "XXXX-WXX-5TEV"),
                                                ("Saturday evenings", "SET", "XXXX-WXX-6TEV")]),
    ("statements made Friday and Thursday", [("Friday", "DATE", "1998-02-06"), ("Thursday", "DATE", "1998-02-05")]),
    # a season counted in the plural recurs (it is no unit of length): a set of that season
    ("violence for the past three summers", [("the past three summers", "SET", "XXXX-SU")]),
    ("they spent winters in Florida", [("winters", "SET", "XXXX-WI")]),
    # a modified decade written without "the" is still the decade, not its first year
    ("the late 1980s and early 1990s", [("the late 1980s", "DATE", "198"), ("early 1990s", "DATE", "199")]),
    # "then" moves a present reference off the present: the price at that time
    ("at 50% of the then current market price", [("then current", "DATE", "PAST_REF")]),
    ("the then-current chairman", [("then-current", "DATE", "PAST_REF")]),
])
def test_normalize_set_and_reference_readings(text, expected):
    found = resolve_text(text, dt.date(1998, 2, 6))
    assert [(text[m.start:m.end], m.type, m.value) for m in found] == expected


def test_normalize_the_following_month_counts_from_the_last_month_named():
    text = "In March, the company received an offer. The following month, the company put itself up for sale."
    assert [m.value for m in resolve_text(text, dt.date(1989, 10, 27))] == ["1989-03", "1989-04"]


@pytest.mark.parametrize("text,published,value", [
    # a holiday week is the ISO week that holds the day; the one under way whatever the tense
    ("Protesters prayed as Easter week began.", dt.date(2000, 4, 17), "2000-W16"),
    ("Sales slumped in Christmas week.", dt.date(1998, 1, 10), "1997-W52"),
    ("He will visit during Christmas week.", dt.date(1998, 11, 10), "1998-W52"),
    ("Stores were busy in Thanksgiving week 1998.", dt.date(1999, 2, 10), "1998-W48"),
])
def test_normalize_holiday_week(text, published, value):
    assert [(m.value, m.precision) for m in resolve_text(text, published)] == [(value, "week")]


def test_normalize_impossible_date_is_no_date():
    assert [m.value for m in resolve_text("It happened on 30 February 2021.", SAT)] == [None]


@pytest.mark.parametrize("before,after,tense", [
    ("The conference is scheduled to be held in Germany on ", "", "future"),
    ("the convoy that arrived on ", " was composed", "past"),
    ("Its mission is to unite the divided countries and guide them through the ", "", "future"),
    ("The mission is difficult and the talks resume on ", "", "present"),
    ("Libya has been in chaos since ", "", "past"),
    ("", ", gunmen attacked a post", "past"),
    ("", ", the government will decide", "future"),
    # "unspecified" after a determiner is an adjective, not a past verb: "would" decides
    ("It would be paid on a still unspecified date in January to holders of record ", "", "future"),
    ("Eileen Collins will be named commander of the Space Shuttle Columbia for a mission in ", "", "future"),
    ("They also can participate in planning for the NATO summit in ", "", "ahead"),
    ("Until ", ", they had not called Kopp a suspect", "past"),
    ("Immigration officials postponed until ", " any action", "ahead"),
    ("The relatives have until ", " to sign", "ahead"),
    ("Fighting continued until ", ", when a truce took hold", "past"),
    ("The elections, set for ", ", are in doubt", "future"),
    ("He and Palestinian leader Yasser Arafat meet separately ", " with Albright", "present"),
    ("The rebels agreed to meet on ", "", "ahead"),
    ("On ", ", the Kenyan government planned to pay the first death claims", "past"),
    ("On ", ", when Albright set aside vacation plans for the trip", "past"),  # "plans" is a noun, "set" the verb
    # verbs whose past is their base form are past verbs like "hit", not a later modal's
    ("The service had ruled that he must be returned to his father, and set ", " as the deadline", "past"),
    ("Rebels cut the road on ", "", "past"),
    ("Rebels will cut the road on ", "", "future"),
    ("Rebels plan to cut the road on ", "", "future"),
    # a past verb right after the expression is the clause's verb, whatever stands before it
    ("A memorial service planned at the university for ", " was canceled after threats", "past"),
    ("The talks planned for ", " will go ahead", "future"),
    ("On ", ", the League plans to hold a news conference", "future"),
    ("On ", ", the talks are planned to resume", "present"),
    ("The bank extended Control Data revolving loans through ", ", as well as letters of credit", "ahead"),
    ("A bomb ripped through an office building next to the U.S. embassy in Nairobi, Kenya ", "", "past"),
    ("Unisys stock fell a further 75 cents to $16.25 on ", "", "past"),
    ("The rebels agreed to withdraw on ", "", "ahead"),
    ("It had been due to expire ", "", "past"),
    ("His father could come to the U.S. as early as ", "", "ahead"),
    ("Bush let the offensive begin as previously planned ", "", "past"),
    ("A bomb ripped through a building next to the embassy in Nairobi on ", "", "past"),
])
def test_normalize_clause_tense(before, after, tense):
    assert clause_tense(before, after) == tense


def test_normalize_in_the_morning_is_the_story_day():
    text = "Shares fell on Friday. Dealers placed heavy buy orders in the morning."
    values = [(text[m.start:m.end], m.type, m.value) for m in resolve_text(text, dt.date(1989, 10, 30))]
    assert values == [("Friday", "DATE", "1989-10-27"), ("the morning", "TIME", "1989-10-27TMO")]


def test_normalize_one_day_after_a_modal_is_the_future():
    (m,) = resolve_text("Islam will one day be the second largest religion.", SAT)
    assert (m.type, m.value) == ("DATE", "FUTURE_REF")
