"""Person-name cues: first names from a maintained data package (Faker's person providers) and titles.

A capitalised word right after a known first name ("Michael Jordan") or a personal title ("Mr Reading",
"chief executive Kim Tamsin") is a surname: a person, so neither a place nor an organisation, and neither are its
later bare uses in the same document. Which Faker locales are read, the first names that are too often ordinary
capitalised words to count, and the titles are package data (``people.json``).
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from .resources import load_json


@lru_cache(maxsize=4)
def first_names(settings: str = "people.json") -> frozenset[str]:
    """First names of the configured Faker locales (single words, as written), less the listed exceptions."""
    cfg = load_json(settings)
    names: set[str] = set()
    for locale in cfg["faker_locales"]:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ModuleNotFoundError:  # a locale a Faker release dropped: the others still count
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names.update(n for n in getattr(provider, attr, ()) if " " not in n and n[:1].isupper())
    return frozenset(names - set(cfg["not_first_names"]))


@lru_cache(maxsize=4)
def titles(settings: str = "people.json") -> frozenset[str]:
    """Words that stand before a person's name ("Mr", "Dr", "CEO", "minister", "Governor")."""
    return frozenset(load_json(settings)["titles"])
