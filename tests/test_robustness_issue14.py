"""Issue 14: no input loses a document, every record keeps its invariants, time stays linear.

Regression tests for each repro of the issue, at library level and at the command line (a file holding the
text), and property tests (hypothesis) over news-like text from own word lists, any Unicode (surrogates,
controls, combining marks), mutated copies of an own-written article and reference dates across 0001..9999.
"""
from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import qfacts
from qfacts.api import analysable, make_doc
from qfacts.cli import app
from qfacts.invariants import violations

REPROS = [
    ("Acme Corp <\n> signed an MOU.", None),
    ("Acme Corp and Daejeon signed a\nTRADE\nAGREEMENT\nin Japan.", None),
    ("Friday yesterday last month last summer", "0001-01-01"),
    ("tomorrow, next week, next month, by summer", "9999-12-31"),
]


def sound(text, reference_date=None):
    """The record of ``text``: no stage failed and no invariant is broken."""
    record = qfacts.extract(text, reference_date=reference_date)
    assert record.errors == []
    assert violations(record, text) == []
    return record


@pytest.mark.parametrize("text,reference_date", REPROS)
def test_issue_repros_give_a_sound_record(text, reference_date):
    sound(text, reference_date)


def test_angle_bracket_before_a_line_break_keeps_the_organisation_and_the_fact():
    record = sound("Acme Corp <\n> signed an MOU.")
    assert [e.text for e in record.entities if e.label == "ORG"] == ["Acme Corp"]
    assert [f.parties for f in record.agreements] == [["Acme Corp"]]


def test_bracketed_name_across_line_breaks_is_the_name_without_the_breaks():
    text = "Shares of <\nHalvard Bank\n> rose after it signed an MOU with Lyon."
    record = sound(text)
    assert "Halvard Bank" in [e.text for e in record.entities if e.label == "ORG"]


def test_lone_surrogate_is_read_as_a_replacement_character_with_offsets_kept():
    text = "Acme Corp\ud800 signed an MOU with Daejeon\udcff on 3 May 2024."
    record = sound(text)
    assert record.text_length == len(text)
    fact = record.agreements[0]
    assert fact.parties == ["Acme Corp", "Daejeon"]
    assert fact.sentence == analysable(text)[fact.start:fact.end]
    assert "\ufffd" in fact.sentence and "\ud800" not in json.dumps(record.to_dict(), ensure_ascii=False)
    json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8


def test_a_text_of_one_lone_surrogate_gives_an_empty_record():
    record = sound("A\ud800")
    assert record.entities == [] and record.agreements == []


def test_fact_sentence_holds_a_trigger_that_spans_line_breaks():
    text = "Acme Corp and Daejeon signed a\nTRADE\nAGREEMENT\nin Japan."
    fact = sound(text).agreements[0]
    assert fact.start <= fact.trigger["start"] < fact.trigger["end"] <= fact.end
    assert fact.trigger["text"] == "TRADE\nAGREEMENT"


def test_party_named_in_an_earlier_sentence_is_recorded_at_its_referring_expression():
    text = ("Brindle Motors opened a plant in Lyon last year.\n\n"
            "On Friday, the company signed a memorandum of understanding with Kestrel University.")
    record = sound(text, "2024-05-20")
    fact = record.agreements[0]
    detail = {d["name"]: d for d in fact.party_details}["Brindle Motors"]
    assert detail["surface"] == "the company"
    assert text[detail["start"]:detail["end"]] == "the company"
    assert detail["antecedent"] == {"text": "Brindle Motors", "start": 0, "end": 14}


def test_party_named_again_in_the_sentence_is_recorded_at_that_mention_without_antecedent():
    text = ("BRINDLE MOTORS AND KESTREL UNIVERSITY SIGN MOU\n\n"
            "Brindle Motors signed a memorandum of understanding with Kestrel University on Friday.")
    record = sound(text, "2024-05-20")
    for fact in record.agreements:
        for d in fact.party_details:
            assert "antecedent" not in d
            assert fact.start <= d["start"] < d["end"] <= fact.end


def test_long_punctuation_run_is_tokenised_in_pieces_with_exact_offsets():
    nlp = qfacts.get_pipeline()
    text = "Acme Corp!" + "!" * 5000 + " signed " + "(" * 700 + "an MOU" + "'s" * 300
    doc = make_doc(nlp, text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert max(len(t.text) for t in doc) <= 100


def test_text_without_long_runs_is_tokenised_as_the_tokenizer_does():
    nlp = qfacts.get_pipeline()
    text = "Acme Corp. signed an MOU -- see http://example.com/a/b?c=1 ... (really)!"
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize("text,reference_date", REPROS + [("!" * 3000 + " Acme Corp signed an MOU.", None),
                                                          ("MOU " * 500, None)])
def test_command_line_writes_a_sound_record_for_each_repro(tmp_path, text, reference_date):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8", newline="")
    args = ["extract", "--format", "jsonl", str(path)]
    if reference_date:
        args += ["--reference-date", reference_date]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines() if line]
    assert len(records) == 1
    assert "errors" not in records[0]
    assert violations(records[0], text) == []


# --- properties -------------------------------------------------------------------------------------------

ORGS = ["Brindle Motors", "Kestrel University", "Acme Corp", "Halvard Bank Ltd", "SORREL ENERGY", "Vantor Labs Inc"]
PLACES = ["Lyon", "Daejeon", "Japan", "Busan", "Ontario", "São Paulo"]
WORDS = ["signed", "agreed", "a memorandum of understanding", "an MOU", "MOU", "a joint venture", "with", "and",
         "between", "the company", "it", "the two companies", "said", "will sign", "denied", "a TRADE\nAGREEMENT",
         "on Friday", "last summer", "next month", "yesterday", "3 March 2024", "2024-05-20", "in Q3 2024",
         "SEOUL, May 19 (Yonhap) --", "(Reuters) -", "<", ">", "<\n>", ".", ",", ";", "\n", "\n\n", "!" * 40]
AWKWARD = st.characters(min_codepoint=0, max_codepoint=0x10FFFF)  # surrogates and controls included

news_like = st.lists(st.sampled_from(ORGS + PLACES + WORDS) | st.text(AWKWARD, max_size=4), max_size=30).map(" ".join)
reference_dates = st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)) \
    | st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)])
ARTICLE = ("LYON, March 4 (Reuters) - Brindle Motors signed a memorandum of understanding with Kestrel University "
           "on Friday to develop battery cells, the company said.\n\nThe two companies will form a joint venture in "
           "Daejeon next year. Acme Corp <ACME.N> denied it had agreed to a deal.\n")
PROPS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(text=news_like, reference_date=reference_dates)
@example(text="Friday yesterday last month last summer", reference_date=dt.date(1, 1, 1))
@example(text="tomorrow next week next month by summer", reference_date=dt.date(9999, 12, 31))
def test_news_like_text_never_raises_and_keeps_the_invariants(text, reference_date):
    sound(text, reference_date)


@PROPS
@given(text=st.text(AWKWARD, max_size=200), reference_date=reference_dates)
def test_any_unicode_text_never_raises_and_keeps_the_invariants(text, reference_date):
    sound(text, reference_date)


@PROPS
@given(edits=st.lists(st.tuples(st.integers(0, len(ARTICLE)), st.integers(0, 30),
                                st.sampled_from(["", "\n", "<", "\ud800", "MOU", "!!!", "Acme Corp", " ", "\u0301"])),
                      max_size=6),
       reference_date=reference_dates)
def test_mutated_article_never_raises_and_keeps_the_invariants(edits, reference_date):
    text = ARTICLE
    for at, width, insert in edits:
        text = text[:at] + insert + text[at + width:]
    sound(text, reference_date)
