"""Date stage: which DATE of its sentence (or of a later mention) is an agreement's date."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from ..common import TokenView

_YEARISH = re.compile(r"^\d{4}")


class FactDates:
    """Reads ``target_date_words`` of facts.json: a date after "by" or "until" is a deadline, not the date of an
    agreement."""

    def __init__(self, cfg: dict) -> None:
        self.target_date_words = frozenset(cfg["target_date_words"])

    def dated(self, all_ents: list[Span], v: TokenView, dateline: int) -> list[Span]:
        """The DATE entities that can date a fact: with a calendar value, after the dateline (whose date is the
        article's) and not a deadline."""
        return [d for d in all_ents if d.label_ == "DATE" and d._.value and _YEARISH.match(d._.value)
                and d.start >= dateline and not self.target_date(v.lower, d)]

    def target_date(self, low: list[str], date: Span) -> bool:
        """A deadline or target ("by the end of 2030", "until 1990"), not the date of an agreement."""
        k = date.start - 1
        while k >= 0 and low[k].isspace():
            k -= 1
        return k >= 0 and low[k] in self.target_date_words


def set_date(fact: dict, date: Optional[Span]) -> None:
    fact.update(date_fields(date))


def date_fields(date: Optional[Span]) -> dict:
    """The date entries of a fact dated by ``date`` (None: undated), read once for all the candidate facts of
    an agreement word."""
    if date is None:
        return {"date": None, "date_text": None, "date_interval": None}
    return {"date": date._.value, "date_text": date.text, "date_interval": date._.interval}


def take_date(fact: dict, other: dict) -> None:
    for k in ("date", "date_text", "date_interval"):
        fact[k] = other[k]


def own_dates(dates: list[Span], trig: Span, triggers: list[Span]) -> list[Span]:
    """The sentence's dates less those that belong to another agreement word right after them
    ("Today's agreement follows an agreement ... in December": "Today's" is the first one's)."""
    if not dates:
        return dates
    others = {t.start for t in triggers if t is not trig}
    own = [d for d in dates if d.end not in others and d.end + 1 not in others]
    return own or dates


def nearest(dates: list[Span], trig: Span, low: Optional[list[str]] = None,
            commas: Optional[list[int]] = None) -> Optional[Span]:
    """The DATE of the sentence closest to the agreement word, preferring one that no comma or semicolon
    separates from it ("X, which opens in October, signed a deal last May": May). ``commas``: the count of
    commas and semicolons before each token of ``low`` (:func:`comma_counts`), to spare counting them again."""
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0]

    def order(d: Span) -> tuple[bool, int]:
        a, b = (d.end, trig.start) if d.end <= trig.start else (trig.end, d.start)
        if commas is not None:
            apart = b > a and commas[b] > commas[a]
        else:
            apart = low is not None and any(w in (",", ";") for w in low[a:b])
        return apart, abs(d.start - trig.start)
    return min(dates, key=order)


def comma_counts(low: list[str]) -> list[int]:
    """For each token index k (and len(low)), how many commas and semicolons stand before token k."""
    out = [0]
    n = 0
    for w in low:
        n += w in (",", ";")
        out.append(n)
    return out


def share_dates(facts: list[dict]) -> None:
    """Facts stated in one sentence between the same sides ("signed an LOI ... pledging joint research")
    are one occasion: an undated one takes the date its sibling got."""
    dated: dict[tuple, dict] = {}  # (sentence start, party keys) -> the first dated fact (one pass, not pairs)
    for g in facts:
        if g["date"] is not None:
            dated.setdefault((g["start"], g["keys"]), g)
    for f in facts:
        if f["date"] is None and not f.get("_undated"):
            sibling = dated.get((f["start"], f["keys"]))
            if sibling is not None:
                take_date(f, sibling)
