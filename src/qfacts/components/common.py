"""Shared helpers for the qfacts components: extension attributes and entity merging."""
from __future__ import annotations

from bisect import bisect_right
from operator import sub
from typing import Any, Callable, Iterable, Optional, Sequence

from spacy.attrs import IDX, SPACY
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


def add_entities(doc: Doc, spans: Iterable[Span], *, replace_labels: frozenset[str] = frozenset(),
                 current: Optional[Sequence[Span]] = None) -> Optional[tuple[Span, ...]]:
    """Merge ``spans`` into ``doc.ents``, and return the document's entities after it (None when there was
    nothing to add and no ``current``: then ``doc.ents`` is not read at all).

    Among new spans the longest wins. A new span replaces existing entities it overlaps when they carry a label
    that is not a qfacts label (a statistical model's), a label in ``replace_labels``, or are strictly shorter
    and carry an ORG/PLACE label (an organisation's name contains its city: "Daejeon Metropolitan Government").
    Otherwise the existing entity stays and the new span is dropped.

    ``current``: the document's entities as the caller last read or set them (:func:`doc_ents`, or what an
    earlier call returned), handed along so that ``doc.ents`` is not read again.
    """
    new = filter_spans(list(spans))
    if not new:
        return None if current is None else tuple(current)
    kept = doc_ents(doc) if current is None else current  # sorted and disjoint, so their ends are sorted too
    if not kept:
        return set_ents(doc, new)
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
    if not out_new:
        return tuple(kept)
    survivors = [e for j, e in enumerate(kept) if j not in removed]
    return set_ents(doc, survivors + out_new)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``: the one place the components read the entities from (each read builds every Span anew, so
    a component reads them once and hands the list along: :func:`add_entities` takes and returns it)."""
    return doc.ents


def set_ents(doc: Doc, spans: Iterable[Span]) -> tuple[Span, ...]:
    """``doc.ents = spans`` (disjoint spans of ``doc`` with labels), returning them in document order: the
    entities a later step of the same component can take instead of reading ``doc.ents`` again."""
    ordered = tuple(sorted(spans, key=lambda x: x.start))
    doc.set_ents(list(ordered), default="outside")
    return ordered


def span_values(doc: Doc, names: tuple[str, ...]) -> Callable[[int, int], tuple[Any, ...]]:
    """A reader of the Span extension attributes ``names`` by a span's character offsets: what ``span._.name``
    gives, read from the document's store without an Underscore object per span. An attribute with a getter or
    a method (registered by someone else) is read through a Span."""
    exts = [Span.get_extension(name) for name in names]
    if any(ext is None or ext[1] is not None or ext[2] is not None or isinstance(ext[0], (dict, list, set))
           for ext in exts):
        return lambda start, end: tuple(getattr(doc.char_span(start, end)._, name) for name in names)
    get = doc.user_data.get
    pairs = [(("._.", name), ext[0]) for name, ext in zip(names, exts)]  # (key prefix, default)

    def read(start: int, end: int) -> tuple[Any, ...]:
        at = (start, end)
        return tuple([get(key + at, default) for key, default in pairs])  # (a list: no generator per span)
    return read


def span_store(doc: Doc, names: tuple[str, ...]) -> Optional[dict]:
    """Where ``span._.name = value`` writes for each of ``names`` on a span of ``doc``: the document's
    ``user_data``, under ``("._.", name, span.start_char, span.end_char)`` (spaCy's own key), so a component can
    store values without an Underscore object per span. None when one of the attributes has a setter or a getter
    (registered by someone else): then the caller sets them through ``span._``."""
    for name in names:
        ext = Span.get_extension(name)
        if ext is None or ext[1] is not None or ext[2] is not None or ext[3] is not None:
            return None
    return doc.user_data


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
        # (the lists are built by map() over C functions: no Python step per token)
        self.idx = doc.to_array(IDX).tolist() if len(doc) else []
        self.ws = list(map(_WS_OF_FLAG.__getitem__, doc.to_array(SPACY).tolist())) if len(doc) else []
        self.doc_text = text = _doc_text(doc, self.idx, self.ws)
        ends = self.idx[1:] + [len(text)]
        self.text = list(map(text.__getitem__, map(slice, self.idx, map(sub, ends, map(len, self.ws)))))
        self.lower = list(map(str.lower, self.text))


_WS_OF_FLAG = ("", " ")   # a token's trailing whitespace by its SPACY flag


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
