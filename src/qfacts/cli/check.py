"""The ``qfacts check PATH...`` command: extraction rules for CI, with exit codes 0, 1 and 2.

Only options and output live here; the rules, the snapshot and the writers are in :mod:`qfacts.check`.
The command is registered on :data:`qfacts.cli.app`.
"""
from __future__ import annotations

import contextlib
import enum
import os
import shlex
import sys
from typing import TYPE_CHECKING, List, Optional

import typer

from . import common
from .common import TIMEOUT_HELP
from .common import (EXIT_USAGE, PROG, OutputError, Reporter, atomic_output, check_reference_date, check_timeout, guarded_stdout,
                     interruption_exit, load_pipeline, print_error, probe_output, usage_error)

if TYPE_CHECKING:
    from ..api import Document
    from ..check import DocumentFacts, Report, Rules


class CheckFormat(str, enum.Enum):
    human = "human"
    jsonl = "jsonl"
    junit = "junit"
    github = "github"


def check(
    paths: Optional[List[str]] = typer.Argument(
        None, metavar="PATH", show_default=False,
        help="Files, folders, glob patterns or - for stdin, as for 'qfacts extract' (a .jsonl file is a corpus)."),
    require: Optional[List[str]] = typer.Option(
        None, "--require", metavar="LABEL,...", show_default=False,
        help="Every document has at least one entity of each label (ORG, PLACE, DATE, AGREEMENT); "
             "comma-separated, may be repeated."),
    min_facts: Optional[int] = typer.Option(
        None, "--min-facts", metavar="N", min=0, show_default=False,
        help="Every document has at least N agreement facts."),
    expect: Optional[str] = typer.Option(
        None, "--expect", metavar="SNAPSHOT.jsonl", show_default=False,
        help="Every document has exactly the facts of this committed snapshot (type, parties, date); "
             "documents new to it or missing from it fail too."),
    update: bool = typer.Option(
        False, "--update",
        help="Write the --expect snapshot from this run's facts instead of comparing (atomically; never "
             "when an input could not be read)."),
    fmt: CheckFormat = typer.Option(
        CheckFormat.human, "--format", "-f", case_sensitive=False,
        help="Machine-readable results on stdout: jsonl (one object per document and rule), junit (JUnit XML), "
             "github (GitHub Actions ::error annotations). human writes nothing on stdout."),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", "-r", metavar="YYYY-MM-DD", callback=check_reference_date,
        help="Anchor for relative dates, as for 'qfacts extract'."),
    model: Optional[str] = typer.Option(
        None, "--model", "-m", metavar="NAME_OR_PATH",
        help="An installed spaCy pipeline to run under the qfacts rules, as for 'qfacts extract'."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="No human summary on stderr (input errors are still named)."),
    timeout: Optional[float] = typer.Option(
        None, "--timeout", metavar="SECONDS", show_default=False, callback=check_timeout, help=TIMEOUT_HELP),
) -> None:
    """Check extraction results against rules, for CI: exit 1 when a rule is not met.

    Rules: --require (labels every document has), --min-facts (facts every document has), --expect (the
    facts of a committed snapshot: facts that appeared or disappeared are named per document). A summary goes
    to stderr; --format jsonl|junit|github writes machine-readable results on stdout.

    Examples:

    \b
        qfacts check articles/ --require ORG,DATE,AGREEMENT --min-facts 1
        qfacts check articles/ --expect facts.jsonl --update
        qfacts check articles/ --expect facts.jsonl --format junit > junit.xml
        qfacts check corpus.jsonl --expect facts.jsonl --format github

    --update writes the snapshot (commit it); later runs report the facts that appeared (+) or disappeared
    (-) per document. --format github gives annotations in GitHub Actions.

    Snapshot ids are the document ids (paths as given, or the corpus records' ids): run the check from the
    folder the snapshot was written from. The snapshot file itself is never read as an input.

    Exit codes: 0 every rule met (or the snapshot written by --update); 1 a rule not met; 2 usage or input
    error: bad option, unknown label in --require, no rule given, unreadable or malformed snapshot, or an input
    that could not be read or extracted (a document stopped at its --timeout too) (each named on one line of stderr; the other inputs are still checked, and 2 wins
    over 1); 130 interrupted; 143 terminated.
    """
    if not paths:
        if common.is_terminal(sys.stdin):
            raise usage_error("no input: give a PATH, or - to read standard input (see qfacts check --help)")
        paths = ["-"]
    rules = _rules(require, min_facts, expect, update)
    nlp = load_pipeline(model)

    reporter = Reporter(quiet=quiet, progress_allowed=True)
    documents: list[DocumentFacts] = []
    try:
        report = _check(paths, rules, reference_date, nlp, reporter, documents, timeout)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (Terminated): one line, exit 130 or 143
        raise interruption_exit(exc, reporter) from None
    finally:
        reporter.close()
    if update:
        _update(expect, documents, report, reporter, quiet)
    hint = None
    if expect is not None and not update and _snapshot_failed(report):
        hint = update_command(paths, expect, reference_date, model)
    _write(report, fmt.value, quiet, hint)
    raise typer.Exit(report.exit_code)


def _snapshot_failed(report: Report) -> bool:
    from ..check import RULE_EXPECT

    return any(r.rule == RULE_EXPECT for case in report.failed_cases for r in case.failures)


def update_command(paths: List[str], expect: str, reference_date: Optional[str], model: Optional[str]) -> str:
    """The command that would accept this run's facts as the snapshot: the same inputs and extraction
    options, with ``--update``."""
    args = [PROG, "check", *paths, "--expect", expect]
    if reference_date:
        args += ["--reference-date", reference_date]
    if model:
        args += ["--model", model]
    return shlex.join([*args, "--update"])


def _rules(require: Optional[List[str]], min_facts: Optional[int], expect: Optional[str], update: bool) -> Rules:
    """The rules from the options; usage errors (exit 2) for unknown labels, --update alone, no rule, a bad
    snapshot."""
    from ..check import Rules, SnapshotError, parse_labels, read_snapshot

    try:
        labels = parse_labels(require or ())
    except ValueError as exc:
        raise usage_error(f"--require: {exc}") from None
    if require and not labels:
        raise usage_error("--require: no label given")
    if update and expect is None:
        raise usage_error("--update needs --expect SNAPSHOT.jsonl (the snapshot to write)")
    if not labels and min_facts is None and expect is None:
        raise usage_error("no rule: give --require, --min-facts or --expect (see qfacts check --help)")
    snapshot = None
    if expect is not None:
        if os.path.isdir(expect):
            raise usage_error(f"--expect {expect}: is a folder")
        if update:
            folder = os.path.dirname(os.path.abspath(expect))
            if not os.path.isdir(folder):
                raise usage_error(f"--expect {expect}: folder {folder} does not exist")
            probe_output(expect, "--expect")  # a folder that cannot hold the snapshot: exit 2 before extracting
        else:
            try:
                snapshot = read_snapshot(expect)
            except SnapshotError as exc:
                raise usage_error(f"--expect {exc}") from None
    return Rules(require=labels, min_facts=min_facts, expect=snapshot, expect_path=expect)


def _check(paths: List[str], rules: Rules, reference_date: Optional[str], nlp, reporter: Reporter,
           documents: list[DocumentFacts], timeout: Optional[float] = None) -> Report:
    """Extract and check every input; input errors are named on stderr as they come. The snapshot file is
    never an input, even in a folder that is checked. A document stopped at ``timeout`` is an error."""
    from ..check import Checker, same_file
    from ..io import InputError, read_inputs  # the rules load here, not for --help
    from ..parallel import load_lazy_data

    checker = Checker(rules)
    if timeout:
        load_lazy_data(nlp)  # a lazy table is never left half built by a stopped document
    for item in read_inputs(paths, reference_date=reference_date):
        source = item.input if isinstance(item, InputError) else item.source
        if rules.expect_path and same_file(source, rules.expect_path):
            continue
        if isinstance(item, InputError):
            reporter.error(item.where, item.message)
            checker.add_error(item.where, item.message)
            continue
        doc, failures = _extract(item, nlp, timeout)
        for message in failures:  # the document is still checked on what the other stages found
            reporter.error(item.id, message)
            checker.add_error(item.id, message)
        if isinstance(doc, str):
            reporter.error(item.id, doc)
            checker.add_error(item.id, doc)
            continue
        case = checker.add(doc)
        if case.error is not None:
            reporter.error(case.document, case.error)
        else:
            documents.append(doc)
        reporter.document_done(item.id)
    return checker.finish()


def _extract(document: Document, nlp, timeout: Optional[float] = None) -> tuple[DocumentFacts | str, list[str]]:
    """The document's facts (or the message of the extractor's failure on it), and the stages that failed."""
    from ..api import stage_failures
    from ..check import DocumentFacts, document_id
    from ..parallel import describe_error, guarded_extract

    result = guarded_extract(document, nlp, timeout)  # a bug in a rule (or a MemoryError) must not stop the other checks
    if isinstance(result, Exception):
        return f"extraction failed: {describe_error(result)}", []
    # ./articles/a.txt and articles/a.txt are one document: the snapshot must not depend on the spelling
    return DocumentFacts.from_record(result, id=document_id(document.id, document.source)), stage_failures(result)


def _update(path: Optional[str], documents: list[DocumentFacts], report: Report, reporter: Reporter,
            quiet: bool) -> None:
    """Write the snapshot, unless an input could not be read (the snapshot would lose its documents)."""
    from ..check import SUITE_NAME, write_snapshot

    assert path is not None
    if report.errors:
        reporter.note(f"{PROG}: error: --update: {path} not written, some input could not be read")
        return
    try:
        with atomic_output(path, "--expect") as fh:
            write_snapshot(documents, fh)
    except OutputError as exc:  # a full disk: the old snapshot stays; a check that cannot write it cannot pass
        print_error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    if not quiet:
        noun = "document" if len(documents) == 1 else "documents"
        reporter.note(f"{SUITE_NAME}: wrote {path} ({len(documents)} {noun})")


def _write(report: Report, fmt: str, quiet: bool, hint: Optional[str] = None) -> None:
    """Machine-readable results on stdout (a closed pipe is not an error), the human summary on stderr, ending
    with ``hint`` (the command that accepts a changed snapshot) when given."""
    from ..check import SUITE_NAME, WRITERS, write_human

    if fmt in WRITERS:
        stdout = guarded_stdout()  # a full disk: one line naming standard output, exit code 1
        try:
            WRITERS[fmt](report, stdout)
            stdout.flush()
        except BrokenPipeError:
            # Nobody reads stdout any more: point it at /dev/null so the interpreter's final flush stays quiet.
            with contextlib.suppress(OSError, ValueError, AttributeError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if not quiet:
        write_human(report, sys.stderr, rich=common.is_terminal(sys.stderr), color=common.colour_allowed(sys.stderr),
                    errors=False)
        if hint:
            sys.stderr.write(f"{SUITE_NAME}: if these changes are right, accept them with:\n  {hint}\n")
            sys.stderr.flush()

