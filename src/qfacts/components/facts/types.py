"""Type stage: which type a fact has. The agreement word's type, unless

- it is a general word whose purpose names a deal ("an agreement to set up a shipping line": joint venture);
- it is an instrument (letter of intent, MOU) with a purpose: then the planned deal is a second fact;
- all its sides are states and its type is one that states sign as a trade agreement;
- it is an anaphor ("the agreement"), which adds its date and sides to the earlier fact it refers to.
"""
from __future__ import annotations

from typing import Optional

from spacy.strings import hash_string
from spacy.tokens import Span

from .dates import nearest, set_date
from .parties import dedupe, set_parties
from .phrases import phrases

_PLACE = hash_string("PLACE")  # a span's ``label`` (``label_`` looks the string up on each read)


class Types:
    """Reads the ``purpose`` and ``between_states`` entries of facts.json."""

    def __init__(self, cfg: dict) -> None:
        purpose = cfg["purpose"]
        self.purpose_window = int(purpose["window"])
        self.purpose_instruments = frozenset(purpose["instruments"])
        self.purpose_general = frozenset(purpose["general"])
        # "an agreement where/under which X will supply ...": the clause's auxiliary stands for "to"
        self.clause_words = frozenset(purpose.get("clause_words", ()))
        self.clause_auxiliaries = frozenset(purpose.get("clause_auxiliaries", ()))
        self.purpose_verbs = sorted(((tuple(k.split()), t) for k, t in purpose["verbs"].items()),
                                    key=lambda kv: -len(kv[0]))
        self.founding_verbs = phrases(purpose["founding_verbs"])
        self.founding_nouns = frozenset(purpose["founding_nouns"])
        self.founding_type = purpose["founding_type"]
        self.business_nouns = frozenset(purpose["business_nouns"])
        self.business_type = purpose["business_type"]
        self.state_types = frozenset(cfg["between_states"]["types"])
        self.state_type = cfg["between_states"]["becomes"]

    @staticmethod
    def base_type(trig: Span, kind: str) -> str:
        """The type the agreement word gives: an anaphor that refers to no earlier fact ("new") has its own."""
        return trig._.value if kind != "new" or trig._.own_value is None else trig._.own_value

    def purpose_of(self, low: list[str], labels: list, trig: Span, e: int, base_type: str,
                   triggers: list[Span]) -> Optional[str]:
        """The type of the deal a general word or an instrument is for, unless the sentence names that
        agreement itself ("an LOI to form a joint venture")."""
        if base_type not in self.purpose_general and base_type not in self.purpose_instruments:
            return None
        purpose = self._purpose(low, labels, trig, e)
        if purpose is not None and any(t._.value == purpose for t in triggers):
            return None
        return purpose

    def fact_type(self, base_type: str, purpose: Optional[str], parties: list[Span]) -> str:
        """The fact's type: a general word takes its purpose's; an accord between states only is a trade
        agreement (``between_states``)."""
        type_ = purpose if purpose is not None and base_type in self.purpose_general else base_type
        if type_ in self.state_types and len(parties) > 1 and all([p.label == _PLACE for p in parties]):
            type_ = self.state_type
        return type_

    def plans(self, purpose: Optional[str], type_: str) -> bool:
        """Whether an instrument's purpose is a planned deal of its own (a second fact)."""
        return purpose is not None and type_ in self.purpose_instruments

    def _purpose(self, low: list[str], labels: list, trig: Span, e: int) -> Optional[str]:
        """The type of what an agreement is for, given in its clause as 'to' and a purpose verb ("a letter of
        intent to build an icebreaker": contract; "an agreement to set up a shipping line": joint venture), or
        in a relative clause as an auxiliary and the verb ("an agreement under which X will supply Y": contract)."""
        words: list[tuple[int, str]] = []
        for k in range(trig.end, e):
            if low[k].isspace():
                continue
            if low[k] in (".", ";") or labels[k] == "AGREEMENT" or len(words) >= self.purpose_window + 8:
                break
            words.append((k, low[k]))
        plain = [w for _, w in words]
        clause = False  # a relative clause that says what the agreement is ("under which", "whereby")
        for i, w in enumerate(plain[:min(len(plain) - 1, self.purpose_window)]):
            clause = clause or w in self.clause_words
            if w != "to" and not (clause and w in self.clause_auxiliaries):
                continue
            rest = plain[i + 1:]
            for phrase, type_ in self.purpose_verbs:
                if tuple(rest[:len(phrase)]) == phrase:
                    if any(x in self.business_nouns for x in rest[len(phrase):len(phrase) + 5]):
                        return self.business_type  # "to sell its U.S. unit": the unit changes hands
                    return type_
            for phrase in self.founding_verbs:
                if tuple(rest[:len(phrase)]) == phrase \
                        and any(x in self.founding_nouns for x in rest[len(phrase):len(phrase) + 5]):
                    return self.founding_type
        return None

    def attach(self, facts: list[dict], trig: Span, dates: list[Span], groups: list[list[Span]],
               sides: list[list[Span]]) -> Optional[dict]:
        """An anaphoric mention ("the MOC was signed on Friday by X and Y"): give its sentence's date, and its
        partners where the earlier fact lacks a side, to the latest earlier fact of its type. ``sides`` are
        groups that name the agreement's own sides ("the partnership between X, Y and Z"): they are added to
        the earlier fact in any case."""
        value = trig._.value
        for fact in reversed(facts):
            if value in (fact["type"], fact["_base"]) or value in self.state_types and fact["type"] == self.state_type:
                if fact["date"] is None and dates:
                    set_date(fact, nearest(dates, trig))
                extra = sides or (groups if len(fact["_spans"]) < 2 else [])
                if extra:
                    set_parties(fact, dedupe(list(fact["_spans"]) + [p for g in extra for p in g]))
                return fact
        return None
