"""The ``qfacts extract PATH...`` command.

The CLI is thin: it parses options, reads inputs (:mod:`qfacts.io`), calls the library
(:func:`qfacts.parallel.extract_items`, or :mod:`qfacts.distributed` with ``--scheduler``) and writes records
(:mod:`qfacts.render`). Data goes to stdout (or
``--output FILE``); errors, the progress bar and the summary go to stderr.

Exit codes
----------
===  =====================================================================================================
0    every input was read and processed
1    some input failed (missing, unreadable, binary, not UTF-8, bad JSONL line or record, extraction error,
     a document stopped at its ``--timeout``);
     one line on stderr names each, and the output for all the other inputs is still written; also when a
     ``--jobs`` worker process dies on a document (killed, out of memory): the documents in flight are retried
     alone on a new worker, the one it dies on again is named and the run goes on (only workers that cannot
     start any more stop it, keeping the records done); also when the output cannot be written (a full disk),
     which stops the run and leaves ``--output FILE`` as it was
2    usage error: unknown or bad option, bad ``--reference-date``, ``--model`` that cannot be loaded,
     ``--output`` in a folder that does not exist or cannot hold the file, an ``--output`` suffix that names
     no format without ``--format``, ``--rows`` with a format other than CSV, no PATH while stdin is a
     terminal, ``--scheduler`` without dask installed or with a scheduler that cannot be reached
130  interrupted (Ctrl-C); ``--output FILE`` is left untouched
143  terminated (SIGTERM); the same clean-up as Ctrl-C
===  =====================================================================================================

A closed stdout (``qfacts extract ... | head``) ends the run quietly with exit code 0, as ripgrep does.
"""
from __future__ import annotations

import contextlib
import enum
import os
import sys
from typing import IO, List, Optional

import typer

from . import common
from .common import (EXIT_INPUT_ERROR, EXIT_OK, GuardedStream, Reporter, atomic_output, check_reference_date,
                     colour_allowed, interruption_exit, load_pipeline, quiet_stdout, stdout_stream, usage_error)
from .common import TIMEOUT_HELP, check_timeout, collection_paused

SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


class Format(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Rows(str, enum.Enum):
    entities = "entities"
    facts = "facts"


class StdinFormat(str, enum.Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


def resolve_format(fmt: Optional[str], output: Optional[str], stdout_is_terminal: bool,
                   rows: Optional[str] = None) -> str:
    """The output format: the one given; else from ``--output``'s suffix (a suffix that names no format is a
    usage error); else CSV when ``--rows`` is given; else table on a terminal and jsonl in a pipe.

    ``--rows`` with any format but CSV is a usage error.
    """
    if fmt:
        name = fmt
    elif output:
        suffix = os.path.splitext(output)[1].lower()
        if suffix not in SUFFIX_FORMATS:
            why = f"the suffix {suffix} names no format" if suffix else "a name without a suffix names no format"
            raise usage_error(f"--output {output}: {why}: end it in .jsonl, .json or .csv, or give --format")
        name = SUFFIX_FORMATS[suffix]
    elif rows:
        name = "csv"
    else:
        name = "table" if stdout_is_terminal else "jsonl"
    if rows and name != "csv":
        raise usage_error(f"--rows {rows} is for CSV output, not {name}: give --format csv, or leave --format "
                          "out")
    return name


def extract(
    paths: Optional[List[str]] = typer.Argument(
        None, metavar="PATH", show_default=False,
        help="Files, folders, glob patterns ('articles/*.txt') or - for stdin. A .jsonl file is a corpus of "
             '{"id", "text", "reference_date"} records. Default: - when stdin is not a terminal.'),
    fmt: Optional[Format] = typer.Option(
        None, "--format", "-f", case_sensitive=False, show_default=False,
        help="Output format. Default: from --output's suffix, else csv with --rows, else table on a terminal "
             "and jsonl in a pipe."),
    rows: Optional[Rows] = typer.Option(
        None, "--rows", case_sensitive=False, show_default=False,
        help="CSV rows: one per entity (the default) or one per agreement fact. Selects CSV when no format is "
             "named; with another format it is an error."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE",
        help="Write to FILE instead of stdout (- is stdout); FILE is replaced atomically, complete or not at "
             "all. Its suffix names the format (.jsonl, .ndjson, .json, .csv) unless --format is given."),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", "-r", metavar="YYYY-MM-DD", callback=check_reference_date,
        help="Anchor for relative dates ('Friday', 'last year'); overrides record and dateline dates."),
    model: Optional[str] = typer.Option(
        None, "--model", "-m", metavar="NAME_OR_PATH",
        help="An installed spaCy pipeline to run under the qfacts rules (default: the embedded rules only)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary (errors still shown)."),
    include_negated: bool = typer.Option(
        False, "--include-negated",
        help="Also output agreement facts that the text denies, refuses, calls off or ends, with the status "
             "denied, refused, failed or ended (default: such facts are left out)."),
    jobs: int = typer.Option(
        1, "--jobs", "-j", metavar="N", min=0,
        help="Extract on N processes (0: one per core); records still come out in input order."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", metavar="ADDRESS",
        help="Extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); needs "
             "qfacts[dask] here and qfacts on the workers. Records come out in input order."),
    stdin_format: StdinFormat = typer.Option(
        StdinFormat.auto, "--stdin-format", case_sensitive=False,
        help="How to read -: auto (JSON Lines when the first line is a JSON object, else one text), text or "
             "jsonl. JSON Lines are read and answered line by line."),
    timeout: Optional[float] = typer.Option(
        None, "--timeout", metavar="SECONDS", show_default=False, callback=check_timeout, help=TIMEOUT_HELP),
) -> None:
    """Extract organisations, places, dates, agreements and agreement facts from news texts.

    Writes one record per document: table on a terminal, JSON Lines in a pipe. Data goes to stdout, errors
    and progress to stderr.

    Examples:

    \b
        qfacts extract article.txt
        qfacts extract articles/ --format csv --rows facts -o facts.csv
        cat article.txt | qfacts extract - --reference-date 2025-05-19
        qfacts extract --format jsonl corpus.jsonl > predictions.jsonl
        qfacts extract --include-negated article.txt      (denied and called-off deals too)
        producer | qfacts extract --jobs 2 - | consumer      (JSON Lines in, one record out per line, in order)
        qfacts extract --scheduler tcp://10.0.0.5:8786 corpus.jsonl -o records.jsonl
        qfacts extract --timeout 30 --jobs 0 feeds/ -o records.jsonl   (a stuck document costs itself only)

    Exit codes: 0 all inputs processed; 1 some input failed (each named on stderr, the output for the others
    still written); 2 usage error (bad option, bad --reference-date, unloadable --model, --scheduler without
    dask or unreachable, --output suffix that names no format); 130 interrupted; 143 terminated.
    """
    if not paths:
        if common.is_terminal(sys.stdin):
            raise usage_error("no input: give a PATH, or - to read standard input (see qfacts extract --help)")
        paths = ["-"]
    if output == "-":
        output = None
    if output is not None:
        folder = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(folder):
            raise usage_error(f"--output {output}: folder {folder} does not exist")
        if os.path.isdir(output):
            raise usage_error(f"--output {output}: is a folder")
    stdout = stdout_stream()
    fmt_name = resolve_format(fmt.value if fmt else None, output, common.is_terminal(stdout),
                              rows.value if rows else None)
    if scheduler is not None and jobs != 1:
        raise usage_error("--jobs and --scheduler cannot be used together (the cluster sets the parallelism)")
    if timeout is not None and scheduler is not None:
        raise usage_error("--timeout is not available with --scheduler (set time limits on the cluster)")

    reporter = Reporter(quiet=quiet, progress_allowed=output is not None or not common.is_terminal(stdout))
    with contextlib.ExitStack() as stack:
        # the output file's folder is tried first: one that cannot hold it is an error before anything loads
        out = stack.enter_context(atomic_output(output)) if output is not None else None
        from ..pipeline import pipeline_overrides  # the pipeline and the rules load here, not for --help

        process = _processor(stack, model, jobs, scheduler, pipeline_overrides(include_negated=include_negated),
                             timeout)
        _extract_all(paths, out, stdout, fmt_name, rows.value if rows else "entities", reference_date,
                     stdin_format.value, process, reporter)
    reporter.summary()  # after the output file is in place
    if reporter.errors:
        raise typer.Exit(EXIT_INPUT_ERROR)


def _processor(stack: contextlib.ExitStack, model: Optional[str], jobs: int, scheduler: Optional[str],
               overrides: Optional[dict] = None, timeout: Optional[float] = None):
    """The function that turns the input items into ``(item, result)`` pairs: here, on processes or on Dask."""
    if scheduler is not None:
        return _dask_processor(stack, model, scheduler, overrides)
    with collection_paused():  # spaCy is imported here
        from ..parallel import extract_items

        load_pipeline(model, overrides)  # a bad --model is a usage error before any input is read
    return lambda items: extract_items(items, jobs=jobs, model=model, overrides=overrides, timeout=timeout)


def _dask_processor(stack: contextlib.ExitStack, model: Optional[str], scheduler: str,
                    overrides: Optional[dict] = None):
    from ..distributed import DaskMissing, connect, extract_items_on  # imports dask only when called

    try:
        client = connect(scheduler)
    except (DaskMissing, OSError) as exc:
        raise usage_error(f"--scheduler: {exc}") from None
    stack.callback(client.close)
    return lambda items: extract_items_on(items, client, model=model, overrides=overrides)


def _extract_all(paths: List[str], out: Optional[IO[str]], stdout: IO[str], fmt_name: str, rows: str,
                 reference_date: Optional[str], stdin_format: str, process, reporter: Reporter) -> None:
    """Run the extraction to ``out`` (the ``--output`` file's stream) or stdout, with errors and progress on
    stderr. A write that fails is an :class:`OutputError` (one line, exit code 1); a closed stdout pipe ends the
    run quietly with exit code 0."""
    try:
        if out is None:
            _run(paths, GuardedStream(stdout, "standard output"), fmt_name, rows, reference_date, stdin_format,
                 process, reporter, color=colour_allowed(stdout), stream=True)
        else:  # a temporary file renamed into place at the end: no reader sees it before, no flush per record
            _run(paths, out, fmt_name, rows, reference_date, stdin_format, process, reporter, color=False,
                 stream=False)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (Terminated): one line, exit 130 or 143
        raise interruption_exit(exc, reporter) from None
    except BrokenPipeError:
        reporter.close()
        quiet_stdout()
        raise typer.Exit(EXIT_OK) from None
    finally:
        reporter.close()


def _run(paths: List[str], out: IO[str], fmt: str, rows: str, reference_date: Optional[str], stdin_format: str,
         process, reporter: Reporter, *, color: bool, stream: bool) -> None:
    """Read, extract (``process``: here, on processes or on Dask) and write each record as soon as it is done.

    A document the extractor fails on is named on stderr; a bug in a rule must not lose the others' output.
    """
    from ..api import YEARLESS_DATELINE, stage_failures
    from ..io import InputError, read_inputs
    from ..parallel import WorkersLost, describe_error
    from ..render import make_writer

    writer = make_writer(fmt, out, rows=rows, color=color, stream=stream)
    writer.start()
    warned_year = False  # one warning per run for datelines without a year
    items = read_inputs(paths, reference_date=reference_date, stdin_format=stdin_format)
    try:
        for item, result in process(items):
            if isinstance(item, InputError):
                reporter.error(item.where, item.message)
                continue
            if isinstance(result, Exception):
                reporter.error(item.id, f"extraction failed: {describe_error(result)}")
            else:
                writer.write(result)
                for message in stage_failures(result):  # the record is written with what the other stages found
                    reporter.error(item.id, message)
                if result.reference_date_source == YEARLESS_DATELINE and not warned_year:
                    warned_year = True
                    reporter.warning(item.id, "the dateline gives no year; relative dates keep X parts "
                                              "(pass --reference-date YYYY-MM-DD)")
            reporter.document_done(item.id)
    except WorkersLost as exc:  # no worker process can be started any more: the records done so far are kept
        reporter.error("--jobs", str(exc))
    writer.finish()
