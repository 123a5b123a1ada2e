"""The page: filters on top, the timeline, the clicked event's detail, the table.

Components carry stable ids (`filter-actor`, `timeline`, `events-table`, ...)
that callbacks and browser tests target. Every piece of article text is given
to Dash as a plain string child or a grid cell value, which React and AG Grid
render as text: no component here interprets HTML or markdown.
"""
from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from extractor import schema

from .queries import Options

# Columns the table shows first, because a reader scans these; the rest follow in schema order.
LEAD_COLUMNS = ("date", "date_precision", "actor1", "actor2", "event_type", "location", "sentence",
                "article_title")
WIDE_COLUMNS = {"sentence": 480, "article_title": 300, "actor_mentions": 280, "event_id": 180, "actor1": 230,
                "actor2": 230, "event_type": 190, "sub_event_type": 220, "date_precision": 150}

# What the detail panel shows, in order, with a reader's label for each schema column.
DETAIL_FIELDS = (
    ("date", "Date"), ("date_end", "Until"), ("date_precision", "Precision"), ("date_text", "Date as written"),
    ("date_source", "Date from"), ("actor1", "Actor"), ("actor2", "Acted on"), ("actor_mentions", "Actors named"),
    ("event_type", "Type"), ("sub_event_type", "Sub-type"), ("location", "Place"), ("fatalities", "Fatalities"),
    ("status", "Status"), ("published", "Published"), ("article_id", "Article id"),
    ("sentence_index", "Sentence index"),
)

DETAIL_HINT = "Click an event on the timeline, or a row in the table, to read its sentence."


def column_defs() -> list[dict]:
    """The grid's columns: every schema column, lead columns first, descriptions as header tooltips."""
    order = list(LEAD_COLUMNS) + [name for name in schema.NAMES if name not in LEAD_COLUMNS]
    kinds = {c.name: c for c in schema.COLUMNS}
    defs = []
    for name in order:
        column = kinds[name]
        definition = {"field": name, "headerName": name, "headerTooltip": column.description,
                      "width": WIDE_COLUMNS.get(name, 130)}
        if column.kind in ("int", "float"):
            definition["type"] = "numericColumn"
            definition["filter"] = "agNumberColumnFilter"
        if name == "sentence":
            definition["tooltipField"] = "sentence"
        defs.append(definition)
    return defs


def _dropdown(component_id: str, values: list[str], placeholder: str) -> dcc.Dropdown:
    return dcc.Dropdown(id=component_id, options=[{"label": v, "value": v} for v in values], value=[],
                        multi=True, placeholder=placeholder, className="filter-dropdown")


def _field(label: str, control, width: str = "") -> html.Div:
    return html.Div([html.Label(label, className="filter-label"), control], className=f"filter {width}".strip())


def filters(options: Options) -> html.Div:
    """The filter bar, its choices taken from the store."""
    first = options.first.isoformat() if options.first else None
    last = options.last.isoformat() if options.last else None
    return html.Div(className="filters", children=[
        _field("Actor", _dropdown("filter-actor", options.actors, "Any actor"), "wide"),
        _field("Dates", dcc.DatePickerRange(
            id="filter-dates", min_date_allowed=first, max_date_allowed=last, initial_visible_month=first,
            display_format="YYYY-MM-DD", start_date_placeholder_text="From", end_date_placeholder_text="To",
            clearable=True)),
        _field("Event type", _dropdown("filter-type", options.types, "Any type"), "wide"),
        _field("Place", _dropdown("filter-place", options.places, "Any place")),
        _field("Search", dcc.Input(id="filter-text", type="search", placeholder="Sentence, actor, title, place",
                                   debounce=0.4, className="filter-text")),
    ])


def detail_panel(event: dict | None) -> list:
    """The clicked event as text: its sentence, its article's title, then its fields."""
    if event is None:
        return [html.P(DETAIL_HINT, className="detail-hint")]
    rows = []
    for name, label in DETAIL_FIELDS:
        value = event.get(name)
        if value is None or value == "" or (name == "date_end" and value == event.get("date")):
            continue  # nothing to say, or a day event's end that repeats its date
        rows += [html.Dt(label), html.Dd(str(value))]
    return [
        html.Blockquote(str(event.get("sentence") or ""), id="detail-sentence", className="detail-sentence"),
        html.P(["From ", html.Span(str(event.get("article_title") or event.get("article_id") or ""),
                                   id="detail-title", className="detail-title")], className="detail-source"),
        html.Dl(rows, className="detail-fields"),
    ]


def page(options: Options) -> html.Div:
    """The whole dashboard."""
    return html.Div(className="page", children=[
        html.Header(className="topbar", children=[
            html.Div([html.H1("Conflict Timeline"),
                      html.Span("events read from news articles", className="tagline")], className="brand"),
            html.Div([html.Span(id="event-count", className="count"),
                      html.Button("Export CSV", id="export-button", className="button", n_clicks=0),
                      dcc.Download(id="export-download")], className="actions"),
        ]),
        filters(options),
        html.Main(className="content", children=[
            html.Section(className="card timeline-card", children=[
                dcc.Loading(dcc.Graph(id="timeline", config={
                    "displaylogo": False, "responsive": True,
                    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
                    "toImageButtonOptions": {"filename": "conflict-timeline"},
                }), type="dot", delay_show=300),
            ]),
            html.Aside(className="card detail-card", children=[
                html.H2("Event"), html.Div(detail_panel(None), id="event-detail", className="detail"),
            ]),
        ]),
        html.Section(className="card table-card", children=[
            dag.AgGrid(
                id="events-table", columnDefs=column_defs(), rowData=[], getRowId="params.data.event_id",
                defaultColDef={"sortable": True, "resizable": True, "filter": True},
                dashGridOptions={"tooltipShowDelay": 400, "enableCellTextSelection": True,
                                 "suppressFieldDotNotation": True, "animateRows": False},
                style={"height": "420px", "width": "100%"},
            ),
        ]),
    ])
