import pytest

from qfacts.components.facts.candidates import Candidates
from qfacts.components.facts.dates import set_date
from qfacts.components.facts.merge import Merger, side_count
from qfacts.components.facts.parties import dedupe, set_parties
from qfacts.components.facts.sides import Sides


@pytest.fixture(scope="module")
def merger(cfg):
    return Merger(cfg, Candidates(cfg).signs, Sides(cfg).listed_names)


def fact(type_, parties, sentence="They signed.", start=0, date=None, headline=False):
    f = {"type": type_, "status": "signed", "sentence": sentence, "start": start, "_headline": headline,
         "_base": type_}
    set_parties(f, parties)
    set_date(f, None)
    if date is not None:
        f["date"] = date
    return f


@pytest.fixture()
def names(make):
    doc, _ = make("Acme Corp, Kelvo Ltd, Orrin Bank and Kelvo now.", ("Acme Corp", "ORG"), ("Kelvo Ltd", "ORG"),
                  ("Orrin Bank", "ORG"), ("Kelvo#2", "ORG"))
    return {e.text: e for e in doc.ents}


def test_merge_facts_of_one_type_and_the_same_parties_are_one_and_keep_a_date(merger, names):
    a = fact("contract", [names["Acme Corp"], names["Kelvo Ltd"]])
    b = fact("contract", [names["Kelvo Ltd"], names["Acme Corp"]], date="2025-05")
    out = merger.finish([a, b])
    assert [(f["type"], f["parties"], f["date"]) for f in out] == [("contract", ["Acme Corp", "Kelvo Ltd"], "2025-05")]


def test_merge_a_one_sided_fact_takes_the_other_side_of_its_partys_latest_deal(merger, names):
    a = fact("contract", [names["Acme Corp"], names["Kelvo Ltd"]])
    b = fact("letter_of_intent", [names["Acme Corp"]], sentence="Acme signed a letter of intent.")
    out = merger.finish([a, b])
    assert [f["parties"] for f in out] == [["Acme Corp", "Kelvo Ltd"], ["Acme Corp", "Kelvo Ltd"]]


def test_merge_a_one_sided_fact_stays_so_where_the_text_says_the_partners_are_unnamed(merger, names):
    a = fact("contract", [names["Acme Corp"], names["Kelvo Ltd"]])
    b = fact("partnership", [names["Acme Corp"]], sentence="Acme will form a consortium with unnamed partners.")
    assert [f["parties"] for f in merger.finish([a, b])][1] == ["Acme Corp"]


def test_merge_headline_facts_give_way_to_the_bodys(merger, names):
    a = fact("contract", [names["Acme Corp"], names["Kelvo"]], headline=True)
    b = fact("contract", [names["Acme Corp"], names["Orrin Bank"]])
    assert [f["parties"] for f in merger.finish([a, b])] == [["Acme Corp", "Orrin Bank"]]


def test_merge_a_short_and_a_full_name_count_as_one_side():
    assert side_count(frozenset({"kelvo", "kelvo ltd", "acme corp"})) == 2
    assert side_count(frozenset({"kelvo ltd", "acme corp", "orrin"})) == 3


def test_merge_dedupe_keeps_each_party_once(names):
    assert [p.text for p in dedupe([names["Acme Corp"], names["Kelvo"], names["Acme Corp"]])] == ["Acme Corp", "Kelvo"]


def test_merge_a_one_party_fact_is_the_bigger_fact_of_its_type_that_has_its_party(merger, names):
    a = fact("contract", [names["Orrin Bank"]], date="2025-05")
    b = fact("contract", [names["Acme Corp"], names["Kelvo Ltd"]])
    c = fact("contract", [names["Orrin Bank"], names["Kelvo Ltd"]])
    out = merger.finish([a, b, c])
    assert [(f["parties"], f["date"]) for f in out] == [(["Acme Corp", "Kelvo Ltd"], None),
                                                        (["Orrin Bank", "Kelvo Ltd"], "2025-05")]


def test_merge_a_one_party_fact_named_by_the_first_words_of_a_sides_name_is_that_fact(merger, names):
    short = fact("contract", [names["Kelvo"]], date="2025-06")
    full = fact("contract", [names["Kelvo Ltd"], names["Acme Corp"]])
    other = fact("partnership", [names["Kelvo Ltd"], names["Orrin Bank"]])
    out = merger.finish([short, full, other])
    assert [(f["type"], f["date"]) for f in out] == [("contract", "2025-06"), ("partnership", None)]


def test_merge_one_sided_facts_each_take_the_latest_two_sided_deal_of_their_party(merger, names):
    first = fact("contract", [names["Acme Corp"], names["Kelvo Ltd"]])
    second = fact("contract", [names["Acme Corp"], names["Orrin Bank"]])
    lone = fact("letter_of_intent", [names["Acme Corp"]], sentence="Acme signed a letter of intent.")
    lone_kelvo = fact("licensing", [names["Kelvo Ltd"]], sentence="Kelvo signed a licence.")
    out = merger.finish([first, second, lone, lone_kelvo])
    assert [f["parties"] for f in out][2:] == [["Acme Corp", "Orrin Bank"], ["Kelvo Ltd", "Acme Corp"]]
