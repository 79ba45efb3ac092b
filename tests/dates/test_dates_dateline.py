"""A dateline with month and day but no year ("SEOUL, May 19 (Yonhap) --"): the year comes from a given reference
date; without one the record says why its relative dates stay open, and the command line warns once."""
from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import jsonschema
import pytest
import spacy
from typer.testing import CliRunner

import qfacts
from qfacts.cli import app
from qfacts.dates import find_reference_date, find_yearless_dateline

YEARLESS = "SEOUL, May 19 (Yonhap) -- The ministry said on Friday it signed an MOU with Acme Corp.\n"


@pytest.mark.parametrize("text, span", [
    (YEARLESS, "May 19"),
    ("WASHINGTON, Nov. 5 (Reuters) - Officials met on Tuesday.", "Nov. 5"),
    ("TOKYO, April 12 -- Rapidus said it joined the programme.", "April 12"),
    ("NEW YORK (AP) May 3: Shares fell on Monday.", "May 3"),
])
def test_dates_yearless_dateline_is_found(text, span):
    m = find_yearless_dateline(text)
    assert m is not None and m.text == span and text[m.start:m.end] == span
    assert find_reference_date(text) is None


@pytest.mark.parametrize("text", [
    "Chip deal 2023\nTOKYO, April 12 -- Rapidus said it joined.",        # the header's year completes it
    "SEOUL, May 19, 2025 (Yonhap) -- The ministry signed.",             # a full date
    "Talks are set for May 19, officials said on Friday.",               # a date in a sentence, no dateline
    "The firm said on May 19 that it would sign.",
])
def test_dates_no_yearless_dateline(text):
    assert find_yearless_dateline(text) is None


def test_dates_yearless_dateline_record_says_so():
    record = qfacts.extract(YEARLESS)
    assert record.reference_date is None
    assert record.reference_date_source == "dateline_without_year"
    friday = next(e for e in record.entities if e.text == "Friday")
    assert friday.value == "XXXX-XX-XX"
    schema = json.loads((resources.files("qfacts") / "schema" / "record.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(record.to_dict(), schema)


@pytest.mark.parametrize("ref", ["2025-05-20", dt.date(2025, 5, 20)])
def test_dates_yearless_dateline_takes_the_year_of_a_given_reference_date(ref):
    record = qfacts.extract(YEARLESS, reference_date=ref)
    assert record.reference_date == "2025-05-20" and record.reference_date_source == "given"
    values = {e.text: e.value for e in record.entities if e.label == "DATE"}
    assert values == {"May 19": "2025-05-19", "Friday": "2025-05-16"}


def test_dates_yearless_dateline_in_a_spacy_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("qfacts_dates")
    doc = nlp(YEARLESS)
    assert doc._.reference_date is None and doc._.reference_date_source == "dateline_without_year"


runner = CliRunner()


def _warnings(result):
    return [line for line in result.stderr.splitlines() if "warning" in line]


def test_dates_cli_warns_once_per_run_about_yearless_datelines(tmp_path):
    paths = []
    for i in range(3):
        p = tmp_path / f"story{i}.txt"
        p.write_text(YEARLESS, encoding="utf-8")
        paths.append(str(p))
    result = runner.invoke(app, ["extract", *paths, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["reference_date_source"] for r in records] == ["dateline_without_year"] * 3
    [warning] = _warnings(result)
    assert "--reference-date" in warning and "story0.txt" in warning


def test_dates_cli_no_warning_with_a_reference_date_or_quiet(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(YEARLESS, encoding="utf-8")
    given = runner.invoke(app, ["extract", str(p), "--format", "jsonl", "--reference-date", "2025-05-20"])
    assert given.exit_code == 0 and _warnings(given) == []
    record = json.loads(given.stdout)
    assert record["reference_date_source"] == "option"
    assert {e["text"]: e["value"] for e in record["entities"] if e["label"] == "DATE"}["May 19"] == "2025-05-19"
    quiet = runner.invoke(app, ["extract", str(p), "--format", "jsonl", "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": YEARLESS, "reference_date": "2025-05-20"}) + "\n", encoding="utf-8")
    from_record = runner.invoke(app, ["extract", str(corpus), "--format", "jsonl"])
    assert from_record.exit_code == 0 and _warnings(from_record) == []
    assert json.loads(from_record.stdout)["reference_date_source"] == "record"
