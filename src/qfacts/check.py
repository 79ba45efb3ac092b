"""Rules for CI over extraction results (``qfacts check``): the checks, the fact snapshot and its diff, and writers.

A check runs each extracted document through the rules given, and gives one :class:`RuleResult` per document
and rule:

* ``require``: the document has at least one entity of each required label (``ORG``, ``PLACE``, ``DATE``,
  ``AGREEMENT``);
* ``min-facts``: the document has at least N agreement facts;
* ``expect``: the document's facts are those of a committed snapshot; the result names the facts that appeared
  and disappeared, documents new to the snapshot and documents of the snapshot that were not checked.

Snapshot format
---------------
JSON Lines, one line per document, sorted by document id; each line is ``{"id": ..., "facts": [...]}`` with
the document's facts reduced to a stable key ``{"type", "parties", "date"}`` (parties sorted, ``date`` the
TIMEX3 value or null), the facts sorted. The same facts always give the same bytes, so the file can be
committed and its diffs read. A document without facts has a line with ``"facts": []``. A fact found twice
in a document is listed twice.

Exit codes
----------
:attr:`Report.exit_code` is 0 when every rule is met, 1 when a rule is not met, and 2 when an input could not
be read or checked (the other inputs are still checked): 2 wins over 1, since a run that could not see all its
inputs cannot vouch for them.

Writers
-------
:func:`write_human` (a summary for people, on stderr; Rich styles only when asked), :func:`write_jsonl` (one
object per document and rule), :func:`write_junit` (JUnit XML: one testsuite, one testcase per document, one
``<failure>`` per rule not met, one ``<error>`` per input that could not be read) and :func:`write_github`
(GitHub Actions ``::error`` workflow commands, escaped by GitHub's rules).
"""
from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any, Iterable, Iterator, Optional

from .jsonl import JSONLineError, parse_json_line
from .pipes import read_input_bytes
from .models import LABELS, Record

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2

RULE_REQUIRE = "require"
RULE_MIN_FACTS = "min-facts"
RULE_EXPECT = "expect"
RULE_INPUT = "input"

SUITE_NAME = "qfacts check"
_JSONL_SOURCE = re.compile(r"^(?P<file>.+\.(?:jsonl|ndjson)):(?P<line>\d+)$", re.IGNORECASE)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- facts and documents ---------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Fact:
    """A fact reduced to its stable key: agreement type, sorted parties, date (TIMEX3 value or None)."""

    type: str
    parties: tuple[str, ...]
    date: Optional[str]

    @classmethod
    def of(cls, type: str, parties: Iterable[str], date: Optional[str]) -> "Fact":
        return cls(type, tuple(sorted(parties)), date)

    def sort_key(self) -> tuple[str, tuple[str, ...], str]:
        return (self.type, self.parties, self.date or "")

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "parties": list(self.parties), "date": self.date}

    def __str__(self) -> str:
        parties = " + ".join(self.parties) or "(no parties)"
        return f"{self.type}: {parties} ({self.date or 'no date'})"


def sorted_facts(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    return tuple(sorted(facts, key=Fact.sort_key))


@dataclass(frozen=True)
class DocumentFacts:
    """What the rules look at in one extracted document: its id, source, entity labels and facts."""

    id: str
    source: str
    labels: frozenset[str]
    facts: tuple[Fact, ...]

    @classmethod
    def from_record(cls, record: Record, id: Optional[str] = None) -> "DocumentFacts":
        """The record's facts, under ``id`` (default: the record's id; see :func:`document_id`)."""
        facts = (Fact.of(a.type, a.parties, a.date) for a in record.agreements)
        return cls(record.id if id is None else id, record.source, frozenset(e.label for e in record.entities),
                   sorted_facts(facts))


def document_id(id: str, source: str, cwd: Optional[str] = None) -> str:
    """The id a document has in checks and snapshots: its id, except that an id which is its file's path
    (a text file, or the ``PATH:LINE`` of a corpus record without an id) is that path normalised, relative to
    ``cwd`` (default: the current folder) when the file is under it, with ``/`` separators. So
    ``./articles/a.txt``, ``articles//a.txt`` and ``/home/me/news/articles/a.txt`` (run from ``news``) are all
    ``articles/a.txt``. Ids given by corpus records are kept as they are."""
    if source in ("", "-") or id != source:
        return id
    match = _JSONL_SOURCE.match(source)
    path, line = (match["file"], ":" + match["line"]) if match else (source, "")
    return normalise_path(path, cwd) + line


def normalise_path(path: str, cwd: Optional[str] = None) -> str:
    """``path`` normalised (``.``, ``..`` and repeated separators resolved, symbolic links kept), relative to
    ``cwd`` when under it, with ``/`` separators."""
    base = os.path.abspath(cwd or os.getcwd())
    full = os.path.normpath(os.path.join(base, path))
    try:
        rel = os.path.relpath(full, base)
    except ValueError:  # another drive (Windows)
        rel = full
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        rel = full  # outside the folder: the absolute path
    return rel.replace(os.sep, "/")


# --- rules -----------------------------------------------------------------------------------------------

def parse_labels(values: Iterable[str]) -> tuple[str, ...]:
    """Labels from ``--require`` values (comma-separated, any case), in order, without repeats.

    Raises ValueError naming the first unknown label.
    """
    labels: list[str] = []
    for value in values:
        for part in value.split(","):
            label = part.strip().upper()
            if not label:
                continue
            if label not in LABELS:
                raise ValueError(f"unknown label {part.strip()!r} (known: {', '.join(LABELS)})")
            if label not in labels:
                labels.append(label)
    return tuple(labels)


@dataclass(frozen=True)
class SnapshotEntry:
    """One document of a snapshot, with the line it was read from (0 when built in memory)."""

    id: str
    facts: tuple[Fact, ...]
    line: int = 0


Snapshot = dict[str, SnapshotEntry]


@dataclass(frozen=True)
class Rules:
    """The rules of a check. ``expect`` is a snapshot (see :func:`read_snapshot`), ``expect_path`` its file."""

    require: tuple[str, ...] = ()
    min_facts: Optional[int] = None
    expect: Optional[Snapshot] = None
    expect_path: Optional[str] = None

    def __post_init__(self) -> None:
        unknown = [label for label in self.require if label not in LABELS]
        if unknown:
            raise ValueError(f"unknown label {unknown[0]!r} (known: {', '.join(LABELS)})")
        if self.min_facts is not None and self.min_facts < 0:
            raise ValueError("min_facts must be 0 or more")

    @property
    def empty(self) -> bool:
        return not self.require and self.min_facts is None and self.expect is None


@dataclass
class RuleResult:
    """One rule on one document: met or not, a one-line message, and machine-readable details."""

    rule: str
    ok: bool
    message: str
    details: dict[str, Any] = field(default_factory=dict)
    appeared: tuple[Fact, ...] = ()
    disappeared: tuple[Fact, ...] = ()


@dataclass
class Case:
    """One document (or one input that could not be read) and its results.

    ``source`` is where the document came from (a path, ``path:line`` in a JSONL corpus, ``-``); ``line`` is a
    line number in ``source`` when known. ``error`` is set for an input that could not be checked.
    """

    document: str
    source: Optional[str]
    results: list[RuleResult] = field(default_factory=list)
    error: Optional[str] = None

    @property
    def failures(self) -> list[RuleResult]:
        return [r for r in self.results if not r.ok]

    @property
    def ok(self) -> bool:
        return self.error is None and not self.failures


@dataclass
class Report:
    """All the cases of a check, in the order the inputs were read (snapshot-only documents last)."""

    cases: list[Case] = field(default_factory=list)
    rules: Rules = field(default_factory=Rules)

    @property
    def documents(self) -> int:
        """Documents checked (snapshot documents that were not among the inputs not counted)."""
        return sum(1 for c in self.cases if c.error is None and not _only_in_snapshot(c))

    @property
    def failures(self) -> int:
        """Rules not met, over all documents."""
        return sum(len(c.failures) for c in self.cases)

    @property
    def failed_cases(self) -> list[Case]:
        return [c for c in self.cases if c.failures]

    @property
    def errors(self) -> list[Case]:
        return [c for c in self.cases if c.error is not None]

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_FAILED if self.failures else EXIT_OK


def _only_in_snapshot(case: Case) -> bool:
    return any(r.details.get("status") == "missing" for r in case.results)


class Checker:
    """Checks documents one at a time (:meth:`add`), then :meth:`finish` adds the snapshot's unseen documents.

    >>> checker = Checker(Rules(min_facts=1))
    >>> case = checker.add(DocumentFacts("a", "a.txt", frozenset({"ORG"}), ()))
    >>> case.failures[0].message
    '0 facts, at least 1 required'
    """

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.report = Report(rules=rules)
        self._seen: set[str] = set()

    def add(self, doc: DocumentFacts) -> Case:
        """Check one document; a second document with an id already seen is an input error."""
        if doc.id in self._seen:
            return self.add_error(doc.source, f"duplicate document id {doc.id!r}, not checked again")
        self._seen.add(doc.id)
        case = Case(doc.id, doc.source, check_document(doc, self.rules))
        self.report.cases.append(case)
        return case

    def add_error(self, where: str, message: str) -> Case:
        """An input that could not be read or checked."""
        case = Case(where, where, error=message)
        self.report.cases.append(case)
        return case

    def finish(self) -> Report:
        if self.rules.expect is not None:
            for entry in sorted(self.rules.expect.values(), key=lambda e: e.id):
                if entry.id not in self._seen:
                    self.report.cases.append(Case(entry.id, self.rules.expect_path,
                                                  [missing_result(entry, self.rules.expect_path)]))
        return self.report


def check_documents(documents: Iterable[DocumentFacts], rules: Rules) -> Report:
    """Check every document against ``rules``; the report's ``exit_code`` is the CLI's."""
    checker = Checker(rules)
    for doc in documents:
        checker.add(doc)
    return checker.finish()


def check_document(doc: DocumentFacts, rules: Rules) -> list[RuleResult]:
    """The results of the rules given, in the order require, min-facts, expect."""
    results = []
    if rules.require:
        results.append(require_result(doc, rules.require))
    if rules.min_facts is not None:
        results.append(min_facts_result(doc, rules.min_facts))
    if rules.expect is not None:
        results.append(expect_result(doc, rules.expect.get(doc.id)))
    return results


def require_result(doc: DocumentFacts, labels: Iterable[str]) -> RuleResult:
    labels = tuple(labels)
    missing = [label for label in labels if label not in doc.labels]
    message = f"no {', no '.join(missing)} entity" if missing else f"has {', '.join(labels)}"
    return RuleResult(RULE_REQUIRE, not missing, message, {"required": list(labels), "missing": missing})


def min_facts_result(doc: DocumentFacts, minimum: int) -> RuleResult:
    count = len(doc.facts)
    ok = count >= minimum
    noun = "fact" if count == 1 else "facts"
    message = f"{count} {noun}" + ("" if ok else f", at least {minimum} required")
    return RuleResult(RULE_MIN_FACTS, ok, message, {"facts": count, "min": minimum})


def diff_facts(expected: Iterable[Fact], actual: Iterable[Fact]) -> tuple[tuple[Fact, ...], tuple[Fact, ...]]:
    """``(appeared, disappeared)``: facts in ``actual`` and not in ``expected``, and the reverse (as multisets)."""
    exp, act = Counter(expected), Counter(actual)
    return sorted_facts((act - exp).elements()), sorted_facts((exp - act).elements())


def expect_result(doc: DocumentFacts, entry: Optional[SnapshotEntry]) -> RuleResult:
    """The document's facts against its snapshot entry (None: the document is new to the snapshot)."""
    if entry is None:
        appeared = doc.facts
        return _expect(False, "new", appeared, (),
                       f"not in the snapshot ({_count(len(appeared), 'fact')})")
    appeared, disappeared = diff_facts(entry.facts, doc.facts)
    if not appeared and not disappeared:
        return _expect(True, "same", (), (), f"{_count(len(doc.facts), 'fact')} as in the snapshot")
    return _expect(False, "changed", appeared, disappeared,
                   f"{len(appeared)} appeared, {len(disappeared)} disappeared")


def missing_result(entry: SnapshotEntry, snapshot_path: Optional[str]) -> RuleResult:
    """A snapshot document that was not among the inputs."""
    result = _expect(False, "missing", (), entry.facts,
                     f"in the snapshot, but no document checked has this id: removed, renamed, or not among "
                     f"the inputs ({_count(len(entry.facts), 'fact')})")
    if entry.line:
        result.details["snapshot_line"] = entry.line
    return result


def _expect(ok: bool, status: str, appeared: tuple[Fact, ...], disappeared: tuple[Fact, ...],
            message: str) -> RuleResult:
    details = {"status": status, "appeared": [f.to_dict() for f in appeared],
               "disappeared": [f.to_dict() for f in disappeared]}
    return RuleResult(RULE_EXPECT, ok, message, details, appeared, disappeared)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# --- snapshot --------------------------------------------------------------------------------------------

class SnapshotError(ValueError):
    """A snapshot that cannot be read; ``where`` is ``path`` or ``path:line``."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def snapshot_lines(documents: Iterable[DocumentFacts]) -> list[str]:
    """The snapshot of ``documents``: one JSON line per document (newline included), sorted by id."""
    by_id = {doc.id: doc for doc in documents}
    return [json.dumps({"id": i, "facts": [f.to_dict() for f in sorted_facts(by_id[i].facts)]},
                       ensure_ascii=False) + "\n" for i in sorted(by_id)]


def write_snapshot(documents: Iterable[DocumentFacts], out: IO[str]) -> None:
    out.writelines(snapshot_lines(documents))


def read_snapshot(path: str) -> Snapshot:
    """Read a snapshot file; raises :class:`SnapshotError` (missing file, bad JSON, bad shape, repeated id)."""
    try:
        text = read_input_bytes(path).decode("utf-8-sig")  # a FIFO without a writer: an error, not a hang
    except FileNotFoundError:
        raise SnapshotError(path, "no such snapshot (create it with --update)") from None
    except UnicodeDecodeError as exc:
        raise SnapshotError(path, f"not valid UTF-8 (byte offset {exc.start})") from None
    except OSError as exc:
        raise SnapshotError(path, exc.strerror.lower() if exc.strerror else str(exc)) from None
    return parse_snapshot(io.StringIO(text, newline=None), path)  # lines as open() gives them


def parse_snapshot(lines: Iterable[str], name: str = "snapshot") -> Snapshot:
    """Parse snapshot lines (blank lines skipped); ``name`` is used in error messages."""
    snapshot: Snapshot = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            obj = parse_json_line(line)
        except JSONLineError as exc:  # a 5,000-digit number or deep nesting too: one line naming it
            raise SnapshotError(where, f"invalid JSON: {exc.reason}") from None
        entry = _snapshot_entry(obj, where, number)
        if entry.id in snapshot:
            raise SnapshotError(where, f"document {entry.id!r} is listed twice")
        snapshot[entry.id] = entry
    return snapshot


def _snapshot_entry(obj: Any, where: str, number: int) -> SnapshotEntry:
    if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
        raise SnapshotError(where, 'expected an object with a string "id"')
    facts = obj.get("facts")
    if not isinstance(facts, list):
        raise SnapshotError(where, '"facts" is not a list')
    return SnapshotEntry(obj["id"], sorted_facts(_snapshot_fact(f, where) for f in facts), number)


def _snapshot_fact(obj: Any, where: str) -> Fact:
    ok = (isinstance(obj, dict) and isinstance(obj.get("type"), str) and isinstance(obj.get("parties"), list)
          and all(isinstance(p, str) for p in obj["parties"])
          and (obj.get("date") is None or isinstance(obj.get("date"), str)))
    if not ok:
        raise SnapshotError(where, 'a fact is not {"type": str, "parties": [str], "date": str or null}')
    return Fact.of(obj["type"], obj["parties"], obj.get("date"))


# --- where a case points to ----------------------------------------------------------------------------

def source_file(source: str) -> str:
    """The file a document came from: its source, less the ``:LINE`` of a JSONL corpus record."""
    match = _JSONL_SOURCE.match(source)
    return match["file"] if match else source


def same_file(source: str, path: str) -> bool:
    """Whether a document or input error with this source comes from the file ``path`` (e.g. the snapshot
    itself, met while walking the folder it sits in)."""
    return source != "-" and os.path.realpath(source_file(source)) == os.path.realpath(path)


def case_location(case: Case) -> tuple[Optional[str], Optional[int]]:
    """``(file, line)`` for annotations: a JSONL corpus record's ``path:N`` source gives its file and line;
    a snapshot-only document points to its snapshot line; standard input has no file."""
    source = case.source
    if not source or source == "-":
        return None, None
    for result in case.results:
        if "snapshot_line" in result.details:
            return source, result.details["snapshot_line"]
    match = _JSONL_SOURCE.match(source)
    if match:
        return match["file"], int(match["line"])
    return source, None


def failure_text(result: RuleResult) -> str:
    """A failed result's message, then one line per fact that appeared (``+``) or disappeared (``-``)."""
    lines = [result.message]
    lines += [f"+ {fact}" for fact in result.appeared]
    lines += [f"- {fact}" for fact in result.disappeared]
    return "\n".join(lines)


# --- writers ---------------------------------------------------------------------------------------------

def result_dicts(report: Report) -> Iterator[dict[str, Any]]:
    """One plain object per document and rule (and per input error), in report order."""
    for case in report.cases:
        base = {"document": case.document, "source": case.source}
        if case.error is not None:
            yield {**base, "rule": RULE_INPUT, "ok": False, "message": case.error}
            continue
        for result in case.results:
            yield {**base, "rule": result.rule, "ok": result.ok, "message": result.message, **result.details}


def write_jsonl(report: Report, out: IO[str]) -> None:
    """One JSON object a line: ``document``, ``source``, ``rule``, ``ok``, ``message`` and the rule's details."""
    for obj in result_dicts(report):
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")


def junit_tree(report: Report) -> ET.ElementTree:
    """JUnit XML: ``<testsuites>`` holding one ``<testsuite>``, one ``<testcase>`` per document (classname
    ``qfacts.check``, name the document id), a ``<failure type=RULE>`` per rule not met (facts that
    appeared/disappeared in its text), an ``<error type="input">`` per input that could not be read.
    ``failures`` counts the testcases with a failure, ``errors`` those with an error."""
    cases = report.cases
    counts = {"tests": str(len(cases)), "failures": str(sum(1 for c in cases if c.failures)),
              "errors": str(len(report.errors)), "skipped": "0"}
    root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})
    for case in cases:
        attrs = {"classname": "qfacts.check", "name": _xml_text(case.document)}
        file, line = case_location(case)
        if file:
            attrs["file"] = _xml_text(file)
        if line:
            attrs["line"] = str(line)
        element = ET.SubElement(suite, "testcase", attrs)
        if case.error is not None:
            ET.SubElement(element, "error", {"type": RULE_INPUT, "message": _xml_text(case.error)})
        for result in case.failures:
            failure = ET.SubElement(element, "failure", {"type": result.rule, "message": _xml_text(result.message)})
            failure.text = _xml_text(failure_text(result))
    ET.indent(root)
    return ET.ElementTree(root)


def write_junit(report: Report, out: IO[str]) -> None:
    junit_tree(report).write(out, encoding="unicode", xml_declaration=True)
    out.write("\n")


def _xml_text(value: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped: replace them."""
    return _XML_INVALID.sub("\ufffd", value)


def github_escape_data(value: str) -> str:
    """Escape a workflow command's message: ``%``, ``\\r``, ``\\n``."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_escape_property(value: str) -> str:
    """Escape a workflow command's property value: as data, and ``:`` and ``,``."""
    return github_escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_lines(report: Report) -> Iterator[str]:
    """``::error file=F,line=N,title=T::message`` for every rule not met and every input error."""
    for case in report.cases:
        file, line = case_location(case)
        if case.error is not None:
            yield _github_error(file, line, f"{SUITE_NAME}: unreadable input", f"{case.document}: {case.error}")
        for result in case.failures:
            yield _github_error(file, line, f"{SUITE_NAME}: {result.rule}",
                                f"{case.document}: {failure_text(result)}")


def _github_error(file: Optional[str], line: Optional[int], title: str, message: str) -> str:
    props = []
    if file:
        props.append(f"file={github_escape_property(file)}")
    if line:
        props.append(f"line={line}")
    props.append(f"title={github_escape_property(title)}")
    return f"::error {','.join(props)}::{github_escape_data(message)}"


def write_github(report: Report, out: IO[str]) -> None:
    for line in github_lines(report):
        out.write(line + "\n")


WRITERS = {"jsonl": write_jsonl, "junit": write_junit, "github": write_github}


def summary_line(report: Report) -> str:
    """``3 documents, 2 rules: all met`` or ``..., 2 not met in 1 document, 1 input error`` (no rule:
    ``3 documents``)."""
    rules = [name for name, given in ((RULE_REQUIRE, report.rules.require),
                                      (RULE_MIN_FACTS, report.rules.min_facts is not None),
                                      (RULE_EXPECT, report.rules.expect is not None)) if given]
    text = _count(report.documents, "document")
    failed = report.failed_cases
    if rules:
        text += f", {_count(len(rules), 'rule')}"
        text += f": {report.failures} not met in {_count(len(failed), 'document')}" if failed else ": all met"
    if report.errors:
        text += f", {_count(len(report.errors), 'input error')}"
    return text


def human_lines(report: Report, *, errors: bool = True) -> Iterator[tuple[str, str]]:
    """``(style, text)`` lines for people: each input error (unless ``errors`` is False: the CLI names them as
    they happen), each rule not met with its fact diff, then the summary."""
    if errors:
        for case in report.errors:
            yield "red", f"ERROR {case.document}: {case.error}"
    for case in report.failed_cases:
        for result in case.failures:
            yield "red", f"FAIL {case.document}: {result.rule}: {result.message}"
            for fact in result.appeared:
                yield "green", f"    + {fact}"
            for fact in result.disappeared:
                yield "yellow", f"    - {fact}"
    style = "bold red" if report.exit_code else "bold green"
    yield style, f"{SUITE_NAME}: {summary_line(report)}"


def write_human(report: Report, out: IO[str], *, rich: bool = False, color: bool = False,
                errors: bool = True) -> None:
    """The human summary (see :func:`human_lines`). ``rich``: through a Rich console (for a terminal),
    coloured when ``color``."""
    lines = human_lines(report, errors=errors)
    if not rich:
        for _, text in lines:
            out.write(text + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False, no_color=not color)
    for style, text in lines:
        console.print(Text(text, style=style))
