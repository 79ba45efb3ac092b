"""The TIMEX3 value grammar qfacts writes, as a check: ``is_timex3_value(value)``.

A value is a calendar value at one granularity, optionally followed by a time of day, or a ``*_REF``:

- ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``; ``YYYY-Www`` (ISO week, ``-WE`` for its weekend); ``YYYY-Qn``;
  ``YYYY-Hn``; ``YYYY-SP|SU|FA|WI``; a decade ``YYY`` and a century ``YY``;
- each part may be unknown (``X``): ``XXXX-XX-XX``, ``XXXX-11``, ``XXXX-WXX``, ``XXXX-QX``, ``XXX``, ``XX``;
- a time after ``T``: ``hh:mm`` (``24:00`` is the end of the day) or a part of the day (``MO``, ``AF``, ``EV``,
  ``NI``);
- ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``.

Known parts must name real calendar units: years 0001-9999, months 01-12, a day the month has (29 February only
in a leap year), an ISO week the year has, hours 00-24 and minutes 00-59.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["is_timex3_value", "TIMEX3_VALUE"]

TIMEX3_VALUE = re.compile(
    r"^(?:(?P<ref>PRESENT_REF|PAST_REF|FUTURE_REF)"
    r"|(?:(?P<y>\d{4}|XXXX)(?:-(?P<m>\d\d|XX)(?:-(?P<d>\d\d|XX))?|-W(?P<w>\d\d|XX)(?P<we>-WE)?|-Q(?P<q>[1-4X])"
    r"|-H(?P<h>[12X])|-(?P<s>SP|SU|FA|WI))?|(?P<dec>\d{3}|XXX)|(?P<cen>\d{2}|XX))"
    r"(?:T(?:(?P<hh>\d\d):(?P<mm>\d\d)(?::(?P<ss>\d\d))?|(?P<part>MO|AF|EV|NI)))?)$")


def is_timex3_value(value: object) -> bool:
    """True when ``value`` is a TIMEX3 value of the grammar above whose known parts exist in the calendar."""
    if not isinstance(value, str):
        return False
    m = TIMEX3_VALUE.match(value)
    if not m:
        return False
    if m["ref"]:
        return True
    if (m["hh"] is not None or m["part"]) and not m["d"]:
        return False   # a time of day belongs to a day
    year = int(m["y"]) if m["y"] and m["y"] != "XXXX" else None
    if year is not None and not 1 <= year <= 9999:
        return False
    if m["m"] and m["m"] != "XX" and not 1 <= int(m["m"]) <= 12:
        return False
    if m["d"] and m["d"] != "XX":
        day = int(m["d"])
        if m["m"] == "XX":
            limit = 31
        elif year is None:
            limit = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[int(m["m"]) - 1]
        else:
            limit = calendar.monthrange(year, int(m["m"]))[1]
        if not 1 <= day <= limit:
            return False
    if m["w"] and m["w"] != "XX":
        week = int(m["w"])
        weeks = 53 if year is None else dt.date(year, 12, 28).isocalendar()[1]
        if not 1 <= week <= weeks:
            return False
    if m["hh"] is not None:
        hh, mm, ss = int(m["hh"]), int(m["mm"]), int(m["ss"] or 0)
        if hh > 24 or mm > 59 or ss > 59 or (hh == 24 and (mm or ss)):
            return False
    return True
