"""Wiring only: component ids to the pure functions of queries, figures, export and layout.

Each callback turns component values into `Filters`, asks `queries` for rows and
hands them to a pure function; the logic it calls is tested without a browser.
"""
from __future__ import annotations

from pathlib import Path

from dash import Dash, Input, Output, State, ctx, dcc, no_update

from . import export, figures, layout, queries

# The (component id, property) pairs that make a Filters, in Filters.from_inputs order.
FILTER_VALUES = (
    ("filter-actor", "value"), ("filter-dates", "start_date"), ("filter-dates", "end_date"),
    ("filter-type", "value"), ("filter-place", "value"), ("filter-text", "value"),
)


def count_label(n: int) -> str:
    """'1 event', '12 events'."""
    return f"{n:,} event{'' if n == 1 else 's'}"


def clicked_event_id(click_data: dict | None, cell_clicked: dict | None, trigger: str | None) -> str | None:
    """The event id behind the latest click: a timeline point's customdata or a table row's id."""
    if trigger == "events-table" and cell_clicked:
        return cell_clicked.get("rowId")
    points = (click_data or {}).get("points") or []
    return points[0].get("customdata") if points else None


def register(app: Dash, store_path: str | Path) -> None:
    """Attach the dashboard's callbacks to `app`, reading from the store at `store_path`."""

    @app.callback(
        Output("timeline", "figure"), Output("events-table", "rowData"), Output("event-count", "children"),
        *(Input(i, p) for i, p in FILTER_VALUES),
    )
    def update_view(actors, start, end, types, places, text):
        """Any filter changed: redraw the timeline, refill the table, recount."""
        events = queries.filtered_events(store_path, queries.Filters.from_inputs(
            actors, start, end, types, places, text))
        return figures.timeline_figure(events), export.to_records(events), count_label(len(events))

    @app.callback(
        Output("event-detail", "children"),
        Input("timeline", "clickData"), Input("events-table", "cellClicked"),
        prevent_initial_call=True,
    )
    def show_event(click_data, cell_clicked):
        """A timeline mark or a table row was clicked: show that event as text."""
        event_id = clicked_event_id(click_data, cell_clicked, ctx.triggered_id)
        return layout.detail_panel(queries.event_by_id(store_path, event_id)) if event_id else no_update

    @app.callback(
        Output("export-download", "data"),
        Input("export-button", "n_clicks"), *(State(i, p) for i, p in FILTER_VALUES),
        prevent_initial_call=True,
    )
    def export_csv(n_clicks, actors, start, end, types, places, text):
        """Download the filtered rows; the same Filters as the view, so the file holds what is shown."""
        events = queries.filtered_events(store_path, queries.Filters.from_inputs(
            actors, start, end, types, places, text))
        return dcc.send_string(export.to_csv(events), "conflict-timeline-events.csv", type="text/csv")
