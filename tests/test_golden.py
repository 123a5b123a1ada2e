"""Golden files: the seed article's whole events table, compared as CSV text (`make golden` rewrites)."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from golden import GOLDEN, render  # noqa: E402

CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_golden_events_csv_unchanged(case):
    expected = (GOLDEN / case / "expected_events.csv").read_text(encoding="utf-8")
    assert render(GOLDEN / case) == expected, f"run `make golden` and review the diff of {case}"


def test_golden_seed_case_exists():
    assert "seed-libya" in CASES
