"""Word-phrase helpers the facts stages share: cue lists as tuples of lower-case words, and matching them."""
from __future__ import annotations


class Cues(list):
    """A list of cue phrases (tuples of lower-case words) with an index of them by first word, so that
    :func:`has` looks only at the cues whose first word the text holds."""

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in self:
            self.by_first.setdefault(p[0], []).append(p)


def phrases(words: list[str]) -> Cues:
    """Cue phrases from a data file ("letter of intent") as tuples of lower-case words."""
    return Cues(tuple(w.lower().split()) for w in words)


def has(tokens: list[str], cues: list[tuple[str, ...]]) -> bool:
    """Whether any cue phrase occurs in the word list ``tokens``."""
    if not tokens:
        return False
    by_first = getattr(cues, "by_first", None)
    if by_first is None:
        by_first = {}
        for p in cues:
            by_first.setdefault(p[0], []).append(p)
    present = by_first.keys() & set(tokens)
    for first in present:
        for p in by_first[first]:
            n = len(p)
            if n == 1:
                return True
            for i in range(len(tokens) - n + 1):
                if tokens[i] == first and tuple(tokens[i:i + n]) == p:
                    return True
    return False


def starts_with(low: list[str], s: int, e: int, cues: list[tuple[str, ...]]) -> bool:
    """Whether the words of tokens s..e (spaces skipped) begin with one of the cue phrases."""
    by_first = getattr(cues, "by_first", None)
    if by_first is not None:
        first = next((w for w in low[s:min(e, s + 8)] if not w.isspace()), None)
        if first is None:
            return False
        cues = by_first.get(first, ())
        if not cues:
            return False  # (most sentences: no cue starts with their first word)
    words = [w for w in low[s:min(e, s + 8)] if not w.isspace()]
    if not words:
        return False
    return any(tuple(words[:len(p)]) == p for p in cues)
