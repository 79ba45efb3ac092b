"""The ``qfacts eval`` command through Typer's CliRunner, and its agreement with the shared ``score.py``.

The figures of the fixture corpus (``fixtures/eval/``) are worked out by hand in ``test_evaluate.py``; here the
tests check that the command prints them, in each format, with the right exit codes and error lines.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qfacts.cli import app
from qfacts.evaluate import evaluate, predict, read_jsonl

runner = CliRunner()

REPO = Path(__file__).resolve().parents[2]
EVAL_FIXTURES = REPO / "fixtures" / "eval"
GOLD = str(EVAL_FIXTURES / "gold.jsonl")
PRED = str(EVAL_FIXTURES / "pred.jsonl")
SHARED = REPO.parent / "shared"
SHARED_GOLDS = sorted((SHARED / "corpora").glob("*/*.jsonl"))


def run(*args, input=None):
    return runner.invoke(app, ["eval", *map(str, args)], input=input)


def text_rows(stdout: str) -> dict[str, list[str]]:
    """Rows of the plain text table: measure -> [P, R, F1, pred, gold]."""
    lines = stdout.splitlines()
    assert lines[1].split() == ["measure", "P", "R", "F1", "pred", "gold"]
    rows = {}
    for line in lines[2:]:
        if not line.strip():
            break
        words = line.split()
        rows[" ".join(words[:-5])] = words[-5:]
    return rows


def json_scores(stdout: str) -> dict[str, dict]:
    return {s["measure"]: s for s in json.loads(stdout)["scores"]}


def errors_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# --- output ----------------------------------------------------------------------------------------------

def test_text_in_a_pipe_has_a_summary_and_one_row_per_measure():
    result = run(GOLD, PRED)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "4 gold documents, 1 without a prediction"
    rows = text_rows(result.stdout)
    assert list(rows) == ["ORG strict", "ORG relaxed", "DATE strict", "DATE relaxed", "DATE value", "orgs set",
                          "places set", "agreements strict", "agreements relaxed", "agreements types",
                          "agreements date"]
    assert rows["DATE relaxed"] == ["0.500", "0.500", "0.500", "4", "4"]
    assert rows["places set"] == ["0.667", "1.000", "0.800", "3", "2"]
    assert result.stderr == ""


def test_json_format_gives_figures_counts_and_inputs():
    result = run(GOLD, PRED, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["gold"], data["predictions"], data["documents"], data["without_prediction"]) == (GOLD, PRED, 4, 1)
    assert json_scores(result.stdout)["agreements strict"] == {
        "measure": "agreements strict", "level": "document", "precision": 0.3333, "recall": 0.5, "f1": 0.4,
        "predicted": 3, "gold": 2}
    assert data["findings"] == []


def test_table_format_is_a_rich_table_with_both_levels():
    result = run(GOLD, PRED, "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "measure" in result.stdout and "F1" in result.stdout
    assert "mention" in result.stdout and "document" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes
    assert "4 gold documents, 1 without a prediction" in result.stdout


def test_where_scores_only_the_matching_gold_documents():
    result = run(GOLD, PRED, "--where", "case=documents", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["documents"] == 1 and data["where"] == {"case": "documents"}
    assert {s["level"] for s in data["scores"]} == {"document"}


def test_errors_lists_the_first_n_disagreements_after_the_table():
    result = run(GOLD, PRED, "--errors", "3")
    assert result.exit_code == 0, result.stderr
    listing = result.stdout.split("\n\n", 1)[1].splitlines()
    assert listing == ["  dates-1: DATE spurious: 'later'",
                       "  dates-1: DATE wrong value: '3 March 2024' is '2024-03-03', predicted '2024-03-04'",
                       "  dates-2: DATE spurious: '2024'"]


def test_predictions_can_come_from_stdin():
    result = run(GOLD, "-", "-f", "json", input=Path(PRED).read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    assert json_scores(result.stdout)["DATE relaxed"]["f1"] == 0.5


def test_without_pred_qfacts_extracts_from_the_gold_texts():
    result = run(GOLD, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["predictions"] is None and data["without_prediction"] == 0
    gold, _ = read_jsonl(GOLD)
    expected = evaluate(gold, predict(gold)[0])
    assert data["scores"] == [s.to_dict() for s in expected.scores]


# --- errors and exit codes -------------------------------------------------------------------------------

def test_bad_line_in_pred_is_named_exits_1_and_the_rest_is_still_scored(tmp_path):
    lines = Path(PRED).read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "pred.jsonl"
    bad.write_text("\n".join(lines[:1] + ["{oops"] + lines[1:]) + "\n", encoding="utf-8")
    result = run(GOLD, bad, "-f", "json")
    assert result.exit_code == 1
    (line,) = errors_of(result)
    assert f"{bad}:2" in line and "not JSON" in line
    assert json_scores(result.stdout)["DATE relaxed"]["f1"] == 0.5


def test_missing_gold_file_exits_2_with_one_line_naming_it(tmp_path):
    result = run(tmp_path / "absent.jsonl", PRED)
    assert result.exit_code == 2
    (line,) = errors_of(result)
    assert "absent.jsonl" in line and "GOLD" in line
    assert result.stdout == ""


def test_folder_as_pred_exits_2():
    result = run(GOLD, EVAL_FIXTURES)
    assert result.exit_code == 2
    assert "is a folder" in result.stderr


def test_gold_that_is_not_utf8_exits_2():
    result = run(REPO / "fixtures" / "latin1.txt", PRED)
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--where", "case"], "--where"),
    (["--model", "en_core_web_sm", PRED], "--model only applies"),
    (["-", "-"], "cannot both be -"),
])
def test_usage_errors_exit_2(args, message):
    result = run(GOLD, *args) if args[0] != "-" else run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_unloadable_model_exits_2():
    result = run(GOLD, "--model", "no_such_spacy_pipeline_here")
    assert result.exit_code == 2
    assert "--model" in result.stderr


# --- agreement with the shared scorer --------------------------------------------------------------------

def _shared_scores(gold: Path, pred: Path) -> dict:
    script = SHARED / "eval" / "score.py"
    done = subprocess.run([sys.executable, str(script), str(gold), str(pred), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _assert_same_figures(shared: dict, ours: dict) -> None:
    assert ours["documents"] == shared["docs"]
    assert ours["without_prediction"] == shared["missing_predictions"]
    mine = {s["measure"]: s for s in ours["scores"]}
    assert set(mine) == set(shared["scores"])
    for measure, theirs in shared["scores"].items():
        s = mine[measure]
        for key, their_key in (("precision", "p"), ("recall", "r"), ("f1", "f")):
            assert f"{s[key]:.3f}" == f"{theirs[their_key]:.3f}", (measure, key)
        assert (s["predicted"], s["gold"]) == (theirs["pred"], theirs["gold"]), measure


@pytest.mark.parametrize("gold_path", SHARED_GOLDS or [None],
                         ids=[p.parent.name for p in SHARED_GOLDS] or ["no-shared"])
def test_eval_prints_the_figures_of_shared_score_py(gold_path, tmp_path):
    """On every shared corpus, with the predictions qfacts makes, ``qfacts eval`` and ``score.py`` agree to the
    third decimal on every measure that score.py prints."""
    if gold_path is None:
        pytest.skip(f"shared corpora not found at {SHARED / 'corpora'} (only present in the project workspace)")
    gold, _ = read_jsonl(str(gold_path))
    predictions, problems = predict(gold)
    assert problems == []
    pred_path = tmp_path / "pred.jsonl"
    with pred_path.open("w", encoding="utf-8") as fh:
        for record in predictions.values():
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    result = run(gold_path, pred_path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    _assert_same_figures(_shared_scores(gold_path, pred_path), json.loads(result.stdout))


def test_eval_without_pred_matches_score_py_on_the_seed(tmp_path):
    gold_path = SHARED / "corpora" / "seed" / "seed.jsonl"
    if not gold_path.is_file():
        pytest.skip(f"shared seed corpus not found at {gold_path} (only present in the project workspace)")
    gold, _ = read_jsonl(str(gold_path))
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(r) + "\n" for r in predict(gold)[0].values()), encoding="utf-8")
    result = run(gold_path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    _assert_same_figures(_shared_scores(gold_path, pred_path), json.loads(result.stdout))


@pytest.mark.parametrize("where, message", [
    (["--where", "topic=sport"], "--where topic=sport: no gold document has a field 'topic' (fields: agreements, annotated, "),
    (["--where", "case=sport"], "--where case=sport: no gold document has case 'sport' (case values: "),
    (["--where", "case=documents", "--where", "case=mentions"],
     "--where: no gold document has case=documents and case=mentions together"),
])
def test_where_that_matches_no_gold_document_is_a_usage_error_naming_the_field(where, message):
    result = run(GOLD, PRED, *where)
    assert result.exit_code == 2
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith(f"qfacts: error: {message}")
    assert result.stdout == ""
