#!/usr/bin/env python3
"""Cross-validate the name classifier by document: train on four folds, predict the fifth, score out of fold.

usage: python bench/cv_orgs.py [--folds 5] [CORPUS ...] [--keep DIR]

The training examples of every training corpus (see ``qfacts.train.orgs``) are collected once; for each fold I
a model is fitted on the examples of the other folds' documents (of every corpus) and the whole pipeline, with
that model, extracts the documents of fold I of every scored corpus. The out-of-fold predictions are written to
out/cv/<corpus>.pred.jsonl and scored with shared/eval/score.py: once over all documents (the cross-validated
figure) and per fold (``--folds``: per-fold F1, mean and lowest). Corpora the model is not trained on
(acquisitions) are predicted the same way, by the model that did not see their fold.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORED = {
    "conll2003": "conll2003/conll2003-dev.jsonl",
    "re3d": "re3d/re3d-dev.jsonl",
    "modern-partnerships": "modern-partnerships/modern-dev.jsonl",
    "reuters-agreements": "reuters-agreements/reuters-agreements-dev.jsonl",
    "acquisitions": "acquisitions/acquisitions-dev.jsonl",
    "seed": "seed/seed.jsonl",
}
ROWS = ("ORG relaxed", "PLACE relaxed", "orgs set", "places set", "agreements strict")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", help="corpora to score (default: all)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--keep", default=None, help="keep the fold models in this folder")
    ap.add_argument("--l2", type=float, default=None)
    ap.add_argument("--epochs", type=int, default=None)
    ap.add_argument("--threshold", action="append", default=[], metavar="LABEL=P",
                    help="output LABEL from probability P (default: the training script's thresholds)")
    args = ap.parse_args()
    if not (SHARED / "corpora").is_dir():
        print(f"no corpora at {SHARED / 'corpora'}", file=sys.stderr)
        return 0
    import qfacts
    from qfacts.namecls import write_model
    from qfacts.train import orgs as train

    examples = train.collect(train.corpus_files(SHARED))
    scored = {name: SHARED / "corpora" / rel for name, rel in SCORED.items()
              if (not args.corpora or name in args.corpora) and (SHARED / "corpora" / rel).exists()}
    records = {name: [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
               for name, path in scored.items()}
    preds: dict[str, dict[str, dict]] = {name: {} for name in scored}
    keep = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="qfacts-cv-"))
    keep.mkdir(parents=True, exist_ok=True)
    options = {k: v for k, v in (("l2", args.l2), ("epochs", args.epochs)) if v is not None}
    for fold in range(args.folds):
        model = train.fit([ex for ex in examples if train.fold_of(ex.doc_id, args.folds) != fold], **options)
        for item in args.threshold:
            lab, value = item.split("=")
            model["thresholds"][lab] = float(value)
        path = keep / f"orgs_model.fold{fold}.json"
        write_model(path, model)
        nlp = qfacts.build_pipeline(overrides={"qfacts_orgs": {"model": str(path)}})
        for name, recs in records.items():
            docs = [qfacts.Document(id=r["id"], text=r["text"], reference_date=r.get("reference_date"),
                                    reference_date_source="record")
                    for r in recs if train.fold_of(r["id"], args.folds) == fold]
            for rec in qfacts.extract_documents(docs, nlp=nlp):
                preds[name][rec.id] = rec.to_dict()
        print(f"fold {fold}: {len(model['weights'])} features", file=sys.stderr)
    out_dir = ROOT / "out" / "cv"
    out_dir.mkdir(parents=True, exist_ok=True)
    score = SHARED / "eval" / "score.py"
    for name, path in scored.items():
        pred = out_dir / f"{path.stem}.pred.jsonl"
        with pred.open("w", encoding="utf-8") as f:
            for r in records[name]:
                f.write(json.dumps(preds[name][r["id"]], ensure_ascii=False) + "\n")
        whole = subprocess.run([sys.executable, str(score), str(path), str(pred)], capture_output=True, text=True)
        folds = subprocess.run([sys.executable, str(score), str(path), str(pred), "--folds", str(args.folds)],
                               capture_output=True, text=True)
        print(f"== {name} (out of fold)")
        for line in whole.stdout.splitlines():
            if line.startswith(ROWS) or line.startswith("measure"):
                print(line)
        for line in folds.stdout.splitlines():
            if line.startswith(ROWS) or line.startswith("measure"):
                print("   " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
