"""Command line: `python -m extractor {extract,ingest} ...`.

Exit status: 0 all good, 1 some articles rejected (the good ones are still
processed), 2 usage error. Rejects go to stderr as one coded line each.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import pandas as pd

from . import schema
from .errors import ConflictTimelineError, UsageError
from .ingest import Reject, load
from .store import DEFAULT_STORE, Store


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date: use YYYY-MM-DD, e.g. 2021-06-19") from None


def _report(reject: Reject) -> None:
    print(f"rejected: {reject.message}", file=sys.stderr)


def write_events(frame: pd.DataFrame, out: str | None) -> None:
    """Write the events table by the output's extension (.csv, .jsonl, .parquet); CSV to stdout without -o."""
    if out is None:
        frame.to_csv(sys.stdout, index=False)
        return
    path = Path(out)
    suffix = path.suffix.lower()
    writers = {
        ".csv": lambda: frame.to_csv(path, index=False),
        ".jsonl": lambda: _iso_dates(frame).to_json(path, orient="records", lines=True, force_ascii=False),
        ".parquet": lambda: frame.to_parquet(path, index=False),
    }
    if suffix not in writers:
        raise UsageError("E040", path=out)
    path.parent.mkdir(parents=True, exist_ok=True)
    writers[suffix]()


def _iso_dates(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in schema.DATE_COLUMNS:
        out[column] = out[column].map(lambda d: d.isoformat() if d is not None and d is not pd.NA else None)
    return out


def cmd_extract(args: argparse.Namespace) -> int:
    if args.output and Path(args.output).suffix.lower() not in (".csv", ".jsonl", ".parquet"):
        raise UsageError("E040", path=args.output)
    from .pipeline import extract_paths

    batch = extract_paths(args.paths, args.published)
    for reject in batch.rejects:
        _report(reject)
    write_events(batch.frame(), args.output)
    print(f"{batch.articles} articles, {len(batch.records)} events, {len(batch.rejects)} rejected",
          file=sys.stderr)
    return 1 if batch.rejects else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .pipeline import process

    stored = skipped = events = 0
    rejects: list[Reject] = []
    with Store(args.store) as store:
        def fresh(items):
            """Skip articles already stored before running the pipeline on them: resuming is cheap."""
            nonlocal skipped
            for item in items:
                if not isinstance(item, Reject) and not args.reextract and store.has_article(item.content_hash):
                    skipped += 1
                    continue
                yield item

        for result in tqdm(process(fresh(load(args.paths, args.published))), desc="ingest", unit="article",
                           disable=None, file=sys.stderr):
            if isinstance(result, Reject):
                rejects.append(result)
                store.add_reject(result.path, result.code, result.message)
                _report(result)
                continue
            article, records = result
            try:
                if store.add(article, schema.from_records(records), replace=args.reextract):
                    stored += 1
                    events += len(records)
                else:
                    skipped += 1
            except ConflictTimelineError as error:
                reject = Reject(article.path or article.id, error.code, str(error))
                rejects.append(reject)
                store.add_reject(reject.path, reject.code, reject.message)
                _report(reject)
    print(f"stored {stored} articles ({events} events) in {args.store}; {skipped} already stored; "
          f"{len(rejects)} rejected", file=sys.stderr)
    return 1 if rejects else 0


def cmd_timex(args: argparse.Namespace) -> int:
    """Tag time expressions of TempEval-style JSONL documents (doc, dct, text) with TIMEX3 values."""
    import json

    from .normalize import resolve_text

    bad = 0
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        with open(args.input, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    doc = json.loads(line)
                    dct = dt.date.fromisoformat(str(doc["dct"])[:10])
                    text = doc["text"]
                except (ValueError, KeyError, TypeError) as exc:
                    print(f"rejected: {args.input}:{number}: needs doc, dct (YYYY-MM-DD) and text ({exc})",
                          file=sys.stderr)
                    bad += 1
                    continue
                timexes = [{"start": m.start, "end": m.end, "text": text[m.start:m.end], "type": m.type,
                            "value": m.value} for m in resolve_text(text, dct, doc.get("lang", "en"))
                           if m.value is not None]
                out.write(json.dumps({"doc": doc.get("doc"), "dct": dct.isoformat(), "timexes": timexes},
                                     ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if bad else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m extractor",
                                     description="Turn news articles into a table of dated conflict events.")
    sub = parser.add_subparsers(dest="command", required=True)

    paths_help = ("article files (.txt/.md with optional front matter), folders (read recursively) "
                  "or .jsonl corpora (one article per line: id, text, published, optional title, lang)")
    extract = sub.add_parser("extract", help="write the events table of some articles",
                             description="Extract events and write the events table (CSV to stdout without -o).")
    extract.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    extract.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                         help="publication date for articles that state none")
    extract.add_argument("-o", "--output", metavar="OUT", help="output file: .csv, .jsonl or .parquet")
    extract.set_defaults(func=cmd_extract)

    ingest = sub.add_parser("ingest", help="store articles and their events in the DuckDB store",
                            description="Store articles and events; an article already stored (same content "
                                        "hash) is skipped, so an interrupted ingest resumes by running it again.")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    ingest.add_argument("--store", default=str(DEFAULT_STORE), metavar="PATH",
                        help=f"DuckDB file (default: {DEFAULT_STORE})")
    ingest.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                        help="publication date for articles that state none")
    ingest.add_argument("--reextract", action="store_true",
                        help="extract articles stored already again and replace their events (after an upgrade)")
    ingest.set_defaults(func=cmd_ingest)

    tag = sub.add_parser("timex", help="tag time expressions of JSONL documents (TempEval format)",
                         description="Read JSONL documents (doc, dct, text) and write them with predicted "
                                     "timexes (start, end, type, value).")
    tag.add_argument("input", metavar="IN.jsonl")
    tag.add_argument("-o", "--output", metavar="OUT.jsonl", help="output file (default: stdout)")
    tag.set_defaults(func=cmd_timex)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ConflictTimelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
