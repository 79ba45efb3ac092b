#!/usr/bin/env python3
"""Score qfacts on the blind Reuters annotations (annotations/, joined with their texts by build_gold.py).

usage: python bench/score_blind.py [--rules] [--batch LETTERS] [--folds K]

``--batch c`` scores the dev batch c (out/reuters-blind-c.jsonl) alone; the default is the held-out batches a+b.

Builds out/reuters-blind.jsonl when it is missing, extracts with the default pipeline into
out/reuters-blind.pred.jsonl and prints shared/eval/score.py's table (per fold with --folds). The blind set is a
held-out check: read its figures, never its errors, when changing rules. The shipped facts model is trained on
it too, so its figure here is no held-out figure: ``--rules`` extracts with the rules alone (no learned
decisions), and ``python -m qfacts.train facts --cv 5`` gives the cross-validated one.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def main() -> int:
    argv = sys.argv[1:]
    batch = "ab"
    if "--batch" in argv:
        i = argv.index("--batch")
        batch = argv[i + 1]
        del argv[i:i + 2]
    name = "reuters-blind" if batch == "ab" else f"reuters-blind-{batch}"
    gold = ROOT / "out" / f"{name}.jsonl"
    if not gold.exists():
        subprocess.run([sys.executable, str(ROOT / "annotations" / "build_gold.py"), "--batch", batch], check=False)
    if not gold.exists() or not SCORER.exists():
        print("no blind gold or no scorer (../shared absent?): nothing to score", file=sys.stderr)
        return 0
    import qfacts

    rules = "--rules" in argv
    nlp = qfacts.build_pipeline(overrides={"qfacts_facts": {"model": ""}} if rules else None)
    records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    docs = [qfacts.Document(id=r["id"], text=r["text"], reference_date=r.get("reference_date"),
                            reference_date_source="record") for r in records]
    pred = ROOT / "out" / f"{name}.pred.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        for rec in qfacts.extract_documents(docs, nlp=nlp):
            f.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(SCORER), str(gold), str(pred)] + [a for a in argv if a != "--rules"]
    sys.stdout.write(subprocess.run(cmd, capture_output=True, text=True).stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
