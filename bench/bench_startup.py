#!/usr/bin/env python3
"""Start-up time of the command line, whole process, best of N runs.

usage: python bench/bench_startup.py [--runs N] [--breakdown]

Prints the wall-clock time of
  * ``qfacts --help``, ``qfacts --version`` and ``qfacts schema`` (they should not load spaCy at all);
  * ``qfacts extract`` on one short invented article (about 180 characters), until its record is written and
    the process has ended: the "first record" time;
  * ``python -c "import spacy; spacy.blank('en')"``: the floor any spaCy pipeline pays;
and the ratio first record / spaCy blank (issue 13 asks for 1.3 or less).

``--breakdown`` also times (CPU time), in one fresh process (best of N), the stages of the first record: the command line
(typer, rich, the command modules), ``import spacy`` and ``spacy.blank``, the date grammar (``qfacts.dates``),
the other qfacts modules, each component's construction (``qfacts_places`` builds the place gazetteer) and
the first document itself.

Wall-clock and CPU (user + system) times are both printed: on a machine shared with other work, CPU time is
the steadier of the two.

Every command runs as a new process with this interpreter (``python -m qfacts``), stdout to a pipe, so the
figures include interpreter start-up and imports: what a user waiting on a shell loop sees. The machine's
other load makes single runs noisy: the commands take turns (one run each per round) and the best of N is the
figure to compare.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

ARTICLE = ("SEOUL, May 19 -- Acme Corp signed a memorandum of understanding with the city of Daejeon on "
           "Friday to build a quantum computing centre, the city said in a statement on Monday.\n")


def best_of(runs: int, argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The shortest wall-clock time and the smallest CPU time (user + system) of ``runs`` runs of ``argv``
    (each must exit 0). CPU time is the steadier figure on a machine shared with other work."""
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode(errors='replace')}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, elapsed), min(best_cpu, cpu)
    return best_wall, best_cpu


_STAGES = r"""
import json, sys, time
t = time.process_time  # CPU time of this process: steadier than wall-clock time on a shared machine
marks = []
def mark(name, start):
    marks.append((name, t() - start))
s = t(); import qfacts.cli.application, rich.console, rich.table; mark("command line (typer, rich, qfacts.cli)", s)
s = t(); import spacy; nlp = spacy.blank("en"); mark("import spacy + spacy.blank('en')", s)
s = t(); import qfacts.dates; mark("date grammar (import qfacts.dates)", s)
s = t(); import qfacts.api, qfacts.pipeline, qfacts.io, qfacts.render, qfacts.parallel; mark("other qfacts modules", s)
for name in qfacts.pipeline.COMPONENTS:
    s = t(); nlp.add_pipe(name); mark("build " + name, s)
s = t(); qfacts.api.extract(sys.argv[1], "2025-05-19", nlp=nlp); mark("first document", s)
print(json.dumps(marks))
"""


def breakdown(runs: int, env: dict[str, str]) -> list[tuple[str, float]]:
    """The best time of each stage of a first record over ``runs`` fresh processes."""
    import json

    best: dict[str, float] = {}
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", _STAGES, ARTICLE], stdout=subprocess.PIPE, env=env, check=True)
        for name, seconds in json.loads(proc.stdout):
            best[name] = min(best.get(name, float("inf")), seconds)
    return list(best.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command; the best is printed (default 5)")
    parser.add_argument("--breakdown", action="store_true", help="also time the stages of the first record")
    args = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1"}
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        article = os.path.join(tmp, "short.txt")
        with open(article, "w", encoding="utf-8") as fh:
            fh.write(ARTICLE)
        qfacts = [py, "-m", "qfacts"]
        commands = {
            "qfacts --help": qfacts + ["--help"],
            "qfacts --version": qfacts + ["--version"],
            "qfacts schema": qfacts + ["schema"],
            "qfacts extract (first record)": qfacts + ["extract", "--format", "jsonl", article],
            "spacy.blank('en')": [py, "-c", "import spacy; spacy.blank('en')"],
        }
        # the commands take turns, one run each per round, so that a change in the machine's other load
        # between rounds reaches all of them alike (the ratio is the figure to compare)
        figures = {name: (float("inf"), float("inf")) for name in commands}
        for _ in range(args.runs):
            for name, argv in commands.items():
                wall, cpu = best_of(1, argv, env)
                figures[name] = (min(figures[name][0], wall), min(figures[name][1], cpu))
    width = max(map(len, figures))
    print(f"best of {args.runs} runs, whole process ({len(ARTICLE)}-character article)")
    print(f"{'':<{width}}  {'wall':>7}  {'CPU':>7}")
    for name, (wall, cpu) in figures.items():
        print(f"{name:<{width}}  {wall:6.3f}s  {cpu:6.3f}s")
    first, blank = figures["qfacts extract (first record)"], figures["spacy.blank('en')"]
    print(f"{'ratio first record / spaCy blank':<{width}}  {first[0] / blank[0]:7.2f}  {first[1] / blank[1]:7.2f}"
          "   (target 1.30 or less)")
    if args.breakdown:
        stages = breakdown(args.runs, env)
        width = max(len(name) for name, _ in stages)
        print(f"\nstages of the first record, CPU time in one process (best of {args.runs}):")
        for name, seconds in stages:
            print(f"  {name:<{width}}  {seconds:6.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
