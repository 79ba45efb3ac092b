import datetime as dt
import random

import pytest


def facts(nlp, text, ref="2025-05-19"):
    doc = nlp.make_doc(text)
    doc._.reference_date = dt.date.fromisoformat(ref)
    doc = nlp(doc)
    return [(f["type"], f["parties"], f["date"]) for f in doc._.agreements]


def test_facts_subject_and_partner_after_with(nlp):
    got = facts(nlp, "Brightline Systems Inc signed a memorandum of understanding with Oakridge University on Friday.")
    assert got == [("memorandum_of_understanding", ["Brightline Systems Inc", "Oakridge University"], "2025-05-16")]


def test_facts_each_with_phrase_is_a_separate_partner(nlp):
    got = facts(nlp, "Zentrix Labs plans joint research not only with Oakridge University but also with "
                     "Harbor Institute.")
    assert got == [("joint_research", ["Zentrix Labs", "Oakridge University"], None),
                   ("joint_research", ["Zentrix Labs", "Harbor Institute"], None)]


def test_facts_the_city_refers_to_the_most_named_place(nlp):
    text = ("Munich is a hub for chips. Munich has many startups.\n\n"
            "The city on Monday signed a pilot project with Brightline Systems Inc to test drones.")
    assert facts(nlp, text) == [("pilot_project", ["Munich", "Brightline Systems Inc"], "2025-05-19")]


def test_facts_denied_agreements_are_not_facts(nlp):
    assert facts(nlp, "Zentrix Labs denied it had signed a joint venture with Brightline Systems Inc.") == []


def test_facts_hedged_agreements_are_not_facts(nlp):
    assert facts(nlp, "Zentrix Labs could form a joint venture with Brightline Systems Inc.") == []


def test_facts_general_cooperation_needs_a_signing_verb(nlp):
    assert facts(nlp, "Munich owes its growth to cooperation with Oakridge University.") == []
    got = facts(nlp, "Munich signed a cooperation agreement with Oakridge University.")
    assert got == [("cooperation_agreement", ["Munich", "Oakridge University"], None)]


def test_facts_location_and_modifier_places_are_not_parties(nlp):
    got = facts(nlp, "Zentrix Labs signed a contract in Paris with a Tokyo-based firm, Kelvo Corp, for parts.")
    assert got == [("contract", ["Zentrix Labs", "Kelvo Corp"], None)]


def test_facts_anaphor_gives_its_date_to_the_earlier_fact_and_makes_no_new_one(nlp):
    text = ("Zentrix Labs and Oakridge University agreed a memorandum of understanding.\n\n"
            "The memorandum was signed on Friday.")
    assert facts(nlp, text) == [("memorandum_of_understanding", ["Zentrix Labs", "Oakridge University"],
                                 "2025-05-16")]


def test_facts_record_the_sentence_and_offsets(nlp):
    text = "Intro line.\n\nZentrix Labs signed a contract with Kelvo Corp."
    doc = nlp(text)
    fact = doc._.agreements[0]
    assert text[fact["start"]:fact["end"]] == fact["sentence"] == "Zentrix Labs signed a contract with Kelvo Corp."
    assert text[fact["trigger"]["start"]:fact["trigger"]["end"]] == "contract"


def test_facts_dateline_places_are_not_parties_and_amounts_do_not_hide_the_partner(nlp):
    text = "REDMOND, Washington, April 16 -- Kelvo Corp is investing $1.5 billion in Zentrix Labs, it said."
    assert facts(nlp, text, ref="2024-04-17") == [("investment", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_a_partner_scan_stops_at_a_preposition(nlp):
    got = facts(nlp, "Kelvo Corp signed a contract in consultation with the governments of France and Spain.")
    assert got == [("contract", ["Kelvo Corp"], None)]


def test_facts_names_joined_by_and_with_a_ticker_and_a_description_are_one_subject(nlp):
    got = facts(nlp, "Kelvo Corp <KLV.N> and Belgian group Zentrix Labs have formed a joint venture.")
    assert got == [("joint_venture", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_the_two_companies_are_the_sides_of_the_previous_fact(nlp):
    text = ("Kelvo Corp and Zentrix Labs formed a joint venture on Monday.\n\n"
            "The two companies also signed a licensing agreement.")
    assert facts(nlp, text) == [("joint_venture", ["Kelvo Corp", "Zentrix Labs"], "2025-05-19"),
                                ("licensing", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_one_sided_mention_of_an_agreement_with_known_sides_is_merged_into_it(nlp):
    text = ("Kelvo Corp signed a contract with Zentrix Labs.\n\n"
            "Kelvo Corp said the contract was signed on Friday.")
    assert facts(nlp, text) == [("contract", ["Kelvo Corp", "Zentrix Labs"], "2025-05-16")]


def test_facts_party_names_broken_across_lines_are_written_on_one_line(nlp):
    text = "Kelvo Corp said it signed a contract with Zentrix\nSystems Inc for parts and\nservices over the next three\nyears."
    assert facts(nlp, text) == [("contract", ["Kelvo Corp", "Zentrix Systems Inc"], None)]


def test_facts_a_repeated_mention_completes_the_earlier_fact_with_its_signers_and_date(nlp):
    text = ("Officials discussed a memorandum of cooperation (MOC) on chips.\n\n"
            "The MOC was signed on Friday by Kelvo Corp and Zentrix Labs.")
    assert facts(nlp, text) == [("memorandum_of_understanding", ["Kelvo Corp", "Zentrix Labs"], "2025-05-16")]


def test_facts_organisations_that_endorse_an_agreement_are_not_its_sides(nlp):
    text = "Kelvo Corp signed a contract with Zentrix Labs. The contract was endorsed by Oakridge University."
    assert facts(nlp, text) == [("contract", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_agreements_said_never_to_have_been_discussed_are_not_facts(nlp):
    assert facts(nlp, "Kelvo Corp said it had never held talks with Zentrix Labs on a joint venture.") == []
    assert facts(nlp, "Kelvo Corp is not discussing any licensing deal with Zentrix Labs.") == []


def test_facts_a_general_agreement_between_states_is_a_trade_agreement(nlp):
    got = facts(nlp, "France signed an agreement with Spain on water rights.")
    assert got == [("trade_agreement", ["France", "Spain"], None)]


def test_facts_places_listed_after_a_preposition_are_not_the_subject(nlp):
    got = facts(nlp, "Groups active in Canada, Japan and Europe signed a memorandum of understanding with "
                     "Zentrix Labs.")
    assert got == [("memorandum_of_understanding", ["Zentrix Labs"], None)]


def test_facts_subjects_coordinated_across_appositions_are_both_sides(nlp):
    text = ("Kelvo Corp, a Lisbon software maker, and Zentrix Labs, a firm building test rigs, "
            "signed a memorandum of understanding.")
    assert facts(nlp, text) == [("memorandum_of_understanding", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_names_joined_across_a_wrapped_line_are_one_subject(nlp):
    text = "Kelvo Corp <KLV.N> and Belgian group\n<Zentrix Labs> have formed a joint venture."
    assert facts(nlp, text) == [("joint_venture", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_headline_facts_give_way_to_the_body(nlp):
    text = ("KELVO SIGNS PACT\n"
            "Kelvo Corp said it signed a supply agreement with Zentrix Labs.")
    assert facts(nlp, text) == [("contract", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_the_two_countries_are_the_places_of_the_latest_fact_with_two_sides(nlp):
    text = ("Portugal and Chile signed a memorandum of understanding on Monday.\n\n"
            "It names Portugal as host of the first meeting. "
            "The two countries will also launch pilot projects in schools.")
    assert facts(nlp, text)[-1] == ("pilot_project", ["Portugal", "Chile"], None)


def test_facts_joining_a_named_group_makes_it_a_side_but_joining_a_board_does_not(nlp):
    assert facts(nlp, "Kelvo Corp has joined the Nordic Battery Alliance as a member.") == [
        ("membership", ["Kelvo Corp", "Nordic Battery Alliance"], None)]
    assert facts(nlp, "Jane Doe will join the Kelvo Corp board next year.") == []


def test_facts_relative_clause_takes_the_name_it_hangs_on(nlp):
    text = "Kelvo Corp bought Zentrix Labs, a maker of sensors that had joined the Nordic Battery Alliance."
    got = facts(nlp, text)
    assert ("membership", ["Zentrix Labs", "Nordic Battery Alliance"], None) in got


def test_facts_a_partner_brought_in_by_a_preposition_after_the_verb(nlp):
    got = facts(nlp, "Kelvo Corp agreed to license its coatings to Zentrix Labs.")
    assert got == [("licensing", ["Kelvo Corp", "Zentrix Labs"], None)]
    got = facts(nlp, "Kelvo Corp will invest about A$20 million in Zentrix Labs.")
    assert got == [("investment", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_sources_and_sponsors_are_not_sides(nlp):
    got = facts(nlp, "Kelvo Corp reached a research agreement with Zentrix Partners LP, a fund sponsored by "
                     "Oakridge Capital Inc.")
    assert got == [("joint_research", ["Kelvo Corp", "Zentrix Partners LP"], None)]


def test_facts_people_named_with_their_organisations_bring_the_organisations(nlp):
    text = ("Kelvo Corp chief executive Jane Doe and Oakridge University president John Roe on Monday "
            "launched a strategic partnership.")
    assert facts(nlp, text) == [("partnership", ["Kelvo Corp", "Oakridge University"], "2025-05-19")]


def test_facts_representatives_of_states_bring_the_states(nlp):
    text = "The ministers of Portugal, Peru and Chile issued a joint statement on Monday."
    assert facts(nlp, text) == [("joint_declaration", ["Portugal", "Peru", "Chile"], "2025-05-19")]


def test_facts_a_clause_before_the_name_is_no_partner(nlp):
    text = "According to people familiar with the plan, Kelvo Corp reached an understanding with Zentrix Labs."
    assert facts(nlp, text) == [("other_agreement", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_sides_listed_in_the_next_sentence(nlp):
    text = ("Three trade groups signed a memorandum of understanding on Monday.\n\n"
            "The signatories are Kelvo Corp, Zentrix Labs and Oakridge University.\n\n"
            "They also issued a joint statement.")
    assert facts(nlp, text) == [
        ("memorandum_of_understanding", ["Kelvo Corp", "Zentrix Labs", "Oakridge University"], "2025-05-19"),
        ("joint_declaration", ["Kelvo Corp", "Zentrix Labs", "Oakridge University"], None)]


def test_facts_the_partnership_between_named_sides_completes_the_earlier_one(nlp):
    text = ("Kelvo Corp on Monday launched a public-private partnership to train engineers.\n\n"
            "The partnership between the state of Portugal, Kelvo Corp and Zentrix Labs relies on private "
            "investment.")
    assert facts(nlp, text) == [("partnership", ["Kelvo Corp", "Portugal", "Zentrix Labs"], "2025-05-19")]


def test_facts_carry_the_cameo_code_of_their_type_or_status(nlp):
    doc = nlp("Kelvo Corp signed a memorandum of understanding with Zentrix Labs. "
              "Oakridge University is in talks with Harbor Institute on a joint venture.")
    assert [(f["type"], f["status"], f["cameo"]) for f in doc._.agreements] == [
        ("memorandum_of_understanding", "signed", "057"), ("joint_venture", "negotiating", "046")]


def test_facts_negated_agreements_are_output_only_with_the_option_and_their_status():
    import qfacts  # noqa: F401
    import spacy
    text = ("Kelvo Corp terminated its joint venture with Zentrix Labs. "
            "Oakridge University rejected a licensing agreement with Harbor Institute.")
    default = spacy.blank("en")
    optional = spacy.blank("en")
    for name in ("qfacts_dates", "qfacts_places", "qfacts_orgs", "qfacts_agreements"):
        default.add_pipe(name)
        optional.add_pipe(name)
    default.add_pipe("qfacts_facts")
    optional.add_pipe("qfacts_facts", config={"include_negated": True})
    assert default(text)._.agreements == []
    got = [(f["type"], f["parties"], f["status"]) for f in optional(text)._.agreements]
    assert got == [("joint_venture", ["Kelvo Corp", "Zentrix Labs"], "ended"),
                   ("licensing", ["Oakridge University", "Harbor Institute"], "refused")]


def test_facts_the_reported_clause_gives_the_subject(nlp):
    text = ("Kelvo Corp and Zentrix Labs signed a licensing agreement on Monday.\n\n"
            "Kelvo said the companies agreed to begin a joint research programme.")
    assert facts(nlp, text)[-1] == ("joint_research", ["Kelvo Corp", "Zentrix Labs"], None)


def test_facts_a_partner_in_a_later_clause_is_not_a_side(nlp):
    text = "Kelvo Corp signed a letter of intent for ten ships, but its board awaits talks with Zentrix Labs."
    assert facts(nlp, text) == [("letter_of_intent", ["Kelvo Corp"], None)]


def test_facts_a_unit_of_a_named_parent_brings_the_parent(nlp):
    got = facts(nlp, "Kelvo Corp agreed to license a coating to a unit of Zentrix Labs.")
    assert got == [("licensing", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_said_in_a_statement_is_no_joint_declaration(nlp):
    assert facts(nlp, "Kelvo Corp will hire staff this year, Zentrix Labs said in a statement.") == []


def test_facts_setting_up_a_company_together_is_a_joint_venture(nlp):
    got = facts(nlp, "Portugal and Chile agreed to set up a new company with Peru to mine copper.")
    assert got == [("joint_venture", ["Portugal", "Chile", "Peru"], None)]


def test_facts_signed_a_framework_is_a_cooperation_agreement_of_their_governments(nlp):
    text = ("Portugal and Chile issued a joint statement on Monday.\n\n"
            "Officials noted that their governments had signed a framework to share lab time.")
    assert facts(nlp, text)[-1] == ("cooperation_agreement", ["Portugal", "Chile"], None)


def test_facts_a_plural_reference_among_partners_brings_the_earlier_sides(nlp):
    text = ("Oakridge University and Harbor Institute signed a letter of intent on Monday.\n\n"
            "Kelvo Corp announced a collaboration with the two universities plus Zentrix Labs.")
    assert facts(nlp, text)[-1] == ("cooperation_agreement",
                                    ["Kelvo Corp", "Oakridge University", "Harbor Institute", "Zentrix Labs"], None)


def test_facts_the_agreements_no_earlier_fact_reported_make_a_fact(nlp):
    text = ("KELVO IN ACCORD WITH ZENTRIX\n"
            "Kelvo Corp said it signed the previously announced agreements with Zentrix Labs, Lisbon, Portugal.")
    assert facts(nlp, text) == [("other_agreement", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_a_hedged_stake_leaves_the_cooperation_being_discussed(nlp):
    text = ("Kelvo Corp is discussing marketing cooperation with Portuguese carrier Zentrix Air Inc but it is "
            "not seeking to take a stake in the airline.")
    assert facts(nlp, text) == [("cooperation_agreement", ["Kelvo Corp", "Zentrix Air Inc"], None)]


def test_facts_the_sayer_and_the_named_partner_when_it_said_it_and_y_signed(nlp):
    text = "Kelvo Corp said it and Zentrix Labs have signed a letter of intent."
    assert facts(nlp, text) == [("letter_of_intent", ["Kelvo Corp", "Zentrix Labs"], None)]


def test_facts_a_target_date_is_not_the_signing_date_and_a_later_mention_gives_it(nlp):
    text = ("Kelvo Corp has signed a memorandum of understanding with Zentrix Labs that aims to train 500 "
            "engineers by the end of 2030.\n\nThe agreement, announced on Friday, covers three areas.")
    assert facts(nlp, text) == [("memorandum_of_understanding", ["Kelvo Corp", "Zentrix Labs"], "2025-05-16")]


def test_facts_one_sentence_facts_between_the_same_sides_share_the_date(nlp):
    text = ("Kelvo Corp and Zentrix Labs have signed a letter of intent, pledging joint research.\n\n"
            "They put their names to the letter on Friday.")
    assert facts(nlp, text) == [("letter_of_intent", ["Kelvo Corp", "Zentrix Labs"], "2025-05-16"),
                                ("joint_research", ["Kelvo Corp", "Zentrix Labs"], "2025-05-16")]


def test_facts_todays_agreement_keeps_its_date_and_an_agreement_between_named_sides_is_a_fact(nlp):
    text = ("Portugal and Chile signed an agreement on fishing.\n\n"
            "Today's agreement follows an agreement between Portugal and Kelvo Corp in December.")
    assert facts(nlp, text, ref="2025-05-19") == [
        ("trade_agreement", ["Portugal", "Chile"], "2025-05-19"),
        ("other_agreement", ["Portugal", "Kelvo Corp"], "2024-12")]


def test_facts_approvers_and_located_places_are_not_sides(nlp):
    text = ("Kelvo Corp signed a contract with Zentrix Labs that was approved by the Kelvo board and by "
            "Oakridge University.")
    assert facts(nlp, text) == [("contract", ["Kelvo Corp", "Zentrix Labs"], None)]
    assert facts(nlp, "A delegation will visit Kelvo's Lisbon headquarters to discuss future cooperation.") == []


def test_facts_a_transaction_subject_to_a_definitive_agreement_is_no_fact(nlp):
    text = "The sale is subject to negotiation of a definitive agreement with Zentrix Labs."
    assert facts(nlp, text) == []


def test_facts_it_after_a_sentence_about_an_agreement_is_that_agreement(nlp):
    text = ("Portugal and Chile have signed a memorandum of understanding.\n\n"
            "The memorandum was signed on Friday in Lisbon.\n\n"
            "It covers research, standards and talent exchange.")
    assert facts(nlp, text) == [("memorandum_of_understanding", ["Portugal", "Chile"], "2025-05-16"),
                                ("talent_exchange", ["Portugal", "Chile"], "2025-05-16")]


def test_facts_parts_stated_under_an_agreement_take_its_date(nlp):
    text = ("Portugal and Chile signed a memorandum of understanding on Friday.\n\n"
            "Under the memorandum, the two countries will launch pilot projects in schools.")
    assert facts(nlp, text)[-1] == ("pilot_project", ["Portugal", "Chile"], "2025-05-16")


def test_facts_a_stake_taken_in_the_joint_venture_is_part_of_it(nlp):
    text = ("Kelvo Corp and Zentrix Labs formed a joint venture on Monday.\n\n"
            "Kelvo Corp will own 60% of the joint venture, with Zentrix Labs taking a 40% equity stake.")
    assert [t for t, _, _ in facts(nlp, text)] == ["joint_venture"]


def test_facts_status_comes_from_the_cue_nearest_the_agreement_word(nlp):
    doc = nlp("Portugal and Chile raised their ties to a strategic partnership on Sunday after summit talks.\n\n"
              "Kelvo Corp is in talks with Zentrix Labs on a joint venture.")
    assert [(f["type"], f["status"]) for f in doc._.agreements] == [("partnership", "announced"),
                                                                   ("joint_venture", "negotiating")]


def test_facts_an_order_from_two_sellers_is_a_contract_with_each(nlp):
    text = "Kelvo Corp announced an order for 40 trucks from Zentrix Labs <ZTX> and <Oakridge Motors Inc>."
    assert facts(nlp, text) == [("contract", ["Kelvo Corp", "Zentrix Labs"], None),
                                ("contract", ["Kelvo Corp", "Oakridge Motors Inc"], None)]


def test_facts_an_ownership_apposition_does_not_hedge_and_a_purchase_names_seller_and_target(nlp, rules_nlp):
    text = ("Kelvo Corp said Zentrix Labs, its 60 pct owned subsidiary, signed a letter of intent covering "
            "Zentrix's purchase from Oakridge Motors Inc of the business of Harbor Tools Inc for cash.")
    got = facts(rules_nlp, text)
    assert [t for t, _, _ in got] == ["letter_of_intent", "acquisition"]
    assert got[1] == ("acquisition", ["Zentrix Labs", "Oakridge Motors Inc", "Harbor Tools Inc"], None)
    # the side model may name the parent beside its unit (the guidelines' "unit and parent form one side")
    learned = facts(nlp, text)[1][1]
    assert learned[:3] == ["Zentrix Labs", "Oakridge Motors Inc", "Harbor Tools Inc"] and learned[3:] in ([], ["Kelvo Corp"])
    assert facts(nlp, "The loan will not be tied to purchase of Japanese goods, Kelvo Corp said.") == []


def test_facts_a_similar_agreement_is_a_second_fact_with_its_own_sides_and_date(nlp):
    text = ("The city of Antwerp signed a cooperation agreement with Kelvo Logistics Corp on Tuesday. "
            "Kelvo Logistics Corp signed a similar agreement with Marden Freight Inc last September.")
    got = facts(nlp, text)
    assert ("cooperation_agreement", ["Antwerp", "Kelvo Logistics Corp"], "2025-05-13") in got
    assert ("cooperation_agreement", ["Kelvo Logistics Corp", "Marden Freight Inc"], "2024-09") in got


def test_facts_date_set_off_by_commas_gives_way_to_one_in_the_agreement_clause(nlp):
    text = ("Kelvo Logistics Corp, which opens a depot in October, signed a supply contract with Marden "
            "Freight Inc in March.")
    assert facts(nlp, text) == [("contract", ["Kelvo Logistics Corp", "Marden Freight Inc"], "2025-03")]


def test_facts_an_instrument_to_build_also_gives_the_contract_it_is_for_undated(nlp):
    text = "Kelvo Shipyards Inc signed a letter of intent with Marden Freight Inc on Friday to build two tankers."
    got = facts(nlp, text)
    assert ("letter_of_intent", ["Kelvo Shipyards Inc", "Marden Freight Inc"], "2025-05-16") in got
    assert ("contract", ["Kelvo Shipyards Inc", "Marden Freight Inc"], None) in got


def test_facts_a_general_agreement_takes_the_type_of_its_purpose(nlp):
    got = facts(nlp, "Brightline Bank signed an agreement with Oakridge Capital Group to reschedule its debts.")
    assert got == [("trade_agreement", ["Brightline Bank", "Oakridge Capital Group"], None)]
    got = facts(nlp, "Kelvo Corp signed an agreement with Marden Freight Inc to set up a new shipping company.")
    assert got == [("joint_venture", ["Kelvo Corp", "Marden Freight Inc"], None)]


def test_facts_having_a_letter_of_intent_is_no_ownership_statement(nlp):
    got = facts(nlp, "Kelvo Shipyards Inc has a letter of intent from Marden Freight Inc for two tankers.")
    assert [t for t, _, _ in got][:1] == ["letter_of_intent"]
    assert facts(nlp, "Kelvo Corp has a 20 pct stake in Marden Freight Inc.") == []


def test_facts_members_of_a_syndicate_after_including_are_sides_with_their_cities_skipped(nlp):
    text = ("Kelvo Power Corp signed a loan agreement on Monday with a syndicate of six foreign banks including "
            "Marden Bank (London), Oakridge Trust Co (Tokyo) and Brightline Bank Plc (Paris).")
    got = facts(nlp, text)
    assert got == [("investment", ["Kelvo Power Corp", "Marden Bank", "Oakridge Trust Co", "Brightline Bank Plc"],
                    "2025-05-19")]


def test_facts_the_maker_named_in_an_order_for_a_number_of_its_planes_is_a_side(nlp):
    got = facts(nlp, "Kelvo Airways Ltd placed an order for 12 McDonnell Douglas jets worth 900 mln dlrs.")
    assert ("contract", ["Kelvo Airways Ltd", "McDonnell Douglas"], None) in got


def test_facts_the_members_a_consortium_consists_of_are_sides(nlp):
    text = ("Kelvo Petroleum Corp will sign a letter of intent with the consortium, which consists of "
            "Marden Oil Co and Oakridge Energy Inc, the company said.")
    got = facts(nlp, text)
    assert ("letter_of_intent", ["Kelvo Petroleum Corp", "Marden Oil Co", "Oakridge Energy Inc"], None) in got


def test_facts_loan_insurance_is_no_loan(nlp):
    assert facts(nlp, "The government will provide loan insurance to Kelvo Shipyards Inc.") == []


def test_facts_a_one_sided_fact_takes_the_other_side_of_its_partys_earlier_deal(nlp):
    text = ("Kelvo Airways Ltd placed an order for 12 McDonnell Douglas jets.\n"
            "Kelvo Airways Ltd signed a letter of intent for the jets in March.")
    got = facts(nlp, text)
    assert ("letter_of_intent", ["Kelvo Airways Ltd", "McDonnell Douglas"], "2025-03") in got


def test_facts_buying_a_share_of_a_named_company_is_an_investment(nlp):
    got = facts(nlp, "Kelvo Chemical Co has purchased 10 pct, or 300,000 shares of Marden Circuits Inc stock.")
    assert got == [("investment", ["Kelvo Chemical Co", "Marden Circuits Inc"], None)]


def test_facts_a_warrant_to_buy_shares_is_no_investment(nlp):
    text = "The deal includes a warrant permitting Kelvo Capital to buy 5,000 shares of Marden Circuits Inc."
    assert [t for t, _, _ in facts(nlp, text)] == []


def test_facts_a_possessive_parent_of_the_signing_unit_is_the_side(nlp):
    got = facts(nlp, "Kelvo Corp's shipbuilding subsidiary signed a supply contract with Marden Freight Inc on Friday.")
    assert got == [("contract", ["Kelvo Corp", "Marden Freight Inc"], "2025-05-16")]


def test_facts_a_planned_deal_stated_elsewhere_is_not_read_again_from_the_instrument(nlp):
    text = ("Kelvo Shipyards Inc signed a letter of intent with Marden Freight Inc to build two tankers.\n"
            "The contract will be awarded to Kelvo Shipyards Inc in June.")
    got = facts(nlp, text)
    assert [t for t, _, _ in got].count("contract") == 1


def test_facts_an_agreement_without_named_sides_takes_those_of_an_agreeing_headline(nlp):
    text = ("CHILE, CANADA AGREE TO BOOST TRADE\n"
            "Chilean and Canadian business leaders signed a memorandum of understanding to expand trade.\n")
    got = facts(nlp, text)
    assert [(t, [p.casefold() for p in ps]) for t, ps, _ in got] == [
        ("memorandum_of_understanding", ["chile", "canada"])]


def test_facts_a_headline_that_reports_no_agreement_gives_no_sides(nlp):
    text = ("CHILE, CANADA FLIGHTS TO RISE\n"
            "Chilean and Canadian business leaders signed a memorandum of understanding to expand trade.\n")
    assert facts(nlp, text) == []


def test_facts_a_purpose_a_dozen_words_after_the_agreement_word_still_types_it(nlp):
    text = ("Kelvo Bank reached an agreement with the Marden Bank of northern savings and credit groups in "
            "January to reschedule its debts.")
    assert [t for t, _, _ in facts(nlp, text)] == ["trade_agreement"]


def test_facts_a_partner_of_an_earlier_agreement_word_is_not_a_side_of_a_later_one_past_a_comma(nlp):
    text = ("Chile and Peru agreed to set up a joint company with Bolivia to mine copper, a joint communique "
            "said.")
    got = facts(nlp, text)
    assert ("joint_venture", ["Chile", "Peru", "Bolivia"], None) in got
    assert ("joint_declaration", ["Chile", "Peru"], None) in got


def test_facts_the_model_deal_refers_back_to_the_order(nlp):
    text = ("Kelvo Airways Ltd placed an order for 12 McDonnell Douglas jets.\n"
            "McDonnell Douglas gave Kelvo Airways Ltd a month to agree to final terms for the MD-11 deal.")
    assert [t for t, _, _ in facts(nlp, text)] == ["contract"]


def test_facts_a_country_standing_for_its_own_authority_adds_no_fact_of_its_own(nlp):
    text = ("Kenya has signed an agreement with foreign interests to set up a shipping company.\n"
            "The state-owned Kenya Ports Authority signed an agreement with Marden Shipping Lines Ltd to set up "
            "the company, officials said.")
    got = facts(nlp, text)
    assert got == [("joint_venture", ["Kenya Ports Authority", "Marden Shipping Lines Ltd"], None)]


def test_facts_a_short_and_a_full_name_of_one_company_count_as_one_side():
    from qfacts.components.facts.merge import side_count

    assert side_count(frozenset({"kelvo", "kelvo corp", "marden motors corp"})) == 2
    assert side_count(frozenset({"kelvo corp", "marden corp", "oakridge"})) == 3


def test_facts_founders_listed_after_forming_a_named_group_are_members(nlp):
    text = ("Several chip companies said they formed Kelvo Standards Forum, an industry group.\n"
            "The participants include Marden Systems Inc, Oakridge Devices Corp and other companies.")
    got = facts(nlp, text)
    assert got == [("membership", ["Kelvo Standards Forum", "Marden Systems Inc", "Oakridge Devices Corp"], None)]


def test_facts_forming_a_product_is_no_membership(nlp):
    assert facts(nlp, "Marden Systems Inc formed Kelvo Labs Inc in 2001.") == []


def test_facts_names_in_wire_markup_coordinate_past_the_closing_bracket(nlp):
    text = ("<Banco de la Costa Verde> said it signed a cooperation agreement with <Marden Bank>, and "
            "Oakridge Trade Bank <Vantorbank>, on Monday.")
    got = facts(nlp, text)
    assert got[0][1][:3] == ["Banco de la Costa Verde", "Marden Bank", "Oakridge Trade Bank"]


def test_facts_forming_a_consortium_with_unnamed_partners_is_a_one_sided_partnership(nlp):
    text = ("Kelvo Metals Corp signed a joint venture with Marden Steel Corp in March.\n"
            "Kelvo Metals Corp will form and lead a consortium of yet unspecified partners, it said.")
    got = facts(nlp, text)
    assert ("partnership", ["Kelvo Metals Corp"], None) in got
    assert ("joint_venture", ["Kelvo Metals Corp", "Marden Steel Corp"], "2025-03") in got


def test_agreements_a_consortium_is_an_agreement_only_where_it_is_formed(nlp):
    doc = nlp("The consortium said prices rose. Kelvo Metals Corp chose a consortium of banks.")
    assert doc._.agreements == []


def test_facts_a_letter_of_intent_to_sell_a_unit_plans_an_acquisition_not_a_contract(nlp):
    text = "Kelvo Group signed a letter of intent with Marden Capital Corp to sell its U.S. cleaning unit."
    got = facts(nlp, text)
    assert ("acquisition", ["Kelvo Group", "Marden Capital Corp"], None) in got
    assert all(t != "contract" for t, _, _ in got)


def test_facts_the_company_named_right_after_an_acquisition_verb_is_a_side(nlp):
    assert facts(nlp, "Brightline Systems Inc agreed to acquire Zentrix Labs Ltd for $40 million.") == [
        ("acquisition", ["Brightline Systems Inc", "Zentrix Labs Ltd"], None)]
    # a place is where, not what, a buyer acquires
    assert facts(nlp, "Brightline Systems Inc will acquire the Munich plant of a rival.") == [
        ("acquisition", ["Brightline Systems Inc"], None)]


def test_facts_name_each_party_by_its_canonical_name_once_and_merge_on_it(nlp):
    text = ("Siemens AG signed a contract with Kelvo Ltd on Monday.\n\n"
            "Siemens and Kelvo said the contract was the first of its kind. Kelvo and Siemens signed a contract.")
    doc = nlp(text)
    got = [(f["type"], f["parties"], [d["surface"] for d in f["party_details"]]) for f in doc._.agreements]
    assert got == [("contract", ["Siemens AG", "Kelvo Ltd"], ["Siemens AG", "Kelvo Ltd"])]


def test_facts_party_details_keep_the_surface_form_and_mention_offsets(nlp):
    text = "Kelvo Ltd grew. Siemens AG said on Monday that Siemens signed a contract with Kelvo."
    fact = nlp(text)._.agreements[0]
    assert fact["parties"] == ["Siemens AG", "Kelvo Ltd"]
    for detail in fact["party_details"]:
        assert text[detail["start"]:detail["end"]] == detail["surface"]
    assert [d["surface"] for d in fact["party_details"]][1] == "Kelvo"


def test_facts_doc_agreements_have_the_keys_of_the_record(nlp):
    import qfacts

    text = "Zentrix Labs signed a contract with Kelvo Corp on Friday."
    record = qfacts.extract(text, reference_date="2025-05-19", nlp=nlp).to_dict()["agreements"]
    doc = nlp.make_doc(text)
    doc._.reference_date = __import__("datetime").date(2025, 5, 19)
    assert nlp(doc)._.agreements == record


def test_facts_acquisition_roles_buyer_target_and_passive_voice(nlp):
    def roles(text):
        return [[(d["name"], d["role"]) for d in f["party_details"]] for f in nlp(text)._.agreements]

    assert roles("Kelvo Corp agreed to acquire Zentrix Labs for 40 mln dlrs.") == [
        [("Kelvo Corp", "buyer"), ("Zentrix Labs", "target")]]
    assert roles("Zentrix Labs was acquired by Kelvo Corp last year.") == [
        [("Zentrix Labs", "target"), ("Kelvo Corp", "buyer")]]
    assert roles("Zentrix Labs signed a contract with Kelvo Corp on Monday.") == [
        [("Zentrix Labs", "signatory"), ("Kelvo Corp", "signatory")]]


def test_facts_a_sale_of_a_business_is_an_acquisition_with_seller_target_and_buyer(nlp):
    def roles(text):
        return [(f["type"], [(d["name"], d["role"]) for d in f["party_details"]]) for f in nlp(text)._.agreements]

    assert roles("Kelvo Corp said it agreed to sell its Zentrix Labs unit to Orrin Holdings Inc for cash.") == [
        ("acquisition", [("Kelvo Corp", "seller"), ("Zentrix Labs", "target"), ("Orrin Holdings Inc", "buyer")])]
    assert roles("Kelvo Corp said it sells pumps and valves to farmers in Ohio.") == []


def test_facts_an_acquisition_keeps_its_object_and_the_seller_after_from(nlp):
    got = nlp("Kelvo Corp said it has acquired Zentrix Labs from Orrin Holdings Inc for 12 mln dlrs.")._.agreements
    assert [(d["name"], d["role"]) for d in got[0]["party_details"]] == [
        ("Kelvo Corp", "buyer"), ("Zentrix Labs", "target"), ("Orrin Holdings Inc", "seller")]


def test_facts_the_parent_of_an_acquired_unit_is_its_seller(nlp):
    got = nlp("Kelvo Corp said it agreed to acquire Zentrix Labs, a wholly owned unit of Orrin Holdings Inc, "
              "for cash.")._.agreements
    assert [(d["name"], d["role"]) for d in got[0]["party_details"]] == [
        ("Kelvo Corp", "buyer"), ("Zentrix Labs", "target"), ("Orrin Holdings Inc", "seller")]


def test_facts_said_it_agreed_after_a_headline_is_a_new_agreement_not_a_repeat(nlp):
    text = "KELVO TO ACQUIRE ZENTRIX\nKelvo Corp said it agreed to acquire Zentrix Labs Inc for cash."
    assert [(f["type"], f["parties"]) for f in nlp(text)._.agreements] == [
        ("acquisition", ["Kelvo Corp", "Zentrix Labs Inc"])]


def _roles(nlp, text):
    return [[(d["name"], d["role"]) for d in f["party_details"]] for f in nlp(text)._.agreements
            if f["type"] == "acquisition"]


def test_facts_the_named_division_of_an_owner_is_bought_and_the_owner_sells(nlp):
    got = _roles(nlp, "Kelvo Corp said it agreed to acquire the assets of the Brightwater Optics division of "
                      "Orrin Holdings Inc, a unit of Marden Group Inc, for cash.")
    assert got and sorted(got[0], key=lambda d: d[1]) == [
        ("Kelvo Corp", "buyer"), ("Orrin Holdings Inc", "seller"), ("Brightwater Optics", "target")]


def test_facts_a_lower_case_unit_of_an_owner_names_the_seller_and_no_target(nlp):
    got = _roles(nlp, "Kelvo Corp said it agreed to buy the educational games unit of Orrin Holdings Inc, "
                      "a subsidiary of Marden Group Inc, for undisclosed terms.")
    assert got == [[("Kelvo Corp", "buyer"), ("Orrin Holdings Inc", "seller")]]


def test_facts_a_described_owner_after_unit_of_is_the_seller(nlp):
    got = _roles(nlp, "Kelvo Corp said it agreed to purchase Zentrix Labs, the testing unit of "
                      "instrument maker Orrin Holdings Inc, for cash.")
    assert got == [[("Kelvo Corp", "buyer"), ("Zentrix Labs", "target"), ("Orrin Holdings Inc", "seller")]]


def test_facts_a_named_unit_of_the_speaker_acts_as_its_parent(nlp):
    got = _roles(nlp, "Kelvo Corp said its Kelvo Savings Bank unit agreed to acquire Zentrix Labs Inc for cash.")
    assert got == [[("Kelvo Corp", "buyer"), ("Zentrix Labs Inc", "target")]]


def test_facts_a_buyer_no_entity_stage_knows_is_read_from_the_sale_clause(nlp):
    got = _roles(nlp, "Kelvo Corp said it agreed to sell its Zentrix Labs unit to Marlow Quenby, a Denver investor.")
    assert len(got) == 1 and sorted(got[0]) == [
        ("Kelvo Corp", "seller"), ("Marlow Quenby", "buyer"), ("Zentrix Labs", "target")]


def test_facts_a_seller_after_from_may_be_capitalised_words_without_an_entity(nlp):
    got = _roles(nlp, "Kelvo Corp said it agreed to buy a pump plant in Ohio from Norvale Gypsum for cash.")
    assert got and sorted(got[0]) == [("Kelvo Corp", "buyer"), ("Norvale Gypsum", "seller")]


def test_facts_taking_over_from_a_person_names_no_side(nlp):
    assert _roles(nlp, "Since taking over from Marlow Quenby in May, the coach has won twice.") == []


def test_facts_a_fiscal_year_that_ended_does_not_end_the_agreement(nlp):
    got = _roles(nlp, "Kelvo Corp said it agreed to acquire Zentrix Labs Inc, a maker of valves with sales of "
                      "40 mln dlrs for the year ended in June.")
    assert got == [[("Kelvo Corp", "buyer"), ("Zentrix Labs Inc", "target")]]
    assert facts(nlp, "Kelvo Corp said its talks with Zentrix Labs Inc ended and no acquisition was agreed.") == []


def test_facts_capitalised_words_right_after_an_acquisition_verb_are_its_target(nlp):
    got = _roles(nlp, "Kelvo Corp said it acquired Brenmoor Feinwerk Technik, based in Ulm, for cash.")
    assert got and sorted(got[0]) == [("Brenmoor Feinwerk Technik", "target"), ("Kelvo Corp", "buyer")]


def test_facts_the_commas_of_a_place_name_do_not_end_the_sale_clause(rules_nlp):
    got = _roles(rules_nlp, "Zentrix Labs Inc said it agreed to sell its Dayton, Ohio, pump plant to Kelvo Corp for cash.")
    assert got and ("Kelvo Corp", "buyer") in got[0] and ("Zentrix Labs Inc", "seller") in got[0]


def test_facts_line_breaks_of_wrapped_text_do_not_count_as_words_of_the_clause(nlp):
    text = ("Kelvo Corp said it acquired a\nportfolio of\nabout 9,000 consumer\ncredit accounts from\n"
            "Orrin Holdings Inc for cash.")
    got = _roles(nlp, text)
    assert got and ("Orrin Holdings Inc", "seller") in got[0]


def test_facts_an_asset_a_seller_names_by_place_is_the_target(nlp):
    got = _roles(nlp, "Zentrix Labs Inc said it agreed to sell its Dayton, Ohio, pump plant to Kelvo Corp for cash.")
    assert got and sorted(got[0]) == [("Dayton, Ohio, pump plant", "target"), ("Kelvo Corp", "buyer"),
                                      ("Zentrix Labs Inc", "seller")]
    got = _roles(nlp, "Zentrix Labs Inc said it agreed to sell its computer division to Kelvo Corp for cash.")
    assert got and sorted(got[0]) == [("Kelvo Corp", "buyer"), ("Zentrix Labs Inc", "seller")]


def test_facts_an_owned_affiliate_described_before_its_name_hedges_nothing(rules_nlp):
    got = _roles(rules_nlp, "Kelvo Corp said its 80 pct owned affiliate, Orrin Holdings Inc, has agreed to acquire "
                            "Zentrix Labs Inc for cash.")
    assert got and ("Orrin Holdings Inc", "buyer") in got[0] and ("Zentrix Labs Inc", "target") in got[0]


def test_facts_load_lazy_data_loads_the_parser_before_workers_fork(nlp):
    from qfacts import syntax

    facts = nlp.get_pipe("qfacts_facts")
    syntax.load_parser.cache_clear()
    facts.load_lazy_data()
    assert syntax.load_parser.cache_info().currsize == (1 if facts.parse else 0)


def test_facts_the_agency_a_filing_is_made_with_is_no_side(nlp):
    got = facts(nlp, "In a filing with the Harbor Exchange Board, Kelvo Corp said it acquired a 9 pct stake in "
                     "Zentrix Labs.")
    assert [parties for _, parties, _ in got] == [["Kelvo Corp", "Zentrix Labs"]]


def test_facts_a_city_naming_an_accord_is_no_side(nlp):
    got = facts(nlp, "The bank acted in line with the Geneva accord between Portugal and Peru.")
    assert [parties for _, parties, _ in got] == [["Portugal", "Peru"]]


def test_facts_a_hyphenated_pair_before_the_agreement_word_names_both_sides(nlp):
    got = facts(nlp, "The Portugal-Peru trade pact was signed on Monday.")
    assert [(t, parties) for t, parties, _ in got] == [("trade_agreement", ["Portugal", "Peru"])]


def test_facts_a_sides_place_of_origin_does_not_break_the_list_of_sides(nlp):
    got = facts(nlp, "Kelvo Corp of Japan and Zentrix Labs of Canada signed an MOU.")
    assert [parties for _, parties, _ in got] == [["Kelvo Corp", "Zentrix Labs"]]
    got = facts(nlp, "Kelvo Corp, a battery maker, Orvane Mining of Chile and the state utility Zentrix Power "
                     "agreed to form a joint venture.")
    assert [parties for _, parties, _ in got] == [["Kelvo Corp", "Orvane Mining", "Zentrix Power"]]


def test_facts_a_role_sentence_names_the_other_side_of_a_one_sided_agreement(nlp):
    text = ("Kelvo Corp has signed a licensing agreement for its sensor designs. The licensee is Zentrix Labs, "
            "a start-up based in Lyon, France.")
    assert [(t, parties) for t, parties, _ in facts(nlp, text)] == [("licensing", ["Kelvo Corp", "Zentrix Labs"])]


def test_facts_a_referring_subject_with_modifiers_names_the_organisation_before(nlp):
    text = "Kelvo Corp builds satellites. The Toulouse-based company signed a contract with Zentrix Labs."
    assert [parties for _, parties, _ in facts(nlp, text)] == [["Kelvo Corp", "Zentrix Labs"]]


def test_facts_a_town_with_its_state_after_of_is_the_sides_origin_not_a_side(nlp):
    text = "Kelvo Refining Co of Abilene, Texas, is being awarded a 75 mln dlr contract for jet fuel."
    assert [parties for _, parties, _ in facts(nlp, text)] == [["Kelvo Refining Co"]]


def test_facts_an_investment_names_its_investor_after_from_in_its_clause(nlp):
    text = "Kelvo Corp received a 5 mln dlr investment last year from Zentrix Bank."
    assert [parties for _, parties, _ in facts(nlp, text)] == [["Kelvo Corp", "Zentrix Bank"]]
    text = "Kelvo Corp proved a sound investment when under pressure from Zentrix Bank."
    assert [parties for _, parties, _ in facts(nlp, text)] in ([], [["Kelvo Corp"]])


def test_facts_between_the_ports_of_two_places_names_both(nlp):
    text = "The declaration calls for a pilot project between the ports of Tallinn and Turku."
    assert [parties for _, parties, _ in facts(nlp, text)] == [["Tallinn", "Turku"]]


def test_facts_the_agency_a_filing_names_is_neither_a_side_nor_what_it_refers_to(nlp):
    text = ("Orvane Capital Inc told the Harbor Exchange Commission (HEC) it bought 1.3 mln Zentrix Labs "
            "shares. In a Harbor Exchange Commission filing, the firm said it may buy more.")
    for _, parties, _ in facts(nlp, text):
        assert "Harbor Exchange Commission" not in parties


def test_facts_a_route_between_two_places_is_no_pair_of_sides(nlp):
    text = "Kelvo Air said it reached an agreement that clears the way for flights between Lisbon and Porto."
    assert all("Lisbon" not in parties and "Porto" not in parties for _, parties, _ in facts(nlp, text))


def test_facts_a_partner_scan_stops_at_an_infinitive(nlp):
    text = "Kelvo Air has won a two-year licence from Zentrix Authority to operate scheduled flights to Lisbon."
    assert all("Lisbon" not in parties for _, parties, _ in facts(nlp, text))


def test_facts_joined_with_a_company_is_a_partnership_not_a_membership(nlp):
    text = "Kelvo Corp said it has joined with Zentrix Labs to offer banks a new service."
    assert [t for t, _, _ in facts(nlp, text)] == ["partnership"]


def test_facts_each_candidate_of_an_agreement_word_is_weighed_on_its_own():
    """The fact model's rejection of one candidate (here: the one with Lisbon) is not carried to the next."""
    import qfacts

    pipe = qfacts.build_pipeline()
    component = pipe.get_pipe("qfacts_facts")

    class Stub:
        meta = {"keep_threshold": 0.5}
        threshold = 0.5

        def prob(self, features):
            return 0.0 if "plabels:ORG-PLACE" in features else 1.0

    component.fact_model = Stub()
    text = "Kelvo Corp signed an MOU with the city of Lisbon and with Zentrix Labs."
    got = [parties for _, parties, _ in facts(pipe, text)]
    assert ["Kelvo Corp", "Zentrix Labs"] in got and all("Lisbon" not in p for p in got)


def test_facts_an_agreement_word_takes_no_partner_beyond_a_later_word_and_its_own_partner(nlp):
    # "with Lyon" belongs to the joint venture, which has "with Lyon" as its own partner: the MOU stops at its own
    text = "Kelvo Corp signed an MOU with Brindle Motors and a joint venture agreement with Lyon."
    mou = [parties for type_, parties, _ in facts(nlp, text) if type_ == "memorandum_of_understanding"]
    assert mou == [["Kelvo Corp", "Brindle Motors"]]


def test_facts_agreement_words_side_by_side_share_the_partner_after_them(nlp):
    got = facts(nlp, "Kelvo Corp signed an MOU and a joint venture agreement with Brindle Motors.")
    assert sorted(got) == [("joint_venture", ["Kelvo Corp", "Brindle Motors"], None),
                           ("memorandum_of_understanding", ["Kelvo Corp", "Brindle Motors"], None)]


SIDELESS = ["MOU", "A memorandum of understanding was signed", "The MOU may be signed", "No MOU was signed",
            "An MOU to form a joint venture", "MOU and joint venture agreement", "It signed an MOU",
            "The two companies signed an MOU", "An MOU with them", "The pact", "on Friday an MOU",
            "An MOU, the agreement", "LETTER OF INTENT", "Talks may lead to an MOU", "Plans for a possible joint "
            "venture", "Stake in the joint venture", "A contract to buy a unit", "Officials may sign an MOU",
            "Officials are considering an MOU", "Officials said an MOU was not signed", "MOU talks failed",
            "The unit acquired a licence", "A stake in the joint venture was acquired"]
NAMING = ["Kelvo Corp signed an MOU", "Brindle Motors and Lyon", "The signatories are Kelvo Corp and Brindle Motors",
          "The licensee is Orrin Ltd", "Lyon", "The members include Kelvo Corp and Lyon"]


def test_facts_the_short_path_for_sentences_naming_no_one_gives_what_the_full_path_gives(nlp, monkeypatch):
    # random texts: sentences that name no one, each often followed by one that names sides ("The signatories
    # are ..."), on lines of their own or not, under a headline or not
    component = nlp.get_pipe("qfacts_facts")
    used = []
    original = type(component)._sideless

    def counted(self, *args):
        answer = original(self, *args)
        used.append(answer)
        return answer
    monkeypatch.setattr(type(component), "_sideless", counted)
    rng = random.Random(7)
    for _ in range(150):
        sentences = []
        for _ in range(rng.randint(1, 8)):
            sentences.append(rng.choice(SIDELESS) + rng.choice([".", "", "!"]))
            if rng.random() < 0.6:
                sentences.append(rng.choice(NAMING) + ".")
        text = "".join(x + rng.choice([" ", "\n", "\n\n"]) for x in sentences)
        monkeypatch.setattr(component, "fast", True)
        fast = records(nlp, text)
        monkeypatch.setattr(component, "fast", False)
        assert records(nlp, text) == fast, text
    assert used.count(True) > 30  # the short path answered for many sentences


def records(nlp, text):
    doc = nlp.make_doc(text)
    doc._.reference_date = dt.date(2025, 5, 19)
    return nlp(doc)._.agreements


REPEATS = ["MOU", "MOU MOU", "MOU, MOU MOU", "joint venture joint venture", "MOU joint venture", "contract, contract",
           "an MOU and a second MOU", "an MOU and may sign an MOU", "an MOU and an MOU to form a joint venture",
           "an MOU and then signed an MOU", "an MOU and will discuss another MOU", "an MOU and an MOU for chips",
           "an MOU and an MOU to build ships", "a letter of intent, a letter of intent to set up a company",
           "an MOU with Lyon and an MOU with Lyon", "an MOU with Lyon, an MOU with Lyon on Friday",
           "a licence with Lyon and a licence with Orrin Ltd and Lyon", "acquired, acquired from Lyon a licence"]
AROUND = ["Kelvo Corp signed {}", "Kelvo Corp and Lyon signed {} with Brindle Motors", "{} between Orrin Ltd and Lyon",
          "Kelvo Corp may sign {} with Lyon", "{} with Orrin Ltd on Friday", "In May Kelvo Corp signed {} on Friday",
          "Kelvo Corp signed {} to form a joint venture with Lyon", "Kelvo Corp acquired {} of Orrin Ltd",
          "Lyon signed a letter of intent", "The licensee is Orrin Ltd", "Kelvo Corp signed an MOU"]


def test_facts_repeated_words_and_candidates_give_what_the_full_path_gives(nlp, monkeypatch):
    # "MOU MOU MOU": the repeats after a word that made a fact are passed over, and a candidate equal to a fact its
    # sentence made (same type and sides) is not built again; the facts are those of the full path
    component = nlp.get_pipe("qfacts_facts")
    rng = random.Random(11)
    for _ in range(250):
        text = " ".join(rng.choice(AROUND).format(rng.choice(REPEATS)) + "." for _ in range(rng.randint(1, 4)))
        monkeypatch.setattr(component, "fast", True)
        fast = records(nlp, text)
        monkeypatch.setattr(component, "fast", False)
        assert records(nlp, text) == fast, text


def test_facts_a_funding_rounds_lead_and_participating_investors_are_its_sides(nlp):
    got = facts(nlp, "Kelvo Corp raised $12 million in a funding round led by Orrin Ventures, with participation "
                     "from Tarn Capital and Brindle Bank.")
    assert [(t, sorted(p)) for t, p, _ in got] == [
        ("investment", ["Brindle Bank", "Kelvo Corp", "Orrin Ventures", "Tarn Capital"])]
    # elsewhere "led by" and "with support from" name no side
    got = facts(nlp, "Kelvo Corp signed a contract with Orrin Ventures, with support from Lyon.")
    assert got == [("contract", ["Kelvo Corp", "Orrin Ventures"], None)]


def test_facts_a_companys_board_or_shareholders_act_for_the_company(nlp):
    got = facts(nlp, "The boards of Kelvo Corp and Orrin Financial Group approved a definitive agreement to merge.")
    assert [(t, sorted(p)) for t, p, _ in got] == [("acquisition", ["Kelvo Corp", "Orrin Financial Group"])]
    got = facts(nlp, "Tarn Bancorp said shareholders of Brindle Savings Bank approved a merger into Tarn Bancorp.")
    assert [(t, sorted(p)) for t, p, _ in got] == [("acquisition", ["Brindle Savings Bank", "Tarn Bancorp"])]
