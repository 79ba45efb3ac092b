"""The library behind ``qfacts check`` (:mod:`qfacts.check`): rules, snapshot, diff, exit codes and writers.

These tests build :class:`DocumentFacts` by hand, so they run without the spaCy pipeline.
"""
from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET

import pytest

from qfacts import check
from qfacts.check import (Checker, DocumentFacts, Fact, Rules, SnapshotError, check_documents,
                          parse_snapshot)
from qfacts.models import Agreement, Entity, Record

MOU = Fact.of("memorandum_of_understanding", ["Nordvale", "Arbor Bio"], "2025-03-11")
JV = Fact.of("joint_venture", ["Calder Freight Ltd"], None)
CONTRACT = Fact.of("contract", ["Halden Foods", "Ministry of Health"], "2023-W43")


def doc(id, facts=(), labels=("ORG", "DATE", "AGREEMENT"), source=None):
    return DocumentFacts(id, source or id, frozenset(labels), check.sorted_facts(facts))


def snapshot_of(*docs):
    return parse_snapshot(check.snapshot_lines(docs), "snap.jsonl")


def write(writer, report):
    out = io.StringIO()
    writer(report, out)
    return out.getvalue()


# --- facts and documents ---------------------------------------------------------------------------------

def test_fact_key_sorts_parties_so_their_order_in_the_text_does_not_matter():
    assert Fact.of("partnership", ["B Corp", "A Corp"], "2024") == Fact.of("partnership", ["A Corp", "B Corp"], "2024")
    assert MOU.parties == ("Arbor Bio", "Nordvale")


def test_document_facts_from_a_record_keep_labels_and_fact_keys_only():
    record = Record(id="a.txt", source="a.txt", reference_date=None, reference_date_source=None,
                    entities=[Entity("ORG", 0, 4, "Acme"), Entity("DATE", 20, 26, "Friday", value="2025-05-16")],
                    agreements=[Agreement(type="contract", parties=["Zeta", "Acme"], date="2025-05-16",
                                          status="signed", trigger={"text": "contract", "start": 9, "end": 17},
                                          sentence="...", start=0, end=30)])
    facts = DocumentFacts.from_record(record)
    assert facts.labels == {"ORG", "DATE"}
    assert facts.facts == (Fact("contract", ("Acme", "Zeta"), "2025-05-16"),)


# --- rules -----------------------------------------------------------------------------------------------

def test_parse_labels_accepts_commas_any_case_and_repeats_without_duplicates():
    assert check.parse_labels(["org,Date", "ORG", " agreement "]) == ("ORG", "DATE", "AGREEMENT")


def test_parse_labels_names_an_unknown_label():
    with pytest.raises(ValueError, match="'PERSON'"):
        check.parse_labels(["ORG,PERSON"])


def test_require_fails_naming_the_missing_labels():
    result = check.require_result(doc("a", labels=("ORG",)), ("ORG", "DATE", "PLACE"))
    assert not result.ok
    assert result.details["missing"] == ["DATE", "PLACE"]
    assert "DATE" in result.message and "PLACE" in result.message


def test_require_is_met_when_every_label_is_present():
    assert check.require_result(doc("a"), ("ORG", "AGREEMENT")).ok


@pytest.mark.parametrize("facts, minimum, ok", [((MOU,), 1, True), ((), 1, False), ((MOU, JV), 3, False),
                                               ((), 0, True)])
def test_min_facts_compares_the_documents_fact_count(facts, minimum, ok):
    result = check.min_facts_result(doc("a", facts), minimum)
    assert result.ok is ok
    assert result.details == {"facts": len(facts), "min": minimum}


def test_rules_reject_an_unknown_label_and_a_negative_minimum():
    with pytest.raises(ValueError):
        Rules(require=("PERSON",))
    with pytest.raises(ValueError):
        Rules(min_facts=-1)


# --- diff ------------------------------------------------------------------------------------------------

def test_diff_facts_names_what_appeared_and_disappeared_as_multisets():
    appeared, disappeared = check.diff_facts([MOU, JV, JV], [MOU, JV, CONTRACT])
    assert appeared == (CONTRACT,)
    assert disappeared == (JV,)


def test_expect_passes_when_the_facts_equal_the_snapshot_in_any_order():
    snapshot = snapshot_of(doc("a", [MOU, JV]))
    result = check.expect_result(doc("a", [JV, MOU]), snapshot["a"])
    assert result.ok and result.details["status"] == "same"


def test_expect_fails_for_a_changed_document_and_lists_the_facts():
    snapshot = snapshot_of(doc("a", [MOU, JV]))
    result = check.expect_result(doc("a", [MOU, CONTRACT]), snapshot["a"])
    assert not result.ok
    assert result.details["status"] == "changed"
    assert result.details["appeared"] == [CONTRACT.to_dict()]
    assert result.details["disappeared"] == [JV.to_dict()]


def test_checker_reports_documents_new_to_and_missing_from_the_snapshot():
    rules = Rules(expect=snapshot_of(doc("kept", [MOU]), doc("gone", [JV])), expect_path="snap.jsonl")
    report = check_documents([doc("kept", [MOU]), doc("new", [CONTRACT])], rules)
    status = {c.document: c.results[0].details["status"] for c in report.cases}
    assert status == {"kept": "same", "new": "new", "gone": "missing"}
    gone = report.cases[-1]
    assert gone.results[0].disappeared == (JV,)
    assert check.case_location(gone) == ("snap.jsonl", 1)  # the snapshot is sorted by id: "gone" first
    assert report.documents == 2


# --- exit codes ------------------------------------------------------------------------------------------

def test_exit_code_is_0_when_every_rule_is_met():
    report = check_documents([doc("a", [MOU]), doc("b", [JV])], Rules(require=("ORG",), min_facts=1))
    assert report.exit_code == check.EXIT_OK == 0
    assert report.failures == 0


def test_exit_code_is_1_when_a_rule_is_not_met():
    report = check_documents([doc("a", [MOU]), doc("b")], Rules(min_facts=1))
    assert report.exit_code == check.EXIT_FAILED == 1
    assert [c.document for c in report.failed_cases] == ["b"]


def test_exit_code_is_2_when_an_input_failed_even_if_rules_failed_too():
    checker = Checker(Rules(min_facts=1))
    checker.add(doc("b"))
    checker.add_error("missing.txt", "no such file or directory")
    report = checker.finish()
    assert report.failures == 1
    assert report.exit_code == check.EXIT_ERROR == 2


def test_a_repeated_document_id_is_an_input_error():
    checker = Checker(Rules(min_facts=0))
    checker.add(doc("a"))
    case = checker.add(doc("a"))
    assert case.error and "duplicate" in case.error
    assert checker.finish().exit_code == 2


# --- snapshot --------------------------------------------------------------------------------------------

def test_snapshot_is_sorted_by_id_with_sorted_facts_whatever_the_input_order():
    first = check.snapshot_lines([doc("b", [JV, MOU]), doc("a", [CONTRACT]), doc("c")])
    second = check.snapshot_lines([doc("c"), doc("a", [CONTRACT]), doc("b", [MOU, JV])])
    assert first == second
    rows = [json.loads(line) for line in first]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[1]["facts"] == [JV.to_dict(), MOU.to_dict()]
    assert rows[2]["facts"] == []
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in first)


def test_snapshot_round_trip_reads_back_the_same_facts(tmp_path):
    docs = [doc("x/a.txt", [MOU, MOU, JV]), doc("b \u00e9", [CONTRACT])]
    path = tmp_path / "facts.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        check.write_snapshot(docs, fh)
    snapshot = check.read_snapshot(str(path))
    assert {k: v.facts for k, v in snapshot.items()} == {d.id: d.facts for d in docs}
    assert check_documents(docs, Rules(expect=snapshot)).exit_code == 0


@pytest.mark.parametrize("text, where, words", [
    ('{"id": "a", "facts": []}\n{oops\n', "snap.jsonl:2", "invalid JSON"),
    ('{"id": "a", "facts": []}\n\n{"id": "a", "facts": []}\n', "snap.jsonl:3", "twice"),
    ('{"id": "a", "facts": [{"type": "contract", "parties": "Acme"}]}\n', "snap.jsonl:1", "parties"),
    ('{"facts": []}\n', "snap.jsonl:1", '"id"'),
    ('{"id": "a"}\n', "snap.jsonl:1", '"facts"'),
])
def test_bad_snapshot_lines_are_named_by_line(text, where, words):
    with pytest.raises(SnapshotError) as info:
        parse_snapshot(io.StringIO(text), "snap.jsonl")
    assert info.value.where == where and words in info.value.message


def test_a_missing_snapshot_says_how_to_create_it(tmp_path):
    with pytest.raises(SnapshotError, match="--update"):
        check.read_snapshot(str(tmp_path / "none.jsonl"))


# --- where results point to ------------------------------------------------------------------------------

@pytest.mark.parametrize("source, expected", [("a/b.txt", ("a/b.txt", None)), ("c.jsonl:7", ("c.jsonl", 7)),
                                              ("-", (None, None)), ("notes:12", ("notes:12", None))])
def test_case_location_splits_a_corpus_record_source_into_file_and_line(source, expected):
    assert check.case_location(check.Case("id", source)) == expected


def test_same_file_recognises_a_file_and_the_records_of_a_corpus_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert check.same_file("snap.jsonl:3", str(tmp_path / "snap.jsonl"))
    assert check.same_file("./snap.jsonl", "snap.jsonl")
    assert not check.same_file("other.jsonl:3", "snap.jsonl")
    assert not check.same_file("-", "-")


# --- writers ---------------------------------------------------------------------------------------------

def _mixed_report():
    rules = Rules(require=("ORG", "PLACE"), min_facts=1,
                  expect=snapshot_of(doc("ok.txt", [MOU], ("ORG", "PLACE")), doc("gone.txt", [JV]),
                                     doc("c.jsonl:2", [JV])),
                  expect_path="facts.jsonl")
    checker = Checker(rules)
    checker.add(doc("ok.txt", [MOU], ("ORG", "PLACE")))
    checker.add(doc("c.jsonl:2", [CONTRACT], ("ORG",), source="c.jsonl:2"))
    checker.add_error("bad.txt", "binary file")
    return checker.finish()


def test_jsonl_writer_gives_one_object_per_document_and_rule():
    rows = [json.loads(line) for line in write(check.write_jsonl, _mixed_report()).splitlines()]
    assert [(r["document"], r["rule"], r["ok"]) for r in rows] == [
        ("ok.txt", "require", True), ("ok.txt", "min-facts", True), ("ok.txt", "expect", True),
        ("c.jsonl:2", "require", False), ("c.jsonl:2", "min-facts", True), ("c.jsonl:2", "expect", False),
        ("bad.txt", "input", False), ("gone.txt", "expect", False)]
    assert rows[3]["missing"] == ["PLACE"]
    assert rows[5]["appeared"] == [CONTRACT.to_dict()] and rows[5]["disappeared"] == [JV.to_dict()]


def test_junit_writer_is_valid_xml_with_a_testcase_per_document_and_a_failure_per_rule():
    root = ET.fromstring(write(check.write_junit, _mixed_report()))
    suite = root.find("testsuite")
    assert suite is not None and root.tag == "testsuites"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["ok.txt", "c.jsonl:2", "bad.txt", "gone.txt"]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "2", "1")
    assert cases[0].find("failure") is None
    assert [f.get("type") for f in cases[1].findall("failure")] == ["require", "expect"]
    assert (cases[1].get("file"), cases[1].get("line")) == ("c.jsonl", "2")
    assert "+ contract: Halden Foods + Ministry of Health (2023-W43)" in cases[1].findall("failure")[1].text
    assert cases[2].find("error").get("message") == "binary file"
    assert (cases[3].get("file"), cases[3].get("line")) == ("facts.jsonl", "2")


def test_junit_writer_replaces_characters_xml_cannot_hold():
    report = check_documents([doc("a\x0bb", labels=())], Rules(require=("ORG",)))
    root = ET.fromstring(write(check.write_junit, report))
    assert root.find("testsuite/testcase").get("name") == "a\ufffdb"


def test_github_escaping_follows_the_workflow_command_rules():
    assert check.github_escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert check.github_escape_property("dir:x/a,b%.txt\n") == "dir%3Ax/a%2Cb%25.txt%0A"


GITHUB_LINE = re.compile(r"^::error (?:file=[^,:]+,)?(?:line=\d+,)?title=[^,:]+::[^\r\n]*$")


def test_github_writer_gives_one_annotation_per_failure_and_input_error():
    lines = write(check.write_github, _mixed_report()).splitlines()
    assert len(lines) == 4
    assert all(GITHUB_LINE.match(line) for line in lines), lines
    assert lines[0].startswith("::error file=c.jsonl,line=2,title=qfacts check%3A require::c.jsonl:2: no PLACE")
    assert "%0A+ contract" in lines[1] and "%0A- joint_venture" in lines[1]
    assert lines[2].startswith("::error file=bad.txt,title=")
    assert lines[3].startswith("::error file=facts.jsonl,line=2,")


def test_human_writer_lists_failures_with_the_fact_diff_then_a_summary():
    text = write(check.write_human, _mixed_report())
    lines = text.splitlines()
    assert lines[0] == "ERROR bad.txt: binary file"
    assert "FAIL c.jsonl:2: require: no PLACE entity" in lines
    assert "    + contract: Halden Foods + Ministry of Health (2023-W43)" in lines
    assert "    - joint_venture: Calder Freight Ltd (no date)" in lines
    assert lines[-1] == "qfacts check: 2 documents, 3 rules: 3 not met in 2 documents, 1 input error"
    assert "\x1b[" not in text


def test_human_writer_through_rich_without_colour_writes_the_same_lines():
    report = check_documents([doc("a")], Rules(min_facts=1))
    out = io.StringIO()
    check.write_human(report, out, rich=True, color=False)
    assert "\x1b[" not in out.getvalue()
    assert out.getvalue() == write(check.write_human, report)


def test_document_id_normalises_paths_but_keeps_record_ids(tmp_path):
    from qfacts.check import document_id

    cwd = str(tmp_path)
    assert document_id("./articles/a.txt", "./articles/a.txt", cwd) == "articles/a.txt"
    assert document_id("articles//b/../a.txt", "articles//b/../a.txt", cwd) == "articles/a.txt"
    assert document_id(str(tmp_path / "articles" / "a.txt"), str(tmp_path / "articles" / "a.txt"), cwd) \
        == "articles/a.txt"
    assert document_id("./corpus.jsonl:3", "./corpus.jsonl:3", cwd) == "corpus.jsonl:3"
    assert document_id("rec-7", "./corpus.jsonl:3", cwd) == "rec-7"  # the record's own id
    assert document_id("-", "-", cwd) == "-"
    outside = str(tmp_path.parent / "elsewhere.txt")
    assert document_id(outside, outside, cwd) == outside.replace(os.sep, "/")
