"""``qfacts_dates``: DATE entities with TIMEX3 values and the calendar interval they denote."""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..dates import find_dates, find_reference_date, find_yearless_dateline
from .common import TokenView, add_entities, doc_ents, register_extensions, set_ents, span_store, token_view


class DatesComponent:
    """Find dates and times and resolve them against ``doc._.reference_date``.

    When the document carries no reference date and ``use_dateline`` is true, the date in the text's dateline or
    first lines is used (and stored in ``doc._.reference_date`` with source ``"dateline"``); a dateline without a
    year gives none (source ``"dateline_without_year"``). A caller that has
    searched already and found none says so with ``doc._.reference_date_source = "none"``.
    A statistical model's DATE/TIME entities are replaced by these, which carry values.
    """

    def __init__(self, nlp: Language, name: str, use_dateline: bool = True) -> None:
        register_extensions()
        self.name = name
        self.use_dateline = use_dateline

    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.reference_date
        view = token_view(doc)
        text = view.doc_text
        if ref is None and self.use_dateline and doc._.reference_date_source is None:
            found = find_reference_date(text)
            if found is not None:
                ref = doc._.reference_date = found.date
                doc._.reference_date_source = "dateline"
            elif find_yearless_dateline(text) is not None:
                doc._.reference_date_source = "dateline_without_year"
        spans = []
        store = span_store(doc, ("value", "interval"))   # span._.value/interval without an Underscore per span
        for m in find_dates(text, ref):
            span = _expanded_span(doc, view, m.start, m.end)
            if span is None or not len(span):
                continue
            if store is not None:
                a, b = span.start_char, span.end_char
                store[("._.", "value", a, b)] = m.value
                if m.interval_start and m.interval_end:
                    store[("._.", "interval", a, b)] = {"start": m.interval_start, "end": m.interval_end}
            else:
                span._.value = m.value
                if m.interval_start and m.interval_end:
                    span._.interval = {"start": m.interval_start, "end": m.interval_end}
            spans.append(span)
        ents = doc_ents(doc)
        if ents:
            # a model's DATE/TIME spans that no rule confirmed carry no value: drop them
            ents = add_entities(doc, spans, replace_labels=frozenset({"DATE", "TIME"}), current=ents)
            kept = [e for e in ents if e.label_ not in ("DATE", "TIME") or e._.value is not None]
            if len(kept) != len(ents):
                set_ents(doc, kept)
        else:
            add_entities(doc, spans, current=ents)
        return doc


def _expanded_span(doc: Doc, view: TokenView, start: int, end: int) -> Optional[Span]:
    """``doc.char_span(start, end, label="DATE", alignment_mode="expand")``, the tokens found in the token view's
    offsets (spaCy's char_span makes a Token object for each token it looks at)."""
    idx, words, ws = view.idx, view.text, view.ws
    first = bisect_right(idx, start) - 1
    last = bisect_right(idx, end - 1) - 1
    # the token at a character holds its text and its trailing space
    if first < 0 or last < 0 or start >= idx[first] + len(words[first]) + len(ws[first]) \
            or end - 1 >= idx[last] + len(words[last]) + len(ws[last]):
        return None
    if start == idx[first] + len(words[first]):   # the first token's trailing space is not part of it
        first += 1
    return Span(doc, first, last + 1, label="DATE")
