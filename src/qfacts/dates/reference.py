"""find_reference_date: the article's own date from its dateline or first lines."""
from __future__ import annotations

import datetime as dt
import re

from . import DateMention, ReferenceDate

_HEADER_LINES = 4
_HEADER_CHARS = 400
_FULL = re.compile(r"^\d{4}-\d\d-\d\d")
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_YEAR = re.compile(r"^\d{4}$")
# a dateline: "SEOUL, May 19 (Yonhap) --", "WASHINGTON, Nov. 5 -", "TOKYO (Kyodo) April 12:"; the place before the
# date ends with a comma or an agency in brackets, the date is followed by an agency, a dash or a colon
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w.'\u2019&-]*(?:[ \t]+[\w.'\u2019&-]+){0,4}[ \t]*(?:,|\([^()\n]{1,30}\))[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:--|-|\u2013|\u2014|:)")


def _header_end(text: str) -> int:
    """End offset of the header: the first few non-empty lines, at most _HEADER_CHARS characters."""
    pos, seen = 0, 0
    for m in re.finditer(r"[^\n]*\n?", text):
        if m.start() >= len(text):
            break
        if m.group().strip():
            seen += 1
        pos = m.end()
        if seen >= _HEADER_LINES or pos >= _HEADER_CHARS:
            break
    return min(pos, _HEADER_CHARS, len(text))


def find_reference_date(text: str) -> ReferenceDate | None:
    """The article's date from a dateline or header line in its first lines, or None.

    Accepts full dates in any form ``find_dates`` reads ("Published 2025-05-19", "May 19, 2025",
    "11 September 2025", "BRUSSELS 1996-08-22").  A dateline without a year ("TOKYO, April 12 --") gives a
    date only when a year stands elsewhere in the header.
    """
    from .engine import find_dates

    end = _header_end(text)
    mentions = find_dates(text[:end], None)
    years = [m for m in mentions if _YEAR.match(m.value)]
    for m in mentions:
        if _FULL.match(m.value):
            try:
                d = dt.date.fromisoformat(m.value[:10])
            except ValueError:
                continue
            return ReferenceDate(d, m.start, m.end, m.text, "dateline")
    for m in mentions:
        md = _MONTH_DAY.match(m.value)
        if md and years:
            try:
                d = dt.date(int(years[0].value), int(md.group(1)), int(md.group(2)))
            except ValueError:
                continue
            return ReferenceDate(d, m.start, m.end, m.text, "dateline")
    return None


def find_yearless_dateline(text: str) -> DateMention | None:
    """The month and day of a dateline that gives no year ("SEOUL, May 19 (Yonhap) --"), when the header holds no
    full date and no year either (so that :func:`find_reference_date` finds none); else None.  Relative dates in
    such an article cannot be resolved without a reference date from elsewhere."""
    from .engine import find_dates

    end = _header_end(text)
    mentions = find_dates(text[:end], None)
    if any(_FULL.match(m.value) or _YEAR.match(m.value) for m in mentions):
        return None
    for m in mentions:
        if _MONTH_DAY.match(m.value) and (_DATELINE_BEFORE.search(text, 0, m.start)
                                          or _DATELINE_AFTER.match(text, m.end)):
            return m
    return None
