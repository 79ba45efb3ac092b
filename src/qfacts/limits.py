"""A time limit per document, so one pathological text cannot hold a run for ever.

:func:`time_limit` stops the extraction of one document after ``seconds`` by raising :class:`DocumentTimeout` in
the main thread (``SIGALRM`` through ``setitimer``): it stops work done in Python, which is where the rules run.
Work stuck in compiled code for good is stopped by :func:`hard_limit`, which ends the whole process: only a worker
process (``--jobs``) uses it, and the supervisor replaces the worker and names the document (see
:mod:`qfacts.parallel`).

:class:`DocumentTimeout` derives from ``BaseException`` so that no ``except Exception`` on the way (a component's
guard, a library's) takes it for an ordinary error and carries on with the same document.

>>> with time_limit(5.0):
...     record = extract_or_error(document, nlp)
"""
from __future__ import annotations

import contextlib
import faulthandler
import os
import signal
import threading
from typing import Iterator, Optional


class DocumentTimeout(BaseException):
    """The extraction of one document took longer than its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds

    def __str__(self) -> str:
        return f"stopped after {format_seconds(self.seconds)} s (the time limit per document)"


def format_seconds(seconds: float) -> str:
    return f"{seconds:g}"


_armed: Optional[float] = None  # the limit of the document now under a time limit, None between documents
_installed = False


def _on_alarm(signum, frame) -> None:
    if _armed is not None:  # an alarm that arrives after its document was done is ignored
        raise DocumentTimeout(_armed)


def supported() -> bool:
    """Whether :func:`time_limit` can stop work here: a platform with ``setitimer``, in the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block if it runs longer than ``seconds`` (None or 0: no limit;
    outside the main thread or without ``setitimer``, no limit either)."""
    global _armed, _installed
    if not seconds or not supported():
        yield
        return
    if not _installed:  # once per process: a handler that is idle between documents
        signal.signal(signal.SIGALRM, _on_alarm)
        _installed = True
    _armed = seconds
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        _armed = None  # first: an alarm delivered from here on is ignored
        signal.setitimer(signal.ITIMER_REAL, 0)


@contextlib.contextmanager
def hard_limit(seconds: Optional[float]) -> Iterator[None]:
    """End this process (exit status 1, from a thread that needs no interpreter lock) if the block runs longer
    than ``seconds``: the last resort for work stuck in compiled code, for worker processes only."""
    global _sink
    if not seconds:
        yield
        return
    if _sink is None:  # no traceback dump on stderr: the parent names the document (opened once per process)
        _sink = open(os.devnull, "w")
    faulthandler.dump_traceback_later(seconds, exit=True, file=_sink)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


_sink = None  # the null device the watchdog writes to
