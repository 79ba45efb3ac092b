from conftest import make_blank


def agreements(doc):
    return [(e.text, e._.value, e._.kind) for e in doc.ents if e.label_ == "AGREEMENT"]


def test_agreements_types_specific_phrases_case_insensitively():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("They signed a Memorandum of Understanding and a letter of intent, then formed a joint venture.")
    assert [(t, v) for t, v, _ in agreements(doc)] == [
        ("Memorandum of Understanding", "memorandum_of_understanding"),
        ("letter of intent", "letter_of_intent"),
        ("joint venture", "joint_venture"),
    ]


def test_agreements_acronyms_match_only_in_their_own_case():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("The MOU was signed; a jv is not the same as a JV.")
    assert [t for t, _, _ in agreements(doc)] == ["MOU", "JV"]


def test_agreements_anaphor_takes_the_type_of_the_earlier_agreement():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("Both sides issued a joint declaration. The joint agreement covers exports.")
    assert agreements(doc)[-1] == ("joint agreement", "joint_declaration", "anaphor")


def test_agreements_anaphor_prefers_an_earlier_mention_of_its_own_type():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("They formed a joint venture backed by an investment. The venture will open in May.")
    assert agreements(doc)[-1][:2] == ("venture", "joint_venture")


def test_agreements_undetermined_anaphor_noun_is_a_new_agreement():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("The two banks reached an agreement on fees.")
    assert agreements(doc) == [("agreement", "other_agreement", "new")]


def test_agreements_general_cooperation_words_are_marked_generic():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("Cooperation between the ports grew.")
    assert agreements(doc) == [("Cooperation", "cooperation_agreement", "generic")]


def test_agreements_the_deal_refers_to_the_most_mentioned_earlier_agreement():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("Kelvo is investing in Zentrix and takes a stake. Its chief will join the board. "
              "As part of the deal, Zentrix moves its servers.")
    assert agreements(doc)[-1][:2] == ("deal", "investment")


def test_agreements_use_a_user_pattern_file_given_as_config(tmp_path):
    import spacy

    patterns = tmp_path / "mine.jsonl"
    patterns.write_text('{"phrase": "handshake deal", "type": "other_agreement", "kind": "specific"}\n',
                        encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("qfacts_agreements", config={"patterns": str(patterns)})
    doc = nlp("They made a handshake deal and an MOU.")
    assert agreements(doc) == [("handshake deal", "other_agreement", "specific")]


def test_agreements_a_longer_phrase_in_another_sense_blocks_the_agreement_word():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("The investment bank advised the contract chipmaker on its investment.")
    assert agreements(doc) == [("investment", "investment", "specific")]


def test_agreements_the_letter_is_an_agreement_only_after_a_letter_of_intent():
    nlp = make_blank("qfacts_agreements")
    assert agreements(nlp("The letter was posted on Monday.")) == []
    doc = nlp("They signed a letter of intent. The letter covers chips.")
    assert agreements(doc)[-1] == ("letter", "letter_of_intent", "anaphor")


def test_agreements_a_phrase_broken_by_a_line_break_is_one_mention():
    nlp = make_blank("qfacts_agreements")
    text = "Kelvo signed an agreement to\nsupply parts and a memorandum of\n   understanding."
    doc = nlp(text)
    got = [(t, v) for t, v, _ in agreements(doc)]
    assert got == [("agreement to\nsupply", "contract"), ("memorandum of\n   understanding", "memorandum_of_understanding")]
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)


def test_agreements_join_needs_a_name_in_the_same_sentence():
    nlp = make_blank("qfacts_agreements")
    assert agreements(nlp("The parts are hard to join. Kelvo makes them.")) == []


def test_agreements_a_similar_agreement_is_a_new_agreement_of_the_earlier_type():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("Kelvo signed a cooperation agreement. Zentrix signed a similar agreement.")
    assert agreements(doc)[-1] == ("agreement", "cooperation_agreement", "specific")
    doc = nlp("Kelvo won a supply contract. Marden signed another deal.")
    assert agreements(doc)[-1] == ("deal", "contract", "specific")


def test_agreements_the_agreement_refers_to_the_specific_agreement_not_a_general_one():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("Two firms signed a memorandum of understanding, the first such agreement in the region. "
              "Analysts praised the agreement.")
    assert [v for _, v, _ in agreements(doc)] == ["memorandum_of_understanding"] * 3


def test_agreements_a_hyphenated_modifier_keeps_the_determiner():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("They signed a joint venture deal, the first state-to-state agreement of its kind.")
    assert agreements(doc)[-1] == ("agreement", "joint_venture", "anaphor")


def test_agreements_a_titled_partnership_agreement_is_a_trade_agreement():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("The Nordic Digital Partnership Agreement took effect; a partnership agreement with a bank did not.")
    assert [(t, v) for t, v, _ in agreements(doc)] == [("Partnership Agreement", "trade_agreement"),
                                                       ("partnership agreement", "partnership")]


def test_agreements_joint_venture_laws_are_no_agreement():
    nlp = make_blank("qfacts_agreements")
    assert agreements(nlp("The holding is set up under new joint venture laws.")) == []


def test_agreements_member_names_a_membership_only_after_becoming_or_joining():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("Kelvo Bank will become a card-issuing member of the Marden Network.")
    assert ("member", "membership", "specific") in agreements(doc)
    assert agreements(nlp("Jane Roe is a member of the Marden Network.")) == []


def test_facts_becoming_a_member_of_a_named_network_is_a_membership(nlp):
    doc = nlp("Kelvo Bank will become a card-issuing member of the Marden Card Association next year.")
    assert [(f["type"], f["parties"]) for f in doc._.agreements] == [
        ("membership", ["Kelvo Bank", "Marden Card Association"])]


def test_facts_agreed_with_a_named_party_is_an_agreement(nlp):
    doc = nlp("Kelvo Airlines Ltd said it has agreed with Marden Airways Ltd to share a route.")
    assert [(f["type"], f["parties"]) for f in doc._.agreements] == [
        ("other_agreement", ["Kelvo Airlines Ltd", "Marden Airways Ltd"])]
    assert nlp("Analysts agreed with the forecast.")._.agreements == []


def test_agreements_a_possessor_after_the_determines_the_noun():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("Kelvo signed a loan agreement. It is the bank's first loan to a shipyard.")
    assert agreements(doc)[-1] == ("loan", "investment", "repeat")


def test_agreements_percent_owned_and_a_share_of_the_vote_are_no_investment():
    nlp = make_blank("qfacts_agreements")
    # buying out a unit is an acquisition (a business is bought); its "percent owned" is no investment
    assert agreements(nlp("Kelvo plans to buy out its 73 percent owned unit.")) == [("buy", "acquisition", "specific")]
    assert agreements(nlp("The party took 10 percent of the vote.")) == []
    assert ("pct", "investment", "specific") in agreements(nlp("Marden bought 10 pct of Kelvo."))


def test_agreements_a_sale_word_names_an_acquisition_only_when_a_business_is_sold():
    nlp = make_blank("qfacts_agreements")
    assert agreements(nlp("Kelvo agreed to sell its filter products division to Orrin.")) == [
        ("sell", "acquisition", "specific")]
    assert agreements(nlp("Kelvo sells dental products to clinics.")) == []
    assert agreements(nlp("The loans will be sold by Kelvo branches.")) == [("loans", "investment", "specific")]


def test_agreements_an_agreement_to_sell_a_business_is_an_acquisition_else_a_contract():
    nlp = make_blank("qfacts_agreements")
    assert agreements(nlp("Kelvo entered an agreement to sell its dairy operations to Orrin."))[0][1] == "acquisition"
    assert agreements(nlp("Kelvo entered an agreement to sell pumps to Orrin."))[0][1] == "contract"


def test_agreements_a_pronoun_ends_the_phrase_so_said_it_agreed_is_no_repeat():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("Kelvo agreed to acquire Orrin in May. Later Kelvo said it agreed to acquire Zentrix.")
    assert [k for _, _, k in agreements(doc)] == ["specific", "specific"]


def test_agreements_a_word_that_modifies_a_business_or_measure_noun_names_no_agreement():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("She ran the mergers and acquisitions department; investment income and loan losses rose.")
    assert agreements(doc) == []
    doc = nlp("Tamsin Labs won a contract and made an investment in Kelvo.")
    assert [t for t, _, _ in agreements(doc)] == ["won a contract", "investment"]


def test_agreements_economic_aggregate_investment_is_no_agreement():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("The minister wants more foreign investment and higher public investment.")
    assert agreements(doc) == []
    doc = nlp("Kelvo announced a new investment in the port.")
    assert [t for t, _, _ in agreements(doc)] == ["investment"]


def test_agreements_traded_units_and_financial_instruments_are_no_contracts():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("Volume was 19,560 contracts as a futures contract on bonds opened; return on investment fell.")
    assert agreements(doc) == []
    doc = nlp("The agency signed 12 contracts with builders.")
    assert [t for t, _, _ in agreements(doc)] == ["contracts"]


def test_agreements_venture_modifying_firms_is_venture_capital_not_a_joint_venture():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("Kelvo formed a joint venture with Zentrix. The venture firms will add staff; the venture grew.")
    assert [t for t, _, _ in agreements(doc)] == ["joint venture", "venture"]


def test_agreements_repurchase_agreements_and_contract_prices_are_no_agreements():
    nlp = make_blank("qfacts_agreements")
    doc = nlp("The central bank arranged repurchase agreements; the refiner cut the contract price.")
    assert agreements(doc) == []
