"""The library entry points: ``extract`` for one text, ``extract_documents`` for many."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .components.common import doc_ents, span_values, token_view
from .components.facts.parties import name_record_parties
from .dates import find_reference_date, find_yearless_dateline
from .entities import resolve
from .models import Agreement, Entity, Record
from .pipeline import get_pipeline
from .tokenizer import LONG_RUN, RUN_PIECE, RunSafeTokenizer, tokenize  # noqa: F401  (LONG_RUN, RUN_PIECE: as before)

DateLike = Union[str, _dt.date, None]

YEARLESS_DATELINE = "dateline_without_year"
"""``reference_date_source`` of a record whose article has a dateline with month and day but no year ("SEOUL, May 19
(Yonhap) --") and no reference date from elsewhere: its relative dates keep ``X`` parts."""

PIECE_CHARS = 100_000
"""Longer texts are processed in pieces of at most this many characters (or spaCy's ``max_length`` if smaller),
cut at paragraph, line or space boundaries: memory stays bounded and time linear whatever the text's length."""


@dataclass
class Document:
    """One input text. ``reference_date_source`` says where a given ``reference_date`` came from."""

    id: str
    text: str
    reference_date: DateLike = None
    source: str = "-"
    reference_date_source: Optional[str] = None


def parse_reference_date(value: DateLike) -> Optional[_dt.date]:
    """``YYYY-MM-DD`` (or a longer ISO timestamp) or a date; raises ValueError on anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"not a date (expected YYYY-MM-DD): {value!r}") from None


def extract(text: str, reference_date: DateLike = None, *, id: str = "-", source: str = "-",
            nlp: Optional[Language] = None) -> Record:
    """Extract entities and agreement facts from ``text``.

    ``reference_date`` anchors relative dates ("Friday", "last year"); without it the article's dateline or
    first lines are used, and failing those relative dates keep ``X`` parts.

    >>> rec = extract("Acme Corp signed an MOU with Daejeon on Friday.", "2025-05-19")
    >>> [(e.label, e.text) for e in rec.entities][:2]
    [('ORG', 'Acme Corp'), ('AGREEMENT', 'MOU')]
    """
    doc = Document(id=id, text=text, reference_date=reference_date, source=source,
                   reference_date_source="given" if reference_date else None)
    return next(extract_documents([doc], nlp=nlp))


def extract_documents(documents: Iterable[Document], nlp: Optional[Language] = None,
                      batch_size: int = 32,
                      on_error: Optional[Callable[[Document, Exception], None]] = None) -> Iterator[Record]:
    """Extract from many documents, yielding one Record each, in order.

    Without ``on_error`` an exception raised on one document ends the iteration; with it, that document is
    skipped and ``on_error(document, exception)`` is called, so one bad document cannot lose the others.
    """
    nlp = nlp or get_pipeline()
    for document in documents:
        if on_error is None:
            yield _extract_one(nlp, document)
            continue
        try:
            record = _extract_one(nlp, document)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # reported through the hook, the other documents go on
            on_error(document, exc)
            continue
        yield record


def extract_or_error(document: Document, nlp: Optional[Language] = None) -> Union[Record, Exception]:
    """One document's Record, or the exception extracting it raised (returned, not raised), so that a bug in a
    rule costs that document only. KeyboardInterrupt and MemoryError still propagate."""
    errors: list[Exception] = []
    records = list(extract_documents([document], nlp=nlp, on_error=lambda _doc, exc: errors.append(exc)))
    return records[0] if records else errors[0]


def stage_failures(record: Record) -> list[str]:
    """One message per stage that failed on the record's document ("component qfacts_dates failed: ..."), for
    the command line to print on stderr beside the written record."""
    return [f"component {e['component']} failed: {e['error']}" for e in record.errors]


def _chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Split ``text`` into pieces of at most ``limit`` characters, at paragraph, line or space boundaries."""
    start = 0
    n = len(text)
    while n - start > limit:
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, start + limit // 2, start + limit)
            if cut != -1:
                cut += len(sep)
                break
        if cut == -1:
            cut = start + limit
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


_SURROGATE = re.compile("[\ud800-\udfff]")


def analysable(text: str) -> str:
    """``text`` as the pipeline reads it and records quote it: each surrogate code point (a Python string can hold
    one, read with ``surrogateescape`` or from a JSON ``"\\ud800"`` escape; no UTF-8 text can, and JSON would read
    a pair of them back as one character) becomes U+FFFD, one code point for one, so every offset is that of
    ``text``: ``analysable(text)[start:end]`` is each entity's text."""
    if text.isascii():
        return text
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` in time linear in ``text``: a long run without whitespace that holds punctuation is
    tokenised in pieces (:func:`qfacts.tokenizer.tokenize`), token offsets and whitespace those of ``text``
    exactly. The pipelines :func:`qfacts.build_pipeline` builds have a tokenizer that does so itself
    (:class:`qfacts.tokenizer.RunSafeTokenizer`); for any other, the pieces are made here."""
    if isinstance(nlp.tokenizer, RunSafeTokenizer):
        return nlp.make_doc(text)
    return tokenize(nlp.make_doc, text)


def _extract_one(nlp: Language, document: Document) -> Record:
    text = analysable(document.text)
    ref = parse_reference_date(document.reference_date)
    ref_source = document.reference_date_source if ref else None
    if ref is None:
        found = find_reference_date(text)
        if found is not None:
            ref, ref_source = found.date, "dateline"
        elif find_yearless_dateline(text) is not None:
            ref_source = YEARLESS_DATELINE   # the record says why its relative dates stay open
    record = Record(id=document.id, source=document.source,
                    reference_date=ref.isoformat() if ref else None,
                    reference_date_source=ref_source, text_length=len(text))
    limit = max(1000, min(PIECE_CHARS, nlp.max_length - 1))
    for offset, piece in _chunks(text, limit):
        doc = make_doc(nlp, piece)
        doc.user_data["qfacts_text"] = piece  # spares the components rebuilding doc.text token by token
        doc._.reference_date = ref
        # "none": the whole text was searched already; a later piece's first lines are no dateline
        doc._.reference_date_source = ref_source or "none"
        doc = _run_components(nlp, doc, record)
        _guarded(record, "collect", _collect, doc, offset, record)
    canonical = _guarded(record, "canonical", resolve, record.entities)
    record.canonical_entities = canonical or []
    if canonical is not None:
        _guarded(record, "canonical", name_record_parties, record.entities, record.agreements)
    return record


def _run_components(nlp: Language, doc: Doc, record: Record) -> Doc:
    """Run the pipeline's components one by one; one that raises is named in ``record.errors`` and the
    others still run on what the earlier ones left, so a bug in one stage costs only that stage's output."""
    for name, proc in nlp.pipeline:
        result = _guarded(record, name, proc, doc)
        if isinstance(result, Doc):
            doc = result
    return doc


def _guarded(record: Record, stage: str, func: Callable, *args):
    """``func(*args)``, or None after noting the exception in ``record.errors`` (once per stage)."""
    try:
        return func(*args)
    except (KeyboardInterrupt, MemoryError, RecursionError):
        raise
    except Exception as exc:  # reported with the record, which is still written
        if not any(e["component"] == stage for e in record.errors):
            record.errors.append({"component": stage, "error": f"{type(exc).__name__}: {exc}"})
        return None


def _collect(doc: Doc, offset: int, record: Record) -> None:
    # the extension values straight from the document's store: no Underscore object per entity and attribute
    text = token_view(doc).doc_text
    values = span_values(doc, ("value", "canonical", "interval"))
    for ent in doc_ents(doc):
        label = ent.label_
        if label not in ("ORG", "PLACE", "DATE", "AGREEMENT"):
            continue
        start, end = ent.start_char, ent.end_char
        value, canonical, interval = values(start, end)
        if label == "DATE" and value is None:
            continue  # a model's DATE that the rules could not normalise
        record.entities.append(Entity(
            label=label, start=start + offset, end=end + offset, text=text[start:end],
            value=value, canonical=canonical, interval=interval))
    for fact in doc._.agreements or ():
        trigger = fact["trigger"]
        record.agreements.append(Agreement(
            type=fact["type"], parties=list(fact["parties"]), date=fact.get("date"),
            date_text=fact.get("date_text"), date_interval=fact.get("date_interval"), status=fact["status"],
            trigger={"text": trigger["text"], "start": trigger["start"] + offset, "end": trigger["end"] + offset},
            sentence=fact["sentence"], start=fact["start"] + offset, end=fact["end"] + offset,
            cameo=fact.get("cameo"),
            party_details=[_shifted(p, offset) for p in fact.get("party_details", ())]))


def _shifted(detail: dict, offset: int) -> dict:
    """A party detail with its offsets (and its antecedent's) into the whole text."""
    out = dict(detail, start=detail["start"] + offset, end=detail["end"] + offset)
    ante = detail.get("antecedent")
    if ante is not None:
        out["antecedent"] = dict(ante, start=ante["start"] + offset, end=ante["end"] + offset)
    return out
