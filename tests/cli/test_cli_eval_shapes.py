"""``qfacts eval`` with gold or prediction records of the wrong shape (issue 14): each problem is one stderr
line ``FILE:LINE: what is wrong``, exit code 2, nothing scored, no traceback."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from qfacts.cli import app

runner = CliRunner()

TEXT = "Acme Corp signed an MOU with Daejeon."
GOOD_GOLD = {"id": "a", "text": TEXT, "reference_date": "2025-05-19", "annotated": ["ORG", "AGREEMENT"],
             "mentions": [{"start": 0, "end": 9, "label": "ORG", "text": "Acme Corp"}],
             "agreements": [{"type": "memorandum_of_understanding", "parties": [["Acme Corp"], ["Daejeon"]],
                             "date": None}]}
GOOD_PRED = {"id": "a", "entities": [{"label": "ORG", "start": 0, "end": 9, "text": "Acme Corp"}],
             "agreements": [{"type": "memorandum_of_understanding", "parties": ["Acme Corp", "Daejeon"],
                             "date": None}]}


def bad_gold(**change):
    return {**GOOD_GOLD, "id": "b", **change}


def mention(**change):
    return {"start": 0, "end": 9, "label": "ORG", "text": "Acme Corp", **change}


def write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def run(*args):
    return runner.invoke(app, ["eval", *map(str, args)])


@pytest.mark.parametrize("record, message", [
    (bad_gold(agreements={"type": "partnership"}), '"agreements" is an object, not a list'),
    (bad_gold(mentions=None), '"mentions" is null, not a list'),
    (bad_gold(mentions="Acme Corp"), '"mentions" is a string, not a list'),
    (bad_gold(mentions=[mention(start="0", end="9")]), 'mentions[0] "start" is a string \'0\', not an integer'),
    (bad_gold(mentions=[mention(end=99)]), "mentions[0] offsets 0..99 are out of range (text length 37)"),
    (bad_gold(mentions=[mention(label="COMPANY")]), "mentions[0] has the unknown label 'COMPANY'"),
    (bad_gold(mentions=[{"start": 0, "label": "ORG", "text": "Acme Corp"}]), 'mentions[0] has no "end"'),
    (bad_gold(annotated=["ORG", "PERSON"]), "\"annotated\" has the unknown label 'PERSON'"),
])
def test_eval_gold_record_of_the_wrong_shape_is_one_line_exit_2_and_no_scores(tmp_path, record, message):
    gold = write(tmp_path / "gold.jsonl", [GOOD_GOLD, record])
    pred = write(tmp_path / "pred.jsonl", [GOOD_PRED])
    for args in ([gold, pred], [gold, pred, "--format", "json"]):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.splitlines() == [f"qfacts: error: {gold}:2: {message}" + _tail(result, message)]
        assert "Traceback" not in result.stderr


def _tail(result, message):
    """The rest of the one line after the expected start (the list of labels, for instance)."""
    line = result.stderr.splitlines()[0]
    return line[line.index(message) + len(message):]


def test_eval_names_every_problem_of_every_bad_record_in_gold_and_pred(tmp_path):
    gold = write(tmp_path / "gold.jsonl", [GOOD_GOLD, bad_gold(mentions=None),
                                           {**bad_gold(orgs="Acme"), "id": "c", "agreements": {}}])
    pred = write(tmp_path / "pred.jsonl", [GOOD_PRED, {"id": "b", "entities": [{"label": "ORG", "start": "0",
                                                                                 "end": 9}]}])
    result = run(gold, pred)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f'qfacts: error: {gold}:2: "mentions" is null, not a list',
        f'qfacts: error: {gold}:3: "orgs" is a string, not a list',
        f'qfacts: error: {gold}:3: "agreements" is an object, not a list',
        f"qfacts: error: {pred}:2: entities[0] \"start\" is a string '0', not an integer",
    ]


def test_eval_without_pred_checks_the_gold_before_extracting(tmp_path, monkeypatch):
    from qfacts import evaluate

    def predict(*args, **kwargs):
        raise AssertionError("extracted although the gold is of the wrong shape")

    monkeypatch.setattr(evaluate, "predict", predict)
    gold = write(tmp_path / "gold.jsonl", [bad_gold(reference_date="19 May 2025")])
    result = run(gold)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"qfacts: error: {gold}:1: \"reference_date\" '19 May 2025' is not null or a date YYYY-MM-DD"]


def test_eval_of_well_formed_files_still_scores_exit_0(tmp_path):
    gold = write(tmp_path / "gold.jsonl", [GOOD_GOLD])
    pred = write(tmp_path / "pred.jsonl", [GOOD_PRED])
    result = run(gold, pred, "--format", "json")
    assert result.exit_code == 0, result.stderr
    scores = {s["measure"]: s["f1"] for s in json.loads(result.stdout)["scores"]}
    assert scores["ORG strict"] == 1.0 and scores["agreements strict"] == 1.0


def test_eval_gold_of_the_wrong_shape_on_stdin_names_line_of_dash(tmp_path):
    pred = write(tmp_path / "pred.jsonl", [GOOD_PRED])
    result = runner.invoke(app, ["eval", "-", str(pred)], input=json.dumps(bad_gold(mentions="x")) + "\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ['qfacts: error: -:1: "mentions" is a string, not a list']
