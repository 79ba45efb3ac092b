"""Writers: jsonl, json, csv and table, on hand-made records (independent of extraction quality)."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Optional

import jsonschema
import pytest

from qfacts import Agreement, Entity, Record
from qfacts.render import ENTITY_COLUMNS, FACT_COLUMNS, FORMATS, make_writer, shorten

TEXT = "SEOUL, May 19 — Acme Corp signed an MOU with Daejeon on Friday to run a pilot in Séoul."


def make_record(id: str = "doc-1") -> Record:
    def ent(label, text, **kw):
        start = TEXT.index(text)
        return Entity(label=label, start=start, end=start + len(text), text=text, **kw)

    sentence_start = TEXT.index("Acme")
    return Record(
        id=id, source="news/doc-1.txt", reference_date="2025-05-19", reference_date_source="dateline",
        text_length=len(TEXT),
        entities=[
            ent("PLACE", "Daejeon", canonical="Daejeon"),
            ent("ORG", "Acme Corp"),
            ent("DATE", "Friday", value="2025-05-16", interval={"start": "2025-05-16", "end": "2025-05-16"}),
            ent("AGREEMENT", "MOU", value="memorandum_of_understanding"),
            ent("PLACE", "Séoul", canonical="Seoul"),
        ],
        agreements=[Agreement(
            type="memorandum_of_understanding", parties=["Acme Corp", "Daejeon"], date="2025-05-16",
            date_text="Friday", status="signed",
            trigger={"text": "MOU", "start": TEXT.index("MOU"), "end": TEXT.index("MOU") + 3},
            sentence=TEXT[sentence_start:], start=sentence_start, end=len(TEXT))],
    )


def render(fmt, records, **kwargs):
    out = io.StringIO()
    writer = make_writer(fmt, out, **kwargs)
    writer.start()
    for record in records:
        writer.write(record)
    writer.finish()
    return out.getvalue()


def test_jsonl_writes_one_record_per_line_unescaped_in_record_key_order():
    out = render("jsonl", [make_record("a"), make_record("b")])
    lines = out.splitlines()
    assert len(lines) == 2 and out.endswith("\n")
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]
    assert "Séoul" in lines[0]  # ensure_ascii=False
    assert list(json.loads(lines[0])) == list(make_record().to_dict())


def test_jsonl_streams_a_record_as_the_same_bytes_as_its_dict():
    record = make_record()
    streamed = render("jsonl", [record])
    assert streamed == render("jsonl", [record.to_dict()])
    assert json.loads(streamed) == record.to_dict()


def test_jsonl_output_is_deterministic():
    assert render("jsonl", [make_record()]) == render("jsonl", [make_record()])


def test_json_writes_one_valid_pretty_array():
    out = render("json", [make_record("a"), make_record("b")])
    data = json.loads(out)
    assert [r["id"] for r in data] == ["a", "b"]
    assert data[0] == make_record("a").to_dict()
    assert out.startswith("[\n  {") and out.endswith("\n]\n")


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
@pytest.mark.parametrize("breaker", ["\u2028", "\u2029", "\u0085"])
def test_json_outputs_escape_unicode_line_breaks_so_every_line_reader_keeps_records_whole(fmt, breaker):
    record = make_record("a" + breaker + "b")
    out = render(fmt, [record, make_record("c")])
    assert breaker not in out
    if fmt == "jsonl":
        assert [json.loads(line)["id"] for line in out.splitlines()] == ["a" + breaker + "b", "c"]
    else:
        assert [r["id"] for r in json.loads(out)] == ["a" + breaker + "b", "c"]


def test_json_with_no_records_is_an_empty_array():
    assert json.loads(render("json", [])) == []


def test_json_writer_streams_records_as_they_come():
    out = io.StringIO()
    writer = make_writer("json", out)
    writer.start()
    writer.write(make_record())
    assert '"doc-1"' in out.getvalue()  # written before finish()
    writer.finish()
    assert len(json.loads(out.getvalue())) == 1


def test_csv_entity_rows_have_header_and_one_row_per_entity():
    out = render("csv", [make_record()])
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == ENTITY_COLUMNS
    assert len(rows) == 1 + 5
    date = next(r for r in rows[1:] if r[1] == "DATE")
    assert date == ["doc-1", "DATE", "Friday", str(TEXT.index("Friday")), str(TEXT.index("Friday") + 6),
                    "2025-05-16", "", "2025-05-16", "2025-05-16"]
    place = next(r for r in rows[1:] if r[2] == "Séoul")
    assert place[6] == "Seoul"


def test_csv_fact_rows_join_parties_with_a_bar():
    out = render("csv", [make_record()], rows="facts")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(FACT_COLUMNS)
    (row,) = rows
    assert row["parties"] == "Acme Corp | Daejeon"
    assert row["type"] == "memorandum_of_understanding" and row["trigger"] == "MOU"
    assert row["status"] == "signed" and row["date"] == "2025-05-16"
    assert TEXT[int(row["start"]):int(row["end"])] == row["sentence"]


def test_csv_with_no_records_is_just_the_header():
    assert render("csv", []) == ",".join(ENTITY_COLUMNS) + "\n"


def test_csv_quotes_commas_quotes_and_newlines():
    record = make_record()
    record.entities[0].text = 'Daejeon, "the city"\r\nhall'
    rows = list(csv.reader(io.StringIO(render("csv", [record]), newline="")))
    assert rows[1][2] == 'Daejeon, "the city"\r\nhall'


def test_csv_rejects_unknown_rows():
    with pytest.raises(ValueError):
        make_writer("csv", io.StringIO(), rows="sentences")


def test_table_shows_header_entities_grouped_by_label_and_facts():
    out = render("table", [make_record()])
    assert "doc-1" in out and "2025-05-19" in out and "dateline" in out
    for text in ("Acme Corp", "Daejeon", "Friday", "MOU", "Séoul", "memorandum_of_understanding", "signed"):
        assert text in out
    assert out.index("ORG") < out.index("PLACE") < out.index("DATE") < out.index("AGREEMENT")
    assert "\x1b[" not in out  # no colour when not asked


def test_table_with_colour_uses_ansi_codes():
    assert "\x1b[" in render("table", [make_record()], color=True)


def test_table_does_not_interpret_rich_markup_in_text():
    record = make_record()
    record.entities[1].text = "[bold]Acme[/bold]"
    assert "[bold]Acme[/bold]" in render("table", [record])


def test_table_says_when_a_document_has_no_entities():
    record = Record(id="empty", source="-", reference_date=None, reference_date_source=None)
    out = render("table", [record])
    assert "empty" in out and "no entities" in out


def test_unknown_format_is_rejected():
    with pytest.raises(ValueError):
        make_writer("xml", io.StringIO())
    assert FORMATS == ("table", "json", "jsonl", "csv")


def test_shorten_keeps_short_sentences_and_cuts_long_ones_around_the_focus():
    assert shorten("A short\nsentence.") == "A short sentence."
    long = "word " * 50 + "TRIGGER " + "word " * 50
    cut = shorten(long, width=60, focus=(long.index("TRIGGER"), long.index("TRIGGER") + 7))
    assert len(cut) <= 60 and "TRIGGER" in cut and cut.startswith("…") and cut.endswith("…")


@pytest.mark.parametrize("width", [12, 20, 33, 47, 60, 100])
def test_shorten_cuts_only_between_words(width):
    sentence = ("Harbourview Logistics and the Port Authority of Kelvano signed a memorandum of understanding "
                "on Tuesday to build an automated container terminal, the authority said in a statement.")
    words = set(sentence.split())
    for at in range(0, len(sentence), 7):
        cut = shorten(sentence, width=width, focus=(at, at + 1))
        assert len(cut) <= width
        for token in cut.split():
            word = token.strip("…")
            if word not in words:  # only a word wider than the room is cut, and visibly
                assert token.endswith("…") and any(w.startswith(word) and len(w) > width - 2 for w in words), cut


def test_shorten_cuts_inside_a_word_only_when_one_word_is_wider_than_the_room():
    cut = shorten("x" * 80, width=20)
    assert len(cut) <= 20 and cut.endswith("…")


# --- the table at terminal widths ---------------------------------------------------------------------------

LONG_TEXT = ("OSLOVIK, March 3 -- Harbourview Logistics International Holdings and the Port Authority of Kelvano "
             "signed a memorandum of understanding on Tuesday to build an automated container terminal on the "
             "northern breakwater, the authority said in a statement that also named the Kelvano Regional "
             "Development Fund as a future investor in the project, whose first phase is due in 2027.")


def long_record() -> Record:
    def ent(label, text, **kw):
        start = LONG_TEXT.index(text)
        return Entity(label=label, start=start, end=start + len(text), text=text, **kw)

    trigger = LONG_TEXT.index("memorandum of understanding")
    parties = ["Harbourview Logistics International Holdings", "Port Authority of Kelvano"]
    return Record(
        id="harbour/2027-terminal-announcement.txt", source="-", reference_date="2026-03-03",
        reference_date_source="dateline", text_length=len(LONG_TEXT),
        entities=[ent("ORG", parties[0], canonical=parties[0]), ent("ORG", parties[1], canonical=parties[1]),
                  ent("ORG", "Kelvano Regional Development Fund"), ent("PLACE", "OSLOVIK", canonical="Oslovik"),
                  ent("DATE", "Tuesday", value="2026-03-03", interval={"start": "2026-03-03", "end": "2026-03-03"}),
                  ent("DATE", "2027", value="2027", interval={"start": "2027-01-01", "end": "2027-12-31"}),
                  ent("AGREEMENT", "memorandum of understanding", value="memorandum_of_understanding")],
        agreements=[Agreement(type="memorandum_of_understanding", parties=parties, date="2026-03-03",
                              date_text="Tuesday", status="signed",
                              trigger={"text": "memorandum of understanding", "start": trigger, "end": trigger + 27},
                              sentence=LONG_TEXT[20:], start=20, end=len(LONG_TEXT)),
                    Agreement(type="investment", parties=["Kelvano Regional Development Fund"], date=None,
                              status="planned", trigger={"text": "investor", "start": LONG_TEXT.index("investor"),
                                                         "end": LONG_TEXT.index("investor") + 8},
                              sentence=LONG_TEXT[20:], start=20, end=len(LONG_TEXT))])


def table_at(width: int, record: Optional[Record] = None) -> str:
    out = io.StringIO()
    writer = make_writer("table", out, width=width)
    writer.write(record or long_record())
    return out.getvalue()


WIDTHS = (60, 80, 100, 160)


@pytest.mark.parametrize("width", WIDTHS)
def test_table_lines_fit_the_terminal_width(width):
    assert max(len(line) for line in table_at(width).splitlines()) <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_table_shows_every_fact_type_status_date_and_party_word_whole(width):
    out = table_at(width)
    words = set(re.findall(r"[\w'-]+", out))
    record = long_record()
    for fact in record.agreements:
        assert fact.type in words and fact.status in words
        assert fact.date is None or fact.date in words
        for party in fact.parties:
            assert set(party.split()) <= words, (width, party)


@pytest.mark.parametrize("width", WIDTHS)
def test_table_never_cuts_a_word_silently(width):
    # every word shown is a whole word of the record (or of the table's own labels); a cut shows "…"
    record = long_record()
    known = set(re.findall(r"[\w'-]+", " ".join(
        [LONG_TEXT, record.id, "reference date dateline characters label text value canonical offsets agreement "
         "parties date status sentence no ORG PLACE DATE AGREEMENT",
         *[f"{a.type} {a.status}" for a in record.agreements], *[e.value or "" for e in record.entities],
         *[e.canonical or "" for e in record.entities], *[str(n) for n in range(0, 400)],
         *[f"{e.start}–{e.end}" for e in record.entities], "2026-03-03 2027-01-01 2027-12-31"])))
    for token in re.findall(r"[\w'-]+", table_at(width)):
        assert token in known, (width, token)


def test_table_drops_offsets_below_80_columns_and_keeps_them_from_80():
    assert "offsets" not in table_at(60) and "offsets" in table_at(80)


def test_table_stacks_facts_below_120_columns_and_lays_them_out_as_a_table_from_120():
    narrow, wide = table_at(100), table_at(160)
    assert "sentence" not in narrow and "Harbourview Logistics International Holdings + Port Authority" in narrow
    assert "sentence" in wide and "parties" in wide


def test_table_shortens_a_long_sentence_around_its_trigger_with_an_ellipsis():
    out = table_at(60)
    assert "memorandum of understanding" in " ".join(out.split())
    assert "…" in out


def test_hand_made_record_validates_against_the_schema(record_schema):
    jsonschema.Draft202012Validator.check_schema(record_schema)
    jsonschema.validate(make_record().to_dict(), record_schema)


def test_schema_rejects_unknown_agreement_type_and_label(record_schema):
    data = make_record().to_dict()
    data["agreements"][0]["type"] = "handshake"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, record_schema)
    data = make_record().to_dict()
    data["entities"][0]["label"] = "PERSON"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, record_schema)
