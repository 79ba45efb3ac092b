import pytest
import spacy

import qfacts  # noqa: F401  (registers the qfacts factories)


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline: spacy.blank("en") plus every qfacts component."""
    return qfacts.build_pipeline()


def make_blank(*names):
    """A blank English pipeline with just the named qfacts components."""
    pipe = spacy.blank("en")
    for name in names:
        pipe.add_pipe(name)
    return pipe


def ents(doc, label):
    return [e.text for e in doc.ents if e.label_ == label]
