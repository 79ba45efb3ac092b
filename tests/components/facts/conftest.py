"""Docs with hand-set entities, so that each facts stage is tested on its own, without the entity components."""
import pytest
import spacy

from qfacts.components.common import register_extensions, token_view
from qfacts.resources import load_json


@pytest.fixture(scope="session")
def blank():
    register_extensions()
    return spacy.blank("en")


@pytest.fixture(scope="session")
def cfg():
    """The shipped cues of the facts stages (data/facts.json)."""
    return load_json("facts.json")


@pytest.fixture()
def make(blank):
    """``make(text, ("Acme Corp", "ORG"), ("joint venture", "AGREEMENT", "joint_venture", "specific"), ...)``:
    a Doc whose entities are the first occurrence of each phrase (``"phrase#2"``: the second), with a value and
    a kind where given; returns the Doc and its token view."""
    def build(text, *ents):
        doc = blank.make_doc(text)
        spans = []
        for phrase, label, *rest in ents:
            phrase, _, nth = phrase.partition("#")
            start = -1
            for _ in range(int(nth or 1)):
                start = text.index(phrase, start + 1)
            span = doc.char_span(start, start + len(phrase), label=label)
            assert span is not None, phrase
            if rest:
                span._.value = rest[0]
            if len(rest) > 1:
                span._.kind = rest[1]
            spans.append(span)
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc, token_view(doc)
    return build


@pytest.fixture(scope="session")
def labels_of():
    """Each token's entity label (None outside entities), as the facts component computes them."""
    def labels(doc):
        out = [None] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                out[i] = ent.label_
        return out
    return labels


@pytest.fixture(scope="session")
def rules_nlp():
    """The default pipeline with the facts stages' rules alone (no learned decisions)."""
    import qfacts

    return qfacts.build_pipeline(overrides={"qfacts_facts": {"model": "", "parse": False}})
