"""`python -m dashboard`: local-only defaults and one clear line for an unusable store."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("store_name,content", [
    ("missing.duckdb", None),            # no such file
    ("notes.duckdb", "not a database"),  # a file, but no DuckDB store
])
def test_dashboard_unusable_store_exits_2_with_one_line(store_name: str, content: str | None, tmp_path: Path) -> None:
    store = tmp_path / store_name
    if content is not None:
        store.write_text(content)
    result = subprocess.run([sys.executable, "-m", "dashboard", "--store", str(store), "--port", "1"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "E030" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("argv,host,port,debug", [
    ([], "127.0.0.1", 8050, False),  # local only, no debugger, unless asked
    (["--host", "0.0.0.0", "--port", "9000", "--debug"], "0.0.0.0", 9000, True),
])
def test_dashboard_command_line_defaults(argv: list[str], host: str, port: int, debug: bool) -> None:
    from dashboard.__main__ import parse_args

    args = parse_args(argv)
    assert (args.host, args.port, args.debug) == (host, port, debug)
