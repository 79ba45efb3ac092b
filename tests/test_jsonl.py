"""``qfacts.jsonl.parse_json_line``: every way Python's JSON parser fails on one line is one JSONLineError."""
from __future__ import annotations

import pytest

from qfacts.check import SnapshotError, parse_snapshot
from qfacts.evaluate import read_jsonl
from qfacts.io import InputError, _jsonl_items
from qfacts.jsonl import JSONLineError, parse_json_line

HUGE = "7" * 5000
DEEP = "[" * 10000 + "]" * 10000


def test_parse_json_line_returns_the_value_of_a_good_line():
    assert parse_json_line('{"id": "a", "n": [1, 2.5, null]}') == {"id": "a", "n": [1, 2.5, None]}


def test_parse_json_line_reports_malformed_json_with_its_column_as_a_syntax_error():
    with pytest.raises(JSONLineError) as err:
        parse_json_line('{"id": ')
    assert err.value.syntax and "column 8" in err.value.reason


@pytest.mark.parametrize("line, words", [
    ('{"id": %s}' % HUGE, "more than"),
    ('{"text": "x", "reference_date": %s}' % HUGE, "digits"),
    ('{"id": "a", "x": %s}' % DEEP, "nested too deeply"),
    ('{"a": ' * 10000 + "1" + "}" * 10000, "nested too deeply"),
])
def test_parse_json_line_turns_python_limits_into_one_line_errors(line, words):
    with pytest.raises(JSONLineError) as err:
        parse_json_line(line)
    assert words in err.value.reason and "\n" not in err.value.reason and not err.value.syntax


def test_jsonl_corpus_keeps_the_records_around_a_huge_number_and_deep_nesting():
    lines = [b'{"id": "a", "text": "one"}\n', b'{"id": %s, "text": "x"}\n' % HUGE.encode(),
             b'{"id": "b", "text": "x", "reference_date": %s}\n' % HUGE.encode(),
             b'{"id": "c", "text": %s}\n' % DEEP.encode(), b'{"id": "d", "text": "four"}\n']
    items = list(_jsonl_items("c.jsonl", lines, None))
    assert [getattr(i, "id", None) for i in items] == ["a", None, None, None, "d"]
    assert [e.where for e in items if isinstance(e, InputError)] == ["c.jsonl:2", "c.jsonl:3", "c.jsonl:4"]


def test_read_jsonl_of_eval_reports_the_huge_and_deep_lines_and_keeps_the_rest(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n{"id": %s}\n{"id": "b", "x": %s}\n{"id": "c"}\n' % (HUGE, DEEP))
    documents, problems = read_jsonl(str(path))
    assert sorted(documents) == ["a", "c"]
    assert [p.where for p in problems] == [f"{path}:2", f"{path}:3"]


@pytest.mark.parametrize("bad", ['{"id": "b", "facts": [%s]}' % HUGE, '{"id": "b", "facts": %s}' % DEEP])
def test_snapshot_line_with_a_huge_number_or_deep_nesting_is_a_snapshot_error_naming_the_line(bad):
    with pytest.raises(SnapshotError) as err:
        parse_snapshot(['{"id": "a", "facts": []}\n', bad + "\n"], "snap.jsonl")
    assert err.value.where == "snap.jsonl:2" and "invalid JSON" in err.value.message


# --- property: every non-blank JSONL line gives exactly one document or one error -----------------------------

import json  # noqa: E402

from hypothesis import given, settings, strategies as st  # noqa: E402

from qfacts import Document  # noqa: E402

FIELD_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(["2025-05-19", "0001-01-01", "9999-12-31", "2025-02-30", "\ud800"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6)
RECORDS = st.dictionaries(st.sampled_from(["id", "text", "reference_date", "other"]), FIELD_VALUES, max_size=4)
LINES = st.one_of(
    RECORDS.map(lambda r: json.dumps(r).encode("utf-8", "surrogatepass")),
    FIELD_VALUES.map(lambda v: json.dumps(v).encode("utf-8", "surrogatepass")),
    st.binary(max_size=40).filter(lambda b: b"\n" not in b),
    st.sampled_from([b'{"id": ' + HUGE.encode() + b', "text": "x"}', DEEP.encode(), b"{" * 3000]))


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=6))
def test_every_non_blank_jsonl_line_is_one_document_or_one_error(lines):
    raw = [line + b"\n" for line in lines]
    items = list(_jsonl_items("c.jsonl", raw, None))
    # blank: nothing but (Unicode) white space, as str.strip sees it
    expected = [n for n, line in enumerate(raw, start=1) if line.decode("utf-8", "replace").strip()]
    assert [i.source if isinstance(i, Document) else i.where for i in items] == [f"c.jsonl:{n}" for n in expected]
    for item in items:
        if isinstance(item, Document):
            item.text.encode("utf-8")
            item.id.encode("utf-8")
        else:
            assert "\n" not in item.message
