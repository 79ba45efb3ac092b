"""Shared pytest fixtures: paths to the repository's test fixtures, the seed article and the shared folder."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
SEED = REPO / "seeds" / "000_1f3f6e6e2c6619e0.txt"


@pytest.fixture
def fixtures_dir() -> Path:
    """``<repo>/fixtures``: small invented texts written for these tests."""
    return FIXTURES


@pytest.fixture
def seed_path() -> Path:
    """The project's own seed article."""
    if not SEED.exists():
        pytest.skip(f"seed article missing: {SEED}")
    return SEED


@pytest.fixture
def shared_dir() -> Path:
    """``<repo>/../shared`` (evaluation format and corpora); the test is skipped when it is absent."""
    path = REPO.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"shared folder not found at {path} (only present in the project workspace)")
    return path


@pytest.fixture(scope="session")
def record_schema() -> dict:
    """The JSON Schema of one output record, as shipped in the package."""
    return json.loads((resources.files("qfacts") / "schema" / "record.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def in_fixtures(monkeypatch) -> Path:
    """Run the test from inside ``fixtures/`` so that ids are short relative paths."""
    monkeypatch.chdir(FIXTURES)
    return FIXTURES
