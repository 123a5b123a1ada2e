"""Pure figure functions: an events table in, a Plotly figure out.

No store, no Dash: the functions are tested as plain callables. The timeline
draws each event as the span its date can mean (a month-precision date is a bar
over the month, a day a point), one lane per acting actor, one colour per ACLED
event type. Traces are built per event type with vectorised columns, never one
trace per event, so 10,000 events still build in well under a second.
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extractor import schema

from .queries import NO_ACTOR, UNTYPED

# Okabe-Ito colours (colour-blind safe), given to event types in taxonomy order so
# a type keeps its colour whatever the filters leave on screen.
PALETTE = ("#D55E00", "#E69F00", "#CC79A7", "#0072B2", "#56B4E9", "#009E73", "#F0E442", "#7F3C8D",
           "#11A579", "#3969AC")
UNTYPED_COLOUR = "#8C8C8C"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

LANE_HEIGHT = 32  # pixels per actor lane
MAX_LANES = 20  # busiest actors get a lane each; the rest share one, so the figure stays readable
OTHER_ACTORS = "(other actors)"
MIN_HEIGHT = 440
STACK_SPREAD = 0.7  # share of a lane used to fan out events of one lane and one date
POINT_THRESHOLD_GL = 5000  # beyond this many point events, WebGL markers keep the browser responsive
ONE_DAY = pd.Timedelta(days=1)
LEGEND_ENTRY = "legend"  # meta of the data-less traces that only draw a legend swatch


def type_colours(types: list[str]) -> dict[str, str]:
    """A colour per event type: taxonomy types by their taxonomy position, others after, untyped grey."""
    known = list(schema.taxonomy())
    extra = sorted(t for t in types if t not in known and t != UNTYPED)
    order = known + extra
    colours = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(order)}
    colours[UNTYPED] = UNTYPED_COLOUR
    return {t: colours[t] for t in types}


def _text(series: pd.Series) -> pd.Series:
    """Text as Plotly shows it literally: it reads <b>, <a> and <br> as markup, so escape & < >.

    Only these three: Plotly knows &lt; &gt; &amp; but would print &quot; as is.
    """
    text = series.astype("string").fillna("")
    return text.str.replace("&", "&amp;").str.replace("<", "&lt;").str.replace(">", "&gt;")


def _excerpt(series: pd.Series, limit: int = 90) -> pd.Series:
    """The start of each text on one line: the hover label stays small, the detail panel has it all."""
    text = series.astype("string").fillna("").str.replace(r"\s+", " ", regex=True).str.strip()
    cut = text.str.slice(0, limit).str.replace(r"\s+\S*$", "", regex=True) + " …"
    return _text(text.where(text.str.len() <= limit, cut))


def _blank(series: pd.Series) -> pd.Series:
    return series.isna() | (series.fillna("") == "")


def _actor_lane(events: pd.DataFrame) -> pd.Series:
    return events["actor1"].where(~_blank(events["actor1"]), NO_ACTOR).astype(str)


def lanes(events: pd.DataFrame, max_lanes: int = MAX_LANES) -> list[str]:
    """Lane names top to bottom: busiest actor first, ties by name, events without actor1 last.

    Beyond `max_lanes` actors, the quieter ones share an OTHER_ACTORS lane (the
    actor filter shows any of them on its own lane).
    """
    counts = _actor_lane(events).value_counts()
    named = sorted((n for n in counts.index if n != NO_ACTOR), key=lambda n: (-counts[n], n.casefold()))
    if len(named) > max_lanes:
        named = named[:max_lanes - 1] + [OTHER_ACTORS]
    return named + ([NO_ACTOR] if NO_ACTOR in counts.index else [])


def _hover(frame: pd.DataFrame) -> pd.Series:
    """One hover label per event: type, date and precision, actors, place, the start of the sentence."""
    precision = frame["date_precision"].astype("string").fillna("day")
    start, end = frame["date"].astype("string"), frame["date_end"].astype("string")
    when = start.where(~frame["is_span"], start + " – " + end) + " (" + _text(precision) + ")"
    actor2 = _text(frame["actor2"])
    actors = _text(_actor_lane(frame)) + ("  →  " + actor2).where(actor2 != "", "")
    place = _text(frame["location"])
    place = ("<br>" + place).where(place != "", "")
    return ("<b>" + _text(frame["type"]) + "</b><br>" + when + "<br>" + actors + place
            + "<br><i>" + _excerpt(frame["sentence"]) + "</i>")


def _layout_frame(events: pd.DataFrame, lane_order: list[str]) -> pd.DataFrame:
    """The dated events with what drawing needs: lane position, type key, start, end, span flag."""
    frame = events[events["date"].notna()].copy()
    lane = _actor_lane(frame)
    frame["lane"] = lane.where(lane.isin(lane_order), OTHER_ACTORS)
    frame["type"] = frame["event_type"].where(~_blank(frame["event_type"]), UNTYPED).astype(str)
    frame["start"] = frame["date"].astype("datetime64[ms]")
    end = frame["date_end"].astype("datetime64[ms]")
    frame["is_span"] = (end.notna() & (end > frame["start"])).astype(bool)
    # A span covers its last day in full, so it is drawn up to the next midnight.
    frame["stop"] = end.where(frame["is_span"], frame["start"]) + ONE_DAY
    # Events sharing a lane and a start date are fanned out vertically so each stays clickable.
    position = frame["lane"].map({name: i for i, name in enumerate(lane_order)}).astype(float)
    group = frame.groupby(["lane", "start"], sort=False)["event_id"]
    size = group.transform("size").astype(float)
    rank = group.cumcount().astype(float)
    step = np.minimum(0.22, STACK_SPREAD / size)
    frame["y"] = position + (rank - (size - 1) / 2) * step
    frame["thickness"] = np.where(size > 1, step * 0.85, 0.5)
    frame["hover"] = _hover(frame)
    return frame


def _traces(frame: pd.DataFrame, type_name: str, colour: str, use_gl: bool) -> list:
    """The legend entry, the bar trace (spans) and the marker trace (days) of one event type.

    The legend entry is an empty marker trace, so every type shows the same round
    swatch whether it has days, spans or both; clicking it toggles the whole group.
    """
    label = html.escape(type_name, quote=False)
    spans, days = frame[frame["is_span"]], frame[~frame["is_span"]]
    traces = [go.Scatter(x=[None], y=[None], mode="markers", name=label, legendgroup=type_name, hoverinfo="skip",
                         marker={"color": colour, "size": 11}, meta=LEGEND_ENTRY)]
    if len(spans):
        traces.append(go.Bar(
            orientation="h", base=spans["start"], x=(spans["stop"] - spans["start"]).dt.total_seconds() * 1000,
            y=spans["y"], width=spans["thickness"], customdata=spans["event_id"].astype(str),
            hovertext=spans["hover"], hoverinfo="text", name=label, legendgroup=type_name,
            showlegend=False, marker={"color": colour, "opacity": 0.8, "line": {"color": "white", "width": 1}},
        ))
    if len(days):
        scatter = go.Scattergl if use_gl else go.Scatter
        traces.append(scatter(
            mode="markers", x=days["start"], y=days["y"], customdata=days["event_id"].astype(str),
            hovertext=days["hover"], hoverinfo="text", name=label, legendgroup=type_name, showlegend=False,
            marker={"color": colour, "size": 11, "line": {"color": "white", "width": 1.5}},
        ))
    return traces


def _x_range(frame: pd.DataFrame) -> list[str]:
    """The visible time range: every event with a margin, at least a few days wide."""
    first, last = frame["start"].min(), frame["stop"].max()
    pad = max(pd.Timedelta(days=2), (last - first) * 0.04)
    return [(first - pad).isoformat(), (last + pad).isoformat()]


def empty_figure(message: str) -> go.Figure:
    """A blank timeline carrying a message, for when nothing is left to draw."""
    figure = go.Figure()
    figure.update_layout(
        template="plotly_white", height=MIN_HEIGHT, font={"family": FONT},
        xaxis={"visible": False}, yaxis={"visible": False}, margin={"l": 20, "r": 20, "t": 20, "b": 20},
        annotations=[{"text": html.escape(message, quote=False), "showarrow": False, "font": {"size": 15,
                      "color": "#6b7280"}, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}],
    )
    return figure


def timeline_figure(events: pd.DataFrame) -> go.Figure:
    """The timeline of an events table: time on x, actor lanes on y, colour by event type.

    Each trace carries the event ids as customdata, so a click tells the detail
    panel which event to show. Undated events cannot be placed in time; the
    figure says how many of them the table holds.
    """
    dated = events[events["date"].notna()]
    undated = len(events) - len(dated)
    if dated.empty:
        message = "No events match the filters" if not undated else \
            f"No dated events match the filters ({undated} undated in the table)"
        return empty_figure(message)
    lane_order = lanes(dated)
    frame = _layout_frame(dated, lane_order)
    present = set(frame["type"])
    order = [t for t in schema.taxonomy() if t in present] + sorted(present - set(schema.taxonomy()) - {UNTYPED})
    order += [UNTYPED] if UNTYPED in present else []
    colours = type_colours(order)
    use_gl = int((~frame["is_span"]).sum()) > POINT_THRESHOLD_GL
    figure = go.Figure()
    for type_name in order:
        figure.add_traces(_traces(frame[frame["type"] == type_name], type_name, colours[type_name], use_gl))
    _style(figure, lane_order, frame, undated)
    return figure


def _style(figure: go.Figure, lane_order: list[str], frame: pd.DataFrame, undated: int) -> None:
    """Axes, lanes, legend and size: the look shared by every timeline."""
    n = len(lane_order)
    figure.update_layout(
        template="plotly_white", font={"family": FONT, "size": 13, "color": "#1f2937"},
        height=max(MIN_HEIGHT, 130 + LANE_HEIGHT * n), margin={"l": 10, "r": 20, "t": 50, "b": 60 if undated else 40},
        barmode="overlay", hovermode="closest", clickmode="event", uirevision="timeline",
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "size": 12}, "align": "left"},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "xanchor": "left", "x": 0,
                "title": {"text": "Event type  "}, "itemclick": "toggle", "font": {"size": 12}},
        plot_bgcolor="white",
    )
    figure.update_xaxes(type="date", range=_x_range(frame), showgrid=True, gridcolor="#eef0f3",
                        linecolor="#d1d5db", ticks="outside", tickcolor="#d1d5db", automargin=True)
    figure.update_yaxes(
        tickmode="array", tickvals=list(range(n)), ticktext=[html.escape(name, quote=False) for name in lane_order],
        range=[n - 0.5, -0.5], showgrid=False, zeroline=False, automargin=True, ticks="", fixedrange=True,
    )
    # Alternate lane shading: the eye follows a lane across a wide time range.
    figure.update_layout(shapes=[
        {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": i - 0.5, "y1": i + 0.5,
         "fillcolor": "#f6f7f9", "line": {"width": 0}, "layer": "below"}
        for i in range(0, n, 2)
    ])
    if undated:
        figure.add_annotation(text=f"{undated} undated event{'s' if undated != 1 else ''} in the table, "
                                   "not on the timeline", xref="paper", yref="paper", x=1, y=0,
                              xanchor="right", yanchor="top", yshift=-30, showarrow=False,
                              font={"size": 11, "color": "#6b7280"})
