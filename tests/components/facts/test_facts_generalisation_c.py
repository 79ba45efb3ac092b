"""Mechanisms found on the dev batch c of blind Reuters stories (annotations/README.md), each tested on our own
invented sentences, with the shipped pipeline and with the rules alone."""
import datetime as dt

import pytest


def facts(nlp, text, ref="1987-03-10"):
    doc = nlp.make_doc(text)
    doc._.reference_date = dt.date.fromisoformat(ref)
    doc = nlp(doc)
    return [(f["type"], f["parties"]) for f in doc._.agreements]


@pytest.fixture(params=["shipped", "rules"])
def pipe(request, nlp, rules_nlp):
    return nlp if request.param == "shipped" else rules_nlp


def test_acquiring_a_licence_is_the_licence_not_an_acquisition(pipe):
    got = facts(pipe, "Brennick Tools Inc said Valdor Electric Co has acquired from it a non-exclusive licence "
                      "to its cutting patent.")
    assert got == [("licensing", ["Valdor Electric Co", "Brennick Tools Inc"])]


def test_acquiring_a_company_stays_an_acquisition(pipe):
    got = facts(pipe, "Valdor Electric Co has acquired Brennick Tools Inc, a maker of patented cutters.")
    assert [t for t, _ in got] == ["acquisition"]


def test_it_after_a_partner_preposition_is_the_name_that_reports_the_sentence(pipe):
    got = facts(pipe, "Brennick Tools Inc said Valdor Electric Co signed a supply contract with it.")
    assert got == [("contract", ["Valdor Electric Co", "Brennick Tools Inc"])]
    got = facts(pipe, "Brennick Tools Inc <BRT> said Valdor Electric Co signed a supply contract with it.")
    assert got == [("contract", ["Valdor Electric Co", "Brennick Tools Inc"])]


def test_it_without_a_reporting_name_adds_no_side(pipe):
    got = facts(pipe, "Valdor Electric Co signed a supply contract with it.")
    assert got == [("contract", ["Valdor Electric Co"])]


def test_a_person_who_joined_a_company_is_no_membership(pipe):
    assert facts(pipe, "Brennick Tools Inc named Ann Kowal treasurer, succeeding Paul Ode who retired in May "
                       "and has since joined Valdor Electric Co.") == []
    assert facts(pipe, "Ann Kowal, who joined Valdor Electric Co in 1979, was named treasurer.") == []


def test_a_company_that_joins_a_group_is_still_a_member(pipe):
    got = facts(pipe, "Brennick Tools Inc said it joined the Northern Cutlery Association.")
    assert got == [("membership", ["Brennick Tools Inc", "Northern Cutlery Association"])]


def test_a_mergers_and_acquisitions_group_names_no_deal(pipe):
    assert facts(pipe, "Valdor Electric Co named Ann Kowal treasurer.\n    Kowal joined Valdor in 1979 and has "
                       "been a member of Valdor Electric's merger and acquisitions group.") == []
    assert facts(pipe, "Valdor Electric Co hired Ann Kowal to head its mergers and acquisitions department.") == []


def test_an_agreement_under_which_one_side_will_provide_services_is_a_contract(pipe):
    got = facts(pipe, "Orlen Data Inc and Marsh Valley Bank said they signed an agreement whereby Orlen Data "
                      "will provide cheque processing services for the bank's branches.")
    assert got == [("contract", ["Orlen Data Inc", "Marsh Valley Bank"])]
    got = facts(pipe, "Orlen Data Inc and Marsh Valley Bank said they signed an agreement to provide "
                      "cheque processing services.")
    assert got == [("contract", ["Orlen Data Inc", "Marsh Valley Bank"])]


def test_a_will_outside_a_relative_clause_gives_no_purpose(pipe):
    got = facts(pipe, "Orlen Data Inc and Marsh Valley Bank signed an agreement and said they will provide "
                      "details later.")
    assert got == [("other_agreement", ["Orlen Data Inc", "Marsh Valley Bank"])]


def test_owned_with_an_amount_by_names_an_owner_not_a_side(pipe):
    got = facts(pipe, "Kessel Parts Co, a parts maker owned 25 pct by Hiroda Motor Co Ltd, signed a memorandum "
                      "with Lenning Cast Co last week.")
    assert got == [("memorandum_of_understanding", ["Kessel Parts Co", "Lenning Cast Co"])]


def test_a_place_before_a_description_of_a_bracketed_name_is_no_side(pipe):
    got = facts(pipe, "Kessel Parts Co signed a supply contract with U.S. parts firm <Lenning Cast Co>.")
    assert got == [("contract", ["Kessel Parts Co", "Lenning Cast Co"])]


def test_buying_debentures_is_an_investment_not_an_acquisition(pipe):
    got = facts(pipe, "Kappa Financial Corp agreed to buy 20 mln dlrs of convertible debentures from "
                      "Omega Holdings Inc last week.")
    assert got == [("investment", ["Kappa Financial Corp", "Omega Holdings Inc"])]


def test_buying_the_equity_and_the_debt_of_a_company_stays_an_acquisition(pipe):
    got = facts(pipe, "Kappa Financial Corp agreed to acquire all the equity and assumed the debt of "
                      "Omega Holdings Inc last week.")
    assert [t for t, _ in got] == ["acquisition"]


def test_having_an_agreement_to_buy_is_no_holding(pipe):
    got = facts(pipe, "Kappa Holdings Inc said it has a definitive agreement to buy Lorne Business Forms Inc "
                      "for 20 mln dlrs.")
    assert got == [("acquisition", ["Kappa Holdings Inc", "Lorne Business Forms Inc"])]


def test_having_a_stake_is_still_a_holding(pipe):
    assert facts(pipe, "Kappa Holdings Inc has a 40 pct stake in Lorne Business Forms Inc of Atlanta.") == []


def test_buying_more_than_half_is_an_acquisition_less_is_an_investment(pipe):
    got = facts(pipe, "Kappa Holdings Inc agreed to buy 100 pct of Lorne Business Forms Inc of Atlanta.")
    assert got == [("acquisition", ["Kappa Holdings Inc", "Lorne Business Forms Inc"])]
    got = facts(pipe, "Kappa Holdings Inc agreed to buy 20 pct of Lorne Business Forms Inc of Atlanta.")
    assert got == [("investment", ["Kappa Holdings Inc", "Lorne Business Forms Inc"])]


def test_an_unnamed_partner_run_by_a_named_firm_is_that_firm(pipe):
    got = facts(pipe, "Lorne Business Forms Inc has signed a letter of intent with a limited partnership "
                      "managed by Marcus Capital Partners.")
    assert got == [("letter_of_intent", ["Lorne Business Forms Inc", "Marcus Capital Partners"])]


def test_a_named_partner_managed_by_another_keeps_its_manager_out(pipe):
    got = facts(pipe, "Lorne Business Forms Inc has signed a letter of intent with Vesta Fund, a fund "
                      "managed by Marcus Capital Partners.")
    assert got == [("letter_of_intent", ["Lorne Business Forms Inc", "Vesta Fund"])]


def test_the_first_two_words_of_a_company_name_are_its_short_name(pipe):
    doc = pipe("Norrland Western Airlines Corp said it reorganised its management.\n"
               "    Norrland Western acquired Kestrel Air Lines last December.")
    orgs = [(e.text, e._.canonical) for e in doc.ents if e.label_ == "ORG"]
    assert ("Norrland Western", "Norrland Western Airlines Corp") in orgs
    got = [(f["type"], f["parties"]) for f in doc._.agreements]
    assert got == [("acquisition", ["Norrland Western Airlines Corp", "Kestrel Air Lines"])]


def test_two_words_that_begin_a_longer_name_stay_that_name(pipe):
    doc = pipe("Norrland Western Airlines Corp said it reorganised.\n"
               "    Norrland Western Holdings Inc was not affected.")
    assert "Norrland Western" not in [e.text for e in doc.ents]


def test_the_partner_named_after_an_agreement_word_is_a_side(pipe):
    got = facts(pipe, "Rhodell Energy Inc said it and joint venture partner Tamsin Corp have hired a bank "
                      "to arrange the financing.")
    assert got == [("joint_venture", ["Rhodell Energy Inc", "Tamsin Corp"])]


def test_the_exchange_a_stock_leaves_is_no_side(pipe):
    got = facts(pipe, "Harlow Trust PLC said shareholders approved the merger agreement. Following the merger "
                      "Kessel Cement shares will be delisted from the Midland Stock Exchange.")
    assert all("Midland Stock Exchange" not in parties for _, parties in got)
    assert [t for t, _ in got] == ["acquisition"]


def test_a_banks_loan_book_names_no_loan_agreement(pipe):
    text = ("Harbour Commercial Bank said first quarter profit rose.\n"
            "    The bank said non-accrual loans to Peru fell to 1.2 billion dlrs, and its consumer loan "
            "business grew. It raised provisions against loan exposure to Peru.")
    assert facts(pipe, text) == []


def test_a_loan_to_a_named_borrower_is_still_an_investment(pipe):
    got = facts(pipe, "Harbour Commercial Bank signed a 50 mln dlr loan to Peru on Monday.")
    assert got == [("investment", ["Harbour Commercial Bank", "Peru"])]


def test_securities_bought_from_a_central_bank_are_a_market_trade(pipe):
    assert facts(pipe, "Liquidity rose on funds from treasury bills bought from Norland Central Bank on Thursday, "
                       "dealers said.") == []


def test_the_two_companies_are_the_two_most_named_when_no_fact_names_two(pipe):
    text = ("Corvan Motors Corp is in talks with Bellari SpA, a Bellari spokesman said. Corvan makes trucks "
            "and Bellari makes sports cars.\n"
            "    He said the two companies are discussing a joint venture in the production area.")
    got = [(t, sorted(p)) for t, p in facts(pipe, text)]
    assert got == [("joint_venture", ["Bellari SpA", "Corvan Motors Corp"])]


def test_a_government_named_by_its_nationality_is_the_country_the_text_names(pipe):
    got = facts(pipe, "The Norwegian government said it would sign a contract with Selvik Bygg AS on Tuesday.\n"
                      "    Norway will also pay for new roads.")
    assert got == [("contract", ["Norway", "Selvik Bygg AS"])]


def test_a_nationality_alone_names_no_side(pipe):
    got = facts(pipe, "The Norwegian government said it would sign a contract with Selvik Bygg AS on Tuesday.")
    assert got == [("contract", ["Selvik Bygg AS"])]


def test_over_half_is_a_majority(pipe):
    got = facts(pipe, "Kessel Parts Co agreed to acquire over 50 pct of Lenning Cast Co last week.")
    assert got == [("acquisition", ["Kessel Parts Co", "Lenning Cast Co"])]
    got = facts(pipe, "Kessel Parts Co agreed to acquire 50 pct of Lenning Cast Co last week.")
    assert got == [("investment", ["Kessel Parts Co", "Lenning Cast Co"])]


def test_a_place_before_a_capitalised_description_of_a_name_is_no_side(pipe):
    got = facts(pipe, "Kessel Parts Co signed a supply contract with U.S. Autoparts firm <Lenning Cast Co>.")
    assert got == [("contract", ["Kessel Parts Co", "Lenning Cast Co"])]


def test_an_agreement_word_inside_a_capitalised_bank_name_is_part_of_the_name(pipe):
    doc = pipe("The Office of Finance, Norland Home Loan Banks, said it set rates on its debt offering.")
    assert [e.text for e in doc.ents if e.label_ == "AGREEMENT"] == []
    assert "Norland Home Loan Banks" in [e.text for e in doc.ents if e.label_ == "ORG"]
    got = facts(pipe, "Kestrel Bank signed a loan agreement with Norland Corp last week.")
    assert got == [("investment", ["Kestrel Bank", "Norland Corp"])]
