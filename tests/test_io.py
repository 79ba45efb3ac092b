"""Reading inputs: files, folders, globs, stdin and JSONL corpora, with errors as values."""
from __future__ import annotations

import datetime as dt
import io
import os

import pytest

from qfacts import Document
from qfacts.io import InputError, decode_text, read_inputs, walk_folder


def read(*paths, **kwargs):
    return list(read_inputs([str(p) for p in paths], **kwargs))


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


def test_text_file_is_one_document_with_the_path_as_given_as_id(in_fixtures):
    (item,) = read("partnership.txt")
    assert isinstance(item, Document)
    assert item.id == "partnership.txt"
    assert item.source == "partnership.txt"
    assert item.text == (in_fixtures / "partnership.txt").read_text(encoding="utf-8")
    assert item.reference_date is None and item.reference_date_source is None


def test_read_inputs_is_lazy_and_keeps_input_order(in_fixtures):
    gen = read_inputs(["missing.txt", "partnership.txt", "corpus.jsonl"])
    assert not isinstance(gen, list)
    first = next(gen)
    assert isinstance(first, InputError) and first.input == "missing.txt"
    assert next(gen).id == "partnership.txt"
    assert [d.id for d in gen] == ["corpus-1", "corpus-2", "corpus.jsonl:3"]


def test_crlf_line_ends_are_kept_exactly(in_fixtures):
    (doc,) = read("crlf.txt")
    assert doc.text.count("\r\n") == 2
    assert doc.text.encode("utf-8") == (in_fixtures / "crlf.txt").read_bytes()


def test_leading_bom_is_dropped_and_nothing_else_changes(in_fixtures):
    (doc,) = read("bom.txt")
    raw = (in_fixtures / "bom.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert doc.text == raw[3:].decode("utf-8")
    assert doc.text == open(in_fixtures / "bom.txt", encoding="utf-8-sig", newline="").read()


def test_empty_file_is_an_empty_document_not_an_error(in_fixtures):
    (doc,) = read("empty.txt")
    assert isinstance(doc, Document) and doc.text == ""


def test_missing_path_is_an_error_value(in_fixtures):
    (err,) = read("notes/missing.txt")
    assert err == InputError("notes/missing.txt", "no such file or directory")
    assert str(err) == "notes/missing.txt: no such file or directory"


def test_binary_file_is_an_error_value(in_fixtures):
    (err,) = read("binary.txt")
    assert isinstance(err, InputError) and err.input == "binary.txt"
    assert "binary" in err.message


def test_non_utf8_file_error_gives_the_byte_offset(in_fixtures):
    (err,) = read("latin1.txt")
    assert isinstance(err, InputError)
    assert "UTF-8" in err.message and "byte offset 3" in err.message


def test_decode_text_error_offset_counts_the_bom():
    with pytest.raises(UnicodeDecodeError) as info:
        decode_text(b"\xef\xbb\xbfab\xff")
    assert info.value.start == 5


def test_folder_reads_text_files_recursively_sorted_skipping_hidden_and_other_suffixes(in_fixtures):
    items = read("folder")
    assert [d.id for d in items] == [os.path.join("folder", p) for p in
                                     ("a.txt", "b.md", os.path.join("nested", "NOTES"),
                                      os.path.join("nested", "c.text"))]
    assert all(isinstance(d, Document) for d in items)


def test_folder_walk_is_deterministic(in_fixtures):
    assert walk_folder("folder") == walk_folder("folder")


def test_folder_reads_jsonl_corpora_inside_it(tmp_path):
    (tmp_path / "b.txt").write_text("second", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": "r1", "text": "first"}\n', encoding="utf-8")
    assert [d.id for d in read(tmp_path)] == ["r1", str(tmp_path / "b.txt")]


def test_folder_skips_the_records_and_snapshots_qfacts_wrote_there(tmp_path):
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text('{"id": "r1", "text": "A record."}\n', encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(
        '{"schema_version": "1.2", "id": "a.txt", "source": "a.txt", "entities": []}\n', encoding="utf-8")
    (tmp_path / "facts.jsonl").write_text(
        '{"id": "a.txt", "facts": [{"type": "partnership", "parties": ["Acme"], "date": null}]}\n'
        '{"id": "b.txt", "facts": []}\n', encoding="utf-8")
    items = read(tmp_path)
    assert not errors(items)
    assert [d.id for d in docs(items)] == [str(tmp_path / "a.txt"), "r1"]


def test_own_output_kind_tells_records_and_snapshots_from_corpora(tmp_path):
    from qfacts.io import own_output_kind

    cases = {"records.jsonl": '\n{"schema_version": "1.0", "id": "x"}\n', "snapshot.jsonl": '{"id": "x", "facts": []}\n',
             "corpus.jsonl": '{"id": "x", "text": "t", "facts": []}\n', "empty.jsonl": "",
             "broken.jsonl": '{"id": "x", "facts": [\n'}
    for name, content in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    kinds = {name: own_output_kind(str(tmp_path / name)) for name in cases}
    assert kinds == {"records.jsonl": "records", "snapshot.jsonl": "snapshot", "corpus.jsonl": None,
                     "empty.jsonl": None, "broken.jsonl": None}


def test_a_records_file_named_on_its_own_is_still_read(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text('{"schema_version": "1.2", "id": "a"}\n', encoding="utf-8")
    (err,) = read(records)  # named explicitly: read as a corpus, whose record has no text
    assert isinstance(err, InputError) and "text" in err.message


def test_folder_without_text_files_is_an_error_value(in_fixtures):
    (err,) = read("empty_folder")
    assert isinstance(err, InputError) and err.input == "empty_folder"
    assert "no text files" in err.message


def test_glob_is_expanded_sorted(in_fixtures):
    items = read("folder/*.*")
    assert [d.id for d in items] == ["folder/a.txt", "folder/b.md", "folder/skipped.png"]


def test_recursive_glob(in_fixtures):
    assert [d.id for d in read("folder/**/*.text")] == ["folder/nested/c.text"]


def test_glob_matching_nothing_is_an_error_value(in_fixtures):
    (err,) = read("folder/*.docx")
    assert isinstance(err, InputError) and "no files match" in err.message


def test_existing_file_with_glob_characters_in_its_name_is_read_literally(tmp_path):
    path = tmp_path / "what[1].txt"
    path.write_text("literal", encoding="utf-8")
    (doc,) = read(path)
    assert doc.text == "literal"


def test_stdin_is_one_document_with_id_dash():
    (doc,) = read("-", stdin=io.BytesIO("Acme signed.\r\nDone.".encode()))
    assert doc.id == "-" and doc.source == "-" and doc.text == "Acme signed.\r\nDone."


def test_stdin_that_is_not_utf8_is_an_error_value():
    (err,) = read("-", stdin=io.BytesIO(b"abc\xe9"))
    assert err.input == "-" and "byte offset 3" in err.message


def test_jsonl_corpus_records_with_ids_reference_dates_and_default_id(in_fixtures):
    items = read("corpus.jsonl")
    assert [d.id for d in items] == ["corpus-1", "corpus-2", "corpus.jsonl:3"]
    first, second, third = items
    assert first.reference_date == dt.date(2024, 5, 20) and first.reference_date_source == "record"
    assert first.source == "corpus.jsonl:1"
    assert second.reference_date is None and second.reference_date_source is None
    assert third.reference_date == dt.date(2023, 11, 2)


def test_malformed_jsonl_line_is_an_error_with_its_line_number_and_other_lines_are_read(in_fixtures):
    items = read("bad.jsonl")
    assert [d.id for d in docs(items)] == ["good-1", "good-2"]
    (err,) = errors(items)
    assert err.input == "bad.jsonl" and err.line == 2
    assert str(err).startswith("bad.jsonl:2: invalid JSON")


def test_bad_jsonl_records_are_errors_with_line_numbers(in_fixtures):
    items = read("bad_records.jsonl")
    errs = errors(items)
    assert [(e.line, e.message.split()[0]) for e in errs] == [(1, "record"), (2, "bad"), (3, "expected")]
    assert "text" in errs[0].message and "reference_date" in errs[1].message
    assert [d.id for d in docs(items)] == ["ok"]


def test_jsonl_non_utf8_line_is_an_error_for_that_line_only(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": "a", "text": "x"}\n{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "z"}\n')
    items = read(path)
    assert [d.id for d in docs(items)] == ["a", "c"]
    (err,) = errors(items)
    assert err.line == 2 and "byte offset 49" in err.message  # 25 bytes of line 1 + 24: counted in the file


def test_jsonl_text_keeps_crlf_and_unicode_exactly(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "Caf\\u00e9 \\u2014 deal\\r\\nsigned"}\n', encoding="utf-8")
    (doc,) = read(path)
    assert doc.text == "Café — deal\r\nsigned"


def test_reference_date_option_overrides_records_and_sets_source_option(in_fixtures):
    items = read("corpus.jsonl", "partnership.txt", "bad_records.jsonl", reference_date="2020-01-31")
    documents = docs(items)
    assert all(d.reference_date == dt.date(2020, 1, 31) and d.reference_date_source == "option"
               for d in documents)
    # the record with a bad reference_date is read: the option replaces its date
    assert "bad-date" in [d.id for d in documents]


def test_bad_reference_date_option_raises_value_error():
    with pytest.raises(ValueError):
        read("-", reference_date="31/01/2020", stdin=io.BytesIO(b""))
