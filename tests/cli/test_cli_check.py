"""The ``qfacts check`` command through Typer's CliRunner: exit codes, formats, the snapshot round trip.

Fixtures (invented, CC0): ``fixtures/check/signed.txt`` (two organisations sign a joint venture agreement on
a dated day: ORG, DATE, AGREEMENT and one fact, no PLACE) and ``fixtures/check/weather.txt`` (a weather note:
no entities, no facts). Tests run in a temporary folder holding copies, so ids are short and texts can be edited.
"""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from qfacts.cli import common
from qfacts.cli import app

runner = CliRunner()

SIGNED_FACT = {"type": "joint_venture", "parties": ["Calder Freight Ltd", "Marrow Bay Port Authority"],
               "date": "2024-06-03"}


def run(*args, input=None):
    return runner.invoke(app, ["check", *map(str, args)], input=input)


@pytest.fixture
def work(tmp_path, monkeypatch, fixtures_dir):
    """A temporary working folder with copies of the check fixtures."""
    for name in ("signed.txt", "weather.txt"):
        shutil.copy(fixtures_dir / "check" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


# --- exit codes ------------------------------------------------------------------------------------------

def test_check_exits_0_when_every_rule_is_met(work):
    result = run("signed.txt", "--require", "ORG,DATE,AGREEMENT", "--min-facts", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "qfacts check: 1 document, 2 rules: all met"


def test_check_exits_1_when_required_label_missing_and_names_the_document(work):
    result = run("signed.txt", "weather.txt", "--require", "org,agreement")
    assert result.exit_code == 1
    assert "FAIL weather.txt: require: no ORG, no AGREEMENT entity" in result.stderr
    assert "signed.txt" not in result.stderr


def test_check_exits_1_when_a_document_has_too_few_facts(work):
    result = run("signed.txt", "weather.txt", "--min-facts", "1")
    assert result.exit_code == 1
    assert "FAIL weather.txt: min-facts: 0 facts, at least 1 required" in result.stderr
    assert run("signed.txt", "--min-facts", "2").exit_code == 1


def test_check_exits_2_for_an_unknown_label_and_names_it(work):
    result = run("signed.txt", "--require", "ORG,PERSON")
    assert result.exit_code == 2
    assert "PERSON" in result.stderr and "--require" in result.stderr


@pytest.mark.parametrize("args, words", [
    ((), "no rule"),
    (("--update",), "--update needs --expect"),
    (("--expect", "none.jsonl"), "no such snapshot"),
    (("--min-facts", "-1"), "--min-facts"),
    (("--format", "xml", "--min-facts", "1"), "xml"),
    (("--min-facts", "1", "--reference-date", "2024-13-01"), "not a date"),
])
def test_check_exits_2_on_usage_errors(work, args, words):
    result = run("signed.txt", *args)
    assert result.exit_code == 2
    assert words in result.stderr


def test_check_exits_2_for_a_malformed_snapshot_naming_its_line(work):
    (work / "facts.jsonl").write_text('{"id": "signed.txt", "facts": []}\nnot json\n', encoding="utf-8")
    result = run("signed.txt", "--expect", "facts.jsonl")
    assert result.exit_code == 2
    assert "facts.jsonl:2: invalid JSON" in result.stderr


def test_check_exits_2_for_an_unreadable_input_and_still_checks_the_others(work):
    result = run("signed.txt", "missing.txt", "weather.txt", "--min-facts", "1", "--format", "jsonl")
    assert result.exit_code == 2  # an input error wins over the broken rule of weather.txt
    assert "qfacts: error: missing.txt: no such file or directory" in result.stderr
    rows = jsonl(result)
    assert [(r["document"], r["rule"], r["ok"]) for r in rows] == [
        ("signed.txt", "min-facts", True), ("missing.txt", "input", False), ("weather.txt", "min-facts", False)]


def test_check_without_paths_reads_stdin(work):
    text = (work / "signed.txt").read_text(encoding="utf-8")
    result = run("--min-facts", "1", "--format", "jsonl", input=text)
    assert result.exit_code == 0, result.stderr
    assert [r["document"] for r in jsonl(result)] == ["-"]


def test_help_documents_exit_codes_and_an_example():
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Exit codes: 0" in text and "1 a rule not met" in text and "2 usage or input error" in text
    assert "qfacts check articles/ --require ORG,DATE,AGREEMENT" in text


# --- formats ---------------------------------------------------------------------------------------------

def test_format_jsonl_gives_one_result_per_document_and_rule(work):
    result = run("signed.txt", "weather.txt", "--require", "ORG", "--min-facts", "1", "-f", "jsonl")
    assert result.exit_code == 1
    rows = jsonl(result)
    assert [(r["document"], r["rule"], r["ok"]) for r in rows] == [
        ("signed.txt", "require", True), ("signed.txt", "min-facts", True),
        ("weather.txt", "require", False), ("weather.txt", "min-facts", False)]
    assert rows[2]["missing"] == ["ORG"] and rows[3]["facts"] == 0


def test_format_junit_is_xml_with_a_testcase_per_document(work):
    result = run("signed.txt", "weather.txt", "nothing.txt", "--require", "ORG", "--min-facts", "1",
                 "--format", "junit")
    assert result.exit_code == 2
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert list(cases) == ["signed.txt", "weather.txt", "nothing.txt"]
    assert not list(cases["signed.txt"])
    assert sorted(f.get("type") for f in cases["weather.txt"].findall("failure")) == ["min-facts", "require"]
    assert cases["nothing.txt"].find("error") is not None


def test_format_github_prints_escaped_error_annotations(work):
    result = run("signed.txt", "weather.txt", "--require", "ORG,PLACE", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "::error file=signed.txt,title=qfacts check%3A require::signed.txt: no PLACE entity",
        "::error file=weather.txt,title=qfacts check%3A require::weather.txt: no ORG, no PLACE entity",
    ]


def test_format_human_writes_nothing_on_stdout_and_quiet_nothing_on_stderr(work):
    result = run("weather.txt", "--min-facts", "1", "--quiet")
    assert result.exit_code == 1
    assert result.stdout == "" and result.stderr == ""


def test_human_summary_on_a_terminal_goes_through_rich_without_colour_under_no_color(work, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(common, "is_terminal", lambda stream: True)
    result = run("weather.txt", "--min-facts", "1")
    assert result.exit_code == 1
    assert "FAIL weather.txt: min-facts" in result.stderr and "\x1b[" not in result.stderr


# --- snapshot round trip ---------------------------------------------------------------------------------

def test_snapshot_round_trip_update_then_check_passes_then_a_lost_fact_fails(work):
    update = run("signed.txt", "weather.txt", "--expect", "facts.jsonl", "--update")
    assert update.exit_code == 0, update.stderr
    lines = (work / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [{"id": "signed.txt", "facts": [SIGNED_FACT]},
                                                    {"id": "weather.txt", "facts": []}]

    assert run("signed.txt", "weather.txt", "--expect", "facts.jsonl").exit_code == 0

    text = (work / "signed.txt").read_text(encoding="utf-8")
    (work / "signed.txt").write_text(text.replace("signed a joint venture agreement", "met"), encoding="utf-8")
    result = run("signed.txt", "weather.txt", "--expect", "facts.jsonl")
    assert result.exit_code == 1
    assert "FAIL signed.txt: expect: 0 appeared, 1 disappeared" in result.stderr
    assert ("    - joint_venture: Calder Freight Ltd + Marrow Bay Port Authority (2024-06-03)"
            in result.stderr.splitlines())
    rows = jsonl(run("signed.txt", "weather.txt", "--expect", "facts.jsonl", "-f", "jsonl"))
    assert rows[0]["status"] == "changed" and rows[0]["disappeared"] == [SIGNED_FACT]
    assert rows[1]["status"] == "same" and rows[1]["ok"]


def test_snapshot_names_documents_new_to_it_and_missing_from_it(work):
    assert run("signed.txt", "--expect", "facts.jsonl", "--update").exit_code == 0
    result = run("weather.txt", "--expect", "facts.jsonl", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=weather.txt,title=qfacts check%3A expect::weather.txt: not in the snapshot (0 facts)",
        "::error file=facts.jsonl,line=1,title=qfacts check%3A expect::signed.txt: in the snapshot, but no document "
        "checked has this id: removed, renamed, or not among the inputs (1 fact)%0A- joint_venture: Calder Freight "
        "Ltd + Marrow Bay Port Authority (2024-06-03)",
    ]


def test_a_snapshot_inside_the_checked_folder_is_not_read_as_an_input(work):
    assert run(".", "--expect", "facts.jsonl", "--update").exit_code == 0
    result = run(".", "--expect", "facts.jsonl", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [r["document"] for r in jsonl(result)] == ["signed.txt", "weather.txt"]  # "./signed.txt" normalised


def test_update_is_deterministic_and_ignores_the_input_order(work):
    assert run("weather.txt", "signed.txt", "--expect", "a.jsonl", "--update").exit_code == 0
    assert run("signed.txt", "weather.txt", "--expect", "b.jsonl", "--update").exit_code == 0
    assert (work / "a.jsonl").read_bytes() == (work / "b.jsonl").read_bytes()


def test_update_leaves_the_snapshot_untouched_when_an_input_cannot_be_read(work):
    (work / "facts.jsonl").write_text("old\n", encoding="utf-8")
    result = run("signed.txt", "missing.txt", "--expect", "facts.jsonl", "--update")
    assert result.exit_code == 2
    assert "not written" in result.stderr
    assert (work / "facts.jsonl").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in work.iterdir()) == ["facts.jsonl", "signed.txt", "weather.txt"]


def test_update_still_applies_the_other_rules(work):
    result = run("weather.txt", "--expect", "facts.jsonl", "--update", "--min-facts", "1")
    assert result.exit_code == 1
    assert (work / "facts.jsonl").read_text(encoding="utf-8") == '{"id": "weather.txt", "facts": []}\n'


def test_snapshot_of_a_jsonl_corpus_uses_record_ids_and_points_annotations_to_lines(work):
    text = (work / "signed.txt").read_text(encoding="utf-8")
    corpus = work / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "w", "text": "Nothing happened."}) + "\n"
                      + json.dumps({"id": "s", "text": text}) + "\n", encoding="utf-8")
    assert run("corpus.jsonl", "--expect", "facts.jsonl", "--update").exit_code == 0
    assert [json.loads(x)["id"] for x in (work / "facts.jsonl").read_text().splitlines()] == ["s", "w"]
    result = run("corpus.jsonl", "--require", "ORG", "-f", "github")
    assert result.exit_code == 1
    assert re.match(r"^::error file=corpus\.jsonl,line=1,title=qfacts check%3A require::w: no ORG entity$",
                    result.stdout.strip())


def test_a_document_the_extractor_fails_on_is_named_and_the_others_still_checked(work, monkeypatch):
    from qfacts import api

    real = api._extract_one

    def failing(nlp, document):
        if document.id.endswith("weather.txt"):
            raise RuntimeError("rule bug")
        return real(nlp, document)

    monkeypatch.setattr(api, "_extract_one", failing)
    result = run("signed.txt", "weather.txt", "--min-facts", "1", "--format", "jsonl")
    assert result.exit_code == 2
    assert "weather.txt: extraction failed: RuntimeError: rule bug" in result.stderr
    assert any(r["document"] == "signed.txt" and r["ok"] for r in jsonl(result))


# --- snapshot ids, unmatched entries and the --update hint ----------------------------------------------------

def _articles(work):
    folder = work / "articles"
    folder.mkdir()
    shutil.move(str(work / "signed.txt"), folder / "signed.txt")
    shutil.move(str(work / "weather.txt"), folder / "weather.txt")
    return folder


@pytest.mark.parametrize("spelling", ["./articles/", "articles", "articles//", "./articles/../articles", None])
def test_snapshot_ids_do_not_depend_on_how_the_path_is_spelled(work, spelling):
    folder = _articles(work)
    assert run("articles/", "--expect", "facts.jsonl", "--update").exit_code == 0
    ids = [json.loads(line)["id"] for line in (work / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == ["articles/signed.txt", "articles/weather.txt"]
    result = run(spelling or str(folder), "--expect", "facts.jsonl")  # None: the absolute path
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "qfacts check: 2 documents, 1 rule: all met"


def test_single_files_spelled_differently_share_their_snapshot_ids(work):
    assert run("./signed.txt", "weather.txt", "--expect", "facts.jsonl", "--update").exit_code == 0
    result = run("signed.txt", str(work / "weather.txt"), "--expect", "facts.jsonl")
    assert result.exit_code == 0, result.stderr


def test_a_snapshot_entry_that_matches_no_document_says_so(work):
    assert run("signed.txt", "weather.txt", "--expect", "facts.jsonl", "--update").exit_code == 0
    result = run("signed.txt", "--expect", "facts.jsonl")
    assert result.exit_code == 1
    assert ("FAIL weather.txt: expect: in the snapshot, but no document checked has this id: removed, renamed, "
            "or not among the inputs (0 facts)") in result.stderr


def test_a_failed_snapshot_check_ends_with_the_update_command_that_accepts_it(work):
    assert run("signed.txt", "--expect", "facts.jsonl", "--update").exit_code == 0
    (work / "signed.txt").write_text("A weather note: rain on Tuesday.\n", encoding="utf-8")
    result = run("signed.txt", "--expect", "facts.jsonl", "-r", "2024-06-05")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        "qfacts check: if these changes are right, accept them with:",
        "  qfacts check signed.txt --expect facts.jsonl --reference-date 2024-06-05 --update"]
    accepted = runner.invoke(app, result.stderr.splitlines()[-1].split()[1:])
    assert accepted.exit_code == 0
    assert run("signed.txt", "--expect", "facts.jsonl", "-r", "2024-06-05").exit_code == 0


def test_no_update_hint_when_only_other_rules_fail_or_quiet(work):
    assert run("weather.txt", "--expect", "facts.jsonl", "--update").exit_code == 0
    result = run("weather.txt", "--expect", "facts.jsonl", "--min-facts", "1")
    assert result.exit_code == 1 and "--update" not in result.stderr
    (work / "weather.txt").write_text((work / "signed.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert "--update" not in run("weather.txt", "--expect", "facts.jsonl", "--quiet").stderr


def test_update_into_a_folder_that_cannot_hold_the_snapshot_exits_2_before_extracting(work, monkeypatch):
    def mkstemp(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(common.tempfile, "mkstemp", mkstemp)
    result = run("signed.txt", "--expect", "facts.jsonl", "--update")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"qfacts: error: --expect facts.jsonl: cannot create a file in {work}: " \
                                    "permission denied"
