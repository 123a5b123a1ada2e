"""dashboard.figures: the timeline as a pure function of an events table."""
from __future__ import annotations

import datetime as dt
import random
import time

import pandas as pd
import pytest

from dashboard import figures
from dashboard.queries import NO_ACTOR, UNTYPED
from extractor import schema


def frame(*records: dict):
    return schema.from_records(list(records))


def day(event_id: str, date: str, **fields) -> dict:
    return dict(event_id=event_id, date=date, date_end=date, date_precision="day", **fields)


def month(event_id: str, first: str, last: str, **fields) -> dict:
    return dict(event_id=event_id, date=first, date_end=last, date_precision="month", **fields)


def drawn(figure) -> list:
    """The traces that draw events (not the legend-only swatches)."""
    return [t for t in figure.data if t.meta != figures.LEGEND_ENTRY]


def traces_of(figure, type_name: str) -> list:
    return [t for t in drawn(figure) if t.legendgroup == type_name]


def ids_of(figure) -> list[str]:
    return sorted(i for t in drawn(figure) for i in t.customdata)


@pytest.mark.parametrize("records,expected_kinds", [
    ([day("d", "2021-06-18", event_type="Battles")], {"scatter"}),
    ([month("m", "2021-06-01", "2021-06-30", event_type="Battles")], {"bar"}),
    ([day("d", "2021-06-18", event_type="Battles"), month("m", "2021-06-01", "2021-06-30", event_type="Battles")],
     {"scatter", "bar"}),
    ([dict(event_id="n", date="2021-06-18", date_end=None, event_type="Battles")], {"scatter"}),  # no end: a day
])
def test_figures_day_is_a_point_and_span_is_a_bar(records: list[dict], expected_kinds: set[str]) -> None:
    figure = figures.timeline_figure(frame(*records))
    assert {t.type for t in drawn(figure)} == expected_kinds


@pytest.mark.parametrize("first,last,days", [
    ("2021-06-01", "2021-06-30", 30),   # a month covers all its 30 days
    ("2021-06-14", "2021-06-20", 7),    # a week
    ("2020-01-01", "2020-12-31", 366),  # a leap year
])
def test_figures_bar_covers_the_whole_period(first: str, last: str, days: int) -> None:
    bar = drawn(figures.timeline_figure(frame(month("m", first, last, event_type="Battles"))))[0]
    assert pd.Timestamp(bar.base[0]) == pd.Timestamp(first)
    assert bar.x[0] == days * 86_400_000  # milliseconds, as Plotly reads a duration on a date axis


@pytest.mark.parametrize("actors,expected_lanes", [
    (["NATO"], ["NATO"]),
    (["B", "A", "B"], ["B", "A"]),                   # busiest lane on top
    (["b", "A"], ["A", "b"]),                        # ties by name, case-insensitively
    ([None, "NATO", ""], ["NATO", NO_ACTOR]),        # missing and empty actor1 share the last lane
])
def test_figures_lanes(actors: list[str | None], expected_lanes: list[str]) -> None:
    events = frame(*(day(f"e{i}", "2021-06-18", actor1=a) for i, a in enumerate(actors)))
    figure = figures.timeline_figure(events)
    assert list(figure.layout.yaxis.ticktext) == expected_lanes
    assert list(figure.layout.yaxis.tickvals) == list(range(len(expected_lanes)))


@pytest.mark.parametrize("n_actors,expected_lanes", [
    (figures.MAX_LANES, figures.MAX_LANES),
    (figures.MAX_LANES + 1, figures.MAX_LANES),  # the quietest two share the last named lane
    (60, figures.MAX_LANES),
])
def test_figures_many_actors_share_an_other_lane(n_actors: int, expected_lanes: int) -> None:
    # Actor k has k+1 events, so the busiest come first and the quietest end in the shared lane.
    records = [day(f"a{k}-{j}", "2021-06-18", actor1=f"actor {k:02d}") for k in range(n_actors) for j in range(k + 1)]
    figure = figures.timeline_figure(frame(*records))
    ticks = list(figure.layout.yaxis.ticktext)
    assert len(ticks) == expected_lanes and ticks[0] == f"actor {n_actors - 1:02d}"
    assert (figures.OTHER_ACTORS in ticks) == (n_actors > figures.MAX_LANES)
    assert len(ids_of(figure)) == len(records)  # nobody is dropped


@pytest.mark.parametrize("types,expected_legend", [
    (["Battles"], ["Battles"]),
    ([None, "Riots", "Battles", ""], ["Battles", "Riots", UNTYPED]),  # taxonomy order, untyped last
    (["Battles", "Battles"], ["Battles"]),                            # one entry per type
])
def test_figures_colour_by_event_type(types: list[str | None], expected_legend: list[str]) -> None:
    events = frame(*(day(f"e{i}", "2021-06-18", event_type=t) for i, t in enumerate(types)))
    figure = figures.timeline_figure(events)
    assert [t.name for t in figure.data if t.showlegend is not False] == expected_legend
    assert all(t.meta == figures.LEGEND_ENTRY for t in figure.data if t.showlegend is not False)
    assert traces_of(figure, UNTYPED) == [] or traces_of(figure, UNTYPED)[0].marker.color == figures.UNTYPED_COLOUR


def test_figures_type_keeps_its_colour_whatever_else_is_shown() -> None:
    alone = figures.timeline_figure(frame(day("a", "2021-06-18", event_type="Riots")))
    mixed = figures.timeline_figure(frame(day("a", "2021-06-18", event_type="Riots"),
                                          day("b", "2021-06-18", event_type="Battles")))
    assert traces_of(alone, "Riots")[0].marker.color == traces_of(mixed, "Riots")[0].marker.color


@pytest.mark.parametrize("records", [
    [day("a", "2021-06-18"), month("b", "2021-06-01", "2021-06-30"), dict(event_id="c")],
    [day(f"s{i}", "2021-06-18", actor1="NATO") for i in range(5)],  # stacked on one day and lane
])
def test_figures_every_dated_event_is_drawn_once_with_its_id(records: list[dict]) -> None:
    figure = figures.timeline_figure(frame(*records))
    dated = sorted(r["event_id"] for r in records if r.get("date"))
    assert ids_of(figure) == dated


def test_figures_same_day_events_in_a_lane_do_not_overlap() -> None:
    figure = figures.timeline_figure(frame(*(day(f"s{i}", "2021-06-18", actor1="NATO") for i in range(4))))
    ys = [y for t in drawn(figure) for y in t.y]
    assert len(set(ys)) == 4 and all(-0.5 < y < 0.5 for y in ys)


@pytest.mark.parametrize("field,value", [
    ("sentence", "<img src=x onerror=alert(1)> attack"),
    ("actor2", "<script>alert(2)</script>"),
    ("location", "<b>Sebha</b>"),
])
def test_figures_hover_text_is_escaped(field: str, value: str) -> None:
    figure = figures.timeline_figure(frame(day("x", "2021-06-18", **{field: value})))
    hover = drawn(figure)[0].hovertext[0]
    assert "&lt;" in hover and value not in hover


@pytest.mark.parametrize("actor", ["<img src=x onerror=alert(1)>"])
def test_figures_lane_labels_are_escaped(actor: str) -> None:
    figure = figures.timeline_figure(frame(day("x", "2021-06-18", actor1=actor)))
    assert list(figure.layout.yaxis.ticktext) == ["&lt;img src=x onerror=alert(1)&gt;"]


@pytest.mark.parametrize("records,message", [
    ([], "No events match the filters"),
    ([dict(event_id="u")], "No dated events match the filters (1 undated in the table)"),
])
def test_figures_empty_timeline_says_why(records: list[dict], message: str) -> None:
    figure = figures.timeline_figure(frame(*records) if records else schema.empty())
    assert figure.data == ()
    assert figure.layout.annotations[0].text == message


@pytest.mark.parametrize("undated,note", [(1, "1 undated event in the table"), (2, "2 undated events in the table")])
def test_figures_counts_undated_events(undated: int, note: str) -> None:
    events = frame(day("d", "2021-06-18"), *(dict(event_id=f"u{i}") for i in range(undated)))
    texts = [a.text for a in figures.timeline_figure(events).layout.annotations]
    assert any(t.startswith(note) for t in texts)


def _many(n: int, seed: int = 7):
    rng = random.Random(seed)
    types = [*schema.taxonomy(), None]
    records = []
    for i in range(n):
        start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(900))
        span = rng.random() < 0.3
        records.append(dict(event_id=f"e{i}", date=start, date_end=start + dt.timedelta(days=29 if span else 0),
                            date_precision="month" if span else "day", actor1=rng.choice([None, *map(str, range(40))]),
                            event_type=rng.choice(types), sentence="Gunmen attacked a post " * 4, location="Sebha"))
    return schema.from_records(records)


@pytest.mark.parametrize("n,seconds", [(10_000, 3.0)])
def test_figures_ten_thousand_events_build_quickly(n: int, seconds: float) -> None:
    events = _many(n)
    figures.timeline_figure(events.head(10))  # warm Plotly's lazy validators
    started = time.perf_counter()
    figure = figures.timeline_figure(events)
    elapsed = time.perf_counter() - started
    assert elapsed < seconds, f"{n} events took {elapsed:.2f}s"
    assert len(figure.data) <= 3 * (len(schema.taxonomy()) + 1)  # legend, bars, markers: per type, not per event
    assert len(ids_of(figure)) == n
