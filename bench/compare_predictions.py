#!/usr/bin/env python3
"""Compare two folders of predictions (``bench/score_corpora.py`` writes them to ``out/``) record by record.

usage: python bench/compare_predictions.py BEFORE_DIR [AFTER_DIR] [--ignore KEY ...] [--show N]

Prints, per corpus file, whether the records are identical (after dropping the top-level ``--ignore`` keys,
default ``schema_version``) and, where not, how many records differ and the first differing fields, so that a
refactoring can say "byte-identical predictions on every corpus" and a rule change can say what it moved.
Exit code 1 when some file differs.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _records(path: Path, ignore: set[str]) -> list[dict]:
    out = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            rec = json.loads(line)
            for key in ignore:
                rec.pop(key, None)
            out.append(rec)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after", nargs="?", default=str(Path(__file__).resolve().parents[1] / "out"))
    ap.add_argument("--ignore", nargs="*", default=["schema_version"])
    ap.add_argument("--show", type=int, default=3)
    args = ap.parse_args()
    before, after = Path(args.before), Path(args.after)
    differ = False
    for a in sorted(before.glob("*.jsonl")):
        b = after / a.name
        if not b.exists():
            print(f"{a.name}: missing in {after}")
            differ = True
            continue
        ra, rb = _records(a, set(args.ignore)), _records(b, set(args.ignore))
        changed = [(x, y) for x, y in zip(ra, rb) if x != y]
        if len(ra) == len(rb) and not changed:
            print(f"{a.name}: identical ({len(ra)} records)")
            continue
        differ = True
        print(f"{a.name}: {len(changed)} of {len(ra)} records differ" + ("" if len(ra) == len(rb) else
                                                                          f" ({len(ra)} vs {len(rb)} records)"))
        for x, y in changed[:args.show]:
            keys = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
            print(f"  {x.get('id')}: {', '.join(keys)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
