"""The project's own annotation sets (annotations/modern-lead, annotations/modern-heldout): the committed
items.jsonl is what build.py writes, every surface form stands in its text, and the shared gold checker accepts
the file (where ../shared is present)."""
from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETS = ["modern-lead", "modern-heldout"]
CHECK_GOLD = ROOT.parent / "shared" / "eval" / "check_gold.py"


@pytest.mark.parametrize("name", SETS)
def test_committed_items_are_what_build_writes_and_every_surface_form_is_in_its_text(name, tmp_path):
    sys.path.insert(0, str(ROOT / "annotations"))
    try:
        from items_lib import write_items
    finally:
        sys.path.remove(str(ROOT / "annotations"))
    items = runpy.run_path(str(ROOT / "annotations" / name / "build.py"))["ITEMS"]
    out = tmp_path / "items.jsonl"
    assert write_items(items, out) == 0
    assert out.read_bytes() == (ROOT / "annotations" / name / "items.jsonl").read_bytes()


@pytest.mark.skipif(not CHECK_GOLD.exists(), reason="needs ../shared/eval/check_gold.py (the research data)")
@pytest.mark.parametrize("name", SETS)
def test_the_shared_gold_checker_accepts_the_items(name):
    done = subprocess.run([sys.executable, str(CHECK_GOLD), str(ROOT / "annotations" / name / "items.jsonl")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 problems" in done.stdout + done.stderr
