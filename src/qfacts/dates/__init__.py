"""Date detection and TIMEX3 normalisation (pure Python, no spaCy needed).

Public interface (used by the ``qfacts_dates`` spaCy component):

- ``find_dates(text, reference_date=None) -> list[DateMention]``: every DATE/TIME expression in ``text``
  with exact character offsets (``text[m.start:m.end] == m.text``) and a TIMEX3 value resolved against
  ``reference_date`` (a ``datetime.date`` or None; with None, relative dates keep ``X`` parts).
- ``find_reference_date(text) -> ReferenceDate | None``: the article's own date from its dateline or first lines.
- ``find_yearless_dateline(text) -> DateMention | None``: a dateline with month and day but no year ("SEOUL,
  May 19 (Yonhap) --"), which gives no reference date.

Conventions (TimeML / TIMEX3):

- Extents carry no leading preposition ("on Friday" -> "Friday") but keep determiners and modifiers that
  belong to the expression ("the end of 2027", "the first quarter of 2026", "last week", "50 years ago").
- Durations and sets ("two years", "every week", "the next 24 months") are not reported.
- Numeric dates "11/05/2024" are read month-first (US) unless the first number is over 12 (then day-first).
- Relative dates take their direction from the sentence: the nearest future cue ("will", "plans to",
  "is scheduled to" ...) or past cue ("said", "-ed" verbs ...) before the expression, else after it, else past
  (news reports mostly look back).  A weekday naming the reference date itself is that day.
  The cue lists live in ``qfacts/data/dates/cues.json``, every word list in ``lexicon.json``.
- Seasons are approximate intervals: spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb
  (``YYYY-WI`` starts in December of YYYY).  Weeks are ISO weeks (Monday-Sunday).
- ``interval_start`` / ``interval_end`` are the first and last calendar days denoted, None where the value
  has ``X`` parts or is a ``*_REF``.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

__all__ = ["DateMention", "ReferenceDate", "find_dates", "find_reference_date", "find_yearless_dateline"]


@dataclass(frozen=True)
class DateMention:
    """One date or time expression found in a text."""

    start: int
    end: int
    text: str
    value: str
    type: str
    interval_start: str | None
    interval_end: str | None
    mod: str | None = None


@dataclass(frozen=True)
class ReferenceDate:
    """The article's own date as found in its dateline or header lines."""

    date: datetime.date
    start: int
    end: int
    text: str
    source: str


from .engine import find_dates  # noqa: E402
from .reference import find_reference_date, find_yearless_dateline  # noqa: E402
