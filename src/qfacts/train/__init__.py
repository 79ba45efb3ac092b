"""Training scripts for the models qfacts ships: ``python -m qfacts.train COMMAND [options]``.

Each command lives in its own module of this package (``qfacts.train.parser``, ...) and is listed in
``qfacts.train.__main__.COMMANDS``; importing this package imports none of them (and so nothing heavy).
"""
from __future__ import annotations

import hashlib


def fold_of(doc_id: str, k: int) -> int:
    """The fold of a document, as ``shared/eval/score.py --folds k`` deals them (sha256 of the id)."""
    return int(hashlib.sha256(str(doc_id).encode("utf-8")).hexdigest(), 16) % k
