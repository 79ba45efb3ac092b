"""qfacts: offline extraction of organisations, places, dates, agreements and agreement facts from news.

>>> import qfacts
>>> record = qfacts.extract(text, reference_date="2025-05-19")
>>> record.to_dict()["agreements"]

The names below are imported on first use, so ``import qfacts.dates`` (pure Python) does not load spaCy.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Document": "api", "extract": "api", "extract_documents": "api", "parse_reference_date": "api",
    "Agreement": "models", "Entity": "models", "Record": "models",
    "build_pipeline": "pipeline", "get_pipeline": "pipeline",
}
_SUBMODULES = ("api", "cli", "components", "dates", "gazetteer", "io", "models", "pipeline", "render", "resources")

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'qfacts' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | set(_SUBMODULES))
