"""The shape of gold and prediction records (issue 14): each wrong shape is named, never a traceback or a
silent zero; the shared corpora and qfacts' own output have none."""
from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest

from qfacts.evaluate import gold_record_problems, prediction_record_problems, read_records

TEXT = "Acme Corp signed an MOU with Daejeon on 3 May 2024."
GOLD = {"id": "g1", "text": TEXT, "reference_date": "2024-05-06", "annotated": ["ORG", "DATE", "AGREEMENT"],
        "mentions": [{"start": 0, "end": 9, "label": "ORG", "text": "Acme Corp"},
                     {"start": 20, "end": 23, "label": "AGREEMENT", "text": "MOU",
                      "value": "memorandum_of_understanding"},
                     {"start": 40, "end": 50, "label": "DATE", "text": "3 May 2024", "value": "2024-05-03"}],
        "ignore": [{"start": 29, "end": 36, "text": "Daejeon"}],
        "orgs": [["Acme Corp"]], "places": [["Daejeon"]],
        "agreements": [{"type": "memorandum_of_understanding", "parties": [["Acme Corp"], ["Daejeon"]],
                        "date": "2024-05-03"}]}
PRED = {"id": "g1", "entities": [{"label": "ORG", "start": 0, "end": 9, "text": "Acme Corp"}],
        "agreements": [{"type": "memorandum_of_understanding", "parties": ["Acme Corp", "Daejeon"], "date": None}]}


def changed(record, path, value):
    """A deep copy of ``record`` with the value at ``path`` (keys and indexes) replaced, or deleted (...)."""
    out = copy.deepcopy(record)
    target = out
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


def test_a_well_formed_gold_and_prediction_have_no_problem():
    assert gold_record_problems(GOLD) == [] and prediction_record_problems(PRED) == []


@pytest.mark.parametrize("path, value, expected", [
    (["agreements"], {"type": "partnership"}, '"agreements" is an object, not a list'),
    (["mentions"], None, '"mentions" is null, not a list'),
    (["mentions"], "Acme Corp", '"mentions" is a string, not a list'),
    (["mentions", 0, "start"], "0", 'mentions[0] "start" is a string \'0\', not an integer'),
    (["mentions", 0, "end"], 9.0, 'mentions[0] "end" is a number 9.0, not an integer'),
    (["mentions", 0, "end"], True, 'mentions[0] "end" is a boolean True, not an integer'),
    (["mentions", 0, "end"], 900, "mentions[0] offsets 0..900 are out of range (text length 51)"),
    (["mentions", 0, "start"], -1, "mentions[0] offsets -1..9 are not a span (0 <= start < end)"),
    (["mentions", 0, "end"], ..., 'mentions[0] has no "end"'),
    (["mentions", 0, "text"], "Acme", "mentions[0] \"text\" 'Acme' is not text[0:9] 'Acme Corp'"),
    (["mentions", 0, "label"], "COMPANY", "mentions[0] has the unknown label 'COMPANY'"),
    (["mentions", 1, "value"], "mou", "mentions[1] is an AGREEMENT whose \"value\" 'mou' is not a taxonomy type"),
    (["mentions", 2, "value"], None, 'mentions[2] is a DATE whose "value" is null, not a TIMEX3 value'),
    (["mentions", 0], "Acme Corp", "mentions[0] is a string, not an object"),
    (["ignore", 0, "end"], "36", 'ignore[0] "end" is a string \'36\', not an integer'),
    (["annotated"], "ORG", '"annotated" is a string, not a list'),
    (["annotated", 0], "ORGANISATION", "\"annotated\" has the unknown label 'ORGANISATION'"),
    (["orgs"], "Acme Corp", '"orgs" is a string, not a list'),
    (["places", 0], "Daejeon", "places[0] is a string, not a list of names"),
    (["agreements", 0, "type"], "deal", "agreements[0] \"type\" 'deal' is not a taxonomy type"),
    (["agreements", 0, "parties"], "Acme Corp", 'agreements[0] "parties" is a string, not a list of parties'),
    (["agreements", 0, "parties"], [], 'agreements[0] "parties" is empty'),
    (["agreements", 0, "parties", 1], [None], "agreements[0] parties[1] holds something that is not a name"),
    (["agreements", 0, "date"], 2024, 'agreements[0] "date" is an integer, not null or a TIMEX3 value'),
    (["agreements", 0], None, "agreements[0] is null, not an object"),
    (["reference_date"], "May 2024", "\"reference_date\" 'May 2024' is not null or a date YYYY-MM-DD"),
    (["reference_date"], "2024-02-30", "\"reference_date\" '2024-02-30' is not null or a date YYYY-MM-DD"),
    (["text"], ["Acme"], '"text" is a list, not a string'),
    (["id"], ["g1"], '"id" is a list, not a string'),
])
def test_gold_record_of_the_wrong_shape_names_what_is_wrong(path, value, expected):
    problems = gold_record_problems(changed(GOLD, path, value))
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize("path, value, expected", [
    (["entities"], {"label": "ORG"}, '"entities" is an object, not a list'),
    (["entities", 0, "start"], "0", 'entities[0] "start" is a string \'0\', not an integer'),
    (["entities", 0, "end"], ..., 'entities[0] has no "end"'),
    (["entities", 0, "label"], None, 'entities[0] has no "label" string'),
    (["agreements"], "none", '"agreements" is a string, not a list'),
    (["agreements", 0, "parties"], [["Acme Corp"]], 'agreements[0] "parties" is not a list of names'),
    (["agreements", 0, "type"], 7, 'agreements[0] "type" is an integer, not a string'),
])
def test_prediction_record_of_the_wrong_shape_names_what_is_wrong(path, value, expected):
    problems = prediction_record_problems(changed(PRED, path, value))
    assert any(p.startswith(expected) for p in problems), problems


def test_prediction_without_entities_or_agreements_or_with_null_is_well_formed():
    assert prediction_record_problems({"id": "x"}) == []
    assert prediction_record_problems({"id": "x", "entities": None, "agreements": None}) == []


def test_read_records_leaves_records_of_the_wrong_shape_out_and_names_their_lines():
    bad = changed(GOLD, ["mentions", 0, "end"], ...)
    bad["id"] = "g2"
    lines = [json.dumps(GOLD), "", json.dumps(bad), "{oops", json.dumps(changed(GOLD, ["agreements"], {}))]
    loaded = read_records(io.StringIO("\n".join(lines) + "\n"), "gold", "gold.jsonl")
    assert list(loaded.documents) == ["g1"]  # line 1; its bad repetition on line 5 is left out
    assert [(p.where, p.message) for p in loaded.invalid] == [
        ("gold.jsonl:3", 'mentions[0] has no "end"'), ("gold.jsonl:5", '"agreements" is an object, not a list')]
    assert [p.where for p in loaded.problems] == ["gold.jsonl:4"]


def test_read_records_keeps_the_well_formed_records():
    loaded = read_records(io.StringIO(json.dumps(GOLD) + "\n"), "gold", "gold.jsonl")
    assert list(loaded.documents) == ["g1"] and loaded.invalid == [] and loaded.problems == []


def test_the_shared_gold_corpora_are_well_formed(shared_dir):
    files = sorted((shared_dir / "corpora").glob("*/*.jsonl"))
    if not files:
        pytest.skip("no corpora in the shared folder")
    for path in files:
        loaded = read_records(str(path), "gold")
        assert loaded.invalid == [] and loaded.problems == [], path


def test_the_repository_eval_fixtures_are_well_formed():
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "eval"
    assert read_records(str(fixtures / "gold.jsonl"), "gold").invalid == []
    assert read_records(str(fixtures / "pred.jsonl"), "pred").invalid == []


# --- property: a record the checks accept never breaks the scorer -------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from qfacts.evaluate import evaluate  # noqa: E402

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 100) | st.floats(allow_nan=False) | st.text(max_size=12)
    | st.sampled_from(["ORG", "DATE", "AGREEMENT", "partnership", "2024-05-03", "Acme Corp"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["start", "end", "label", "text", "value", "type", "parties", "date"]), inner, max_size=4),
    max_leaves=8)


def _paths(value, prefix=()):
    """Every path (keys and indexes) inside a JSON value, the value itself first."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


GOLD_PATHS = [p for p in _paths(GOLD) if p and p[0] != "id"]
PRED_PATHS = [p for p in _paths(PRED) if p and p[0] != "id"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(GOLD_PATHS), JSON_VALUES | st.just(...)), min_size=1, max_size=3),
       st.lists(st.tuples(st.sampled_from(PRED_PATHS), JSON_VALUES | st.just(...)), max_size=3))
def test_records_that_pass_the_shape_checks_are_scored_without_an_exception(gold_changes, pred_changes):
    gold, pred = GOLD, PRED
    for path, value in gold_changes:
        try:
            gold = changed(gold, list(path), value)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change removed or replaced the path
    for path, value in pred_changes:
        try:
            pred = changed(pred, list(path), value)
        except (KeyError, IndexError, TypeError):
            pass
    gold_problems, pred_problems = gold_record_problems(gold), prediction_record_problems(pred)
    assert all(isinstance(p, str) and "\n" not in p for p in gold_problems + pred_problems)
    if not gold_problems and not pred_problems:
        evaluate({"g1": gold}, {"g1": pred}).to_dict(findings=100)
