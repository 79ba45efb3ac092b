"""What every qfacts command shares: exit codes, terminal tests, the stderr reporter, usage errors, atomic
``--output`` files, the UTF-8 stdout stream, the pipeline loader and the ``--reference-date`` check.

Nothing here imports spaCy, the pipeline or the rules at module level: ``qfacts --help``, ``--version`` and
``qfacts schema`` never load them, and each command imports what it runs when it runs.

The command modules (:mod:`.extract`, :mod:`.check`, :mod:`.eval`, :mod:`.graph`, :mod:`.schema`) import from
here and never from :mod:`.application`, which imports them to register the commands: no import circle.
"""
from __future__ import annotations

import contextlib
import gc
import os
import stat
import sys
import tempfile
from typing import IO, Iterator, Optional

import typer
from .interrupts import EXIT_INTERRUPTED, EXIT_TERMINATED, PROG, Terminated, interruption

EXIT_OK = 0
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2

__all__ = ["EXIT_INTERRUPTED", "EXIT_TERMINATED", "Terminated"]  # re-exported for the command modules


def is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def colour_allowed(stream: IO[str]) -> bool:
    return is_terminal(stream) and not os.environ.get("NO_COLOR")


class OutputError(Exception):
    """Writing the output failed: a folder that cannot hold the file, a full disk, an I/O error.

    ``early`` is true when it was known before any input was read (exit code 2, a usage error); otherwise
    the run stops there (exit code 1). The message names the path and the reason in one line.
    """

    def __init__(self, message: str, early: bool = False) -> None:
        super().__init__(message)
        self.early = early

    @property
    def exit_code(self) -> int:
        return EXIT_USAGE if self.early else EXIT_INPUT_ERROR


def os_reason(exc: OSError) -> str:
    """``no space left on device``: an OSError's reason in lower case, without the path."""
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


class GuardedStream:
    """A text stream whose write errors become :class:`OutputError` naming ``where`` ("standard output",
    "--output out.jsonl"); a closed pipe stays a BrokenPipeError (the reader left: not an error)."""

    def __init__(self, stream: IO[str], where: str, after: str = "") -> None:
        self._stream = stream
        self._where = where
        self._after = after

    def _fail(self, exc: OSError) -> OutputError:
        return OutputError(f"{self._where}: {os_reason(exc)}{self._after}")

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None

    def write_bytes(self, data: bytes) -> None:
        """Binary data (a PNG) through the stream's buffer, with the same error handling."""
        try:
            self._stream.flush()
            self._stream.buffer.write(data)  # type: ignore[attr-defined]
            self._stream.buffer.flush()  # type: ignore[attr-defined]
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


_TEMP_NAME_CHARS = 100  # of the target's name in the temporary file's, so that a long valid name still fits


def probe_output(path: str, option: str = "--output") -> None:
    """Raise an early :class:`OutputError` (exit code 2) now if ``path``'s folder cannot hold a new file, so a
    command that writes at the end says so before reading any input."""
    target = os.path.realpath(path)
    if os.path.exists(target) and not os.path.isfile(target):
        return
    folder = os.path.dirname(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)[:_TEMP_NAME_CHARS]}.", suffix=".tmp",
                                   dir=folder)
    except OSError as exc:
        raise OutputError(f"{option} {path}: cannot create a file in {folder}: {os_reason(exc)}",
                          early=True) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(tmp)


@contextlib.contextmanager
def atomic_output(path: str, option: str = "--output") -> Iterator[GuardedStream]:
    """A text stream whose content replaces ``path`` only when the block ends without an exception.

    The data goes to a temporary file in the same folder, renamed over ``path`` with ``os.replace`` at the
    end; on any exception (KeyboardInterrupt and SIGTERM's :class:`Terminated` included) the temporary file is
    removed and ``path`` is untouched. A ``path`` that exists and is no regular file (``/dev/null``, a FIFO) is
    written in place. A symbolic link stays a link: the file it points to is the one replaced (in its own
    folder), as when a shell redirects into the link. A file replaced keeps its permission bits; a new one gets
    the usual ``0o666`` less the umask. A folder that cannot hold the temporary file is an :class:`OutputError`
    with ``early`` set (raised before the block runs, so before any input is read); a write, flush or rename
    that fails (a full disk) is an :class:`OutputError` naming ``path`` and the reason. ``option`` names the
    option in messages (``--expect`` for a snapshot).
    """
    target = os.path.realpath(path)  # through symbolic links: the link is kept, its file replaced
    folder = os.path.dirname(target)
    name = os.path.basename(target)
    existed = os.path.exists(target)
    if existed and not os.path.isfile(target):  # /dev/null, /dev/stdout, a FIFO: written in place, never replaced
        yield from _special_output(path, option)
        return
    after = f"; {path} is left as it was" if existed else f"; {path} not written"
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name[:_TEMP_NAME_CHARS]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{option} {path}: cannot create a file in {folder}: {os_reason(exc)}",
                          early=True) from None
    fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
    guarded = GuardedStream(fh, f"{option} {path}", after)
    try:
        yield guarded
    except BaseException:
        _discard(fh, tmp)
        raise
    try:
        guarded.flush()
        os.fsync(fh.fileno())
        fh.close()  # may write the last buffered bytes
        os.chmod(tmp, _mode_of(target) if existed else 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        _discard(fh, tmp)
        raise OutputError(f"{option} {path}: {os_reason(exc)}{after}") from None
    except BaseException:
        _discard(fh, tmp)
        raise


def _mode_of(path: str) -> int:
    """The permission bits of ``path`` (the file being replaced), or the new-file default if it is gone."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _special_output(path: str, option: str) -> Iterator[GuardedStream]:
    """A device or FIFO given as ``--output``: opened and written as it is (renaming a file over it would
    replace ``/dev/null`` itself)."""
    try:
        fh = open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(f"{option} {path}: {os_reason(exc)}", early=True) from None
    guarded = GuardedStream(fh, f"{option} {path}")
    try:
        yield guarded
        guarded.flush()
        fh.close()
    except OSError as exc:
        raise OutputError(f"{option} {path}: {os_reason(exc)}") from None
    finally:
        with contextlib.suppress(OSError, ValueError):
            fh.close()  # after a failure: what is still buffered cannot be written either


def _discard(fh: IO[str], tmp: str) -> None:
    """Close (losing what is buffered) and remove a temporary file; errors are beside the point by now."""
    with contextlib.suppress(OSError, ValueError):
        fh.close()
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def quiet_stdout() -> None:
    """Nobody reads stdout any more (a closed pipe): point it at /dev/null so the interpreter's final flush
    stays quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def guarded_stdout() -> GuardedStream:
    """:func:`stdout_stream` whose write errors (a full disk) are :class:`OutputError` naming "standard output":
    one line and exit code 1 instead of a traceback, for the commands that write their result at the end."""
    return GuardedStream(stdout_stream(), "standard output")


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
        self._console = None  # made (and Rich loaded) on the first line to print: a clean run never needs it
        self.quiet = quiet
        self.progress_allowed = progress_allowed and not quiet and is_terminal(sys.stderr)
        self.progress = None
        self.task = None
        self.documents = 0
        self.errors = 0

    @property
    def console(self):
        """The Rich console on stderr (Rich loads here, when there is something to print)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False,
                                    no_color=not colour_allowed(sys.stderr))
        return self._console

    def error(self, where: str, message: str) -> None:
        self.errors += 1
        from rich.text import Text

        line = Text(f"{PROG}: ")
        line.append("error", style="bold red")
        line.append(f": {where}: {message}")
        self.console.print(line)

    def warning(self, where: str, message: str) -> None:
        """One warning line (not counted as an error: the exit code does not change); none with --quiet."""
        if self.quiet:
            return
        from rich.text import Text

        line = Text(f"{PROG}: ")
        line.append("warning", style="yellow")
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
        self.note(text, style="dim")

    def note(self, text: str, style: Optional[str] = None) -> None:
        """One line on stderr, as it is (no Rich markup), in ``style`` when colour is allowed."""
        from rich.text import Text

        self.console.print(Text(text, style=style or ""))


def print_error(message: str) -> None:
    """``qfacts: error: MESSAGE`` on stderr, one line."""
    from rich.console import Console
    from rich.text import Text

    Console(stderr=True, highlight=False, soft_wrap=True, no_color=not colour_allowed(sys.stderr)).print(
        Text(f"{PROG}: error: {message}"))


def usage_error(message: str) -> typer.Exit:
    """Print a usage error and return the exit (code 2) to raise: ``raise usage_error("...")``."""
    print_error(message)
    return typer.Exit(EXIT_USAGE)


def interruption_exit(exc: BaseException, reporter: Optional["Reporter"] = None) -> typer.Exit:
    """After Ctrl-C (or SIGTERM, :class:`Terminated`): stop the progress bar, print one line, and return the exit
    (130, or 143 for SIGTERM) to raise."""
    if reporter is not None:
        reporter.close()
    return typer.Exit(interruption(exc))


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while spaCy and the pipeline load, then every object made so far moved to the
    collector's permanent generation (:func:`gc.freeze`).

    Start-up makes hundreds of thousands of objects that live as long as the command (spaCy's modules, the
    gazetteers); the collector's passes over them while they are made free nothing and cost about 0.2 s of CPU
    (15% of a one-article ``qfacts extract``), and frozen they are not walked again by later collections."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load_pipeline(model: Optional[str], overrides=None):
    """The process's pipeline for ``--model`` (and component overrides); one that cannot be loaded is a usage
    error. Loaded with the collector paused (:func:`collection_paused`)."""
    with collection_paused():
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


def check_timeout(value: Optional[float]) -> Optional[float]:
    """``--timeout``: a number of seconds above 0 (not 0, not negative, not nan), or None for no limit."""
    if value is not None and not value > 0:  # (not > 0 is also true of nan)
        raise usage_error(f"--timeout {value:g}: give a number of seconds above 0")
    return value


TIMEOUT_HELP = ("Give up on a document after SECONDS (it is named on stderr, the others go on). Default: no "
                "limit.")
