"""Property tests of qfacts.dates: any reference date, any relative expression, never an exception.

Every relative expression of the case table (tests/dates/date_cases.py) is resolved against every day of a leap year
(2024) and of a common year (2023), in past-tense sentences on one day and future-tense ones on the next:
find_dates never raises, every value is a valid TIMEX3 value (qfacts.dates.timex) and every offset is exact.  At the ends of the calendar
(0001-01-01, 9999-12-31) what cannot be represented keeps X parts.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qfacts.dates import find_dates
from qfacts.dates.timex import is_timex3_value

from date_cases import RELATIVE_EXPRESSIONS

CARRIERS = ("The board met {}.", "The board will meet {}.")


def _days(year: int) -> list[dt.date]:
    d, out = dt.date(year, 1, 1), []
    while d.year == year:
        out.append(d)
        d += dt.timedelta(days=1)
    return out


def _text_of_all_expressions(carrier: str) -> str:
    """One text with each expression in a sentence of its own (the later ones also see the earlier ones'
    anchors, as in an article)."""
    return " ".join(carrier.format(e) for e in RELATIVE_EXPRESSIONS)


TEXTS = [_text_of_all_expressions(c) for c in CARRIERS]
SENTENCES = [c.format(e) for e in RELATIVE_EXPRESSIONS for c in CARRIERS]


def _check(text: str, ref: dt.date | None) -> None:
    for m in find_dates(text, ref):
        assert text[m.start:m.end] == m.text
        assert is_timex3_value(m.value), (text, ref, m)
        if m.interval_start is not None:
            assert m.interval_start <= m.interval_end


@pytest.mark.parametrize("year", [2023, 2024])
def test_dates_every_reference_date_of_a_year_resolves_every_relative_expression(year):
    for ref in _days(year):
        _check(TEXTS[ref.toordinal() % 2], ref)


@pytest.mark.parametrize("ref", [dt.date(2023, 1, 1), dt.date(2024, 2, 29), dt.date(2024, 12, 31),
                                 dt.date(2023, 2, 1), dt.date(2024, 1, 15)])
def test_dates_each_relative_expression_alone_on_critical_days(ref):
    for text in SENTENCES:
        _check(text, ref)


EXTREMES = [dt.date(1, 1, 1), dt.date(1, 1, 2), dt.date(1, 1, 7), dt.date(1, 2, 28), dt.date(1, 12, 31),
            dt.date(9999, 1, 1), dt.date(9999, 12, 1), dt.date(9999, 12, 25), dt.date(9999, 12, 30),
            dt.date(9999, 12, 31)]


@pytest.mark.parametrize("ref", EXTREMES, ids=str)
def test_dates_reference_dates_at_the_ends_of_the_calendar_never_raise(ref):
    for text in SENTENCES:
        _check(text, ref)


@pytest.mark.parametrize("text, ref, value", [
    ("The firm signed on Friday.", dt.date(1, 1, 1), "XXXX-XX-XX"),
    ("The firm signed yesterday.", dt.date(1, 1, 1), "XXXX-XX-XX"),
    ("The firm signed last month.", dt.date(1, 1, 1), "XXXX-XX"),
    ("The firm signed last summer.", dt.date(1, 1, 1), "XXXX-SU"),
    ("The firm signs tomorrow.", dt.date(9999, 12, 31), "XXXX-XX-XX"),
    ("The firm signs next week.", dt.date(9999, 12, 31), "XXXX-WXX"),
    ("The firm signs next month.", dt.date(9999, 12, 31), "XXXX-XX"),
    ("The firm will sign by summer.", dt.date(9999, 12, 31), "XXXX-SU"),
    ("The firm signs next year.", dt.date(9999, 6, 1), "XXXX"),
    ("The firm signed last year.", dt.date(1, 6, 1), "XXXX"),
    # what the calendar can hold is still resolved
    ("The firm signs tomorrow.", dt.date(1, 1, 1), "0001-01-02"),
    ("The firm signed yesterday.", dt.date(9999, 12, 31), "9999-12-30"),
])
def test_dates_what_the_calendar_cannot_hold_keeps_x_parts(text, ref, value):
    [m] = find_dates(text, ref)
    assert m.value == value


@pytest.mark.parametrize("ref, value", [
    (dt.date(2024, 1, 15), "2022-WI"),   # winter 2023 (Dec 2023 - Feb 2024) is under way
    (dt.date(2024, 2, 29), "2022-WI"),
    (dt.date(2023, 1, 1), "2021-WI"),
    (dt.date(2024, 3, 1), "2023-WI"),
    (dt.date(2024, 12, 1), "2023-WI"),
])
def test_dates_last_winter_in_january_and_february_is_the_winter_before(ref, value):
    [m] = find_dates("It was cold last winter.", ref)
    assert m.value == value


@settings(max_examples=150, deadline=None)
@given(ref=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
       i=st.integers(min_value=0, max_value=len(SENTENCES) - 1))
def test_dates_any_reference_date_never_raises(ref, i):
    _check(SENTENCES[i], ref)


@pytest.mark.parametrize("text, ref", [
    ("Acme Corp signed an MOU with Daejeon on Friday, yesterday, last month and last summer.", "0001-01-01"),
    ("Acme Corp will sign an MOU tomorrow, next week, next month or by summer.", "9999-12-31"),
])
def test_dates_extract_at_the_ends_of_the_calendar_loses_nothing(text, ref):
    import qfacts

    record = qfacts.extract(text, reference_date=ref)
    assert record.errors == []
    dates = [e for e in record.entities if e.label == "DATE"]
    assert len(dates) == 4 and all(is_timex3_value(e.value) for e in dates)
    assert any("X" in e.value for e in dates)
