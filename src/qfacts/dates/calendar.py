"""Calendar arithmetic on TIMEX3 values (python-dateutil ``relativedelta``) and value -> interval.

All date arithmetic of the date engine goes through the functions here.  A result outside the years 1-9999 (what
``datetime.date`` and a four-digit TIMEX3 year can hold) raises :class:`OutOfCalendar`, whatever the operation;
the engine catches that one exception in one place and resolves the expression without a reference date, so an
expression that cannot be represented keeps ``X`` parts instead of raising.
"""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .lexicon import lexicon

_SEASON_MONTHS = {k: tuple(v) for k, v in lexicon()["season_months"].items()}
_VALUE_RE = re.compile(
    r"^(?:(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T.*)?)?|-W(?P<w>\d\d?)(?P<we>-WE)?|-Q(?P<q>[1-4])|-H(?P<h>[12])"
    r"|-(?P<s>SP|SU|FA|WI))?|(?P<dec>\d{3})|(?P<cen>\d{2}))$")


MIN_YEAR, MAX_YEAR = 1, 9999


class OutOfCalendar(ValueError):
    """A date or value outside the years 1-9999 (the proleptic Gregorian calendar of ``datetime.date``)."""


def check_year(y: int) -> int:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise OutOfCalendar(f"year {y} is outside {MIN_YEAR}-{MAX_YEAR}")
    return y


def make_date(y: int, m: int, d: int) -> dt.date:
    """``date(y, m, d)``: OutOfCalendar for a year out of range, ValueError for a day the month does not have."""
    return dt.date(check_year(y), m, d)


def add_days(d: dt.date, n: int) -> dt.date:
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        raise OutOfCalendar(f"{d} + {n} days is outside the calendar") from None


def add_weeks(d: dt.date, n: int) -> dt.date:
    return add_days(d, 7 * n)


def add_months(d: dt.date, n: int = 0, years: int = 0) -> dt.date:
    """``d`` shifted by months and years, the day clipped to the length of the month reached (31 January plus
    one month is 28 or 29 February)."""
    check_year(d.year + years + (d.month - 1 + n) // 12)
    return d + relativedelta(years=years, months=n)


def v_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def v_month(y: int, m: int) -> str:
    check_year(y)
    return f"{y:04d}-{m:02d}"


def v_year(y: int) -> str:
    check_year(y)
    return f"{y:04d}"


def v_week(d: dt.date, weekend: bool = False) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}" + ("-WE" if weekend else "")


def v_quarter(y: int, q: int) -> str:
    check_year(y)
    return f"{y:04d}-Q{q}"


def v_half(y: int, h: int) -> str:
    check_year(y)
    return f"{y:04d}-H{h}"


def v_season(y: int, code: str) -> str:
    check_year(y)
    return f"{y:04d}-{code}"


def v_decade(k: int) -> str:
    """The decade value of ``k`` (199 for the 1990s)."""
    if not MIN_YEAR // 10 <= k <= MAX_YEAR // 10:
        raise OutOfCalendar(f"decade {k} is outside the calendar")
    return f"{k:03d}"


def v_century(c: int) -> str:
    """The century value of ``c`` (19 for 1900-1999)."""
    if not MIN_YEAR // 100 <= c <= MAX_YEAR // 100:
        raise OutOfCalendar(f"century {c} is outside the calendar")
    return f"{c:02d}"


def season_bounds(y: int, code: str) -> tuple[dt.date, dt.date]:
    """First and last day of season ``code`` of year ``y`` (winter ``y`` runs from December ``y`` into ``y + 1``)."""
    first, last = _SEASON_MONTHS[code]
    return make_date(y, first, 1), last_day(y + (1 if last < first else 0), last)


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def shift_value(value: str, years: int = 0, months: int = 0, days: int = 0) -> str | None:
    """Shift a calendar value by an amount, keeping its granularity (None if not shiftable)."""
    m = _VALUE_RE.match(value)
    if not m or not m.group("y"):
        return None
    y = int(m.group("y"))
    if m.group("d"):
        d = add_days(add_months(make_date(y, int(m.group("m")), int(m.group("d"))), months, years), days)
        return v_day(d)
    if m.group("m"):
        d = add_months(make_date(y, int(m.group("m")), 1), months, years)
        return v_month(d.year, d.month)
    if m.group("q"):
        yy, q = shift_quarter(y, int(m.group("q")), years * 4 + months // 3)
        return v_quarter(yy, q)
    if m.group("h"):
        return v_half(y + years, int(m.group("h")))
    if m.group("s"):
        return v_season(y + years, m.group("s"))
    if m.group("w"):
        d = add_days(add_months(dt.date.fromisocalendar(y, int(m.group("w")), 1), months, years), days)
        return v_week(d, bool(m.group("we")))
    return v_year(y + years)


def granularity(value: str) -> str | None:
    """'D', 'M', 'Q', 'H', 'W', 'S', 'Y', 'DE', 'CE' or None."""
    m = _VALUE_RE.match(value)
    if not m:
        return None
    for g, key in (("D", "d"), ("M", "m"), ("W", "w"), ("Q", "q"), ("H", "h"), ("S", "s"), ("DE", "dec"), ("CE", "cen")):
        if m.group(key):
            return g
    return "Y"


def interval(value: str) -> tuple[str | None, str | None]:
    """First and last calendar day denoted by a TIMEX3 value; (None, None) when it has X parts or is a REF."""
    m = _VALUE_RE.match(value)
    if not m:
        return None, None
    try:
        if m.group("dec"):
            y = int(m.group("dec")) * 10
            a, b = dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
        elif m.group("cen"):
            y = int(m.group("cen")) * 100
            a, b = dt.date(y, 1, 1), dt.date(y + 99, 12, 31)
        else:
            y = int(m.group("y"))
            if m.group("d"):
                a = b = dt.date(y, int(m.group("m")), int(m.group("d")))
            elif m.group("m"):
                a = dt.date(y, int(m.group("m")), 1)
                b = last_day(y, a.month)
            elif m.group("w"):
                a = dt.date.fromisocalendar(y, int(m.group("w")), 1)
                if m.group("we"):
                    a = a + dt.timedelta(days=5)
                    b = a + dt.timedelta(days=1)
                else:
                    b = a + dt.timedelta(days=6)
            elif m.group("q"):
                a = dt.date(y, 3 * int(m.group("q")) - 2, 1)
                b = last_day(y, a.month + 2)
            elif m.group("h"):
                a = dt.date(y, 6 * int(m.group("h")) - 5, 1)
                b = last_day(y, a.month + 5)
            elif m.group("s"):
                a, b = season_bounds(y, m.group("s"))
            else:
                a, b = dt.date(y, 1, 1), dt.date(y, 12, 31)
    except (ValueError, OverflowError):   # OutOfCalendar too: winter 9999 ends in the year 10000
        return None, None
    return a.isoformat(), b.isoformat()


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday (0 = Monday) of a month."""
    if n > 0:
        d = make_date(year, month, 1)
        d += dt.timedelta(days=(weekday - d.weekday()) % 7)
        return add_weeks(d, n - 1)
    d = last_day(year, month)
    return d - dt.timedelta(days=(d.weekday() - weekday) % 7)


def last_day(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return make_date(year, month, _calendar.monthrange(check_year(year), month)[1])


def easter(year: int) -> dt.date:
    """Western Easter Sunday (Anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return make_date(year, month, day)
