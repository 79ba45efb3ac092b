#!/usr/bin/env python3
"""Join the blind annotations in this folder with their texts from ../shared/corpora/reuters-raw into a gold file
that ../shared/eval/score.py and eval/check_gold.py read (the texts are research-only and never stored here).

usage: python annotations/build_gold.py [OUT.jsonl]     (default: out/reuters-blind.jsonl)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RAW = ROOT.parent / "shared" / "corpora" / "reuters-raw" / "stories" / "reuters-raw-dev.jsonl"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "reuters-blind.jsonl"
    if not RAW.exists():
        print(f"no reuters-raw stories at {RAW}: nothing to build", file=sys.stderr)
        return 0
    stories = {}
    for line in RAW.open(encoding="utf-8"):
        s = json.loads(line)
        stories[s["id"]] = s
    records = []
    for path in sorted(HERE.glob("reuters-blind-*.jsonl")):
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
