"""Build the store the browser tests run against: the seed article plus the test fixtures.

It goes through the extractor's own CLI, as a user would
(`python -m extractor ingest seeds/ tests/fixtures/articles/ --store PATH`); the
tests rely only on what any ingest of these articles holds (dated events, several
actors, the XSS article's title and text), never on hand-made rows.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
XSS_ARTICLE = FIXTURES / "xss-article.txt"
XSS_ID = "xss-article"
XSS_PAYLOAD = "<img src=x onerror=alert(1)>"


def build_store(path: Path) -> str:
    """Fill the store at `path` with the extractor CLI; any reject or failure stops the tests."""
    command = [sys.executable, "-m", "extractor", "ingest", str(SEEDS), str(FIXTURES), "--store", str(path)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return "cli"
