"""The shared token view: plain lists of a Doc's tokens, and the text they index; the entity list handed from
one component to the next, and extension values read without Underscore objects."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from qfacts.components.common import add_entities, register_extensions, set_ents, span_store, span_values, token_view

NLP = spacy.blank("en")


def test_token_view_lists_texts_offsets_and_trailing_spaces():
    text = "Acme  Corp signed,\nthen left."
    view = token_view(NLP.make_doc(text))
    doc = NLP.make_doc(text)
    assert view.text == [t.text for t in doc]
    assert view.idx == [t.idx for t in doc]
    assert view.ws == [t.whitespace_ for t in doc]
    assert view.doc_text == text


def test_token_view_texts_and_lower_case_forms_are_the_tokens_own_across_documents_and_vocabularies(monkeypatch):
    from qfacts.components import common

    texts = ["\u0130stanbul's  GROSS\n\nStra\u00dfe e-mail, ok?", "Tokyo-based \u00c9COLE said: \u03a3\u039f\u03a6\u0399\u0391 ..."]
    monkeypatch.setattr(common, "_STRINGS_KEPT", 3)   # the tables start again on (nearly) every document
    for nlp in (NLP, spacy.blank("en"), NLP):
        for text in texts + texts:
            doc = nlp.make_doc(text)
            view = token_view(doc)
            assert view.text == [t.text for t in doc]
            assert view.lower == [t.text.lower() for t in doc]
            assert view.ws == [t.whitespace_ for t in doc] and view.doc_text == text


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


def test_set_ents_returns_the_entities_in_document_order():
    doc = NLP.make_doc("Acme Corp met Daejeon officials on Friday in Seoul.")
    spans = _spans(doc, (9, 10, "PLACE"), (0, 2, "ORG"), (3, 4, "PLACE"))
    assert set_ents(doc, spans) == doc.ents
    assert [s.start for s in doc.ents] == [0, 3, 9]


def test_add_entities_returns_the_merged_entities_and_reads_none_it_was_handed(monkeypatch):
    from qfacts.components import common

    doc = NLP.make_doc("Acme Corp met Daejeon officials on Friday in Seoul.")
    current = set_ents(doc, _spans(doc, (3, 4, "PLACE")))
    monkeypatch.setattr(common, "doc_ents", lambda doc: pytest.fail("doc.ents read again"))
    merged = add_entities(doc, _spans(doc, (0, 2, "ORG"), (3, 4, "ORG")), current=current)
    assert merged == doc.ents
    assert [(e.start, e.label_) for e in merged] == [(0, "ORG"), (3, "PLACE")]  # the existing entity stays
    assert add_entities(doc, [], current=merged) == merged
    assert add_entities(doc, []) is None  # nothing to add, nothing handed: nothing read


def test_add_entities_reads_the_document_when_handed_nothing():
    doc = NLP.make_doc("Acme Corp met Daejeon officials.")
    doc.ents = _spans(doc, (3, 4, "GPE"))  # a model's entity: a qfacts PLACE replaces it
    merged = add_entities(doc, _spans(doc, (3, 4, "PLACE"), (0, 2, "ORG")))
    assert merged == doc.ents
    assert [e.label_ for e in doc.ents] == ["ORG", "PLACE"]


def _token_states(doc) -> list[tuple[str, str]]:
    return [(t.ent_iob_, t.ent_type_) for t in doc]


@pytest.mark.parametrize("steps", [
    [[(0, 2, "ORG")], [(3, 4, "PLACE")], [(6, 7, "DATE"), (8, 9, "PLACE")]],           # only additions
    [[(3, 4, "PLACE")], [(3, 5, "ORG")], [(0, 2, "ORG")], [(8, 9, "PLACE")]],           # a longer ORG replaces
    [[], [(0, 1, "ORG")], [(0, 2, "ORG"), (4, 5, "ORG")], [(1, 2, "PLACE")]],           # nothing, then more
])
def test_add_entities_leaves_every_token_as_setting_all_the_entities_at_once_would(steps):
    text = "Acme Corp met Daejeon officials on Friday in Seoul."
    doc = NLP.make_doc(text)
    current = None
    for step in steps:
        current = add_entities(doc, _spans(doc, *step), current=current) if current is not None else \
            add_entities(doc, _spans(doc, *step))
        reference = NLP.make_doc(text)
        reference.set_ents([Span(reference, e.start, e.end, label=e.label_) for e in doc.ents], default="outside")
        if current is not None:
            assert current == doc.ents
            assert _token_states(doc) == _token_states(reference)


def test_add_entities_on_entities_set_some_other_way_gives_the_same_entities():
    doc = NLP.make_doc("Acme Corp met Daejeon officials on Friday in Seoul.")
    doc.set_ents(_spans(doc, (3, 4, "GPE")), default="missing")  # a model's, the other tokens left missing
    merged = add_entities(doc, _spans(doc, (0, 2, "ORG"), (8, 9, "PLACE")))
    assert merged == doc.ents
    assert [(e.start, e.label_) for e in doc.ents] == [(0, "ORG"), (3, "GPE"), (8, "PLACE")]
    assert _token_states(doc)[5] == ("O", "")   # set_ents marked the tokens outside the entities


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
    assert span_values(doc, ("canonical", "value"))(daejeon.start_char, daejeon.end_char) == (
        "Daejeon", {"kind": "city"})
    assert span_values(doc, ("canonical",))(acme.start_char, acme.end_char) == (None,)


def test_span_values_reads_an_extension_with_a_getter_through_the_span():
    Span.set_extension("qfacts_test_upper", getter=lambda span: span.text.upper(), force=True)
    try:
        doc = NLP.make_doc("Acme Corp met Daejeon officials.")
        assert span_values(doc, ("qfacts_test_upper",))(0, 9) == ("ACME CORP",)
    finally:
        Span.remove_extension("qfacts_test_upper")


def test_span_store_writes_what_the_span_extensions_then_hold():
    register_extensions()
    doc = NLP.make_doc("Talks in Daejeon on Friday.")
    daejeon = Span(doc, 2, 3, label="PLACE")
    store = span_store(doc, ("canonical", "kind"))
    store[("._.", "canonical", daejeon.start_char, daejeon.end_char)] = "Daejeon"
    store[("._.", "kind", daejeon.start_char, daejeon.end_char)] = "city"
    again = Span(doc, 2, 3, label="PLACE")
    assert (again._.canonical, again._.kind) == ("Daejeon", "city")
    assert Span(doc, 4, 5)._.canonical is None


def test_span_store_is_none_when_an_attribute_has_a_setter_or_getter():
    Span.set_extension("qfacts_test_upper", getter=lambda span: span.text.upper(), force=True)
    try:
        doc = NLP.make_doc("Acme Corp met Daejeon officials.")
        assert span_store(doc, ("canonical", "qfacts_test_upper")) is None
        assert span_store(doc, ("canonical",)) is doc.user_data
    finally:
        Span.remove_extension("qfacts_test_upper")


@pytest.mark.parametrize("text", ["On May 5, 2024  the  deal\n\nwas signed. ", "", " x", "Friday.", "  a  b  ",
                                  "3:30 p.m. (GMT) Tuesday,\n 1996-08-30"])
def test_dates_spans_are_spacys_expanded_char_spans(text):
    from qfacts.components.dates import _expanded_span

    doc = NLP.make_doc(text)
    view = token_view(doc)

    def outcome(make):
        try:
            span = make()
        except Exception as exc:  # noqa: BLE001  (the same error either way)
            return type(exc).__name__
        return None if span is None else (span.start, span.end, span.label_)

    for a in range(-2, len(text) + 3):
        for b in range(a - 1, len(text) + 3):
            assert outcome(lambda: _expanded_span(doc, view, a, b)) == outcome(
                lambda: doc.char_span(a, b, label="DATE", alignment_mode="expand")), (a, b)
