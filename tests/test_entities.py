"""Canonical entities: one name per organisation or place of a document, with its other surface forms."""
from __future__ import annotations

import qfacts
from qfacts.entities import resolve
from qfacts.models import Entity


def ents(*items: tuple) -> list[Entity]:
    out, pos = [], 0
    for label, text, *canonical in items:
        out.append(Entity(label, pos, pos + len(text), text, canonical=canonical[0] if canonical else None))
        pos += len(text) + 10
    return out


def test_acronym_joins_the_one_name_whose_capitalised_words_it_spells():
    es = ents(("ORG", "Northern Grid Operators Council"), ("ORG", "NGOC"), ("ORG", "Vornak Labs"))
    found = resolve(es)
    assert [e.canonical for e in es] == ["Northern Grid Operators Council"] * 2 + ["Vornak Labs"]
    assert found[0] == {"label": "ORG", "name": "Northern Grid Operators Council", "aliases": ["NGOC"], "mentions": 2}


def test_acronym_spelling_two_names_stays_its_own_entity():
    es = ents(("ORG", "Blue River Corp"), ("ORG", "Black Rock Capital"), ("ORG", "BRC"))
    resolve(es)
    assert es[2].canonical == "BRC"


def test_first_word_alone_joins_the_one_longer_name_it_begins():
    es = ents(("ORG", "Kelvo"), ("ORG", "Kelvo University"), ("ORG", "Kelvo"))
    found = resolve(es)
    assert {e.canonical for e in es} == {"Kelvo University"}
    assert found == [{"label": "ORG", "name": "Kelvo University", "aliases": ["Kelvo"], "mentions": 3}]


def test_first_word_shared_by_two_longer_names_is_not_joined():
    es = ents(("ORG", "Kelvo University"), ("ORG", "Kelvo Hospital"), ("ORG", "Kelvo"))
    resolve(es)
    assert es[2].canonical == "Kelvo"


def test_legal_suffix_variants_are_one_company():
    es = ents(("ORG", "Trilix Corp."), ("ORG", "Trilix"), ("ORG", "Trilix Corp"))
    found = resolve(es)
    assert len(found) == 1 and found[0]["mentions"] == 3
    assert sorted(found[0]["aliases"] + [found[0]["name"]]) == ["Trilix", "Trilix Corp", "Trilix Corp."]


def test_gazetteer_canonical_wins_even_when_not_in_the_text():
    es = ents(("PLACE", "U.S.", "United States"), ("PLACE", "US", "United States"), ("PLACE", "Texas", "Texas"))
    found = resolve(es)
    assert found == [{"label": "PLACE", "name": "United States", "aliases": ["U.S.", "US"], "mentions": 2},
                     {"label": "PLACE", "name": "Texas", "aliases": [], "mentions": 1}]


def test_org_and_place_of_the_same_name_stay_apart_and_line_breaks_count_as_spaces():
    es = ents(("PLACE", "Georgia"), ("ORG", "Georgia Power\nCo"), ("ORG", "Georgia Power Co"))
    found = resolve(es)
    assert [(c["label"], c["name"], c["mentions"]) for c in found] == [("PLACE", "Georgia", 1),
                                                                        ("ORG", "Georgia Power Co", 2)]


def test_record_lists_each_entity_once_in_first_mention_order():
    text = ("Vornak Quantum Institute (VQI) and Acme Corp signed a pact in the U.S. on Friday. "
            "Acme said VQI would host it in the United States.")
    record = qfacts.extract(text, "2025-05-19").to_dict()
    by_text = {e["text"]: e.get("canonical") for e in record["entities"] if e["label"] in ("ORG", "PLACE")}
    assert by_text["VQI"] == "Vornak Quantum Institute"
    assert by_text["Acme"] == "Acme Corp"
    assert by_text["U.S."] == by_text["United States"] == "United States"
    assert record["canonical_entities"] == [
        {"label": "ORG", "name": "Vornak Quantum Institute", "aliases": ["VQI"], "mentions": 3},
        {"label": "ORG", "name": "Acme Corp", "aliases": ["Acme"], "mentions": 2},
        {"label": "PLACE", "name": "United States", "aliases": ["U.S."], "mentions": 2},
    ]


def test_bracketed_acronyms_belong_to_the_name_they_follow_even_when_another_name_spells_them():
    text = ("The European Photonics Industry Consortium (PhIC) and Photonics Industry Canada (PIC) met. PhIC agreed. "
            "The Northern Space Promotion and Licensing Centre (NS-PLC) ran it.")
    found = {c["name"]: c["aliases"] for c in qfacts.extract(text).canonical_entities}
    assert found["European Photonics Industry Consortium"] == ["PhIC"]
    assert found["Photonics Industry Canada"] == ["PIC"]
    assert found["Northern Space Promotion and Licensing Centre"] == ["NS-PLC"]


def test_capitalised_head_after_the_is_the_one_found_name_it_ends():
    record = qfacts.extract("The Kelvo Street Journal reported it. After the Journal's story, Vornak Labs and "
                            "Trilix Labs fell; the Labs declined to comment.")
    by_text = {e.text: e.canonical for e in record.entities if e.label == "ORG"}
    assert by_text["Journal"] == "Kelvo Street Journal"
    assert "Labs" not in by_text  # two names end in it: no short form


def test_first_word_is_no_short_form_when_the_longer_name_has_other_name_words():
    es = ents(("ORG", "Kelvo Web Services"), ("ORG", "Kelvo"))
    resolve(es)
    assert [e.canonical for e in es] == ["Kelvo Web Services", "Kelvo"]


def test_every_agreement_party_is_a_name_or_alias_of_a_canonical_entity():
    from pathlib import Path

    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_1f3f6e6e2c6619e0.txt"
    record = qfacts.extract(seed.read_text(encoding="utf-8"), "2025-05-19")
    forms = {form for c in record.canonical_entities for form in [c["name"], *c["aliases"]]}
    parties = [p for fact in record.agreements for p in fact.parties]
    assert parties and all(p in forms for p in parties)
