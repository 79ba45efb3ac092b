"""The installed command, run once as a real process: ``python -m qfacts extract --format jsonl SEED``."""
from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys


def test_module_entry_point_extracts_the_seed_as_jsonl_with_a_clean_stderr(seed_path):
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "qfacts", "extract", "--format", "jsonl", str(seed_path)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr == ""
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["id"] == str(seed_path)
    text = seed_path.read_text(encoding="utf-8")
    assert record["text_length"] == len(text)
    assert all(text[e["start"]:e["end"]] == e["text"] for e in record["entities"])


def test_missing_input_in_a_real_process_exits_1_with_one_error_line(tmp_path):
    missing = tmp_path / "missing.txt"
    proc = subprocess.run([sys.executable, "-m", "qfacts", "extract", str(missing)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"qfacts: error: {missing}: no such file or directory"
    assert proc.stdout == ""


# --- start-up: what each command imports ------------------------------------------------------------------

_IMPORTS_AFTER = """
import sys
from qfacts.cli import main
sys.argv = ["qfacts", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
heavy = sorted(m for m in ("spacy", "qfacts.pipeline", "qfacts.components", "qfacts.dates", "qfacts.api", "rich")
               if m in sys.modules)
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
sys.exit(code)
"""


def _heavy_modules_after(*args):
    proc = subprocess.run([sys.executable, "-c", _IMPORTS_AFTER, *args], capture_output=True, text=True,
                          timeout=300)
    marker = [line for line in proc.stderr.splitlines() if line.startswith("HEAVY=")]
    assert marker, proc.stderr
    return proc.returncode, marker[-1][len("HEAVY="):]


def test_help_version_and_schema_import_neither_spacy_nor_the_pipeline_nor_rich():
    for args in (["--help"], ["--version"], ["schema"], ["extract", "--help"], ["check", "--help"],
                 ["eval", "--help"], ["graph", "--help"]):
        code, heavy = _heavy_modules_after(*args)
        assert code == 0, args
        assert heavy == "", f"qfacts {' '.join(args)} imported {heavy}"


def test_extract_imports_spacy_and_the_pipeline_when_it_runs(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Acme Corp signed an MOU with Daejeon.\n", encoding="utf-8")
    code, heavy = _heavy_modules_after("extract", "--format", "jsonl", str(article))
    assert code == 0
    assert {"spacy", "qfacts.pipeline", "rich"} <= set(heavy.split(","))


# --- signals, closed pipes and full disks in a real process ------------------------------------------------

import shutil  # noqa: E402
import signal  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402

QFACTS = [sys.executable, "-m", "qfacts"]


def _start(*args, **kwargs):
    # (Ctrl-C reaches qfacts as from a terminal even where this suite runs as a background job of a shell,
    # which starts its jobs with SIGINT ignored; qfacts leaves an ignored SIGINT ignored)
    return subprocess.Popen([*QFACTS, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=_default_sigint if os.name == "posix" else None,
                            **kwargs)


def _default_sigint():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_qfacts_code(proc, timeout=60.0):
    """Wait until the process runs qfacts' own code: its SIGTERM handler is in place (Linux: SigCgt in
    /proc/PID/status), so the test does not depend on how fast a loaded machine starts Python."""
    status = f"/proc/{proc.pid}/status"
    if not os.path.exists(status):
        time.sleep(0.5)
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        with contextlib.suppress(OSError):
            with open(status, encoding="ascii") as fh:
                caught = next((int(line.split()[1], 16) for line in fh if line.startswith("SigCgt:")), 0)
            if caught & (1 << (signal.SIGTERM - 1)):
                return
        time.sleep(0.01)


@pytest.mark.parametrize("signum, line", [(signal.SIGINT, "qfacts: interrupted"),
                                          (signal.SIGTERM, "qfacts: terminated")])
def test_a_signal_at_any_moment_of_start_up_is_one_line_and_exit_128_plus_the_signal(signum, line):
    # once qfacts' own code runs: Typer, Rich and spaCy load for about 2 s, then stdin is awaited
    for delay in (0.0, 0.9, 3.2):
        proc = _start("extract", "-", "--stdin-format", "jsonl")
        _wait_for_qfacts_code(proc)
        time.sleep(delay)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 128 + signum, (delay, err)  # 130 or 143
        assert err.decode() == line + "\n", (delay, err)


def _temporary_files(folder):
    return [name for name in os.listdir(folder) if name.endswith(".tmp")]


def test_sigterm_during_a_run_with_output_leaves_no_temporary_file_and_the_old_file(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    proc = _start("extract", "-", "--stdin-format", "jsonl", "-o", str(target))
    proc.stdin.write(b'{"id": "a", "text": "Acme Corp signed an MOU with Daejeon."}\n')
    proc.stdin.flush()
    deadline = time.monotonic() + 120
    while not _temporary_files(tmp_path) and time.monotonic() < deadline:  # the temporary file is open
        time.sleep(0.05)
    time.sleep(3)  # the pipeline loads and the first record is written into it
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM
    assert err.decode() == "qfacts: terminated\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]
    assert target.read_text(encoding="utf-8") == "previous run\n"


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="needs bash and head")
@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv", "json"])
def test_a_closed_pipe_ends_quietly_with_exit_code_0(fmt, seed_path):
    script = (f'"{sys.executable}" -m qfacts extract -f {fmt} -r 2025-05-19 "{seed_path}" "{seed_path}" '
              '| head -3 > /dev/null; echo "status=${PIPESTATUS[0]}"')
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.stdout.strip() == "status=0"
    assert proc.stderr == ""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_standard_output_is_one_line_and_exit_code_1(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Acme Corp signed an MOU with Daejeon.", encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([*QFACTS, "extract", "--format", "jsonl", str(article)], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stderr == "qfacts: error: standard output: no space left on device\n"
