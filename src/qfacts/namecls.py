"""Capitalised names that no rule labels: candidate spans, their features and a small linear classifier.

The organisation rules find names by a head word, a legal suffix, a gazetteer entry or brackets. Many names have
none of these ("ISIL", "Daesh", "Hezbollah said ..."); whether such a span is an organisation, a place, a person
or nothing rests on many weak cues at once: its shape, the words around it, its last word, the other mentions of
the same name in the document. :class:`NameFeatures` turns a candidate span into a list of feature strings and
:class:`LinearModel` (multinomial logistic regression, weights in a JSON file) gives each label a probability.

The model is trained by ``python -m qfacts.train orgs`` (see :mod:`qfacts.train.orgs`) from the annotated corpora
in ``../shared``; the shipped weights are package data (``data/orgs_model.json``).
"""
from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

from .resources import DataPath, read_text

MODEL_FORMAT = "qfacts-linear-1"
LABELS = ("O", "ORG", "PLACE", "PER")

# a token before which a new sentence (or a headline, a list item, a quotation) begins
_BOUNDARY = frozenset({".", "!", "?", ":", ";", "\"", "“", "”", "(", "-", "--", "–", "—", "•", "*", "'", "‘", "’"})


_SHAPES: dict[str, str] = {}


def _shape(word: str) -> str:
    shape = _SHAPES.get(word)
    if shape is None:
        if len(_SHAPES) > 200_000:
            _SHAPES.clear()
        shape = _SHAPES[word] = _word_shape(word)
    return shape


def _word_shape(word: str) -> str:
    """A short shape of one word: ``A`` capitals, ``Aa`` capitalised, ``A.`` with a full stop, ``d`` with a
    digit, ``a`` lower case, ``Aa-`` hyphenated, ``p`` punctuation."""
    if any(c.isdigit() for c in word):
        return "d"
    if not any(c.isalpha() for c in word):
        return "p"
    if "." in word:
        return "A."
    if "-" in word:
        return "Aa-"
    if word.isupper():
        return "A" if len(word) > 1 else "A1"
    if word[0].isupper():
        return "AaA" if any(c.isupper() for c in word[1:]) else "Aa"
    return "a"


class DocContext:
    """What a document says about its words: how often a name occurs, whether a word occurs in lower case or
    inside a sentence. Short documents are scanned on each question (C-speed list scans); long ones get an index
    on first use."""

    __slots__ = ("_counts", "_words", "_text", "_positions", "_inner", "_long", "_scans")

    LONG = 3000  # tokens from which an index pays
    SCANS = 2    # word counts answered by scanning the words, after which a count of every word pays

    def __init__(self, words: Sequence[str], text: str) -> None:
        self._counts: Optional[Counter] = None
        self._positions: Optional[dict[str, list[int]]] = None
        self._inner: dict[str, bool] = {}
        self._text = text
        self._words = words
        self._long = len(words) > self.LONG
        self._scans = 0

    def _counted(self) -> Optional[Counter]:
        """Every word's count, made once a few questions have been answered by scanning (None before)."""
        if self._counts is None:
            if not self._long and self._scans < self.SCANS:
                self._scans += 1
                return None
            self._counts = Counter(self._words)
        return self._counts

    def count(self, words: Sequence[str], surface: str) -> int:
        if len(words) == 1:
            counts = self._counted()
            return self._words.count(words[0]) if counts is None else counts[words[0]]
        return self._text.count(surface)

    def seen_lower(self, word: str) -> bool:
        """The word occurs in lower case ("Strike" at a sentence start and "strike" elsewhere)."""
        counts = self._counted()
        return word.lower() in (self._words if counts is None else counts)

    def seen_inside(self, word: str) -> bool:
        """The capitalised word also occurs where no sentence begins."""
        seen = self._inner.get(word)
        if seen is not None:
            return seen
        words = self._words
        if self._long:
            if self._positions is None:
                pos: dict[str, list[int]] = {}
                for i in [k for k, w in enumerate(words) if w[0].isupper()]:
                    pos.setdefault(words[i], []).append(i)
                self._positions = pos
            places = self._positions.get(word, ())
            seen = any(i and not (words[i - 1] in _BOUNDARY or words[i - 1].isspace()) for i in places)
        else:
            seen = False
            i = 0
            index = words.index  # type: ignore[attr-defined]
            while True:
                try:
                    i = index(word, i + 1)
                except ValueError:
                    break
                if not (words[i - 1] in _BOUNDARY or words[i - 1].isspace()):
                    seen = True
                    break
        self._inner[word] = seen
        return seen


_LENGTHS = ["len:0", "len:1", "len:2", "len:3", "len:4"]
_COUNTS = ["count:0", "count:1", "count:2", "count:3"]


class NameFeatures:
    """Candidate spans and their features. Word lists come from the organisation rules and the person cues."""

    def __init__(self, *, titles: frozenset[str], first_names: frozenset[str], demonyms: frozenset[str],
                 heads: frozenset[str]) -> None:
        self.titles = titles
        self.first_names = first_names
        self.demonyms = demonyms
        self.heads = heads

    @staticmethod
    def is_boundary(words: Sequence[str], i: int) -> bool:
        """A sentence, line or quotation begins at token ``i``."""
        if i == 0:
            return True
        p = words[i - 1]
        return p in _BOUNDARY or p.isspace() or (p in ("\"", "“", "'") and (i < 2 or words[i - 2] in _BOUNDARY))

    def features(self, words: Sequence[str], lower: Sequence[str], b: int, e: int, surface: str,
                 ctx: DocContext) -> list[str]:
        """The feature strings of the candidate span ``words[b:e]`` (``surface`` is its text)."""
        n = len(words)
        k = e - b
        first, last = words[b], words[e - 1]
        lw = lower[e - 1]
        if k == 1:
            shape = _shape(last)
            f = ["bias", "len:1", "shape:" + shape, "last:" + lw, "suf:" + lw[-3:]]
        else:
            shape = "_".join([_shape(w) for w in words[b:min(e, b + 4)]])
            f = ["bias", _LENGTHS[min(k, 4)], "shape:" + shape, "last:" + lw, "suf:" + lw[-3:], "first:" + lower[b]]
            if k > 2:
                f += ["w:" + w for w in lower[b + 1:e - 1]]
        p = words[b - 1] if b else "\n"
        initial = p in _BOUNDARY or p.isspace()
        prev = "<s>" if initial else lower[b - 1]
        prev2 = "<s>" if b < 2 or initial else lower[b - 2]
        nxt = lower[e] if e < n else "\n"
        if nxt.isspace():
            nxt = nxt2 = "</s>"
        else:
            nxt2 = lower[e + 1] if e + 1 < n else "</s>"
        # the words around, also together with the name's shape ("KDLA said" is an organisation, "Tamsin said"
        # a person)
        f += ["prev:" + prev, "next:" + nxt, "sp:" + shape + "|" + prev, "sn:" + shape + "|" + nxt]
        if initial:
            f.append("initial:1" if k == 1 else "initial:n")
            if ctx.seen_inside(first):
                f.append("initial_seen_inside")
        elif k == 1 and ctx.seen_lower(first):
            f.append("seen_lower")
        count = ctx.count(words[b:e], surface)
        f.append(_COUNTS[min(count, 3)])
        if p in self.titles:
            f.append("prev_title")
        elif not initial and p in self.first_names:
            f.append("prev_first_name")
        if last in self.titles:
            f.append("has_title")
        if first in self.demonyms:
            f.append("demonym")
        if last in self.heads:
            f.append("org_head")
        if p == "(" and nxt == ")":
            f.append("in_brackets")
        elif nxt == "(" and e + 2 < n and words[e + 2] == ")" and words[e + 1].isupper():
            f.append("defines_acronym")
        return f


class LinearModel:
    """Multinomial logistic regression over binary features: the probability of each label for a feature list.

    The JSON file holds ``labels``, ``bias`` (one weight per label), ``weights`` (feature -> one weight per label)
    and ``thresholds`` (the probability a label needs to be output).
    """

    def __init__(self, data: dict) -> None:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a {MODEL_FORMAT} model (format {data.get('format')!r})")
        self.labels: tuple[str, ...] = tuple(data["labels"])
        self.bias: tuple[float, ...] = tuple(data["bias"])
        self.weights: dict[str, tuple[float, ...]] = {k: tuple(w) for k, w in data["weights"].items()}
        self.thresholds: dict[str, float] = dict(data.get("thresholds", {}))
        self.meta = {k: v for k, v in data.items() if k not in ("weights",)}
        self._index: Optional[dict[str, int]] = None
        self._matrix: Optional["np.ndarray"] = None

    def probabilities(self, features: Iterable[str]) -> list[float]:
        scores = list(self.bias)
        get = self.weights.get
        k = len(scores)
        for name in features:
            w = get(name)
            if w is not None:
                for j in range(k):
                    scores[j] += w[j]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [x / total for x in exps]

    def batch_probabilities(self, feature_lists: Sequence[Sequence[str]]) -> "np.ndarray":
        """The label probabilities of many feature lists at once (one row each)."""
        index = self._index
        if index is None:
            index = self._index = {name: i for i, name in enumerate(self.weights)}
            # one row per feature and a row of zeros for unknown features
            self._matrix = np.array(list(self.weights.values()) + [[0.0] * len(self.labels)], dtype=np.float64)
        missing = repeat(len(index))
        get = index.get
        flat: list[int] = []
        starts = []
        for feats in feature_lists:
            starts.append(len(flat))
            flat.extend(map(get, feats, missing))
        z = np.add.reduceat(self._matrix[flat], starts, axis=0) + self.bias
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        return p

    def decide(self, features: Iterable[str]) -> tuple[str, float]:
        """The label to output (``"O"`` when no label reaches its threshold) and its probability."""
        probs = self.probabilities(features)
        best = max(range(len(probs)), key=probs.__getitem__)
        label = self.labels[best]
        if label != "O" and probs[best] >= self.thresholds.get(label, 0.5):
            return label, probs[best]
        return "O", probs[best]


@lru_cache(maxsize=8)
def load_model(path: DataPath) -> Optional[LinearModel]:
    """The model in ``path`` (a package data name such as ``"orgs_model.json"`` or a file), or None for ``""``."""
    if not path:
        return None
    return LinearModel(json.loads(read_text(path)))


def write_model(path: Path, data: dict) -> None:
    """Write a model file: one feature a line, so that a retrained model diffs readably."""
    weights = data["weights"]
    head = {k: v for k, v in data.items() if k != "weights"}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)},")
    lines.append('  "weights": {')
    items = sorted(weights.items())
    for i, (name, w) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(f"    {json.dumps(name, ensure_ascii=False)}: {json.dumps(w)}{comma}")
    lines.append("  }")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

