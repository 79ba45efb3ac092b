#!/usr/bin/env python3
"""A Dask LocalCluster run against the local run: identical output? and how long each takes.

usage: python bench/bench_dask.py [CORPUS.jsonl] [--workers 2] [--limit 300]

Starts ``distributed.LocalCluster(n_workers=W, threads_per_worker=1, processes=True)``, then runs the installed
command twice in child processes on the first ``--limit`` records of the corpus: ``qfacts extract --format jsonl``
(local, one process) and ``qfacts extract --format jsonl --scheduler ADDRESS``; prints both times and whether
stdout is byte-identical. Also times :func:`qfacts.distributed.extract_bag` on the same records in this process
and compares its records with the local ones. Needs ``pip install 'qfacts[dask]'``; the corpus defaults to the
CoNLL-2003 dev file in ../shared.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "conll2003" / "conll2003-dev.jsonl"


def run_cli(args: list[str]) -> tuple[float, bytes, bytes, int]:
    env = {**os.environ, "NO_COLOR": "1"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "qfacts", "extract", "--format", "jsonl", "--quiet", *args],
                          capture_output=True, env=env)
    return time.perf_counter() - start, proc.stdout, proc.stderr, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    source = Path(args.corpus)
    if not source.exists():
        print(f"bench: {source}: no such corpus (../shared is absent?)", file=sys.stderr)
        return 0
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        print("bench: dask.distributed is not installed: pip install 'qfacts[dask]'", file=sys.stderr)
        return 0
    from qfacts.distributed import extract_bag

    lines = [line for line in source.open(encoding="utf-8") if line.strip()][: args.limit]
    with tempfile.TemporaryDirectory(prefix="qfacts-dask-") as tmp:
        corpus = Path(tmp) / source.name
        corpus.write_text("".join(lines), encoding="utf-8")
        local_s, local_out, local_err, local_code = run_cli([str(corpus)])
        start = time.perf_counter()
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster, Client(cluster) as client:
            cluster_start = time.perf_counter() - start
            dask_s, dask_out, dask_err, dask_code = run_cli(["--scheduler", cluster.scheduler_address, str(corpus)])
            warm_s, warm_out, _, _ = run_cli(["--scheduler", cluster.scheduler_address, str(corpus)])
            # the same records as the CLI reads them: source PATH:LINE
            rows = [dict(json.loads(line), source=f"{corpus}:{n}") for n, line in enumerate(lines, 1)]
            bag_start = time.perf_counter()
            bag_records = extract_bag(db.from_sequence(rows, npartitions=4 * args.workers)).compute()
            bag_s = time.perf_counter() - bag_start
    local_records = [json.loads(line) for line in local_out.splitlines()]
    cli_same = local_out == dask_out == warm_out and local_err == dask_err and local_code == dask_code
    bag_same = bag_records == local_records
    print(f"corpus     {source.name}: first {len(lines)} records; LocalCluster of {args.workers} worker processes "
          f"x 1 thread (started in {cluster_start:.1f} s)")
    print(f"local      qfacts extract:                        {local_s:6.2f} s, exit {local_code}, "
          f"{len(local_records)} records")
    print(f"dask       qfacts extract --scheduler ADDRESS:    {dask_s:6.2f} s, exit {dask_code} (workers build their "
          f"pipelines); again: {warm_s:.2f} s; output identical to local: {'yes' if cli_same else 'no'}")
    print(f"dask bag   qfacts.distributed.extract_bag(...):   {bag_s:6.2f} s; "
          f"records identical to local: {'yes' if bag_same else 'no'}")
    return 0 if cli_same and bag_same else 1


if __name__ == "__main__":
    sys.exit(main())
