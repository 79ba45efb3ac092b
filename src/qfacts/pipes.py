"""Opening an input file without ever blocking for ever on a FIFO that has no writer.

:func:`open_input` is how qfacts opens what it reads (``extract``/``check``/``graph`` inputs, ``eval`` gold and
predictions, ``check --expect`` snapshots). A regular file opens as usual. A FIFO (a named pipe, or
``/dev/fd/N`` from a shell's ``<(...)``) is opened without blocking and read as a pipe as soon as it has a
writer; one that gets no writer within :func:`fifo_wait` seconds (``$QFACTS_FIFO_WAIT``, default 10) raises
:class:`NoWriter`, an :class:`OSError` whose message is one line, so the caller names it like any unreadable
input. Standard library only: the light commands (``eval``) stay light.
"""
from __future__ import annotations

import os
import select
import stat
import time
from typing import BinaryIO, Optional

__all__ = ["FIFO_WAIT", "FIFO_WAIT_ENV", "NoWriter", "fifo_wait", "open_input", "read_input_bytes"]

FIFO_WAIT = 10.0
"""Seconds a FIFO named as an input may take to get a writer (``QFACTS_FIFO_WAIT`` overrides it)."""
FIFO_WAIT_ENV = "QFACTS_FIFO_WAIT"
_FIFO_POLL_MS = 50


class NoWriter(OSError):
    """A FIFO named as an input got no writer within the wait (:data:`FIFO_WAIT`)."""


def fifo_wait() -> float:
    """How long a FIFO input may wait for a writer: ``$QFACTS_FIFO_WAIT`` seconds if it is a number >= 0, else
    :data:`FIFO_WAIT`."""
    try:
        value = float(os.environ.get(FIFO_WAIT_ENV, ""))
    except ValueError:
        return FIFO_WAIT
    return value if value >= 0 else FIFO_WAIT


def open_input(path: str, wait: Optional[float] = None) -> tuple[BinaryIO, bytes]:
    """Open ``path`` for reading in binary, never blocking for ever on a FIFO: ``(stream, first_bytes)``, where
    ``first_bytes`` were read before ``stream`` and come first.

    A regular file opens as usual. A FIFO (a named pipe, or ``/dev/fd/N`` from a shell's ``<(...)``) is opened
    without blocking, then: data there, or a writer connected (even a silent one), or a writer that came and
    left, and it is read as a pipe, to its end; no writer within ``wait`` seconds (default :func:`fifo_wait`)
    raises :class:`NoWriter`. Raises :class:`OSError` as ``open`` does.
    """
    nonblock = getattr(os, "O_NONBLOCK", 0)
    if not nonblock:  # no such flag (Windows): no FIFOs either
        return open(path, "rb"), b""
    fd = os.open(path, os.O_RDONLY | nonblock | getattr(os, "O_CLOEXEC", 0))
    try:
        first = b""
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            first = _await_writer(fd, path, fifo_wait() if wait is None else wait)
        os.set_blocking(fd, True)
        return open(fd, "rb"), first
    except BaseException:
        os.close(fd)
        raise


def _await_writer(fd: int, path: str, wait: float) -> bytes:
    """The first bytes of a FIFO opened without blocking, or b"" once it is known that reading it will end.

    A read without blocking tells the cases apart: bytes (data), ``EAGAIN`` (a writer is there, silent for
    now: read it as a pipe), end of file (no writer: wait for one; ``POLLHUP`` says one came and went)."""
    deadline = time.monotonic() + wait
    poller = select.poll() if hasattr(select, "poll") else None
    if poller is not None:
        poller.register(fd, select.POLLIN | select.POLLHUP)
    while True:
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            return b""
        if chunk:
            return chunk
        left = deadline - time.monotonic()
        if poller is not None:
            events = poller.poll(max(0, min(_FIFO_POLL_MS, int(left * 1000))))
            if any(mask & select.POLLHUP and not mask & select.POLLIN for _, mask in events):
                return b""  # a writer opened it and closed it without writing: an empty input
        else:
            time.sleep(max(0.0, min(_FIFO_POLL_MS / 1000, left)))
        if left <= 0:
            raise NoWriter(f"a FIFO with no writer (waited {wait:g} s; set {FIFO_WAIT_ENV} to wait longer)")


def read_input_bytes(path: str, wait: Optional[float] = None) -> bytes:
    """All the bytes of ``path``, opened by :func:`open_input`."""
    fh, first = open_input(path, wait)
    with fh:
        return first + fh.read()
