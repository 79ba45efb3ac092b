"""``qfacts_orgs``: ORG entities from name-shape rules, acronyms, aliases and a small list of known names."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer
from ..resources import load_json, load_jsonl
from .common import add_entities, register_extensions

_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$|^[A-Z]{2,}[a-z]+[A-Z]?[a-z]*$")
_SURNAME_PREFIX = re.compile(r"^(Mc|Mac|De|Di|Du|Da|Le|La|Van|Von|Del|Della|St)[A-Z]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-\.]{1,9}$|^[A-Z]{2,}[a-z]{1,2}[A-Z]*$")
_OF_LIKE = frozenset({"of", "on", "for", "in"})


def _is_cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper())


@lru_cache(maxsize=4)
def _known(path: str) -> Gazetteer[str]:
    return Gazetteer((row["name"], row.get("canonical", row["name"])) for row in load_jsonl(path))


class OrgsComponent:
    """Find organisation names by their shape.

    - a run of capitalised words ending in a suffix head ("Stanford University", "Acme Corp");
    - a prefix head with "of"/"for"/"on" and capitalised words ("University of California, Santa Barbara",
      "Ministry of Economy, Trade and Industry");
    - an acronym defined in brackets after a name, and later acronyms that spell a found name's initials (FCEDA);
    - the first word of a found company or university name used alone later ("Stanford");
    - a capitalised name set beside a cue noun ("the quantum security firm QuSecure", "Rapidus, the chipmaker");
    - CamelCase brand names (QuSecure, PsiQuantum) and a list of well-known names (orgs_known.jsonl).
    """

    def __init__(self, nlp: Language, name: str, rules: str, known: str) -> None:
        register_extensions()
        self.name = name
        cfg = load_json(rules)
        self.suffix = frozenset(cfg["suffix_heads"])
        self.prefix = frozenset(cfg["prefix_heads"])
        self.not_org = frozenset(cfg["not_org_heads"])
        self.connectors = frozenset(cfg["connectors"])
        self.campus = frozenset(cfg["campus_heads"])
        self.government = frozenset(cfg["government_heads"])
        self.cues = frozenset(cfg["cue_nouns"])
        self.known = _known(known)

    # ------------------------------------------------------------------ helpers
    def _name_token(self, doc: Doc, i: int) -> bool:
        t = doc[i]
        text = t.text
        if text in ("&",):
            return True
        if _is_cap(text) and not t.is_punct:
            return True
        if text[:1].isdigit() and any(c.isalpha() for c in text):  # 3M, 7-Eleven
            return True
        # lower-case piece glued by a hyphen: "Leading-edge"
        if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
                and _is_cap(doc[i - 2].text) and t.is_alpha:
            return True
        if text == "-" and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_ and _is_cap(doc[i - 1].text):
            return True
        return False

    def _runs(self, doc: Doc) -> list[tuple[int, int]]:
        """Maximal runs of name tokens, with connectors inside ("Bank of America")."""
        runs = []
        n = len(doc)
        i = 0
        while i < n:
            if not self._name_token(doc, i):
                i += 1
                continue
            j = i + 1
            while j < n:
                if doc[j - 1].text == "\n" or "\n" in doc[j - 1].whitespace_:
                    break
                if self._name_token(doc, j):
                    j += 1
                    continue
                # connectors: "of", "and", "the" inside a name, when a name token follows
                k = j
                while k < n and doc[k].text in self.connectors | {"the"} and k - j < 2:
                    k += 1
                if k > j and k < n and self._name_token(doc, k):
                    j = k + 1
                    continue
                break
            runs.append((i, j))
            i = j
        return runs

    def _trim_left(self, doc: Doc, s: int, e: int) -> int:
        while s < e and (doc[s].lower_ in STOP_WORDS or doc[s].text in self.connectors or doc[s].text == "-"):
            s += 1
        return s

    def _candidates(self, doc: Doc, s: int, e: int) -> list[tuple[int, int, str]]:
        """Organisation spans inside one run: (start, end, head)."""
        out = []
        toks = [t.text for t in doc[s:e]]
        # prefix form: HEAD of|for|on NAME ...
        for p in range(len(toks) - 2):
            if toks[p] in self.prefix and toks[p + 1] in _OF_LIKE:
                b = s + p
                while b > s and _is_cap(doc[b - 1].text) and doc[b - 1].text not in self.connectors:
                    b -= 1
                b = self._trim_left(doc, b, s + p + 1)
                end = e
                while end > b and (doc[end - 1].text in self.connectors or doc[end - 1].text in ("the", "-")):
                    end -= 1
                if doc[end - 1].text in self.not_org:
                    return out
                out.append((b, end, toks[p]))
                return out
        # suffix form: split the run at "and" (two names), keep the part ending in a head
        start = s
        for idx in range(s, e + 1):
            if idx == e or doc[idx].text in ("and", "of", "for", "on", "in", "the"):
                self._suffix_piece(doc, start, idx, out)
                start = idx + 1
        return out

    def _suffix_piece(self, doc: Doc, s: int, e: int, out: list) -> None:
        s = self._trim_left(doc, s, e)
        h = e - 1
        while h > s and doc[h].text not in self.suffix:
            h -= 1
        if h <= s or doc[h].text not in self.suffix:
            return
        if doc[e - 1].text in self.not_org:
            return
        # at least one word of the name is not itself a head: "Government Office" is no name
        if all(doc[k].text in self.suffix or doc[k].text in self.connectors for k in range(s, h)):
            return
        out.append((s, h + 1, doc[h].text))

    def _extend(self, doc: Doc, s: int, e: int, head: str, places: dict[int, Span]) -> int:
        """Lists after 'of' ("of Economy, Trade and Industry") and campus names ("University of X, Y")."""
        n = len(doc)
        if e + 1 < n and doc[e].text == "," and head in self.prefix:
            # ", Cap ... and Cap" closes a list inside the name
            k = e + 1
            j = k
            while j < n and (_is_cap(doc[j].text) or doc[j].text == ","):
                j += 1
            if j < n - 1 and doc[j].text == "and" and _is_cap(doc[j + 1].text) and j > k:
                j += 1
                while j < n and _is_cap(doc[j].text):
                    j += 1
                return j
        if e + 1 < n and doc[e].text == "," and head in self.campus and (e + 1) in places:
            return places[e + 1].end
        return e

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        places = {e.start: e for e in doc.ents if e.label_ == "PLACE"}
        taken = {i for e in doc.ents if e.label_ in ("DATE", "AGREEMENT") for i in range(e.start, e.end)}
        found: dict[tuple[int, int], Optional[str]] = {}  # span -> canonical

        for s, e in self._runs(doc):
            for b, end, head in self._candidates(doc, s, e):
                end = self._extend(doc, b, end, head, places)
                found[(b, end)] = None
        for b, end, canonical in self.known.find(doc):
            found.setdefault((b, end), canonical)
        n = len(doc)
        for i in range(n):
            text = doc[i].text
            if _CAMEL.match(text) and not _SURNAME_PREFIX.match(text) and len(text) > 3:
                found.setdefault((i, i + 1), None)
        self._cue_names(doc, found, places)

        # acronyms in brackets right after a name, and names whose initials a bracketed acronym spells
        aliases: dict[str, str] = {}
        for (b, end) in list(found):
            if end + 2 < n and doc[end].text == "(" and doc[end + 2].text == ")" and _ACRONYM.match(doc[end + 1].text):
                aliases[doc[end + 1].text] = doc[b:end].text
        for s, e in self._runs(doc):
            if e + 2 < n and doc[e].text == "(" and doc[e + 2].text == ")" and _ACRONYM.match(doc[e + 1].text):
                s2 = self._trim_left(doc, s, e)
                acr = re.sub(r"[^A-Z]", "", doc[e + 1].text)
                if s2 < e and doc[e - 1].text not in self.not_org and (s2, e) not in found \
                        and _initials([t.text for t in doc[s2:e]]) == acr and not (s2 in places and places[s2].end == e):
                    found[(s2, e)] = None
                    aliases[doc[e + 1].text] = doc[s2:e].text
        full_names = {doc[b:end].text: (b, end) for (b, end) in found}
        for name, (b, end) in full_names.items():
            words = [t.text for t in doc[b:end]]
            caps = [w for w in words if _is_cap(w)]
            if len(caps) >= 2:
                aliases.setdefault(_initials(words), name)
            last = words[-1]
            first = words[0]
            if len(words) >= 2 and last in self.suffix and last not in self.government and first not in self.suffix \
                    and b not in places and first.lower() not in STOP_WORDS and len(first) >= 3 and first.isalpha():
                aliases.setdefault(first, name)
        for i in range(n):
            text = doc[i].text
            if text in aliases and (i, i + 1) not in found:
                if text.isupper() or (i > 0 and doc[i - 1].text not in (".",) and not self._name_token(doc, i + 1) if i + 1 < n else True):
                    found[(i, i + 1)] = aliases[text]

        spans = []
        for (b, end), canonical in sorted(found.items()):
            if any(k in taken for k in range(b, end)):
                continue
            span = Span(doc, b, end, label="ORG")
            if canonical and canonical != span.text:
                span._.canonical = canonical
            spans.append(span)
        # an alias or brand name that a weak gazetteer place also claims ("Stanford") is the organisation
        weak = {(e.start, e.end) for e in doc.ents if e.label_ == "PLACE" and e._.kind in ("city", "subdivision")
                and (e.start, e.end) in found and len(e) == 1 and not e.text.isupper()
                and e.text in aliases}
        if weak:
            doc.ents = [e for e in doc.ents if (e.start, e.end) not in weak]
        add_entities(doc, spans)
        return doc

    def _cue_names(self, doc: Doc, found: dict, places: dict[int, Span]) -> None:
        """"the firm QuSecure", "firm, QuSecure," and "Rapidus, the chipmaker"."""
        n = len(doc)
        for i in range(n - 1):
            if doc[i].lower_ not in self.cues:
                continue
            k = i + 1
            if doc[k].text == "," and k + 1 < n:
                k += 1
            if _is_cap(doc[k].text) and doc[k].lower_ not in STOP_WORDS and k not in places:
                j = k
                while j < n and _is_cap(doc[j].text) and not doc[j].is_punct and doc[j].whitespace_ != "" or (j == k):
                    j += 1
                    if j >= n or not _is_cap(doc[j].text):
                        break
                found.setdefault((k, j), None)
        # "Name, a/an/the ... cue"
        for i in range(1, n - 3):
            if doc[i].text == "," and doc[i + 1].lower_ in ("a", "an", "the"):
                window = [t.lower_ for t in doc[i + 2:min(n, i + 7)]]
                if any(w in self.cues for w in window):
                    j = i
                    b = j
                    while b > 0 and _is_cap(doc[b - 1].text) and not doc[b - 1].is_punct:
                        b -= 1
                    b = self._trim_left(doc, b, j)
                    if b < j and b not in places and not any(t.is_sent_start for t in doc[b + 1:j]):
                        found.setdefault((b, j), None)


@Language.factory("qfacts_orgs", default_config={"rules": "orgs.json", "known": "orgs_known.jsonl"})
def make_orgs(nlp: Language, name: str, rules: str, known: str) -> OrgsComponent:
    return OrgsComponent(nlp, name, rules, known)
