"""FIFOs and devices as inputs (issue 14): a FIFO without a writer never hangs the run, real pipes are read."""
from __future__ import annotations

import os
import threading
import time

import pytest

from qfacts import Document
from qfacts.io import InputError, read_inputs, walk_folder

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")

WAIT = "0.4"


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QFACTS_FIFO_WAIT", WAIT)
    (tmp_path / "a.txt").write_text("Acme Corp signed an MOU.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Beta Ltd formed a joint venture.", encoding="utf-8")
    os.mkfifo(tmp_path / "news.fifo")
    return tmp_path


def writer(path, data: bytes, delay: float = 0.0, silent: float = 0.0):
    """A thread that opens ``path`` for writing after ``delay`` s, waits ``silent`` s, writes and closes."""
    def run():
        time.sleep(delay)
        with open(path, "wb") as fh:
            time.sleep(silent)
            fh.write(data)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def summary(items):
    return [(i.id, i.text) if isinstance(i, Document) else ("error", i.where, i.message) for i in items]


def test_fifo_without_writer_is_an_input_error_and_the_inputs_after_it_are_read(files):
    started = time.monotonic()
    items = list(read_inputs(["a.txt", "news.fifo", "b.txt"]))
    assert time.monotonic() - started < 10
    assert [i.id if isinstance(i, Document) else i.where for i in items] == ["a.txt", "news.fifo", "b.txt"]
    assert isinstance(items[1], InputError) and items[1].message.startswith("a FIFO with no writer (waited 0.4 s")


def test_fifo_whose_writer_comes_within_the_wait_is_read_to_its_end(files):
    thread = writer(files / "news.fifo", b"Gamma Inc signed a contract.", delay=0.1)
    assert summary(read_inputs(["news.fifo"])) == [("news.fifo", "Gamma Inc signed a contract.")]
    thread.join()


def test_fifo_whose_writer_stays_silent_beyond_the_wait_is_still_read(files):
    thread = writer(files / "news.fifo", b"late but connected", silent=1.0)  # 1 s > the 0.4 s wait
    assert summary(read_inputs(["news.fifo"])) == [("news.fifo", "late but connected")]
    thread.join()


def test_fifo_whose_writer_closes_without_writing_is_an_empty_document(files):
    thread = writer(files / "news.fifo", b"", delay=0.1)
    assert summary(read_inputs(["news.fifo"])) == [("news.fifo", "")]
    thread.join()


def test_jsonl_fifo_is_read_line_by_line_without_seeking(files):
    os.mkfifo(files / "corpus.jsonl")
    lines = b'{"id": "x", "text": "one"}\n{"id": "y", "text": "two"}\n'
    thread = writer(files / "corpus.jsonl", lines, delay=0.1)
    assert summary(read_inputs(["corpus.jsonl"])) == [("x", "one"), ("y", "two")]
    thread.join()


def test_anonymous_pipe_as_dev_fd_path_is_read_like_process_substitution(files):
    if not os.path.isdir("/dev/fd"):
        pytest.skip("no /dev/fd on this platform")
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"Delta AG and Daejeon agreed.")
        os.close(write_end)
        assert summary(read_inputs([f"/dev/fd/{read_end}"])) == [(f"/dev/fd/{read_end}",
                                                                   "Delta AG and Daejeon agreed.")]
    finally:
        os.close(read_end)


def test_folder_walk_and_glob_skip_fifos(files):
    (files / "dir").mkdir()
    (files / "dir" / "a.txt").write_text("text", encoding="utf-8")
    os.mkfifo(files / "dir" / "pipe.txt")
    assert walk_folder("dir") == [os.path.join("dir", "a.txt")]
    started = time.monotonic()
    assert [i.id for i in read_inputs(["dir/*.txt"])] == [os.path.join("dir", "a.txt")]
    assert [i.id for i in read_inputs(["dir"])] == [os.path.join("dir", "a.txt")]
    assert time.monotonic() - started < 0.4  # no wait for the FIFO at all


def test_endless_device_with_nul_bytes_is_binary_not_read_for_ever():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    (item,) = read_inputs(["/dev/zero"])
    assert isinstance(item, InputError) and item.message.startswith("binary file")


def test_eval_and_snapshot_readers_name_a_fifo_without_writer_instead_of_hanging(files):
    from qfacts.check import SnapshotError, read_snapshot
    from qfacts.evaluate import read_records
    from qfacts.pipes import NoWriter

    with pytest.raises(NoWriter):
        read_records("news.fifo", "gold")
    with pytest.raises(SnapshotError, match="a FIFO with no writer"):
        read_snapshot("news.fifo")


def test_eval_reader_reads_a_fifo_with_a_writer(files):
    from qfacts.evaluate import read_records

    thread = writer(files / "news.fifo", b'{"id": "a", "text": "x"}\n', delay=0.1)
    assert list(read_records("news.fifo", "gold").documents) == ["a"]
    thread.join()


@pytest.mark.parametrize("first_line_length", [10, 8191, 8192, 8193, 20000])
def test_jsonl_lines_read_after_the_binary_sniff_are_the_lines_of_the_file(tmp_path, first_line_length):
    import json

    filler = "x" * max(0, first_line_length - 40)
    lines = [json.dumps({"id": "a", "text": filler}) + "\r\n", '{"id": "b",\r "text": "lone CR"}\n',
             json.dumps({"id": "c", "text": "no final newline"})]
    path = tmp_path / "c.jsonl"
    path.write_bytes("".join(lines).encode("utf-8"))
    items = list(read_inputs([str(path)]))
    assert [(i.id, i.source) for i in items] == [("a", f"{path}:1"), ("b", f"{path}:2"), ("c", f"{path}:3")]
    assert items[0].text == filler
