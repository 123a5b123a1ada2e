"""The README documents every events column and every data file, and opens with the two commands."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from extractor import schema
from extractor.resources import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def tracked_data_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "data"], cwd=ROOT, capture_output=True, text=True)
    files = listed.stdout.split() if listed.returncode == 0 and listed.stdout.strip() else \
        [str(p.relative_to(ROOT)) for p in DATA_DIR.rglob("*") if p.is_file() and "cache" not in p.parts]
    return sorted(files)


def test_docs_readme_opens_with_run_and_test():
    head = README.splitlines()[:12]
    assert any(line.startswith("make run") for line in head) and any(line.startswith("make test") for line in head)


@pytest.mark.parametrize("column", schema.NAMES)
def test_docs_every_events_column_is_described(column):
    assert f"`{column}`" in README


@pytest.mark.parametrize("path", tracked_data_files())
def test_docs_every_data_file_is_described(path):
    file = Path(path)
    assert file.name in README and str(file.parent) in README, f"{path} is not described in README.md"


def test_docs_every_requirement_is_explained():
    direct = []
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# --- pulled in"):
            break
        if "==" in line and not line.startswith("#"):
            direct.append(line.split("==")[0])
    assert direct
    for name in direct:
        assert name in README, f"README.md does not say why {name} is a dependency"
