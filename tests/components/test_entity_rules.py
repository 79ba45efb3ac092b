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
