"""Assemble events from the article's mentions, then flatten them into the events table.

An event-bearing sentence is one with an event trigger or a date of its own. Its
date is the time expression nearest the trigger (the one that governs it, not
simply the first); a sentence without one takes the date of the last dated
sentence of its paragraph (`context`), else the publication date (`published`).
This is the only module that turns mentions into rows, and it does so through
`schema.from_records`.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from . import schema
from .article import ActorMention, Article, Event, PlaceMention, Sentence, TimeMention, Trigger
from .normalize import FUTURE, clause_tense
from .resources import data_path, read_table
from .roles import assign_roles
from .triggers import refine, triggers as find_triggers


# ---------------------------------------------------------------- lexicons

def _lexicon(lang: str, name: str):
    """A language's lexicon file, English's while the language has none yet (a row still beats a reject)."""
    path = data_path("event_types", lang, name)
    return path if path.exists() else data_path("event_types", "en", name)


@lru_cache(maxsize=None)
def status_cues(lang: str) -> dict[str, re.Pattern[str]]:
    """status -> compiled cue pattern, from data/event_types/<lang>/status.tsv."""
    cues: dict[str, list[str]] = {}
    for _, (status, pattern) in read_table(_lexicon(lang, "status.tsv"), 2):
        cues.setdefault(status, []).append(pattern)
    return {status: re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE) for status, parts in cues.items()}


@lru_cache(maxsize=None)
def count_words(lang: str) -> dict[str, int]:
    """Number words with ACLED's values for vague counts."""
    return {" ".join(w.lower().split()): int(v) for _, (w, v) in read_table(_lexicon(lang, "numbers.tsv"), 2)}


@lru_cache(maxsize=None)
def fatality_patterns(lang: str) -> re.Pattern[str]:
    """All death-count patterns of a language as one alternation; %N becomes a number."""
    words = sorted(count_words(lang), key=len, reverse=True)
    number = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"
    parts = []
    for i, (_, (pattern,)) in enumerate(read_table(_lexicon(lang, "fatalities.tsv"), 1)):
        parts.append(pattern.replace("%N", number).replace("(?P<n>", f"(?P<n{i}>"))
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in parts) + ")", re.IGNORECASE)


def parse_count(text: str, lang: str = "en") -> int | None:
    """"12", "1,200", "twelve", "dozens of" -> an integer (ACLED's values for vague words)."""
    text = " ".join(text.lower().split())
    digits = text.replace(",", "")
    if digits.isdigit():
        return int(digits)
    return count_words(lang).get(text)


def fatalities(sentence_text: str, lang: str = "en") -> int | None:
    """Deaths stated in a sentence (first stated figure; injuries never count); None when none is stated."""
    match = fatality_patterns(lang).search(sentence_text)
    if not match:
        return None
    number = next(v for k, v in match.groupdict().items() if v is not None and k.startswith("n"))
    return parse_count(number, lang)


# ---------------------------------------------------------------- choosing what governs a sentence

def best_trigger(found: list[Trigger]) -> Trigger | None:
    """The most specific trigger of a sentence: highest priority, then the first."""
    return max(found, key=lambda t: (t.priority, -t.start)) if found else None


_FRAME_END = re.compile(r"\s*(?:\([^)]{0,60}\))?\s*[,:\u2013\u2014-]")


def _frames_sentence(text: str, sentence: Sentence, time: TimeMention) -> bool:
    """A time adverbial that opens the sentence ("On 7 June, ...", "Earlier on Saturday, ...")."""
    lead = text[sentence.start:time.start].split()
    return len(lead) <= 3 and bool(_FRAME_END.match(text, time.end))


def governing_time(times: list[TimeMention], trigger: Trigger | None, text: str = "",
                   sentence: Sentence | None = None) -> TimeMention | None:
    """The dated expression that governs the event.

    A time adverbial that opens the sentence sets the time of its main clause,
    so it wins over dates of embedded clauses ("On 9 May 2020, 55 people were
    arrested ... a blogger, who was arrested on 6 May"); otherwise the one
    nearest the trigger, else the first.
    """
    dated = [t for t in times if t.is_datable]
    if not dated:
        return None
    if sentence is not None and _frames_sentence(text, sentence, dated[0]):
        return dated[0]
    if trigger is None:
        return dated[0]
    anchor = (trigger.start + trigger.end) / 2
    return min(dated, key=lambda t: abs((t.start + t.end) / 2 - anchor))


def status_of(article: Article, sentence: Sentence, trigger: Trigger | None, time: TimeMention | None) -> str:
    """happened, planned, claimed or denied, from the clause's tense and the sentence's cues."""
    cues = status_cues(article.lang)
    text = article.text[sentence.start:sentence.end]
    if "denied" in cues and cues["denied"].search(text):
        return "denied"
    if time is not None and time.tense is not None:
        tense = time.tense
    elif trigger is not None:
        tense = clause_tense(article.text[sentence.start:trigger.start], article.text[trigger.end:sentence.end],
                             article.lang)
    else:
        tense = None
    if tense == FUTURE:
        return "planned"
    before = article.text[sentence.start:trigger.start] if trigger else text
    if "claimed" in cues and cues["claimed"].search(before):
        return "claimed"
    return "happened"


def nearest_place(places: list[PlaceMention], trigger: Trigger | None) -> PlaceMention | None:
    """The most precise place of the sentence, nearest the trigger."""
    if not places:
        return None
    anchor = trigger.start if trigger else places[0].start
    return min(places, key=lambda p: (p.geo_precision, abs(p.start - anchor)))


def _by_sentence(mentions: list) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for mention in mentions:
        grouped.setdefault(mention.sentence, []).append(mention)
    return grouped


def assemble(article: Article) -> list[Event]:
    """One Event per event-bearing sentence, with its date, actors, type, place, toll and status."""
    times, found, actors, places = (_by_sentence(m) for m in
                                    (article.timexes, article.triggers, article.actors, article.places))
    events: list[Event] = []
    context: dict[int, TimeMention] = {}  # paragraph -> last governing date
    for sentence in article.sentences:
        trigger = best_trigger(found.get(sentence.index, []))
        time = governing_time(times.get(sentence.index, []), trigger, article.text, sentence)
        if time is not None:
            context[sentence.paragraph] = time
            date_source = "sentence"
        elif trigger is None:
            continue  # neither an event nor a date: not event-bearing
        else:
            time = context.get(sentence.paragraph)
            date_source = "context" if time is not None else "published"
        actor1, actor2 = assign_roles(article, sentence.index, trigger)
        trigger = refine(trigger, actor1, actor2, article.lang)  # ACLED types by who is involved
        text = article.text[sentence.start:sentence.end]
        events.append(Event(
            sentence=sentence, time=time, date_source=date_source, trigger=trigger,
            actor1=actor1, actor2=actor2, actors=actors.get(sentence.index, []),
            place=nearest_place(places.get(sentence.index, []), trigger),
            fatalities=fatalities(text, article.lang),
            status=status_of(article, sentence, trigger, time if date_source == "sentence" else None),
        ))
    return events


def events(article: Article) -> Article:
    """Pipeline stage: find event triggers, then assemble `article.events`."""
    find_triggers(article)
    article.events = assemble(article)
    return article


# ---------------------------------------------------------------- flattening

def _unique_names(mentions: list[ActorMention]) -> str | None:
    names = list(dict.fromkeys(m.actor for m in mentions))
    return "; ".join(names) if names else None


def to_records(article: Article) -> list[dict]:
    """The article's events as rows of the events table."""
    rows = []
    for event in article.events:
        sentence, time, place = event.sentence, event.time, event.place
        if event.date_source == "published":
            date = date_end = article.published
            precision, date_text, mod = "day", None, None
        else:
            date, date_end, precision, mod = time.date, time.date_end, time.precision, time.mod
            date_text = article.text[time.start:time.end] if event.date_source == "sentence" else None
        rows.append({
            "event_id": f"{article.id}:{sentence.index}",
            "article_id": article.id,
            "article_title": article.title,
            "published": article.published,
            "sentence_index": sentence.index,
            "sentence": article.text[sentence.start:sentence.end],
            "char_start": sentence.start,
            "char_end": sentence.end,
            "date": date,
            "date_end": date_end,
            "date_precision": precision,
            "date_text": date_text,
            "date_source": event.date_source,
            "date_mod": mod,
            "actor1": event.actor1.actor if event.actor1 else None,
            "actor2": event.actor2.actor if event.actor2 else None,
            "actor1_text": article.text[event.actor1.start:event.actor1.end] if event.actor1 else None,
            "actor2_text": article.text[event.actor2.start:event.actor2.end] if event.actor2 else None,
            "actor_mentions": _unique_names(event.actors),
            "event_type": event.trigger.event_type if event.trigger else None,
            "sub_event_type": event.trigger.sub_event_type if event.trigger else None,
            "location": place.name if place else None,
            "country": place.country if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "geo_precision": place.geo_precision if place else None,
            "fatalities": event.fatalities,
            "status": event.status,
            "lang": article.lang,
        })
    return rows


def to_frame(articles: list[Article]) -> pd.DataFrame:
    """The events table of several articles (the one place rows become a DataFrame)."""
    return schema.from_records([row for article in articles for row in to_records(article)])
