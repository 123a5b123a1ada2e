"""The Dash application factory: nothing is read until `create_app` is called.

The layout is a function, so each page load reads the filter choices afresh
from the store: events ingested while the dashboard runs appear on reload.
"""
from __future__ import annotations

from pathlib import Path

from dash import Dash
from flask import Response

from . import callbacks, layout, queries

ASSETS = Path(__file__).resolve().parent / "assets"
MAX_REQUEST_BYTES = 1_000_000  # filter values are a few hundred bytes; anything larger is refused (413)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def _harden(response: Response) -> Response:
    """Headers that stop the page being framed or content being sniffed as another type."""
    for header, value in SECURITY_HEADERS.items():
        response.headers.setdefault(header, value)
    return response


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
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.server.after_request(_harden)
    app.layout = lambda: layout.page(queries.store_options(store_path))
    callbacks.register(app, store_path)
    return app
