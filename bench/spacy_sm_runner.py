#!/usr/bin/env python3
"""Run spaCy's small English model on a corpus and write its ORG and PLACE entities (run by compare_spacy.py).

usage: spacy_sm_runner.py MODEL CORPUS.jsonl PRED.jsonl

Runs inside the benchmark's own virtual environment (bench/.venv-spacy-sm), which has spaCy and the model but not
qfacts. GPE and LOC become PLACE, ORG stays ORG, every other label is dropped. Prints one JSON line on stdout:
{"docs", "tokens", "seconds"} for the model's pipeline over the whole corpus (one process, one core).
"""
from __future__ import annotations

import json
import os
import sys
import time

LABELS = {"ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE"}


def main(model: str, corpus: str, pred: str) -> int:
    import spacy

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    nlp = spacy.load(model)
    with open(corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    texts = [r["text"] for r in records]
    list(nlp.pipe(texts[:20]))  # warm-up, as for qfacts
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - t0
    with open(pred, "w", encoding="utf-8") as out:
        for record, doc in zip(records, docs):
            ents = [{"label": LABELS[e.label_], "start": e.start_char, "end": e.end_char, "text": e.text}
                    for e in doc.ents if e.label_ in LABELS]
            out.write(json.dumps({"id": record["id"], "entities": ents, "agreements": []}, ensure_ascii=False) + "\n")
    print(json.dumps({"docs": len(docs), "tokens": sum(len(d) for d in docs), "seconds": seconds}))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
