"""The qfacts spaCy components. Importing this package registers every factory:

``qfacts_dates``, ``qfacts_places``, ``qfacts_orgs``, ``qfacts_agreements``, ``qfacts_facts``.
They are also exposed through the ``spacy_factories`` entry point, so ``nlp.add_pipe("qfacts_places")`` works
on any pipeline once qfacts is installed. The factories (:mod:`.factories`) say what each component requires
and assigns; a component's module, with its rules and data, is imported when the component is first built
(spaCy imports this package for every pipeline it creates in an environment where qfacts is installed).
"""
from __future__ import annotations

import importlib
from typing import Any

from .common import register_extensions
from .factories import make_agreements, make_dates, make_facts, make_orgs, make_places

register_extensions()

_CLASSES = {"AgreementsComponent": "agreements", "DatesComponent": "dates", "FactsComponent": "facts",
            "OrgsComponent": "orgs", "PlacesComponent": "places"}

__all__ = ["AgreementsComponent", "DatesComponent", "FactsComponent", "OrgsComponent", "PlacesComponent",
           "make_agreements", "make_dates", "make_facts", "make_orgs", "make_places"]


def __getattr__(name: str) -> Any:
    if name in _CLASSES:
        value = getattr(importlib.import_module(f".{_CLASSES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
