"""`make golden`: rewrite tests/golden/<case>/expected_events.csv from the current extractor.

Each case folder holds one article (article.txt or article.md, front matter
included) and the events CSV the extractor must produce for it. Review the diff
before committing: a changed golden file is a changed behaviour.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.pipeline import extract_paths  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def render(case: Path) -> str:
    """The events CSV of a golden case's article, as the test compares it."""
    (article,) = [p for p in case.iterdir() if p.stem == "article"]
    batch = extract_paths([str(article)])
    if batch.rejects:
        raise SystemExit(f"golden case {case.name}: {batch.rejects[0].message}")
    return batch.frame().to_csv(index=False, lineterminator="\n")


def main() -> int:
    for case in sorted(p for p in GOLDEN.iterdir() if p.is_dir()):
        path = case / "expected_events.csv"
        new = render(case)
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(new, encoding="utf-8")
        print(f"{case.name}: {'unchanged' if new == old else 'rewritten'} ({new.count(chr(10)) - 1} events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
