#!/usr/bin/env python3
"""How well qfacts names the roles of acquisition sides: buyer, target, seller against the acquisitions key.

usage: python bench/roles_acquisitions.py [PRED.jsonl]   (default: out/acquisitions-dev.pred.jsonl, written by
bench/score_corpora.py acquisitions)

For each predicted acquisition side whose name matches a side of the story's key (as shared/eval/score.py matches
names), compares its role with the key's (purchaser = buyer, acquired = target, seller = seller) and prints the
confusion table and the share right.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "corpora" / "acquisitions" / "acquisitions-dev.jsonl"
KEY_ROLES = {"purchaser": "buyer", "acquired": "target", "seller": "seller"}


def main() -> int:
    pred_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "acquisitions-dev.pred.jsonl"
    if not GOLD.exists() or not pred_path.exists():
        print("no acquisitions gold or predictions: run bench/score_corpora.py acquisitions", file=sys.stderr)
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from qfacts.train.facts import norm

    gold = {json.loads(line)["id"]: json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()}
    confusion: Counter = Counter()
    for line in pred_path.open(encoding="utf-8"):
        rec = json.loads(line)
        g = gold.get(rec["id"])
        if not g or not g["agreements"]:
            continue
        key = g["agreements"][0]
        forms = [({norm(f) for f in party}, KEY_ROLES.get(role, role)) for party, role in zip(key["parties"], key["roles"])]
        for fact in rec["agreements"]:
            if fact["type"] != "acquisition":
                continue
            for d in fact.get("party_details", ()):
                role = next((r for names, r in forms if norm(d["name"]) in names or norm(d["surface"]) in names), None)
                if role is not None:
                    confusion[(role, d["role"])] += 1
    total = sum(confusion.values())
    right = sum(n for (g_, p), n in confusion.items() if g_ == p)
    print(f"{'key / predicted':<18}" + "".join(f"{r!s:>9}" for r in ("buyer", "target", "seller", None)))
    for g_ in ("buyer", "target", "seller"):
        print(f"{g_:<18}" + "".join(f"{confusion[(g_, p)]:>9}" for p in ("buyer", "target", "seller", None)))
    print(f"roles right: {right} of {total} matched sides ({right / total:.1%})" if total else "no matched sides")
    return 0


if __name__ == "__main__":
    sys.exit(main())
