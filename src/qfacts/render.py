"""Writers that turn :class:`qfacts.Record` objects into ``table``, ``json``, ``jsonl`` or ``csv`` output.

Every writer has the same three-step life: ``start()``, ``write(record)`` once per record, ``finish()``.
``jsonl``, ``csv`` and ``table`` write each record as it comes (a stream); ``json`` writes one pretty-printed
array, also record by record, that is valid JSON once ``finish()`` has run (``[]`` for no records).

* ``jsonl``: one record a line, as ``Record.to_dict()`` orders its keys, UTF-8 kept as is (``ensure_ascii=False``).
* ``csv``: a header row then one row per entity (``rows="entities"``) or per agreement fact (``rows="facts"``);
  see :data:`ENTITY_COLUMNS` and :data:`FACT_COLUMNS`. Parties are joined with ``" | "``.
* ``table``: for people. Per document a header line (id, reference date and where it came from), a Rich table of
  entities grouped by label (ORG, PLACE, DATE, AGREEMENT) and a table of agreement facts.
"""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any, Mapping, Optional, Union

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .models import LABELS, Record

FORMATS = ("table", "json", "jsonl", "csv")
ROWS = ("entities", "facts")

ENTITY_COLUMNS = ("id", "label", "text", "start", "end", "value", "canonical", "interval_start", "interval_end")
FACT_COLUMNS = ("id", "type", "parties", "date", "date_start", "date_end", "status", "trigger", "sentence", "start",
                "end", "cameo")
PARTY_SEPARATOR = " | "
SENTENCE_WIDTH = 100

RecordLike = Union[Record, Mapping[str, Any]]


def as_dict(record: RecordLike) -> dict[str, Any]:
    """The JSON form of a record (a ``Record`` or an already converted dict)."""
    return record.to_dict() if isinstance(record, Record) else dict(record)


class Writer:
    """Base class: subclasses write to ``self.out`` (a text stream).

    With ``stream`` (the default) each record is flushed as soon as it is written, so a reader at the other
    end of a pipe gets it at once; a writer into a file that is renamed into place at the end (``--output``)
    passes ``stream=False`` and lets the stream buffer.
    """

    def __init__(self, out: IO[str], *, stream: bool = True) -> None:
        self.out = out
        self.count = 0
        self.stream = stream

    def _record_done(self) -> None:
        if self.stream:
            self.out.flush()

    def start(self) -> None:
        pass

    def write(self, record: RecordLike) -> None:
        self._write(as_dict(record))
        self.count += 1

    def _write(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        self.out.flush()


# Characters that some line readers (Python's str.splitlines, JavaScript before ES2019) take for line breaks.
# json.dumps keeps them raw inside strings; escaping them keeps one record on one line for every reader.
_LINE_BREAK_ESCAPES = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps builds a new one per call for these options


def dumps(data: Any, indent: Optional[int] = None) -> str:
    """JSON text with non-ASCII kept, except line-breaking characters, which are escaped."""
    text = _ENCODER.encode(data) if indent is None else json.dumps(data, ensure_ascii=False, indent=indent)
    return text.translate(_LINE_BREAK_ESCAPES)


class JsonLinesWriter(Writer):
    def write(self, record: RecordLike) -> None:
        if isinstance(record, Record):  # streamed: the same bytes as dumps(record.to_dict()), in bounded pieces
            self._write_parts(record.parts())
            self.count += 1
        else:
            super().write(record)

    def _write_parts(self, parts: Iterable[tuple[str, Any]]) -> None:
        write = self.out.write
        write("{")
        for i, (key, value) in enumerate(parts):
            write((", " if i else "") + dumps(key) + ": ")
            if isinstance(value, Iterator):
                write("[")
                for j, item in enumerate(value):
                    write((", " if j else "") + dumps(item))
                write("]")
            else:
                write(dumps(value))
        write("}\n")
        self._record_done()

    def _write(self, data: dict[str, Any]) -> None:
        self.out.write(dumps(data) + "\n")
        self._record_done()


class JsonWriter(Writer):
    """One JSON array, written record by record: ``[``, records separated by ``,``, ``]``."""

    def _write(self, data: dict[str, Any]) -> None:
        body = dumps(data, indent=2)
        body = "\n".join("  " + line for line in body.split("\n"))
        self.out.write(("[\n" if self.count == 0 else ",\n") + body)

    def finish(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def entity_rows(data: Mapping[str, Any]) -> list[list[Any]]:
    """CSV rows (``ENTITY_COLUMNS``) for one record's entities."""
    rows = []
    for ent in data.get("entities", ()):
        interval = ent.get("interval") or {}
        rows.append([data["id"], ent["label"], ent["text"], ent["start"], ent["end"], ent.get("value", ""),
                     ent.get("canonical", ""), interval.get("start", ""), interval.get("end", "")])
    return rows


def fact_rows(data: Mapping[str, Any]) -> list[list[Any]]:
    """CSV rows (``FACT_COLUMNS``) for one record's agreement facts."""
    rows = []
    for fact in data.get("agreements", ()):
        interval = fact.get("date_interval") or {}
        rows.append([data["id"], fact["type"], PARTY_SEPARATOR.join(fact["parties"]), fact.get("date") or "",
                     interval.get("start", ""), interval.get("end", ""), fact["status"], (fact.get("trigger") or {}).get("text", ""), fact["sentence"],
                     fact["start"], fact["end"], fact.get("cameo") or ""])
    return rows


class CsvWriter(Writer):
    def __init__(self, out: IO[str], rows: str = "entities", *, stream: bool = True) -> None:
        super().__init__(out, stream=stream)
        if rows not in ROWS:
            raise ValueError(f"rows must be one of {', '.join(ROWS)}, not {rows!r}")
        self.rows = rows
        self.csv = csv.writer(out, lineterminator="\n")

    def start(self) -> None:
        self.csv.writerow(ENTITY_COLUMNS if self.rows == "entities" else FACT_COLUMNS)
        self.out.flush()

    def _write(self, data: dict[str, Any]) -> None:
        self.csv.writerows(entity_rows(data) if self.rows == "entities" else fact_rows(data))
        self._record_done()


def shorten(sentence: str, width: int = SENTENCE_WIDTH, focus: Optional[tuple[int, int]] = None) -> str:
    """``sentence`` on one line, at most ``width`` characters: whole words around ``focus`` (offsets into the
    sentence; default its start), with ``…`` on each side where words were left out. Only a single word wider
    than ``width`` is cut inside, and then it ends in ``…`` too."""
    words = sentence.split()
    flat = " ".join(words)
    if len(flat) <= width:
        return flat
    centre = 0
    if focus is not None:  # the focus in the flattened text: whitespace runs shrank to one space
        before = " ".join(sentence[:focus[0]].split())
        centre = min(len(flat) - 1, len(before) + (focus[1] - focus[0]) // 2)
    last = len(words) - 1
    k = flat.count(" ", 0, centre)  # the word at the centre
    if k > last:
        k = last

    def size(lo: int, hi: int, chars: int) -> int:
        return chars + (lo > 0) + (hi < last)  # the words, their spaces, and an ellipsis per cut side

    lo = hi = k
    chars = len(words[k])
    if size(lo, hi, chars) > width:  # one word wider than the room: cut it, visibly
        room = max(1, width - 1 - (k > 0))
        return ("…" if k > 0 else "") + words[k][:room] + "…"
    grew = True
    while grew:
        grew = False
        if hi < last and size(lo, hi + 1, chars + 1 + len(words[hi + 1])) <= width:
            hi += 1
            chars += 1 + len(words[hi])
            grew = True
        if lo > 0 and size(lo - 1, hi, chars + 1 + len(words[lo - 1])) <= width:
            lo -= 1
            chars += 1 + len(words[lo])
            grew = True
    return ("…" if lo > 0 else "") + " ".join(words[lo:hi + 1]) + ("…" if hi < last else "")


def _offsets(item: Mapping[str, Any]) -> str:
    return f"{item['start']}–{item['end']}"


def _entity_detail(ent: Mapping[str, Any]) -> str:
    parts = []
    if ent.get("value"):
        parts.append(str(ent["value"]))
    if ent.get("canonical") and ent["canonical"] != ent["text"]:
        parts.append(f"= {ent['canonical']}")
    interval = ent.get("interval")
    if interval and interval.get("start") != interval.get("end"):
        parts.append(f"[{interval.get('start')}, {interval.get('end')}]")
    return " ".join(parts)


class PipeConsole(Console):
    """A Rich console that lets a closed pipe surface as BrokenPipeError, as the other writers do, so that
    ``qfacts extract -f table | head -3`` ends quietly with exit code 0 (Rich's own handler exits with 1)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError()


WIDE_FACTS = 120
"""From this width on, facts are a table (agreement, parties, date, status, sentence); below it, each fact is a
block of its own: type, status and date on one line, then the parties, then the sentence, wrapped."""
ENTITY_OFFSETS = 80
"""From this width on, the entity table has its offsets column."""
ENTITY_DETAIL = 64
"""From this width on, an entity's value or canonical name has a column of its own; below it, it goes under
the entity's text."""
SENTENCE_LINES = 3
"""A fact's sentence is shortened, at word boundaries and around its trigger, to about this many lines."""


class TableWriter(Writer):
    """Rich tables for people on a terminal; plain (no colour) when ``color`` is false.

    The layout follows the console's width (60, 80, 100, 160 columns ...): columns that do not fit are dropped
    (offsets) or stacked (an entity's value under its text; a fact as a block instead of a table row); text
    wraps at word boundaries, and a sentence too long for its lines is shortened around its trigger with
    ``…`` where it was cut, never mid-word. Nothing is cut silently; JSON and CSV keep everything.
    """

    def __init__(self, out: IO[str], color: bool = True, width: Optional[int] = None) -> None:
        super().__init__(out)
        if width is None and not _is_terminal(out) and not os.environ.get("COLUMNS"):
            width = 120  # a file or a pipe: wide enough for the sentence column
        self.console = PipeConsole(file=out, no_color=not color, color_system="auto" if color else None,
                                   force_terminal=True if color else None,
                                   highlight=False, emoji=False, width=width, soft_wrap=False)

    def _write(self, data: dict[str, Any]) -> None:
        console = self.console
        width = console.width
        if self.count:
            console.print()
        header = Text()
        header.append(str(data["id"]), style="bold")
        if data.get("reference_date"):
            header.append(f"  reference date {data['reference_date']}", style="cyan")
            if data.get("reference_date_source"):
                header.append(f" ({data['reference_date_source']})", style="dim")
        else:
            header.append("  no reference date", style="dim")
        header.append(f"  {data.get('text_length', 0)} characters", style="dim")
        console.print(header)

        entities = sorted(data.get("entities", ()),
                          key=lambda e: (LABELS.index(e["label"]) if e["label"] in LABELS else len(LABELS),
                                         e["start"], e["end"]))
        if entities:
            console.print(self._entity_table(entities, width))
        else:
            console.print(Text("no entities found", style="dim"))

        facts = data.get("agreements", ())
        if facts and width >= WIDE_FACTS:
            console.print(self._fact_table(facts, width))
        elif facts:
            for fact in facts:
                console.print()
                self._print_fact_block(fact, width)
        self.out.flush()

    @staticmethod
    def _entity_table(entities: list[Mapping[str, Any]], width: int) -> Table:
        table = Table(title=None, show_edge=False, pad_edge=False, expand=False)
        table.add_column("label", style="magenta", no_wrap=True)
        detail_column = width >= ENTITY_DETAIL
        table.add_column("text" if detail_column else "text / value, canonical", style="bold", overflow="fold")
        if detail_column:
            table.add_column("value / canonical", overflow="fold")
        if width >= ENTITY_OFFSETS:
            table.add_column("offsets", justify="right", style="dim", no_wrap=True)
        previous = None
        for ent in entities:
            label = ent["label"] if ent["label"] != previous else ""
            previous = ent["label"]
            detail = _entity_detail(ent)
            if detail_column:
                cells = [Text(label), Text(ent["text"]), Text(detail)]
            else:
                text = Text(ent["text"])
                if detail:
                    text.append("\n  " + detail, style="not bold dim")
                cells = [Text(label), text]
            if width >= ENTITY_OFFSETS:
                cells.append(Text(_offsets(ent)))
            table.add_row(*cells)
        return table

    @staticmethod
    def _fact_table(facts: Iterable[Mapping[str, Any]], width: int) -> Table:
        table = Table(show_edge=False, pad_edge=False, expand=False)
        table.add_column("agreement", style="green", no_wrap=True)
        table.add_column("parties", style="bold", max_width=30)
        table.add_column("date", no_wrap=True)
        table.add_column("status", no_wrap=True)
        table.add_column("sentence", min_width=30, ratio=1)
        sentence_width = max(30, width - 27 - 30 - 10 - 11 - 12)  # what the other columns leave, at most
        for fact in facts:
            table.add_row(Text(fact["type"]), Text("\n".join(fact["parties"])), Text(fact.get("date") or "—"),
                          Text(fact["status"]), Text(_fact_sentence(fact, SENTENCE_LINES * sentence_width)))
        return table

    def _print_fact_block(self, fact: Mapping[str, Any], width: int) -> None:
        head = Text()
        head.append(fact["type"], style="bold green")
        head.append(f"  {fact['status']}")
        head.append(f"  {fact.get('date') or 'no date'}", style="cyan" if fact.get("date") else "dim")
        self.console.print(head)
        inner = max(20, width - 2)
        self._print_indented(Text(" + ".join(fact["parties"]) or "(no parties)", style="bold"), inner)
        self._print_indented(Text(_fact_sentence(fact, SENTENCE_LINES * inner), style="dim"), inner)

    def _print_indented(self, text: Text, width: int) -> None:
        """``text`` wrapped at word boundaries to ``width`` columns, each line indented by two spaces."""
        for line in text.wrap(self.console, width, overflow="fold"):
            line.rstrip()
            self.console.print(Text("  ").append_text(line))


def _fact_sentence(fact: Mapping[str, Any], width: int) -> str:
    """The fact's sentence shortened to ``width`` characters around its trigger."""
    trigger = fact.get("trigger") or {}
    focus = None
    if "start" in trigger:
        focus = (trigger["start"] - fact["start"], trigger["end"] - fact["start"])
    return shorten(fact["sentence"], width=width, focus=focus)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def make_writer(fmt: str, out: IO[str], *, rows: str = "entities", color: bool = False,
                width: Optional[int] = None, stream: bool = True) -> Writer:
    """The writer for ``fmt`` (one of :data:`FORMATS`) on the text stream ``out``; with ``stream`` (JSON Lines
    and CSV) each record is flushed as soon as it is written."""
    if fmt == "jsonl":
        return JsonLinesWriter(out, stream=stream)
    if fmt == "json":
        return JsonWriter(out, stream=stream)
    if fmt == "csv":
        return CsvWriter(out, rows=rows, stream=stream)
    if fmt == "table":
        return TableWriter(out, color=color, width=width)
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
