"""The ``qfacts graph`` command: draw the agreement network of one or many articles.

Thin like the rest of the CLI: inputs are read by :func:`qfacts.graph.read_graph_inputs` (texts are
extracted; saved ``qfacts extract`` output is used as it is), the graph is built and written by
:mod:`qfacts.graph`. Errors follow ``qfacts extract``: one line on stderr per bad input, the others still
graphed, exit code 1; usage errors exit with 2.
"""
from __future__ import annotations

import enum
import os
import sys
from typing import TYPE_CHECKING, List, Optional

import typer

from . import common
from .common import (EXIT_INPUT_ERROR, PROG, GuardedStream, Reporter, atomic_output, check_reference_date,
                     interruption_exit, load_pipeline, probe_output, stdout_stream, usage_error)

if TYPE_CHECKING:
    from ..api import Document


class GraphFormat(str, enum.Enum):
    png = "png"
    svg = "svg"
    graphml = "graphml"
    gexf = "gexf"
    dot = "dot"
    mmd = "mmd"


def graph(
    paths: Optional[List[str]] = typer.Argument(
        None, metavar="PATH", show_default=False,
        help="Articles (files, folders, globs, - for stdin, .jsonl corpora) or saved 'qfacts extract' output "
             "(JSON Lines or a JSON array of records), used without extracting again. Default: - when stdin "
             "is not a terminal."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE",
        help="Write to FILE (.png, .svg, .graphml, .gexf, .dot, .mmd picks the format; PNG and SVG need "
             "pip install 'qfacts[graph]'); replaced atomically. "
             "Default: stdout, with --format."),
    fmt: Optional[GraphFormat] = typer.Option(
        None, "--format", "-f", case_sensitive=False, show_default=False,
        help="Output format (default: from --output's suffix)."),
    types: Optional[List[str]] = typer.Option(
        None, "--type", "-t", metavar="TYPE",
        help="Keep facts of this agreement type (repeatable): memorandum_of_understanding, 'joint research', "
             "MOU..."),
    since: Optional[str] = typer.Option(
        None, "--since", metavar="DATE", help="Keep facts dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(
        None, "--until", metavar="DATE", help="Keep facts dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
    parties: Optional[List[str]] = typer.Option(
        None, "--party", "-p", metavar="NAME",
        help="Keep facts naming this party (repeatable; aliases and case do not matter)."),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", "-r", metavar="YYYY-MM-DD", callback=check_reference_date,
        help="Anchor for relative dates of the articles extracted ('Friday')."),
    model: Optional[str] = typer.Option(
        None, "--model", "-m", metavar="NAME_OR_PATH",
        help="An installed spaCy pipeline to run under the qfacts rules (default: the embedded rules only)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary (errors still shown)."),
) -> None:
    """Draw the network of agreement facts: organisations and places joined by who agreed what, when.

    Nodes are the parties, merged across documents by canonical name and aliases, coloured by type; edges
    are facts labelled "type · date", thicker where several facts join the same parties. Facts with no
    known date are left out by --since and --until.

    Examples:

    \b
        qfacts graph article.txt -r 2025-05-19 -o network.png
        qfacts graph articles/ --type MOU --since 2024 -o network.graphml
        qfacts extract corpus.jsonl > facts.jsonl; qfacts graph facts.jsonl --party Daejeon -o daejeon.svg

    Exit codes: 0 all inputs graphed; 1 some input failed (each named on stderr, the graph of the others still
    written); 2 usage error (bad option, type or date, unknown format, PNG or SVG without the graph extra,
    unloadable --model); 130 interrupted; 143 terminated.
    """
    from .. import graph as qgraph  # the graph model loads here, not for --help

    fmt_name = _format(output, fmt)
    type_list = _types(types or [])
    for name, value in (("--since", since), ("--until", until)):
        if value is not None:
            try:
                qgraph.parse_bound(value)
            except ValueError as exc:
                raise usage_error(f"{name}: {exc}") from None
    if since and until and qgraph.parse_bound(since) > qgraph.parse_bound(until, end=True):
        raise usage_error(f"--since {since} is after --until {until}")
    if not paths:
        if common.is_terminal(sys.stdin):
            raise usage_error("no input: give a PATH, or - to read standard input (see qfacts graph --help)")
        paths = ["-"]
    reporter = Reporter(quiet=quiet, progress_allowed=True)
    try:
        records = _records(paths, reference_date, model, reporter)
        network = qgraph.build_graph(records, types=type_list, since=since, until=until, parties=parties or ())
        data = qgraph.render(network, fmt_name)
        _write(data, output)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (Terminated): one line, exit 130 or 143
        raise interruption_exit(exc, reporter) from None
    finally:
        reporter.close()
    facts = network.graph.get("facts", 0)
    if not facts and not quiet:
        filtered = " left by the filters" if types or since or until or parties else ""
        reporter.note(f"{PROG}: note: no agreement facts{filtered}; the graph is empty")
    if not quiet and common.is_terminal(sys.stderr):
        reporter.note(f"{PROG}: {len(records)} document{'s' if len(records) != 1 else ''}, "
                      f"{network.number_of_nodes()} parties, {facts} facts" + (f" -> {output}" if output else ""),
                      style="dim")
    if reporter.errors:
        raise typer.Exit(EXIT_INPUT_ERROR)


def _format(output: Optional[str], fmt: Optional[GraphFormat]) -> str:
    from .. import graph as qgraph

    if output is not None:
        folder = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(folder):
            raise usage_error(f"--output {output}: folder {folder} does not exist")
        if os.path.isdir(output):
            raise usage_error(f"--output {output}: is a folder")
        probe_output(output)  # a folder that cannot hold the file: exit 2 before any input is read
    elif fmt is None:
        raise usage_error("give --output FILE (its suffix names the format) or --format")
    try:
        name = qgraph.format_for(output, fmt.value if fmt else None)
    except ValueError as exc:
        raise usage_error(f"--output: {exc}") from None
    if output is None and name == "png" and common.is_terminal(sys.stdout):
        raise usage_error("will not write a PNG to a terminal: use --output FILE or a pipe")
    try:
        qgraph.require_pictures(name)  # before any extraction
    except qgraph.MissingExtra as exc:
        raise usage_error(str(exc)) from None
    return name


def _types(values: List[str]) -> List[str]:
    from .. import graph as qgraph

    out = []
    for value in values:
        try:
            out.append(qgraph.normalise_type(value))
        except ValueError as exc:
            raise usage_error(f"--type: {exc}") from None
    return out


def _records(paths: List[str], reference_date: Optional[str], model: Optional[str],
             reporter: Reporter) -> list[dict]:
    """Every input's record dict: saved records as they are, texts extracted (the pipeline loads on the
    first text). Bad inputs are reported and skipped."""
    from .. import graph as qgraph
    from ..io import InputError

    records: list[dict] = []
    nlp = None
    for item in qgraph.read_graph_inputs(paths, reference_date=reference_date):
        if isinstance(item, InputError):
            reporter.error(item.where, item.message)
            continue
        if isinstance(item, dict):
            records.append(item)
            reporter.document_done(str(item.get("id", "")))
            continue
        if nlp is None:
            nlp = load_pipeline(model)
        record = _extract(item, nlp, reporter)
        if record is not None:
            records.append(record)
        reporter.document_done(item.id)
    return records


def _extract(document: Document, nlp, reporter: Reporter) -> Optional[dict]:
    """One document's record dict, or None (reported) if the extractor fails on it."""
    from ..api import stage_failures
    from ..parallel import describe_error, guarded_extract

    result = guarded_extract(document, nlp)  # a bug in a rule (or a MemoryError) must not lose the others' facts
    if isinstance(result, Exception):
        reporter.error(document.id, f"extraction failed: {describe_error(result)}")
        return None
    for message in stage_failures(result):  # the record keeps what the other stages found
        reporter.error(document.id, message)
    return result.to_dict()


def _write(data: bytes, output: Optional[str]) -> None:
    if output is None:
        GuardedStream(stdout_stream(), "standard output").write_bytes(data)
        return
    with atomic_output(output) as fh:
        fh.write_bytes(data)
