"""Sentences stage: where the sentences of a document begin and end, its dateline and its headline.

The one place sentence bounds are made: every other facts stage works sentence by sentence on these bounds.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from ..common import TokenView


def sentence_bounds(doc: Doc, v: TokenView, ents: Optional[Iterable[Span]] = None) -> list[tuple[int, int]]:
    """Sentence bounds: a parser's or senter's where present, else punctuation and line breaks. No bound falls
    inside one of ``ents`` (an entity is never cut: "a\nTRADE\nAGREEMENT" is one sentence whatever its lines)."""
    bounds = _bounds(doc, v)
    if ents is None:
        return bounds
    inside = set()  # token positions a sentence may not start at: inside an entity
    for x in ents:
        inside.update(range(x.start + 1, x.end))
    if not inside:
        return bounds
    out: list[tuple[int, int]] = []
    for s, e in bounds:
        if out and s in inside:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _bounds(doc: Doc, v: TokenView) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        raw = [(s.start, s.end) for s in doc.sents]
    else:
        raw = []
        start = 0
        n = len(v.text)
        line_start = 0
        for i in range(n):
            w = v.text[i]
            ws = v.ws[i] if not w.isspace() else w + v.ws[i]
            end_here = False
            if "\n" in ws:
                # a line break ends a sentence after final punctuation, at a blank line, before an
                # indented line, or after an upper-case headline; wrapped lines (newswire) run on
                nxt_indented = ws.endswith((" ", "\t")) or (i + 1 < n and v.text[i + 1].isspace())
                line = v.text[line_start:i + 1]
                headline = any(c.isalpha() for c in "".join(line)) and "".join(line).upper() == "".join(line)
                last = v.text[i - 1] if w.isspace() and i > 0 else w  # "done.\nNext": the newline is a token
                end_here = (ws.count("\n") > 1 or nxt_indented or headline
                            or last[-1:] in (".", "!", "?", ":", ")", "\"", "\u201d"))
                line_start = i + 1
            elif w in (".", "!", "?") and v.ws[i] and i + 1 < n:
                nxt = v.text[i + 1]
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
