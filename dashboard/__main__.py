"""Command line: `python -m dashboard [--store PATH] [--host 127.0.0.1] [--port 8050] [--debug]`.

Binds to 127.0.0.1 unless told otherwise (the dashboard has no login) and runs
without Dash's debug mode, which would expose a code-reloading debugger.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from extractor.errors import StoreError
from extractor.store import DEFAULT_STORE


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Browse the events of a store.")
    parser.add_argument("--store", default=str(DEFAULT_STORE), help="DuckDB store to read (default: %(default)s)")
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8050, help="port to listen on (default: %(default)s)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode: reloader and error pages")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the dashboard; exit code 2 with a one-line message when the store cannot be read."""
    args = parse_args(argv)
    from .app import create_app  # after parsing, so --help stays fast

    try:
        app = create_app(args.store)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # No call home even in debug mode: the dev tools would ask plotly.com for the latest version.
    app.run(host=args.host, port=args.port, debug=args.debug, dev_tools_disable_version_check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
