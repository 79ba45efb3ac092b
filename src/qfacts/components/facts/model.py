"""A learned decision as plain data: a logistic regression over string features, stored as JSON weights.

The facts stages ask such a model what rules cannot say on their own, where many weak cues meet: is this name a
side of this agreement? A model file is ``{"kind": ..., "bias": b, "threshold": t, "weights": {feature: w}}``
plus metadata (what it was trained on, its cross-validated scores); ``python -m qfacts.train facts`` writes it.
No pickle: the file is read with :mod:`json`.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from ...resources import read_text


class LinearModel:
    """``p(features) = sigmoid(bias + sum of the weights of the features present)``; unknown features weigh 0."""

    def __init__(self, weights: dict[str, float], bias: float = 0.0, threshold: float = 0.5,
                 meta: Optional[dict[str, Any]] = None) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.meta = dict(meta or {})

    def logit(self, features: Iterable[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in set(features))

    def prob(self, features: Iterable[str]) -> float:
        z = self.logit(features)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        ez = math.exp(z)
        return ez / (1.0 + ez)

    def accepts(self, features: Iterable[str]) -> bool:
        return self.prob(features) >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return dict(self.meta, bias=round(self.bias, 6), threshold=self.threshold,
                    weights={f: round(w, 6) for f, w in sorted(self.weights.items()) if round(w, 6) != 0.0})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "LinearModel":
        meta = {k: v for k, v in data.items() if k not in ("bias", "threshold", "weights")}
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data.get("bias", 0.0)),
                   float(data.get("threshold", 0.5)), meta)

    def save(self, path: Union[str, Path]) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=0, sort_keys=False) + "\n", encoding="utf-8")


def load_models(name: str) -> dict[str, LinearModel]:
    """The models of a facts model file (package data name or path): ``{"sides": LinearModel, ...}``; an empty
    name gives no model (the rules alone decide)."""
    if not name:
        return {}
    data = json.loads(read_text(name))
    return {key: LinearModel.from_dict(value) for key, value in data.get("models", {}).items()}
