"""Ctrl-C and SIGTERM bookkeeping of :mod:`qfacts.cli.interrupts` (real signals: test_cli_subprocess.py)."""
from __future__ import annotations

import signal

import pytest

import qfacts.cli as cli
from qfacts.cli import application, interrupts


@pytest.fixture(autouse=True)
def _restore_handlers():
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    yield
    for s, handler in saved.items():
        signal.signal(s, handler)
    interrupts.received = interrupts.signalled = None


@pytest.mark.parametrize("signum, exit_code, line", [(signal.SIGINT, 130, "qfacts: interrupted"),
                                                     (signal.SIGTERM, 143, "qfacts: terminated")])
def test_a_signal_whose_keyboard_interrupt_a_library_swallowed_still_ends_the_run(
        monkeypatch, capsys, signum, exit_code, line):
    def run_that_swallows():
        interrupts.signalled = signum  # what the handler records before it raises
        try:
            raise KeyboardInterrupt()
        except KeyboardInterrupt:  # as a finaliser or an import-time callback would
            pass

    monkeypatch.setattr(application, "run", run_that_swallows)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == exit_code
    assert capsys.readouterr().err == line + "\n"


def test_a_run_without_a_signal_reports_no_lost_interruption(monkeypatch, capsys):
    monkeypatch.setattr(application, "run", lambda: None)
    cli.main()
    assert capsys.readouterr().err == ""
    assert interrupts.lost_interruption() is None


def test_an_interruption_already_reported_is_not_reported_twice():
    interrupts.signalled = signal.SIGINT
    interrupts.interruption(KeyboardInterrupt())
    assert interrupts.lost_interruption() is None


def test_main_installs_a_sigint_handler_that_records_the_signal(monkeypatch):
    monkeypatch.setattr(application, "run", lambda: None)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    cli.main()
    handler = signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt):
        handler(signal.SIGINT, None)
    assert interrupts.signalled == signal.SIGINT


def test_an_interruption_raised_where_python_cannot_propagate_it_prints_no_traceback(monkeypatch):
    import sys
    import types

    seen = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)  # the hook in place before qfacts starts
    monkeypatch.setattr(application, "run", lambda: None)
    cli.main()  # installs qfacts' hook in front of it
    interrupts.signalled = signal.SIGTERM
    swallowed = types.SimpleNamespace(exc_type=interrupts.Terminated, exc_value=interrupts.Terminated(),
                                      exc_traceback=None, err_msg=None, object=None)
    sys.unraisablehook(swallowed)
    assert seen == []  # recorded by the handler, reported once at the end, no traceback
    other = types.SimpleNamespace(exc_type=ValueError, exc_value=ValueError("boom"), exc_traceback=None,
                                  err_msg=None, object=None)
    sys.unraisablehook(other)
    assert seen == [other]  # anything else goes to the hook that was there
