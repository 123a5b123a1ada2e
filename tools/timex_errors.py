"""Sort the tagger's TempEval-3 errors by kind and bound what rules could still gain.

`make eval` prints the scores; this says where the rest goes. Every gold timex
the tagger gets wrong falls in one kind: missed, or a wrong value of a kind
below. Some kinds are gold values no reading of the text and its creation date
can give (a week left as "WXX" though the text says "last week", a weekday
dated a week before the DCT allows, "2000-W7" for ISO "2000-W07"); one is the
issue's own convention ("Saturday night" is TIME ...TNI, where TBAQ often tags
only "Saturday" as a DATE). The last lines bound value F1: every other error
fixed and every missed timex found with its gold value.

    python tools/timex_errors.py [GOLD.jsonl] [PRED.jsonl] [--examples N]
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")

# kinds whose gold value the text and the document date cannot give, or that the issue itself settles
OUT_OF_REACH = ("gold leaves unspecified what the text fixes", "gold weekday is off its document date",
                "gold day is not the weekday named", "gold ISO week unpadded",
                "part of day kept (issue: Saturday night is TNI)")


def _scorer():
    """The shared scorer's one-to-one relaxed pairing, so kinds add up to its counts."""
    spec = importlib.util.spec_from_file_location("score_timex", SHARED / "score_timex.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_timex"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def _day(value: str) -> dt.date | None:
    m = DAY.match(value)
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None


def _named_weekday(text: str) -> int | None:
    words = re.findall(r"[a-z]+", text.lower())
    named = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    return named[0] if len(named) == 1 else None


def kind(gold: dict, pred: dict, dct: dt.date) -> str:
    """The kind of one wrong value."""
    g, p = gold["value"], pred["value"]
    if "X" in g and not g.startswith("P") and "X" not in p and len(p) >= 2 and g.split("X")[0].rstrip("-").startswith(
            p[:len(g.split("X")[0].rstrip("-"))]):
        return "gold leaves unspecified what the text fixes"
    if re.search(r"-W\d$", g):
        return "gold ISO week unpadded"
    if re.fullmatch(r".*T(NI|MO|AF|EV)", p) and g == p.rsplit("T", 1)[0]:
        return "part of day kept (issue: Saturday night is TNI)"
    day, weekday = _day(g), _named_weekday(gold["text"])
    if day is not None and weekday is not None:
        if day.weekday() != weekday:
            return "gold day is not the weekday named"
        if abs((day - dct).days) >= 7:
            return "gold weekday is off its document date"
    if gold["type"] != pred["type"]:
        return f"type {gold['type']} read as {pred['type']}"
    if g[:4].isdigit() and p[:4].isdigit():
        if g[4:] == p[4:]:
            return "right period, wrong year"
        if g[:4] == p[:4] and len(g) == len(p):
            return "right year, wrong month, week or day"
        if g.startswith(p) or p.startswith(g):
            return "right period, other granularity"
    return "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(SHARED / "timex" / "tbaq.jsonl"))
    parser.add_argument("pred", nargs="?", default=str(ROOT / "out" / "eval" / "tbaq_pred.jsonl"))
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)
    scorer = _scorer()
    try:
        gold_docs = scorer.load_jsonl(args.gold, gold=True)
        pred_docs = scorer.load_jsonl(args.pred, gold=False)
    except scorer.InputError as exc:  # the scorer's own message names the file and line
        print(f"error: {exc}", file=sys.stderr)
        return 2
    kinds: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    correct = predicted = 0
    gold_total = sum(len(d["timexes"]) for d in gold_docs.values())
    for name, g_doc in gold_docs.items():
        gold, pred = g_doc["timexes"], (pred_docs.get(name) or {"timexes": []})["timexes"]
        predicted += len(pred)
        dct = dt.date.fromisoformat(g_doc["dct"])
        paired = scorer.relaxed_pairs(gold, pred)
        for gi, pi in paired:
            if gold[gi]["value"] == pred[pi]["value"]:
                correct += 1
                continue
            k = kind(gold[gi], pred[pi], dct)
            kinds[k] += 1
            examples[k].append(f"{gold[gi]['text']!r} {gold[gi]['value']} <- {pred[pi]['value']} ({name})")
        for gi in sorted(set(range(len(gold))) - {g for g, _ in paired}):
            kinds["missed"] += 1
            examples["missed"].append(f"{gold[gi]['text']!r} {gold[gi]['value']} ({name})")
        kinds["spurious (no gold timex there)"] += len(pred) - len(paired)
    f1 = 2 * correct / (predicted + gold_total)
    print(f"gold {gold_total}  predicted {predicted}  value correct {correct}  value F1 {100 * f1:.2f}")
    for k, n in kinds.most_common():
        mark = "  (out of reach)" if k in OUT_OF_REACH else ""
        print(f"{n:5d}  {k}{mark}")
        for line in examples[k][:args.examples]:
            print(f"         {line}")
    reachable = sum(n for k, n in kinds.items() if k not in OUT_OF_REACH and k != "missed"
                    and not k.startswith("spurious"))
    bound = 2 * (correct + reachable + kinds["missed"]) / (predicted + kinds["missed"] + gold_total)
    print(f"value F1 if every other wrong value were fixed and every missed timex found with its gold value: "
          f"{100 * bound:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
