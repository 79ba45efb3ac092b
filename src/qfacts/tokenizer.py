"""The pipeline's tokenizer: spaCy's, with long runs of punctuation tokenised in pieces (time linear in the text).

spaCy's tokenizer strips the prefixes and suffixes of a run without whitespace one at a time, searching the whole
rest of the run each time: time quadratic in the run (16,000 "!" took over half a minute). :func:`tokenize`
cuts such runs (:data:`LONG_RUN` holding 16 or more characters that are no letter or digit) into pieces of at
most :data:`RUN_PIECE` characters, tokenises each and joins them, with the offsets and whitespace of the text
exactly. :class:`RunSafeTokenizer` is the pipeline's tokenizer that does so, so that ``nlp(text)`` and
``nlp.make_doc(text)`` are linear too; it is registered as ``qfacts.RunSafeTokenizer.v1`` so that a saved
pipeline loads with it.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc
from spacy.util import registry

LONG_RUN = re.compile(r"\S{200,}")
"""A run of 200 or more characters without whitespace (tokenised in pieces where it holds punctuation)."""

RUN_PIECE = 100
"""Such a run is tokenised in pieces of at most this many characters (token bounds forced between them)."""


def run_cuts(text: str) -> list[int]:
    """Where :func:`tokenize` cuts ``text``: inside each long run that holds punctuation, every
    :data:`RUN_PIECE` characters at most, after punctuation where there is some near the end of the piece."""
    cuts: list[int] = []
    for m in LONG_RUN.finditer(text):
        run = m.group()
        if sum(1 for c in run if not c.isalnum()) < 16:
            continue  # letters and digits only (or nearly): the tokenizer reads it in one go
        start, end = m.span()
        while end - start > RUN_PIECE:
            cut = start + RUN_PIECE
            for k in range(cut, cut - RUN_PIECE // 2, -1):
                if not text[k - 1].isalnum():
                    cut = k
                    break
            cuts.append(cut)
            start = cut
    return cuts


def tokenize(tokenizer: Callable[[str], Doc], text: str) -> Doc:
    """``tokenizer(text)``, with long punctuation runs tokenised in pieces (a text without such runs is
    tokenised as is)."""
    cuts = run_cuts(text)
    if not cuts:
        return tokenizer(text)
    bounds = [0] + cuts + [len(text)]
    docs = [tokenizer(text[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a]
    return Doc.from_docs(docs, ensure_whitespace=False)


class RunSafeTokenizer:
    """A spaCy tokenizer (``inner``) that tokenises long punctuation runs in pieces (:func:`tokenize`).
    Serialisation, ``explain``, ``pipe`` and the rest are the inner tokenizer's."""

    def __init__(self, inner: Callable[[str], Doc]) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        return tokenize(self.inner, text)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> "RunSafeTokenizer":
        self.inner.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> "RunSafeTokenizer":
        self.inner.from_disk(path, **kwargs)
        return self

    def __reduce__(self):
        return (RunSafeTokenizer, (self.inner,))

    def __getattr__(self, name: str):
        if name == "inner":  # not set yet (while unpickling)
            raise AttributeError(name)
        return getattr(self.inner, name)


@registry.tokenizers("qfacts.RunSafeTokenizer.v1")
def create_run_safe_tokenizer() -> Callable:
    """The registered tokenizer: the language's default spaCy tokenizer, wrapped in :class:`RunSafeTokenizer`."""
    make_default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def factory(nlp) -> RunSafeTokenizer:
        return RunSafeTokenizer(make_default(nlp))

    return factory


TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "qfacts.RunSafeTokenizer.v1"}}}
"""The config that gives a new pipeline (``spacy.blank("en", config=...)``) this tokenizer."""


__all__ = ["LONG_RUN", "RUN_PIECE", "RunSafeTokenizer", "TOKENIZER_CONFIG", "run_cuts", "tokenize"]
