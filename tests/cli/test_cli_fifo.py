"""FIFOs given as PATHs at the command line, in real processes (issue 14): no writer is one error line and the
inputs after it are written; a shell's ``<(...)`` pipe is read."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


def qfacts(*args, cwd, wait="0.5", timeout=240, shell=False):
    env = {**os.environ, "NO_COLOR": "1", "QFACTS_FIFO_WAIT": wait}
    command = args[0] if shell else [sys.executable, "-m", "qfacts", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout,
                          shell=shell, executable=shutil.which("bash") if shell else None)


@pytest.fixture
def work(tmp_path):
    (tmp_path / "a.txt").write_text("Acme Corp signed an MOU with Daejeon.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Beta Ltd formed a joint venture with Acme Corp.", encoding="utf-8")
    os.mkfifo(tmp_path / "news.fifo")
    return tmp_path


def test_extract_fifo_without_writer_names_it_and_writes_the_inputs_after_it_exit_1(work):
    proc = qfacts("extract", "--format", "jsonl", "a.txt", "news.fifo", "b.txt", cwd=work)
    assert proc.returncode == 1
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == ["a.txt", "b.txt"]
    (line,) = proc.stderr.splitlines()
    assert line.startswith("qfacts: error: news.fifo: a FIFO with no writer (waited 0.5 s")


def test_extract_fifo_without_writer_with_output_file_holds_the_other_records(work):
    proc = qfacts("extract", "a.txt", "news.fifo", "b.txt", "-o", "out.jsonl", cwd=work)
    assert proc.returncode == 1
    records = (work / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in records] == ["a.txt", "b.txt"]


def test_check_fifo_without_writer_is_an_input_error_and_the_rest_is_checked(work):
    proc = qfacts("check", "a.txt", "news.fifo", "b.txt", "--min-facts", "0", "--format", "jsonl", cwd=work)
    assert proc.returncode == 2  # check's code for an input that could not be read
    assert [json.loads(line)["document"] for line in proc.stdout.splitlines()] == ["a.txt", "news.fifo", "b.txt"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for <(...)")
def test_extract_process_substitution_pipe_is_read(work):
    proc = qfacts(f"{sys.executable} -m qfacts extract --format jsonl <(cat a.txt) - < b.txt", cwd=work,
                  shell=True)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"].startswith("/dev/fd/") for r in records] == [True, False]
    assert [r["text_length"] for r in records] == [len("Acme Corp signed an MOU with Daejeon."),
                                                  len("Beta Ltd formed a joint venture with Acme Corp.")]


def test_eval_gold_fifo_without_writer_is_one_line_exit_2(work):
    pred = work / "pred.jsonl"
    pred.write_text('{"id": "a", "entities": [], "agreements": []}\n', encoding="utf-8")
    proc = qfacts("eval", "news.fifo", "pred.jsonl", cwd=work)
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith("qfacts: error: GOLD news.fifo: a FIFO with no writer (waited 0.5 s")


def test_check_expect_snapshot_fifo_without_writer_is_one_line_exit_2(work):
    proc = qfacts("check", "a.txt", "--expect", "news.fifo", cwd=work)
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith("qfacts: error: --expect news.fifo: a FIFO with no writer (waited 0.5 s")


def test_extract_jobs_2_and_graph_name_a_fifo_without_writer_and_go_on(work):
    proc = qfacts("extract", "--jobs", "2", "--format", "jsonl", "a.txt", "news.fifo", "b.txt", cwd=work)
    assert proc.returncode == 1
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == ["a.txt", "b.txt"]
    assert proc.stderr.startswith("qfacts: error: news.fifo: a FIFO with no writer")
    graph = qfacts("graph", "a.txt", "news.fifo", "b.txt", "--format", "graphml", cwd=work)
    assert graph.returncode == 1 and "<graphml" in graph.stdout
    (line,) = graph.stderr.splitlines()
    assert line.startswith("qfacts: error: news.fifo: a FIFO with no writer")
