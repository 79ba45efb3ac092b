"""Shared helpers for the qfacts components: extension attributes and entity merging."""
from __future__ import annotations

from bisect import bisect_right
from typing import Any, Callable, Iterable, Optional, Sequence

from spacy.attrs import IDX, ORTH, SPACY
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
    if not removed and doc.user_data.get(_ALL_SET) is True:
        # every token outside ``kept`` is marked outside already (set_ents left it so): setting the new spans
        # alone leaves the tokens as setting them all would, without spaCy's pass over every other token
        doc.set_ents(out_new, default="unmodified")
        return tuple(sorted(list(kept) + out_new, key=_start))
    survivors = [e for j, e in enumerate(kept) if j not in removed]
    return set_ents(doc, survivors + out_new)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``: the one place the components read the entities from (each read builds every Span anew, so
    a component reads them once and hands the list along: :func:`add_entities` takes and returns it)."""
    return doc.ents


def set_ents(doc: Doc, spans: Iterable[Span]) -> tuple[Span, ...]:
    """``doc.ents = spans`` (disjoint spans of ``doc`` with labels), returning them in document order: the
    entities a later step of the same component can take instead of reading ``doc.ents`` again."""
    ordered = tuple(sorted(spans, key=_start))
    doc.set_ents(list(ordered), default="outside")
    doc.user_data[_ALL_SET] = True
    return ordered


_ALL_SET = "qfacts_ents_set"
"""``user_data`` key: :func:`set_ents` set every token of the document (outside its entities, tokens are marked
outside, not missing), so that :func:`add_entities` can later set new spans alone (on a document whose entities
were set some other way since, the tokens outside them may stay missing; ``doc.ents`` is the same)."""


def _start(span: Span) -> int:
    return span.start


def span_values(doc: Doc, names: tuple[str, ...]) -> Callable[[int, int], tuple[Any, ...]]:
    """A reader of the Span extension attributes ``names`` by a span's character offsets: what ``span._.name``
    gives, read from the document's store without an Underscore object per span. An attribute with a getter or
    a method (registered by someone else) is read through a Span."""
    exts = [Span.get_extension(name) for name in names]
    if any(ext is None or ext[1] is not None or ext[2] is not None or isinstance(ext[0], (dict, list, set))
           for ext in exts):
        return lambda start, end: tuple(getattr(doc.char_span(start, end)._, name) for name in names)
    get = doc.user_data.get
    defaults = [ext[0] for ext in exts]
    if len(names) == 3:   # what the callers read: one tuple display instead of a loop per span
        (n1, n2, n3), (d1, d2, d3) = names, defaults
        return lambda start, end: (get(("._.", n1, start, end), d1), get(("._.", n2, start, end), d2),
                                   get(("._.", n3, start, end), d3))
    pairs = [(("._.", name), default) for name, default in zip(names, defaults)]  # (key prefix, default)

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


def prev_word(low: Sequence[str], k: int, s: int = 0) -> int:
    """The last token before ``k`` that is no whitespace (a line break of wrapped text is one), ``s - 1`` where
    none is from ``s`` on."""
    k -= 1
    while k >= s and low[k].isspace():
        k -= 1
    return k


def next_word(low: Sequence[str], k: int, e: int) -> int:
    """The first token from ``k`` on that is no whitespace (``e`` where none is before ``e``)."""
    while k < e and low[k].isspace():
        k += 1
    return k


def is_capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


class TokenView:
    """Plain Python lists of a Doc's token texts, offsets and trailing whitespace.

    Reading ``doc[i]`` creates a Token object each time; the components look at every token several times, so
    they share these lists instead (built once per Doc and cached in ``doc.user_data``).
    """

    __slots__ = ("text", "idx", "ws", "lower", "doc_text")

    def __init__(self, doc: Doc) -> None:
        if not len(doc):
            self.idx, self.ws, self.text, self.lower = [], [], [], []
            self.doc_text = _doc_text(doc, [], [], [])
            return
        # one array read for the offsets, whitespace flags and string ids instead of a Token object per token, and
        # the lists built by map() over C functions (no Python step per token): a token's text and its lower-case
        # form by its string id, each string read from the vocabulary once per process
        self.idx, flags, orths = doc.to_array(_VIEW_ATTRS).T.tolist()
        self.ws = list(map(_WS_OF_FLAG.__getitem__, flags))
        try:
            self.text = list(map(_TEXT_OF.__getitem__, orths))
        except KeyError:
            _learn_strings(doc, orths)
            self.text = list(map(_TEXT_OF.__getitem__, orths))
        self.lower = list(map(_LOWER_OF.__getitem__, orths))
        self.doc_text = _doc_text(doc, self.idx, self.ws, self.text)


_VIEW_ATTRS = [IDX, SPACY, ORTH]
_WS_OF_FLAG = ("", " ")   # a token's trailing whitespace by its SPACY flag
_TEXT_OF: dict[int, str] = {}    # a token's text by its string id (ORTH), and its lower-case form
_LOWER_OF: dict[int, str] = {}
_STRINGS_KEPT = 500_000           # more distinct token texts than this: the two tables start again


def _learn_strings(doc: Doc, orths: list[int]) -> None:
    """Put the texts of the string ids ``orths`` of ``doc`` that :data:`_TEXT_OF` lacks in it (and their lower-case
    forms in :data:`_LOWER_OF`)."""
    if len(_TEXT_OF) > _STRINGS_KEPT:
        _TEXT_OF.clear()
        _LOWER_OF.clear()
    strings = doc.vocab.strings
    for orth in set(orths).difference(_TEXT_OF):
        text = strings[orth]
        _LOWER_OF[orth] = text.lower()
        _TEXT_OF[orth] = text


def _doc_text(doc: Doc, idx: list[int], ws: list[str], words: list[str]) -> str:
    """The Doc's text: the string it was made from when the caller left it in ``user_data["qfacts_text"]`` (as
    :func:`qfacts.extract` does) and it fits the tokens, else ``doc.text`` (which joins a Token per token)."""
    given = doc.user_data.get("qfacts_text")
    if isinstance(given, str) and (
        len(given) == (idx[-1] + len(words[-1]) + len(ws[-1]) if idx else 0)
    ):
        return given
    return doc.text


def token_view(doc: Doc) -> TokenView:
    view = doc.user_data.get("qfacts_tokens")
    if view is None or len(view.text) != len(doc):
        view = doc.user_data["qfacts_tokens"] = TokenView(doc)
    return view
