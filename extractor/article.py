"""The article model every stage reads and extends.

One `Article` carries its text and, stage by stage, typed mentions that point
into that text by character offsets (spaCy's Doc/Span habit): a mention never
copies a string that could drift from its source. Only `events.py` flattens the
article into the events table.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Sentence:
    """A sentence as a view into the article text."""

    index: int
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class TimeMention:
    """A time expression found by `timex`, resolved by `normalize`.

    `raw` is the underspecified value of pass one (see `timevalues.py`); pass two
    fills `value` (a TIMEX3 value), `precision`, `date`/`date_end` and `mod`.
    """

    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    rule: str
    raw: Any
    sentence: int = -1
    value: str | None = None
    precision: str | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    mod: str | None = None
    tense: str | None = None
    match_end: int = -1  # end of the rule's match, past `end` when a signal stays outside the extent

    @property
    def is_datable(self) -> bool:
        """True when the mention places something on the calendar (not a duration or set)."""
        return self.type != "SET" and self.date is not None  # a duration has a date only when anchored


@dataclass(slots=True)
class ActorMention:
    """A mention of an actor, mapped to its canonical registry name."""

    start: int
    end: int
    actor: str
    category: str
    sentence: int = -1
    country: str | None = None
    via: str = "registry"  # registry, pattern, coref


@dataclass(slots=True)
class PlaceMention:
    """A place name resolved to a gazetteer entry."""

    start: int
    end: int
    name: str
    country: str
    latitude: float
    longitude: float
    feature: str  # city, locality, admin1, admin2, country
    geonameid: int
    sentence: int = -1
    geo_precision: int = 1
    admin1: str | None = None  # first-level region (GeoNames or ISO 3166-2 name)


@dataclass(slots=True)
class Trigger:
    """A word or phrase that signals an ACLED event type."""

    start: int
    end: int
    event_type: str
    sub_event_type: str
    sentence: int = -1
    priority: int = 0


@dataclass(slots=True)
class Event:
    """One event-bearing sentence with what the stages found in it."""

    sentence: Sentence
    time: TimeMention | None
    date_source: str  # sentence, context, published
    trigger: Trigger | None
    actor1: ActorMention | None
    actor2: ActorMention | None
    actors: list[ActorMention]
    place: PlaceMention | None
    fatalities: int | None
    status: str


@dataclass
class Article:
    """An article and everything the pipeline learns about it."""

    id: str
    text: str
    published: dt.date
    title: str = ""
    lang: str = "en"
    source: str = ""
    path: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[TimeMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    country: str | None = None  # ISO code of the country the article is mostly about

    @property
    def content_hash(self) -> str:
        """sha256 of what makes two articles the same: text, title and publication date."""
        key = "\x1f".join((self.title, self.published.isoformat(), self.text))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def span(self, start: int, end: int) -> str:
        """The article text between two offsets."""
        return self.text[start:end]

    def in_sentence(self, mentions: list, index: int) -> list:
        """The mentions of one sentence, in text order."""
        return [m for m in mentions if m.sentence == index]
