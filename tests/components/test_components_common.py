"""The shared token view: plain lists of a Doc's tokens, and the text they index; the entity list handed from
one component to the next, and extension values read without Underscore objects."""
from __future__ import annotations

import spacy
from spacy.tokens import Span

from qfacts.components.common import doc_ents, register_extensions, set_ents, span_values, token_view

NLP = spacy.blank("en")


def test_token_view_lists_texts_offsets_and_trailing_spaces():
    text = "Acme  Corp signed,\nthen left."
    view = token_view(NLP.make_doc(text))
    doc = NLP.make_doc(text)
    assert view.text == [t.text for t in doc]
    assert view.idx == [t.idx for t in doc]
    assert view.ws == [t.whitespace_ for t in doc]
    assert view.doc_text == text


def test_token_view_uses_the_text_the_caller_left_when_it_fits_the_tokens():
    text = "Acme Corp signed a deal."
    doc = NLP.make_doc(text)
    doc.user_data["qfacts_text"] = text
    assert token_view(doc).doc_text is text


def test_token_view_ignores_a_left_text_that_does_not_fit_the_tokens():
    doc = NLP.make_doc("Acme Corp signed a deal.")
    doc.user_data["qfacts_text"] = "something else entirely"
    assert token_view(doc).doc_text == "Acme Corp signed a deal."


def test_token_view_of_an_empty_doc_is_empty():
    view = token_view(NLP.make_doc(""))
    assert (view.text, view.idx, view.ws, view.doc_text) == ([], [], [], "")


def _spans(doc, *triples):
    return [Span(doc, b, e, label=label) for b, e, label in triples]


def test_set_ents_hands_its_spans_to_the_next_reader_in_document_order():
    doc = NLP.make_doc("Acme Corp met Daejeon officials on Friday in Seoul.")
    spans = _spans(doc, (9, 10, "PLACE"), (0, 2, "ORG"), (3, 4, "PLACE"))
    set_ents(doc, spans)
    handed = doc_ents(doc)
    assert handed == doc.ents
    assert [s.start for s in handed] == [0, 3, 9]
    assert handed[0] is spans[1]  # the same objects: no Span is built anew


def test_doc_ents_follows_a_change_another_component_made_since():
    doc = NLP.make_doc("Acme Corp met Daejeon officials on Friday in Seoul.")
    set_ents(doc, _spans(doc, (0, 2, "ORG"), (3, 4, "PLACE")))
    doc.ents = _spans(doc, (0, 2, "ORG"), (3, 4, "GPE"))       # relabelled, same boundaries
    assert [e.label_ for e in doc_ents(doc)] == ["ORG", "GPE"]
    doc.ents = _spans(doc, (6, 7, "DATE"))
    assert doc_ents(doc) == doc.ents


def test_doc_ents_reads_a_document_no_component_touched():
    doc = NLP.make_doc("Acme Corp met Daejeon officials.")
    doc.ents = _spans(doc, (0, 2, "ORG"))
    assert doc_ents(doc) == doc.ents
    assert doc_ents(NLP.make_doc("")) == ()


def test_set_ents_does_not_hand_over_spans_whose_entity_ids_doc_ents_would_change():
    doc = NLP.make_doc("Acme Corp met Daejeon officials.")
    doc.ents = [Span(doc, 0, 2, label="ORG", span_id="acme")]
    set_ents(doc, _spans(doc, (0, 2, "ORG")))  # spaCy keeps the tokens' entity id
    assert doc_ents(doc) == doc.ents
    assert doc_ents(doc)[0].id_ == "acme"


def test_span_values_reads_what_the_span_extensions_hold():
    register_extensions()
    doc = NLP.make_doc("Acme Corp met Daejeon officials on Friday.")
    acme, daejeon = _spans(doc, (0, 2, "ORG"), (3, 4, "PLACE"))
    daejeon._.canonical = "Daejeon"
    daejeon._.value = {"kind": "city"}
    read = span_values(doc, ("value", "canonical", "interval"))
    for span in (acme, daejeon):
        assert read(span.start_char, span.end_char) == (span._.value, span._.canonical, span._.interval)
    assert read(daejeon.start_char, daejeon.end_char) == ({"kind": "city"}, "Daejeon", None)


def test_span_values_reads_an_extension_with_a_getter_through_the_span():
    Span.set_extension("qfacts_test_upper", getter=lambda span: span.text.upper(), force=True)
    try:
        doc = NLP.make_doc("Acme Corp met Daejeon officials.")
        assert span_values(doc, ("qfacts_test_upper",))(0, 9) == ("ACME CORP",)
    finally:
        Span.remove_extension("qfacts_test_upper")
