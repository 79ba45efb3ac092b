#!/usr/bin/env python3
"""Throughput of the default qfacts pipeline: tokens per second on a shared corpus, one process, one core.

usage: python bench/bench_extract.py [CORPUS.jsonl] [--repeat N] [--profile]

Prints, for the tokenizer alone and for the whole extraction (tokenizer, components and record building):
documents, tokens, seconds (best of N runs, wall-clock and CPU time) and tokens/s, and the ratio of the two
times. The corpus defaults to the CoNLL-2003 dev file in
../shared; the figure reported in notes is the best of 3 runs.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "conll2003" / "conll2003-dev.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one extraction run")
    args = ap.parse_args()
    path = Path(args.corpus)
    if not path.exists():
        print(f"bench: {path}: no such corpus (../shared is absent?)", file=sys.stderr)
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    import qfacts

    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    docs = [qfacts.Document(id=r["id"], text=r["text"], reference_date=r.get("reference_date")) for r in records]
    t0 = time.perf_counter()
    nlp = qfacts.build_pipeline()
    build = time.perf_counter() - t0
    n_tokens = sum(len(nlp.make_doc(d.text)) for d in docs)

    def best(fn) -> tuple[float, float]:
        """The best wall-clock and the best CPU time of ``args.repeat`` runs (CPU time is the steadier figure
        on a machine shared with other work)."""
        walls, cpus = [], []
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            fn()
            walls.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        return min(walls), min(cpus)

    tok, tok_cpu = best(lambda: [nlp.make_doc(d.text) for d in docs])
    full, full_cpu = best(lambda: list(qfacts.extract_documents(docs, nlp=nlp)))
    print(f"corpus      {path.name}: {len(docs)} documents, {n_tokens} tokens (best of {args.repeat})")
    print(f"pipeline    {', '.join(nlp.pipe_names)} (built in {build:.2f} s)")
    print(f"tokenizer   {tok:.2f} s  {n_tokens / tok:,.0f} tokens/s   CPU {tok_cpu:.2f} s  "
          f"{n_tokens / tok_cpu:,.0f} tokens/s")
    print(f"extraction  {full:.2f} s  {n_tokens / full:,.0f} tokens/s  ({len(docs) / full:,.0f} docs/s)   "
          f"CPU {full_cpu:.2f} s  {n_tokens / full_cpu:,.0f} tokens/s")
    print(f"ratio       extraction / tokenizer time: {full / tok:.2f} (CPU {full_cpu / tok_cpu:.2f})")
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        list(qfacts.extract_documents(docs, nlp=nlp))
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
