"""Package data: patterns, gazetteers and lexicons shipped inside ``qfacts/data``.

Everything is read with :mod:`importlib.resources` and cached, so a data file is parsed once per process.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Union

DataPath = Union[str, Path]


def _user_path(name: DataPath) -> "Path | None":
    p = Path(name)
    return p if p.is_absolute() or p.exists() and p.parent != Path(".") else None


def package_bytes(name: str) -> bytes:
    """The bytes of a package data file, by its path under ``qfacts/data`` (``"geo/cities.tsv.gz"``)."""
    return resources.files("qfacts").joinpath("data", *name.split("/")).read_bytes()


def read_text(name: DataPath) -> str:
    """Read a package data file (``"orgs.json"``) or, for a user file, a path on disk."""
    p = _user_path(name)
    if p is not None:
        return p.read_text(encoding="utf-8")
    return resources.files("qfacts").joinpath("data", *str(name).split("/")).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: DataPath) -> Any:
    return json.loads(read_text(name))


@lru_cache(maxsize=None)
def load_jsonl(name: DataPath) -> tuple[dict[str, Any], ...]:
    rows = []
    for n, line in enumerate(read_text(name).splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("//"):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # a broken data file is a bug worth a precise message
                raise ValueError(f"{name}:{n}: invalid JSON ({exc.msg})") from None
    return tuple(rows)


@lru_cache(maxsize=None)
def load_lines(name: DataPath) -> frozenset[str]:
    """A word list: one entry a line, ``#`` starts a comment."""
    out = set()
    for line in read_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(line)
    return frozenset(out)
