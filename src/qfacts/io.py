"""Reading inputs into :class:`qfacts.Document` objects, lazily and in order.

An input ``PATH`` is one of:

* ``-``: standard input: a stream of JSON Lines records when its first non-blank line is a JSON object (read
  line by line, so each record can be processed before the next one arrives; ids default to ``-:LINE``),
  otherwise one plain-text document with id ``-`` (``stdin_format`` forces either reading);
* a file: a plain-text document whose id is the path as given, or, when it ends in ``.jsonl`` / ``.ndjson``,
  a corpus of JSON Lines records ``{"id", "text", "reference_date"}`` (other keys are ignored; a record's id
  defaults to ``PATH:LINE``; its ``reference_date`` is optional and has source ``"record"``);
* a folder: its text files (``*.txt``, ``*.md``, ``*.text``, files without a suffix) and JSONL corpora, found
  recursively, in sorted order of their path parts; hidden files and folders (names starting with ``.``) are
  skipped, symbolic links to folders are not followed, and JSON Lines files that qfacts itself wrote (records
  of ``qfacts extract``, ``qfacts check`` snapshots) are skipped: they are output, not articles; the ids are the folder as given joined with the
  relative path (``articles/2024/a.txt``);
* a glob pattern (``'articles/*.txt'``, ``'**/*.md'``), when no file of that exact name exists: expanded by us,
  sorted; each match is read as above (a matched folder is walked).

Text and encoding
-----------------
Files are read as bytes and decoded as UTF-8; nothing is normalised, so ``\\r\\n`` stays ``\\r\\n`` and every
entity offset indexes the exact text. The one exception is a leading UTF-8 byte order mark: it is an encoding
signature, not content, and is dropped (as Python's ``utf-8-sig`` codec does). Offsets therefore count code
points from *after* the BOM, i.e. they index the text as ``open(path, encoding="utf-8-sig", newline="").read()``
returns it.

Errors are values
-----------------
A problem with one input never stops the others: :func:`read_inputs` yields an :class:`InputError` in place of
the documents that input would have given, for a missing path, a folder without text files, a glob matching
nothing, an unreadable file, a binary file (a NUL byte in its first 8 KB), a file that is not UTF-8 (with the
byte offset of the first bad byte), a malformed JSONL line, or a JSONL record that is not an object, has no
string ``text``, has a ``reference_date`` that is not ``YYYY-MM-DD``, or whose text or id holds a lone surrogate
(a ``\\ud800`` escape: valid JSON, but no UTF-8 output can hold it). An empty file is an empty document.
A JSONL line that Python's parser cannot hold (a number of more than 4,300 digits, nesting deeper than the
recursion limit) is a malformed line like any other (:func:`qfacts.jsonl.parse_json_line`).

FIFOs and devices
-----------------
A FIFO named as an input (``mkfifo``, or ``/dev/fd/N`` from a shell's ``<(...)``) is read as a pipe once it has
a writer; one with no writer within :func:`fifo_wait` seconds (``$QFACTS_FIFO_WAIT``, default 10) is an
:class:`InputError`, and the inputs after it are still read (:func:`open_input`). Folder walks and glob matches
read regular files only. A device named as an input whose first 8 KB hold a NUL byte is binary, and is not
read further.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import glob as _glob
import itertools
import os
import stat
import sys
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from .api import Document, parse_reference_date
from .jsonl import JSONLineError, parse_json_line
from .pipes import FIFO_WAIT, FIFO_WAIT_ENV, NoWriter, fifo_wait, open_input  # noqa: F401 (re-exported)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
STDIN = "-"
STDIN_FORMATS = ("auto", "text", "jsonl")
BINARY_SNIFF_BYTES = 8192
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class InputError:
    """One input that could not be read, or one bad record of a JSONL corpus (``line`` is 1-based)."""

    input: str
    message: str
    line: Optional[int] = None

    @property
    def where(self) -> str:
        """``input`` or ``input:line``: the name used in messages."""
        return f"{self.input}:{self.line}" if self.line is not None else self.input

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Union[Document, InputError]


def is_glob(path: str) -> bool:
    """True if ``path`` contains glob wildcards (``*``, ``?``, ``[``)."""
    return any(ch in _GLOB_CHARS for ch in path)


def is_jsonl(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in JSONL_SUFFIXES


def is_text_file_name(name: str) -> bool:
    """Whether a file met while walking a folder is read: text suffixes, no suffix, or JSONL."""
    suffix = os.path.splitext(name)[1].lower()
    return suffix in TEXT_SUFFIXES or suffix in JSONL_SUFFIXES


def decode_text(data: bytes) -> str:
    """Decode UTF-8 bytes exactly, dropping a leading BOM.

    Raises :class:`UnicodeDecodeError` whose ``start`` is the byte offset in ``data`` (BOM included).
    """
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnicodeDecodeError(exc.encoding, data, exc.start + skip, exc.end + skip, exc.reason) from None


def looks_binary(data: bytes) -> bool:
    """A NUL byte in the first 8 KB (the heuristic of git, grep and ripgrep)."""
    return b"\x00" in data[:BINARY_SNIFF_BYTES]


_OWN_OUTPUT_SNIFF = 1 << 20  # bytes of a JSONL file's first line read to tell qfacts' own output


def own_output_kind(path: str) -> Optional[str]:
    """``"records"`` or ``"snapshot"`` when the JSON Lines file ``path`` is one qfacts wrote (the records of
    ``qfacts extract``, whose lines start with ``{"schema_version": ``, or a ``qfacts check`` snapshot, whose
    lines are ``{"id", "facts"}`` objects), judged by its first non-blank line; None otherwise."""
    try:
        with open(path, "rb") as fh:
            line = b""
            while not line.strip():
                line = fh.readline(_OWN_OUTPUT_SNIFF)
                if not line:
                    return None
    except OSError:
        return None  # reading it will report the problem
    head = line.lstrip(codecs.BOM_UTF8 + b" \t")
    if head.startswith(b'{"schema_version": '):
        return "records"
    if head.startswith(b'{"id": ') and b'"facts": [' in head:
        try:
            obj = parse_json_line(head.decode("utf-8"))
        except (UnicodeDecodeError, JSONLineError):
            return None
        if isinstance(obj, dict) and set(obj) == {"id", "facts"}:
            return "snapshot"
    return None


def walk_folder(folder: str) -> list[str]:
    """The readable files under ``folder``, recursively, sorted by path parts, hidden entries skipped, and
    the JSON Lines files qfacts itself wrote (:func:`own_output_kind`) left out."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or not is_text_file_name(name):
                continue
            full = os.path.join(root, name)
            if not os.path.isfile(full):
                continue
            if is_jsonl(name) and own_output_kind(full) is not None:
                continue  # qfacts' own output (records, a check snapshot) beside the articles: no corpus
            rel = os.path.relpath(full, folder)
            found.append((tuple(rel.split(os.sep)), full))
    found.sort()
    return [full for _, full in found]


def read_inputs(paths: Iterable[str], *, reference_date: Union[str, _dt.date, None] = None,
                stdin: Optional[BinaryIO] = None, stdin_format: str = "auto") -> Iterator[Item]:
    """Yield a :class:`Document` or an :class:`InputError` for each input, in order, lazily.

    ``reference_date`` (a date or ``YYYY-MM-DD``) overrides every record's and dateline's date; the documents
    then carry ``reference_date_source="option"``. ``stdin`` is the binary stream read for ``-`` (default:
    ``sys.stdin.buffer``); ``stdin_format`` is ``"auto"`` (JSON Lines when the first non-blank line is a JSON
    object, else one text), ``"text"`` or ``"jsonl"``.
    """
    if stdin_format not in STDIN_FORMATS:
        raise ValueError(f"stdin_format must be one of {', '.join(STDIN_FORMATS)}, not {stdin_format!r}")
    override = parse_reference_date(reference_date)
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(stdin, override, stdin_format)
        elif os.path.isdir(path):
            files = walk_folder(path)
            if not files:
                yield InputError(path, "no text files in this folder")
            for file in files:
                yield from _read_file(file, override)
        elif os.path.lexists(path) or not is_glob(path):
            yield from _read_file(path, override)
        else:
            matches = sorted(_glob.glob(path, recursive=True))
            if not matches:
                yield InputError(path, "no files match this pattern")
            for match in matches:
                if os.path.isdir(match):
                    yield from _read_folder_quietly(match, override)
                elif os.path.isfile(match):  # a FIFO or a device the pattern met is skipped, as in a folder
                    yield from _read_file(match, override)


def _read_folder_quietly(folder: str, override: Optional[_dt.date]) -> Iterator[Item]:
    """A folder matched by a glob: its files, and no error when it has none (the glob chose it, not the user)."""
    for file in walk_folder(folder):
        yield from _read_file(file, override)


def _document(id: str, text: str, source: str, override: Optional[_dt.date]) -> Document:
    if override is not None:
        return Document(id=id, text=text, reference_date=override, source=source, reference_date_source="option")
    return Document(id=id, text=text, source=source)


def _read_stdin(stream: Optional[BinaryIO], override: Optional[_dt.date], fmt: str) -> Iterator[Item]:
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        head = [] if fmt == "text" else _leading_lines(stream)
        if fmt == "jsonl" or (fmt == "auto" and head and _is_json_object(head[-1])):
            yield from _jsonl_items(STDIN, itertools.chain(head, stream), override)
            return
        data = b"".join(head) + stream.read()
    except OSError as exc:
        yield InputError(STDIN, f"cannot read: {exc.strerror or exc}")
        return
    item = _decode_document(STDIN, data, override)
    del data  # the bytes are not kept while the document is processed
    yield item


def _leading_lines(stream: BinaryIO) -> list[bytes]:
    """The lines of ``stream`` up to and including its first non-blank one (all of them if none is)."""
    lines = []
    while True:
        line = stream.readline()
        if not line:
            return lines
        lines.append(line)
        if line.strip(codecs.BOM_UTF8 + b" \t\r\n"):
            return lines


def _is_json_object(line: bytes) -> bool:
    """Whether one line is a JSON object (what makes standard input a JSON Lines stream)."""
    stripped = line.strip(codecs.BOM_UTF8 + b" \t\r\n")
    if not (stripped.startswith(b"{") and stripped.endswith(b"}")):
        return False
    try:
        return isinstance(parse_json_line(stripped.decode("utf-8")), dict)
    except UnicodeDecodeError:
        return False
    except JSONLineError as exc:  # well-formed but beyond Python's limits (a huge number): a bad record still
        return not exc.syntax


def _read_all(path: str) -> bytes:
    """All of ``path``; a device that never ends (``/dev/zero``) stops at its first 8 KB when they hold a NUL
    byte (the binary test), so it is named as binary instead of filling memory."""
    fh, first = open_input(path)
    with fh:
        if stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            return first + fh.read()
        chunks = [first]
        size = len(first)
        while size < BINARY_SNIFF_BYTES:
            chunk = fh.read(BINARY_SNIFF_BYTES - size)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
        head = b"".join(chunks)
        if looks_binary(head):
            return head
        return head + fh.read()


def _read_file(path: str, override: Optional[_dt.date]) -> Iterator[Item]:
    if is_jsonl(path):
        yield from _read_jsonl(path, override)
        return
    try:
        data = _read_all(path)
    except OSError as exc:
        yield InputError(path, _os_message(exc))
        return
    item = _decode_document(path, data, override)
    del data  # the bytes are not kept while the document is processed
    yield item


def _decode_document(name: str, data: bytes, override: Optional[_dt.date]) -> Item:
    if looks_binary(data):
        return InputError(name, "binary file (NUL byte in the first 8 KB), skipped")
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        return InputError(name, f"not valid UTF-8 (byte offset {exc.start})")
    return _document(name, text, name, override)


def _read_jsonl(path: str, override: Optional[_dt.date]) -> Iterator[Item]:
    try:
        fh, first = open_input(path)
    except OSError as exc:
        yield InputError(path, _os_message(exc))
        return
    with fh:
        try:
            head = first + fh.read(max(0, BINARY_SNIFF_BYTES - len(first)))
            if looks_binary(head):
                yield InputError(path, "binary file (NUL byte in the first 8 KB), skipped")
                return
            yield from _jsonl_items(path, _lines_after(head, fh), override)  # no seek: a pipe cannot
        except OSError as exc:
            yield InputError(path, _os_message(exc))


def _lines_after(head: bytes, rest: BinaryIO) -> Iterator[bytes]:
    """The lines of ``head`` followed by those of ``rest`` (``head``'s last, unfinished line completed), cut at
    ``\n`` only, as iterating a binary file cuts them."""
    *lines, tail = head.split(b"\n")
    for line in lines:
        yield line + b"\n"
    if tail:
        yield tail + rest.readline()
    yield from rest


def _jsonl_items(name: str, lines: Iterable[bytes], override: Optional[_dt.date]) -> Iterator[Item]:
    """The documents and errors of a JSON Lines stream, one line at a time."""
    offset = 0
    for number, raw in enumerate(lines, start=1):
        item = _jsonl_record(name, number, offset, raw, override)
        offset += len(raw)
        if item is not None:
            yield item


def _jsonl_record(path: str, number: int, offset: int, raw: bytes,
                  override: Optional[_dt.date]) -> Optional[Item]:
    def error(message: str) -> InputError:
        return InputError(path, message, line=number)

    try:
        line = decode_text(raw) if number == 1 else raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return error(f"not valid UTF-8 (byte offset {offset + exc.start})")
    if not line.strip():
        return None
    try:
        obj = parse_json_line(line)
    except JSONLineError as exc:  # a 5,000-digit number or 10,000 nested arrays too: one bad line
        return error(f"invalid JSON: {exc.reason}")
    if not isinstance(obj, dict):
        return error(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        return error('record has no "text" string' if text is None else '"text" is not a string')
    record_id = obj.get("id")
    record_id = f"{path}:{number}" if record_id is None or record_id == "" else str(record_id)
    for key, value in (("text", text), ("id", record_id)):
        if not _is_unicode(value):
            return error(f'"{key}" has a lone surrogate (a \\ud800-\\udfff escape): not valid Unicode')
    source = f"{path}:{number}"
    if override is not None:
        return _document(record_id, text, source, override)
    try:
        ref = parse_reference_date(obj.get("reference_date"))
    except (ValueError, TypeError):
        return error(f'bad "reference_date" {obj.get("reference_date")!r} (expected YYYY-MM-DD)')
    return Document(id=record_id, text=text, reference_date=ref, source=source,
                    reference_date_source="record" if ref else None)


def _is_unicode(value: str) -> bool:
    """False when ``value`` holds a lone surrogate (JSON allows the escape; no UTF-8 output can hold it)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _os_message(exc: OSError) -> str:
    if isinstance(exc, NoWriter):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or str(exc)).lower()
