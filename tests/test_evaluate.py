"""The scorer of ``qfacts.evaluate`` on hand-made gold and predictions (``fixtures/eval/``), figures worked out by hand.

The fixture documents carry a ``case`` field, so each test scores only the documents of its case.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import qfacts
from qfacts.evaluate import (Counts, Finding, evaluate, normalise_name, parse_where, predict, read_jsonl,
                             select)

MOU = "memorandum_of_understanding"
EVAL_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "eval"


@pytest.fixture(scope="module")
def gold():
    documents, problems = read_jsonl(str(EVAL_FIXTURES / "gold.jsonl"))
    assert problems == []
    return documents


@pytest.fixture(scope="module")
def pred():
    documents, problems = read_jsonl(str(EVAL_FIXTURES / "pred.jsonl"))
    assert problems == []
    return documents


def figures(result, measure):
    s = result.score(measure)
    return s.precision, s.recall, s.f1, s.predicted, s.gold


def case(gold, name):
    return select(gold, [("case", name)])


# --- mention level ---------------------------------------------------------------------------------------

def test_strict_needs_the_exact_span_while_relaxed_accepts_an_overlap(gold, pred):
    # dates-1: "Acme" for gold "Acme Corp" (overlap only), "Borealis Labs" exact
    result = evaluate(select(gold, [("id", "dates-1")]), pred)
    assert figures(result, "ORG strict") == (0.5, 0.5, 0.5, 2, 2)
    assert figures(result, "ORG relaxed") == (1.0, 1.0, 1.0, 2, 2)


def test_prediction_overlapping_only_an_ignore_span_is_neither_right_nor_wrong(gold, pred):
    # dates-1 predicts three DATEs: the gold date, "two weeks" (an ignore span) and a spurious "later"
    result = evaluate(select(gold, [("id", "dates-1")]), pred)
    assert figures(result, "DATE relaxed") == (0.5, 1.0, 0.6667, 2, 1)


def test_wrong_value_is_a_relaxed_and_strict_hit_but_a_value_miss(gold, pred):
    result = evaluate(select(gold, [("id", "dates-1")]), pred)
    assert figures(result, "DATE strict") == (0.5, 1.0, 0.6667, 2, 1)
    assert figures(result, "DATE value") == (0.0, 0.0, 0.0, 2, 1)
    assert Finding("dates-1", "DATE", "wrong value",
                   "'3 March 2024' is '2024-03-03', predicted '2024-03-04'") in result.findings


def test_relaxed_pairs_one_to_one_so_a_second_overlapping_prediction_is_spurious(gold, pred):
    # dates-2: "March" and "2024" both overlap gold "March 2024"; gold "May" is missed
    result = evaluate(select(gold, [("id", "dates-2")]), pred)
    assert figures(result, "DATE relaxed") == (0.5, 0.5, 0.5, 2, 2)
    assert figures(result, "DATE value") == (0.5, 0.5, 0.5, 2, 2)  # "March" carries the gold value 2024-03
    assert figures(result, "DATE strict") == (0.0, 0.0, 0.0, 2, 2)
    kinds = {(f.kind, f.detail) for f in result.findings}
    assert kinds == {("spurious", "'2024'"), ("missed", "'May'")}


def test_counts_add_up_over_documents(gold, pred):
    # dates-1 + dates-2: 4 counted DATE predictions, 3 gold dates; strict 1, relaxed 2, value 1
    result = evaluate(case(gold, "mentions"), pred)
    assert figures(result, "DATE strict") == (0.25, 0.3333, 0.2857, 4, 3)
    assert figures(result, "DATE relaxed") == (0.5, 0.6667, 0.5714, 4, 3)
    assert figures(result, "DATE value") == (0.25, 0.3333, 0.2857, 4, 3)


def test_labels_outside_annotated_are_not_scored(gold, pred):
    result = evaluate(case(gold, "mentions"), pred)  # dates-1 predicts a PLACE, but PLACE is not annotated
    assert [s.measure for s in result.scores] == ["ORG strict", "ORG relaxed", "DATE strict", "DATE relaxed",
                                                  "DATE value"]
    with pytest.raises(KeyError):
        result.score("PLACE relaxed")


def test_empty_mentions_without_document_keys_are_scored_at_mention_level():
    gold = {"x": {"id": "x", "annotated": ["DATE"], "mentions": []}}
    pred = {"x": {"id": "x", "entities": [{"label": "DATE", "start": 0, "end": 5, "text": "today"}]}}
    assert figures(evaluate(gold, pred), "DATE relaxed") == (0.0, 0.0, 0.0, 1, 0)


def test_empty_mentions_beside_document_keys_give_no_mention_measures(gold, pred):
    result = evaluate(case(gold, "documents"), pred)
    assert all(s.level == "document" for s in result.scores)
    assert "ORG strict" not in {s.measure for s in result.scores}


def test_predictions_without_integer_offsets_are_ignored():
    gold = {"x": {"id": "x", "annotated": ["ORG"], "mentions": [{"label": "ORG", "start": 0, "end": 4,
                                                                  "text": "Acme"}]}}
    pred = {"x": {"entities": [{"label": "ORG", "start": "0", "end": 4, "text": "Acme"}]}}
    assert figures(evaluate(gold, pred), "ORG relaxed") == (0.0, 0.0, 0.0, 0, 1)


# --- missing and stray documents -------------------------------------------------------------------------

def test_gold_document_without_prediction_counts_its_mentions_as_missed(gold, pred):
    result = evaluate(case(gold, "missing"), pred)  # pred has "stray-1" with the same date, but not "missing-1"
    assert result.documents == 1 and result.without_prediction == 1
    assert figures(result, "DATE relaxed") == (0.0, 0.0, 0.0, 0, 1)


def test_whole_fixture_totals(gold, pred):
    result = evaluate(gold, pred)
    assert (result.documents, result.without_prediction) == (4, 1)
    assert figures(result, "DATE strict") == (0.25, 0.25, 0.25, 4, 4)
    assert figures(result, "DATE relaxed") == (0.5, 0.5, 0.5, 4, 4)


# --- document level --------------------------------------------------------------------------------------

def test_name_sets_match_any_surface_form_after_normalising(gold, pred):
    # ORG names {acme ("the Acme", "ACME"), borealis, acme group}: one is a gold org, 1 of 3 gold orgs found
    # PLACE names {norway ("Norway's"), oslo, city of oslo}: two are gold places, both gold places found
    result = evaluate(case(gold, "documents"), pred)
    assert figures(result, "orgs set") == (0.3333, 0.3333, 0.3333, 3, 3)
    assert figures(result, "places set") == (0.6667, 1.0, 0.8, 3, 2)


def test_agreements_strict_relaxed_types_and_date(gold, pred):
    # MOU Acme+Borealis Labs: strict (date wrong); joint_research Acme+"Oslo": relaxed only ("Oslo" is not a
    # form of "City of Oslo"); partnership: no gold fact of that type
    result = evaluate(case(gold, "documents"), pred)
    assert figures(result, "agreements strict") == (0.3333, 0.5, 0.4, 3, 2)
    assert figures(result, "agreements relaxed") == (0.6667, 1.0, 0.8, 3, 2)
    assert figures(result, "agreements types") == (0.6667, 1.0, 0.8, 3, 2)
    assert figures(result, "agreements date") == (0.0, 0.0, 0.0, 1, 1)


def test_strict_agreement_fails_on_an_extra_party_but_relaxed_holds():
    gold = {"x": {"id": "x", "agreements": [
        {"type": MOU, "parties": [["Acme Corporation", "Acme"], ["Borealis Labs"]], "date": None}]}}
    pred = {"x": {"agreements": [{"type": MOU, "parties": ["The Acme", "Borealis Labs", "Zeta"]}]}}
    result = evaluate(gold, pred)
    assert figures(result, "agreements strict") == (0.0, 0.0, 0.0, 1, 1)
    assert figures(result, "agreements relaxed") == (1.0, 1.0, 1.0, 1, 1)
    with pytest.raises(KeyError):  # no gold date: the date measure has nothing to count
        result.score("agreements date")


def test_each_gold_agreement_is_matched_once():
    gold = {"x": {"id": "x", "agreements": [{"type": MOU, "parties": [["Acme"], ["Borealis"]], "date": None}]}}
    pred = {"x": {"agreements": [{"type": MOU, "parties": ["Acme", "Borealis"]},
                                 {"type": MOU, "parties": ["Borealis", "Acme"]}]}}
    assert figures(evaluate(gold, pred), "agreements strict") == (0.5, 1.0, 0.6667, 2, 1)


def test_scored_types_leave_facts_of_other_types_out_of_every_agreement_measure():
    gold = {"x": {"id": "x", "scored_types": ["acquisition"], "agreements": [
        {"type": "acquisition", "parties": [["Acme"], ["Borealis"]], "date": None}]}}
    pred = {"x": {"agreements": [{"type": "acquisition", "parties": ["Acme", "Borealis"]},
                                 {"type": MOU, "parties": ["Acme", "Zeta"]}]}}
    result = evaluate(gold, pred)
    assert figures(result, "agreements strict") == (1.0, 1.0, 1.0, 1, 1)
    assert figures(result, "agreements types") == (1.0, 1.0, 1.0, 1, 1)
    del gold["x"]["scored_types"]  # without it the MOU is a spurious fact
    assert figures(evaluate(gold, pred), "agreements strict") == (0.5, 1.0, 0.6667, 2, 1)


@pytest.mark.parametrize("name, expected", [
    ("The U.S.'s", "us"),
    ("Acme\u2019s", "acme"),
    ("  Borealis   Labs, Inc. ", "borealis labs inc"),
    ("ＡＣＭＥ", "acme"),  # full-width letters, NFKC
    ("Theta Corp", "theta corp"),  # "the" only as a word of its own
])
def test_normalise_name(name, expected):
    assert normalise_name(name) == expected


# --- reading and selecting -------------------------------------------------------------------------------

def test_read_jsonl_skips_bad_lines_and_names_them(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n{not json\n\n[1, 2]\n{"text": "no id"}\n{"id": "b"}\n', encoding="utf-8")
    documents, problems = read_jsonl(str(path))
    assert list(documents) == ["a", "b"]
    assert [p.where for p in problems] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "without an id" in problems[2].message


def test_read_jsonl_raises_on_a_missing_file(tmp_path):
    with pytest.raises(OSError):
        read_jsonl(str(tmp_path / "absent.jsonl"))


def test_where_selects_on_a_field_as_text(gold):
    assert sorted(select(gold, [parse_where("case=mentions")])) == ["dates-1", "dates-2"]
    assert sorted(select(gold, [("case", "mentions"), ("reference_date", "2024-06-01")])) == ["dates-2"]
    assert select(gold, [("case", "nothing")]) == {}
    with pytest.raises(ValueError):
        parse_where("case")


def test_counts_give_zero_rather_than_dividing_by_zero():
    counts = Counts()
    assert (counts.precision, counts.recall, counts.f1) == (0.0, 0.0, 0.0)


def test_result_to_dict_is_json_with_the_first_findings(gold, pred):
    data = json.loads(json.dumps(evaluate(gold, pred).to_dict(findings=2)))
    assert data["documents"] == 4 and data["without_prediction"] == 1
    assert len(data["findings"]) == 2
    assert {"measure": "orgs set", "level": "document", "precision": 0.3333, "recall": 0.3333, "f1": 0.3333,
            "predicted": 3, "gold": 3} in data["scores"]


# --- predictions by qfacts -------------------------------------------------------------------------------

def test_predict_extracts_each_gold_text_with_its_record_date(gold):
    subset = case(gold, "documents") | {"no-text": {"id": "no-text", "annotated": ["DATE"], "mentions": []}}
    seen = []
    predictions, problems = predict(subset, on_document=seen.append)
    assert seen == ["sets-1", "no-text"]
    assert [p.where for p in problems] == ["no-text"]
    record = predictions["sets-1"]
    assert (record["reference_date"], record["reference_date_source"]) == ("2024-03-05", "record")
    expected = qfacts.extract(gold["sets-1"]["text"], gold["sets-1"]["reference_date"]).to_dict()
    assert record["entities"] == expected["entities"]


def test_predict_names_a_document_the_extractor_fails_on_and_predicts_the_others(monkeypatch):
    from qfacts import api

    real = api._extract_one

    def failing(nlp, document):
        if document.id == "bad":
            raise RuntimeError("rule bug")
        return real(nlp, document)

    monkeypatch.setattr(api, "_extract_one", failing)
    gold = {"good": {"id": "good", "text": "Acme Corp signed an MOU with Daejeon."},
            "bad": {"id": "bad", "text": "Acme Corp signed an MOU with Daejeon."}}
    predictions, problems = predict(gold)
    assert list(predictions) == ["good"]
    assert [(p.where, p.message) for p in problems] == [("bad", "extraction failed: RuntimeError: rule bug")]
