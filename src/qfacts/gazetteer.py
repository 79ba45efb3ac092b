"""A fast longest-match gazetteer over spaCy tokens.

Names are looked up as exact substrings of the document between token boundaries, so the gazetteer never has
to tokenise its tens of thousands of entries (tokenising them with spaCy takes over a second at start-up).
"""
from __future__ import annotations

import re
from typing import Generic, Iterable, Iterator, Optional, TypeVar

from spacy.tokens import Doc

T = TypeVar("T")
_WS = re.compile(r"\s+")
_TOKENISH = re.compile(r"\w+|[^\w\s]")


class Gazetteer(Generic[T]):
    """Maps surface names to payloads; ``find`` yields the longest non-overlapping matches left to right."""

    def __init__(self, entries: Iterable[tuple[str, T]] = ()) -> None:
        self._names: dict[str, T] = {}
        self._first: dict[str, int] = {}  # first word -> most tokens a name starting with it spans
        for name, payload in entries:
            self.add(name, payload)

    def add(self, name: str, payload: T, *, overwrite: bool = False) -> None:
        name = _WS.sub(" ", name.strip())
        if not name or (name in self._names and not overwrite):
            return
        self._names[name] = payload
        pieces = _TOKENISH.findall(name)
        first = pieces[0]
        # spaCy keeps abbreviations such as "St." whole: allow for that by counting generously
        self._first[first] = max(self._first.get(first, 0), len(pieces))

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def __len__(self) -> int:
        return len(self._names)

    def get(self, name: str) -> Optional[T]:
        return self._names.get(name)

    def find(self, doc: Doc, start: int = 0, end: Optional[int] = None,
             words: Optional[list[str]] = None, idx: Optional[list[int]] = None) -> Iterator[tuple[int, int, T]]:
        """Yield ``(start_token, end_token, payload)`` for the longest match at each position.

        ``words`` and ``idx`` (token texts and offsets) may be passed in to save building them again.
        """
        text = doc.text
        names = self._names
        first = self._first
        if words is None or idx is None:
            words = [t.text for t in doc]
            idx = [t.idx for t in doc]
        n = len(words) if end is None else end
        i = start
        while i < n:
            word = words[i]
            span_max = first.get(word)
            if span_max is None:
                # the first piece of a name may be shorter than spaCy's token ("St." vs "St")
                m = _TOKENISH.match(word)
                span_max = first.get(m.group(0)) if m else None
                if span_max is None:
                    i += 1
                    continue
            begin = idx[i]
            hit = None
            for j in range(min(n, i + span_max), i, -1):
                s = text[begin : idx[j - 1] + len(words[j - 1])]
                if "\n" in s or "  " in s or "\t" in s:
                    s = _WS.sub(" ", s)
                payload = names.get(s)
                if payload is not None:
                    hit = (i, j, payload)
                    break
            if hit:
                yield hit
                i = hit[1]
            else:
                i += 1
