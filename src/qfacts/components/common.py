"""Shared helpers for the qfacts components: extension attributes and entity merging."""
from __future__ import annotations

from bisect import bisect_right
from typing import Any, Callable, Iterable

from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, IDX, SPACY
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

QFACTS_LABELS = frozenset({"ORG", "PLACE", "DATE", "AGREEMENT"})


def register_extensions() -> None:
    """Custom attributes the components write (idempotent)."""
    for name, default in (("value", None), ("canonical", None), ("interval", None), ("kind", None),
                          ("own_value", None)):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in (("reference_date", None), ("reference_date_source", None), ("agreements", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def add_entities(doc: Doc, spans: Iterable[Span], *, replace_labels: frozenset[str] = frozenset()) -> None:
    """Merge ``spans`` into ``doc.ents``.

    Among new spans the longest wins. A new span replaces existing entities it overlaps when they carry a label
    that is not a qfacts label (a statistical model's), a label in ``replace_labels``, or are strictly shorter
    and carry an ORG/PLACE label (an organisation's name contains its city: "Daejeon Metropolitan Government").
    Otherwise the existing entity stays and the new span is dropped.
    """
    new = filter_spans(list(spans))
    if not new:
        return
    kept = doc_ents(doc)  # sorted and disjoint, so their ends are sorted too
    if not kept:
        set_ents(doc, new)
        return
    ends = [e.end for e in kept]
    removed: set[int] = set()
    out_new = []
    for span in new:
        clash = []
        i = bisect_right(ends, span.start)  # the first entity that ends after the span starts
        while i < len(kept) and kept[i].start < span.end:
            if i not in removed:
                clash.append(i)
            i += 1
        if all(_replaceable(kept[j], span, replace_labels) for j in clash):
            removed.update(clash)
            out_new.append(span)
    survivors = [e for j, e in enumerate(kept) if j not in removed]
    set_ents(doc, survivors + out_new)


_ENTS = "qfacts_ents"  # doc.user_data: the entity list a qfacts component set last, with the mark it left
_ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]


def _ent_mark(doc: Doc) -> bytes:
    """The token-level entity annotation of ``doc`` (one array read): equal marks, equal ``doc.ents``."""
    return doc.to_array(_ENT_ATTRS).tobytes()


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents`` without building every Span anew: the spans the last :func:`set_ents` handed over while
    the document's entity annotation is still what it left (another component may have changed it since),
    else ``doc.ents`` (kept for the next reader)."""
    handed = doc.user_data.get(_ENTS)
    if handed is not None:
        mark = _ent_mark(doc)
        if handed[1] == mark:
            return handed[0]
    else:
        mark = _ent_mark(doc)
    ents = doc.ents
    doc.user_data[_ENTS] = (ents, mark)
    return ents


def set_ents(doc: Doc, spans: Iterable[Span]) -> None:
    """``doc.ents = spans`` (disjoint spans of ``doc`` with labels), handing the span list over to the next
    :func:`doc_ents` (the same spans ``doc.ents`` would give: sorted, with their labels)."""
    spans = tuple(sorted(spans, key=lambda x: x.start))
    doc.set_ents(list(spans), default="outside")
    marks = doc.to_array(_ENT_ATTRS)
    # spans with knowledge-base or entity ids, or tokens that keep an earlier entity id (spaCy keeps it where a
    # span has none): doc.ents is read anew rather than handed over
    exact = not marks[:, 2:].any() and all(not x.kb_id and not x.id and x.label for x in spans)
    doc.user_data[_ENTS] = (spans, marks.tobytes()) if exact else None


def span_values(doc: Doc, names: tuple[str, ...]) -> Callable[[int, int], tuple[Any, ...]]:
    """A reader of the Span extension attributes ``names`` by a span's character offsets: what ``span._.name``
    gives, read from the document's store without an Underscore object per span. An attribute with a getter or
    a method (registered by someone else) is read through a Span."""
    exts = [Span.get_extension(name) for name in names]
    if any(ext is None or ext[1] is not None or ext[2] is not None or isinstance(ext[0], (dict, list, set))
           for ext in exts):
        return lambda start, end: tuple(getattr(doc.char_span(start, end)._, name) for name in names)
    store = doc.user_data
    keys = [("._.", name) for name in names]
    defaults = [ext[0] for ext in exts]
    return lambda start, end: tuple(store.get(key + (start, end), default) for key, default in zip(keys, defaults))


def _replaceable(existing: Span, span: Span, replace_labels: frozenset[str]) -> bool:
    return (
        existing.label_ not in QFACTS_LABELS
        or existing.label_ in replace_labels
        or (existing.label_ in ("ORG", "PLACE") and len(existing) < len(span)
            and span.start <= existing.start and existing.end <= span.end)
    )


def is_capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


class TokenView:
    """Plain Python lists of a Doc's token texts, offsets and trailing whitespace.

    Reading ``doc[i]`` creates a Token object each time; the components look at every token several times, so
    they share these lists instead (built once per Doc and cached in ``doc.user_data``).
    """

    __slots__ = ("text", "idx", "ws", "lower", "doc_text")

    def __init__(self, doc: Doc) -> None:
        # one array read per attribute instead of a Token object per token (1-D: a 2-D tolist is much slower)
        self.idx = doc.to_array(IDX).tolist() if len(doc) else []
        self.ws = [" " if flag else "" for flag in doc.to_array(SPACY).tolist()] if len(doc) else []
        self.doc_text = text = _doc_text(doc, self.idx, self.ws)
        ends = [start for start in self.idx[1:]] + [len(text)]
        self.text = [text[start:end - len(ws)] for start, end, ws in zip(self.idx, ends, self.ws)]
        self.lower = [w.lower() for w in self.text]


def _doc_text(doc: Doc, idx: list[int], ws: list[str]) -> str:
    """The Doc's text: the string it was made from when the caller left it in ``user_data["qfacts_text"]`` (as
    :func:`qfacts.extract` does) and it fits the tokens, else ``doc.text`` (which joins a Token per token)."""
    given = doc.user_data.get("qfacts_text")
    if isinstance(given, str) and (
        len(given) == (idx[-1] + len(doc[-1].text) + len(ws[-1]) if idx else 0)
    ):
        return given
    return doc.text


def token_view(doc: Doc) -> TokenView:
    view = doc.user_data.get("qfacts_tokens")
    if view is None or len(view.text) != len(doc):
        view = doc.user_data["qfacts_tokens"] = TokenView(doc)
    return view
