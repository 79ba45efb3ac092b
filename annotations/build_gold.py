#!/usr/bin/env python3
"""Join the blind annotations in this folder with their texts from ../shared/corpora/reuters-raw into a gold file
that ../shared/eval/score.py and eval/check_gold.py read (the texts are research-only and never stored here).

usage: python annotations/build_gold.py [--batch LETTERS] [OUT.jsonl]

--batch names the batches joined (default ``ab``: the held-out reuters-blind-a/b, into out/reuters-blind.jsonl);
``--batch c`` builds the dev batch c alone into out/reuters-blind-c.jsonl (any other letters: out/reuters-blind-LETTERS.jsonl).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RAW = ROOT.parent / "shared" / "corpora" / "reuters-raw" / "stories" / "reuters-raw-dev.jsonl"


HELD_OUT = "ab"   # the held-out batches, scored as before; later batches (c) are dev data


def default_out(batch: str = HELD_OUT) -> Path:
    return ROOT / "out" / ("reuters-blind.jsonl" if batch == HELD_OUT else f"reuters-blind-{batch}.jsonl")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", default=HELD_OUT, help="batch letters to join (default: ab)")
    ap.add_argument("out", nargs="?", type=Path)
    args = ap.parse_args(argv)
    out = args.out or default_out(args.batch)
    if not RAW.exists():
        print(f"no reuters-raw stories at {RAW}: nothing to build", file=sys.stderr)
        return 0
    stories = {}
    for line in RAW.open(encoding="utf-8"):
        s = json.loads(line)
        stories[s["id"]] = s
    records = []
    for path in [HERE / f"reuters-blind-{b}.jsonl" for b in args.batch]:
        if not path.exists():
            print(f"no batch file {path.name}", file=sys.stderr)
            return 1
        for n, line in enumerate(path.open(encoding="utf-8"), 1):
            if not line.strip():
                continue
            ann = json.loads(line)
            story = stories.get(ann["id"])
            if story is None:
                print(f"{path.name}:{n}: no story {ann['id']} in reuters-raw", file=sys.stderr)
                continue
            rec = {"id": ann["id"], "text": story["text"], "reference_date": story["reference_date"],
                   "annotated": ["ORG", "PLACE", "AGREEMENT"], "mentions": [],
                   "orgs": ann["orgs"], "places": ann["places"], "agreements": ann["agreements"],
                   "source": story.get("source", ""), "license": "Reuters-21578 Distribution 1.0 (research use only)"}
            records.append(rec)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(records)} documents -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
