"""qfacts.invariants.violations: a sound record gives none; each broken invariant is reported."""
from __future__ import annotations

import copy

import pytest

import qfacts
from qfacts.invariants import violations

TEXT = ("Brindle Motors signed a memorandum of understanding with Kestrel University in Lyon on 3 March 2024.\n\n"
        "The company said the deal covers joint research.")


@pytest.fixture(scope="module")
def good():
    record = qfacts.extract(TEXT, reference_date="2024-03-05").to_dict()
    assert record["agreements"] and any(e["label"] == "DATE" for e in record["entities"])
    return record


def broken(record, change):
    out = copy.deepcopy(record)
    change(out)
    return out


def test_invariants_hold_on_a_sound_record(good):
    assert violations(good, TEXT) == []


def test_invariants_accept_a_record_object_as_well_as_its_dict():
    assert violations(qfacts.extract(TEXT), TEXT) == []


def test_invariants_report_an_entity_offset_out_of_bounds(good):
    def change(r):
        r["entities"][0]["end"] = len(TEXT) + 5
    assert any("out of bounds" in v for v in violations(broken(good, change), TEXT))


def test_invariants_report_an_entity_whose_text_is_not_its_slice(good):
    def change(r):
        r["entities"][0]["start"] += 1
    assert any("not" in v and "entity 0" in v for v in violations(broken(good, change), TEXT))


def test_invariants_report_a_fact_sentence_that_is_not_its_slice(good):
    def change(r):
        r["agreements"][0]["sentence"] = r["agreements"][0]["sentence"] + "x"
    assert any("sentence" in v for v in violations(broken(good, change), TEXT))


def test_invariants_report_a_trigger_outside_the_fact_sentence(good):
    def change(r):
        fact = r["agreements"][0]
        fact["end"] = fact["trigger"]["start"]
        fact["sentence"] = TEXT[fact["start"]:fact["end"]]
    assert any("trigger" in v and "outside" in v for v in violations(broken(good, change), TEXT))


def test_invariants_report_a_party_mention_outside_the_fact_sentence(good):
    second = TEXT.index("The company")
    def change(r):
        detail = r["agreements"][0]["party_details"][0]
        detail["start"], detail["end"] = second, second + 11
    assert any("party" in v and "outside" in v for v in violations(broken(good, change), TEXT))


def test_invariants_report_a_date_value_outside_the_timex3_grammar(good):
    def change(r):
        next(e for e in r["entities"] if e["label"] == "DATE")["value"] = "2024-13-45"
    assert any("TIMEX3" in v for v in violations(broken(good, change), TEXT))


def test_invariants_report_a_fact_date_outside_the_timex3_grammar(good):
    def change(r):
        r["agreements"][0]["date"] = "March 3rd"
    assert any("date" in v and "TIMEX3" in v for v in violations(broken(good, change), TEXT))


def test_invariants_report_a_record_that_does_not_survive_json(good):
    def change(r):
        r["id"] = {1, 2}
    assert any("JSON" in v for v in violations(broken(good, change), TEXT))


def test_invariants_report_a_record_the_shipped_schema_rejects(good):
    def change(r):
        r["entities"][0]["label"] = "PERSON"
    assert any(v.startswith("schema:") for v in violations(broken(good, change), TEXT))


def test_invariants_report_a_wrong_text_length(good):
    assert any("text_length" in v for v in violations(good, TEXT + " more"))


def test_invariants_report_an_antecedent_that_is_not_its_slice(good):
    def change(r):
        r["agreements"][0]["party_details"][0]["antecedent"] = {"text": "Acme", "start": 0, "end": 7}
    assert any("antecedent" in v for v in violations(broken(good, change), TEXT))


def test_violations_without_jsonschema_says_how_to_install_it_or_checks_the_rest(monkeypatch):
    import builtins

    import qfacts
    from qfacts import invariants

    text = "Acme Corp signed an MOU with Daejeon."
    record = qfacts.extract(text)
    real_import = builtins.__import__

    def no_jsonschema(name, *args, **kwargs):
        if name == "jsonschema":
            raise ImportError("No module named 'jsonschema'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_jsonschema)
    invariants._validator.cache_clear()
    try:
        with pytest.raises(ImportError, match=r"pip install 'qfacts\[test\]'.*check_schema=False"):
            invariants.violations(record, text)
        assert invariants.violations(record, text, check_schema=False) == []
        broken = dict(record.to_dict(), text_length=3)
        assert invariants.violations(broken, text, check_schema=False) == [
            f"text_length 3 is not the text's length {len(text)}"]
    finally:
        invariants._validator.cache_clear()
