"""Calendar arithmetic on TIMEX3 values (python-dateutil ``relativedelta``) and value -> interval."""
from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .lexicon import lexicon

_SEASON_MONTHS = {k: tuple(v) for k, v in lexicon()["season_months"].items()}
_VALUE_RE = re.compile(
    r"^(?:(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T.*)?)?|-W(?P<w>\d\d?)(?P<we>-WE)?|-Q(?P<q>[1-4])|-H(?P<h>[12])"
    r"|-(?P<s>SP|SU|FA|WI))?|(?P<dec>\d{3})|(?P<cen>\d{2}))$")


def v_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def v_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def v_year(y: int) -> str:
    return f"{y:04d}"


def v_week(d: dt.date, weekend: bool = False) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}" + ("-WE" if weekend else "")


def v_quarter(y: int, q: int) -> str:
    return f"{y:04d}-Q{q}"


def v_half(y: int, h: int) -> str:
    return f"{y:04d}-H{h}"


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
        d = dt.date(y, int(m.group("m")), int(m.group("d"))) + relativedelta(years=years, months=months, days=days)
        return v_day(d)
    if m.group("m"):
        d = dt.date(y, int(m.group("m")), 1) + relativedelta(years=years, months=months)
        return v_month(d.year, d.month)
    if m.group("q"):
        yy, q = shift_quarter(y, int(m.group("q")), years * 4 + months // 3)
        return v_quarter(yy, q)
    if m.group("h"):
        return v_half(y + years, int(m.group("h")))
    if m.group("s"):
        return f"{y + years:04d}-{m.group('s')}"
    if m.group("w"):
        d = dt.date.fromisocalendar(y, int(m.group("w")), 1) + relativedelta(years=years, months=months, days=days)
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
                b = a + relativedelta(months=1, days=-1)
            elif m.group("w"):
                a = dt.date.fromisocalendar(y, int(m.group("w")), 1)
                if m.group("we"):
                    a = a + dt.timedelta(days=5)
                    b = a + dt.timedelta(days=1)
                else:
                    b = a + dt.timedelta(days=6)
            elif m.group("q"):
                a = dt.date(y, 3 * int(m.group("q")) - 2, 1)
                b = a + relativedelta(months=3, days=-1)
            elif m.group("h"):
                a = dt.date(y, 6 * int(m.group("h")) - 5, 1)
                b = a + relativedelta(months=6, days=-1)
            elif m.group("s"):
                first, last = _SEASON_MONTHS[m.group("s")]
                a = dt.date(y, first, 1)
                b = dt.date(y + (1 if last < first else 0), last, 1) + relativedelta(months=1, days=-1)
            else:
                a, b = dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None, None
    return a.isoformat(), b.isoformat()


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday (0 = Monday) of a month."""
    if n > 0:
        d = dt.date(year, month, 1)
        d += dt.timedelta(days=(weekday - d.weekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    d = dt.date(year, month, 1) + relativedelta(months=1, days=-1)
    return d - dt.timedelta(days=(d.weekday() - weekday) % 7)


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
    return dt.date(year, month, day)
