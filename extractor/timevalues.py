"""Underspecified time values (pass one) and the builders that make them.

A rule in data/timex/<lang>/rules.tsv names a builder; the builder gets the
rule's named groups, already mapped through their pattern tables (month names to
numbers, number words to integers), and returns a typed value that says only
what the text says: `WeekdayRef(weekday=6, direction=None)` for "on Saturday",
`CalendarDate(month=10)` for "in October". Pass two (normalize.py) resolves it
against the reference time and the tense. Keeping the two apart is HeidelTime's
design without its string-prefix resolver.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Groups = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A date by calendar fields; a missing year is resolved by tense."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None  # "the second half of 1989": H2
    year_offset: int | None = None  # "April last year": year relative to the reference
    direction: int | None = None  # "last April": the one before the reference
    weekday: int | None = None  # "Saturday, April 25": tells the year
    week_of: bool = False  # "the week of March 6": the week that holds the day
    by_end: bool = False  # "the quarter ended Sept. 30": a quarter told by its last day, not by its ordinal


@dataclass(frozen=True, slots=True)
class Decade:
    """A decade or century written as such ("the 1990s")."""

    decade: int  # 199 for the 1990s


@dataclass(frozen=True, slots=True)
class WeekdayRef:
    """A day named by its weekday ("Saturday", "last Saturday")."""

    weekday: int  # ISO 1 Monday .. 7 Sunday
    direction: int | None = None
    part: str | None = None  # part of day: MO AF EV NI
    anchor: str = "ref"  # "narrative" for "the following Monday": the one after the day the story is at


@dataclass(frozen=True, slots=True)
class DayNextTo:
    """The day before or after a named day: "the day before last Tuesday", "the day after Christmas"."""

    base: "WeekdayRef | CalendarDate | Holiday"
    days: int  # -1 before, 1 after


@dataclass(frozen=True, slots=True)
class Offset:
    """A period a number of units from an anchor: "yesterday", "last year", "two weeks ago".

    anchor is "ref" (the publication date) for deictic words, "narrative" (the
    last date the text mentioned) for anaphoric ones ("the next day", "two weeks later").
    """

    unit: str  # D W WE M Q Y DE CE
    amount: int
    anchor: str = "ref"
    part: str | None = None
    counted: bool = False  # "a year ago", "a year earlier": follows the grain of the story's period


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A clock time, on the reference day or on a named weekday."""

    hour: int
    minute: int = 0
    day: WeekdayRef | None = None
    date: "CalendarDate | None" = None  # "5 p.m. EST, Nov. 6"


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time; amount None means unspecified ("several years" -> PXY)."""

    unit: str
    amount: float | None


@dataclass(frozen=True, slots=True)
class Frequency:
    """A SET: a recurring time ("weekly", "every Saturday")."""

    value: str


@dataclass(frozen=True, slots=True)
class Reference:
    """PRESENT_REF, PAST_REF or FUTURE_REF."""

    value: str


@dataclass(frozen=True, slots=True)
class StoryPeriod:
    """A period named through the story: "the quarter", "the year-earlier period", "the weekend".

    Financial and political news refer back to the period under discussion;
    pass two takes it from the last quarter the text named, else from the
    reference date (the latest completed quarter, the current year).
    """

    unit: str  # Q, Y, WE, or P ("the period"): the story's grain, a quarter unless it last named a year or more
    years_back: int = 0
    current: bool = False  # "the current quarter": the reference's own quarter
    year: int | None = None  # "the 1988 quarter": the story's quarter in that year


@dataclass(frozen=True, slots=True)
class Holiday:
    """A holiday by its calendar rule (holiday.tsv): "12-25", "11:4:4" (4th Thursday of November), "easter-2"."""

    rule: str
    year: int | None = None
    direction: int | None = None


@dataclass(frozen=True, slots=True)
class NumericDate:
    """"7/12/2004": day-first in most of the world, month-first in the US; pass two decides."""

    first: int
    second: int
    year: int


@dataclass(frozen=True, slots=True)
class Century:
    """A century by its ordinal ("the 20th century" -> 20, TIMEX3 value "19")."""

    ordinal: int


TimeValue = (CalendarDate | Decade | WeekdayRef | Offset | ClockTime | Duration | Frequency | Reference
             | StoryPeriod | Century | NumericDate | Holiday | DayNextTo)

QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
HALF_WORDS = {"first": 1, "second": 2, "last": 2, "latter": 2}
SIGN_WORDS = {"later": 1, "after": 1, "next": 1, "following": 1,
              "earlier": -1, "before": -1, "previous": -1, "preceding": -1}
UNIT_WORDS = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    digits = "".join(ch for ch in str(value) if ch.isdigit())
    return int(digits) if digits else None


def build_date(g: Groups) -> CalendarDate:
    """Month names, day numbers and years as written ("June 23", "19 June 2021", "April 2019")."""
    return CalendarDate(year=_int(g.get("year")), month=_int(g.get("month")), day=_int(g.get("day")),
                        weekday=g.get("weekday"))


def build_week_of(g: Groups) -> CalendarDate:
    """"the week of March 6": the ISO week holding that day."""
    return CalendarDate(year=_int(g.get("year")), month=_int(g["month"]), day=_int(g["day"]), week_of=True)


def build_month_rel_year(g: Groups) -> CalendarDate:
    """A month of a year named relative to the reference ("April last year")."""
    return CalendarDate(month=g["month"], year_offset=g["direction"]) if g.get("unit") == "Y" \
        else CalendarDate(month=g["month"], direction=g["direction"])


def build_rel_month(g: Groups) -> CalendarDate:
    """"last April", "next June", "last Oct. 23": the named month (or day) before or after the reference."""
    return CalendarDate(month=g["month"], day=_int(g.get("day")), direction=g["direction"])


def build_year(g: Groups) -> CalendarDate:
    """A year on its own ("in 2019", "fiscal 1989")."""
    return CalendarDate(year=_int(g["year"]))


def build_decade(g: Groups) -> Decade:
    """"the 1990s" -> 199; "the '90s" -> the 1900s' 9th decade."""
    if g.get("decade"):
        return Decade(decade=_int(g["decade"]) // 10)
    return Decade(decade=190 + _int(g["decade2"]) // 10)


def build_season(g: Groups) -> CalendarDate:
    """"summer 2019", "last summer"."""
    year = _int(g.get("year"))
    if year is None and g.get("hi") is not None:  # "the winter of nineteen ninety-four"
        year = build_spoken_year(g).year
    return CalendarDate(year=year, season=g["season"], direction=g.get("direction"))


def build_quarter(g: Groups) -> CalendarDate:
    """"the third quarter (of 1989)", "the 1988 second quarter", "this year's third quarter"."""
    return CalendarDate(year=_int(g.get("year")), quarter=QUARTER_WORDS[str(g["quarter"]).lower()],
                        year_offset=g.get("direction"))


def build_quarter_ended(g: Groups) -> CalendarDate:
    """"the quarter ended Sept. 30": the calendar quarter its three months mostly fall in (a fiscal label says more).

    That is the quarter of its middle month: "ended July 31" (May to July) is the second, "ended Oct. 1"
    the third; "ended Jan. 31" the fourth of the year before.
    """
    month, day = _int(g["month"]), _int(g.get("day")) or 28
    middle = month - (1 if day >= 15 else 2)
    wrapped = middle < 1
    quarter = ((middle + 12 if wrapped else middle) - 1) // 3 + 1
    return CalendarDate(quarter=quarter, year_offset=-1 if wrapped else None, by_end=True)


def build_quarter_year_ago(g: Groups) -> CalendarDate:
    """"the year-ago third quarter": that quarter of the year before."""
    return CalendarDate(quarter=QUARTER_WORDS[str(g["quarter"]).lower()], year_offset=-1)


def build_half(g: Groups) -> CalendarDate:
    """"the second half of 1989", "the first half of next year"."""
    return CalendarDate(year=_int(g.get("year")), half=HALF_WORDS[str(g["half"]).lower()],
                        year_offset=g.get("direction"))


def build_weekday(g: Groups) -> WeekdayRef:
    """"Saturday", "last Saturday", "Saturday night"."""
    return WeekdayRef(weekday=g["weekday"], direction=g.get("direction"), part=g.get("part"))


def build_weekday_anaphoric(g: Groups) -> WeekdayRef:
    """"the following Monday", "the previous Friday": the weekday after or before the story's day."""
    return WeekdayRef(weekday=g["weekday"], direction=SIGN_WORDS[g["sign"].lower()], anchor="narrative")


def build_deictic(g: Groups) -> Offset:
    """"yesterday", "today", "tomorrow morning", "mid-afternoon" (of the reference day)."""
    return Offset(unit="D", amount=g.get("deictic_day") or 0, part=g.get("part"))


def build_tonight(g: Groups) -> Offset:
    """"tonight": the night of the reference day."""
    return Offset(unit="D", amount=0, part="NI")


def build_deictic_rel(g: Groups) -> Offset:
    """"last night" (the evening before the reference), "this morning"."""
    return Offset(unit="D", amount=min(g["direction"], 0), part=g["part"])


def build_story_part(g: Groups) -> Offset:
    """"in the morning": that part of the day the story is at."""
    return Offset(unit="D", amount=0, anchor="narrative", part=g["part"])


def build_someday(g: Groups) -> Reference:
    """"will one day be": some day ahead, not a day's length."""
    return Reference(value="FUTURE_REF")


def build_ago(g: Groups) -> Offset:
    """"two weeks ago", "a decade ago": back from the reference by a counted unit."""
    amount = _amount(g["number"])
    if amount is None or amount != int(amount):
        raise ValueError("vague amount")
    return Offset(unit=g["unit"], amount=-int(amount), counted=True)


def build_ago_vague(g: Groups) -> Reference:
    """"several years ago": some time in the past, no more."""
    return Reference(value="PAST_REF")


def build_that_unit(g: Groups) -> Offset:
    """"that day", "later that year": the day or year the story is at."""
    return Offset(unit=UNIT_WORDS[g["unit"].lower()], amount=0, anchor="narrative")


def build_later(g: Groups) -> Offset:
    """"two weeks later": from the last date the narrative set."""
    amount = _amount(g["number"])
    if amount is None or amount != int(amount):
        raise ValueError("vague amount")
    return Offset(unit=g["unit"], amount=int(amount) * SIGN_WORDS[g["sign"].lower()], anchor="narrative",
                  counted=True)


def build_anaphoric(g: Groups) -> Offset:
    """"the next day", "the day before": one unit from the narrative's date."""
    return Offset(unit=UNIT_WORDS[g["unit"].lower()], amount=SIGN_WORDS[g["sign"].lower()], anchor="narrative")


def build_calendar(g: Groups) -> Offset:
    """"last week", "this year", "earlier this month"; "the end of the month", "year-end" are the current one."""
    return Offset(unit=g["unit"], amount=g.get("direction", 0))


def build_clock(g: Groups) -> ClockTime:
    """"4 a.m.", "14:00 GMT", "4 a.m. on Saturday"."""
    hour = _int(g["hour"])
    ampm = str(g.get("ampm") or "").lower()
    if ampm in ("morning", "afternoon", "evening", "night"):  # "4 in the morning", "10 at night"
        small_hours = ampm == "morning" or (ampm == "night" and (hour == 12 or hour < 4))
        ampm = "am" if small_hours else "pm"
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    day = WeekdayRef(weekday=g["weekday"]) if g.get("weekday") else None
    date = CalendarDate(month=_int(g["month"]), day=_int(g["day"])) if g.get("month") and g.get("day") else None
    return ClockTime(hour=hour, minute=_int(g.get("minute")) or 0, day=day, date=date)


def _amount(value: Any) -> float | None:
    """A counted amount: an int from the number table, digits as written, None when vague ("X")."""
    if isinstance(value, (int, float)):
        return value
    try:
        number = float(str(value))
    except ValueError:
        return None
    return int(number) if number.is_integer() else number


def build_duration(g: Groups) -> Duration:
    """"14-month", "three days", "the past week", "2 1/2 years", "a minute and a half"."""
    amount = 1 if g.get("number") is None else _amount(g["number"])
    if amount is not None and (g.get("half") or g.get("half_after")):
        amount += 0.5
    return Duration(unit=g["unit"], amount=amount)


def build_duration_vague(g: Groups) -> Duration:
    """"several years", "for months": PXY."""
    return Duration(unit=g["unit"], amount=None)


def build_set_every(g: Groups) -> Frequency:
    """"every week" -> P1W."""
    return Frequency(value=f"P1{g['unit']}")


def build_set_weekday(g: Groups) -> Frequency:
    """"every Saturday" -> XXXX-WXX-6, "Tuesday nights" -> XXXX-WXX-2TNI."""
    part = f"T{g['part']}" if g.get("part") else ""
    return Frequency(value=f"XXXX-WXX-{g['weekday']}{part}")


def build_set_month(g: Groups) -> Frequency:
    """"each July" -> XXXX-07."""
    return Frequency(value=f"XXXX-{int(g['month']):02d}")


def build_set_season(g: Groups) -> Frequency:
    """"summers", "the past three summers" -> XXXX-SU: a season counted in the plural recurs; it is no length."""
    return Frequency(value=f"XXXX-{g['season']}")


def build_set_frequency(g: Groups) -> Frequency:
    """"weekly" -> P1W."""
    return Frequency(value=g["frequency"])


def build_reference(g: Groups) -> Reference:
    """"now" -> PRESENT_REF, "recently" -> PAST_REF."""
    return Reference(value=g["reference_word"])


def build_century(g: Groups) -> Century:
    """"the 20th century", "the nineteenth century"."""
    return Century(ordinal=_int(g["century"]))


def build_holiday(g: Groups) -> Holiday:
    """"Thanksgiving", "Christmas 1998", "last Easter"."""
    return Holiday(rule=g["holiday"], year=_int(g.get("year")), direction=g.get("direction"))


def build_day_next_to(g: Groups) -> DayNextTo:
    """"the day before last Tuesday", "the day after June 23", "the day before Christmas"."""
    if g.get("weekday") is not None:
        base: WeekdayRef | CalendarDate | Holiday = WeekdayRef(weekday=g["weekday"], direction=g.get("direction"))
    elif g.get("holiday") is not None:
        base = Holiday(rule=g["holiday"], year=_int(g.get("year")), direction=g.get("direction"))
    else:
        base = CalendarDate(year=_int(g.get("year")), month=_int(g["month"]), day=_int(g["day"]))
    return DayNextTo(base=base, days=SIGN_WORDS[g["sign"].lower()])


def build_numeric_date(g: Groups) -> NumericDate:
    """"7/12/2004", "12/7/2004"."""
    return NumericDate(first=_int(g["first"]), second=_int(g["second"]), year=_int(g["year"]))


def build_spoken_year(g: Groups) -> CalendarDate:
    """"nineteen ninety-six", "January nineteen ninety-seven" (broadcast transcripts), "the year two thousand"."""
    hi, lo, month = g["hi"], g.get("lo") or 0, g.get("month")
    if isinstance(hi, str) and " ".join(hi.lower().split()) == "two thousand":
        return CalendarDate(year=2000 + (lo if isinstance(lo, int) else 0), month=month)
    if hi != 19 or not isinstance(lo, int) or not 10 <= lo <= 99:
        raise ValueError("not a year said in words")  # "twenty five people" is no year
    return CalendarDate(year=1900 + lo, month=month)


STORY_UNITS = {"quarter": "Q", "period": "P", "year": "Y", "weekend": "WE"}


def build_story_period(g: Groups) -> StoryPeriod:
    """"the latest quarter", "the year-earlier period", "the year", "the weekend", "year-ago"."""
    which = str(g.get("which") or "").lower()
    unit = STORY_UNITS[str(g.get("unit") or "year").lower()]
    back = 1 if which.startswith(("year-", "prior-year")) or g.get("last") else 0
    if which == "latest" and unit == "Y":
        back = 1  # "the latest fiscal year": the last one closed
    if g.get("direction") is not None:  # "last year's quarter"
        back = -g["direction"]
    return StoryPeriod(unit=unit, years_back=back, current=which == "current", year=_int(g.get("year")))


# ---------------------------------------------------------------- builders for French and Spanish word order

def build_rel_date(g: Groups) -> CalendarDate:
    """"le 3 mars dernier", "el pasado 3 de julio": a day of a month before or after the reference.

    French and Spanish news name a recent day this way; `date` would drop the
    direction and leave the year to the tense.
    """
    return CalendarDate(month=_int(g["month"]), day=_int(g["day"]), direction=g["direction"])


def build_narrative(g: Groups) -> Offset:
    """"le lendemain", "la semaine suivante", "deux jours plus tard", "al día siguiente": from the narrative's date.

    Unlike `later` and `anaphoric`, whose sign and unit are English words, the
    sign (1 after, -1 before, 2 "le surlendemain") and the unit come from the
    language's pattern tables; the unit is a day when none is written.
    """
    amount = _amount(g.get("number", 1))
    if amount is None or amount != int(amount):
        raise ValueError("vague amount")
    return Offset(unit=g.get("unit") or "D", amount=int(amount) * int(g["sign"]), anchor="narrative")


def build_last_night(g: Groups) -> Offset:
    """"anoche": the night before the reference day, one word with no part to read a value from."""
    return Offset(unit="D", amount=-1, part="NI")


BUILDERS: dict[str, Callable[[Groups], TimeValue]] = {
    name.removeprefix("build_"): fn for name, fn in globals().items() if name.startswith("build_")
}
