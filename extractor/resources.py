"""Load the data files under data/ and check them as they load.

Every resource file opens with a `# FORMAT:` line that says what a line means
(HeidelTime keeps rules as resources; dateparser validates its language data).
A malformed line raises `ResourceError` naming the file and line at start-up,
never a late KeyError in the middle of a batch.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from .errors import ResourceError

DATA_DIR = Path(os.environ.get("CONFLICT_TIMELINE_DATA", Path(__file__).resolve().parent.parent / "data"))


def data_path(*parts: str) -> Path:
    """Path of a file or folder under data/."""
    return DATA_DIR.joinpath(*parts)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered content lines of a resource, after checking its FORMAT header."""
    with open(path, encoding="utf-8") as handle:
        first = handle.readline()
        if not first.startswith("# FORMAT:"):
            raise ResourceError("E021", path=path)
        for number, line in enumerate(handle, start=2):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield number, line


def read_table(path: Path, min_fields: int, max_fields: int | None = None) -> list[tuple[int, list[str]]]:
    """Tab-separated rows with their line numbers; the field count is checked."""
    rows = []
    most = max_fields if max_fields is not None else min_fields
    for number, line in _lines(path):
        fields = [f.strip() for f in line.split("\t")]
        if not min_fields <= len(fields) <= most:
            raise ResourceError("E020", path=path, line=number,
                                detail=f"expected {min_fields}-{most} tab-separated fields, found {len(fields)}")
        rows.append((number, fields))
    return rows


def read_list(path: Path) -> list[tuple[int, str]]:
    """One entry per line."""
    return [(number, line.strip()) for number, line in _lines(path)]


def read_jsonl(path: Path, required: tuple[str, ...] = ()) -> list[tuple[int, dict]]:
    """One JSON object per line; `required` keys are checked."""
    rows = []
    for number, line in _lines(path):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ResourceError("E020", path=path, line=number, detail=f"not JSON: {exc.msg}") from None
        if not isinstance(obj, dict):
            raise ResourceError("E020", path=path, line=number, detail="not a JSON object")
        missing = [k for k in required if k not in obj]
        if missing:
            raise ResourceError("E020", path=path, line=number, detail=f"missing keys {missing}")
        rows.append((number, obj))
    return rows


def all_resource_files() -> list[Path]:
    """Every resource file under data/ (what the load-everything test walks)."""
    suffixes = {".txt", ".tsv", ".jsonl"}
    return sorted(p for p in DATA_DIR.rglob("*") if p.suffix in suffixes and p.is_file())
