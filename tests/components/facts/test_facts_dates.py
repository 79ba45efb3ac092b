import pytest

from qfacts.components.facts.dates import FactDates, nearest, own_dates, set_date, share_dates


def dated(make, text, *dates, trigger=("contract", "contract")):
    doc, v = make(text, *[(d, "DATE", val) for d, val in dates], (trigger[0], "AGREEMENT", trigger[1], "specific"))
    ds = [e for e in doc.ents if e.label_ == "DATE"]
    trig = next(e for e in doc.ents if e.label_ == "AGREEMENT")
    return doc, v, ds, trig


def test_dates_the_nearest_date_no_comma_sets_off_wins(make):
    doc, v, ds, trig = dated(make, "Acme, which opens in October, signed a contract in May with Kelvo.",
                             ("October", "2025-10"), ("May", "2025-05"))
    assert nearest(ds, trig, v.lower).text == "May"
    assert nearest([], trig, v.lower) is None


def test_dates_a_deadline_is_no_agreement_date(make, cfg):
    doc, v, ds, trig = dated(make, "Acme signed a contract in May to deliver by 2030.",
                             ("May", "2025-05"), ("2030", "2030"))
    kept = FactDates(cfg).dated(list(doc.ents), v, 0)
    assert [d.text for d in kept] == ["May"]


def test_dates_a_date_right_before_another_agreement_word_is_that_ones(make):
    doc, v = make("Monday's memorandum follows a contract signed in May.", ("Monday's", "DATE", "2025-05-19"),
                  ("memorandum", "AGREEMENT", "memorandum_of_understanding", "specific"),
                  ("contract", "AGREEMENT", "contract", "specific"), ("May", "DATE", "2025-05"))
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    memo, contract = [e for e in doc.ents if e.label_ == "AGREEMENT"]
    assert [d.text for d in own_dates(dates, contract, [memo, contract])] == ["May"]
    assert [d.text for d in own_dates(dates, memo, [memo, contract])] == ["Monday's", "May"]


def test_dates_an_undated_fact_takes_the_date_of_its_sibling_in_the_same_sentence(make):
    doc, v, ds, trig = dated(make, "They signed a contract in May.", ("May", "2025-05"))
    a = {"start": 0, "keys": frozenset({"acme", "kelvo"})}
    b = {"start": 0, "keys": frozenset({"acme", "kelvo"})}
    c = {"start": 40, "keys": frozenset({"acme", "kelvo"})}
    set_date(a, ds[0])
    set_date(b, None)
    set_date(c, None)
    share_dates([a, b, c])
    assert (b["date"], b["date_text"], c["date"]) == ("2025-05", "May", None)
