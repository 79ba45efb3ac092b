"""``qfacts extract --jobs 2`` when a worker process is killed from outside (issue 14), in a real process: the
documents it had in flight are retried on a new worker and nothing is lost."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

TEXT = "Acme Corp signed an MOU with Daejeon on Friday. "


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
        return [int(child) for child in fh.read().split()]


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read()
    except OSError:
        return b""


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"),
                    reason="needs Linux /proc/PID/task/PID/children")
def test_jobs_2_worker_killed_mid_run_loses_no_record_in_the_output_file(tmp_path):
    with open(tmp_path / "many.jsonl", "w", encoding="utf-8") as fh:
        for i in range(300):
            fh.write(json.dumps({"id": f"d{i:03d}", "text": TEXT * 40, "reference_date": "2025-05-19"}) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "qfacts", "extract", "--jobs", "2", "many.jsonl", "-o",
                             "out.jsonl"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    killed = None
    while killed is None and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.5)
        command = _cmdline(proc.pid)  # read now: right after Popen it may not have run exec yet
        workers = [child for child in _children(proc.pid) if _cmdline(child) == command]
        if len(workers) == 2:  # the pool's two forked workers (not the resource tracker, nor a passing fork)
            time.sleep(1.0)  # they have documents in flight
            if workers[0] in _children(proc.pid):
                os.kill(workers[0], signal.SIGKILL)
                killed = workers[0]
    assert killed is not None, "no worker process was seen"
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    assert err.decode() == ""
    ids = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == [f"d{i:03d}" for i in range(300)]
