#!/usr/bin/env python3
"""Cost of the shipped parser (qfacts.syntax) on the sentences a facts stage would parse, one process, one core.

usage: python bench/bench_parser.py [CORPUS.jsonl] [--repeat N] [--extract-tokens-per-s F] [--all] [--news]

Runs the default pipeline on the corpus (default: CoNLL-2003 dev in ../shared), takes the facts stage's own
sentence bounds, keeps the sentences that hold an AGREEMENT entity (``--all``: every sentence), and prints:
the parser's load time (in a fresh process), its size on disk, the share of the corpus' tokens in those
sentences, parse_sentences' speed on them (words/s, best of N runs; whitespace tokens not counted as words),
and the extraction speed projected with the parse added to a measured (or given) tokens/s of
bench/bench_extract.py. Each speed is given in wall-clock time and in CPU time (process time), which other
processes on a shared machine disturb less.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "conll2003" / "conll2003-dev.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--extract-tokens-per-s", type=float, default=None,
                    help="bench_extract.py's figure to project from (default: measured here, best of --repeat)")
    ap.add_argument("--all", action="store_true", help="parse every sentence, not only those with an agreement")
    ap.add_argument("--news", action="store_true",
                    help="with skip=markup_tokens and merge=the ORG/PLACE entities, as a facts stage may parse")
    args = ap.parse_args()
    path = Path(args.corpus)
    if not path.exists():
        print(f"bench: {path}: no such corpus (../shared is absent?)", file=sys.stderr)
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    import qfacts
    from qfacts import syntax
    from qfacts.components.common import token_view
    from qfacts.components.facts.sentences import sentence_bounds

    load = subprocess.run([sys.executable, "-c", "import time, qfacts.syntax as s; t = time.perf_counter(); "
                           "s.load_parser(); print(time.perf_counter() - t)"], capture_output=True, text=True,
                          check=True)
    size = sum(f.stat().st_size for f in syntax.model_path().rglob("*") if f.is_file())

    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    docs_in = [qfacts.Document(id=r["id"], text=r["text"], reference_date=r.get("reference_date")) for r in records]
    nlp = qfacts.build_pipeline()
    jobs = []
    total = chosen = 0
    for d in docs_in:
        doc = nlp(d.text)
        total += len(doc)
        bounds = sentence_bounds(doc, token_view(doc))
        if not args.all:
            starts = {e.start for e in doc.ents if e.label_ == "AGREEMENT"}
            bounds = [(s, e) for s, e in bounds if any(s <= i < e for i in starts)]
        if bounds:
            options = {}
            if args.news:
                options = {"skip": syntax.markup_tokens(doc),
                           "merge": [(e.start, e.end) for e in doc.ents if e.label_ in ("ORG", "PLACE")]}
            jobs.append((doc, bounds, options))
            chosen += sum(e - s for s, e in bounds)
    words = sum(1 for doc, bounds, _ in jobs for s, e in bounds for t in doc[s:e] if not t.is_space)
    sentences = sum(len(b) for _, b, _ in jobs)
    syntax.load_parser()

    def best(fn, clock) -> float:
        times = []
        for _ in range(args.repeat):
            t = clock()
            fn()
            times.append(clock() - t)
        return min(times)

    def parse_all():
        return [syntax.parse_sentences(doc, bounds, **options) for doc, bounds, options in jobs]

    parse = best(parse_all, time.perf_counter)
    parse_cpu = best(parse_all, time.process_time)
    if args.extract_tokens_per_s:
        base = base_cpu = args.extract_tokens_per_s
    else:
        base = total / best(lambda: list(qfacts.extract_documents(docs_in, nlp=nlp)), time.perf_counter)
        base_cpu = total / best(lambda: list(qfacts.extract_documents(docs_in, nlp=nlp)), time.process_time)
    projected = total / (total / base + parse)
    projected_cpu = total / (total / base_cpu + parse_cpu)
    print(f"corpus       {path.name}: {len(docs_in)} documents, {total} tokens")
    print(f"parser       {size / 1e6:.1f} MB on disk, loaded in {float(load.stdout):.2f} s (fresh process)")
    print(f"parsed       {sentences} sentences in {len(jobs)} documents ({'all' if args.all else 'with an AGREEMENT'})"
          f": {chosen} tokens = {100 * chosen / max(total, 1):.2f}% of the corpus, {words} words")
    print(f"speed        {parse:.2f} s  {words / parse:,.0f} words/s  ({chosen / parse:,.0f} tokens/s); "
          f"CPU time {parse_cpu:.2f} s  {words / parse_cpu:,.0f} words/s")
    print(f"extraction   {base:,.0f} tokens/s now -> {projected:,.0f} tokens/s with the parse (projected); "
          f"CPU time: {base_cpu:,.0f} -> {projected_cpu:,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
