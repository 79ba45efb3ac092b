"""The installed command, run once as a real process: ``python -m qfacts extract --format jsonl SEED``."""
from __future__ import annotations

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
