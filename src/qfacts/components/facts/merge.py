"""Merge stage: the facts of a document, once each.

A headline's facts give way to the body's; a planned deal read from an instrument's purpose gives way to a deal
of that type the text states; a one-sided fact takes the other side of its party's latest two-sided deal, and
a sideless one the names of a headline that reports an agreement; facts of one type with the same parties are
one fact, and a one-party fact whose party is a side of a bigger fact of its type is that fact.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Span

from ..common import TokenView
from .dates import share_dates, take_date
from .parties import dedupe, key, set_parties


class Merger:
    """Reads ``unnamed_partner_cues`` of facts.json. ``signs(words)`` says whether words report an agreement,
    ``listed_names(v, s, e, ents, dateline)`` which names of a line are sides (the candidates' and the sides'
    stages)."""

    def __init__(self, cfg: dict, signs: Callable[[list[str]], bool], listed_names: Callable) -> None:
        self.unnamed_cues = frozenset(cfg["unnamed_partner_cues"])
        self.signs = signs
        self.listed_names = listed_names

    def finish(self, facts: list[dict]) -> list[dict]:
        """The document's facts after every sentence is read: headline facts only where the body has none,
        planned deals only where the text states none of that type, one-sided facts completed, dates shared
        between sibling facts, and each fact once."""
        if any(not f["_headline"] for f in facts):
            facts = [f for f in facts if not f["_headline"]]
        for f in facts:
            del f["_headline"], f["_base"]
        # a planned deal read from an instrument's purpose is the deal of that type the text states elsewhere
        stated = {f["type"] for f in facts if not f.get("_undated")}
        facts = [f for f in facts if not (f.get("_undated") and f["type"] in stated)]
        self.complete_one_sided(facts)
        share_dates(facts)
        for f in facts:
            f.pop("_undated", None)
        return self.merge(facts)

    def sides_from_headline(self, v: TokenView, headline: tuple[int, int], ents: list[Span], dateline: int,
                            orphans: list[dict], facts: list[dict]) -> None:
        """Agreements the body gives no named side ("Indian and Australian businessmen signed an MOU") take the
        names of a headline that reports an agreement ("INDIA, AUSTRALIA AGREE TO ...") when it names two or
        more, unless the body has a fact of that type."""
        hs, he = headline
        words = [w for w in v.lower[hs:he] if not w.isspace()]
        if not self.signs(words):
            return
        names = self.listed_names(v, hs, he, [x for x in ents if hs <= x.start and x.end <= he], dateline)
        if len(names) < 2:
            return
        stated = {f["type"] for f in facts}
        for fact in orphans:
            if not fact["parties"] and fact["type"] not in stated:
                set_parties(fact, names)
                facts.append(fact)
                stated.add(fact["type"])

    def complete_one_sided(self, facts: list[dict]) -> None:
        """A fact whose text named one side ("SAS signed a letter of intent for the jets") takes the other side
        of the latest earlier two-sided fact of that party ("an order for 12 X jets" by SAS from X)."""
        latest: dict[str, dict] = {}  # party key -> the latest fact so far with two sides that has it
        # (the facts of one sentence share its text, and many facts their keys: each looked at once)
        unnamed: dict[str, bool] = {}
        sides: dict[frozenset, int] = {}
        for f in facts:
            if len(f["keys"]) == 1:
                says = unnamed.get(f["sentence"])
                if says is None:
                    says = unnamed[f["sentence"]] = bool(self.unnamed_cues.intersection(f["sentence"].lower().split()))
            if len(f["keys"]) == 1 and not says:
                # (not where the text says the others are unnamed: "a consortium of yet unspecified partners")
                (only,) = f["keys"]
                g = latest.get(only)
                if g is not None:
                    other = [p for p in g["_spans"] if key(p) not in f["keys"]]
                    set_parties(f, dedupe(list(f["_spans"]) + other))
            count = sides.get(f["keys"])
            if count is None:
                count = sides[f["keys"]] = side_count(f["keys"])
            if count == 2:  # a fact's sides change only in its own turn above
                for k in f["keys"]:
                    if k not in latest or latest[k]["keys"] != f["keys"]:
                        latest[k] = f  # (of facts with the same sides, the first: its mentions name them)

    @staticmethod
    def merge(facts: list[dict]) -> list[dict]:
        """Merge facts of one type with the same parties, and drop a one-party fact whose party is a side of
        another fact of the same type (the same agreement, seen where the text named only one side)."""
        merged: dict[tuple, dict] = {}
        for f in facts:
            del f["_spans"]
            k = (f["type"], f.pop("keys"))
            if k in merged:
                if merged[k]["date"] is None and f["date"] is not None:
                    take_date(merged[k], f)
                continue
            merged[k] = f
        # for a one-party fact, the first fact of its type that has its party and more, else the first whose party
        # name starts with it; found through indexes by (type, key) and (type, leading words of a key), in the
        # order of ``merged``, not by comparing every pair of facts
        with_key: dict[tuple, dict] = {}
        by_prefix: dict[tuple, list[tuple[int, frozenset, dict]]] = {}
        for rank, ((type_, keys), f) in enumerate(merged.items()):
            for k in keys:
                if len(keys) > 1:
                    with_key.setdefault((type_, k), f)
                words = k.split(" ")
                for w in range(1, len(words)):
                    entries = by_prefix.setdefault((type_, " ".join(words[:w])), [])
                    if not entries or entries[-1][0] != rank:
                        entries.append((rank, keys, f))
        out = []
        for (type_, keys), f in merged.items():
            bigger = None
            if len(keys) == 1:
                (only,) = keys
                bigger = with_key.get((type_, only))
                if bigger is None:  # "Kenya signed ..." where "Kenya Ports Authority" signed it
                    bigger = next((g for _, k2, g in by_prefix.get((type_, only), ()) if k2 != keys), None)
            if bigger is not None:
                if f["date"] is not None and bigger["date"] is None:
                    take_date(bigger, f)
                continue
            out.append(f)
        return out


def side_count(keys: frozenset) -> int:
    """How many sides a set of party keys names: a name that is the first word(s) of another names the same
    side ("chrysler" and "chrysler corp")."""
    if len(keys) < 2:
        return len(keys)
    if len(keys) == 2:
        a, b = keys  # (one at most starts with the other)
        return 1 if a.startswith(b + " ") or b.startswith(a + " ") else 2
    count = 0
    for k in keys:
        prefix = k + " "  # (no key starts with itself and a space)
        count += not any([o.startswith(prefix) for o in keys])
    return count
