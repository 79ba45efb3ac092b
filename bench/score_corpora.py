#!/usr/bin/env python3
"""Score qfacts on the shared dev corpora with shared/eval/score.py.

usage: python bench/score_corpora.py [CORPUS_NAME ...] [--errors N] [--model NAME]

Writes predictions to out/<corpus>.pred.jsonl (git-ignored) and prints the scorer's table for each corpus.
The corpora live in ../shared beside the repository; they are research-only data and are never copied here.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", help="corpus folder names (default: all)")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    if not (SHARED / "corpora").is_dir():
        print(f"no corpora at {SHARED / 'corpora'}: nothing to score", file=sys.stderr)
        return 0
    import qfacts

    nlp = qfacts.build_pipeline(args.model)
    out_dir = ROOT / "out"
    out_dir.mkdir(exist_ok=True)
    golds = sorted((SHARED / "corpora").glob("*/*.jsonl"))
    for gold in golds:
        if args.corpora and gold.parent.name not in args.corpora:
            continue
        records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
        docs = [qfacts.Document(id=r["id"], text=r["text"], reference_date=r.get("reference_date"),
                                reference_date_source="record") for r in records]
        t0 = time.perf_counter()
        results = list(qfacts.extract_documents(docs, nlp=nlp))
        dt = time.perf_counter() - t0
        pred = out_dir / f"{gold.stem}.pred.jsonl"
        with pred.open("w", encoding="utf-8") as f:
            for rec in results:
                f.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
        print(f"== {gold.parent.name}/{gold.name}  ({len(records)} docs, {dt:.2f} s)")
        cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(pred)]
        if args.errors:
            cmd += ["--errors", str(args.errors)]
        sys.stdout.write(subprocess.run(cmd, capture_output=True, text=True).stdout)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
