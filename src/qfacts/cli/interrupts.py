"""Ctrl-C and SIGTERM: one line on stderr and exit code 130 or 143, at any moment, start-up included.

:func:`handle_sigterm` makes SIGTERM raise :class:`Terminated` (a ``KeyboardInterrupt``) in the main thread,
so whatever Ctrl-C cleans up is cleaned up on SIGTERM too: the temporary file of ``--output`` is removed, the
old file stays as it was, worker processes are stopped. This module imports nothing heavy, so the handler is
in place before Typer, Rich or spaCy start loading.
"""
from __future__ import annotations

import os
import signal
import sys

PROG = "qfacts"
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # 128 + SIGTERM, what a shell reports for a process SIGTERM ended


class Terminated(KeyboardInterrupt):
    """The process received SIGTERM; raised where the main thread was, like Ctrl-C's KeyboardInterrupt."""


_owner_pid = None

signalled = None
"""The last SIGINT or SIGTERM this process received, set by the handlers before they raise: a
``KeyboardInterrupt`` raised where a library swallows it (a finaliser, a callback during an import) still ends
the run with its line and exit code (:func:`main` reads it at the end)."""


def _on_sigterm(signum, frame):  # pragma: no cover - runs in a real process (tests use subprocesses)
    global signalled
    if os.getpid() != _owner_pid:
        # a forked worker process inherited the handler: die of the signal as if it had never been set
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    signalled = signal.SIGTERM
    raise Terminated()


def _on_sigint(signum, frame):  # pragma: no cover - runs in a real process (tests use subprocesses)
    global signalled
    if os.getpid() == _owner_pid:
        signalled = signal.SIGINT
    raise KeyboardInterrupt()


def handle_sigterm() -> None:
    """Turn SIGTERM into :class:`Terminated` in this process (not in the processes it forks later)."""
    global _owner_pid, _previous_unraisablehook
    _owner_pid = os.getpid()
    try:
        if sys.unraisablehook is not _quiet_unraisable:
            _previous_unraisablehook = sys.unraisablehook
            sys.unraisablehook = _quiet_unraisable
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not where SIGINT is ignored
            signal.signal(signal.SIGINT, _on_sigint)
        signal.signal(signal.SIGTERM, _on_sigterm)  # last: a SIGTERM handler in place means both are
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM on this platform
        pass


_previous_unraisablehook = sys.unraisablehook


def _quiet_unraisable(unraisable) -> None:  # pragma: no cover - runs in a real process
    """Python reports an exception raised where it cannot propagate (a weakref callback of the import system,
    a finaliser) as "Exception ignored in ...". A Ctrl-C or SIGTERM landing there is not lost (the handler
    recorded it: :func:`lost_interruption`), so it is not reported as a traceback; anything else is."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt) and signalled is not None:
        return
    _previous_unraisablehook(unraisable)


def lost_interruption() -> BaseException | None:
    """The interruption a signal handler raised that nothing reported (a library swallowed it), or None."""
    if signalled is None or received is not None:
        return None
    return Terminated() if signalled == signal.SIGTERM else KeyboardInterrupt()


received = None
"""The signal (SIGINT or SIGTERM) whose one line was written, for :func:`exit_by_signal` at the very end."""


def interruption(exc: BaseException) -> int:
    """Write the one line for a Ctrl-C or SIGTERM and return the exit code (130 or 143)."""
    global received
    terminated = isinstance(exc, Terminated)
    received = signal.SIGTERM if terminated else signal.SIGINT
    try:
        sys.stderr.write(f"{PROG}: {'terminated' if terminated else 'interrupted'}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED


def exit_by_signal(signum: int) -> None:  # pragma: no cover - ends the process
    """End the process with exit code 128 + the signal (130 for Ctrl-C, 143 for SIGTERM), the codes the README
    documents, once everything is cleaned up and its line written.

    The code is an exit status, not a death by the signal, so a caller (a CI job, Python's ``subprocess``)
    reads 130 or 143 whatever runs it. The price: a bash loop (``for f in *.txt; do qfacts extract "$f"; done``)
    sees a child that handled Ctrl-C and goes on with the next file; ``|| break`` in the loop stops it.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    raise SystemExit(128 + int(signum))
