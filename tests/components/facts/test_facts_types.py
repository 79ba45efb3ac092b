import pytest

from qfacts.components.facts.dates import set_date
from qfacts.components.facts.parties import set_parties
from qfacts.components.facts.types import Types


@pytest.fixture(scope="module")
def types(cfg):
    return Types(cfg)


def test_types_a_general_agreement_takes_the_type_of_its_purpose(types, make, labels_of):
    doc, v = make("Acme Corp reached an agreement to set up a shipping company with Kelvo Ltd.",
                  ("agreement", "AGREEMENT", "other_agreement", "generic"))
    trig = doc.ents[0]
    purpose = types.purpose_of(v.lower, labels_of(doc), trig, len(doc), "other_agreement", [trig])
    assert purpose == "joint_venture"
    assert types.fact_type("other_agreement", purpose, []) == "joint_venture"
    assert not types.plans(purpose, "joint_venture")


def test_types_an_instrument_keeps_its_type_and_plans_its_purpose(types, make, labels_of):
    doc, v = make("Acme Corp signed a letter of intent to buy a stake in Kelvo Ltd.",
                  ("letter of intent", "AGREEMENT", "letter_of_intent", "specific"))
    trig = doc.ents[0]
    purpose = types.purpose_of(v.lower, labels_of(doc), trig, len(doc), "letter_of_intent", [trig])
    assert purpose == "acquisition"
    assert types.fact_type("letter_of_intent", purpose, []) == "letter_of_intent"
    assert types.plans(purpose, "letter_of_intent")


def test_types_a_purpose_the_sentence_names_itself_is_no_second_fact(types, make, labels_of):
    doc, v = make("Acme Corp signed a letter of intent to form a joint venture.",
                  ("letter of intent", "AGREEMENT", "letter_of_intent", "specific"),
                  ("joint venture", "AGREEMENT", "joint_venture", "specific"))
    loi, jv = doc.ents
    assert types.purpose_of(v.lower, labels_of(doc), loi, len(doc), "letter_of_intent", [loi, jv]) is None


def test_types_a_general_accord_between_states_only_is_a_trade_agreement(types, make):
    doc, _ = make("Chile and Peru signed an accord.", ("Chile", "PLACE"), ("Peru", "PLACE"))
    chile, peru = doc.ents
    doc2, _ = make("Chile and Acme Corp signed an accord.", ("Chile", "PLACE"), ("Acme Corp", "ORG"))
    assert types.fact_type("other_agreement", None, [chile, peru]) == "trade_agreement"
    assert types.fact_type("other_agreement", None, list(doc2.ents)) == "other_agreement"


def test_types_an_anaphor_dates_and_completes_the_earlier_fact_of_its_type(types, make):
    doc, _ = make("Acme Corp signed a contract. The contract was signed on Friday with Kelvo Ltd in Lisbon.",
                  ("Acme Corp", "ORG"), ("contract", "AGREEMENT", "contract", "specific"),
                  ("contract#2", "AGREEMENT", "contract", "anaphor"), ("Friday", "DATE", "2025-05-16"),
                  ("Kelvo Ltd", "ORG"))
    acme, _, again, friday, kelvo = doc.ents
    fact = {"type": "contract", "_base": "contract"}
    set_parties(fact, [acme])
    set_date(fact, None)
    assert types.attach([fact], again, [friday], [[kelvo]], []) is fact
    assert (fact["parties"], fact["date"]) == (["Acme Corp", "Kelvo Ltd"], "2025-05-16")
    other = {"type": "licensing", "_base": "licensing"}
    assert types.attach([other], again, [friday], [[kelvo]], []) is None  # no earlier contract: nothing to attach
