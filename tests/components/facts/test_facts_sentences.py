from qfacts.components.common import token_view
from qfacts.components.facts.sentences import dateline_end, is_headline, sentence_bounds


def split(blank, text):
    doc = blank.make_doc(text)
    v = token_view(doc)
    return [doc[s:e].text for s, e in sentence_bounds(doc, v)], doc, v


def test_sentences_wrapped_wire_lines_run_on_and_a_full_stop_ends_a_sentence(blank):
    got, _, _ = split(blank, "Acme Corp and Kelvo\nLtd said they formed a venture. It will make chips.")
    assert got == ["Acme Corp and Kelvo\nLtd said they formed a venture.", "It will make chips."]


def test_sentences_an_upper_case_line_and_a_blank_line_end_sentences(blank):
    got, _, _ = split(blank, "ACME, KELVO SET VENTURE\nAcme said it\nagreed terms\n\nKelvo said so too.")
    assert [s.strip() for s in got] == ["ACME, KELVO SET VENTURE", "Acme said it\nagreed terms", "Kelvo said so too."]


def test_sentences_a_headline_is_a_whole_line_without_final_punctuation_followed_by_text(blank):
    got, doc, v = split(blank, "ACME AND KELVO SET VENTURE\nAcme said it agreed terms with Kelvo.\nMore follows.")
    bounds = sentence_bounds(doc, v)
    assert got[0].strip() == "ACME AND KELVO SET VENTURE"
    assert is_headline(v, *bounds[0])
    assert not is_headline(v, *bounds[1])


def test_sentences_dateline_ends_after_the_dash_of_a_city_and_date(blank):
    doc = blank.make_doc("TOKYO, March 3 - Acme Corp signed a deal with Kelvo Ltd.")
    v = token_view(doc)
    assert v.text[dateline_end(v)] == "Acme"
    doc = blank.make_doc("Acme Corp - the maker of chips - signed a deal.")
    assert dateline_end(token_view(doc)) == 0
