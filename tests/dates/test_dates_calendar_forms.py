"""The calendar forms people write (spelled and anchored days, numeric variants, counted days, weeks, quarters and
seasons with tense): the case table of tests/dates/date_cases.py, values worked out by hand."""
from __future__ import annotations

import pytest
from date_cases import CASES, NOT_DATES, R

from qfacts.dates import find_dates


@pytest.mark.parametrize("sentence, span, value, ref", CASES, ids=[c[1] for c in CASES])
def test_dates_calendar_form_is_one_date_with_its_value(sentence, span, value, ref):
    found = find_dates(sentence, ref)
    assert [(m.text, m.value) for m in found] == [(span, value)]
    assert sentence[found[0].start:found[0].end] == span


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_dates_look_alikes_are_not_dates(sentence):
    assert find_dates(sentence, R) == []


def test_dates_a_fraction_of_a_month_is_no_day():
    # "a third of March" is a fraction; at most the month is a date, never 3 March
    assert all(m.value.count("-") < 2 for m in find_dates("A third of March sales came from exports.", R))


@pytest.mark.parametrize("sentence, value", [
    ("The board meets on Tuesday the 20th.", "XXXX-XX-20"),
    ("The board meets on the first Tuesday of October.", "XXXX-10-XX"),
    ("The board meets on Wednesday of next week.", "XXXX-XX-XX"),
    ("The board meets on the 15th.", "XXXX-XX-15"),
    ("The board meets the week after next.", "XXXX-WXX"),
    ("The board meets 7 days hence.", "XXXX-XX-XX"),
    ("The board meets on the last day of October 2015.", "2015-10-31"),
])
def test_dates_anchored_forms_without_reference_date_keep_x_parts(sentence, value):
    [m] = find_dates(sentence, None)
    assert m.value == value


def test_dates_spelled_day_after_a_weekday_needs_the_end_of_its_phrase():
    found = find_dates("Prices closed lower again Friday, the fourth decline in five days.", R)
    assert [(m.text, m.value) for m in found] == [("Friday", "2025-05-16")]
    found = find_dates("In a poll completed on Saturday, 69 percent agreed.", R)
    assert [(m.text, m.value) for m in found] == [("Saturday", "2025-05-17")]


def test_dates_quarter_results_are_the_last_ended_quarter_even_in_the_future_tense():
    # results are reported for a period once it has ended: "expects to report ... for the first quarter"
    [m] = find_dates("The company expects to report a loss for the first quarter.", R)
    assert m.value == "2025-Q1"
    [m] = find_dates("The company expects to report a first-quarter loss.", R)
    assert m.value == "2025-Q1"


def test_dates_a_year_before_a_season_word_that_is_no_season_stays_a_year():
    found = find_dates("The paper closed before the 1989 fall of communism.", R)
    assert [(m.text, m.value) for m in found] == [("1989", "1989")]
