"""The spaCy factories of the qfacts components, with what each requires and assigns.

spaCy imports every ``spacy_factories`` entry point of the environment whenever a pipeline is created (even
``spacy.blank("en")``), so this module stays light: a factory imports its component's module, with its rules
and data, only when the component is added to a pipeline.

``requires`` and ``assigns`` let ``nlp.analyze_pipes()`` find a pipeline whose components are missing or out
of order: ``qfacts_facts`` reads the entities and extension attributes the other four write, so
``analyze_pipes()["problems"]["qfacts_facts"]`` lists what is missing when it runs without them.
"""
from __future__ import annotations

from spacy.language import Language

DATES_ASSIGNS = ["doc.ents", "span._.value", "span._.interval", "doc._.reference_date", "doc._.reference_date_source"]
PLACES_ASSIGNS = ["doc.ents", "span._.canonical", "span._.kind"]
ORGS_ASSIGNS = ["doc.ents", "span._.canonical"]
AGREEMENTS_ASSIGNS = ["doc.ents", "span._.value", "span._.kind", "span._.own_value"]
FACTS_REQUIRES = [
    "doc.ents",
    "span._.interval",  # DATE values and their days (qfacts_dates)
    "span._.canonical",  # ORG and PLACE parties (qfacts_places, qfacts_orgs)
    "span._.own_value",  # AGREEMENT mentions and their types (qfacts_agreements)
]
FACTS_ASSIGNS = ["doc._.agreements"]


@Language.factory("qfacts_dates", default_config={"use_dateline": True}, assigns=DATES_ASSIGNS)
def make_dates(nlp: Language, name: str, use_dateline: bool):
    from .dates import DatesComponent

    return DatesComponent(nlp, name, use_dateline=use_dateline)


@Language.factory("qfacts_places", default_config={
    "settings": "places.json", "extra": "places_extra.jsonl", "stop": "places_stop.txt"}, assigns=PLACES_ASSIGNS)
def make_places(nlp: Language, name: str, settings: str, extra: str, stop: str):
    from .places import PlacesComponent

    return PlacesComponent(nlp, name, settings, extra, stop)


@Language.factory("qfacts_orgs", default_config={"rules": "orgs.json", "known": "orgs_known.jsonl",
                                                "model": "orgs_model.json"}, assigns=ORGS_ASSIGNS)
def make_orgs(nlp: Language, name: str, rules: str, known: str, model: str):
    """``model``: the classifier of capitalised names no rule labels (package data name or path; "" for the
    rules alone)."""
    from .orgs import OrgsComponent

    return OrgsComponent(nlp, name, rules, known, model)


@Language.factory("qfacts_agreements", default_config={"patterns": "agreements.jsonl",
                                                      "settings": "agreements.json"}, assigns=AGREEMENTS_ASSIGNS)
def make_agreements(nlp: Language, name: str, patterns: str, settings: str):
    from .agreements import AgreementsComponent

    return AgreementsComponent(nlp, name, patterns, settings)


@Language.factory("qfacts_facts", default_config={"cues": "facts.json", "types": "agreement_types.json",
                                                 "include_negated": False, "model": "facts_model.json", "parse": True},
                  requires=FACTS_REQUIRES, assigns=FACTS_ASSIGNS)
def make_facts(nlp: Language, name: str, cues: str, types: str, include_negated: bool, model: str, parse: bool):
    """``include_negated=True`` also outputs denied, refused, failed and ended agreements, with that status.
    ``model``: the learned decisions (package data name or path; "" for the rules alone); ``parse``: read
    sentence structure with the shipped parser where a sentence needs it."""
    from .facts import FactsComponent

    return FactsComponent(nlp, name, cues, types, include_negated, model, parse)
