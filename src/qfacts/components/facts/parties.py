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

from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc, Span

from ...entities import resolve, surface
from ...models import Entity
from ..common import span_values, token_view

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
        self.seen: dict[tuple[int, int], tuple[str, str, str, int, int]] = {}  # (start, end) -> _party_of

    def get(self, start: int, end: Optional[int] = None) -> Optional[str]:
        """The name of the mention at token ``start`` (that ends at ``end``, where given)."""
        if self.names is None:
            entities = []
            if self.ents:  # (texts from the document's text, canonical forms from its store: no Token or
                # Underscore object per mention)
                doc = self.ents[0].doc
                text = token_view(doc).doc_text
                canonical = span_values(doc, ("canonical",))
                for e in self.ents:
                    a, b = e.start_char, e.end_char
                    entities.append(Entity(label=e.label_, start=a, end=b, text=text[a:b],
                                           canonical=canonical(a, b)[0]))
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


def _party_of(ent: Span) -> tuple[str, str, str, int, int]:
    """(name, key, surface form, start_char, end_char) of a party's span: worked out once per mention and
    document (a sentence with many agreement words writes the same names into many candidate facts)."""
    names = ent.doc.user_data.get(NAMES)
    at = (ent.start, ent.end)
    if names is not None:
        found = names.seen.get(at)
        if found is not None:
            return found
    found_name = names.get(ent.start, ent.end) if names else None
    text = ent.text
    named = found_name or surface(ent._.canonical or text)
    out = (named, named.casefold(), surface(text), ent.start_char, ent.end_char)
    if names is not None:
        names.seen[at] = out
    return out


def name(ent: Span) -> str:
    """A party's canonical name (its surface form, on one line, where the document's names are not known)."""
    return _party_of(ent)[0]


def key(ent: Span) -> str:
    """What a party is compared on: its canonical name, case-folded."""
    return _party_of(ent)[1]


def dedupe(parties: list[Span]) -> list[Span]:
    """The parties in order, each entity once."""
    return list(parties) if len(parties) < 2 else dedupe_onto([], set(), parties)


def dedupe_onto(first: list[Span], first_keys: set[str], more: list[Span]) -> list[Span]:
    """``dedupe(first + more)`` for parties ``first`` that are deduplicated already, with their keys
    ``first_keys`` (an agreement word's subject, written into each of its candidate facts)."""
    if not more:
        return list(first)
    seen, out = set(first_keys), list(first)
    for p in more:
        k = _party_of(p)[1]
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


_RESETS = [0]  # how many times set_parties gave a fact that had sides new ones


def resets() -> int:
    """How many times :func:`set_parties` has set the sides of a fact that had some (an earlier fact completed
    by a later sentence): a reader that keeps what it found in earlier facts reads them again when this moved."""
    return _RESETS[0]


def set_parties(fact: dict, parties: list[Span], roles: Optional[dict[int, str]] = None) -> None:
    """The sides of a fact: canonical names, their details (name, surface form, role, mention offsets), their
    spans, and the keys facts are merged on. ``roles`` maps a party's token start to its role; a party that
    had a role in the fact keeps it."""
    if "_spans" in fact:
        _RESETS[0] += 1
    if not parties:
        fact["parties"], fact["party_details"], fact["_spans"], fact["keys"] = [], [], parties, frozenset()
        return
    before = fact.get("party_details")
    old = {d["start"]: d["role"] for d in before} if before else {}
    roles = roles or {}
    names, keys, details = [], [], []
    for p in parties:
        named, k, form, start, end = _party_of(p)
        names.append(named)
        keys.append(k)
        details.append({"name": named, "surface": form, "role": roles.get(p.start) or old.get(start),
                        "start": start, "end": end})
    fact["parties"] = names
    fact["party_details"] = details
    fact["_spans"] = parties
    fact["keys"] = frozenset(keys)


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
            named_at = d.get("antecedent") or d  # a referring expression is named as the mention it refers to
            named = at.get((named_at["start"], named_at["end"]), d["name"])
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


def anchor_parties(facts: list[dict], v, mentions: list[tuple[int, int, str]],
                   phrases: dict[str, list[tuple[str, ...]]]) -> None:
    """Make each fact's ``party_details`` mention lie inside the fact's sentence (``start``..``end``, record
    layout, character offsets into ``v.doc_text``). A party whose mention is outside (reached through "it", "the
    two companies", an earlier fact, the headline, a list in the next sentence) is recorded at

    1. a mention of the same name inside the sentence, where there is one; else
    2. the first referring expression of the sentence (``phrases``: facts.json's subject words, by first word:
       "it", "they", "the city", "the two companies"); else
    3. the agreement word itself (the sentence leaves the party implicit),

    with the named mention kept beside it as ``antecedent`` ({"text", "start", "end"}) in cases 2 and 3.
    ``mentions``: (start, end, case-folded party name) of the document's ORG/PLACE mentions, sorted by start."""
    if not facts:
        return
    starts = [m[0] for m in mentions]
    for fact in facts:
        s, e = fact["start"], fact["end"]
        details = fact.get("party_details") or ()
        if all(s <= d["start"] and d["end"] <= e for d in details):
            continue
        referring = None
        for d in details:
            if s <= d["start"] and d["end"] <= e:
                continue
            wanted = d["name"].casefold()
            same = None
            for a, b, k in mentions[bisect_left(starts, s):]:
                if a >= e:
                    break
                if b <= e and k == wanted:
                    same = (a, b)
                    break
            if same is not None:
                d.update(start=same[0], end=same[1], surface=surface(v.doc_text[same[0]:same[1]]))
                continue
            if referring is None:
                referring = _referring(v, s, e, phrases) or (fact["trigger_start"], fact["trigger_end"])
            a, b = referring
            d["antecedent"] = {"text": v.doc_text[d["start"]:d["end"]], "start": d["start"], "end": d["end"]}
            d.update(start=a, end=b, surface=surface(v.doc_text[a:b]))


def _referring(v, s: int, e: int, phrases: dict[str, list[tuple[str, ...]]]) -> Optional[tuple[int, int]]:
    """Character span of the first referring expression ("it", "the two companies") in characters s..e."""
    i = bisect_left(v.idx, s)
    low = v.lower
    n = len(low)
    while i < n and v.idx[i] < e:
        for phrase in phrases.get(low[i], ()):
            k = len(phrase)
            if tuple(low[i:i + k]) == phrase:
                end = v.idx[i + k - 1] + len(v.text[i + k - 1])
                if end <= e:
                    return v.idx[i], end
        i += 1
    return None
