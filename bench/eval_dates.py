#!/usr/bin/env python3
"""Score qfacts.dates.find_dates on a gold JSONL corpus with the shared scorer.

usage: bench/eval_dates.py [GOLD.jsonl ...] [--errors N]

Defaults to the three dev corpora under ``<repo>/../shared/corpora``.  Each record's ``reference_date`` is
passed to find_dates; predictions go to a temporary JSONL file scored by ``shared/eval/score.py``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

DEFAULTS = ["corpora/tempeval3-tbaq/tbaq.jsonl", "corpora/modern-partnerships/modern-dev.jsonl",
            "corpora/duckling-dates/duckling-dev.jsonl",
            "corpora/seed/seed.jsonl"]


def predict(gold: Path, out) -> None:
    from qfacts.dates import find_dates

    for line in gold.open(encoding="utf-8"):
        if not line.strip():
            continue
        doc = json.loads(line)
        ref = doc.get("reference_date")
        ref_d = dt.date.fromisoformat(ref[:10]) if ref else None
        ents = [{"label": "DATE", "start": m.start, "end": m.end, "text": m.text, "value": m.value}
                for m in find_dates(doc["text"], ref_d)]
        out.write(json.dumps({"id": doc["id"], "entities": ents, "agreements": []}) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*")
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} not found")
        return 0
    golds = [Path(g) for g in args.gold] or [SHARED / g for g in DEFAULTS]
    for gold in golds:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
            predict(gold, tmp)
        print(f"== {gold.name}", flush=True)
        cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(gold), tmp.name]
        if args.errors:
            cmd += ["--errors", str(args.errors)]
        res = subprocess.run(cmd, check=False, capture_output=True, text=True)
        for row in res.stdout.splitlines():
            # only the DATE rows and the error listing: the other labels are not this module's business
            words = row.split()
            if not words or words[0] in ("ORG", "PLACE", "AGREEMENT", "agreements", "orgs", "places") or (
                    row.startswith("  ") and len(words) > 1 and words[1] != "DATE"):
                continue
            print(row)
        sys.stderr.write(res.stderr)
        Path(tmp.name).unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
