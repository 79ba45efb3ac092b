"""Outputs that cannot be written, for every command (issue 14): one line naming the path and the reason, exit
code 2 when known before any input is read, else 1; the old file untouched, no temporary file left behind."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from qfacts.cli import app, common

runner = CliRunner()
QFACTS = [sys.executable, "-m", "qfacts"]
TEXT = "Acme Corp signed an MOU with Daejeon on Friday."
needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")


def run(*args):
    return runner.invoke(app, [*map(str, args)])


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "out").mkdir()
    return tmp_path


def read_only_folder(monkeypatch):
    """mkstemp fails as in a read-only folder (chmod does not stop root, so the error is simulated)."""
    def mkstemp(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(common.tempfile, "mkstemp", mkstemp)


def no_inputs_read(monkeypatch):
    import qfacts.io

    def read_inputs(*args, **kwargs):
        raise AssertionError("an input was read although the output cannot be written")

    monkeypatch.setattr(qfacts.io, "read_inputs", read_inputs)


@pytest.mark.parametrize("command, option, target", [
    (["extract", "a.txt", "-o"], "--output", "out/records.jsonl"),
    (["graph", "a.txt", "--format", "graphml", "-o"], "--output", "out/graph.graphml"),
    (["check", "a.txt", "--update", "--expect"], "--expect", "out/snap.jsonl"),
])
def test_read_only_output_folder_is_one_line_exit_2_before_any_input_and_the_old_file_stays(
        work, monkeypatch, command, option, target):
    (work / target).write_text("old\n", encoding="utf-8")
    read_only_folder(monkeypatch)
    no_inputs_read(monkeypatch)
    result = run(*command, target)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"qfacts: error: {option} {target}: cannot create a file in {work / 'out'}: permission denied"]
    assert (work / target).read_text(encoding="utf-8") == "old\n"


def test_output_whose_rename_fails_is_one_line_exit_1_and_the_old_file_and_no_temporary_remain(work, monkeypatch):
    target = work / "out" / "records.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def replace(src, dst):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(common.os, "replace", replace)
    result = run("extract", "a.txt", "-o", "out/records.jsonl")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "qfacts: error: --output out/records.jsonl: invalid cross-device link; out/records.jsonl is left as it was"]
    assert os.listdir(work / "out") == ["records.jsonl"] and target.read_text(encoding="utf-8") == "old\n"


def test_output_folder_missing_for_the_temporary_file_is_exit_2(work):
    result = run("extract", "a.txt", "-o", "a.txt/records.jsonl")  # a file where the folder should be
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("qfacts: error: --output a.txt/records.jsonl: ")


@needs_dev_full
@pytest.mark.parametrize("args", [
    ["extract", "--format", "jsonl", "a.txt", "-o", "/dev/full"],
    ["graph", "a.txt", "--format", "graphml", "-o", "/dev/full"],
])
def test_output_onto_dev_full_is_one_line_exit_1(work, args):
    proc = subprocess.run([*QFACTS, *args], cwd=work, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stderr == "qfacts: error: --output /dev/full: no space left on device\n"


@needs_dev_full
@pytest.mark.parametrize("args", [
    ["schema"],
    ["eval", "gold.jsonl", "gold.jsonl"],
    ["eval", "gold.jsonl", "gold.jsonl", "--format", "json"],
    ["eval", "gold.jsonl", "gold.jsonl", "--format", "table"],
    ["check", "a.txt", "--min-facts", "0", "--format", "jsonl"],
    ["check", "a.txt", "--min-facts", "0", "--format", "junit"],
])
def test_every_command_on_a_full_standard_output_is_one_line_exit_1(work, args):
    gold = {"id": "a", "text": TEXT, "annotated": ["ORG"],
            "mentions": [{"start": 0, "end": 9, "label": "ORG", "text": "Acme Corp"}]}
    (work / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([*QFACTS, *args], cwd=work, stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=300, env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-1:] == ["qfacts: error: standard output: no space left on device"]
    assert "Traceback" not in proc.stderr


def test_guarded_stdout_turns_a_full_disk_into_an_output_error_naming_standard_output(monkeypatch):
    class Full:
        encoding = "utf-8"

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sys, "stdout", Full())
    with pytest.raises(common.OutputError, match="^standard output: no space left on device$"):
        common.guarded_stdout().write("x")


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")
def test_sigterm_to_the_process_group_with_jobs_2_and_output_leaves_the_old_file_and_no_temporary(tmp_path):
    with open(tmp_path / "many.jsonl", "w", encoding="utf-8") as fh:
        for i in range(400):
            fh.write(json.dumps({"id": f"d{i}", "text": TEXT * 40, "reference_date": "2025-05-19"}) + "\n")
    target = tmp_path / "out.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    proc = subprocess.Popen([*QFACTS, "extract", "--jobs", "2", "many.jsonl", "-o", "out.jsonl"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while not any(n.endswith(".tmp") for n in os.listdir(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(2)  # the workers start and records are written into the temporary file
    os.killpg(proc.pid, signal.SIGTERM)  # the parent and its workers, as a service manager does
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM
    assert err.decode() == "qfacts: terminated\n"
    assert sorted(os.listdir(tmp_path)) == ["many.jsonl", "out.jsonl"]
    assert target.read_text(encoding="utf-8") == "previous run\n"


@pytest.mark.parametrize("command, option, target", [
    (["extract", "a.txt", "-o"], "--output", "records.jsonl"),
    (["check", "a.txt", "--update", "--expect"], "--expect", "snap.jsonl"),
])
def test_output_through_a_symbolic_link_replaces_the_linked_file_and_keeps_the_link(
        work, command, option, target):
    real = work / "out" / target
    real.write_text("old\n", encoding="utf-8")
    link = work / f"link-{target}"
    link.symlink_to(real)
    result = run(*command, link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    records = [json.loads(line) for line in real.read_text(encoding="utf-8").splitlines()]
    assert records and records[0]["id"] == "a.txt"
    assert sorted(p.name for p in (work / "out").iterdir()) == [target]  # no temporary file left beside it


def test_output_through_a_dangling_link_creates_the_file_it_names(work):
    link = work / "link.jsonl"
    link.symlink_to(work / "out" / "new.jsonl")
    result = run("extract", "a.txt", "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert json.loads((work / "out" / "new.jsonl").read_text(encoding="utf-8"))["id"] == "a.txt"


def test_output_replacing_a_file_keeps_its_permission_bits(work):
    target = work / "out" / "records.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    result = run("extract", "a.txt", "-o", target)
    assert result.exit_code == 0, result.output
    assert (target.stat().st_mode & 0o777) == 0o640
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == "a.txt"
