#!/usr/bin/env python3
"""How many party names of the acquisitions answer key qfacts finds exactly as an ORG entity.

usage: python bench/bench_acq_parties.py [PRED.jsonl] [--gold GOLD.jsonl] [--missed N]

For every fact of ../shared/corpora/acquisitions (purchaser, acquired and seller names, each with its surface
forms), a party counts as found when some ORG entity of the story's prediction is, up to runs of whitespace (the
stories are hard-wrapped), one of its forms exactly. The predictions default to out/acquisitions-dev.pred.jsonl
(``bench/score_corpora.py acquisitions`` writes it); without that file qfacts extracts the stories itself.
Prints found / all, overall and per role, and with ``--missed N`` the first N names not found.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "corpora" / "acquisitions" / "acquisitions-dev.jsonl"
PRED = ROOT / "out" / "acquisitions-dev.pred.jsonl"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().removesuffix(".")


def _predictions(gold: list[dict], path: Path) -> dict[str, dict]:
    if path.exists():
        return {r["id"]: r for r in map(json.loads, path.open(encoding="utf-8")) if r}
    import qfacts

    docs = [qfacts.Document(id=g["id"], text=g["text"], reference_date=g.get("reference_date"),
                            reference_date_source="record") for g in gold]
    return {r.id: r.to_dict() for r in qfacts.extract_documents(docs)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred", nargs="?", default=str(PRED))
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--missed", type=int, default=0)
    args = ap.parse_args()
    gold_path = Path(args.gold)
    if not gold_path.exists():
        print(f"bench: {gold_path}: no such corpus (../shared is absent?)", file=sys.stderr)
        return 0
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    pred = _predictions(gold, Path(args.pred))
    found, total = Counter(), Counter()
    missed = []
    for g in gold:
        orgs = {_norm(e["text"]) for e in pred.get(g["id"], {}).get("entities", []) if e["label"] == "ORG"}
        for fact in g.get("agreements", []):
            roles = fact.get("roles") or ["party"] * len(fact["parties"])
            for forms, role in zip(fact["parties"], roles):
                hit = any(_norm(f) in orgs for f in forms)
                for key in ("all", role):
                    total[key] += 1
                    found[key] += hit
                if not hit:
                    missed.append(f"{g['id']}: {role} {forms[0]!r}")
    for key in ["all"] + sorted(k for k in total if k != "all"):
        print(f"{key:<10} {found[key]:>4} / {total[key]:<4} {found[key] / total[key]:.3f}")
    for line in missed[:args.missed]:
        print("  missed " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
