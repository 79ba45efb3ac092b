#!/usr/bin/env python3
"""Whole-process ``qfacts extract`` against spaCy's en_core_web_sm doing the same job, in one run.

usage: python bench/bench_process_spacy.py [--docs 120] [--runs 3] [--corpus PATH] [--venv DIR] [--no-install]

Both read the first ``--docs`` documents of a shared corpus (TempEval-3 TBAQ by default) from one JSON Lines file
and write one JSON line per document, each as a new process on one core, so that the figures include
interpreter start-up, imports and model or data loading, as a user running the command pays them:

* qfacts: ``python -m qfacts extract --format jsonl -q CORPUS -o OUT``;
* spaCy: ``bench/spacy_sm_runner.py`` with en_core_web_sm (its ORG/GPE/LOC entities), in the benchmark's own
  virtual environment (bench/.venv-spacy-sm, git-ignored; created as by compare_spacy.py when absent).

The two commands run alternately ``--runs`` times; the best wall-clock and CPU (user + system) time of each is
printed with the ratio spaCy / qfacts, and the machine's load average. The corpus text is copied to a temporary
folder only. Skips with a message when ``../shared`` is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "tempeval3-tbaq" / "tbaq.jsonl"
sys.path.insert(0, str(ROOT / "bench"))


def one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU time (user + system) of one run of ``argv`` (which must exit 0)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, preexec_fn=one_core)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode(errors='replace')}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--venv", default=str(ROOT / "bench" / ".venv-spacy-sm"))
    ap.add_argument("--no-install", action="store_true", help="fail rather than install the model")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"bench: {corpus}: no such corpus (../shared is absent?)", file=sys.stderr)
        return 0
    from compare_spacy import MODEL, ensure_model

    spacy_py = ensure_model(Path(args.venv), not args.no_install)
    lines = [line for line in corpus.open(encoding="utf-8") if line.strip()][:args.docs]
    env = {**os.environ, "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        sample.write_text("".join(lines), encoding="utf-8")
        commands = {
            "qfacts extract": [sys.executable, "-m", "qfacts", "extract", "--format", "jsonl", "-q", str(sample),
                               "-o", str(Path(tmp) / "qfacts.jsonl")],
            "en_core_web_sm": [str(spacy_py), str(ROOT / "bench" / "spacy_sm_runner.py"), MODEL, str(sample),
                               str(Path(tmp) / "spacy.jsonl")],
        }
        best = {name: (float("inf"), float("inf")) for name in commands}
        for _ in range(args.runs):
            for name, argv in commands.items():
                wall, cpu = timed(argv, env)
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
        records = sum(1 for _ in (Path(tmp) / "qfacts.jsonl").open(encoding="utf-8"))
    chars = sum(len(json.loads(line)["text"]) for line in lines)
    print(f"{len(lines)} documents of {corpus.name} ({chars:,} characters), whole process on one core, "
          f"best of {args.runs} (qfacts wrote {records} records)")
    print(f"{'':<16}  {'wall':>8}  {'CPU':>8}")
    for name, (wall, cpu) in best.items():
        print(f"{name:<16}  {wall:7.2f}s  {cpu:7.2f}s")
    q, s = best["qfacts extract"], best["en_core_web_sm"]
    print(f"{'spaCy / qfacts':<16}  {s[0] / q[0]:7.2f}x  {s[1] / q[1]:7.2f}x   (issue 15 asks for 6x or more)")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
