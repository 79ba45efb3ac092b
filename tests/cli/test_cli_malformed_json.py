"""One bad record must not lose the others at the command line (issue 14): a JSON Lines line Python cannot hold
(a 5,000-digit integer, arrays nested 10,000 deep) is one error line naming the file and line, and so is a
MemoryError while extracting one document (``check``, ``eval``); every other record is processed."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from qfacts.cli import app

runner = CliRunner()

HUGE = "9" * 5000
DEEP = "[" * 10000 + "]" * 10000
TEXT = "Acme Corp signed a memorandum of understanding with Daejeon on Friday."


def run(*args, input=None):
    return runner.invoke(app, [*map(str, args)], input=input)


def error_lines(result):
    return [line for line in result.stderr.splitlines() if line.strip()]


def corpus_lines():
    good = {"text": TEXT, "reference_date": "2025-05-19"}
    return [json.dumps({"id": "first", **good}),
            '{"id": %s, "text": "x"}' % HUGE,
            '{"id": "r", "text": "x", "reference_date": %s}' % HUGE,
            '{"id": "n", "text": "x", "extra": %s}' % DEEP,
            json.dumps({"id": "last", **good})]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus.jsonl").write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    return tmp_path / "corpus.jsonl"


def assert_three_bad_lines(result, name):
    lines = error_lines(result)
    assert "Traceback" not in result.stderr
    assert [line.split(": ")[2] for line in lines] == [f"{name}:2", f"{name}:3", f"{name}:4"]
    assert "more than" in lines[0] and "digits" in lines[1] and "nested too deeply" in lines[2]


def test_extract_corpus_with_huge_number_and_deep_nesting_writes_the_other_records_exit_1(corpus):
    result = run("extract", "--format", "jsonl", "corpus.jsonl")
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["first", "last"]
    assert_three_bad_lines(result, "corpus.jsonl")


def test_extract_stdin_jsonl_starting_with_a_huge_number_is_still_read_as_records(corpus):
    lines = corpus_lines()
    result = run("extract", "--format", "jsonl", "-", input="\n".join(lines[1:]) + "\n")
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["last"]
    assert [line.split(": ")[2] for line in error_lines(result)] == ["-:1", "-:2", "-:3"]


def test_extract_with_output_file_holds_the_good_records_despite_bad_lines(corpus):
    result = run("extract", "corpus.jsonl", "-o", "out.jsonl")
    assert result.exit_code == 1
    written = (corpus.parent / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in written] == ["first", "last"]


def test_check_corpus_with_huge_number_names_each_line_and_checks_the_rest(corpus):
    result = run("check", "corpus.jsonl", "--min-facts", "0", "--format", "jsonl")
    assert result.exit_code == 2  # check: an input error is exit 2, and the other documents are still checked
    checked = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["document"], r["rule"], r["ok"]) for r in checked] == [
        ("first", "min-facts", True), ("corpus.jsonl:2", "input", False), ("corpus.jsonl:3", "input", False),
        ("corpus.jsonl:4", "input", False), ("last", "min-facts", True)]
    assert "Traceback" not in result.stderr
    assert [line.split(": ")[2] for line in error_lines(result)[:3]] == [
        "corpus.jsonl:2", "corpus.jsonl:3", "corpus.jsonl:4"]


@pytest.mark.parametrize("bad", ['{"id": "b.txt", "facts": [%s]}' % HUGE, '{"id": "b.txt", "facts": %s}' % DEEP])
def test_check_expect_snapshot_with_huge_number_or_deep_nesting_is_one_line_exit_2(tmp_path, monkeypatch, bad):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "snap.jsonl").write_text('{"id": "a.txt", "facts": []}\n' + bad + "\n", encoding="utf-8")
    result = run("check", "a.txt", "--expect", "snap.jsonl")
    assert result.exit_code == 2
    (line,) = error_lines(result)
    assert line.startswith("qfacts: error: --expect snap.jsonl:2: invalid JSON")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("which", ["gold", "pred"])
def test_eval_file_with_huge_number_and_deep_nesting_skips_those_lines_scores_the_rest_exit_1(tmp_path, which):
    good = {"id": "a", "text": "Acme Corp.", "annotated": ["ORG"],
            "mentions": [{"start": 0, "end": 9, "label": "ORG", "text": "Acme Corp"}]}
    pred = {"id": "a", "entities": [{"start": 0, "end": 9, "label": "ORG", "text": "Acme Corp"}], "agreements": []}
    bad = ['{"id": %s}' % HUGE, '{"id": "z", "x": %s}' % DEEP]
    gold_lines = [json.dumps(good)] + (bad if which == "gold" else [])
    pred_lines = [json.dumps(pred)] + (bad if which == "pred" else [])
    (tmp_path / "gold.jsonl").write_text("\n".join(gold_lines) + "\n", encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text("\n".join(pred_lines) + "\n", encoding="utf-8")
    result = run("eval", tmp_path / "gold.jsonl", tmp_path / "pred.jsonl", "--format", "json")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    lines = error_lines(result)
    assert [f"{which}.jsonl:2" in lines[0], f"{which}.jsonl:3" in lines[1]] == [True, True] and len(lines) == 2
    scores = {s["measure"]: s for s in json.loads(result.stdout)["scores"]}
    assert scores["ORG strict"]["f1"] == 1.0


def test_graph_of_saved_records_with_a_huge_number_names_the_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    record = run("extract", "--format", "jsonl", "-r", "2025-05-19", "-", input=TEXT).stdout.strip()
    (tmp_path / "records.jsonl").write_text(record + "\n" + '{"schema_version": "1.3", "x": %s}\n' % HUGE,
                                            encoding="utf-8")
    result = run("graph", "records.jsonl", "--format", "graphml")
    assert "Traceback" not in result.stderr
    assert any("records.jsonl:2" in line for line in error_lines(result))


def _memory_error_on(monkeypatch, doc_id):
    from qfacts import api

    real = api._extract_one

    def failing(nlp, document):
        if document.id == doc_id:
            raise MemoryError()
        return real(nlp, document)

    monkeypatch.setattr(api, "_extract_one", failing)


def test_check_memory_error_on_one_document_names_it_and_checks_the_others(corpus, monkeypatch):
    _memory_error_on(monkeypatch, "first")
    result = run("check", "corpus.jsonl", "--min-facts", "0", "--format", "jsonl")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "qfacts: error: first: extraction failed: MemoryError: out of memory extracting this document" in \
        error_lines(result)
    assert [json.loads(line)["document"] for line in result.stdout.splitlines()][-1] == "last"


def test_eval_without_pred_memory_error_on_one_document_scores_the_others(tmp_path, monkeypatch):
    _memory_error_on(monkeypatch, "a")
    gold = [{"id": i, "text": TEXT, "annotated": ["ORG"], "mentions": []} for i in ("a", "b")]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    result = run("eval", tmp_path / "gold.jsonl", "--format", "json")
    assert result.exit_code == 1
    assert error_lines(result) == ["qfacts: error: a: extraction failed: MemoryError: out of memory extracting this "
                                   "document"]
    assert json.loads(result.stdout)["without_prediction"] == 1
