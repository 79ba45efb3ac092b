"""Person-name cues: first names (a list derived from Faker's person providers) and titles.

A capitalised word right after a known first name ("Michael Jordan") or a personal title ("Mr Reading",
"chief executive Kim Tamsin") is a surname: a person, so neither a place nor an organisation, and neither are its
later bare uses in the same document. Which Faker locales are read, the first names that are too often ordinary
capitalised words to count, and the titles are package data (``people.json``); the first names themselves are
``first_names.txt``, written by ``scripts/build_data.py`` from the Faker locales ``people.json`` lists (Faker
is needed only to rebuild it).
"""
from __future__ import annotations

from functools import lru_cache

from .resources import load_json, load_lines


@lru_cache(maxsize=4)
def first_names(settings: str = "people.json") -> frozenset[str]:
    """First names (single words, as written) of the configured list, less the listed exceptions."""
    cfg = load_json(settings)
    return load_lines(cfg["first_names"]) - frozenset(cfg["not_first_names"])


@lru_cache(maxsize=4)
def titles(settings: str = "people.json") -> frozenset[str]:
    """Words that stand before a person's name ("Mr", "Dr", "CEO", "minister", "Governor")."""
    return frozenset(load_json(settings)["titles"])
