"""A fast longest-match gazetteer over spaCy tokens.

Names are looked up as exact substrings of the document between token boundaries, so the gazetteer never has
to tokenise its tens of thousands of entries (tokenising them with spaCy takes over a second at start-up).
"""
from __future__ import annotations

import re
from itertools import compress
from typing import TYPE_CHECKING, Generic, Iterable, Iterator, Optional, TypeVar

if TYPE_CHECKING:  # pragma: no cover
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

    @classmethod
    def from_tables(cls, names: dict[str, T], first: dict[str, int]) -> "Gazetteer[T]":
        """A gazetteer from the two tables :meth:`tables` returns (a prepared gazetteer read from a data file)."""
        gaz = cls()
        gaz._names = names
        gaz._first = first
        return gaz

    def tables(self) -> tuple[dict[str, T], dict[str, int]]:
        """Name -> payload, and first word -> most tokens a name starting with it spans (not copies: do not
        change them)."""
        return self._names, self._first

    def add(self, name: str, payload: T, *, overwrite: bool = False) -> None:
        name = _WS.sub(" ", name.strip())
        if not name or (name in self._names and not overwrite):
            return
        self._names[name] = payload
        pieces = _TOKENISH.findall(name)
        # spaCy's first token is either the first word piece ("Winston" of "Winston-Salem") or the first
        # whitespace-separated word when it keeps an abbreviation whole ("St.", "U.S."); register both, and
        # count pieces generously for the longest span to try
        for first in {pieces[0], name.split(" ", 1)[0]}:
            self._first[first] = max(self._first.get(first, 0), len(pieces))

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def __len__(self) -> int:
        return len(self._names)

    def get(self, name: str) -> Optional[T]:
        return self._names.get(name)

    def find(self, doc: "Doc", start: int = 0, end: Optional[int] = None,
             words: Optional[list[str]] = None, idx: Optional[list[int]] = None,
             text: Optional[str] = None) -> Iterator[tuple[int, int, T]]:
        """Yield ``(start_token, end_token, payload)`` for the longest match at each position.

        ``words``, ``idx`` (token texts and offsets) and ``text`` may be passed in to save building them again.
        """
        if text is None:
            text = doc.text
        names = self._names
        first = self._first
        if words is None or idx is None:
            words = [t.text for t in doc]
            idx = [t.idx for t in doc]
        n = len(words) if end is None else end
        # positions whose word can begin a name, found at C speed (no Python code runs per token)
        if start == 0 and n == len(words):
            cands = compress(range(n), map(first.__contains__, words))
        else:
            cands = compress(range(start, n), map(first.__contains__, words[start:n]))
        nxt = start
        get = names.get
        for i in cands:
            if i < nxt:
                continue
            begin = idx[i]
            j = i + first[words[i]]
            if j > n:
                j = n
            while j > i:
                last = j - 1
                if last == i:  # one token: its own text, no whitespace inside
                    payload = get(words[i])
                else:
                    s = text[begin:idx[last] + len(words[last])]
                    if "\n" in s or "  " in s or "\t" in s:
                        s = _WS.sub(" ", s)
                    payload = get(s)
                if payload is not None:
                    yield i, j, payload
                    nxt = j
                    break
                j -= 1
