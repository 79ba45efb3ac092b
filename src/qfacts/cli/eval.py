"""The ``qfacts eval GOLD.jsonl [PRED.jsonl]`` command: precision, recall and F1 against a gold corpus.

The scoring is :mod:`qfacts.evaluate`; this module reads the files, runs the extraction when no predictions are
given, and prints the table (Rich on a terminal, plain aligned text in a pipe) or JSON.

Exit codes
----------
===  =====================================================================================================
0    both files read and scored
1    some line of a readable file was skipped (not JSON, not an object, no ``id``) or the extraction failed
     on a gold document; each is named on one line of stderr, and the scores of the rest are still printed
2    a record of GOLD or PRED of the wrong shape (FORMAT.md: agreements not a list, mentions null, offsets not
     integers or out of range, an unknown label, a missing ``end``, ...): each problem is one line of stderr
     (``FILE:LINE: mentions[0] has no "end"``) and no score is printed;
     usage error: GOLD or PRED missing, a folder, unreadable or not UTF-8; ``--where`` not FIELD=VALUE, or
     matching no gold document (the message names the field); ``--model`` that cannot be loaded, or given
     together with PRED; both GOLD and PRED ``-``
130  interrupted (143: terminated by SIGTERM)
===  =====================================================================================================
"""
from __future__ import annotations

import enum
import json
import os
import sys
from typing import IO, TYPE_CHECKING, List, Optional

import typer

from . import common
from .common import EXIT_INPUT_ERROR, EXIT_USAGE, Reporter, guarded_stdout, interruption_exit, load_pipeline, usage_error

if TYPE_CHECKING:
    from ..evaluate import Evaluation, Problem

COLUMNS = ("P", "R", "F1", "pred", "gold")


class EvalFormat(str, enum.Enum):
    table = "table"
    text = "text"
    json = "json"


def eval_(
    gold_path: str = typer.Argument(..., metavar="GOLD", show_default=False,
                                    help="Gold corpus, JSON Lines in the shared FORMAT.md (- for stdin)."),
    pred_path: Optional[str] = typer.Argument(
        None, metavar="PRED", show_default=False,
        help="Predictions, JSON Lines as 'qfacts extract --format jsonl' writes them (- for stdin). "
             "Without PRED, qfacts extracts from the gold texts itself."),
    fmt: Optional[EvalFormat] = typer.Option(
        None, "--format", "-f", case_sensitive=False, show_default=False,
        help="table (Rich), text (plain aligned columns) or json. Default: table on a terminal, text in a pipe."),
    where: Optional[List[str]] = typer.Option(
        None, "--where", "-w", metavar="FIELD=VALUE",
        help="Score only the gold documents whose FIELD has this value (repeatable; all must hold)."),
    errors: int = typer.Option(0, "--errors", "-e", min=0, metavar="N",
                               help="Also list the first N disagreements (misses, spurious, wrong values)."),
    model: Optional[str] = typer.Option(
        None, "--model", "-m", metavar="NAME_OR_PATH",
        help="Without PRED: an installed spaCy pipeline to run under the qfacts rules, as for extract."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar while extracting."),
) -> None:
    """Score predictions against a gold corpus: precision, recall and F1 per measure.

    Mention level, per annotated label: strict (same offsets), relaxed (overlap, one to one) and value (DATE
    TIMEX3 value, AGREEMENT type). Document level: orgs and places sets, agreements strict (same type and
    parties), relaxed (same type, one shared party), types, date. Without PRED, qfacts extracts from the gold
    texts first, each with the reference_date of its record.

    Examples:

    \b
        qfacts eval ../shared/corpora/seed/seed.jsonl
        qfacts extract --format jsonl gold.jsonl > pred.jsonl; qfacts eval gold.jsonl pred.jsonl --errors 20
        qfacts eval conll.jsonl pred.jsonl --where topic=sport --format json

    Exit codes: 0 scored; 1 some line skipped or a document's extraction failed (each named on stderr, the
    scores of the rest still printed); 2 a record of the wrong shape (each problem named on stderr as
    FILE:LINE, nothing scored) or usage error (GOLD or PRED unreadable, bad --where or one matching no gold
    document, bad --model, --model with PRED); 130 interrupted; 143 terminated.
    """
    from .. import evaluate  # the scorer loads here, not for --help

    if gold_path == "-" and pred_path == "-":
        raise usage_error("GOLD and PRED cannot both be - (standard input)")
    if model and pred_path is not None:
        raise usage_error("--model only applies when qfacts extracts itself (no PRED given)")
    try:
        conditions = [evaluate.parse_where(c) for c in where or ()]
    except ValueError as exc:
        raise usage_error(f"--where: {exc}") from None

    reporter = Reporter(quiet=quiet, progress_allowed=True)
    gold_all, invalid = _load(gold_path, "GOLD", "gold", reporter)
    if pred_path is not None:  # both files are checked before anything is scored: every bad record is named
        pred_loaded, pred_invalid = _load(pred_path, "PRED", "pred", reporter)
        invalid += pred_invalid
    if invalid:  # records of the wrong shape: scores without them would be wrong, so none are printed
        _report(invalid, reporter)
        raise typer.Exit(EXIT_USAGE)
    gold = evaluate.select(gold_all, conditions)
    if conditions and gold_all and not gold:
        raise usage_error(empty_selection(gold_all, conditions))
    try:
        if pred_path is None:
            predictions = _extract(gold, model, reporter)
        else:
            predictions = pred_loaded
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (Terminated): one line, exit 130 or 143
        raise interruption_exit(exc, reporter) from None
    finally:
        reporter.close()

    result = evaluate.evaluate(gold, predictions)
    stdout = guarded_stdout()  # a full disk: one line naming standard output, exit code 1
    fmt_name = fmt.value if fmt else ("table" if common.is_terminal(stdout) else "text")
    header = {"gold": gold_path, "predictions": pred_path, "model": model if pred_path is None else None,
              "where": dict(conditions)}
    if fmt_name == "json":
        stdout.write(json.dumps({**header, **result.to_dict(findings=errors)}, ensure_ascii=False, indent=1) + "\n")
    elif fmt_name == "text":
        stdout.write(format_text(result, errors))
    else:
        print_table(result, errors, stdout, title=f"{gold_path} vs {pred_path or 'qfacts ' + (model or 'rules')}")
    stdout.flush()
    if reporter.errors:
        raise typer.Exit(EXIT_INPUT_ERROR)


def empty_selection(gold: dict, conditions: List[tuple[str, str]], shown: int = 8) -> str:
    """Why ``--where`` selected no gold document, naming the field: absent from every document, or never with
    that value (with the values it has), or each condition met but never all together."""
    for key, value in conditions:
        values = sorted({str(doc[key]) for doc in gold.values() if key in doc})
        if not values:
            fields = sorted({field for doc in gold.values() for field in doc})
            listed = ", ".join(fields[:shown]) + (", ..." if len(fields) > shown else "")
            return f"--where {key}={value}: no gold document has a field {key!r} (fields: {listed})"
        if value not in values:
            listed = ", ".join(values[:shown]) + (", ..." if len(values) > shown else "")
            return f"--where {key}={value}: no gold document has {key} {value!r} ({key} values: {listed})"
    wanted = " and ".join(f"{key}={value}" for key, value in conditions)
    return f"--where: no gold document has {wanted} together"


def _load(path: str, what: str, kind: str, reporter: Reporter) -> tuple[dict[str, dict], list[Problem]]:
    """Records by id and the problems of the records of the wrong shape (exit 2 later); lines that are no JSON
    object with an id are reported (exit 1 later); an unreadable file is a usage error (exit 2)."""
    from .. import evaluate

    if path != "-" and os.path.isdir(path):
        raise usage_error(f"{what} {path}: is a folder, not a JSON Lines file")
    try:
        if path == "-":
            loaded = evaluate.read_records(_stdin(), kind, "-")
        else:
            loaded = evaluate.read_records(path, kind)
    except UnicodeDecodeError as exc:
        raise usage_error(f"{what} {path}: not UTF-8 (bad byte at offset {exc.start})") from None
    except OSError as exc:
        raise usage_error(f"{what} {path}: {exc.strerror or exc}") from None
    _report(loaded.problems, reporter)
    return loaded.documents, loaded.invalid


def _extract(gold: dict, model: Optional[str], reporter: Reporter) -> dict[str, dict]:
    from .. import evaluate

    nlp = load_pipeline(model)
    predictions, problems = evaluate.predict(gold, nlp=nlp, on_document=reporter.document_done)
    _report(problems, reporter)
    return predictions


def _report(problems: List[Problem], reporter: Reporter) -> None:
    for problem in problems:
        reporter.error(problem.where, problem.message)


def _stdin() -> IO[str]:
    stream = sys.stdin
    if hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(encoding="utf-8")
        except (ValueError, OSError):  # already read from, or not a real stream: read it as it is
            pass
    return stream


def _figures(score) -> list[str]:
    return [f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}", str(score.predicted),
            str(score.gold)]


def _summary(result: Evaluation) -> str:
    plural = "" if result.documents == 1 else "s"
    return f"{result.documents} gold document{plural}, {result.without_prediction} without a prediction"


def format_text(result: Evaluation, errors: int = 0) -> str:
    """The scores as plain aligned columns (measure, P, R, F1, pred, gold), then the first ``errors`` findings."""
    width = max([len("measure")] + [len(s.measure) for s in result.scores]) + 2
    lines = [_summary(result), f"{'measure':<{width}}" + "".join(f"{c:>8}" for c in COLUMNS)]
    lines += [f"{s.measure:<{width}}" + "".join(f"{v:>8}" for v in _figures(s)) for s in result.scores]
    if errors and result.findings:
        lines += [""] + [f"  {finding}" for finding in result.findings[:errors]]
    return "\n".join(lines) + "\n"


def print_table(result: Evaluation, errors: int, out: IO[str], title: str) -> None:
    """A Rich table, mention-level measures then document-level ones, for a terminal."""
    colour = common.colour_allowed(out)
    from rich.table import Table
    from rich.text import Text

    from ..render import PipeConsole  # a closed pipe (| head) is a BrokenPipeError, not Rich's exit 1

    console = PipeConsole(file=out, highlight=False, emoji=False, no_color=not colour,
                      force_terminal=True if colour else None)
    table = Table(title=title, caption=_summary(result), show_edge=False, pad_edge=False, expand=False)
    table.add_column("level", style="dim", no_wrap=True)
    table.add_column("measure", style="bold", no_wrap=True)
    for column in COLUMNS:
        table.add_column(column, justify="right", style="cyan" if column == "F1" else None, no_wrap=True)
    previous = None
    for score in result.scores:
        if previous is not None and score.level != previous:
            table.add_section()
        table.add_row(score.level if score.level != previous else "", score.measure, *_figures(score))
        previous = score.level
    console.print(table)
    for finding in result.findings[:errors]:
        console.print(Text(f"  {finding}", style="dim"))
