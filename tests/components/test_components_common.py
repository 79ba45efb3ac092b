"""The shared token view: plain lists of a Doc's tokens, and the text they index."""
from __future__ import annotations

import spacy

from qfacts.components.common import token_view

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
