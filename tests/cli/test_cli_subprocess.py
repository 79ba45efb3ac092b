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
heavy = sorted(m for m in ("spacy", "qfacts.pipeline", "qfacts.components", "qfacts.dates", "qfacts.api")
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


def test_help_version_and_schema_import_neither_spacy_nor_the_pipeline():
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
    assert "spacy" in heavy.split(",") and "qfacts.pipeline" in heavy.split(",")
