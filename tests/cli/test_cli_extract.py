"""The ``qfacts extract`` command, in process through Typer's CliRunner.

These tests check structure, exit codes, offsets and error reporting, not extraction quality: the rules are
tuned elsewhere. Click >= 8.2 always keeps ``result.stderr`` apart from ``result.stdout``.
"""
from __future__ import annotations

import csv
import io
import json
import os

import jsonschema
import pytest
from typer.testing import CliRunner

import qfacts
import qfacts.io
from qfacts import render
from qfacts.cli import common
from qfacts.cli import app

runner = CliRunner()

GOOD = ["partnership.txt", "corpus.jsonl"]
GOOD_IDS = ["partnership.txt", "corpus-1", "corpus-2", "corpus.jsonl:3"]


def run(*args, input=None):
    return runner.invoke(app, ["extract", *map(str, args)], input=input)


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def error_lines(result):
    return [line for line in result.stderr.splitlines() if line.strip()]


def texts_of(paths):
    """The exact texts by document id, read the way qfacts reads them, for offset checks."""
    texts = {}
    for item in qfacts.io.read_inputs(paths):
        if isinstance(item, qfacts.Document):
            texts[item.id] = item.text
    return texts


# --- formats ---------------------------------------------------------------------------------------------

def test_default_format_in_a_pipe_is_jsonl_one_record_per_input_document(in_fixtures):
    result = run(*GOOD)
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in jsonl(result)] == GOOD_IDS
    assert result.stderr == ""


def test_jsonl_records_have_the_contract_fields(in_fixtures):
    (record,) = jsonl(run("--format", "jsonl", "partnership.txt"))
    for key in ("schema_version", "id", "source", "reference_date", "reference_date_source", "text_length",
                "entities", "agreements"):
        assert key in record
    assert record["text_length"] == len((in_fixtures / "partnership.txt").read_text(encoding="utf-8"))


def test_json_format_is_one_valid_array_that_validates_against_the_schema(in_fixtures, seed_path,
                                                                            record_schema):
    result = run("--format", "json", *GOOD, seed_path)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [r["id"] for r in data] == GOOD_IDS + [str(seed_path)]
    validator = jsonschema.Draft202012Validator(record_schema)
    for record in data:
        assert list(validator.iter_errors(record)) == [], record["id"]


def test_csv_entities_has_header_and_rows_matching_jsonl(in_fixtures):
    result = run("--format", "csv", *GOOD)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(csv.reader(io.StringIO(result.stdout)).__next__()) == render.ENTITY_COLUMNS
    entities = [(r["id"], e["label"], e["text"], str(e["start"]), str(e["end"]))
                for r in jsonl(run(*GOOD)) for e in r["entities"]]
    assert [(r["id"], r["label"], r["text"], r["start"], r["end"]) for r in rows] == entities


def test_csv_rows_facts_has_one_row_per_agreement(in_fixtures, seed_path):
    result = run("--format", "csv", "--rows", "facts", seed_path)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    (record,) = jsonl(run(seed_path))
    assert len(rows) == len(record["agreements"])
    assert list(csv.reader(io.StringIO(result.stdout)))[0] == list(render.FACT_COLUMNS)
    for row, fact in zip(rows, record["agreements"]):
        assert row["type"] == fact["type"] and row["parties"] == " | ".join(fact["parties"])


def test_table_format_shows_the_document_and_its_entity_texts(in_fixtures):
    result = run("--format", "table", "partnership.txt")
    assert result.exit_code == 0, result.stderr
    (record,) = jsonl(run("partnership.txt"))
    assert "partnership.txt" in result.stdout
    assert record["entities"], "the fixture should yield entities"
    for entity in record["entities"][:5]:
        assert entity["text"].split()[0] in result.stdout
    assert "\x1b[" not in result.stdout


def test_format_is_case_insensitive_and_bad_format_is_a_usage_error(in_fixtures):
    assert run("--format", "JSONL", "partnership.txt").exit_code == 0
    result = run("--format", "xml", "partnership.txt")
    assert result.exit_code == 2


def _pretend_terminal(monkeypatch, *names):
    """Make cli see the named standard streams ("stdin", "stdout", "stderr") as terminals."""
    import sys

    monkeypatch.setattr(common, "is_terminal", lambda stream: any(stream is getattr(sys, n) for n in names))


def test_default_format_on_a_terminal_is_a_coloured_table(in_fixtures, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    _pretend_terminal(monkeypatch, "stdout")
    result = run("partnership.txt")
    assert result.exit_code == 0, result.stderr
    assert "partnership.txt" in result.stdout and "\x1b[" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout.splitlines()[0])


def test_no_color_turns_colour_off_on_a_terminal(in_fixtures, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    _pretend_terminal(monkeypatch, "stdout")
    result = run("partnership.txt")
    assert result.exit_code == 0 and "\x1b[" not in result.stdout


def test_progress_and_summary_on_a_terminal_stderr_leave_stdout_clean(in_fixtures, monkeypatch):
    _pretend_terminal(monkeypatch, "stderr")
    result = run(*GOOD, "missing.txt")
    assert result.exit_code == 1
    assert [r["id"] for r in jsonl(result)] == GOOD_IDS
    assert "qfacts: error: missing.txt: no such file or directory" in result.stderr
    assert "4 documents, 1 error" in result.stderr


def test_quiet_hides_the_summary_but_not_errors(in_fixtures, monkeypatch):
    _pretend_terminal(monkeypatch, "stderr")
    result = run("--quiet", *GOOD, "missing.txt")
    assert error_lines(result) == ["qfacts: error: missing.txt: no such file or directory"]


def test_no_path_with_stdin_on_a_terminal_is_a_usage_error(monkeypatch):
    _pretend_terminal(monkeypatch, "stdin")
    result = run()
    assert result.exit_code == 2
    assert "no input" in result.stderr


# --- inputs ----------------------------------------------------------------------------------------------

def test_stdin_dash_is_read_as_one_document(in_fixtures):
    text = (in_fixtures / "partnership.txt").read_text(encoding="utf-8")
    result = run("-", input=text)
    assert result.exit_code == 0, result.stderr
    (record,) = jsonl(result)
    assert record["id"] == "-" and record["text_length"] == len(text)


def test_no_path_reads_stdin_when_it_is_not_a_terminal(in_fixtures):
    result = run(input="Acme Corp signed an MOU with Daejeon on Friday.")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in jsonl(result)] == ["-"]


def test_folder_is_walked_recursively_in_sorted_order(in_fixtures):
    result = run("folder")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in jsonl(result)] == [os.path.join("folder", p) for p in
                                                ("a.txt", "b.md", "nested/NOTES", "nested/c.text")]


def test_glob_is_expanded_by_qfacts(in_fixtures):
    result = run("folder/*.txt", "folder/*/*.text")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in jsonl(result)] == ["folder/a.txt", "folder/nested/c.text"]


def test_empty_file_gives_an_empty_record_and_exit_0(in_fixtures):
    result = run("empty.txt")
    assert result.exit_code == 0, result.stderr
    (record,) = jsonl(result)
    assert record["text_length"] == 0 and record["entities"] == [] and record["agreements"] == []


def test_jsonl_record_reference_date_is_used_with_source_record(in_fixtures):
    records = {r["id"]: r for r in jsonl(run("corpus.jsonl"))}
    assert records["corpus-1"]["reference_date"] == "2024-05-20"
    assert records["corpus-1"]["reference_date_source"] == "record"


def test_reference_date_option_overrides_every_document(in_fixtures):
    result = run("--reference-date", "2021-02-03", *GOOD)
    assert result.exit_code == 0, result.stderr
    for record in jsonl(result):
        assert record["reference_date"] == "2021-02-03"
        assert record["reference_date_source"] == "option"


# --- bad inputs: one line on stderr each, the rest still processed, exit 1 ------------------------------

@pytest.mark.parametrize("bad, where, words", [
    ("notes/missing.txt", "notes/missing.txt", "no such file or directory"),
    ("empty_folder", "empty_folder", "no text files"),
    ("nothing/*.txt", "nothing/*.txt", "no files match"),
    ("binary.txt", "binary.txt", "binary"),
    ("latin1.txt", "latin1.txt", "byte offset 3"),
    ("bad.jsonl", "bad.jsonl:2", "invalid JSON"),
])
def test_bad_input_reports_one_line_error_and_processes_the_rest(in_fixtures, bad, where, words):
    result = run("partnership.txt", bad, "corpus.jsonl")
    assert result.exit_code == 1
    lines = error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"qfacts: error: {where}: ")
    assert words in lines[0]
    ids = [r["id"] for r in jsonl(result)]
    assert ids[0] == "partnership.txt" and ids[-3:] == ["corpus-1", "corpus-2", "corpus.jsonl:3"]


def test_cli_missing_path_reports_one_line_error_and_processes_the_rest(in_fixtures):
    result = run("notes/missing.txt", "partnership.txt")
    assert result.exit_code == 1
    assert error_lines(result) == ["qfacts: error: notes/missing.txt: no such file or directory"]
    assert [r["id"] for r in jsonl(result)] == ["partnership.txt"]


def test_malformed_jsonl_line_keeps_the_good_records_of_the_same_file(in_fixtures):
    result = run("bad.jsonl")
    assert result.exit_code == 1
    assert [r["id"] for r in jsonl(result)] == ["good-1", "good-2"]
    assert error_lines(result)[0].startswith("qfacts: error: bad.jsonl:2: invalid JSON")


def test_bad_jsonl_records_are_named_by_line(in_fixtures):
    result = run("bad_records.jsonl")
    assert result.exit_code == 1
    lines = error_lines(result)
    assert [line.split(": ")[2] for line in lines] == ["bad_records.jsonl:1", "bad_records.jsonl:2",
                                                        "bad_records.jsonl:3"]
    assert "reference_date" in lines[1]
    assert [r["id"] for r in jsonl(result)] == ["ok"]


def test_extraction_failure_on_one_document_is_reported_and_the_rest_written(in_fixtures, monkeypatch):
    from qfacts import api

    real = api._extract_one

    def flaky(nlp, document):
        if document.id == "corpus-2":
            raise RuntimeError("rule exploded")
        return real(nlp, document)

    monkeypatch.setattr(api, "_extract_one", flaky)
    result = run("corpus.jsonl")
    assert result.exit_code == 1
    assert error_lines(result) == ["qfacts: error: corpus-2: extraction failed: RuntimeError: rule exploded"]
    assert [r["id"] for r in jsonl(result)] == ["corpus-1", "corpus.jsonl:3"]


def test_a_component_that_fails_on_a_document_is_named_and_its_record_still_written(in_fixtures, monkeypatch):
    from qfacts import api

    real = api._run_components

    def failing_dates(nlp, doc, record):
        doc = real(nlp, doc, record)
        if record.id == "corpus-2":
            record.errors.append({"component": "qfacts_dates", "error": "ValueError: bad day"})
        return doc

    monkeypatch.setattr(api, "_run_components", failing_dates)
    result = run("corpus.jsonl")
    assert result.exit_code == 1
    assert error_lines(result) == ["qfacts: error: corpus-2: component qfacts_dates failed: ValueError: bad day"]
    records = jsonl(result)
    assert [r["id"] for r in records] == ["corpus-1", "corpus-2", "corpus.jsonl:3"]
    assert records[1]["errors"] == [{"component": "qfacts_dates", "error": "ValueError: bad day"}]


# --- usage errors: exit 2 ------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "31/01/2024"])
def test_bad_reference_date_option_is_a_usage_error(in_fixtures, value):
    result = run("--reference-date", value, "partnership.txt")
    assert result.exit_code == 2
    assert "reference-date" in result.stderr
    assert result.stdout == ""


def test_unloadable_model_is_a_usage_error_with_a_one_line_message(in_fixtures):
    result = run("--model", "no_such_spacy_model_xyz", "partnership.txt")
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) == 1 and lines[0].startswith("qfacts: error: --model:")
    assert "no_such_spacy_model_xyz" in lines[0]
    assert result.stdout == ""


def test_unknown_option_is_a_usage_error(in_fixtures):
    assert run("--frobnicate", "partnership.txt").exit_code == 2


def test_output_in_a_missing_folder_is_a_usage_error(in_fixtures, tmp_path):
    result = run("--output", tmp_path / "nope" / "out.jsonl", "partnership.txt")
    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_version_option_prints_the_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"qfacts {qfacts.__version__}"


def test_help_documents_exit_codes_and_an_example():
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout and "qfacts extract article.txt" in result.stdout


# --- --output -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, fmt", [("out.json", "json"), ("out.jsonl", "jsonl"), ("out.ndjson", "jsonl"),
                                       ("out.csv", "csv")])
def test_output_format_is_inferred_from_the_suffix(in_fixtures, tmp_path, name, fmt):
    target = tmp_path / name
    result = run("--output", target, "partnership.txt")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    content = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(content)[0]["id"] == "partnership.txt"
    elif fmt == "jsonl":
        assert json.loads(content.splitlines()[0])["id"] == "partnership.txt"
    else:
        assert content.splitlines()[0] == ",".join(render.ENTITY_COLUMNS)
    assert sorted(os.listdir(tmp_path)) == [name]  # no temporary file left behind


def test_output_is_still_written_when_some_input_fails(in_fixtures, tmp_path):
    target = tmp_path / "out.jsonl"
    result = run("-o", target, "missing.txt", "partnership.txt")
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in target.read_text().splitlines()] == ["partnership.txt"]


def _fail_on_second_record(monkeypatch, exc):
    real = render.JsonLinesWriter.write
    calls = []

    def failing(self, record):
        calls.append(record)
        if len(calls) == 2:
            raise exc
        real(self, record)

    monkeypatch.setattr(render.JsonLinesWriter, "write", failing)


def test_output_is_atomic_a_crash_mid_write_leaves_no_file(in_fixtures, tmp_path, monkeypatch):
    _fail_on_second_record(monkeypatch, RuntimeError("disk on fire"))
    target = tmp_path / "out.jsonl"
    result = run("-o", target, *GOOD)
    assert result.exit_code != 0
    assert isinstance(result.exception, RuntimeError)
    assert os.listdir(tmp_path) == []


def test_output_is_atomic_an_existing_file_is_untouched_by_a_failed_run(in_fixtures, tmp_path, monkeypatch):
    target = tmp_path / "out.jsonl"
    target.write_text("previous run\n")
    _fail_on_second_record(monkeypatch, RuntimeError("disk on fire"))
    run("-o", target, *GOOD)
    assert target.read_text() == "previous run\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_keyboard_interrupt_exits_130_and_leaves_no_partial_output(in_fixtures, tmp_path, monkeypatch):
    _fail_on_second_record(monkeypatch, KeyboardInterrupt())
    target = tmp_path / "out.jsonl"
    result = run("-o", target, *GOOD)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert os.listdir(tmp_path) == []


def test_output_replaces_an_existing_file_on_success(in_fixtures, tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("previous run\n")
    assert run("-o", target, "partnership.txt").exit_code == 0
    assert json.loads(target.read_text())["id"] == "partnership.txt"


# --- offsets and determinism ------------------------------------------------------------------------------

def test_every_entity_offset_indexes_the_exact_input_text(in_fixtures, seed_path):
    paths = [*GOOD, "folder", "crlf.txt", "bom.txt", str(seed_path)]
    result = run(*paths)
    assert result.exit_code == 0, result.stderr
    texts = texts_of(paths)
    records = jsonl(result)
    assert sum(len(r["entities"]) for r in records) > 0
    for record in records:
        text = texts[record["id"]]
        assert record["text_length"] == len(text)
        for ent in record["entities"]:
            assert text[ent["start"]:ent["end"]] == ent["text"], (record["id"], ent)
        for fact in record["agreements"]:
            trigger = fact["trigger"]
            assert text[trigger["start"]:trigger["end"]] == trigger["text"]
            assert fact["sentence"] in text  # sentence offsets may trim whitespace differently


def test_crlf_text_keeps_offsets_exact(in_fixtures):
    text = (in_fixtures / "crlf.txt").read_bytes().decode("utf-8")
    (record,) = jsonl(run("crlf.txt"))
    assert record["text_length"] == len(text)
    for ent in record["entities"]:
        assert text[ent["start"]:ent["end"]] == ent["text"]


def test_output_is_deterministic_across_runs(in_fixtures, seed_path):
    args = ["--format", "json", *GOOD, "folder", str(seed_path)]
    assert run(*args).stdout == run(*args).stdout


def test_seed_yields_a_date_and_an_agreement(seed_path):
    (record,) = jsonl(run(seed_path))
    labels = {e["label"] for e in record["entities"]}
    assert {"DATE", "AGREEMENT"} <= labels


def test_text_longer_than_spacy_max_length_is_chunked_with_exact_offsets(seed_path, monkeypatch):
    nlp = qfacts.build_pipeline()
    nlp.max_length = 1000  # the smallest chunk api.py uses
    monkeypatch.setattr(qfacts.parallel, "shared_pipeline", lambda model=None, overrides=None: nlp)
    text = seed_path.read_text(encoding="utf-8") * 2
    assert len(text) > 2 * nlp.max_length
    result = run("-", input=text)
    assert result.exit_code == 0, result.stderr
    (record,) = jsonl(result)
    assert record["text_length"] == len(text)
    assert record["entities"]
    assert max(e["end"] for e in record["entities"]) > nlp.max_length
    for ent in record["entities"]:
        assert text[ent["start"]:ent["end"]] == ent["text"]


def test_shared_seed_corpus_gives_schema_valid_records_with_the_scorer_fields(shared_dir, record_schema):
    corpus = shared_dir / "corpora" / "seed" / "seed.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} not found")
    result = run("--format", "jsonl", corpus)
    assert result.exit_code == 0, result.stderr
    gold_ids = [json.loads(line)["id"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = jsonl(result)
    assert [r["id"] for r in records] == gold_ids
    for record in records:
        jsonschema.validate(record, record_schema)
        assert {"id", "entities", "agreements"} <= set(record)


# --- --include-negated ------------------------------------------------------------------------------------

CALLED_OFF = ("Kelvo Corp and Marden Systems Inc called off their joint venture on Tuesday, the two companies "
              "said.\n")


def test_called_off_agreement_is_no_fact_by_default():
    result = run("-", "--format", "jsonl", input=CALLED_OFF)
    assert result.exit_code == 0, result.stderr
    (record,) = jsonl(result)
    assert record["agreements"] == []


def test_include_negated_outputs_called_off_agreement_with_failed_status():
    result = run("-", "--format", "jsonl", "--include-negated", input=CALLED_OFF)
    assert result.exit_code == 0, result.stderr
    (record,) = jsonl(result)
    (fact,) = record["agreements"]
    assert fact["type"] == "joint_venture"
    assert fact["status"] == "failed"
    assert fact["parties"] == ["Kelvo Corp", "Marden Systems Inc"]


def test_include_negated_keeps_the_default_pipeline_unchanged():
    run("-", "--format", "jsonl", "--include-negated", input=CALLED_OFF)
    (record,) = jsonl(run("-", "--format", "jsonl", input=CALLED_OFF))
    assert record["agreements"] == []
    assert qfacts.get_pipeline().get_pipe("qfacts_facts").include_negated is False
    assert qfacts.get_pipeline(None, {"qfacts_facts": {"include_negated": True}}).get_pipe(
        "qfacts_facts").include_negated is True


def test_include_negated_with_two_jobs_reaches_the_workers():
    result = run("-", "--format", "jsonl", "--include-negated", "--jobs", "2", "--stdin-format", "jsonl",
                 input=json.dumps({"id": "a", "text": CALLED_OFF}) + "\n")
    assert result.exit_code == 0, result.stderr
    (record,) = jsonl(result)
    assert [f["status"] for f in record["agreements"]] == ["failed"]


# --- output rules: -o -, suffixes, --rows, unwritable outputs -------------------------------------------------

def test_output_dash_is_standard_output(in_fixtures):
    result = run("-o", "-", "--format", "jsonl", "partnership.txt")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in jsonl(result)] == ["partnership.txt"]
    assert not os.path.exists("-")


@pytest.mark.parametrize("name", ["out.txt", "out", "out.xml"])
def test_an_output_suffix_that_names_no_format_is_a_usage_error(in_fixtures, tmp_path, name):
    result = run("-o", tmp_path / name, "partnership.txt")
    assert result.exit_code == 2
    assert error_lines(result) == [f"qfacts: error: --output {tmp_path / name}: "
                                   + ("the suffix " + os.path.splitext(name)[1] if "." in name
                                      else "a name without a suffix")
                                   + " names no format: end it in .jsonl, .json or .csv, or give --format"]
    assert os.listdir(tmp_path) == []


def test_an_output_suffix_that_names_no_format_is_fine_with_format(in_fixtures, tmp_path):
    result = run("-o", tmp_path / "out.txt", "--format", "jsonl", "partnership.txt")
    assert result.exit_code == 0, result.stderr
    assert json.loads((tmp_path / "out.txt").read_text(encoding="utf-8"))["id"] == "partnership.txt"


def test_rows_without_a_format_selects_csv(in_fixtures, seed_path):
    result = run("--rows", "facts", "-r", "2025-05-19", seed_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == ",".join(render.FACT_COLUMNS)


@pytest.mark.parametrize("args", [["--format", "json"], ["-o", "out.jsonl"], ["--format", "table"]])
def test_rows_with_another_format_is_a_usage_error(in_fixtures, tmp_path, args):
    args = [str(tmp_path / a) if a.endswith(".jsonl") else a for a in args]
    result = run("--rows", "facts", *args, "partnership.txt")
    assert result.exit_code == 2
    (line,) = error_lines(result)
    assert line.startswith("qfacts: error: --rows facts is for CSV output, not ")
    assert os.listdir(tmp_path) == []


def test_output_in_a_folder_that_cannot_hold_it_exits_2_before_reading_any_input(in_fixtures, tmp_path, monkeypatch):
    def mkstemp(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    def no_reading(*args, **kwargs):
        raise AssertionError("no input may be read")

    monkeypatch.setattr(common.tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(qfacts.io, "read_inputs", no_reading)
    target = tmp_path / "out.jsonl"
    result = run("-o", target, "partnership.txt")
    assert result.exit_code == 2
    assert error_lines(result) == [f"qfacts: error: --output {target}: cannot create a file in {tmp_path}: "
                                   "permission denied"]
    assert "Traceback" not in result.stderr


def test_a_full_disk_exits_1_with_one_line_and_the_old_output_untouched(in_fixtures, tmp_path, monkeypatch):
    real = os.fdopen

    class FullDisk:
        def __init__(self, fh):
            self.fh = fh

        def write(self, text):
            raise OSError(28, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.fh, name)

    monkeypatch.setattr(common.os, "fdopen", lambda fd, *a, **k: FullDisk(real(fd, *a, **k)))
    target = tmp_path / "out.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    result = run("-o", target, *GOOD)
    assert result.exit_code == 1
    assert error_lines(result) == [f"qfacts: error: --output {target}: no space left on device; {target} is left "
                                   "as it was"]
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_sigterm_mid_run_leaves_the_old_output_and_exits_143(in_fixtures, tmp_path, monkeypatch):
    _fail_on_second_record(monkeypatch, common.Terminated())
    target = tmp_path / "out.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    result = run("-o", target, *GOOD)
    assert result.exit_code == 143
    assert result.stderr == "qfacts: terminated\n"
    assert target.read_text(encoding="utf-8") == "previous run\n" and os.listdir(tmp_path) == ["out.jsonl"]


def test_a_folder_input_skips_the_records_qfacts_wrote_into_it(tmp_path):
    (tmp_path / "a.txt").write_text("Acme Corp signed an MOU with Daejeon.", encoding="utf-8")
    first = run("-o", tmp_path / "records.jsonl", tmp_path)
    assert first.exit_code == 0, first.stderr
    again = run("--format", "jsonl", tmp_path)
    assert again.exit_code == 0, again.stderr
    assert [r["id"] for r in jsonl(again)] == [str(tmp_path / "a.txt")]
