"""ORG and PLACE rules of issue 4: bracketed acronyms, name shapes, and names that are also words or people."""
from conftest import ents, make_blank


def orgs_places(text: str) -> tuple[list[str], list[str]]:
    nlp = make_blank("qfacts_places", "qfacts_orgs")
    doc = nlp(text)
    return ents(doc, "ORG"), ents(doc, "PLACE")


def test_hyphenated_acronym_in_brackets_names_the_organisation_again_later():
    orgs, _ = orgs_places("Kelvo joined the Applied Photonics Development Consortium (APD-C) in May. "
                          "APD-C members met.")
    assert orgs == ["Applied Photonics Development Consortium", "APD-C", "APD-C"]


def test_name_runs_on_over_for_to_its_bracketed_acronym():
    orgs, _ = orgs_places("The Quantum Strategic Industry Alliance for Revolution (Q-STAR) met today.")
    assert orgs == ["Quantum Strategic Industry Alliance for Revolution", "Q-STAR"]


def test_leading_compound_adjective_is_dropped_only_when_it_is_a_modifier():
    orgs, places = orgs_places("The Tokyo-based Vornak Institute and the Leading-edge Photonics Center (LPC) met.")
    assert orgs == ["Vornak Institute", "Leading-edge Photonics Center", "LPC"]
    assert places == ["Tokyo"]


def test_product_defined_with_an_acronym_is_no_organisation():
    orgs, _ = orgs_places("The firm will build the Medium Cargo Launch Vehicle (MCLV) next year.")
    assert orgs == []


def test_washington_is_the_city_or_state_or_government_but_not_the_person():
    assert orgs_places("Washington said on Monday it would impose sanctions on Kelvo.")[1] == ["Washington"]
    assert orgs_places("The new law passed in Washington state last year.")[1] == ["Washington"]
    assert orgs_places("Actor Tom Washington starred in it. Washington said he liked it.")[1] == []
    assert orgs_places("The Washington Post ran the story.") == (["Washington Post"], [])


def test_names_that_are_also_words_are_places_only_where_the_context_says_so():
    assert orgs_places("The firm opened an office in Reading last year.")[1] == ["Reading"]
    assert orgs_places("Reading the report took an hour.")[1] == []
    assert orgs_places("The talks were held in Nice, France.")[1] == ["Nice", "France"]
    assert orgs_places("Nice work, the minister said.")[1] == []
    assert orgs_places("A plant in Mobile, Alabama will close.")[1] == ["Mobile", "Alabama"]
    assert orgs_places("Mobile payments rose in Kenya.")[1] == ["Kenya"]


def test_march_the_month_is_no_place():
    nlp = make_blank("qfacts_dates", "qfacts_places", "qfacts_orgs")
    doc = nlp("In March, the firm opened a plant in Kenya.")
    assert ents(doc, "PLACE") == ["Kenya"]
    assert ents(doc, "DATE") == ["March"]


def test_jordan_is_a_country_unless_a_first_name_or_title_makes_it_a_surname():
    assert orgs_places("Jordan and Egypt signed a water treaty.")[1] == ["Jordan", "Egypt"]
    assert orgs_places("Jordan's king met the envoy.")[1] == ["Jordan"]
    assert orgs_places("Michael Jordan scored 40 points. Jordan later retired.")[1] == []
    assert orgs_places("Mr Chad said the plan was sound.")[1] == []


def test_a_city_inside_an_organisation_name_is_no_separate_place():
    orgs, places = orgs_places("Bank of Tokyo staff and Boston Scientific Corp engineers met in Osaka.")
    assert places == ["Osaka"]
    assert "Boston Scientific Corp" in orgs


def test_title_after_a_place_keeps_it_a_place_and_an_airport_is_one_place():
    orgs, places = orgs_places("Texas Governor Ann Lee and Queensland Premier Jo Smith met near Brisbane Airport.")
    assert places == ["Texas", "Queensland", "Brisbane Airport"]


def test_places_inside_an_agreement_title_are_no_mentions():
    assert orgs_places("The Ohio-Texas Trade Partnership Agreement was signed in Austin.")[1] == ["Austin"]


def test_a_person_after_a_title_is_no_organisation_even_beside_a_cue_noun():
    orgs, _ = orgs_places("Vornak chief executive Rajeeb Tamsin spoke. According to Tamsin, the venture will "
                          "build chips.")
    assert "Tamsin" not in orgs


def test_apposition_with_a_cue_noun_still_names_an_organisation():
    assert orgs_places("Kelvo, the chipmaker, said sales rose.")[0] == ["Kelvo"]


def test_hyphenated_acronym_takes_the_whole_defined_name_and_no_camel_piece():
    orgs, _ = orgs_places("The Northern Space Promotion and Licensing Centre (NS-PLiC) ran it. NS-PLiC's head "
                          "agreed.")
    assert orgs == ["Northern Space Promotion and Licensing Centre", "NS-PLiC", "NS-PLiC"]


def test_small_town_counts_only_before_its_own_country_or_state():
    assert orgs_places("Leaders met in Davos, Switzerland on Friday.")[1] == ["Davos", "Switzerland"]
    assert orgs_places("Leaders met in Davos, Portugal on Friday.")[1] == ["Portugal"]
    assert orgs_places("Leaders met in Davos on Friday.")[1] == []


def test_company_after_and_in_a_prefix_name_is_a_name_of_its_own_and_its_short_form_follows():
    orgs, _ = orgs_places("The Bank of Kelvo and Vornak Scientific Corp merged. Vornak Scientific shares fell.")
    assert orgs == ["Bank of Kelvo", "Vornak Scientific Corp", "Vornak Scientific"]
    orgs, _ = orgs_places("The Ministry of Trade and Industry said so.")
    assert orgs == ["Ministry of Trade and Industry"]


def test_head_words_joined_by_and_before_a_head_are_one_name():
    assert orgs_places("The Securities and Exchange Commission said so.")[0] == ["Securities and Exchange Commission"]
    assert orgs_places("Acme Corp and Vornak Inc merged.")[0] == ["Acme Corp", "Vornak Inc"]
    assert orgs_places("The Government Office said so.")[0] == []
    assert orgs_places("Kelvo and Co Ltd said so.")[0] == ["Kelvo and Co Ltd"]
    assert orgs_places("Acme Corp and Company officials met.")[0] == ["Acme Corp"]


def test_names_joined_by_ampersand_are_a_firm_unless_they_name_a_country():
    orgs, places = orgs_places("Douglas & Lomason shares rose while Trinidad & Tobago voted.")
    assert orgs == ["Douglas & Lomason"]
    assert places == ["Trinidad & Tobago"]


def test_first_names_come_from_the_data_package_less_the_listed_place_names():
    from qfacts.people import first_names

    names = first_names()
    assert {"Michael", "Maria", "Hans"} <= names
    assert "Jordan" not in names and "Georgia" not in names
