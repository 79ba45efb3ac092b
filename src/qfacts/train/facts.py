"""``python -m qfacts.train facts``: train the learned decisions of the facts stages from annotated corpora.

Two logistic regressions over string features (:mod:`qfacts.components.facts.features`), written as plain JSON
weights (no pickle) to ``src/qfacts/data/facts_model.json``:

- the fact model answers "does this sentence state this agreement?" for every candidate fact the rules build,
  including those the rules turn down (a general word without a signing verb, a hedge, a part of another deal):
  it keeps a fact of the rules unless it is sure it is none (``--fact-keep``) and takes one the rules turned
  down only where it is sure it is one (``--fact-add``). Label: the gold has a fact of that type sharing a side;
- the side model answers "is this name a side of this agreement?" for every name of the sentence of an
  acquisition (``--side-types``): buyer, target and seller stand in more ways than the rules read. Labels by
  distant supervision: the gold fact of the same type that shares the most names with what the rules read is
  the fact meant; a name is a side where it lists it.

Features come from the words around the agreement word and the name, what the rules decided, and the dependency
parse of the sentence (:mod:`qfacts.syntax`).

Training data (``--corpora``, from ``../shared/corpora``): reuters-agreements dev, modern-partnerships dev, the
seed article and acquisitions dev (its gold lists acquisitions only: other types are not trained on there), and
the blind Reuters annotations (``out/reuters-blind.jsonl``, built by ``annotations/build_gold.py``, and the later
dev batch c, ``out/reuters-blind-c.jsonl`` from ``build_gold.py --batch c``, where it is built; ``--no-blind``
leaves them out). ``--heldout blind`` trains on the others, batch c among them: held-out blind a/b strict 0.378
with c, 0.371 without (2026-12-07). ``--gold FILE`` trains on one gold file instead (tests use a tiny one).

    python -m qfacts.train facts                       # rebuild src/qfacts/data/facts_model.json
    python -m qfacts.train facts --cv 5                # 5-fold cross-validation by document, scored per corpus
    python -m qfacts.train facts --heldout blind       # train on the dev corpora, score the blind set

Cross-validation deals documents to folds as ``shared/eval/score.py --folds`` does (sha256 of the id), trains on
four folds of every corpus together and predicts the fifth; predictions go to ``out/cv/`` and the scorer's
per-fold table is printed for each corpus. The thresholds' defaults were chosen by that cross-validation.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Optional

from ..evaluate import normalise_name as norm  # names compared as the scorer compares them
from . import fold_of

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
CORPORA = {
    "reuters-agreements": "reuters-agreements/reuters-agreements-dev.jsonl",
    "modern-partnerships": "modern-partnerships/modern-dev.jsonl",
    "seed": "seed/seed.jsonl",
    "acquisitions": "acquisitions/acquisitions-dev.jsonl",
}
BLIND = ROOT / "out" / "reuters-blind.jsonl"
# later blind batches, annotated the same way but read as dev data (``annotations/build_gold.py --batch c``)
BLIND_DEV = {"blind-c": ROOT / "out" / "reuters-blind-c.jsonl"}
DEFAULT_OUT = ROOT / "src" / "qfacts" / "data" / "facts_model.json"
# the fact model's features read from a parse (features.fact_features), left out unless --fact-parse
PARSE_FACT_FEATURES = ("tdep:", "tpos:", "gov:", "aux:", "negated_verb", "gov_dep:")


# ---------------------------------------------------------------------------------------------- data
def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def gold_sets(shared: Path, corpora: Iterable[str], blind: bool, gold: Optional[Path]) -> dict[str, list[dict]]:
    """The gold documents to train on, by corpus name."""
    if gold is not None:
        return {gold.stem: read_jsonl(gold)}
    out = {}
    for name in corpora:
        path = shared / "corpora" / CORPORA[name]
        if not path.exists():
            print(f"train facts: no {path} (../shared absent?): {name} left out", file=sys.stderr)
            continue
        out[name] = read_jsonl(path)
    if blind:
        if BLIND.exists():
            out["blind"] = read_jsonl(BLIND)
        else:
            print(f"train facts: no {BLIND} (run annotations/build_gold.py): blind set left out", file=sys.stderr)
        for name, path in BLIND_DEV.items():
            if path.exists():
                out[name] = read_jsonl(path)
    return out


def matches(names: set[str], forms: list[str]) -> bool:
    return bool(names & {norm(f) for f in forms})


def labels(fact: dict[str, Any], gold: dict[str, Any]) -> list[Optional[int]]:
    """The labels of a candidate fact's names: the gold fact of its type that shares the most names with what
    the rules read (else with all its names) is the fact meant; a name is a side (1) where that gold fact lists
    it, none (0) where it does not. Where the gold has no fact of the type, a name no gold fact lists is none
    and one a fact of another type lists is left out (None: a type error, not a side error); a type the gold
    does not cover (``scored_types``) is left out entirely."""
    scored = gold.get("scored_types")
    pairs = fact["pairs"]
    if scored and fact["type"] not in scored:
        return [None] * len(pairs)
    names = [{norm(p["name"]), norm(p["surface"])} for p in pairs]
    outside = [{norm(n)} for n in fact.get("outside", ())]
    same = [g for g in gold.get("agreements", ()) if g["type"] == fact["type"]]

    def overlap(g: dict, which: list[set[str]]) -> int:
        return sum(1 for forms in g["parties"] if any(matches(n, forms) for n in which))

    if same:
        ruled = [n for n, p in zip(names, pairs) if p["rule"]] + outside
        best = max(same, key=lambda g: (overlap(g, ruled), overlap(g, names + outside)))
        if overlap(best, names + outside):
            return [int(any(matches(n, forms) for forms in best["parties"])) for n in names]
    listed = [any(matches(n, forms) for g in gold.get("agreements", ()) for forms in g["parties"]) for n in names]
    return [None if x else 0 for x in listed]


# ---------------------------------------------------------------------------------------------- pipeline
def pipeline(parse: bool = True):
    """The default pipeline with the facts component's rules alone (the model is set per run)."""
    import qfacts

    return qfacts.build_pipeline(overrides={"qfacts_facts": {"model": "", "parse": parse}})


def collect(nlp, records: list[dict]) -> dict[str, list[dict]]:
    """The candidate facts of each document (by id) as the rules propose them, each with its names and their
    features (``pairs``) and the sides the rules took from outside the sentence (``outside``)."""
    import qfacts
    from qfacts.api import parse_reference_date
    from qfacts.components.facts import COLLECT

    out = {}
    for r in records:
        doc = nlp.make_doc(r["text"])
        doc.user_data["qfacts_text"] = r["text"]
        doc._.reference_date = parse_reference_date(r.get("reference_date"))
        doc._.reference_date_source = "record"
        doc.user_data[COLLECT] = pairs = []
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        out[r["id"]] = pairs
    del qfacts
    return out


def predict(nlp, records: list[dict], models: dict) -> list[dict]:
    """Records extracted with ``models`` ({"sides": ..., "facts": ...}) as the facts component's models."""
    import qfacts

    facts = nlp.get_pipe("qfacts_facts")
    saved = facts.side_model, facts.fact_model
    facts.side_model, facts.fact_model = models.get("sides"), models.get("facts")
    try:
        docs = [qfacts.Document(id=r["id"], text=r["text"], reference_date=r.get("reference_date"),
                                reference_date_source="record") for r in records]
        return [rec.to_dict() for rec in qfacts.extract_documents(docs, nlp=nlp)]
    finally:
        facts.side_model, facts.fact_model = saved


def train_models(pairs: dict, golds: dict, ids: list[str], args, meta: Optional[dict] = None) -> dict:
    """The side and fact models trained on documents ``ids`` (each unless switched off)."""
    out = {}
    if not args.no_sides:
        rows = rows_of(pairs, golds, ids, "sides", types=args.side_types if args.side_train_types else None)
        info = dict(meta or {}, kind="sides")
        if args.side_types:
            info["types"] = list(args.side_types)
        out["sides"] = fit(rows, l2=args.l2, min_count=args.min_count, epochs=args.epochs, add=args.add,
                           keep=args.keep, meta=info)
    if not args.no_facts:
        rows = rows_of(pairs, golds, ids, "facts")
        if not args.fact_parse:
            rows = [([f for f in feats if not f.startswith(PARSE_FACT_FEATURES)], y) for feats, y in rows]
        out["facts"] = fit(rows, l2=args.l2, min_count=args.min_count, epochs=args.epochs, add=args.fact_add,
                           keep=args.fact_keep, meta=dict(meta or {}, kind="facts", resurrects=list(args.resurrects),
                                                          parse=bool(args.fact_parse)))
    return out


# ---------------------------------------------------------------------------------------------- learning
def fact_label(fact: dict[str, Any], gold: dict[str, Any]) -> Optional[int]:
    """1 where the gold has a fact of the candidate's type sharing a side with it, else 0 (None where the gold
    does not cover the type)."""
    scored = gold.get("scored_types")
    if scored and fact["type"] not in scored:
        return None
    names = [{norm(n)} for n in fact["parties"]]
    for g in gold.get("agreements", ()):
        if g["type"] == fact["type"] and any(matches(n, forms) for n in names for forms in g["parties"]):
            return 1
    return 0


def rows_of(facts: dict[str, list[dict]], golds: dict[str, dict], ids: Iterable[str],
            what: str = "sides", types: Optional[list[str]] = None) -> list[tuple[list[str], int]]:
    """The labelled (features, label) rows of documents ``ids``: of every name of every candidate fact
    (``what="sides"``), or of every candidate fact (``"facts"``)."""
    rows = []
    for doc_id in ids:
        for entry in facts.get(doc_id, ()):
            if entry["what"] != ("fact" if what == "facts" else what) or types and entry["type"] not in types:
                continue
            if what == "facts":
                y = fact_label(entry, golds[doc_id])
                if y is not None:
                    rows.append((entry["features"], y))
                continue
            for pair, y in zip(entry["pairs"], labels(entry, golds[doc_id])):
                if y is not None:
                    rows.append((pair["features"], y))
    return rows


def fit(rows: list[tuple[list[str], int]], l2: float = 1.0, min_count: int = 2, epochs: int = 300,
        meta: Optional[dict] = None, add: float = 0.8, keep: float = 0.2):
    """A logistic regression over the rows' binary features (those seen at least ``min_count`` times), L2
    penalty ``l2`` on the weights, full-batch Adam; returns a LinearModel."""
    import numpy as np

    from qfacts.components.facts.model import LinearModel

    counts: dict[str, int] = {}
    for feats, _ in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    r_idx, c_idx = [], []
    for n, (feats, _) in enumerate(rows):
        for f in set(feats):
            i = index.get(f)
            if i is not None:
                r_idx.append(n)
                c_idx.append(i)
    r_idx, c_idx = np.asarray(r_idx, dtype=np.int64), np.asarray(c_idx, dtype=np.int64)
    y = np.asarray([label for _, label in rows], dtype=np.float64)
    n_rows, n_feats = len(rows), len(vocab)
    w = np.zeros(n_feats)
    b = 0.0
    m_w = np.zeros(n_feats)
    v_w = np.zeros(n_feats)
    m_b = v_b = 0.0
    lr, beta1, beta2, eps = 0.1, 0.9, 0.999, 1e-8
    for t in range(1, epochs + 1):
        z = np.bincount(r_idx, weights=w[c_idx], minlength=n_rows) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = (p - y) / max(n_rows, 1)
        g_w = np.bincount(c_idx, weights=err[r_idx], minlength=n_feats) + l2 * w / max(n_rows, 1)
        g_b = float(err.sum())
        m_w = beta1 * m_w + (1 - beta1) * g_w
        v_w = beta2 * v_w + (1 - beta2) * g_w * g_w
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b * g_b
        corr1, corr2 = 1 - beta1 ** t, 1 - beta2 ** t
        w -= lr * (m_w / corr1) / (np.sqrt(v_w / corr2) + eps)
        b -= lr * (m_b / corr1) / (np.sqrt(v_b / corr2) + eps)
    weights = {f: float(w[i]) for f, i in index.items()}
    info = dict(meta or {}, rows=n_rows, positives=int(y.sum()), features=n_feats, l2=l2, min_count=min_count,
                epochs=epochs, keep_threshold=keep)
    return LinearModel(weights, float(b), add, info)


# ---------------------------------------------------------------------------------------------- commands
def write_predictions(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def score_table(scorer_path: Path, gold: Path, pred: Path, folds: int = 0) -> str:
    import subprocess

    cmd = [sys.executable, str(scorer_path), str(gold), str(pred)] + (["--folds", str(folds)] if folds else [])
    return subprocess.run(cmd, capture_output=True, text=True).stdout


def gold_path(name: str, shared: Path, gold: Optional[Path]) -> Path:
    if gold is not None:
        return gold
    return BLIND if name == "blind" else BLIND_DEV[name] if name in BLIND_DEV else shared / "corpora" / CORPORA[name]


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m qfacts.train facts", description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", nargs="*", default=list(CORPORA), choices=list(CORPORA))
    ap.add_argument("--no-blind", dest="blind", action="store_false",
                    help="leave out the blind Reuters annotations (out/reuters-blind.jsonl)")
    ap.add_argument("--gold", type=Path, default=None, help="train on this gold file alone")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cv", type=int, default=0, metavar="K", help="K-fold cross-validation instead of training")
    ap.add_argument("--heldout", default=None, help="train on the other corpora, score this one")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--no-parse", action="store_true", help="word features only")
    ap.add_argument("--add", type=float, default=0.8, help="probability a name the rules did not read needs")
    ap.add_argument("--keep", type=float, default=0.2, help="probability a name the rules read needs")
    ap.add_argument("--fact-add", type=float, default=0.8, help="probability a fact the rules reject needs")
    ap.add_argument("--fact-keep", type=float, default=0.2, help="probability a fact the rules make needs")
    ap.add_argument("--resurrects", nargs="*", default=["general"], choices=["general", "hedged", "absorbed"],
                    help="the rules' verdicts the fact model may overturn (a fact the rules make it may always drop)")
    ap.add_argument("--fact-parse", action="store_true",
                    help="the fact model reads parse features too (costs a parse of every sentence with an "
                         "agreement word)")
    ap.add_argument("--no-sides", action="store_true", help="no side model")
    ap.add_argument("--side-types", nargs="*", default=["acquisition"],
                    help="apply the side model to these types only (none: to all)")
    ap.add_argument("--side-train-types", action="store_true", default=True, help="and train it on their facts only")
    ap.add_argument("--side-train-all", dest="side_train_types", action="store_false",
                    help="train the side model on the facts of every type")
    ap.add_argument("--no-facts", action="store_true", help="no fact model")
    args = ap.parse_args(argv)
    sets = gold_sets(args.shared, args.corpora, args.blind or args.heldout == "blind", args.gold)
    if not sets:
        print("train facts: no gold documents to train on", file=sys.stderr)
        return 1
    golds = {r["id"]: r for records in sets.values() for r in records}
    t0 = time.perf_counter()
    nlp = pipeline(parse=not args.no_parse)
    pairs = {}
    for records in sets.values():
        pairs.update(collect(nlp, records))
    print(f"collected {sum(len(f.get('pairs', ())) for p in pairs.values() for f in p)} pairs and "
          f"{sum(1 for p in pairs.values() for f in p if f['what'] == 'fact')} facts from {len(golds)} documents "
          f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    scorer = args.shared / "eval" / "score.py"
    if args.cv:
        cv_dir = ROOT / "out" / "cv"
        preds: dict[str, list[dict]] = {name: [] for name in sets}
        for k in range(args.cv):
            train_ids = [i for i in golds if fold_of(i, args.cv) != k]
            models = train_models(pairs, golds, train_ids, args)
            for name, records in sets.items():
                preds[name] += predict(nlp, [r for r in records if fold_of(r["id"], args.cv) == k], models)
        for name, records in sets.items():
            order = {r["id"]: n for n, r in enumerate(records)}
            preds[name].sort(key=lambda rec: order[rec["id"]])
            path = cv_dir / f"{name}.pred.jsonl"
            write_predictions(path, preds[name])
            print(f"== {name} ({len(records)} docs): {args.cv}-fold cross-validation")
            if scorer.exists():
                print(score_table(scorer, gold_path(name, args.shared, args.gold), path, args.cv), end="")
        return 0
    if args.heldout:
        test = sets.pop(args.heldout, None)
        if test is None:
            print(f"train facts: no held-out corpus {args.heldout!r}", file=sys.stderr)
            return 1
        train_ids = [r["id"] for records in sets.values() for r in records]
        models = train_models(pairs, golds, train_ids, args)
        path = ROOT / "out" / "heldout" / f"{args.heldout}.pred.jsonl"
        write_predictions(path, predict(nlp, test, models))
        print(f"== {args.heldout} ({len(test)} docs), trained on {', '.join(sets)}")
        if scorer.exists():
            print(score_table(scorer, gold_path(args.heldout, args.shared, args.gold), path), end="")
        return 0
    models = train_models(pairs, golds, list(golds), args,
                          meta={"trained_on": sorted(sets), "documents": len(golds), "parse": not args.no_parse})
    data = {"_comment": "Learned decisions of the facts stages (python -m qfacts.train facts); plain JSON weights.",
            "models": {name: model.to_dict() for name, model in models.items()}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sizes = ", ".join(f"{name}: {m.meta['rows']} rows, {m.meta['features']} features" for name, m in models.items())
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes; {sizes})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
