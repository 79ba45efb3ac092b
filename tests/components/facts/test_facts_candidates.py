import pytest

from qfacts.components.facts.candidates import Candidates


@pytest.fixture(scope="module")
def cand(cfg):
    return Candidates(cfg)


def words(text):
    return text.lower().split()


def test_candidates_negation_names_how_an_agreement_is_denied_or_ended(cand):
    assert cand.negation(words("acme denied it had signed a venture with kelvo")) == "denied"
    assert cand.negation(words("acme terminated its supply contract with kelvo")) == "ended"
    assert cand.negation(words("talks on the merger collapsed and were called off")) == "failed"
    assert cand.negation(words("acme signed a venture with kelvo")) is None


def test_candidates_a_hedge_in_the_clause_before_the_agreement_word_drops_it(cand, make, labels_of):
    doc, v = make("Acme Corp could form a joint venture with Kelvo Ltd.",
                  ("joint venture", "AGREEMENT", "joint_venture", "specific"))
    trig = doc.ents[0]
    assert cand.hedged(v, labels_of(doc), 0, trig)
    doc, v = make("Acme Corp formed a joint venture with Kelvo Ltd.",
                  ("joint venture", "AGREEMENT", "joint_venture", "specific"))
    assert not cand.hedged(v, labels_of(doc), 0, doc.ents[0])


def test_candidates_an_apposition_between_commas_hedges_nothing(cand, make, labels_of):
    doc, v = make("Acme Corp, its partly owned unit, signed a supply contract with Kelvo Ltd.",
                  ("contract", "AGREEMENT", "contract", "specific"))
    assert not cand.hedged(v, labels_of(doc), 0, doc.ents[0])


def test_candidates_a_general_word_makes_a_fact_only_beside_a_signing_verb_and_no_specific_word(cand):
    assert cand.admits("generic", specific=False, signing=True, named_sides=False)
    assert not cand.admits("generic", specific=False, signing=False, named_sides=False)
    assert not cand.admits("generic", specific=True, signing=True, named_sides=False)
    assert cand.admits("new", specific=True, signing=False, named_sides=True)  # "an accord between X and Y"
    assert cand.admits("specific", specific=True, signing=False, named_sides=False)
    assert cand.signs(words("the two firms signed it")) and not cand.signs(words("the two firms like it"))


def test_candidates_status_is_the_cue_nearest_the_agreement_word(cand, make, labels_of):
    doc, v = make("Acme Corp plans a contract after it signed a joint venture.",
                  ("contract", "AGREEMENT", "contract", "specific"),
                  ("joint venture", "AGREEMENT", "joint_venture", "specific"))
    cues = cand.status_cues(v.lower, 0, len(doc))
    contract, venture = doc.ents
    assert cand.status_of(cues, contract) == "planned"
    assert cand.status_of(cues, venture) == "signed"
    assert cand.status_of([], venture) == "announced"


def test_candidates_an_investment_inside_a_joint_venture_is_absorbed_by_it(cand, make, labels_of):
    doc, _ = make("Each took a stake in the joint venture.", ("stake", "AGREEMENT", "investment", "specific"),
                  ("joint venture", "AGREEMENT", "joint_venture", "specific"))
    stake, venture = doc.ents
    assert cand.is_absorbed(stake, list(doc.ents))
    assert not cand.is_absorbed(venture, list(doc.ents))


def test_candidates_buying_a_share_of_a_company_is_an_investment_and_buying_all_of_it_an_acquisition(cand, make):
    doc, _ = make("Acme acquired 10 pct of Kelvo.", ("acquired", "AGREEMENT", "acquisition", "specific"),
                  ("pct", "AGREEMENT", "investment", "specific"))
    acquired, pct = doc.ents
    assert cand.is_absorbed(acquired, list(doc.ents)) and not cand.is_absorbed(pct, list(doc.ents))
    doc, _ = make("Acme agreed to purchase all outstanding shares of Kelvo.",
                  ("purchase", "AGREEMENT", "acquisition", "specific"), ("shares", "AGREEMENT", "investment", "specific"))
    purchase, shares = doc.ents
    assert not cand.is_absorbed(purchase, list(doc.ents)) and cand.is_absorbed(shares, list(doc.ents))
