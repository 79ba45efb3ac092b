"""Building the spaCy pipeline: ``spacy.blank("en")`` plus the qfacts components, or a user's model plus them."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)

COMPONENTS = ("qfacts_dates", "qfacts_places", "qfacts_orgs", "qfacts_agreements", "qfacts_facts")


class ModelError(RuntimeError):
    """A ``--model`` that cannot be loaded."""


def build_pipeline(model: Optional[str] = None) -> Language:
    """A new pipeline: the embedded default, or the installed spaCy pipeline ``model`` with qfacts on top.

    With a model, its own components run first; its ORG entities are kept where the rules found nothing, its
    GPE/LOC/FAC entities become PLACE, and the rules win where they overlap. Its DATE/TIME entities are replaced
    by the rule-based ones, since only those carry TIMEX3 values.
    """
    if model:
        try:
            nlp = spacy.load(model)
        except (OSError, IOError, ValueError) as exc:
            raise ModelError(f"cannot load spaCy model {model!r}: {str(exc).splitlines()[0]}") from None
        if "qfacts_dates" in nlp.pipe_names:
            return nlp
    else:
        nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def get_pipeline(model: Optional[str] = None) -> Language:
    """The shared pipeline for ``model`` (built once per process, whether called with no argument or None)."""
    return _cached_pipeline(model or None)


@lru_cache(maxsize=4)
def _cached_pipeline(model: Optional[str]) -> Language:
    return build_pipeline(model)


get_pipeline.cache_info = _cached_pipeline.cache_info  # type: ignore[attr-defined]
get_pipeline.cache_clear = _cached_pipeline.cache_clear  # type: ignore[attr-defined]
