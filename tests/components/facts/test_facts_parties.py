from qfacts.components.facts.parties import name_record_parties, text_names
from qfacts.entities import resolve
from qfacts.models import Agreement, Entity


def org(text, start, canonical=None, label="ORG"):
    return Entity(label=label, start=start, end=start + len(text), text=text, canonical=canonical)


def test_parties_a_gazetteer_name_no_mention_writes_gives_way_to_the_fullest_written_form():
    ents = [org("Britain", 0, canonical="United Kingdom", label="PLACE"), org("UK", 20, label="PLACE",
                                                                              canonical="United Kingdom")]
    resolve(ents)
    assert [e.canonical for e in ents] == ["United Kingdom", "United Kingdom"]
    assert text_names(ents) == ["Britain", "Britain"]


def test_parties_short_and_full_forms_take_the_full_name():
    ents = [org("Siemens", 0), org("Siemens AG", 30), org("Kelvo Ltd", 50)]
    resolve(ents)
    assert text_names(ents) == ["Siemens AG", "Siemens AG", "Kelvo Ltd"]


def fact(details, type_="contract", date=None):
    return Agreement(type=type_, parties=[d["name"] for d in details], date=date, status="signed",
                     trigger={"text": "deal", "start": 0, "end": 4}, sentence="...", start=0, end=3,
                     party_details=details)


def detail(name, start, role=None):
    return {"name": name, "surface": name, "role": role, "start": start, "end": start + len(name)}


def test_parties_record_names_join_the_pieces_of_a_long_text_and_merge_facts_that_become_equal():
    ents = [org("Siemens AG", 0), org("Kelvo Ltd", 20), org("Siemens", 200_000)]
    resolve(ents)
    first = fact([detail("Siemens AG", 0, "signatory"), detail("Kelvo Ltd", 20)])
    second = fact([detail("Siemens", 200_000), detail("Kelvo Ltd", 20, "signatory")], date="2024-05")
    twice = fact([detail("Siemens AG", 0), detail("Siemens", 200_000, "buyer")])
    agreements = [first, second, twice]
    name_record_parties(ents, agreements)
    assert agreements == [first, twice]
    assert first.parties == ["Siemens AG", "Kelvo Ltd"] and first.date == "2024-05"
    assert twice.parties == ["Siemens AG"] and twice.party_details[0]["role"] == "buyer"
