#!/usr/bin/env python3
"""Scale and robustness figures of ``qfacts extract``: one huge text file and a folder of many small files.

usage: python bench/bench_scale.py [--megabytes 20] [--files 10000] [--bad-percent 1] [--jobs 1] [--only big|folder]

Both inputs are generated in a temporary folder from invented news sentences (no corpus text), then run through
the installed CLI in a child process whose peak resident memory is read with ``os.wait4``.

* big: a text file of ``--megabytes`` MB in paragraphs. Prints seconds, MB/s, entities, peak RSS, and the peak
  RSS of the same command on a 1 MB file for comparison; checks that every offset indexes the whole text.
* folder: ``--files`` text files of which ``--bad-percent`` are unreadable (binary, not UTF-8); prints files/s
  and peak RSS and checks that every good file has its record, every bad one is named on stderr, exit code 1.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ORGS = ["Norwel Dynamics", "Carrow Institute of Technology", "Belmint Holdings", "Quillan Energy Corp",
        "the Vesta Research Foundation", "Hartwick University", "Orrin Logistics Ltd", "Tamsin Bank"]
PLACES = ["Seoul", "Lyon", "Nairobi", "Ohio", "Brazil", "Osaka", "Toronto", "Poland"]
DEALS = ["a memorandum of understanding", "a joint venture", "a partnership agreement", "a licensing deal",
         "a letter of intent", "a joint research agreement", "a pilot project", "a supply contract"]
DATES = ["on Friday", "last week", "on 3 March 2024", "in November 2023", "next month", "on Tuesday",
         "in the second quarter", "earlier this year"]
FILLER = ["Analysts said the move was expected.", "Shares rose 2 percent in early trading.",
          "The details were not disclosed.", "Officials declined to comment further.",
          "The plan still needs approval from regulators."]


def paragraph(rng: random.Random) -> str:
    a, b = rng.sample(ORGS, 2)
    sentences = [f"{a} signed {rng.choice(DEALS)} with {b} in {rng.choice(PLACES)} {rng.choice(DATES)}.",
                 rng.choice(FILLER),
                 f"{b} said the work would start in {rng.choice(PLACES)} {rng.choice(DATES)}.",
                 rng.choice(FILLER)]
    return " ".join(sentences)


def article(rng: random.Random, paragraphs: int) -> str:
    return "\n\n".join(paragraph(rng) for _ in range(paragraphs)) + "\n"


def write_big(path: Path, megabytes: float, rng: random.Random) -> str:
    target = int(megabytes * 1_000_000)
    parts, size = [], 0
    while size < target:
        piece = paragraph(rng) + "\n\n"
        parts.append(piece)
        size += len(piece)
    text = "".join(parts)
    path.write_text(text, encoding="utf-8")
    return text


def run(args: list[str], stdout_path: Path) -> tuple[int, float, int, str]:
    """Exit code, seconds, peak RSS (MB) and stderr of ``python -m qfacts ARGS`` writing stdout to a file."""
    env = {**os.environ, "NO_COLOR": "1"}
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "qfacts", *args], stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return proc.returncode, seconds, usage.ru_maxrss // 1024, err.read().decode("utf-8", "replace")


def bench_big(tmp: Path, megabytes: float, jobs: int, rng: random.Random) -> bool:
    small = tmp / "small.txt"
    write_big(small, 1, rng)
    code, _, small_rss, _ = run(["extract", "--format", "jsonl", "--quiet", str(small)], tmp / "small.jsonl")
    big = tmp / "big.txt"
    text = write_big(big, megabytes, rng)
    out = tmp / "big.jsonl"
    code, seconds, rss, err = run(["extract", "--format", "jsonl", "--quiet", "--jobs", str(jobs), str(big)], out)
    (record,) = [json.loads(line) for line in out.open(encoding="utf-8")]
    entities = record["entities"]
    offsets_ok = all(text[e["start"]:e["end"]] == e["text"] for e in entities) and all(
        text[f["start"]:f["end"]] == f["sentence"] for f in record["agreements"])
    size_mb = len(text.encode("utf-8")) / 1e6
    print(f"big file    {size_mb:.1f} MB, {len(text):,} characters: exit {code}, {seconds:.1f} s, "
          f"{size_mb / seconds:.2f} MB/s")
    print(f"            {len(entities):,} entities, {len(record['agreements']):,} facts, "
          f"last entity at offset {max((e['end'] for e in entities), default=0):,}; offsets exact: {offsets_ok}")
    print(f"            peak RSS {rss} MB (1 MB file: {small_rss} MB); output {out.stat().st_size / 1e6:.1f} MB")
    if err.strip():
        print(f"            stderr: {err.strip()[:300]}")
    return code == 0 and offsets_ok


def bench_folder(tmp: Path, files: int, bad_percent: float, jobs: int, rng: random.Random) -> bool:
    folder = tmp / "folder"
    folder.mkdir()
    n_bad = max(1, round(files * bad_percent / 100)) if bad_percent > 0 else 0
    bad = set(rng.sample(range(files), n_bad))
    good_ids, bad_ids = [], []
    for i in range(files):
        path = folder / f"{i // 1000:02d}" / f"doc{i:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        if i in bad:
            path.write_bytes(b"\x00\x01binary" if i % 2 else "caf\u00e9 deal".encode("latin-1"))
            bad_ids.append(str(path))
        else:
            path.write_text(article(rng, rng.randint(1, 4)), encoding="utf-8")
            good_ids.append(str(path))
    out = tmp / "folder.jsonl"
    code, seconds, rss, err = run(["extract", "--format", "jsonl", "--quiet", "--jobs", str(jobs), str(folder)],
                                  out)
    ids = [json.loads(line)["id"] for line in out.open(encoding="utf-8")]
    named = [line for line in err.splitlines() if line.startswith("qfacts: error: ")]
    all_good = ids == sorted(good_ids, key=lambda p: Path(p).relative_to(folder).parts)
    all_bad_named = sorted(line.split(": ")[2] for line in named) == sorted(bad_ids) and len(named) == len(bad_ids)
    print(f"folder      {files:,} files ({n_bad} unreadable), --jobs {jobs}: exit {code}, {seconds:.1f} s, "
          f"{files / seconds:,.0f} files/s, peak RSS {rss} MB")
    print(f"            records {len(ids):,} (every good file, in order: {all_good}); errors named {len(named)} "
          f"(every bad file, once: {all_bad_named})")
    return code == 1 and all_good and all_bad_named


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--megabytes", type=float, default=20)
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--bad-percent", type=float, default=1)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--only", choices=("big", "folder"))
    args = ap.parse_args()
    rng = random.Random(6)
    ok = True
    with tempfile.TemporaryDirectory(prefix="qfacts-bench-") as tmp:
        if args.only in (None, "big"):
            ok &= bench_big(Path(tmp), args.megabytes, args.jobs, rng)
        if args.only in (None, "folder"):
            ok &= bench_folder(Path(tmp), args.files, args.bad_percent, args.jobs, rng)
    print("checks      " + ("all passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
