"""Loading of the date word lists (JSON under ``qfacts/data/dates``), once per process."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

__all__ = ["lexicon", "cues", "alternation"]


def _load(name: str) -> dict[str, Any]:
    path = resources.files("qfacts") / "data" / "dates" / name
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def lexicon() -> dict[str, Any]:
    """The main word list (months, weekdays, seasons, numbers, trigger words...)."""
    return _load("lexicon.json")


@lru_cache(maxsize=None)
def cues() -> dict[str, Any]:
    """Direction cues (future / past markers) for relative dates."""
    return _load("cues.json")


def alternation(words: Iterable[str], *, abbrev_dot: bool = False) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace.

    With ``abbrev_dot`` an optional ``.`` is allowed after words of at most four letters
    (abbreviations such as ``Nov`` or ``Sept``).
    """
    parts = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        if w.startswith("_"):
            continue
        p = re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+").replace("'", "['\u2019]")
        if abbrev_dot and len(w) <= 4:
            p += r"\.?"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"
