"""`make bench`: throughput, peak memory and dashboard latency at growing sizes.

Every figure is measured in this run, next to its baseline measured in the same
run on the same texts, so ratios hold on a noisy machine:
- the time-expression tagger against dateparser's `search_dates` (languages=['en'],
  RELATIVE_BASE = the document date) on the TempEval-3 TBAQ texts;
- the whole pipeline (one core, one process) on corpora of growing size, each in a
  fresh subprocess so its peak memory (max RSS) is its own;
- the dashboard's query, figure and CSV export on stores of growing size.
Texts come from ../shared/eval (read only) and the seeds; nothing is written to the repository.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))


def words(text: str) -> int:
    return len(text.split())


def load_texts() -> list[dict]:
    """News texts with their dates: TBAQ documents, then the events set's notes and headlines."""
    docs = []
    with open(SHARED / "timex" / "tbaq.jsonl", encoding="utf-8") as handle:
        for line in handle:
            d = json.loads(line)
            docs.append({"id": d["doc"], "text": d["text"], "published": d["dct"]})
    with open(SHARED / "events" / "dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            d = json.loads(line)
            docs.append({"id": d["id"], "text": d["text"], "published": d["published"]})
    return docs


# ---------------------------------------------------------------- timex vs dateparser

def bench_timex(docs: list[dict]) -> list[str]:
    from extractor.normalize import resolve_text

    tbaq = [d for d in docs if not d["id"].startswith(("acled-", "ucdp-"))]
    total = sum(words(d["text"]) for d in tbaq)
    resolve_text("warm up on Saturday", dt.date(2021, 6, 19))  # load the grammar outside the clock
    started = time.perf_counter()
    found = sum(len(resolve_text(d["text"], dt.date.fromisoformat(d["published"]))) for d in tbaq)
    ours = time.perf_counter() - started

    from dateparser.search import search_dates

    search_dates("warm up on Saturday", languages=["en"])
    started = time.perf_counter()
    theirs_found = 0
    for d in tbaq:
        base = dt.datetime.fromisoformat(d["published"])
        theirs_found += len(search_dates(d["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or [])
    theirs = time.perf_counter() - started
    ours_peak = _peak_mib(lambda: [resolve_text(d["text"], dt.date.fromisoformat(d["published"])) for d in tbaq])
    theirs_peak = _peak_mib(lambda: [search_dates(d["text"], languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.fromisoformat(d["published"])}) for d in tbaq])
    return [
        f"timex tagger (this project)    {total / ours:>12,.0f} words/s  {len(tbaq)} TBAQ docs, {total:,} words, "
        f"{found} expressions, {ours:.2f} s, peak {ours_peak:.1f} MiB allocated",
        f"dateparser.search_dates        {total / theirs:>12,.0f} words/s  same texts, {theirs_found} hits, "
        f"{theirs:.2f} s, peak {theirs_peak:.1f} MiB allocated",
        f"ratio (tagger / dateparser)    {theirs / ours:>12.1f}x",
    ]


def _peak_mib(work) -> float:
    """Peak Python memory a piece of work allocates (tracemalloc; measured apart from the timed run)."""
    import tracemalloc

    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


# ---------------------------------------------------------------- pipeline, one subprocess per size

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from extractor.pipeline import extract_paths
import extractor.pipeline  # import cost outside the clock
from extractor.timex import grammar; grammar("en")
started = time.perf_counter()
batch = extract_paths([sys.argv[2]])
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "articles": batch.articles, "events": len(batch.records),
                  "rejects": len(batch.rejects), "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _run_child(corpus: Path) -> dict:
    """The CHILD script's figures on one corpus, in a fresh process."""
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(corpus)], capture_output=True,
                          text=True, check=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_pipeline(docs: list[dict], sizes: list[int]) -> list[str]:
    """Words/s at each size (everything `extract_paths` does, loading included), after the
    start-up alone: one article, whose time is almost all loading lexicons, model and gazetteer."""
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in [1, *sizes]:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            chosen = [dict(docs[i % len(docs)], id=f"{docs[i % len(docs)]['id']}#{i}") for i in range(size)]
            corpus.write_text("\n".join(json.dumps(d) for d in chosen), encoding="utf-8")
            total = sum(words(d["text"]) for d in chosen)
            r = _run_child(corpus)
            if size == 1:
                lines.append(f"pipeline start-up (1 article, {total} words: loading lexicons, model, gazetteer) "
                             f"{r['seconds']:.2f} s")
                continue
            lines.append(f"pipeline {size:>6} articles {total:>9,} words  {total / r['seconds']:>9,.0f} words/s  "
                         f"{r['articles'] / r['seconds']:>7,.1f} articles/s  {r['events']:>7,} events  "
                         f"peak RSS {r['maxrss_kb'] / 1024:>6,.0f} MiB")
    return lines


# ---------------------------------------------------------------- dashboard

def bench_dashboard(sizes: list[int]) -> list[str]:
    """Query + figure + export latency of the dashboard's pure functions on stores of growing size."""
    import pandas as pd

    from dashboard import export, figures, queries
    from extractor import schema
    from extractor.article import Article
    from extractor.pipeline import extract_paths
    from extractor.store import Store

    base = extract_paths([str(ROOT / "seeds")]).frame()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            reps = -(-size // len(base))
            frames = []
            for k in range(reps):
                part = base.copy()
                part["event_id"] = part["event_id"] + f"#{k}"
                part["article_id"] = part["article_id"] + f"#{k % 50}"
                shift = pd.Timedelta(days=k % 3650)
                for col in ("date", "date_end"):
                    part[col] = [d - shift.to_pytimedelta() if d is not None else None for d in part[col].tolist()]
                frames.append(part)
            events = schema.conform(pd.concat(frames, ignore_index=True).head(size))
            path = Path(tmp) / f"store-{size}.duckdb"
            with Store(path) as store:
                store.add(Article(id=f"bench-{size}", text="bench", published=dt.date(2021, 6, 19)), events)
            started = time.perf_counter()
            rows = queries.filtered_events(path, queries.Filters())
            queried = time.perf_counter()
            figures.timeline_figure(rows)
            drawn = time.perf_counter()
            export.to_csv(rows)
            exported = time.perf_counter()
            lines.append(f"dashboard {size:>7,} events  query {1000 * (queried - started):>7.0f} ms  "
                         f"figure {1000 * (drawn - queried):>7.0f} ms  export {1000 * (exported - drawn):>7.0f} ms")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000", help="corpus sizes in articles")
    parser.add_argument("--dashboard-sizes", default="1000,10000,100000", help="store sizes in events")
    args = parser.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"no texts at {SHARED}: make bench reads ../shared/eval beside the repository")
    docs = load_texts()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; one process, one core\n")
    for line in bench_timex(docs):
        print(line)
    print()
    for line in bench_pipeline(docs, [int(s) for s in args.sizes.split(",")]):
        print(line)
    print()
    for line in bench_dashboard([int(s) for s in args.dashboard_sizes.split(",")]):
        print(line)
    print(f"\nbench process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
