#!/usr/bin/env python3
"""Pick Reuters-21578 stories for blind annotation (see annotations/README.md), the way reuters-agreements was
chosen: keyword search over ../shared/corpora/reuters-raw, 300-2,500 characters, a quota per kind of agreement
word so that acquisitions stay a minority, stories already in a shared corpus left out. Deterministic (seeded).

usage: python annotations/select_reuters.py [--per-group N] [--seed S] [--exclude BATCH.txt ...]
       (prints one id a line, with its group; --exclude leaves out the ids listed in earlier batch files)

Batches a/b: the defaults (110 ids). Batch c: --seed 20261207 --per-group 4 --exclude annotations/reuters-batch-a.txt
annotations/reuters-batch-b.txt
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GROUPS = {
    "mou": r"memorandum|letter of intent|protocol",
    "joint_venture": r"joint venture",
    "licence": r"licens|licenc|technology transfer",
    "contract": r"\bcontract|supply agreement|\border(s|ed)? for\b",
    "state": r"\baccord\b|\bpact\b|\btreaty\b|cooperation agreement|trade agreement",
    "cooperation": r"cooperat|collaborat|joint research|jointly develop|partnership|alliance",
    "loan": r"\bloan\b|credit facility|syndicat",
    "membership": r"\bjoin(s|ed)?\b.*\b(consortium|association|group|alliance)",
    "acquisition": r"agreed to (acquire|buy|purchase|sell)|definitive agreement|merger agreement",
    "denial": r"\bden(y|ies|ied)\b|rumou?r|called off|terminated|no plans",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-group", type=int, default=11)
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--exclude", nargs="*", default=[], help="batch files whose ids (first word a line) are left out")
    args = ap.parse_args()
    taken = set()
    for batch in args.exclude:
        for line in Path(batch).open(encoding="utf-8"):
            if line.split():
                taken.add(line.split()[0])
    for gold in (SHARED / "corpora").glob("*/*.jsonl"):
        for line in gold.open(encoding="utf-8"):
            rid = json.loads(line)["id"]
            taken.add(re.sub(r"^(acq|reuters)-", "reuters-", rid))
    stories = [json.loads(line) for line in (SHARED / "corpora/reuters-raw/stories/reuters-raw-dev.jsonl").open()]
    rng = random.Random(args.seed)
    chosen: dict[str, str] = {}
    for group, pattern in GROUPS.items():
        rx = re.compile(pattern, re.I | re.S)
        pool = [s["id"] for s in stories if s["id"] not in taken and s["id"] not in chosen
                and 300 <= len(s["text"]) <= 2500 and rx.search(s["text"])]
        rng.shuffle(pool)
        for sid in pool[:args.per_group]:
            chosen[sid] = group
    for sid, group in sorted(chosen.items(), key=lambda kv: int(kv[0].split("-")[1])):
        print(sid, group)


if __name__ == "__main__":
    main()
