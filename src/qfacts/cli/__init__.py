"""The ``qfacts`` command line.

One module per command (:mod:`.extract`, :mod:`.check`, :mod:`.eval`, :mod:`.graph`, :mod:`.schema`), the
helpers they share in :mod:`.common`, and the Typer application that registers them in :mod:`.application`.
``qfacts`` (the console script) and ``python -m qfacts`` both run :func:`main`.

Importing this package is cheap: :func:`main` sets up Ctrl-C and SIGTERM handling first, then loads Typer and
the application; ``app`` is loaded on first access.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import interrupts
from .interrupts import handle_sigterm, interruption

if TYPE_CHECKING:
    from typing import Any

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: the ``qfacts`` command. Ctrl-C or SIGTERM at any moment, start-up included,
    prints one line, cleans up and exits with 130 or 143."""
    interrupts.received = interrupts.signalled = None
    handle_sigterm()
    try:
        from .application import run

        run()
    except KeyboardInterrupt as exc:  # while Typer, Rich or the commands load, or after a command returned
        interruption(exc)
    except SystemExit:
        if interrupts.received is None and interrupts.signalled is None:
            raise
    lost = interrupts.lost_interruption()
    if lost is not None:  # a KeyboardInterrupt some library swallowed: still one line and 130/143
        interruption(lost)
    if interrupts.received is not None:  # the one line is written and everything cleaned up by now
        interrupts.exit_by_signal(interrupts.received)


def __getattr__(name: str) -> Any:
    if name == "app":
        from .application import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
