"""The factories: what each component requires and assigns, and that registering them loads no rules."""
from __future__ import annotations

import subprocess
import sys

import spacy

import qfacts.components  # noqa: F401  (registers the factories)
from qfacts.pipeline import COMPONENTS


def _problems(*names: str) -> dict[str, list[str]]:
    nlp = spacy.blank("en")
    for name in names:
        nlp.add_pipe(name)
    return nlp.analyze_pipes()["problems"]


def test_analyze_pipes_flags_facts_without_the_entity_components():
    problems = _problems("qfacts_facts")
    assert set(problems["qfacts_facts"]) == {"doc.ents", "span._.interval", "span._.canonical", "span._.own_value"}


def test_analyze_pipes_names_the_one_missing_component_s_attribute():
    problems = _problems("qfacts_dates", "qfacts_places", "qfacts_orgs", "qfacts_facts")
    assert problems["qfacts_facts"] == ["span._.own_value"]  # written by qfacts_agreements only


def test_analyze_pipes_flags_facts_placed_before_the_entity_components():
    problems = _problems("qfacts_facts", *[c for c in COMPONENTS if c != "qfacts_facts"])
    assert problems["qfacts_facts"]


def test_the_default_pipeline_meets_every_requirement():
    assert all(not missing for missing in _problems(*COMPONENTS).values())


def test_each_component_declares_what_it_assigns():
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    assigns = {name: set(nlp.get_pipe_meta(name).assigns) for name in COMPONENTS}
    assert "doc._.agreements" in assigns["qfacts_facts"]
    assert all("doc.ents" in assigns[name] for name in COMPONENTS if name != "qfacts_facts")


def test_a_blank_pipeline_in_this_environment_does_not_load_the_rules():
    # spaCy imports every installed spacy_factories entry point for each new pipeline: ours must stay light
    code = ("import sys, spacy; spacy.blank('en'); "
            "print(','.join(sorted(m for m in sys.modules if m.startswith('qfacts'))))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    loaded = set(proc.stdout.strip().split(","))
    assert loaded <= {"qfacts", "qfacts.components", "qfacts.components.common", "qfacts.components.factories"}
