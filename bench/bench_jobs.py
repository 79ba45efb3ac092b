#!/usr/bin/env python3
"""Throughput of ``qfacts extract --jobs N``: tokens/s of the whole command for each N on the same corpus.

usage: python bench/bench_jobs.py [CORPUS.jsonl] [--jobs 1 2] [--repeat 3]

Each run is the installed command in a child process (``python -m qfacts extract --format jsonl --quiet --jobs N
CORPUS``), timed from start to exit, so interpreter start, pipeline build and worker start are included; the
best of ``--repeat`` runs is printed, with the time of a run on an empty corpus (start-up alone) and the
throughput after it. Every run's output must be byte-identical to the ``--jobs 1`` output (that
is checked and printed too), and the peak memory of the process tree (PSS summed over the parent and its
workers, sampled every 20 ms: pages a forked worker shares with the parent count once; the smallest peak of
the runs). The corpus defaults to the CoNLL-2003 dev file in ../shared; the machine has 2 cores.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "conll2003" / "conll2003-dev.jsonl"


def count_tokens(path: Path) -> tuple[int, int]:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    docs = tokens = 0
    for line in path.open(encoding="utf-8"):
        if line.strip():
            docs += 1
            tokens += len(tokenizer(json.loads(line)["text"]))
    return docs, tokens


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def free_cores_check(n: int = 10_000_000) -> float:
    """Time of two busy loops on two processes over one loop alone: 1.0 with two idle cores, 2.0 with one."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    _burn(n)
    one = time.perf_counter() - start
    with ProcessPoolExecutor(2) as pool:
        pool.submit(int).result()
        start = time.perf_counter()
        list(pool.map(_burn, [n, n]))
        two = time.perf_counter() - start
    return two / one


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for children in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo.extend(int(c) for c in children.read_text().split())
            except OSError:
                pass
    return out


def _memory(pids: list[int]) -> tuple[int, int]:
    """Summed PSS and RSS (kB) of ``pids``: PSS splits pages shared after a fork among their sharers, so its
    sum is the memory the whole run really holds; RSS counts shared pages once per process."""
    pss = rss = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss += int(line.split()[1])
        except OSError:
            pass
    return pss, rss


class _Peak:
    """Samples the memory of a process tree every 20 ms while it runs (Linux only; zeros elsewhere)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.pss, self.rss = pid, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            pss, rss = _memory(_tree(self.pid))
            self.pss, self.rss = max(self.pss, pss), max(self.rss, rss)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def run_once(corpus: Path, jobs: int) -> tuple[float, str, int, int, int]:
    """Seconds, output digest, exit code, and peak summed PSS and RSS (kB) of one run."""
    env = {**os.environ, "NO_COLOR": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "qfacts", "extract", "--format", "jsonl", "--quiet",
                             "--jobs", str(jobs), str(corpus)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)
    peak = _Peak(proc.pid)
    out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    peak.stop()
    return seconds, hashlib.sha256(out).hexdigest(), proc.returncode, peak.pss, peak.rss


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"bench: {corpus}: no such corpus (../shared is absent?)", file=sys.stderr)
        return 0
    docs, tokens = count_tokens(corpus)
    print(f"corpus   {corpus.name}: {docs} documents, {tokens:,} tokens; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}")
    print(f"machine  two busy loops on two processes take {free_cores_check():.2f}x one loop's time "
          f"(1.0: two free cores; 2.0: one, the other busy elsewhere)")
    reference = None
    identical = True
    empty = Path(tempfile.mkdtemp(prefix="qfacts-bench-")) / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    peaks = {}
    for jobs in args.jobs:
        runs = [run_once(corpus, jobs) for _ in range(args.repeat)]
        best = min(run[0] for run in runs)
        fixed = min(run_once(empty, jobs)[0] for _ in range(args.repeat))
        digests = {run[1] for run in runs}
        codes = {run[2] for run in runs}
        pss, rss = min(run[3] for run in runs), min(run[4] for run in runs)
        peaks[jobs] = pss
        reference = reference or next(iter(digests))
        same = digests == {reference}
        identical &= same
        print(f"--jobs {jobs}  {best:6.2f} s  {tokens / best:9,.0f} tokens/s  ({docs / best:,.0f} docs/s; "
              f"exit {sorted(codes)}; output identical to the first: {same})")
        print(f"           start-up alone (empty corpus) {fixed:.2f} s; after it: "
              f"{tokens / max(best - fixed, 1e-9):,.0f} tokens/s")
        if pss:
            print(f"           peak memory of the process tree: PSS {pss / 1024:,.0f} MB (RSS summed over "
                  f"processes {rss / 1024:,.0f} MB)")
    base = peaks.get(1)
    if base:
        for jobs, pss in peaks.items():
            if jobs != 1:
                print(f"memory   --jobs {jobs} peak PSS is {pss / base:.2f}x that of --jobs 1")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
