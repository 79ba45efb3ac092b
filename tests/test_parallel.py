"""Streaming and parallel extraction: input order, bounded read-ahead, JSON Lines on stdin, per-document errors."""
from __future__ import annotations

import io
import itertools
import json
import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import threading
from concurrent.futures import Future
from pathlib import Path

import pytest
from typer.testing import CliRunner

import qfacts
from qfacts import api
from qfacts.cli import app, common
from qfacts.io import InputError, read_inputs
from qfacts.parallel import ExtractionError, extract_items, extract_parallel, ordered_results, resolve_jobs

FORK = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"

SENTENCES = [
    "Brindle Motors signed a memorandum of understanding with Kestrel University on Friday.",
    "The mayor of Lyon said Varn Logistics Ltd would open a depot in March 2024.",
    "Officials in Nairobi announced a joint venture between Halden Corp and Pellow Bank last week.",
    "Nothing of note happened here.",
    "Orrick Institute of Technology and the city of Osaka agreed to a pilot project next month.",
]


def make_documents(n: int) -> list[qfacts.Document]:
    """``n`` invented documents of different lengths (so that workers finish them out of order)."""
    docs = []
    for i in range(n):
        paragraphs = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + (i * 7) % 9)]
        docs.append(qfacts.Document(id=f"doc-{i:03d}", text="\n\n".join(paragraphs), reference_date="2024-05-20"))
    return docs


def write_corpus(path: Path, docs: list[qfacts.Document]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps({"id": doc.id, "text": doc.text, "reference_date": doc.reference_date}) + "\n")
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["extract", *args], input=input)


# --- order ---------------------------------------------------------------------------------------------------

def test_extract_parallel_on_two_processes_gives_the_records_of_extract_documents_in_input_order():
    docs = make_documents(24)
    # the longest document first: it finishes last, yet comes out first
    docs.sort(key=lambda d: -len(d.text))
    expected = [r.to_dict() for r in qfacts.extract_documents(docs)]
    got = [r.to_dict() for r in extract_parallel(docs, jobs=2)]
    assert [r["id"] for r in got] == [d.id for d in docs]
    assert got == expected


def test_cli_jobs_2_writes_the_same_bytes_as_jobs_1(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", make_documents(30))
    one = run("--format", "jsonl", "--jobs", "1", str(corpus))
    two = run("--format", "jsonl", "--jobs", "2", str(corpus))
    assert one.exit_code == 0 and two.exit_code == 0, two.stderr
    assert two.stdout == one.stdout
    assert [json.loads(line)["id"] for line in two.stdout.splitlines()] == [f"doc-{i:03d}" for i in range(30)]


def test_cli_jobs_0_means_one_process_per_core(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", make_documents(3))
    result = run("--format", "jsonl", "--jobs", "0", str(corpus))
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3
    assert resolve_jobs(0) >= 1 and resolve_jobs(-1) == resolve_jobs(0) and resolve_jobs(3) == 3


def test_input_errors_keep_their_place_among_the_records_with_jobs_2(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "Acme Corp signed."}\nnot json\n{"id": "b", "text": "Hi."}\n',
                      encoding="utf-8")
    items = list(extract_items(read_inputs([str(corpus)]), jobs=2))
    assert [type(item).__name__ for item, _ in items] == ["Document", "InputError", "Document"]
    assert isinstance(items[1][0], InputError) and items[1][1] is None
    assert [result.id for _, result in items if result is not None] == ["a", "b"]


# --- errors in workers -----------------------------------------------------------------------------------------

def _explode_on(monkeypatch, doc_id: str) -> None:
    real = api._extract_one

    def flaky(nlp, document):
        if document.id == doc_id:
            raise RuntimeError("rule exploded")
        return real(nlp, document)

    monkeypatch.setattr(api, "_extract_one", flaky)


@pytest.mark.skipif(not FORK, reason="workers see the test's patch only when they are forked")
def test_a_document_failing_in_a_worker_is_named_and_the_others_are_written(tmp_path, monkeypatch):
    _explode_on(monkeypatch, "doc-004")
    corpus = write_corpus(tmp_path / "corpus.jsonl", make_documents(10))
    result = run("--format", "jsonl", "--jobs", "2", str(corpus))
    assert result.exit_code == 1
    assert result.stderr.strip() == "qfacts: error: doc-004: extraction failed: RuntimeError: rule exploded"
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == \
        [f"doc-{i:03d}" for i in range(10) if i != 4]


@pytest.mark.skipif(not FORK, reason="workers see the test's patch only when they are forked")
def test_extract_parallel_raises_or_reports_a_failing_document(monkeypatch):
    _explode_on(monkeypatch, "doc-001")
    docs = make_documents(4)
    failed = []
    records = list(extract_parallel(docs, jobs=2, on_error=lambda doc, exc: failed.append((doc.id, exc))))
    assert [r.id for r in records] == ["doc-000", "doc-002", "doc-003"]
    ((doc_id, exc),) = failed
    assert doc_id == "doc-001" and isinstance(exc, ExtractionError) and exc.kind == "RuntimeError"
    with pytest.raises(ExtractionError, match="rule exploded"):
        list(extract_parallel(docs, jobs=2))


def _die_on(monkeypatch, how, ids, marker=None):
    """Workers die (``os._exit``, SIGKILL) or raise MemoryError on the documents ``ids``; with ``marker`` (a
    path), only the first time (the marker file says it happened)."""
    real = api._extract_one

    def deadly(nlp, document):
        if document.id in ids and (marker is None or not os.path.exists(marker)):
            if marker is not None:
                open(marker, "w").close()
            if how == "exit":
                os._exit(3)  # as if killed for lack of memory
            if how == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            if how == "memory":
                raise MemoryError()
        return real(nlp, document)

    monkeypatch.setattr(api, "_extract_one", deadly)


@pytest.mark.skipif(not FORK, reason="workers see the test's patch only when they are forked")
def test_a_worker_that_dies_on_a_document_names_it_and_the_output_file_holds_every_other_record(
        tmp_path, monkeypatch):
    _die_on(monkeypatch, "exit", {"doc-006"})
    corpus = write_corpus(tmp_path / "corpus.jsonl", make_documents(14))
    target = tmp_path / "out.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    result = run("--jobs", "2", str(corpus), "-o", str(target))
    assert result.exit_code == 1
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f"doc-{i:03d}" for i in range(14) if i != 6]
    (line,) = result.stderr.splitlines()
    assert line.startswith("qfacts: error: doc-006: extraction failed: WorkerDied: a worker process died")
    assert [n for n in os.listdir(tmp_path) if n.endswith(".tmp")] == []


@pytest.mark.skipif(not FORK, reason="workers see the test's patch only when they are forked")
def test_extract_items_goes_on_after_workers_killed_by_a_signal_on_two_documents(monkeypatch):
    _die_on(monkeypatch, "kill", {"doc-002", "doc-009"})
    docs = make_documents(12)
    results = list(extract_items(docs, jobs=2))
    assert [item.id for item, _ in results] == [d.id for d in docs]
    failed = {item.id: result.kind for item, result in results if isinstance(result, Exception)}
    assert failed == {"doc-002": "WorkerDied", "doc-009": "WorkerDied"}
    sequential = {r.id: r.to_dict() for r in qfacts.extract_documents(d for d in docs if d.id not in failed)}
    assert {item.id: result.to_dict() for item, result in results if item.id not in failed} == sequential


@pytest.mark.skipif(not FORK, reason="workers see the test's patch only when they are forked")
def test_a_memory_error_in_a_worker_fails_that_document_only(monkeypatch):
    _die_on(monkeypatch, "memory", {"doc-001"})
    results = list(extract_items(make_documents(5), jobs=2))
    assert [(item.id, type(result).__name__) for item, result in results] == [
        ("doc-000", "Record"), ("doc-001", "ExtractionError"), ("doc-002", "Record"), ("doc-003", "Record"),
        ("doc-004", "Record")]
    assert results[1][1].kind == "MemoryError" and str(results[1][1]) == "out of memory extracting this document"


@pytest.mark.skipif(not FORK, reason="workers see the test's patch only when they are forked")
def test_a_worker_killed_once_from_outside_loses_nothing_its_documents_are_retried(tmp_path, monkeypatch):
    _die_on(monkeypatch, "kill", {"doc-003"}, marker=str(tmp_path / "died-once"))
    corpus = write_corpus(tmp_path / "corpus.jsonl", make_documents(8))
    result = run("--format", "jsonl", "--jobs", "2", str(corpus))
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [f"doc-{i:03d}" for i in range(8)]
    assert (tmp_path / "died-once").exists()


@pytest.mark.skipif(not FORK, reason="workers see the test's patch only when they are forked")
def test_workers_that_cannot_start_again_end_the_run_keeping_the_records_done(tmp_path, monkeypatch):
    from qfacts import parallel

    marker = tmp_path / "broken"
    real_init = parallel._init_worker

    def init(*args):
        if marker.exists():
            os._exit(4)  # every new worker dies at once: no pool can run
        real_init(*args)

    monkeypatch.setattr(parallel, "_init_worker", init)
    _die_on(monkeypatch, "exit", {"doc-005"}, marker=str(marker))
    corpus = write_corpus(tmp_path / "corpus.jsonl", make_documents(9))
    target = tmp_path / "out.jsonl"
    result = run("--jobs", "2", str(corpus), "-o", str(target))
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in target.read_text(encoding="utf-8").splitlines()]
    # every record done before the first one lost, in order: doc-005's and those still in flight with it on
    # the pool it broke (how many of doc-000..004 were done by then depends on the machine's timing)
    k = len(ids)
    assert k <= 5 and ids == [f"doc-{i:03d}" for i in range(k)]
    (line,) = result.stderr.splitlines()
    assert line == ("qfacts: error: --jobs: worker processes cannot be started (killed, or out of memory?): "
                    f"doc-{k:03d} and the documents after it were not written")


def test_a_task_that_failed_elsewhere_is_that_documents_error_only():
    failed: Future = Future()
    failed.set_exception(ConnectionError("worker lost"))
    docs = [qfacts.Document(id=i, text="x") for i in "abc"]
    futures = {"a": _done("rec-a"), "b": failed, "c": _done("rec-c")}
    results = list(ordered_results(docs, lambda doc: futures[doc.id], window=2))
    assert [r if isinstance(r, str) else type(r).__name__ for _, r in results] == ["rec-a", "ConnectionError", "rec-c"]


def test_extract_documents_on_error_hook_skips_the_failing_document(monkeypatch):
    _explode_on(monkeypatch, "doc-001")
    failed = []
    records = list(qfacts.extract_documents(make_documents(3), on_error=lambda d, e: failed.append(d.id)))
    assert [r.id for r in records] == ["doc-000", "doc-002"] and failed == ["doc-001"]


# --- bounded memory: the input is read at most a window ahead ----------------------------------------------------

def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


def test_ordered_results_reads_at_most_a_window_ahead_of_what_it_has_yielded():
    pulled = itertools.count()
    read = []

    def endless():
        while True:
            i = next(pulled)
            read.append(i)
            yield qfacts.Document(id=str(i), text="x")

    results = ordered_results(endless(), lambda doc: _done(doc.id), window=4)
    first = [result for _, result in itertools.islice(results, 3)]
    threading.Event().wait(0.3)  # give the feeder thread time to run ahead as far as it may
    assert first == ["0", "1", "2"]
    assert len(read) <= 3 + 4 + 1  # yielded + the window + the one the feeder holds
    results.close()


def test_extract_items_on_an_endless_input_streams_and_stops_cleanly():
    def endless():
        for i in itertools.count():
            yield qfacts.Document(id=str(i), text=f"Acme Corp signed an MOU in Seoul. {i}")

    ids = [item.id for item, _ in itertools.islice(extract_items(endless(), jobs=2, window=4), 12)]
    assert ids == [str(i) for i in range(12)]


def test_ordered_results_raises_the_inputs_own_error_in_the_consumer():
    def broken():
        yield qfacts.Document(id="a", text="x")
        raise OSError("disk gone")

    results = ordered_results(broken(), lambda doc: _done(doc.id), window=2)
    assert next(results) == (qfacts.Document(id="a", text="x"), "a")
    with pytest.raises(OSError, match="disk gone"):
        next(results)


# --- JSON Lines on stdin --------------------------------------------------------------------------------------------

def test_stdin_whose_first_line_is_a_json_object_is_read_as_json_lines():
    stream = io.BytesIO(b'\n{"id": "a", "text": "One."}\n{"text": "Two.", "reference_date": "2024-01-02"}\n')
    items = list(read_inputs(["-"], stdin=stream))
    assert [(d.id, d.text, d.source) for d in items] == [("a", "One.", "-:2"), ("-:3", "Two.", "-:3")]
    assert items[1].reference_date_source == "record"


def test_stdin_format_text_reads_a_json_looking_text_as_one_document():
    data = b'{"id": "a", "text": "One."}\n'
    (doc,) = read_inputs(["-"], stdin=io.BytesIO(data), stdin_format="text")
    assert doc.id == "-" and doc.text == data.decode()


def test_stdin_format_jsonl_names_bad_lines_by_number():
    stream = io.BytesIO(b'plain words\n{"id": "b", "text": "Two."}\n')
    first, second = read_inputs(["-"], stdin=stream, stdin_format="jsonl")
    assert isinstance(first, InputError) and first.where == "-:1"
    assert second.id == "b"


def test_jsonl_record_with_a_lone_surrogate_is_an_input_error_not_a_crash(tmp_path):
    result = run("--format", "jsonl", "-", input='{"id": "a", "text": "Acme \\ud800 Corp"}\n{"id": "b", "text": "Hi."}\n')
    assert result.exit_code == 1
    assert "-:1" in result.stderr and "surrogate" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["b"]


def test_cli_jsonl_on_stdin_gives_one_record_per_line_in_order():
    lines = "".join(json.dumps({"id": f"r{i}", "text": SENTENCES[i % 5]}) + "\n" for i in range(6))
    result = run("--format", "jsonl", "--jobs", "2", input=lines)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [f"r{i}" for i in range(6)]


def test_each_stdin_line_is_extracted_before_the_next_one_arrives():
    # in this process, one job (forked workers would hold the pipe's write end open; the next test runs --jobs 2)
    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "rb") as stdin, os.fdopen(write_end, "wb") as feed:
        results = extract_items(read_inputs(["-"], stdin=stdin), jobs=1)
        for i in range(2):
            feed.write((json.dumps({"id": f"live-{i}", "text": SENTENCES[i]}) + "\n").encode())
            feed.flush()
            document, record = next(results)  # would block forever if the reader waited for the end of input
            assert document.id == record.id == f"live-{i}"
        feed.close()
        assert list(results) == []


def test_the_command_writes_a_record_before_its_input_ends():
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "qfacts", "extract", "--format", "jsonl", "--jobs", "2", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    lines: "queue.Queue[bytes]" = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    try:
        for i in range(2):
            proc.stdin.write((json.dumps({"id": f"live-{i}", "text": SENTENCES[i]}) + "\n").encode())
            proc.stdin.flush()
            # stdin is still open: the record must come without waiting for the end of the input
            record = json.loads(lines.get(timeout=120))
            assert record["id"] == f"live-{i}"
        proc.stdin.close()
        assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
        assert lines.empty()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# --- a folder with unreadable files ------------------------------------------------------------------------------

def test_folder_of_300_files_with_1_percent_unreadable_writes_every_good_record_and_names_every_bad_one(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    bad = {17: b"\x00\x01\x02 binary", 150: "caf\u00e9 deal".encode("latin-1"), 299: b"ok \xff\xfe then"}
    for i in range(300):
        path = folder / f"{i:03d}.txt"
        if i in bad:
            path.write_bytes(bad[i])
        else:
            path.write_text(SENTENCES[i % 5] + f" Item {i}.", encoding="utf-8")
    result = run("--format", "jsonl", "--jobs", "2", str(folder))
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [str(folder / f"{i:03d}.txt") for i in range(300) if i not in bad]
    named = [line.split(": ")[2] for line in result.stderr.splitlines()]
    assert named == [str(folder / f"{i:03d}.txt") for i in sorted(bad)]


# --- usage -------------------------------------------------------------------------------------------------------------

def test_jobs_with_scheduler_is_a_usage_error(tmp_path):
    result = run("--jobs", "2", "--scheduler", "tcp://127.0.0.1:1", str(tmp_path))
    assert result.exit_code == 2
    assert "--jobs and --scheduler" in result.stderr


def test_progress_and_summary_on_a_terminal_stderr_with_jobs_2_leave_stdout_clean(tmp_path, monkeypatch):
    monkeypatch.setattr(common, "is_terminal", lambda stream: stream is sys.stderr)
    corpus = write_corpus(tmp_path / "corpus.jsonl", make_documents(5))
    result = run("--jobs", "2", str(corpus), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [f"doc-{i:03d}" for i in range(5)]
    assert "5 documents, 1 error" in result.stderr
    quiet = run("--jobs", "2", "--quiet", str(corpus), str(tmp_path / "missing.txt"))
    assert quiet.stderr.strip() == f"qfacts: error: {tmp_path / 'missing.txt'}: no such file or directory"


@pytest.mark.skipif(not FORK, reason="workers inherit the parent's data only with the fork start method")
def test_workers_fork_after_the_town_list_is_read_and_the_heap_frozen(monkeypatch):
    import gc

    from qfacts import geodata, parallel

    seen = {}
    real = parallel._prepare_to_fork

    def spy(nlp):
        real(nlp)
        seen["towns"] = geodata.small_towns.cache_info().currsize
        seen["frozen"] = gc.get_freeze_count()

    monkeypatch.setattr(parallel, "_prepare_to_fork", spy)
    geodata.small_towns.cache_clear()
    docs = [qfacts.Document(id="a", text="Kelvo Corp opened a lab in Davos, Switzerland.", reference_date="2024-05-20")]
    (record,) = extract_parallel(docs, jobs=2)
    assert seen["towns"] == 1 and seen["frozen"] > 0
    assert gc.get_freeze_count() == 0  # unfrozen once the run is over
    assert [e.text for e in record.entities if e.label == "PLACE"] == ["Davos", "Switzerland"]


def test_a_memory_error_in_one_process_fails_that_document_only_and_the_run_goes_on(tmp_path, monkeypatch):
    _die_on(monkeypatch, "memory", {"doc-002"})
    corpus = write_corpus(tmp_path / "corpus.jsonl", make_documents(5))
    result = run("--format", "jsonl", "--jobs", "1", str(corpus))
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        "doc-000", "doc-001", "doc-003", "doc-004"]
    assert result.stderr.splitlines() == [
        "qfacts: error: doc-002: extraction failed: MemoryError: out of memory extracting this document"]
