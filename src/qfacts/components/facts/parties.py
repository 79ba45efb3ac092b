"""A fact's sides: the key a party is compared on, removing repeats, and writing the sides into a fact."""
from __future__ import annotations

from spacy.tokens import Span


def key(ent: Span) -> str:
    """What a party is compared on: its canonical name (else its text), case-folded."""
    return (ent._.canonical or ent.text).casefold()


def dedupe(parties: list[Span]) -> list[Span]:
    """The parties in order, each key once."""
    seen, out = set(), []
    for p in parties:
        k = key(p)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


def set_parties(fact: dict, parties: list[Span]) -> None:
    """The sides of a fact: names on one line, their spans, and the keys facts are merged on."""
    fact["parties"] = [" ".join(p.text.split()) for p in parties]
    fact["_spans"] = parties
    fact["keys"] = frozenset(key(p) for p in parties)
