"""What every qfacts command shares: exit codes, terminal tests, the stderr reporter, usage errors, atomic
``--output`` files, the UTF-8 stdout stream, the pipeline loader and the ``--reference-date`` check.

Nothing here imports spaCy, the pipeline or the rules at module level: ``qfacts --help``, ``--version`` and
``qfacts schema`` never load them, and each command imports what it runs when it runs.

The command modules (:mod:`.extract`, :mod:`.check`, :mod:`.eval`, :mod:`.graph`, :mod:`.schema`) import from
here and never from :mod:`.application`, which imports them to register the commands: no import circle.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from typing import IO, Iterator, Optional

import typer
from rich.console import Console
from rich.text import Text

PROG = "qfacts"

EXIT_OK = 0
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def colour_allowed(stream: IO[str]) -> bool:
    return is_terminal(stream) and not os.environ.get("NO_COLOR")


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[IO[str]]:
    """A text stream whose content replaces ``path`` only when the block ends without an exception.

    The data goes to a temporary file in the same folder, renamed over ``path`` with ``os.replace`` at the
    end; on any exception (KeyboardInterrupt included) the temporary file is removed and ``path`` is untouched.
    """
    target = os.path.abspath(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp",
                               dir=os.path.dirname(target))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def stdout_stream() -> IO[str]:
    out = sys.stdout
    encoding = (getattr(out, "encoding", None) or "").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and hasattr(out, "reconfigure"):
        with contextlib.suppress(Exception):
            out.reconfigure(encoding="utf-8")
    return out


class Reporter:
    """Everything that goes to stderr: one-line errors, the progress bar and the summary."""

    def __init__(self, quiet: bool, progress_allowed: bool) -> None:
        self.console = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False,
                               no_color=not colour_allowed(sys.stderr))
        self.quiet = quiet
        self.progress_allowed = progress_allowed and not quiet and is_terminal(sys.stderr)
        self.progress = None
        self.task = None
        self.documents = 0
        self.errors = 0

    def error(self, where: str, message: str) -> None:
        self.errors += 1
        line = Text(f"{PROG}: ")
        line.append("error", style="bold red")
        line.append(f": {where}: {message}")
        self.console.print(line)

    def document_done(self, doc_id: str) -> None:
        self.documents += 1
        if self.progress_allowed and self.progress is None and self.documents >= 2:
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.progress = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), BarColumn(),
                                     TimeElapsedColumn(), TextColumn("{task.description}"),
                                     console=self.console, transient=True)
            self.task = self.progress.add_task("", total=None, completed=self.documents)
            self.progress.start()
        if self.progress is not None:
            self.progress.update(self.task, completed=self.documents, description=doc_id[-60:])

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def summary(self) -> None:
        if self.quiet or not is_terminal(sys.stderr):
            return
        text = f"{PROG}: {self.documents} document{'s' if self.documents != 1 else ''}"
        if self.errors:
            text += f", {self.errors} error{'s' if self.errors != 1 else ''}"
        self.console.print(Text(text, style="dim"))


def usage_error(message: str) -> typer.Exit:
    Console(stderr=True, highlight=False, soft_wrap=True, no_color=not colour_allowed(sys.stderr)).print(
        Text(f"{PROG}: error: {message}"))
    return typer.Exit(EXIT_USAGE)


def load_pipeline(model: Optional[str], overrides=None):
    """The process's pipeline for ``--model`` (and component overrides); one that cannot be loaded is a usage
    error."""
    from ..pipeline import ModelError, get_pipeline

    try:
        return get_pipeline(model, overrides)
    except ModelError as exc:
        raise usage_error(f"--model: {exc}") from None


def check_reference_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from ..api import parse_reference_date

    try:
        parse_reference_date(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)") from None
    return value
