"""`make eval`: score the extractor on the gold sets in ../shared/eval with the scorers beside them.

Runs the project's own commands (`python -m extractor extract|timex`) exactly as
a user would, hands their output to the third-party scorers unchanged, and
prints one table. Full scorer reports are kept in out/eval/ for reading.
The gold data stays in ../shared/eval; nothing of it is copied into the repository.
"""
from __future__ import annotations

import argparse
import csv
import fcntl
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
OUT = ROOT / "out" / "eval"
PY = sys.executable


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command from the project root; raise with its stderr when it fails hard (exit > 1)."""
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, **kwargs)
    if done.returncode > 1:
        raise SystemExit(f"command failed ({done.returncode}): {' '.join(args)}\n{done.stderr[-3000:]}")
    return done


def last_json(text: str) -> dict:
    return json.loads([line for line in text.splitlines() if line.startswith("{")][-1])


def seed(gold: Path) -> list[tuple[str, str, str]]:
    """The hand-annotated seed article(s): date, date + actor and event type per gold event."""
    pred_dir = OUT / "articles"
    pred_dir.mkdir(parents=True, exist_ok=True)
    articles = json.loads(gold.read_text(encoding="utf-8"))
    for article in articles:
        source = ROOT / article["file"]
        run([PY, "-m", "extractor", "extract", str(source), "-o", str(pred_dir / f"{article['id']}.csv")])
    done = run([PY, str(SHARED / "score_articles.py"), str(gold), str(pred_dir)])
    (OUT / "seed_report.txt").write_text(done.stdout)
    res = last_json(done.stdout)
    return [
        ("seed article", "date recall", f"{res['date_recall']:.3f}"),
        ("seed article", "date + actor recall", f"{res['full_recall']:.3f}"),
        ("seed article", "event type accuracy", f"{res['type_acc']:.3f}"),
        ("seed article", "dates taken from forbidden words", str(res["forbidden"])),
        ("seed article", "rows / gold events", f"{res['rows']} / {res['events']}"),
    ]


def timex(gold: Path) -> list[tuple[str, str, str]]:
    """TempEval-3 TBAQ: spans, types and TIMEX3 values."""
    pred = OUT / "tbaq_pred.jsonl"
    started = time.perf_counter()
    run([PY, "-m", "extractor", "timex", str(gold), "-o", str(pred)])
    seconds = time.perf_counter() - started
    done = run([PY, str(SHARED / "score_timex.py"), str(gold), str(pred), "--json"])
    (OUT / "timex_report.txt").write_text(done.stdout)
    res = last_json(done.stdout)
    name = "TempEval-3 TBAQ"
    return [
        (name, "strict span F1", f"{100 * res['strict']['f1']:.1f}"),
        (name, "relaxed span F1", f"{100 * res['relaxed']['f1']:.1f}"),
        (name, "type F1", f"{100 * res['type']['f1']:.1f}"),
        (name, "value F1", f"{100 * res['value']['f1']:.1f}"),
        (name, "DATE value accuracy", f"{100 * res['date_value_accuracy']:.1f}"),
        (name, "command time incl. start-up (s)", f"{seconds:.1f}"),
    ]


def events(gold: Path) -> list[tuple[str, str, str]]:
    """ACLED/UCDP coded events: each gold text is fed as an article with its id and publication date."""
    corpus = OUT / "events_corpus.jsonl"
    with gold.open(encoding="utf-8") as src, corpus.open("w", encoding="utf-8") as dst:
        for line in src:
            g = json.loads(line)
            dst.write(json.dumps({"id": g["id"], "text": g["text"], "published": g["published"]}) + "\n")
    raw = OUT / "events_pred_raw.csv"
    run([PY, "-m", "extractor", "extract", str(corpus), "-o", str(raw)])
    pred = OUT / "events_pred.csv"
    with raw.open(encoding="utf-8", newline="") as src, pred.open("w", encoding="utf-8", newline="") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=["id", *reader.fieldnames])
        writer.writeheader()
        for row in reader:
            writer.writerow({"id": row["article_id"], **row})
    done = run([PY, str(SHARED / "score_events.py"), str(gold), str(pred), "--json"])
    (OUT / "events_report.txt").write_text(done.stdout)
    res = last_json(done.stdout)["all"]
    name = "events dev (ACLED+UCDP)"
    label = {"coverage": "coverage", "date_exact": "date exact", "actor1": "actor1 recall",
             "actor2": "actor2 recall", "event_type": "event type accuracy", "location": "location (name/50 km)",
             "fatalities_exact_pos": "fatalities exact, gold>0"}
    rows = [(name, text, f"{100 * res[key]['score']:.1f}") for key, text in label.items()
            if res[key]["score"] is not None]
    by_source = last_json(done.stdout)["by_source"]
    for source in ("acled", "ucdp"):
        if source in by_source:
            rows.append((name, f"date exact, {source}", f"{100 * by_source[source]['date_exact']['score']:.1f}"))
    return rows


def main() -> int:
    global SHARED
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder of the gold sets and scorers")
    args = parser.parse_args()
    SHARED = args.shared
    if not SHARED.is_dir():
        raise SystemExit(f"no gold sets at {SHARED}: make eval reads ../shared/eval beside the repository")
    OUT.mkdir(parents=True, exist_ok=True)
    lock = open(OUT / ".lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)  # two evals at once would overwrite each other's predictions
    rows = [*seed(SHARED / "articles" / "seed_gold.json"), *timex(SHARED / "timex" / "tbaq.jsonl"),
            *events(SHARED / "events" / "dev.jsonl")]
    width = max(len(r[0]) for r in rows), max(len(r[1]) for r in rows)
    print(f"{'set':{width[0]}}  {'measure':{width[1]}}  value")
    print(f"{'-' * width[0]}  {'-' * width[1]}  -----")
    for set_name, measure, value in rows:
        print(f"{set_name:{width[0]}}  {measure:{width[1]}}  {value}")
    print(f"\nfull scorer reports: {OUT.relative_to(ROOT)}/*_report.txt"
          "\nACLED data: Raleigh et al. 2010, JPR 47(5); UCDP GED: Sundberg & Melander 2013, JPR 50(4); "
          "TempEval-3: UzZaman et al. 2013.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
