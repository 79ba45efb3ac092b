"""Train the classifier of capitalised names (``data/orgs_model.json``) from annotated corpora.

usage: python -m qfacts.train orgs [--shared DIR] [--gold FILE ...] [--out FILE] [--folds K --exclude-fold I]
                                   [--epochs N] [--l2 X] [--min-count N] [--quiet]

Every document of the training corpora is run through the default pipeline up to the organisation rules; the
capitalised names they leave unlabelled are the examples (:mod:`qfacts.namecls` gives their features). A name is
labelled from the gold annotation it overlaps most: ORG or PLACE from ``mentions``, PER from ``other_mentions``
(CoNLL's PER, re3d's Person), nothing (O) for other overlaps (MISC, nationalities) and for names no annotation
touches; a name that only an ``ignore`` span overlaps is left out. Corpora annotated per document (``orgs`` and
``places`` sets, as reuters-agreements) label a name by its surface form. The model is multinomial logistic
regression over binary features, fitted by full-batch Adam with an L2 penalty (numpy only, deterministic).

Default corpora (in ``--shared``, default ``../shared`` beside the repository): CoNLL-2003 dev, re3d dev,
modern-partnerships dev, the seed article and reuters-agreements dev. ``--gold FILE`` replaces them by the given
files (FORMAT.md records). ``--folds 5 --exclude-fold I`` leaves out the documents of fold I (by sha256 of the
id, as ``score.py --folds`` deals them) for cross-validation.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

from ..evaluate import normalise_name as _norm  # a surface form as score.py compares names
from ..namecls import LABELS, MODEL_FORMAT, write_model
from . import fold_of

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
OUT = Path(__file__).resolve().parents[1] / "data" / "orgs_model.json"

# corpus name -> (file under shared/corpora, weight of its examples)
CORPORA = {
    "conll2003": ("conll2003/conll2003-dev.jsonl", 1.0),
    "re3d": ("re3d/re3d-dev.jsonl", 3.0),
    "modern-partnerships": ("modern-partnerships/modern-dev.jsonl", 2.0),
    "seed": ("seed/seed.jsonl", 2.0),
    "reuters-agreements": ("reuters-agreements/reuters-agreements-dev.jsonl", 2.0),
}
# the probability from which a label is output, chosen by cross-validation (bench/cv_orgs.py --threshold): PLACE
# needs more than ORG since a place no gazetteer knows is rarer than an organisation no list knows; PER is never
# output (persons are no qfacts entity), it only keeps persons from becoming organisations or places
THRESHOLDS = {"ORG": 0.6, "PLACE": 0.85, "PER": 1.01}

_PERSON = {"PER", "Person"}


@dataclass
class Example:
    corpus: str
    doc_id: str
    text: str
    features: list[str]
    label: str
    weight: float


def read_corpus(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def collecting_pipeline():
    """The default pipeline without a model, its organisation component keeping each document's candidates."""
    from ..pipeline import build_pipeline

    nlp = build_pipeline(overrides={"qfacts_orgs": {"model": ""}})
    nlp.get_pipe("qfacts_orgs").collect = True
    return nlp


def candidates(nlp, record: dict) -> list[tuple[int, int, list[str]]]:
    """(start, end, features) of the names the rules leave unlabelled in one gold record."""
    from ..api import parse_reference_date

    text = record["text"]
    doc = nlp.make_doc(text)
    doc.user_data["qfacts_text"] = text
    doc._.reference_date = parse_reference_date(record.get("reference_date"))
    doc._.reference_date_source = "record"
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "qfacts_orgs":
            break
    return doc.user_data.get("qfacts_name_candidates", [])


def _mention_label(start: int, end: int, record: dict) -> Optional[str]:
    best, label = 0, None
    spans = [(m, m["label"]) for m in record.get("mentions", ()) if m["label"] in ("ORG", "PLACE")]
    for m in record.get("other_mentions", ()):
        kind = m.get("label") or m.get("re3d_type")
        spans.append((m, "PER" if kind in _PERSON else "O"))
    for m, lab in spans:
        overlap = min(end, m["end"]) - max(start, m["start"])
        # a tie goes to the entity label (a person span such as "President X" holds a place word less often)
        if overlap > best or (overlap == best and overlap > 0 and label == "O"):
            best, label = overlap, lab
    if label is not None:
        return label
    if any(min(end, m["end"]) > max(start, m["start"]) for m in record.get("ignore", ())):
        return None
    return "O"


def _set_label(surface: str, record: dict) -> str:
    key = _norm(surface)
    for field, label in (("orgs", "ORG"), ("places", "PLACE")):
        if any(key == _norm(form) for forms in record.get(field, ()) for form in forms):
            return label
    return "O"


def label(start: int, end: int, text: str, record: dict) -> Optional[str]:
    """The gold label of a candidate name, or None when the gold says nothing about it."""
    annotated = record.get("annotated", [])
    if "ORG" not in annotated:
        return None
    if record.get("mentions"):
        return _mention_label(start, end, record)
    if "orgs" in record or "places" in record:
        return _set_label(text, record)
    return None


def collect(files: Sequence[tuple[str, Path, float]], nlp=None, quiet: bool = False) -> list[Example]:
    """The labelled examples of every document of ``files`` ((corpus name, path, weight))."""
    nlp = nlp or collecting_pipeline()
    out = []
    for corpus, path, weight in files:
        t0 = time.perf_counter()
        records = read_corpus(path)
        n = 0
        for record in records:
            for start, end, feats in candidates(nlp, record):
                text = record["text"][start:end]
                lab = label(start, end, text, record)
                if lab is not None:
                    out.append(Example(corpus, record["id"], text, feats, lab, weight))
                    n += 1
        if not quiet:
            print(f"{corpus}: {len(records)} documents, {n} examples ({time.perf_counter() - t0:.1f} s)",
                  file=sys.stderr)
    return out


def fit(examples: Sequence[Example], *, epochs: int = 300, l2: float = 1e-4, min_count: int = 2,
        lr: float = 0.1, labels: Sequence[str] = LABELS) -> dict:
    """Multinomial logistic regression over the examples' binary features: the model's JSON data."""
    if not examples:
        raise ValueError("no training examples")
    counts: dict[str, int] = {}
    for ex in examples:
        for f in set(ex.features):
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= min_count or f == "bias")
    ids = {f: i for i, f in enumerate(names)}
    rows: list[int] = []
    cols: list[int] = []
    for r, ex in enumerate(examples):
        fs = sorted({ids[f] for f in ex.features if f in ids} | {ids["bias"]} if "bias" in ids else
                    {ids[f] for f in ex.features if f in ids})
        rows.extend([r] * len(fs))
        cols.extend(fs)
    n, k, nf = len(examples), len(labels), len(names)
    rows_a = np.asarray(rows, dtype=np.int64)
    cols_a = np.asarray(cols, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, rows_a[1:] != rows_a[:-1]])
    order = np.argsort(cols_a, kind="stable")
    ucols, cstarts = np.unique(cols_a[order], return_index=True)
    rows_by_col = rows_a[order]
    y = np.zeros((n, k))
    y[np.arange(n), [labels.index(ex.label) for ex in examples]] = 1.0
    sw = np.asarray([ex.weight for ex in examples], dtype=np.float64)
    sw = sw / sw.sum()
    w = np.zeros((nf, k))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    b1, b2, eps = 0.9, 0.999, 1e-8
    loss = 0.0
    for t in range(1, epochs + 1):
        z = np.add.reduceat(w[cols_a], starts, axis=0)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        loss = float(-(sw * np.log(np.maximum((p * y).sum(axis=1), 1e-12))).sum() + 0.5 * l2 * (w * w).sum())
        g = (p - y) * sw[:, None]
        grad = l2 * w
        grad[ucols] += np.add.reduceat(g[rows_by_col], cstarts, axis=0)
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
    w -= w.mean(axis=1, keepdims=True)  # softmax is unchanged by a shift per feature; centred weights prune better
    weights = {}
    for i, f in enumerate(names):
        row = [round(float(x), 4) for x in w[i]]
        if max(abs(x) for x in row) >= 0.001:
            weights[f] = row
    return {"format": MODEL_FORMAT, "labels": list(labels), "bias": [0.0] * k, "thresholds": dict(THRESHOLDS),
            "options": {"epochs": epochs, "l2": l2, "min_count": min_count, "lr": lr},
            "final_loss": round(loss, 6), "weights": weights}


def corpus_files(shared: Path, gold: Iterable[str] = ()) -> list[tuple[str, Path, float]]:
    gold = list(gold)
    if gold:
        return [(Path(g).stem, Path(g), 1.0) for g in gold]
    return [(name, shared / "corpora" / rel, weight) for name, (rel, weight) in CORPORA.items()
            if (shared / "corpora" / rel).exists()]


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m qfacts.train orgs", description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(SHARED), help="the shared research folder (default: ../shared)")
    ap.add_argument("--gold", action="append", default=[], help="train on this gold file instead (repeatable)")
    ap.add_argument("--out", default=str(OUT), help="model file to write (default: the package's)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--exclude-fold", type=int, default=None, help="leave out this fold's documents")
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(list(argv))
    files = corpus_files(Path(args.shared), args.gold)
    missing = [g for g in args.gold if not Path(g).exists()]
    if missing:
        print(f"train orgs: {missing[0]}: no such file", file=sys.stderr)
        return 2
    if not files:
        print(f"train orgs: no training corpora in {args.shared}/corpora", file=sys.stderr)
        return 2
    examples = collect(files, quiet=args.quiet)
    if args.exclude_fold is not None:
        examples = [ex for ex in examples if fold_of(ex.doc_id, args.folds) != args.exclude_fold]
    t0 = time.perf_counter()
    model = fit(examples, epochs=args.epochs, l2=args.l2, min_count=args.min_count)
    trained_on: dict[str, dict[str, int]] = {}
    for ex in examples:
        entry = trained_on.setdefault(ex.corpus, {"examples": 0, "documents": 0})
        entry["examples"] += 1
    for corpus in trained_on:
        trained_on[corpus]["documents"] = len({ex.doc_id for ex in examples if ex.corpus == corpus})
    model["trained_on"] = trained_on
    model["corpus_weights"] = {name: weight for name, _, weight in files}
    if args.exclude_fold is not None:
        model["excluded_fold"] = {"folds": args.folds, "fold": args.exclude_fold}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_model(out, model)
    if not args.quiet:
        print(f"{len(examples)} examples, {len(model['weights'])} features, loss {model['final_loss']:.4f} "
              f"({time.perf_counter() - t0:.1f} s) -> {out} ({out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    return 0
