"""Word-phrase helpers the facts stages share: cue lists as tuples of lower-case words, and matching them."""
from __future__ import annotations


def phrases(words: list[str]) -> list[tuple[str, ...]]:
    """Cue phrases from a data file ("letter of intent") as tuples of lower-case words."""
    return [tuple(w.lower().split()) for w in words]


def has(tokens: list[str], cues: list[tuple[str, ...]]) -> bool:
    """Whether any cue phrase occurs in the word list ``tokens``."""
    if not tokens:
        return False
    present = set(tokens)
    for p in cues:
        n = len(p)
        if p[0] not in present:
            continue
        if n == 1:
            return True
        else:
            for i in range(len(tokens) - n + 1):
                if tuple(tokens[i:i + n]) == p:
                    return True
    return False


def starts_with(low: list[str], s: int, e: int, cues: list[tuple[str, ...]]) -> bool:
    """Whether the words of tokens s..e (spaces skipped) begin with one of the cue phrases."""
    words = [w for w in low[s:min(e, s + 8)] if not w.isspace()]
    return any(tuple(words[:len(p)]) == p for p in cues)
