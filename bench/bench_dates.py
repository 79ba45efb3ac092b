#!/usr/bin/env python3
"""Throughput of qfacts.dates.find_dates on the TempEval-3 TBAQ texts (words/s, docs/s).

usage: bench/bench_dates.py [--repeat N]

Skips with a message when ``<repo>/../shared`` is absent.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "tempeval3-tbaq" / "tbaq.jsonl"
sys.path.insert(0, str(REPO / "src"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5, help="timed passes; the best one is reported")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return 0
    from qfacts.dates import find_dates

    docs = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
    items = [(d["text"], dt.date.fromisoformat(d["reference_date"][:10])) for d in docs]
    words = sum(len(t.split()) for t, _ in items)
    find_dates(items[0][0], items[0][1])  # warm-up (lexicon and regex compiled at import already)
    best, n = float("inf"), 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        n = sum(len(find_dates(t, r)) for t, r in items)
        best = min(best, time.perf_counter() - t0)
    print(f"find_dates: {len(items)} docs, {words} words, {n} mentions in {best:.3f} s "
          f"-> {words / best:,.0f} words/s, {len(items) / best:,.0f} docs/s (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
