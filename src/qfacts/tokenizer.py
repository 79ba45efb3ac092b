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

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

LONG_RUN_LENGTH = 200
LONG_RUN = re.compile(r"\S{%d,}" % LONG_RUN_LENGTH)
"""A run of 200 or more characters without whitespace (tokenised in pieces where it holds punctuation)."""

RUN_PIECE = 100
"""Such a run is tokenised in pieces of at most this many characters (token bounds forced between them)."""

CACHE_SIZE = 200_000
"""How many distinct words (runs without whitespace) spaCy's tokenizer keeps the tokens of (spaCy's own default
is 10,000, fewer than a few thousand news articles hold)."""

WARM_LENGTH = 64
"""Words up to this long are put in the tokenizer's cache on their own (:meth:`RunSafeTokenizer.warm`)."""


FORMAT_CHARACTER = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
"""Invisible format characters that web text leaves inside and at the edges of words: zero-width space and
joiners, left-to-right and right-to-left marks and embeddings, word joiner, byte-order mark. Each is a token of
its own (:func:`tokenize`), so "Mosul\u200e," is the word "Mosul"."""


def has_format_characters(text: str) -> bool:
    """Whether ``text`` holds a :data:`FORMAT_CHARACTER` (an ASCII text, most news, is answered without a scan)."""
    return not text.isascii() and FORMAT_CHARACTER.search(text) is not None


def format_cuts(text: str) -> list[int]:
    """The bounds of every invisible format character in ``text`` (where :func:`tokenize` cuts)."""
    cuts: list[int] = []
    n = len(text)
    for m in FORMAT_CHARACTER.finditer(text):
        end = m.end()
        while end < n and text[end].isspace():
            end += 1  # the whitespace after it stays with it, as spaCy attaches it to the token before
        cuts.extend((m.start(), end))
    return cuts


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
    """``tokenizer(text)``, with long punctuation runs tokenised in pieces and each invisible format character a
    token of its own (a text without either is tokenised as is)."""
    cuts = run_cuts(text)
    if has_format_characters(text):
        cuts = sorted(set(cuts).union(format_cuts(text)))
    if not cuts:
        return tokenizer(text)
    bounds = [0] + cuts + [len(text)]
    docs = [tokenizer(text[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a]
    return Doc.from_docs(docs, ensure_whitespace=False)


class RunSafeTokenizer:
    """A spaCy tokenizer (``inner``) that tokenises long punctuation runs in pieces (:func:`tokenize`).
    Serialisation, ``explain``, ``pipe`` and the rest are the inner tokenizer's.

    When ``inner`` is spaCy's own :class:`~spacy.tokenizer.Tokenizer`, each new word (a run without whitespace) of
    a text is also tokenised on its own first, so that spaCy caches its tokens (:meth:`warm`): spaCy caches no word
    of a text after the first special case it meets there ("U.S.", "'s", "don't"; spaCy issue #1250), so that in
    news text most words were split by the prefix, suffix and infix rules again in every document. A word is
    tokenised alone exactly as within a text (spaCy's cache relies on that); the tokens are the same.
    """

    def __init__(self, inner: Callable[[str], Doc]) -> None:
        self.inner = inner
        self._warmed: set[str] = set()
        if type(inner) is Tokenizer and inner.max_cache_size < CACHE_SIZE:
            inner.max_cache_size = CACHE_SIZE

    def __call__(self, text: str) -> Doc:
        words = text.split()   # the runs without whitespace, as spaCy's tokenizer splits the text first
        self._warm(words)
        if (not words or max(map(len, words)) < LONG_RUN_LENGTH) and not has_format_characters(text):
            return self.inner(text)   # no long run: what tokenize() does, without searching the text again
        return tokenize(self.inner, text)

    def warm(self, text: str) -> None:
        """Tokenise each word of ``text`` not seen before (up to :data:`WARM_LENGTH` characters) on its own, which
        puts its tokens in spaCy's cache (until the cache is full). Nothing for a tokenizer other than spaCy's."""
        self._warm(text.split())

    def _warm(self, words: list[str]) -> None:
        inner = self.inner
        warmed = self._warmed
        if type(inner) is not Tokenizer or warmed.issuperset(words) or len(warmed) >= inner.max_cache_size \
                or inner.vocab.in_memory_zone:
            return
        new = set(words)
        new -= warmed
        warmed |= new
        for word in new:
            if len(word) <= WARM_LENGTH:
                inner(word)

    def pipe(self, texts, batch_size: int = 1000):
        # (what the components tokenise their phrase patterns with while the pipeline is built: short phrases,
        # whose words are not worth putting in the cache one by one first)
        for text in texts:
            yield tokenize(self.inner, text)

    def to_bytes(self, **kwargs) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> "RunSafeTokenizer":
        self.inner.from_bytes(data, **kwargs)
        self._warmed.clear()   # new settings: spaCy has emptied its cache
        return self

    def to_disk(self, path, **kwargs) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> "RunSafeTokenizer":
        self.inner.from_disk(path, **kwargs)
        self._warmed.clear()
        return self

    def __reduce__(self):
        return (RunSafeTokenizer, (self.inner,))

    def __getattr__(self, name: str):
        if name in ("inner", "_warmed"):  # not set yet (while unpickling)
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


__all__ = ["CACHE_SIZE", "FORMAT_CHARACTER", "has_format_characters", "LONG_RUN", "LONG_RUN_LENGTH", "RUN_PIECE", "WARM_LENGTH", "RunSafeTokenizer", "TOKENIZER_CONFIG", "format_cuts",
           "run_cuts", "tokenize"]
