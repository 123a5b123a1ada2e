"""The Dash application factory: nothing is read until `create_app` is called.

The layout is a function, so each page load reads the filter choices afresh
from the store: events ingested while the dashboard runs appear on reload.
"""
from __future__ import annotations

from pathlib import Path

from dash import Dash

from . import callbacks, layout, queries

ASSETS = Path(__file__).resolve().parent / "assets"


def create_app(store_path: str | Path) -> Dash:
    """A dashboard over the store at `store_path`, opened read-only.

    Raises StoreError E030 when the store is missing or is no events store, so
    the command line can say so in one line before any server starts.
    """
    queries.check_store(store_path)
    app = Dash(
        __name__, title="Conflict Timeline", assets_folder=str(ASSETS), update_title=None,
        # Everything is served from this machine: Dash's own JS (serve_locally), no CDN, no
        # external stylesheet or font, and no MCP endpoint an agent could drive.
        serve_locally=True, external_stylesheets=[], external_scripts=[], enable_mcp=False,
    )
    app.layout = lambda: layout.page(queries.store_options(store_path))
    callbacks.register(app, store_path)
    return app
