"""Resolve time expressions (pass two): typed values against reference time and tense.

Each kind of underspecified value has one small resolver, picked by type from
`RESOLVERS` (no string-prefix if/else chain). The reference time is the
publication date for deictic words ("Saturday", "last year") and the last date
the narrative set for anaphoric ones ("the next day", "two weeks later"). The
tense is read from the clause around the expression (tense.tsv): past and
reporting clauses look back, "will", "scheduled", "due" look forward; without a
cue a weekday looks back (news reports what happened) and a month or day keeps
the reference year (TimeML's convention).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .article import Article, TimeMention
from .resources import data_path, read_table
from .timevalues import (CalendarDate, Century, ClockTime, DayNextTo, Decade, Duration, Frequency, Holiday,
                         NumericDate, Offset, Reference, StoryPeriod, TimeValue, WeekdayRef)

PAST, PRESENT, FUTURE = "past", "present", "future"
NEAR = "near"  # a weekday in a noun phrase ("Sunday's vote"): no verb governs it, the nearest such day
BOUND = "bound"  # "until": ends a period that runs on after the clause's verb, so it lies ahead
LASTED = "lasted"  # a past verb of lasting: with "until" it ends a period that is over
BOUND_NEXT = "bound_next"  # "through": a bound only right before the expression
AHEAD = "ahead"  # "agreed to buy it in February": what a verb of intent names lies ahead, within half a year
# "the quarter ended Oct. 31": a finite past verb right before a date places its event on that date, which is
# therefore over; unlike a date a past clause merely mentions ("said it would extend its bid to Nov. 6"), it is
# not taken for one coming soon
DONE = "done"
_INTENT_NOUNS = frozenset({"plan", "plans"})  # a cue only as a verb, which "to" after it shows
_PLAN_OVERTAKEN = frozenset({"previously", "originally", "initially"})
_MODIFIES_NOUN = re.compile(r"\bthe $", re.IGNORECASE)
_NOUN_NEXT = re.compile(r" [a-z]+\b(?! of\b)")
_WORD_NEXT = re.compile(r" ([a-z]+)\b(?!')")  # the word right after the expression, with no punctuation between
_WORD = re.compile(r"[^\W_]+(?:'[^\W\d_]+)?|'ll")  # numbers are tokens too: "to 452.76 on" is no infinitive
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
# decades and centuries count in years, fortnights in weeks
_IN_SMALLER_UNIT = {"DE": ("Y", 10), "CE": ("Y", 100), "FN": ("W", 2)}


@dataclass(slots=True)
class Story:
    """What the text has told so far: the narrative's day and the last quarter it named."""

    date: dt.date
    quarter: "Resolved | None" = None
    year: int | None = None  # the last year the text named, for "that year", "later that year"
    # the grain of the last period the text named: "Q" after "the third quarter", "Y" after "the first nine
    # months" or "last year"; "a year earlier" compares with that period, so it takes its grain
    grain: str | None = None
    # the last month the text named, with or without its year: "In March, ... The following month" counts from it
    month: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A TIMEX3 value with the calendar period it covers (None for durations and sets)."""

    value: str
    precision: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


# ---------------------------------------------------------------- tense

@dataclass(frozen=True)
class TenseLexicon:
    """A language's tense cues: word -> role, and the endings that mark a regular participle."""

    roles: dict[str, str]
    participle_endings: tuple[str, ...]

    def is_participle(self, word: str) -> bool:
        """An irregular participle from the list, or a regular one by its ending ("attacked")."""
        if self.roles.get(word) in ("participle", LASTED):  # "continued" is still a participle
            return True
        return word not in self.roles and any(len(word) > len(e) + 2 and word.endswith(e)
                                              for e in self.participle_endings)


@lru_cache(maxsize=None)
def tense_lexicon(lang: str) -> TenseLexicon:
    """From data/timex/<lang>/tense.tsv; a word '*ed' with role participle declares an ending."""
    path = data_path("timex", lang, "tense.tsv")
    roles, endings = {}, []
    for _, (word, role) in (read_table(path, 2) if path.exists() else []):
        if word.startswith("*"):
            endings.append(word[1:].lower())
        else:
            roles[word.lower()] = role
    return TenseLexicon(roles, tuple(endings))


def clause_tense(before: str, after: str, lang: str = "en", reach: int = 20) -> str | None:
    """The tense that governs a time expression, read from the words around it.

    A past verb right after the expression is its clause's verb ("the court
    Thursday refused", "a service planned for Saturday was canceled"). Otherwise
    scans back from the expression to the nearest tense cue, then forward when
    nothing stands before it. A participle after "be" leaves the tense to the
    auxiliary ("is scheduled to be held"), after a determiner it is an adjective
    ("the divided countries"), after "has"/"have" it is a perfect (past).
    """
    lexicon = tense_lexicon(lang)
    roles = lexicon.roles
    next_word = _WORD_NEXT.match(after)
    if next_word and roles.get(next_word[1]) == PAST:
        return PAST
    written = _WORD.findall(before)[::-1][:reach + 2]  # two more words to see what precedes the last cue
    back = [w.lower() for w in written]
    for i, word in enumerate(back[:reach]):
        previous = back[i + 1] if i + 1 < len(back) else ""
        following = back[i - 1] if i else ""
        # two-word cues ("set to", "due to") are looked up with the word that follows in the text
        role = roles.get(f"{word} {following}") or roles.get(word)
        before_role = roles.get(previous)
        if role == BOUND_NEXT and i == 0:  # "loans through January", not "ripped through an office ... Friday"
            role = BOUND
        if role == BOUND:
            # the period runs on after a past verb ("postponed until Tuesday"), unless the verb says it
            # lasted ("fighting continued until Thursday") or the clause is pluperfect ("Until Thursday,
            # they had not called him a suspect")
            pluperfect = "had" in back[:reach] or "had" in [w.lower() for w in _WORD.findall(after)][: reach // 2]
            verb = next((w for w in back[i + 1:reach] if w in roles or lexicon.is_participle(w)), "")
            return PAST if pluperfect or roles.get(verb) == LASTED else AHEAD
        # after a determiner a cue word is a noun or an adjective: "the plan", "a still unspecified date"
        adverb_between = roles.get(previous) == "adverb" or previous.endswith("ly")
        in_noun_phrase = before_role == "determiner" or (
            adverb_between and i + 2 < len(back) and roles.get(back[i + 2]) == "determiner")
        if role in (FUTURE, PRESENT, AHEAD):
            if before_role == "determiner" and role != AHEAD:  # "an agreement to buy" still looks ahead
                continue
            if role == PRESENT and before_role == "infinitive":
                continue  # "agreed to meet Monday": the verb before "to" decides
            if role != PRESENT and (previous in _PLAN_OVERTAKEN or (previous == "been" and back[i + 2:i + 3] == ["had"])):
                return PAST  # "had been due to expire Friday", "as previously planned": a plan now past
            return role
        if role == "have" or (role == "be" and before_role == "have"):
            return PAST
        if role == PAST or (written[i][0].islower() and lexicon.is_participle(word)):
            if before_role in ("be", "infinitive") or in_noun_phrase:
                continue  # passive or infinitive: the auxiliary decides; in a noun phrase, an adjective
            if before_role in (PRESENT, FUTURE):
                return before_role  # "is held", "will seized"
            return PAST
    ahead = [w.lower() for w in _WORD.findall(after)][: reach // 2 + 1]
    for i, word in enumerate(ahead[: reach // 2]):
        role = roles.get(word)
        previous = ahead[i - 1] if i else ""
        following = ahead[i + 1] if i + 1 < len(ahead) else ""
        if role == FUTURE and word.endswith("ed") and roles.get(previous) != "be":
            return PAST  # "On Friday, the government planned to pay": a finite verb, told in the past
        if role == FUTURE and word in _INTENT_NOUNS and following != "to":
            continue  # "set aside vacation plans": a noun
        if role in (FUTURE, PAST, PRESENT):
            return role
        if role == "have" or lexicon.is_participle(word):
            return PAST
    return None


# ---------------------------------------------------------------- calendar helpers

def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _day(date: dt.date) -> Resolved:
    return Resolved(date.isoformat(), "day", date, date)


def _month(year: int, month: int) -> Resolved:
    return Resolved(f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1), _month_end(year, month))


def _year(year: int) -> Resolved:
    return Resolved(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def _week(date: dt.date) -> Resolved:
    year, week, weekday = date.isocalendar()
    monday = date - dt.timedelta(days=weekday - 1)
    return Resolved(f"{year:04d}-W{week:02d}", "week", monday, monday + dt.timedelta(days=6))


def _quarter(year: int, quarter: int) -> Resolved:
    first = 3 * (quarter - 1) + 1
    return Resolved(f"{year:04d}-Q{quarter}", "quarter", dt.date(year, first, 1), _month_end(year, first + 2))


def _half(year: int, half: int) -> Resolved:
    first = 6 * (half - 1) + 1
    return Resolved(f"{year:04d}-H{half}", "half", dt.date(year, first, 1), _month_end(year, first + 5))


def _season(year: int, season: str) -> Resolved:
    first, last = SEASON_MONTHS[season]
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return Resolved(f"{year:04d}-{season}", "season", dt.date(year, first, 1), _month_end(end_year, end_month))


def _quarter_from_index(index: int) -> Resolved:
    year, quarter = divmod(index, 4)
    return _quarter(year, quarter + 1)


def _decade(decade: int) -> Resolved:
    return Resolved(f"{decade:03d}", "decade", dt.date(decade * 10, 1, 1), dt.date(decade * 10 + 9, 12, 31))


def _year_of_weekday(ref: dt.date, month: int, day: int, weekday: int) -> int:
    """"Saturday, April 25": the year, next to the reference's, in which that day is that weekday."""
    years = [y for y in (ref.year, ref.year + 1, ref.year - 1) if _valid(y, month, day)
             and dt.date(y, month, day).isoweekday() == weekday]
    return years[0] if years else ref.year


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


_SOON = 45  # days: a past-tense or uncued date this close ahead is what is coming, not last year's


def _pick_year(ref: dt.date, month: int, day: int | None, tense: str | None, direction: int | None,
               weekday: int | None = None) -> int:
    """The year of a month (and day) written without one.

    Past tense or no cue: the latest such date on or before the reference,
    except a date of the next 45 days, which a report mentions as what is coming
    ("said it would extend its bid to Nov. 6"), unless a past verb right before
    the date says its event is over (DONE: "the quarter ended Oct. 31"): a date
    eleven months back is written with its year, and news mostly looks back
    (measured on TempEval-3: the uncued month is past more often than the
    nearest). Future: the earliest
    on or after the reference. A verb of intent: ahead, unless that is more than
    half a year away. Present tense: the nearest such date. "last"/"next"
    exclude the reference's own month, and "last" the month just gone in the
    same year ("last February" said in March is a year back); "this": the
    reference year.
    """
    if weekday is not None and day is not None:
        return _year_of_weekday(ref, month, day, weekday)
    here = (ref.month, ref.day if day is not None else 0)
    there = (month, day or 0)
    if direction == -1 or (direction is None and tense in (PAST, DONE, None)):
        strictly = direction == -1
        if direction is None and tense != DONE:
            soon = ref.year if (month, day or 1) > (ref.month, ref.day) else ref.year + 1
            if (dt.date(soon, month, min(day or 1, 28)) - ref).days <= _SOON:
                return soon
        if strictly and day is None and month == ref.month - 1:
            return ref.year - 1  # "last February" said in March: the month just gone would be "last month"
        return ref.year if (there < here or (there == here and not strictly)) else ref.year - 1
    if direction is None and tense in (NEAR, AHEAD, PRESENT, None):
        def distance(year: int) -> int:
            return (dt.date(year, month, min(day or 15, 28)) - ref).days
        if tense == AHEAD:
            ahead = ref.year if distance(ref.year) >= 0 else ref.year + 1
            return ahead if distance(ahead) <= 183 else ahead - 1
        return min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: abs(distance(y)))
    if direction == 1 or (direction is None and tense == FUTURE):
        strictly = direction == 1
        return ref.year if (there > here or (there == here and not strictly)) else ref.year + 1
    return ref.year


# ---------------------------------------------------------------- resolvers, one per kind

def resolve_calendar(value: CalendarDate, ref: dt.date, tense: str | None,
                     story: Story | None = None) -> Resolved | None:
    """Month names, days and years; a missing year comes from tense or a relative year."""
    year = value.year
    if year is None and value.year_offset is not None:
        year = ref.year + value.year_offset
    if value.season:
        if year is None:
            year = ref.year + (value.direction or 0)
        return _season(year, value.season)
    if value.quarter:
        if year is None:  # a report looks back: a quarter not yet begun is last year's
            begun = (value.quarter - 1) * 3 + 1 <= ref.month
            year = ref.year - (1 if tense == PAST and not begun and value.direction is None else 0)
        return _quarter(year, value.quarter)
    if value.half:
        return _half(year if year is not None else ref.year, value.half)
    if value.month is None:
        return _year(year) if year is not None else None
    if year is None:
        year = _pick_year(ref, value.month, value.day, tense, value.direction, value.weekday)
    if value.day is None:
        return _month(year, value.month)
    try:
        day = dt.date(year, value.month, value.day)
        return _week(day) if value.week_of else _day(day)
    except ValueError:
        return None  # "February 30": an impossible date is no date


def resolve_decade(value: Decade, ref: dt.date, tense: str | None, story: Story | None = None) -> Resolved:
    return _decade(value.decade)


def resolve_numeric_date(value: NumericDate, ref: dt.date, tense: str | None,
                         story: Story | None = None) -> Resolved | None:
    """Day-first or month-first, whichever reading is a real date nearer the reference."""
    readings = [(value.year, value.second, value.first), (value.year, value.first, value.second)]
    dates = [dt.date(*r) for r in readings if _valid(*r)]
    if not dates:
        return None
    return _day(min(dates, key=lambda d: abs((d - ref).days)))


_HOLIDAY = re.compile(r"^(?:(\d\d)-(\d\d)|(\d\d):(\d):(-?\d)|(easter))([+-]\d+)?W?$")


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The day a holiday rule gives in a year."""
    match = _HOLIDAY.match(rule)
    if match is None:
        return None
    fixed_m, fixed_d, month, weekday, nth, is_easter, shift = match.groups()
    if fixed_m:
        day = dt.date(year, int(fixed_m), int(fixed_d))
    elif is_easter:
        day = easter(year)
    else:
        first = dt.date(year, int(month), 1)
        offset = (int(weekday) - first.isoweekday()) % 7
        if int(nth) > 0:
            day = first + dt.timedelta(days=offset + 7 * (int(nth) - 1))
        else:  # the last such weekday: from the first of next month, back
            following = dt.date(year + (month == "12"), int(month) % 12 + 1, 1)
            day = following - dt.timedelta(days=(following.isoweekday() - int(weekday) - 1) % 7 + 1)
    return day + dt.timedelta(days=int(shift or 0))


def resolve_holiday(value: Holiday, ref: dt.date, tense: str | None, story: Story | None = None) -> Resolved | None:
    """A holiday in the year the text gives, else the one tense or "last"/"next" points to.

    A rule ending in W names the ISO week that holds the day ("Easter week"); a holiday week that holds
    the reference is the one under way, whatever the tense ("protesters prayed as Easter week began").
    """
    period = _week if value.rule.endswith("W") else _day
    if value.year is not None:
        day = holiday_date(value.rule, value.year)
        return period(day) if day else None
    this_year = holiday_date(value.rule, ref.year)
    if this_year is None:
        return None
    if period is _week and value.direction is None and _week(this_year).start <= ref <= _week(this_year).end:
        return _week(this_year)
    back = value.direction == -1 or (value.direction is None and tense == PAST)
    ahead = value.direction == 1 or (value.direction is None and tense == FUTURE)
    if back and (this_year > ref or (this_year == ref and value.direction == -1)):
        this_year = holiday_date(value.rule, ref.year - 1)
    elif ahead and (this_year < ref or (this_year == ref and value.direction == 1)):
        this_year = holiday_date(value.rule, ref.year + 1)
    return period(this_year)


def resolve_century(value: Century, ref: dt.date, tense: str | None, story: Story | None = None) -> Resolved | None:
    """"the 20th century" -> "19", the years 1900-1999 (TimeML counts centuries by their hundreds)."""
    hundreds = value.ordinal - 1
    if not 0 < hundreds < 100:
        return None
    return Resolved(f"{hundreds:02d}", "century", dt.date(hundreds * 100, 1, 1), dt.date(hundreds * 100 + 99, 12, 31))


def resolve_weekday(value: WeekdayRef, ref: dt.date, tense: str | None, story: Story | None = None) -> Resolved:
    """"Saturday": on or before the reference in the past (and without a cue), on or after it in the future.

    "last Saturday" is strictly before, "next Saturday" strictly after; a report
    published on a Saturday that says "on Saturday" means that day.
    """
    delta = value.weekday - ref.isoweekday()
    if value.direction == -1:
        days = delta - 7 if delta >= 0 else delta
    elif value.direction == 1:
        days = delta + 7 if delta <= 0 else delta
    elif tense in (FUTURE, AHEAD, PRESENT):
        days = delta + 7 if delta < 0 else delta
    elif tense == NEAR:  # the nearer of the two, ties and near-ties to the past, as news mostly looks back
        back, ahead = (delta - 7 if delta > 0 else delta), (delta + 7 if delta < 0 else delta)
        days = ahead if ahead < -back - 1 else back
    else:
        days = delta - 7 if delta > 0 else delta
    resolved = _day(ref + dt.timedelta(days=days))
    if value.part:
        return Resolved(f"{resolved.value}T{value.part}", "day", resolved.start, resolved.end)
    return resolved


def resolve_day_next_to(value: DayNextTo, ref: dt.date, tense: str | None,
                        story: Story | None = None) -> Resolved | None:
    """The named day, resolved as if it stood alone, moved by one day."""
    base = resolve(value.base, ref, tense, story)
    if base is None or base.precision != "day" or base.start is None:
        return None
    return _day(base.start + dt.timedelta(days=value.days))


def _shift(ref: dt.date, unit: str, amount: int) -> Resolved | None:
    """The calendar period `amount` units from the reference, at the unit's grain."""
    shifters: dict[str, Callable[[], Resolved]] = {
        "D": lambda: _day(ref + dt.timedelta(days=amount)),
        "W": lambda: _week(ref + dt.timedelta(weeks=amount)),
        "FN": lambda: _week(ref + dt.timedelta(weeks=2 * amount)),
        "M": lambda: _month(*_add_months(ref, amount)),
        "Q": lambda: _quarter_from_index(ref.year * 4 + (ref.month - 1) // 3 + amount),
        "Y": lambda: _year(ref.year + amount),
        "DE": lambda: _decade(ref.year // 10 + amount),
        "CE": lambda: _year(ref.year + 100 * amount),
    }
    maker = shifters.get(unit)
    return maker() if maker else None


def _weekend(ref: dt.date, amount: int) -> Resolved:
    saturday = ref + dt.timedelta(days=6 - ref.isoweekday() + 7 * amount)
    year, week, _ = saturday.isocalendar()
    return Resolved(f"{year:04d}-W{week:02d}-WE", "week", saturday, saturday + dt.timedelta(days=1))


def resolve_offset(value: Offset, ref: dt.date, tense: str | None, story: Story | None = None) -> Resolved | None:
    """"yesterday", "last week", "two weeks ago", "a decade ago", "the next day".

    Counted distances back ("ago") keep the grain of their unit, except decades
    and centuries, which name a year ("a decade ago" said in 2021 is 2011).
    """
    if value.unit == "WE":
        # "rallied this weekend" in a Monday paper is the weekend just gone, not the coming one
        back = value.amount == 0 and tense == PAST and ref.isoweekday() < 6
        return _weekend(ref, value.amount - back)
    if value.counted and value.unit == "Y" and story is not None and story.quarter is not None \
            and story.grain != "Y":
        return _shift_quarter(story.quarter, 4 * value.amount)  # "a year earlier" in a quarterly report
    if value.unit in ("DE", "CE") and value.counted and value.anchor == "ref" and value.amount < 0:
        return _year(ref.year + _IN_SMALLER_UNIT[value.unit][1] * value.amount)
    resolved = _shift(ref, value.unit, value.amount)
    if resolved is not None and value.part:
        return Resolved(f"{resolved.value}T{value.part}", "day", resolved.start, resolved.end)
    return resolved


def _shift_quarter(quarter: Resolved, quarters: int) -> Resolved:
    return _quarter_from_index(quarter.start.year * 4 + (quarter.start.month - 1) // 3 + quarters)


def resolve_story_period(value: StoryPeriod, ref: dt.date, tense: str | None,
                         story: Story | None = None) -> Resolved:
    """"the quarter", "the year-earlier period", "the year", "the weekend" from what the story told.

    A quarter is the last one the text named, else the reference's current one
    ("the current quarter") or its latest completed one ("the latest quarter").
    """
    told = story.quarter if story is not None else None
    if value.unit == "WE":
        ahead = tense == FUTURE
        return _weekend(ref, 0 if ahead or ref.isoweekday() >= 6 else -1)
    if value.unit == "P" and (value.years_back or value.year is not None) and story is not None \
            and story.grain == "Y":
        # a comparison takes the grain of what it compares with, like "a year earlier": "the 1988 period",
        # "the year-earlier period" after "the first nine months" are that span's year
        return _year(value.year if value.year is not None else ref.year - value.years_back)
    if value.unit in ("Q", "P") or (told is not None and value.years_back and story.grain != "Y"):
        if told is None:
            told = _quarter_from_index(ref.year * 4 + (ref.month - 1) // 3 - (0 if value.current else 1))
        if value.year is not None:  # "the 1988 quarter": the quarter under discussion, in that year
            return _quarter(value.year, int(told.value[-1]))
        return _shift_quarter(told, -4 * value.years_back)
    return _year(ref.year - value.years_back)


def resolve_clock(value: ClockTime, ref: dt.date, tense: str | None, story: Story | None = None) -> Resolved:
    """"4 a.m." on the reference day, or on the weekday or date it names."""
    day = resolve_weekday(value.day, ref, tense) if value.day else _day(ref)
    if value.date is not None:
        day = resolve_calendar(value.date, ref, tense) or day
    return Resolved(f"{day.value}T{value.hour:02d}:{value.minute:02d}", "day", day.start, day.end)


# a fraction of a unit is written in the next smaller one: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
_TIMED = ("H", "MIN", "S")


def _letter(unit: str) -> str:
    """The TIMEX3 letter of a unit: minutes are M after the T."""
    return "M" if unit == "MIN" else unit


def _duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: decades, centuries and fortnights in years and weeks, as TimeBank writes them.

    A century of no counted length keeps TimeML's century letter ("for centuries" is PXC), as
    TimeBank writes it: "PXY" would say some years, not some centuries.
    """
    if unit == "CE" and amount is None:
        return "PXC"
    if unit in _IN_SMALLER_UNIT:
        unit, factor = _IN_SMALLER_UNIT[unit]
        amount = None if amount is None else amount * factor
    letter = _letter(unit)
    if amount is None:
        return f"P{'T' if unit in _TIMED else ''}X{letter}"
    whole, part = int(amount), amount - int(amount)
    smaller = _SMALLER.get(unit)
    if part and smaller and (part * smaller[1]).is_integer():
        sub, sub_count = smaller[0], int(part * smaller[1])
        head = f"{whole}{letter}" if whole else ""
        tail = f"{sub_count}{_letter(sub)}"
        if unit in _TIMED:
            return f"PT{head}{tail}"
        return f"P{head}{'T' if sub in _TIMED else ''}{tail}"
    count = int(amount) if float(amount).is_integer() else amount
    return f"P{'T' if unit in _TIMED else ''}{count}{letter}"


def resolve_duration(value: Duration, ref: dt.date, tense: str | None, story: Story | None = None) -> Resolved:
    return Resolved(_duration_value(value.amount, value.unit))


def resolve_frequency(value: Frequency, ref: dt.date, tense: str | None, story: Story | None = None) -> Resolved:
    return Resolved(value.value)


def resolve_reference(value: Reference, ref: dt.date, tense: str | None, story: Story | None = None) -> Resolved:
    return Resolved(value.value)


RESOLVERS: dict[type, Callable[..., Resolved | None]] = {
    CalendarDate: resolve_calendar,
    Decade: resolve_decade,
    WeekdayRef: resolve_weekday,
    Offset: resolve_offset,
    ClockTime: resolve_clock,
    Duration: resolve_duration,
    Frequency: resolve_frequency,
    Reference: resolve_reference,
    StoryPeriod: resolve_story_period,
    Century: resolve_century,
    NumericDate: resolve_numeric_date,
    Holiday: resolve_holiday,
    DayNextTo: resolve_day_next_to,
}


def narrow(resolved: Resolved, mod: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The part of a period a modifier keeps: START the first third, MID the middle, END the last."""
    start, end = resolved.start, resolved.end
    if start is None or end is None or mod not in ("START", "MID", "END") or start == end:
        return start, end
    span = (end - start).days + 1
    third = span // 3
    if mod == "START":
        return start, start + dt.timedelta(days=third - 1)
    if mod == "END":
        return end - dt.timedelta(days=third - 1), end
    return start + dt.timedelta(days=third), end - dt.timedelta(days=third)


def resolve(value: TimeValue, ref: dt.date, tense: str | None, story: Story | None = None) -> Resolved | None:
    """Pass two for one value."""
    return RESOLVERS[type(value)](value, ref, tense, story)


def _anchor(value: TimeValue) -> str:
    return value.anchor if isinstance(value, (Offset, WeekdayRef)) else "ref"


def _moves_narrative(mention: TimeMention) -> bool:
    """An explicit dated day or month, a weekday, or an anaphoric step from one, becomes the story's new 'now'.

    A weekday is told against the publication date, so it is a safe day to move to ("On Friday, police
    arrested him. The next day ..."); a month or day without a year is not (a guess of its year would spread).
    """
    raw = mention.raw
    explicit = isinstance(raw, CalendarDate) and raw.year is not None
    anaphoric = (isinstance(raw, Offset) and raw.anchor == "narrative") or isinstance(raw, WeekdayRef)
    return (explicit or anaphoric) and mention.precision in ("day", "week", "month")


_MONTHS_SPAN = re.compile(r"P([0-9]+)M")


def _grain(mention: TimeMention, resolved: Resolved) -> str | None:
    """The grain of a period a report names, for the comparisons after it; None for what names none.

    Comparisons themselves ("a year earlier") take the grain and do not set it.
    """
    raw = mention.raw
    if (isinstance(raw, Offset) and raw.counted) or (
            isinstance(raw, StoryPeriod) and (raw.years_back or raw.unit == "P")):  # "the 1988 period" too
        return None
    if resolved.precision == "quarter":
        return "Q"
    months = _MONTHS_SPAN.fullmatch(mention.value or "") if mention.type == "DURATION" else None
    if (months and int(months[1]) >= 6) or resolved.precision == "year":
        return "Y"  # "the first nine months", "last year": a year earlier is the year
    return None


def _bare_clock(value: TimeValue) -> bool:
    return isinstance(value, ClockTime) and value.day is None and value.date is None


def _day_of_sentence(article: Article, clock: TimeMention, neighbours: list[TimeMention]) -> dt.date | None:
    """The day another expression of the clock time's sentence names, the nearest one first.

    A clock time is told on the day its sentence speaks of ("occurred at 10:35 a.m.
    (0735 GMT) Friday"), and a day named after it in the sentence is resolved here on the spot.
    `neighbours` are the mentions of the clock time's sentence.
    """
    if clock.sentence < 0:
        return None
    others = sorted((m for m in neighbours if m is not clock
                     and isinstance(m.raw, (WeekdayRef, CalendarDate, Offset)) and not _bare_clock(m.raw)),
                    key=lambda m: abs(m.start - clock.start))
    for other in others:
        if other.value is None and _anchor(other.raw) != "ref":
            continue  # not resolved yet, and told from the story's day: leave it
        if other.value is None:
            resolved = resolve(other.raw, article.published, other.tense)
        else:
            resolved = Resolved(other.value or "", other.precision or "", other.date, other.date_end)
        if resolved is not None and resolved.precision == "day" and resolved.start is not None:
            return resolved.start
    return None


def _past_verb_before(before: str, lang: str) -> bool:
    """A regular past form right before the expression: "the quarter ended Oct. 31", "was rescued Nov. 25".

    Only a regular form that the tense lexicon lists in no role: "set Nov. 10 as the deadline" and
    "scheduled" name a date ahead. Not after "has"/"have" (the verb may set a coming date: "has set
    Nov. 10"), "be", a determiner, "to" or a present or future cue.
    """
    lexicon = tense_lexicon(lang)
    words = [w.lower() for w in _WORD.findall(before)[-2:]]
    if not words or not before.rstrip().endswith(words[-1]) or words[-1] in lexicon.roles \
            or not lexicon.is_participle(words[-1]):
        return False
    return len(words) < 2 or lexicon.roles.get(words[0]) not in ("have", "be", "determiner", "infinitive",
                                                                  FUTURE, PRESENT)


def _mention_tense(article: Article, mention: TimeMention) -> str | None:
    """The tense that places a mention: its clause's, or a noun's verb when the mention dates a noun."""
    sentence = article.sentences[mention.sentence] if mention.sentence >= 0 else None
    start = sentence.start if sentence else max(0, mention.start - 200)
    end = sentence.end if sentence else mention.end + 200
    if isinstance(mention.raw, WeekdayRef) and article.text.startswith(("'s", "’s"), mention.end):
        return NEAR  # "Sunday's vote" modifies a noun: the clause's verb does not place it
    tense = clause_tense(article.text[start:mention.start], article.text[mention.end:end], article.lang)
    if tense == PAST and isinstance(mention.raw, CalendarDate) and mention.raw.month is not None \
            and mention.raw.year is None and _past_verb_before(
            article.text[start:mention.start], article.lang):
        return DONE
    if _MODIFIES_NOUN.search(article.text, max(start, mention.start - 4), mention.start) \
            and _NOUN_NEXT.match(article.text, mention.end):
        # "the Aug. 7 blasts killed 257": the date dates a noun; the verb that noun governs places it
        return clause_tense("", article.text[mention.end:end], article.lang) or tense
    return tense


def normalize(article: Article) -> Article:
    """Pipeline stage: resolve every time mention of the article in text order.

    The narrative reference starts at the publication date and moves to each
    absolute date the text gives, so anaphoric expressions follow the story.
    """
    story = Story(article.published)
    by_sentence: dict[int, list[TimeMention]] = defaultdict(list)
    for mention in article.timexes:
        by_sentence[mention.sentence].append(mention)
        mention.tense = _mention_tense(article, mention)  # from the text alone, so a clock time can read it
    for mention in article.timexes:
        ref = story.date if _anchor(mention.raw) == "narrative" else article.published
        if isinstance(mention.raw, Offset) and mention.raw.anchor == "narrative" and mention.raw.unit == "M" \
                and story.month is not None:
            ref = story.month
        if _bare_clock(mention.raw):  # "at 10:35 a.m. (0735 GMT) Friday"
            ref = _day_of_sentence(article, mention, by_sentence[mention.sentence]) or story.date
        if isinstance(mention.raw, Offset) and mention.raw.anchor == "narrative" and mention.raw.unit == "Y" \
                and not mention.raw.amount and story.year:
            ref = dt.date(story.year, 7, 1)  # "that year", "later that year": the year the text named
        resolved = resolve(mention.raw, ref, mention.tense, story)
        # "three days later": TimeML tags the distance (P3D) and leaves "later" a signal; the event
        # still gets the day it lands on, when the unit can be counted on the calendar
        distance = _duration_value(abs(mention.raw.amount), mention.raw.unit) \
            if mention.type == "DURATION" and isinstance(mention.raw, Offset) else None
        if resolved is None:
            mention.value = distance
            continue
        mention.value = distance or resolved.value
        mention.precision = resolved.precision
        mention.date, mention.date_end = narrow(resolved, mention.mod)
        if _moves_narrative(mention):
            story.date = story.month = mention.date
        elif isinstance(mention.raw, CalendarDate) and resolved.precision == "month":
            story.month = mention.date
        if isinstance(mention.raw, CalendarDate) and mention.raw.year is not None and mention.date is not None:
            story.year = mention.date.year
        # a later quarter named by its ordinal that is more recent than the story's and already over opens a
        # new report ("Separately, America West reported third-quarter profit" after Delta's fiscal first
        # quarter): comparisons look back and outlooks name quarters not yet over
        if (resolved.precision == "quarter" and isinstance(mention.raw, CalendarDate)
                and (article.published - resolved.end).days < 400):
            # the report's own quarter: the first recent one the text names (later ones are comparisons),
            # and never one derived from the story
            newer_report = (story.quarter is not None and not mention.raw.by_end
                            and story.quarter.start < resolved.start and resolved.end < article.published)
            if story.quarter is None or newer_report:
                story.quarter = resolved
        grain = _grain(mention, resolved)
        if grain is not None:
            story.grain = grain
    return article


def resolve_text(text: str, published: dt.date, lang: str = "en") -> list[TimeMention]:
    """Find and resolve the time expressions of a bare text (tests, the timex command)."""
    from .segment import segment
    from .timex import timex

    article = Article(id="-", text=text, published=published, lang=lang)
    return normalize(timex(segment(article))).timexes
