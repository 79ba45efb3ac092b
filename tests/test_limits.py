"""The time limit per document (``qfacts.limits``, ``extract --timeout``): a document that runs too long is
stopped and named, the others are extracted as without a limit, in this process and in worker processes."""
from __future__ import annotations

import json
import multiprocessing
import signal
import sys
import threading
import time

import pytest
from typer.testing import CliRunner

import qfacts
from qfacts import api
from qfacts.cli import app
from qfacts.limits import DocumentTimeout, time_limit
from qfacts.parallel import TIMEOUT, WORKER_DIED, extract_items

FORK = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer (POSIX)")
TEXT = "Acme Corp signed an MOU with Daejeon on Friday."


def documents(n: int) -> list[qfacts.Document]:
    return [qfacts.Document(id=f"doc-{i}", text=TEXT, reference_date="2025-05-19") for i in range(n)]


def _stall_on(monkeypatch, ids, how="loop"):
    """Extraction spins in Python (``loop``) or sleeps with SIGALRM blocked, as code stuck in a C call would
    (``stuck``), on the documents ``ids``."""
    real = api._extract_one

    def stalling(nlp, document):
        if document.id in ids:
            if how == "stuck":
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                time.sleep(60)
            while True:
                pass
        return real(nlp, document)

    monkeypatch.setattr(api, "_extract_one", stalling)


@needs_alarm
def test_time_limit_stops_a_python_loop_that_runs_past_it():
    started = time.monotonic()
    with pytest.raises(DocumentTimeout) as caught:
        with time_limit(0.2):
            while True:
                pass
    assert 0.15 < time.monotonic() - started < 5
    assert caught.value.seconds == 0.2 and "0.2 s" in str(caught.value)


@needs_alarm
def test_time_limit_is_disarmed_after_the_block_and_a_late_alarm_is_ignored():
    with time_limit(0.05):
        pass
    signal.setitimer(signal.ITIMER_REAL, 0.01)  # as if the alarm were delivered after the document was done
    time.sleep(0.1)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_time_limit_without_seconds_or_outside_the_main_thread_sets_no_alarm():
    seen = []

    def block():
        with time_limit(0.01):
            time.sleep(0.05)
        seen.append("done")

    thread = threading.Thread(target=block)
    thread.start()
    thread.join()
    with time_limit(None):
        time.sleep(0.02)
    assert seen == ["done"]


def test_document_timeout_is_not_an_ordinary_exception():
    # so that no `except Exception` on the way (a component's guard) swallows it and goes on with the document
    assert not issubclass(DocumentTimeout, Exception)


@needs_alarm
def test_a_document_past_its_time_limit_fails_alone_in_this_process(monkeypatch):
    _stall_on(monkeypatch, {"doc-1"})
    results = list(extract_items(documents(3), jobs=1, timeout=0.3))
    assert [item.id for item, _ in results] == ["doc-0", "doc-1", "doc-2"]
    kinds = [getattr(result, "kind", type(result).__name__) for _, result in results]
    assert kinds == ["Record", TIMEOUT, "Record"]
    (unlimited,) = qfacts.extract_documents([documents(3)[2]])
    assert results[2][1].to_dict() == unlimited.to_dict()


@needs_alarm
@pytest.mark.skipif(not FORK, reason="workers see the test's patch only when they are forked")
def test_a_document_past_its_time_limit_fails_alone_in_a_worker_process(monkeypatch):
    _stall_on(monkeypatch, {"doc-2"})
    results = list(extract_items(documents(6), jobs=2, timeout=0.3))
    kinds = {item.id: getattr(result, "kind", type(result).__name__) for item, result in results}
    assert kinds == {"doc-0": "Record", "doc-1": "Record", "doc-2": TIMEOUT, "doc-3": "Record",
                     "doc-4": "Record", "doc-5": "Record"}


@needs_alarm
@pytest.mark.skipif(not FORK, reason="workers see the test's patch only when they are forked")
def test_a_worker_stuck_where_the_alarm_cannot_reach_is_ended_and_its_document_named(monkeypatch):
    _stall_on(monkeypatch, {"doc-1"}, how="stuck")
    results = list(extract_items(documents(4), jobs=2, timeout=0.3))
    kinds = {item.id: getattr(result, "kind", type(result).__name__) for item, result in results}
    assert kinds == {"doc-0": "Record", "doc-1": WORKER_DIED, "doc-2": "Record", "doc-3": "Record"}


@needs_alarm
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_timeout_names_the_stopped_document_writes_the_others_and_exits_1(tmp_path, monkeypatch, jobs):
    if jobs == "2" and not FORK:
        pytest.skip("workers see the test's patch only when they are forked")
    _stall_on(monkeypatch, {"doc-1"})
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in documents(3)),
                      encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", "--timeout", "0.3", "--jobs", jobs,
                                      str(corpus)])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["doc-0", "doc-2"]
    assert result.stderr.splitlines() == [
        "qfacts: error: doc-1: extraction failed: Timeout: stopped after 0.3 s (the time limit per document)"]


@pytest.mark.parametrize("value", ["0", "-1", "nan"])
def test_extract_timeout_that_is_not_a_positive_number_is_a_usage_error(tmp_path, value):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--timeout", value, str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"qfacts: error: --timeout {value}: give a number of seconds above 0"


def test_extract_timeout_with_a_scheduler_is_a_usage_error_before_connecting(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--timeout", "5", "--scheduler", "tcp://127.0.0.1:1",
                                      str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("qfacts: error: --timeout is not available with --scheduler (set time "
                                     "limits on the cluster)")


@needs_alarm
def test_check_timeout_names_the_stopped_document_and_checks_the_others(tmp_path, monkeypatch):
    _stall_on(monkeypatch, {"doc-1"})
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in documents(3)),
                      encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--min-facts", "1", "--timeout", "0.3", "--format", "jsonl",
                                      str(corpus)])
    assert result.exit_code == 2  # as for any document that could not be extracted
    assert ("qfacts: error: doc-1: extraction failed: Timeout: stopped after 0.3 s (the time limit per document)"
            in result.stderr.splitlines())
    results = {(line["document"], line["rule"]): line["ok"] for line in map(json.loads, result.stdout.splitlines())}
    assert results[("doc-0", "min-facts")] is True and results[("doc-2", "min-facts")] is True
    assert ("doc-1", "min-facts") not in results
