"""Sentences stage: where the sentences of a document begin and end, its dateline and its headline.

The one place sentence bounds are made: every other facts stage works sentence by sentence on these bounds.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from ..common import TokenView


MAX_SENTENCE_TOKENS = 150
"""A "sentence" longer than this many tokens (a list, a table, a text without punctuation) is cut into pieces of at
most this many, after a line break, ";" or "," in the second half of the piece where there is one: every stage
works sentence by sentence, so their time stays linear in the text however long a run without a full stop."""

_SOFT_BREAKS = (";", ",")
_ENDINGS = re.compile(r"[\n.!?]")  # the characters a sentence can end at (in a token, or in its whitespace)


def sentence_bounds(doc: Doc, v: TokenView, ents: Optional[Iterable[Span]] = None) -> list[tuple[int, int]]:
    """Sentence bounds: a parser's or senter's where present, else punctuation and line breaks; none longer than
    :data:`MAX_SENTENCE_TOKENS`. No bound falls inside one of ``ents`` (an entity is never cut: "a\nTRADE\n
    AGREEMENT" is one sentence whatever its lines)."""
    inside: set[int] = set()  # token positions a sentence may not start at: inside an entity
    for x in ents or ():
        inside.update(range(x.start + 1, x.end))
    out: list[tuple[int, int]] = []
    for s, e in _bounds(doc, v):
        if out and s in inside:
            s = out.pop()[0]
        while e - s > MAX_SENTENCE_TOKENS:
            cut = _cut(v, s, s + MAX_SENTENCE_TOKENS, inside)
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def _cut(v: TokenView, s: int, limit: int, inside: set[int]) -> int:
    """Where to end a piece of an overlong sentence that starts at ``s``: after the last line break or soft
    break in ``s + (limit - s) // 2 .. limit``, else at ``limit``; never inside an entity."""
    for i in range(limit - 1, s + (limit - s) // 2, -1):
        w = v.text[i]
        if (w in _SOFT_BREAKS or "\n" in w or "\n" in v.ws[i]) and i + 1 not in inside:
            return i + 1
    cut = limit
    while cut in inside and cut > s + 1:
        cut -= 1
    if cut in inside:  # an entity longer than the whole piece: end after it
        cut = limit
        while cut in inside:
            cut += 1
    return cut


def _bounds(doc: Doc, v: TokenView) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        raw = [(s.start, s.end) for s in doc.sents]
    else:
        raw = []
        start = 0
        n = len(v.text)
        line_start = 0
        # only a token with a line break or final punctuation in it or after it can end a sentence: those are
        # visited (found by the characters, the token holding each by its offset), the others are passed over
        text, spaces, idx = v.text, v.ws, v.idx
        marks = sorted({bisect_right(idx, m.start()) - 1 for m in _ENDINGS.finditer(v.doc_text)})
        breaks = [i for i in marks if "\n" in spaces[i] or "\n" in text[i]]  # where each line ends
        nb = 0
        known: Optional[tuple[int, bool]] = None  # (start of the next line, whether it is an upper-case line)
        for i in marks:
            w = text[i]
            blank = w.isspace()
            ws = w + spaces[i] if blank else spaces[i]
            end_here = False
            if "\n" in ws:
                # a line break ends a sentence after final punctuation, at a blank line, before an
                # indented line, or after an upper-case headline (one over two upper-case lines runs on to the
                # second); wrapped lines (newswire) run on
                last = text[i - 1] if blank and i > 0 else w  # "done.\nNext": the newline is a token
                end_here = ws.count("\n") > 1 or ws.endswith((" ", "\t")) or (i + 1 < n and text[i + 1].isspace()) \
                    or last[-1:] in (".", "!", "?", ":", ")", "\"", "\u201d")
                if not end_here:
                    # (the line was read as the one after the line before: not read again)
                    upper = known[1] if known is not None and known[0] == line_start \
                        else _is_upper_line(text, line_start, i + 1)
                    if upper:
                        end = breaks[nb + 1] + 1 if nb + 1 < len(breaks) else n
                        nxt_upper = end > i + 1 and _is_upper_line(text, i + 1, end)
                        known = (i + 1, nxt_upper)
                        end_here = not nxt_upper
                line_start = i + 1
                nb += 1
            elif w in (".", "!", "?") and spaces[i] and i + 1 < n:
                nxt = text[i + 1]
                end_here = nxt[:1].isupper() or nxt[:1] in ("\"", "\u201c", "'")
            if end_here:
                raw.append((start, i + 1))
                start = i + 1
        if start < n:
            raw.append((start, n))
        return raw
    bounds = []
    for s, e in raw:  # also break at line ends (headlines, datelines)
        start = s
        for i in range(s, e):
            if v.text[i].isspace() and "\n" in v.text[i]:
                bounds.append((start, i + 1))
                start = i + 1
        if start < e:
            bounds.append((start, e))
    return bounds


def _is_upper_line(words: list[str], a: int, b: int) -> bool:
    """Whether tokens a..b are an upper-case headline: letters, none of them lower-case."""
    line = words[a] if b - a == 1 else "".join(words[a:b])
    return line.upper() == line and any(c.isalpha() for c in line)


def dateline_end(v: TokenView) -> int:
    """Token index just past a dateline ("CITY, Month Day --" within the first dozen tokens), else 0."""
    for i, w in enumerate(v.text[:14]):
        if w in ("--", "\u2014", "\u2013") or (w == "-" and v.ws[i] and i and v.ws[i - 1]):
            return i + 1 if "," in v.text[:i] and v.text[0][:1].isupper() else 0
        if "\n" in v.ws[i] or w.isspace():
            break
    return 0


def is_headline(v: TokenView, s: int, e: int) -> bool:
    """A title line: a whole line near the top without sentence-final punctuation, followed by more text."""
    words = [w for w in v.text[s:e] if not w.isspace()]
    if not words or len(words) > 20 or e >= len(v.text):
        return False
    line_ends = "\n" in v.ws[e - 1] or v.text[e - 1].isspace() or v.text[e].isspace()
    starts_line = s == 0 or "\n" in v.ws[s - 1] or "\n" in v.text[s - 1]
    return line_ends and starts_line and words[-1] not in (".", "!", "?", "\"", "\u201d", ")", ":")
