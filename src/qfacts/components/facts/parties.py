"""A fact's sides: the name a party goes by, the key it is compared on, and writing the sides into a fact.

A party is named by its entity's canonical name, grouped as the record's ``canonical_entities`` group mentions
(:func:`qfacts.entities.resolve`: "Siemens" and "Siemens AG", an acronym and its definition, a gazetteer alias).
Where that canonical form is one no mention writes (a gazetteer's "United Kingdom" for "Britain"), the party is
named by the fullest form the text gives its entity instead, so that a fact's names are always words of its
text. The facts component computes these names once per document (:func:`name_parties`); a fact keeps each
party's surface form, mention offsets and role beside the name, in ``party_details``, and never names one
entity twice.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from ...entities import resolve, surface
from ...models import Entity

NAMES = "qfacts_party_names"  # doc.user_data: token start of an ORG/PLACE mention -> its canonical name


def name_parties(doc: Doc, ents: list[Span]) -> None:
    """Give the document's ORG and PLACE mentions the names the record will give them as parties (worked out on
    the first :func:`name` asked, so that a document without facts costs nothing)."""
    doc.user_data[NAMES] = _Names(ents)


class _Names:
    """Token start of an ORG/PLACE mention -> its name as a party, resolved on first use."""

    def __init__(self, ents: list[Span]) -> None:
        self.ents = ents
        self.names: Optional[dict[int, str]] = None

    def get(self, start: int, end: Optional[int] = None) -> Optional[str]:
        """The name of the mention at token ``start`` (that ends at ``end``, where given)."""
        if self.names is None:
            entities = [Entity(label=e.label_, start=e.start_char, end=e.end_char, text=e.text,
                               canonical=e._.canonical) for e in self.ents]
            resolve(entities)
            names = text_names(entities)
            self.names = {e.start: names[i] for i, e in enumerate(self.ents)}
            self.ends = {e.start: e.end for e in self.ents}
        if end is not None and self.ends.get(start, end) != end:
            return None  # a span the facts stages read from the words ("its Sunrise, Fla., branch")
        return self.names.get(start)

    def __bool__(self) -> bool:
        return bool(self.ents)


def text_names(entities: list[Entity]) -> list[str]:
    """For each resolved ORG/PLACE entity, the name a fact gives it: its ``canonical`` where some mention of
    the entity writes it, else the fullest form its mentions write (most words, then longest, then first)."""
    groups: dict[tuple[str, str], list[int]] = {}
    surfaces = [surface(e.text) for e in entities]
    for i, e in enumerate(entities):
        groups.setdefault((e.label, e.canonical or surfaces[i]), []).append(i)
    out = list(surfaces)
    for (_, canonical), members in groups.items():
        forms = [surfaces[i] for i in members]
        if canonical in forms:
            chosen = canonical
        else:
            chosen = min(forms, key=lambda f: (-len(f.split()), -len(f), forms.index(f)))
        for i in members:
            out[i] = chosen
    return out


def name(ent: Span) -> str:
    """A party's canonical name (its surface form, on one line, where the document's names are not known)."""
    names = ent.doc.user_data.get(NAMES)
    found = names.get(ent.start, ent.end) if names else None
    return found or surface(ent._.canonical or ent.text)


def key(ent: Span) -> str:
    """What a party is compared on: its canonical name, case-folded."""
    return name(ent).casefold()


def dedupe(parties: list[Span]) -> list[Span]:
    """The parties in order, each entity once."""
    seen, out = set(), []
    for p in parties:
        k = key(p)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


def set_parties(fact: dict, parties: list[Span], roles: Optional[dict[int, str]] = None) -> None:
    """The sides of a fact: canonical names, their details (name, surface form, role, mention offsets), their
    spans, and the keys facts are merged on. ``roles`` maps a party's token start to its role; a party that
    had a role in the fact keeps it."""
    old = {d["start"]: d["role"] for d in fact.get("party_details", ())}
    fact["parties"] = [name(p) for p in parties]
    fact["party_details"] = [
        {"name": name(p), "surface": surface(p.text),
         "role": (roles or {}).get(p.start) or old.get(p.start_char), "start": p.start_char, "end": p.end_char}
        for p in parties]
    fact["_spans"] = parties
    fact["keys"] = frozenset(key(p) for p in parties)


def name_record_parties(entities: list[Entity], agreements: list) -> None:
    """Name the parties of a record's facts as the record's resolved entities name them (a text processed in
    pieces has its names grouped across pieces only here): each party detail takes the name of the entity at
    its offsets, a fact names each entity once (keeping the first role given), and facts that become equal
    (same type and parties) are one, keeping a date either had."""
    if not agreements:
        return
    ents = [e for e in entities if e.label in ("ORG", "PLACE")]
    names = text_names(ents)
    at = {(e.start, e.end): names[i] for i, e in enumerate(ents)}
    seen: dict[tuple, object] = {}
    kept = []
    for fact in agreements:
        details: list[dict] = []
        index: dict[str, dict] = {}
        for d in fact.party_details:
            named = at.get((d["start"], d["end"]), d["name"])
            if named.casefold() in index:
                first = index[named.casefold()]
                first["role"] = first["role"] or d["role"]
                continue
            d = dict(d, name=named)
            index[named.casefold()] = d
            details.append(d)
        fact.party_details = details
        fact.parties = [d["name"] for d in details]
        k = (fact.type, frozenset(index))
        if k in seen:
            other = seen[k]
            if other.date is None and fact.date is not None:
                other.date, other.date_text, other.date_interval = fact.date, fact.date_text, fact.date_interval
            continue
        seen[k] = fact
        kept.append(fact)
    agreements[:] = kept
