"""Property-based tests (hypothesis): any Unicode text, never a crash, offsets always exact, output always valid.

Texts are drawn from all of Unicode except lone surrogates (which no UTF-8 input can hold), and from a mix of
invented news words with the awkward parts of real text: control characters, NUL, CRLF, right-to-left scripts,
emoji and combining marks, very long tokens and runs of blank lines.
"""
from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import qfacts
from qfacts import api, cli

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)

FRAGMENTS = [
    "Brindle Motors", "signed", "a memorandum of understanding", "MOU", "with", "Kestrel University", "in",
    "Seoul", "Lyon", "on Friday", "last week", "3 March 2024", "2024-05-20", "11/05/2024", "Q3 2024", "the city",
    "joint venture", "partnership", "between", "and", "(Reuters) --", "SEOUL, May 19 (Yonhap) --", "Inc", "Corp.",
    "\r\n", "\n\n", "\n", "\t", "\x00", "\x0b", "\x1b[31m", "\u200b", "\u202e", "\ufeff", "שלום", "مرحبا بكم",
    "🤝", "👩‍👩‍👧", "e\u0301", "İstanbul", "ß", "ﬁnance", "x" * 3000, "." * 50, " " * 40, "A", "I",
]
news_like = st.lists(st.sampled_from(FRAGMENTS) | any_text, max_size=40).map(" ".join)
reference_dates = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


SCHEMA = json.loads((resources.files("qfacts") / "schema" / "record.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def check_record(text: str, record: qfacts.Record) -> None:
    """Offsets index ``text`` exactly; the record survives JSON and validates against the schema."""
    n = len(text)
    for ent in record.entities:
        assert 0 <= ent.start < ent.end <= n, ent
        assert text[ent.start:ent.end] == ent.text, ent
    for fact in record.agreements:
        trigger = fact.trigger
        assert 0 <= fact.start <= trigger["start"] < trigger["end"] <= fact.end <= n, fact
        assert text[trigger["start"]:trigger["end"]] == trigger["text"], fact
        assert text[fact.start:fact.end] == fact.sentence, fact
    data = record.to_dict()
    line = json.dumps(data, ensure_ascii=False)
    assert "\n" not in line  # one JSON Lines record is one line, whatever the text holds
    assert json.loads(line) == data
    line.encode("utf-8")
    errors = sorted(VALIDATOR.iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert record.text_length == n


@SETTINGS
@given(text=any_text, reference_date=reference_dates)
def test_any_unicode_text_gives_a_valid_record_with_exact_offsets(text, reference_date):
    check_record(text, qfacts.extract(text, reference_date=reference_date))


@SETTINGS
@given(text=news_like, reference_date=reference_dates)
def test_news_like_text_with_awkward_characters_gives_a_valid_record(text, reference_date):
    check_record(text, qfacts.extract(text, reference_date=reference_date))


@settings(max_examples=25, deadline=None)
@given(text=news_like)
def test_long_text_cut_into_pieces_keeps_offsets_into_the_whole_text(text):
    whole = "\n\n".join([text, "Brindle Motors signed an MOU with Kestrel University on 3 March 2024."] * 20)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(api, "PIECE_CHARS", 1000)  # the smallest piece api.py uses
        record = qfacts.extract(whole, reference_date="2024-05-20")
    assert len(whole) > 1000
    check_record(whole, record)
    assert max(e.end for e in record.entities) > 1000  # entities found in later pieces too


@settings(max_examples=30, deadline=None)
@given(texts=st.lists(news_like, min_size=1, max_size=3))
@example(texts=["Brindle Motors \x85 signed \u2028 an MOU\u2029 with\x1c Lyon\x0c on Friday."])
def test_jsonl_stream_of_any_texts_gives_one_valid_json_line_per_record(texts):
    lines = "".join(json.dumps({"id": f"t{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    result = CliRunner().invoke(cli.app, ["extract", "--format", "jsonl", "-"], input=lines)
    assert result.exit_code == 0, result.stderr
    # JSON Lines end at "\n" only: U+0085 or U+2028 may stand raw inside a string (str.splitlines would cut there)
    records = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert [r["id"] for r in records] == [f"t{i}" for i in range(len(texts))]
    for text, record in zip(texts, records):
        assert record["text_length"] == len(text)
        assert all(text[e["start"]:e["end"]] == e["text"] for e in record["entities"])
        VALIDATOR.validate(record)
