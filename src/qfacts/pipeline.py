"""Building the spaCy pipeline: ``spacy.blank("en")`` plus the qfacts components, or a user's model plus them."""
from __future__ import annotations

import gc
from functools import lru_cache
from typing import Any, Mapping, Optional

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .tokenizer import TOKENIZER_CONFIG, RunSafeTokenizer

COMPONENTS = ("qfacts_dates", "qfacts_places", "qfacts_orgs", "qfacts_agreements", "qfacts_facts")


Overrides = Mapping[str, Mapping[str, Any]]
"""Config values per qfacts component, e.g. ``{"qfacts_facts": {"include_negated": True}}``."""


class ModelError(RuntimeError):
    """A ``--model`` that cannot be loaded."""


def pipeline_overrides(include_negated: bool = False) -> Optional[dict[str, dict[str, Any]]]:
    """The component config overrides for the extraction options (None when every option is at its default).

    ``include_negated``: the facts component also outputs denied, refused, failed and ended agreements, with
    that status.
    """
    return {"qfacts_facts": {"include_negated": True}} if include_negated else None


def build_pipeline(model: Optional[str] = None, overrides: Optional[Overrides] = None) -> Language:
    """A new pipeline: the embedded default, or the installed spaCy pipeline ``model`` with qfacts on top.

    With a model, its own components run first; its ORG entities are kept where the rules found nothing, its
    GPE/LOC/FAC entities become PLACE, and the rules win where they overlap. Its DATE/TIME entities are replaced
    by the rule-based ones, since only those carry TIMEX3 values. ``overrides`` gives config values to qfacts
    components by name (see :func:`pipeline_overrides`); a name that is no qfacts component is a ValueError.
    """
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(COMPONENTS))
    if unknown:
        raise ValueError(f"no qfacts component {unknown[0]!r} to configure (components: {', '.join(COMPONENTS)})")
    if model:
        try:
            nlp = spacy.load(model)
        except (OSError, IOError, ValueError) as exc:
            raise ModelError(f"cannot load spaCy model {model!r}: {str(exc).splitlines()[0]}") from None
        if "qfacts_dates" in nlp.pipe_names:  # a saved qfacts pipeline: rebuild the components configured here
            for name, config in overrides.items():
                if name in nlp.pipe_names:
                    nlp.replace_pipe(name, name, config=dict(config))
            _run_safe(nlp)
            return nlp
        _run_safe(nlp)
    else:
        nlp = spacy.blank("en", config=TOKENIZER_CONFIG)  # long punctuation runs in pieces (qfacts.tokenizer)
    for name in COMPONENTS:
        nlp.add_pipe(name, config=dict(overrides.get(name, {})))
    return nlp


def _run_safe(nlp: Language) -> None:
    """Give a loaded model's pipeline the tokenizer that reads long punctuation runs in pieces (its config still
    names the model's own tokenizer; a pipeline built from the embedded default names this one)."""
    if not isinstance(nlp.tokenizer, RunSafeTokenizer):
        nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)


def get_pipeline(model: Optional[str] = None, overrides: Optional[Overrides] = None) -> Language:
    """The shared pipeline for ``model`` and ``overrides`` (built once per process for each pair; no argument,
    None and empty overrides are the same pipeline)."""
    return _cached_pipeline(model or None, _freeze(overrides))


def _freeze(overrides: Optional[Overrides]) -> tuple:
    """A hashable cache key for ``overrides``."""
    return tuple(sorted((name, tuple(sorted(config.items()))) for name, config in (overrides or {}).items()
                        if config))


@lru_cache(maxsize=4)
def _cached_pipeline(model: Optional[str], frozen: tuple) -> Language:
    nlp = build_pipeline(model, {name: dict(config) for name, config in frozen})
    # the pipeline lives as long as the process: its ~100,000 objects (vocabulary, data tables, patterns) go to
    # the collector's permanent generation, so that the collections a long document's many small objects set
    # off do not walk them again and again (12-28% of the time on texts dense with agreement words), as the
    # command line does after loading
    gc.freeze()
    return nlp


get_pipeline.cache_info = _cached_pipeline.cache_info  # type: ignore[attr-defined]
get_pipeline.cache_clear = _cached_pipeline.cache_clear  # type: ignore[attr-defined]
