"""Plain result records: what the library returns and the CLI prints.

Offsets are Python string offsets (code points) into the exact input text, end exclusive,
so ``text[start:end] == entity.text`` holds for every entity.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterator
from typing import Any, Optional

SCHEMA_VERSION = "1.4"

LABELS = ("ORG", "PLACE", "DATE", "AGREEMENT")


@dataclass(slots=True)
class Entity:
    label: str
    start: int
    end: int
    text: str
    value: Optional[str] = None  # DATE: TIMEX3 value; AGREEMENT: canonical type
    canonical: Optional[str] = None  # ORG/PLACE: the fullest name of the same entity in the text
    interval: Optional[dict[str, str]] = None  # DATE: {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}

    def to_dict(self) -> dict[str, Any]:
        # by hand rather than dataclasses.asdict (a deep copy): records can hold hundreds of thousands of these
        d: dict[str, Any] = {"label": self.label, "start": self.start, "end": self.end, "text": self.text}
        if self.value is not None:
            d["value"] = self.value
        if self.canonical is not None:
            d["canonical"] = self.canonical
        if self.interval is not None:
            d["interval"] = dict(self.interval)
        return d


@dataclass(slots=True)
class Agreement:
    type: str
    parties: list[str]  # canonical names of the sides (as the text writes them), each entity once
    date: Optional[str]
    status: str  # "signed" | "announced" | "planned" | "negotiating" (denied/refused/failed/ended: include_negated)
    trigger: dict[str, Any]  # {"text", "start", "end"} of the agreement mention
    sentence: str
    start: int  # offsets of the sentence
    end: int
    date_text: Optional[str] = None
    date_interval: Optional[dict[str, str]] = None  # the calendar days of ``date``: {"start", "end"}
    cameo: Optional[str] = None  # CAMEO event code of the type (057 sign formal agreement), for joining GDELT data
    # one per party, in the order of ``parties``: {"name", "surface", "role", "start", "end"} (schema 1.3), the
    # mention inside the fact's sentence; where that is a referring expression ("it", "the two companies") or the
    # agreement word, also "antecedent": {"text", "start", "end"} of the named mention (schema 1.4)
    party_details: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.type, "parties": list(self.parties),
                             "party_details": [dict(p) for p in self.party_details], "date": self.date,
                             "status": self.status, "trigger": dict(self.trigger), "sentence": self.sentence,
                             "start": self.start, "end": self.end, "date_text": self.date_text,
                             "date_interval": self.date_interval, "cameo": self.cameo}
        if d["date_interval"] is not None:
            d["date_interval"] = dict(d["date_interval"])
        for key in ("date_text", "date_interval", "cameo"):
            if d[key] is None:
                del d[key]
        return d


@dataclass
class Record:
    id: str
    source: str
    reference_date: Optional[str]
    reference_date_source: Optional[str]  # "option" | "record" | "dateline" | "given" | "dateline_without_year" | None
    entities: list[Entity] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    text_length: int = 0
    # each ORG/PLACE entity once: {"label", "name" (its canonical), "aliases" (other surface forms), "mentions"}
    canonical_entities: list[dict[str, Any]] = field(default_factory=list)
    # a stage that failed on this document: {"component": its name, "error": "Type: message"}; the record
    # still holds what the other stages found
    errors: list[dict[str, str]] = field(default_factory=list)

    def parts(self) -> Iterator[tuple[str, Any]]:
        """The items of ``to_dict()`` in order, its long lists as iterators, so a writer can stream a record
        with hundreds of thousands of entities without building all their dicts at once."""
        yield "schema_version", SCHEMA_VERSION
        yield "id", self.id
        yield "source", self.source
        yield "reference_date", self.reference_date
        yield "reference_date_source", self.reference_date_source
        yield "text_length", self.text_length
        yield "entities", (e.to_dict() for e in self.entities)
        yield "canonical_entities", (dict(c, aliases=list(c["aliases"])) for c in self.canonical_entities)
        yield "agreements", (a.to_dict() for a in self.agreements)
        if self.errors:  # only when a stage failed (schema 1.2)
            yield "errors", [dict(e) for e in self.errors]

    def to_dict(self) -> dict[str, Any]:
        return {key: list(value) if isinstance(value, Iterator) else value for key, value in self.parts()}
