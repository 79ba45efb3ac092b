"""``qfacts_orgs``: ORG entities from name-shape rules, acronyms, aliases and a small list of known names."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer
from ..namecls import NameFeatures, DocContext, load_model
from ..people import first_names, titles
from ..resources import load_json, load_jsonl
from .common import TokenView, add_entities, doc_ents, register_extensions, set_ents, token_view

_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$|^[A-Z]{2,}[a-z]+[A-Z]?[a-z]*$")
_SURNAME_PREFIX = re.compile(r"^(Mc|Mac|De|Di|Du|Da|Le|La|Van|Von|Del|Della|St)[A-Z]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-\.]{1,9}$|^[A-Z]{2,}[a-z]{1,2}[A-Z]*$")
# an acronym with hyphens or a few lower-case letters inside: "IN-SPACe", "Q-STAR", "QED-C", "QuIC"
_MIXED_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")


def _mixed_acronym(text: str) -> bool:
    upper = sum(c.isupper() for c in text)
    return len(text) <= 12 and upper >= 2 and sum(c.islower() for c in text) <= upper \
        and bool(_MIXED_ACRONYM.match(text))
_STATE_KINDS = frozenset({"country", "state", "continent", "region"})
_OF_LIKE = frozenset({"of", "on", "for", "in"})
_START_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&")
_TICKER = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,11}$")
# a line break inside a sentence (hard-wrapped wire text) and one after a sentence end
_WRAP_BREAK = re.compile(r"[a-z,]\n(?=\S)")
_SENT_BREAK = re.compile(r"[.!?\"':;)0-9]\n")
# a line with capitals and no lower-case letter (a headline)
# a line with a capital letter and no lower-case one (the look-ahead reads the line once: written as
# "[^a-z\n]*[A-Z][^a-z\n]*$", the search went back over the line for each capital when a lower-case letter ended it,
# quadratic in a long line's length)
_CAPS_LINE = re.compile(r"^(?=[^a-z\n]*$)[^A-Z\n]*[A-Z].*$", re.M)


class _Lazy:
    """A set computed on the first membership test (most documents never need it)."""

    def __init__(self, make) -> None:
        self._make = make
        self._value: Optional[set[str]] = None

    def __contains__(self, item: str) -> bool:
        if self._value is None:
            self._value = self._make()
        return item in self._value


def _where(words: list[str], first_chars: frozenset[str], whole: "set[str] | frozenset[str]",
           marks: Optional[dict[str, bool]] = None) -> list[int]:
    """The positions of the words that begin with one of ``first_chars`` or with a capital letter beyond ASCII, or
    are in ``whole``, in order: ``[k for k, w in enumerate(words) if w[0] in first_chars or (w[0] > "\\x7f" and
    w[0].isupper()) or w in whole]``, with the scans run by C code (no Python step per token).

    ``marks``: that test's answer by word, kept by the caller from one document to the next for these
    ``first_chars`` and ``whole`` (the words it lacks are added): one dictionary read per token."""
    if marks is None:
        marks = {}
    try:
        return list(compress(range(len(words)), map(marks.__getitem__, words)))
    except KeyError:
        if len(marks) > _MARKS_KEPT:
            marks.clear()
        for w in set(words).difference(marks):
            c = w[0]
            marks[w] = c in first_chars or (c > "\x7f" and c.isupper()) or w in whole
        return list(compress(range(len(words)), map(marks.__getitem__, words)))


_MARKS_KEPT = 200_000   # distinct words whose _where answer is kept (then the table starts again)


def _wrapped(text: str) -> bool:
    """Hard-wrapped text: more line breaks inside a sentence (after a lower-case letter or a comma, before a
    non-space) than after a sentence's end, and more than two: ``len(_WRAP_BREAK.findall(text)) > max(2,
    len(_SENT_BREAK.findall(text)))``, looking at the line breaks only."""
    inside = ends = 0
    last = len(text) - 1
    p = text.find("\n", 1)
    while p != -1:
        c = text[p - 1]
        if c in _WRAP_CHARS:
            if p < last and not text[p + 1].isspace():
                inside += 1
        elif c in _SENT_CHARS:
            ends += 1
        p = text.find("\n", p + 1)
    return inside > max(2, ends)


_WRAP_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz,")   # _WRAP_BREAK's and _SENT_BREAK's characters before "\n"
_SENT_CHARS = frozenset(".!?\"':;)0123456789")


def _is_cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _text(v: TokenView, b: int, e: int) -> str:
    """The text of tokens b..e, sliced from the document (no Span or Token objects)."""
    return v.doc_text[v.idx[b]:v.idx[e - 1] + len(v.text[e - 1])]


def _alone_phrases(words: list[str], sizes: range) -> set[tuple[str, ...]]:
    """Every run of ``sizes`` words of ``words`` that is not followed by "and" (one pass per size)."""
    n = len(words)
    return {tuple(words[i:i + m]) for m in sizes for i in range(n - m + 1)
            if not (i + m < n and words[i + m] == "and")}


def _headline_tokens(v: TokenView) -> set[int]:
    """The tokens of lines whose words (three or more) are all capitalised or upper case: headlines (one pass)."""
    out: set[int] = set()
    n = len(v.text)
    start = 0
    for i in range(n + 1):
        if i == n or v.text[i] == "\n" or "\n" in v.ws[i]:
            end = i + 1 if i < n and v.text[i] != "\n" else i
            alpha = [w for w in v.text[start:end] if w[:1].isalpha()]
            if len(alpha) >= 3 and all(w[0].isupper() for w in alpha):
                out.update(range(start, end))
            start = i + 1
    return out


def _known_place(name: str) -> bool:
    """A name the place gazetteer or its list of small towns holds (the places component decides on those)."""
    from .places import place_gazetteer, small_towns

    name = " ".join(name.split())
    return name in place_gazetteer() or name in small_towns(int(load_json("places.json")["small_town_min_population"]))


def _strong_place(name: str) -> bool:
    """A name the place gazetteer holds as a place outright (not a stop-listed word that is a place only in
    context: "Reading", "Stanford")."""
    from .places import place_gazetteer

    place = place_gazetteer().get(name)
    return place is not None and not place.weak


def _mixed_line(v: TokenView, i: int) -> bool:
    """The line that holds token ``i`` has a lower-case letter (it is no headline in capitals)."""
    start = v.doc_text.rfind("\n", 0, v.idx[i]) + 1
    end = v.doc_text.find("\n", v.idx[i])
    return any(c.islower() for c in v.doc_text[start:end if end >= 0 else len(v.doc_text)])


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper())


@lru_cache(maxsize=4)
def _known(path: str) -> Gazetteer[str]:
    """Well-known names, and the upper-case form of those of several words (headlines: "UNITED NATIONS")."""
    gaz: Gazetteer[str] = Gazetteer()
    rows = list(load_jsonl(path))
    for row in rows:
        gaz.add(row["name"], row.get("canonical", row["name"]))
    for row in rows:
        if " " in row["name"]:
            gaz.add(row["name"].upper(), row.get("canonical", row["name"]))
    return gaz


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

    def __init__(self, nlp: Language, name: str, rules: str, known: str, model: str = "") -> None:
        register_extensions()
        self.name = name
        cfg = load_json(rules)
        self.suffix = frozenset(cfg["suffix_heads"])
        self.prefix = frozenset(cfg["prefix_heads"])
        self.not_org = frozenset(cfg["not_org_heads"])
        self.competition_heads = frozenset(cfg.get("sports_competition_heads", ()))
        slugs = load_json("places.json")["sports"]["slug_words"]
        self.sport_slug = re.compile(r"^\s*(?i:%s)\b[A-Z /&-]* - " % "|".join(
            re.escape(w) for w in sorted(slugs, key=len, reverse=True)))
        self.connectors = frozenset(cfg["connectors"])
        self.campus = frozenset(cfg["campus_heads"])
        self.government = frozenset(cfg["government_heads"])
        self.cues = frozenset(cfg["cue_nouns"])
        self.demonyms = frozenset(cfg["demonyms"])
        self.unit_nouns = frozenset(cfg["unit_nouns"])
        self.modifiers = frozenset(cfg["modifier_words"])
        self.legal = frozenset(cfg["legal_suffixes"])
        self.clause_words = frozenset(cfg["clause_words"])
        self.particles = frozenset(cfg["name_particles"])
        self.pair_words = frozenset(cfg["pair_words"]) | (self.suffix - self.legal)
        self.generic = frozenset(cfg["generic_words"]) | self.suffix | self.pair_words
        self.titles = titles()
        self.person_cues = self.titles | first_names()
        # capitalised title words that begin a person after a name of the prefix form ("... Deputy Administrator X")
        self.title_words = frozenset(t for t in self.titles if t[:1].isupper() and t.isalpha() and len(t) > 3) \
            | frozenset(cfg.get("person_title_words", ()))
        self.title_starters = frozenset(cfg.get("person_title_starters", ()))  # titles even after "of"
        self.speech_words = frozenset(cfg.get("person_speech_words", ()))  # what follows such a person
        self.locatives = frozenset(cfg.get("locatives", ()))
        self.partner_cues = {tuple(c.split()) for c in cfg.get("partner_cues", ())}
        self.subject_cues = {tuple(c.split()) for c in cfg.get("subject_cues", ())}  # (two words each)
        self.subject_cue_first = frozenset(c[0] for c in self.subject_cues)
        self.object_cues = {tuple(c.split()) for c in cfg["object_cues"]} | self.partner_cues
        self.object_cue_first = frozenset(c[0] for c in self.object_cues)
        # every lower-case word a rule starts from, found in one pass over the document
        self.scan_words = self.cues | self.unit_nouns | self.object_cue_first | {"with", "between", "the"} \
            | self.subject_cue_first
        self.known = _known(known)
        self.model = load_model(model)
        self.names = NameFeatures(titles=self.titles, first_names=first_names(), demonyms=self.demonyms,
                                  heads=self.suffix | self.prefix)
        self._start_marks: dict[str, bool] = {}   # _where's answers for the run starts, by word
        # training (qfacts.train orgs) sets this: each document's candidate names and their features are kept in
        # doc.user_data["qfacts_name_candidates"] as (start_char, end_char, features)
        self.collect = False

    # ------------------------------------------------------------------ helpers
    def _name_token(self, v: TokenView, i: int) -> bool:
        text = v.text[i]
        c = text[0]
        if c.isupper():
            return c.isalpha()
        if c.isdigit():
            return any(ch.isalpha() for ch in text)  # 3M, 7-Eleven
        if text == "&":
            return True
        if text == "-":
            return not v.ws[i] and i > 0 and not v.ws[i - 1] and (
                _is_cap(v.text[i - 1]) or v.text[i - 1] in self.particles and i + 1 < len(v.text)
                and _is_cap(v.text[i + 1]))
        if text in self.particles:  # "al-Zorva": a particle glued to a name by a hyphen
            return i + 2 < len(v.text) and v.text[i + 1] == "-" and not v.ws[i] and not v.ws[i + 1] \
                and _is_cap(v.text[i + 2])
        # lower-case piece glued by a hyphen: "Leading-edge"
        return i >= 2 and v.text[i - 1] == "-" and not v.ws[i - 1] and not v.ws[i - 2] \
            and _is_cap(v.text[i - 2]) and text.isalpha()

    def _runs(self, v: TokenView, taken: set[int], wrapped: bool = False) -> list[tuple[int, int]]:
        """Maximal runs of name tokens, with connectors inside ("Bank of America"); dates and agreement
        words end a run ("University on Friday"). In hard-wrapped text a name goes on across a single line
        break ("Baker\nInternational Corp")."""
        runs = []
        n = len(v.text)
        joiners = self.connectors | {"the"}
        words = v.text
        # a run starts at a capitalised word, a number or "&" (cheaper than testing every token)
        particles = self.particles
        starts = _where(words, _START_CHARS, particles, self._start_marks)
        last = 0
        name_token = self._name_token
        for i in starts:
            if i < last or i in taken:
                continue
            c = words[i][0]
            if not (c.isupper() and c.isalpha() or name_token(v, i)):   # the first test is _name_token's own
                continue
            j = i + 1
            while j < n:
                if v.text[j - 1] == "\n" or "\n" in v.ws[j - 1]:
                    break
                if j in taken:
                    break
                w = words[j]
                c = w[0]
                # a legal suffix with its full stop ends a name; a capitalised word after it (but another suffix:
                # "Co. Ltd.") starts the next sentence or another phrase: "... to buy Beta Inc. Gamma Corp was"
                if words[j - 1][-1:] == "." and words[j - 1] in self.legal and w not in self.legal:
                    break
                # _name_token's own first answers: a capital letter is one, a lower-case word is none unless it is
                # a particle or follows a hyphen
                if c.isupper() and c.isalpha() or not (c.islower() and words[j - 1] != "-" and w not in particles) \
                        and name_token(v, j):
                    j += 1
                    continue
                # a headline in capitals ends at its line break ("... TO BUY ACME\nAcme Corp said")
                if wrapped and v.text[j] == "\n" and j + 1 < n and j + 1 not in taken \
                        and not v.text[j - 1].endswith(".") and self._name_token(v, j + 1) and _mixed_line(v, j - 1):
                    j += 2
                    continue
                # "Northwest Federal Savings\nand Loan Association", "International Minerals and\nChemical Corp"
                if wrapped and j + 2 < n and (v.text[j] == "\n" and v.text[j + 1] in ("and", "of", "&")
                                              or v.text[j] in ("and", "of", "&") and v.text[j + 1] == "\n") \
                        and j + 2 not in taken and self._name_token(v, j + 2) and _mixed_line(v, j - 1):
                    j += 3
                    continue
                # connectors: "of", "and", "the" inside a name, when a name token follows
                k = j
                while k < n and v.text[k] in joiners and k - j < 2:
                    k += 1
                if k > j and k < n and k not in taken and self._name_token(v, k):
                    j = k + 1
                    continue
                break
            runs.append((i, j))
            last = j
        self._starts = (v, starts)  # the classifier's candidates begin at these tokens too
        return runs

    def _trim_left(self, v: TokenView, s: int, e: int) -> int:
        """Drop leading small words and a leading compound adjective ("State-owned", "Tokyo-based")."""
        while s < e:
            if (v.lower[s] in STOP_WORDS and not (v.text[s] in self.generic and s + 1 < e and _is_cap(v.text[s + 1])))\
                    or v.text[s] in self.connectors or v.text[s] == "-" or v.text[s] == "\n":
                s += 1
            elif s + 2 < e and v.text[s + 1] == "-" and v.lower[s + 2] in self.modifiers:
                s += 3
            else:
                break
        return s

    @staticmethod
    def _before_ticker(v: TokenView, k: int) -> bool:
        """Upper-case words from token ``k`` up to a ticker in angle brackets ("MATTRESS <OMT>"), at least one."""
        n, words = len(v.text), 0
        while k < n and words <= 4 and v.text[k].isupper() and v.text[k][:1].isalpha():
            k += 1
            words += 1
        return words > 0 and k + 2 < n and v.text[k] == "<" and v.text[k + 2] == ">" and v.text[k + 1].isupper()

    def _person_tail(self, v: TokenView, k0: int, end: int) -> int:
        """Where a person named right after an organisation's name begins, inside one run ("Department of
        Agriculture Deputy Administrator William Bailey", "Organisation for Economic Cooperation and Development
        Jean-Claude Paye"): at a capitalised title word, or at a first name that a surname or two end the run
        with; ``end`` where none is."""
        for k in range(k0, end):
            w = v.text[k]
            if w in self.title_starters:
                return k  # "X of Prime Minister Y": the name ends before "of Prime"
            if v.text[k - 1] in self.connectors:
                continue  # "Department of Justice": a word after "of" belongs to the name
            if w in self.title_words:
                return k
            if w in self.names.first_names and 2 <= end - k <= 4 and k > k0 \
                    and all(_is_cap(x) or x == "-" for x in v.text[k + 1:end]) \
                    and end < len(v.text) and v.text[end] in self.speech_words:
                return k  # "... and Development Jean-Claude Paye said"
        return end

    def _candidates(self, v: TokenView, s: int, e: int, places: dict) -> list[tuple[int, int, str]]:
        """Organisation spans inside one run: (start, end, head)."""
        out = []
        toks = v.text[s:e]
        # prefix form: HEAD of|for|on NAME ...
        for p in range(len(toks) - 2):
            # "HEAD in PLACE" is a description ("a laboratory in Rome"), not a name
            if toks[p] in self.prefix and toks[p + 1] in _OF_LIKE \
                    and not (toks[p + 1] == "in" and s + p + 2 in places):
                b = s + p
                while b > s and (_is_cap(v.text[b - 1]) or (v.text[b - 1] == "\n" and b - 2 >= s)
                                 or self._pair_and(v, b - 1)) \
                        and (v.text[b - 1] not in self.connectors or self._pair_and(v, b - 1)):
                    b -= 1
                b = self._trim_left(v, b, s + p + 1)
                end = e
                rest = None
                # "the University of Chicago and the University of Tokyo": two names
                for q in range(s + p + 2, e - 2):
                    if v.text[q] == "and":
                        r = q + 2 if v.text[q + 1] == "the" else q + 1
                        if r + 1 < e and v.text[r] in self.prefix and v.text[r + 1] in _OF_LIKE:
                            end, rest = q, r
                            break
                        # "the Bank of Tokyo and Boston Scientific Corp": a company name after "and"; "the Government
                        # of Iraq and the Kurdistan Regional Government": "the" and a name ending in a head
                        if (v.text[e - 1] in self.legal or r > q + 1 and v.text[e - 1] in self.suffix) and r < e - 1 \
                                and all(_is_cap(v.text[k]) for k in range(r, e)):
                            end, rest = q, r
                            break
                end = self._person_tail(v, s + p + 2, end)
                while end > b and (v.text[end - 1] in self.connectors or v.text[end - 1] in ("the", "-")
                                   or v.text[end - 1].isspace()):
                    end -= 1
                if v.text[end - 1] in self.not_org:
                    return out
                out.append((b, end, toks[p]))
                if rest is not None:
                    out.extend(self._candidates(v, rest, e, places))
                return out
        # suffix form: split the run at "and" (two names), keep the part ending in a head
        start = s
        for idx in range(s, e + 1):
            if idx == e or v.text[idx] in ("and", "of", "for", "on", "in", "the"):
                # "Securities and Exchange Commission": head words joined by "and" before a head are one name;
                # "Mitsui and Co Ltd": "and Co" ends a company name (also across a wrapped line: "and\nCo.")
                if idx < e and v.text[idx] == "and" and start < idx and idx + 1 < e \
                        and (v.text[idx + 2 if v.text[idx + 1] == "\n" and idx + 2 < e else idx + 1] in ("Co", "Co.")
                             and v.text[idx - 1] not in self.suffix or idx + 2 < e
                             and all(v.text[k] in self.suffix for k in range(self._trim_left(v, start, idx), idx))
                             and v.text[idx + 1] in self.suffix and v.text[idx + 2] in self.suffix
                             or v.text[e - 1] in self.suffix and self._pair_and(v, idx)):
                    continue
                self._suffix_piece(v, start, idx, out)
                start = idx + 1
        return out

    def _suffix_piece(self, v: TokenView, s: int, e: int, out: list) -> None:
        s = self._trim_left(v, s, e)
        h = e - 1
        while h > s and v.text[h] not in self.suffix:
            h -= 1
        if h <= s or v.text[h] not in self.suffix:
            return
        if v.text[e - 1] in self.not_org:
            return
        # at least one word of the name is not itself a head: "Government Office" is no name (but "Securities
        # and Exchange Commission" is, and so is a name with a legal suffix: "Fleet Aerospace Corp")
        if all(v.text[k] in self.suffix or v.text[k] in self.connectors or v.text[k].isspace() for k in range(s, h)) \
                and not (sum(not w.isspace() for w in v.text[s:h]) >= 3 and "and" in v.text[s:h]) \
                and v.text[h] not in self.legal:
            return
        out.append((s, h + 1, v.text[h]))

    def _pair_and(self, v: TokenView, i: int) -> bool:
        """Token ``i`` is an "and" between two industry words of one name ("Savings and Loan", "Minerals and
        Chemical"), not between two names ("Acme Corp and Beta Inc")."""
        if v.text[i] != "and" or not 0 < i < len(v.text) - 1:
            return False
        # across the line break of wrapped text: "Savings\nand Loan", "Minerals and\nChemical"
        a = i - 1 if v.text[i - 1] != "\n" or i < 2 else i - 2
        z = i + 1 if v.text[i + 1] != "\n" or i + 2 >= len(v.text) else i + 2
        return v.text[a] in self.pair_words and v.text[a] not in self.legal and v.text[z] in self.pair_words

    def _extend(self, v: TokenView, s: int, e: int, head: str, places: dict[int, Span]) -> int:
        """Lists after 'of' ("of Economy, Trade and Industry") and campus names ("University of X, Y")."""
        n = len(v.text)
        if e + 1 < n and v.text[e] == "," and head in self.prefix:
            # ", Cap ... and Cap" closes a list inside the name
            k = e + 1
            j = k
            while j < n and (_is_cap(v.text[j]) or v.text[j] == ","):
                j += 1
            if j < n - 1 and v.text[j] == "and" and _is_cap(v.text[j + 1]) and j > k:
                j += 1
                while j < n and _is_cap(v.text[j]):
                    j += 1
                return j
        if e + 1 < n and v.text[e] == "," and head in self.campus and (e + 1) in places:
            return places[e + 1].end
        return e

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        v = token_view(doc)
        ents = doc_ents(doc)
        places = {e.start: e for e in ents if e.label_ == "PLACE"}
        taken = {i for e in ents if e.label_ in ("DATE", "AGREEMENT") for i in range(e.start, e.end)}
        found: dict[tuple[int, int], Optional[str]] = {}  # span -> canonical
        text = v.doc_text
        wrapped = _wrapped(text)
        runs = self._runs(v, taken, wrapped)
        starts = self._starts[1]

        amp = " & " in text
        for s, e in runs:
            before = len(found)
            for b, end, head in self._candidates(v, s, e, places):
                end = self._extend(v, b, end, head, places)
                found[(b, end)] = None
            if amp and len(found) == before and "&" in v.text[s:e]:
                self._ampersand(v, s, e, found, places)
        known_spans = set()
        for b, end, canonical in self.known.find(doc, words=v.text, idx=v.idx, text=v.doc_text):
            found.setdefault((b, end), canonical)
            known_spans.add((b, end))
        # names another component already tagged as organisations (sports clubs) spread like found names
        seeded = {(e.start, e.end) for e in ents if e.label_ == "ORG"}
        for key in seeded:
            found.setdefault(key, None)
        n = len(v.text)
        for i in [k for k in starts if len(v.text[k]) > 3 and v.text[k][0] in _START_CHARS]:
            text = v.text[i]
            if text[0].isupper() and not text.isupper() and _CAMEL.match(text) \
                    and not _SURNAME_PREFIX.match(text) and not (i > 0 and v.text[i - 1] == "-" and not v.ws[i - 1]):
                found.setdefault((i, i + 1), None)
        hits = list(compress(range(n), map(self.scan_words.__contains__, v.lower)))
        people = _Lazy(lambda: self._people(v))  # computed on first use, shared with the classifier
        # a name another component or the model labelled otherwise (GPE, PERSON ...) is no partner organisation
        labelled = {i for e in ents if e.label_ != "ORG" for i in range(e.start, e.end)} if ents else set()
        self._cue_names(v, found, places, hits, wrapped, people, labelled)
        self._bracketed(v, runs, found)
        self._joined_names(v, found, places)
        self._and_names(v, found, places)
        self._address_tails(v, found, places)
        # "the Commission", "the Senate": a capitalised body head alone after "the" is a named body's short form
        # "the Journal" after "The Wall Street Journal": the head of the one found name ending in it
        heads_of: dict[str, set[str]] = {}
        covered = None
        for s in [k + 1 for k in hits if k + 1 < n and v.text[k + 1] in self.suffix and v.text[k] == "the"]:
            e = s + 1
            if e < n and self._name_token(v, e) or (s, e) in found:
                continue
            if covered is None:
                covered = {i for (b, end) in found for i in range(b, end)}
            if s not in covered:
                if not heads_of:
                    for (b, end) in found:
                        if end - b >= 2 and v.text[end - 1] in self.suffix:
                            heads_of.setdefault(v.text[end - 1], set()).add(_text(v, b, end))
                    heads_of.setdefault("", set())
                names = heads_of.get(v.text[s], ())
                if len(names) == 1:
                    found[(s, e)] = next(iter(names))
                elif v.text[s] in self.government:
                    found[(s, e)] = None

        # acronyms in brackets right after a name, and names whose initials a bracketed acronym spells
        aliases: dict[str, str] = {}
        brackets = {e: self._bracket_acronym(v, e) for _, e in runs if e < n and v.text[e] == "("}
        # "Quantum Industry Alliance for Revolution (QIAR)": a name runs on to its bracketed acronym over
        # "of/for/on" and capitalised words
        # (runs are disjoint and in order: the one run that can hold a name is found by bisection)
        acronym_runs = [(s, e) for s, e in runs if brackets.get(e)]
        acronym_run_starts = [s for s, _ in acronym_runs]
        for (b, end) in list(found) if acronym_runs else ():
            at = bisect_right(acronym_run_starts, b) - 1
            if at < 0:
                continue
            s, e = acronym_runs[at]
            if s <= b and end < e and v.text[end] in _OF_LIKE and (b, end) in found \
                    and v.text[e - 1] not in self.not_org \
                    and all(_is_cap(v.text[k]) or v.text[k] in self.connectors for k in range(end + 1, e)):
                found[(b, e)] = found.pop((b, end))
        longest: dict[int, int] = {}  # the longest found name ending at each token: its acronym's definition
        for (b, end) in found:
            if b < longest.get(end, end):
                longest[end] = b
        for end, b in sorted(longest.items()):
            acr_end = brackets.get(end) or self._bracket_acronym(v, end)
            if acr_end:
                self._alias_bracket(v, found, aliases, end + 1, acr_end, _text(v, b, end))
        for s, e in runs:
            acr_end = brackets.get(e)
            if acr_end:
                s2 = self._trim_left(v, s, e)
                acr = re.sub(r"[^A-Z]", "", _text(v, e + 1, acr_end))
                # the acronym may spell only the last words: "Conservative New Democracy (ND)"
                while s2 < e - 1 and _initials(v.text[s2:e]) != acr and len(_initials(v.text[s2:e])) > len(acr):
                    s2 = self._trim_left(v, s2 + 1, e)
                # or also the words listed before it with commas: "Welsh, Carson, Anderson and Stowe (WCAS)"
                k = s2
                while len(_initials(v.text[k:e])) < len(acr) and acr.endswith(_initials(v.text[k:e])) \
                        and k >= 2 and v.text[k - 1] == "," and _is_cap(v.text[k - 2]) and k - 2 not in taken:
                    k -= 2
                if k < s2 and _initials(v.text[k:e]) == acr:
                    s2 = k
                if s2 < e and v.text[e - 1] not in self.not_org and (s2, e) not in found \
                        and _initials(v.text[s2:e]) == acr and not (s2 in places and places[s2].end == e):
                    found[(s2, e)] = None
                    if s2 < longest.get(e, e):  # longer than the found name it ends ("... and Authorisation Centre")
                        self._alias_bracket(v, found, aliases, e + 1, acr_end, _text(v, s2, e), override=True)
        full_names = {_text(v, b, end): (b, end) for (b, end) in found}
        for name, (b, end) in full_names.items():
            words = v.text[b:end]
            caps = [w for w in words if _is_cap(w)]
            if len(caps) >= 2:
                aliases.setdefault(_initials(words), name)
            last = words[-1]
            first = words[0]
            if len(words) >= 2 and last in self.suffix and last not in self.government and first not in self.suffix \
                    and b not in places and first.lower() not in STOP_WORDS and len(first) >= 3 and first.isalpha():
                aliases.setdefault(first, name)
        # the first two words of a company name of three or more ending in a legal suffix, used alone later
        # ("Pacific Western said" after "Pacific Western Airlines Corp"): a short name like "Atlantis" below
        pairs: dict[tuple[str, str], str] = {}
        for name, (b, end) in full_names.items():
            words = v.text[b:end]
            if len(words) >= 3 and words[-1] in self.suffix and words[-1] not in self.government \
                    and all(_is_cap(w) and w.isalpha() and w not in self.suffix for w in words[:2]) \
                    and words[0].lower() not in STOP_WORDS:
                pairs.setdefault((words[0], words[1]), name)
        if pairs:
            spans_at = {b for (b, end) in found}
            for i in range(n - 1):
                name = pairs.get((v.text[i], v.text[i + 1]))
                if name is None or i in spans_at or (i > 0 and self._name_token(v, i - 1)) \
                        or i + 2 < n and self._name_token(v, i + 2) \
                        or any((b <= i < end) for (b, end) in found):
                    continue
                found[(i, i + 2)] = name
        name_starts = {(b, b + 1) for (b, end) in found if end > b + 1}
        for i in list(compress(range(n), map(aliases.__contains__, v.text))):
            text = v.text[i]
            if text in aliases and found.get((i, i + 1)) is None and (i, i + 1) not in name_starts \
                    and not (0 < i < n - 1 and v.text[i - 1] == "<" and v.text[i + 1] == ">"):
                # an acronym anywhere; a short name only where it does not begin a longer name (also across a
                # wrapped line: "Pan\nAm") and is no nationality word ("a major American constructor")
                if text.isupper() or i + 1 >= n:
                    found[(i, i + 1)] = aliases[text]
                    continue
                nxt = v.text[i + 1]
                if nxt == "\n" and wrapped and i + 2 < n:
                    nxt = v.text[i + 2]
                    if self._name_token(v, i + 2):
                        continue
                elif self._name_token(v, i + 1):
                    continue
                # "in Baghdad" stays a place after "Baghdad Operations Command" named the body (a place after a
                # locative), "Atlantis said" is the short name of "Atlantis Group Inc"
                # and "Mosul" alone stays the city after "Mosul University" (a campus named after a place the
                # gazetteer holds outright; a stop-listed one, "Stanford", is the university's short name, and a
                # company's short name is the company: "Champlin" for "Champlin Petroleum Co")
                if text not in self.demonyms and not (i in places and (
                        i > 0 and v.lower[i - 1] in self.locatives
                        or aliases[text].split()[-1] in self.campus and _strong_place(text))):
                    found[(i, i + 1)] = aliases[text]

        self._merge_adjacent(v, found)
        self._party_slots(v, found, places, taken, hits)
        self._list_members(v, found, places, taken)
        self._propagate(doc, v, found)
        new_places: list[tuple[int, int]] = []
        if self.model is not None or self.collect:
            self._classify(doc, v, found, ents, taken, people, new_places)

        if len(found) > 1:
            self._join_split(v, found, seeded)

        if self.competition_heads and self.sport_slug.match(v.doc_text[:200]):
            # a sports story's league is a competition: "the American League"
            for key in [k for k in found if v.text[k[1] - 1] in self.competition_heads]:
                del found[key]

        spans = []
        for (b, end), canonical in sorted(found.items()):
            if (b, end) in seeded or any(k in taken for k in range(b, end)):
                continue
            span = Span(doc, b, end, label="ORG")
            if canonical and canonical != _text(v, b, end):
                span._.canonical = canonical
            spans.append(span)
        # an alias or brand name that a weak gazetteer place also claims ("Stanford") is the organisation
        # and so is a well-known organisation name that is also a town ("Xinhua", "Honda")
        # (the cheap tests first: most places are no found name)
        weak = {(e.start, e.end) for e in ents if e.label_ == "PLACE" and (e.start, e.end) in found
                and e._.kind in ("city", "subdivision")
                and ((e.start, e.end) in known_spans or (len(e) == 1 and not e.text.isupper() and e.text in aliases))}
        # a place in a capitals headline that begins a company's name before its ticker ("OHIO MATTRESS <OMT>
        # MAY ..."): no place of the story
        weak |= {(e.start, e.end) for e in ents if e.label_ == "PLACE" and e.text.isupper()
                 and self._before_ticker(v, e.end)}
        current = set_ents(doc, [e for e in ents if (e.start, e.end) not in weak]) if weak else ents
        current = add_entities(doc, spans, current=current)  # the entities handed along: no second read
        if new_places:
            add_entities(doc, [Span(doc, b, e, label="PLACE") for b, e in new_places], current=current)
        return doc

    # ------------------------------------------------------------------ names no rule labels
    def _name_candidates(self, v: TokenView, covered: set[int]) -> list[tuple[int, int]]:
        """Runs of capitalised words (also digits with letters, "&" and hyphen pieces) that no entity covers,
        without leading small words ("The") or a trailing lower-case hyphen piece ("ISIL-held"); not a person's
        name that begins with a first name or a title."""
        out = []
        n = len(v.text)
        words = v.text
        last = 0
        particles = self.particles
        name_token = self._name_token
        lower = v.lower
        cached = getattr(self, "_starts", None)
        starts = cached[1] if cached is not None and cached[0] is v else \
            [k for k, w in enumerate(words) if w[0].isupper() or w in particles]
        self._starts = None
        for i in [k for k in starts if words[k][0].isupper() or words[k] in particles]:
            if i < last or i in covered or not words[i][0].isalpha() or (words[i] in particles
                                                                         and not name_token(v, i)):
                continue
            j = i + 1
            while j < n and j not in covered:
                c = words[j][0]
                if c.isupper():
                    if not c.isalpha():
                        break
                elif c.islower() and words[j - 1] != "-" and words[j] not in particles or not name_token(v, j):
                    break
                j += 1
            last = j
            w = words[i]
            b = self._trim_left(v, i, j) if lower[i] in STOP_WORDS or w in self.connectors else i
            e = j
            while e - b >= 2 and words[e - 2] == "-" and words[e - 1].islower():
                e -= 2
            while e > b and words[e - 1] in ("-", "&"):
                e -= 1
            if e <= b or e - b == 1 and (len(words[b]) < 2 or v.lower[b] in STOP_WORDS):
                continue
            # a first name or a title before a name makes a person ("Kim Tamsin", "President Tamsin"); a company
            # head word alone ("Industries"; but "the Coalition" may be a body), a name of head words only
            # ("Government Office") or a name ending in a programme or agreement word is no organisation
            if e - b >= 2 and words[b] in self.person_cues and words[b] not in self.generic \
                    or e - b == 1 and words[b] in self.suffix and words[b] not in self.government \
                    or words[e - 1] in self.not_org \
                    or e - b > 1 and all(w in self.suffix or w in self.prefix for w in words[b:e]):
                continue
            out.append((b, e))
        return out

    def _classify(self, doc: Doc, v: TokenView, found: dict, ents, taken: set[int], people: "_Lazy",
                  new_places: list) -> None:
        """Label the capitalised names no rule found with the learned model: the probabilities of all mentions of
        one name in the document are averaged, and the name is an organisation (or a place) everywhere when the
        average reaches the label's threshold."""
        covered = set(taken)
        for e in ents:
            covered.update(range(e.start, e.end))
        for (b, e) in found:
            covered.update(range(b, e))
        # a headline in capitals tells nothing by its capitals (its names are the body's, found there): its words
        # are no candidates (a name never runs across a line break)
        idx = v.idx
        for a, z in ((m.start(), m.end()) for m in _CAPS_LINE.finditer(v.doc_text)):
            covered.update(range(bisect_right(idx, a) - 1, bisect_right(idx, z - 1)))
        cands = self._name_candidates(v, covered)
        if not cands:
            return
        ctx = DocContext(v.text, v.doc_text)
        # what the rules already know is no organisation: a person's surname seen after a first name or title
        # ("Kim Tamsin ... Tamsin"), a nationality word ("Syrian"), a capitalised word that begins a sentence and
        # stands in lower case elsewhere in the document ("Strike assessments ... a strike")
        words = v.text
        kept = []
        for b, e in cands:
            if words[e - 1] in people or e - b == 1 and (
                    words[b] in self.demonyms or self.names.is_boundary(words, b) and ctx.seen_lower(words[b])):
                continue
            kept.append((b, e))
        if not kept:
            return
        features = self.names.features
        feats = []
        for b, e in kept:
            surface = _text(v, b, e)
            feats.append((b, e, surface, features(words, v.lower, b, e, surface, ctx)))
        if self.collect:
            doc.user_data["qfacts_name_candidates"] = [(v.idx[b], v.idx[e - 1] + len(v.text[e - 1]), f)
                                                        for b, e, _, f in feats]
        if self.model is None:
            return
        model = self.model
        probs = model.batch_probabilities([f for _, _, _, f in feats]).tolist()
        groups: dict[str, list] = {}
        for row, (b, e, surface, _) in enumerate(feats):
            groups.setdefault(" ".join(surface.split()) if "\n" in surface else surface, []).append((b, e, row))
        labels = model.labels
        thresholds = [model.thresholds.get(label, 0.5) if label != "O" else 2.0 for label in labels]
        order = range(len(labels))
        for mentions in groups.values():
            if len(mentions) == 1:
                mean = probs[mentions[0][2]]
            else:
                mean = [sum(col) / len(mentions) for col in zip(*[probs[row] for _, _, row in mentions])]
            best = max(order, key=mean.__getitem__)
            if mean[best] < thresholds[best]:
                continue
            label = labels[best]
            if label == "PLACE" and _known_place(feats[mentions[0][2]][2]):
                continue  # the place rules know this name and did not take it here ("Davos, Portugal")
            for b, e, _ in mentions:
                if label == "ORG":
                    found.setdefault((b, e), None)
                elif label == "PLACE":
                    # a capitalised locative opening the sentence is no part of the place: "Near Tal Afar, ..."
                    new_places.append((b + 1, e) if e - b >= 2 and v.lower[b] in self.locatives else (b, e))

    def _ampersand(self, v: TokenView, s: int, e: int, found: dict, places: dict[int, Span]) -> None:
        """Capitalised names joined by "&" are a firm ("Douglas & Lomason"), unless a side is a country or state
        ("Trinidad & Tobago")."""
        b = self._trim_left(v, s, e)
        k = v.text.index("&", b, e) if "&" in v.text[b:e] else -1
        if k <= b or k + 1 >= e or not _is_cap(v.text[k - 1]) or not _is_cap(v.text[k + 1]) \
                or v.text[e - 1] in self.not_org \
                or any(i in places and places[i]._.kind in _STATE_KINDS for i in (b, k + 1)):
            return
        found.setdefault((b, e), None)

    @staticmethod
    def _bracket_acronym(v: TokenView, e: int) -> int:
        """The end of an acronym in brackets right after token ``e - 1`` ("(LSTC)", "(QED-C)", "(IN-SPACe)"),
        or 0. The acronym may be several tokens joined without spaces."""
        n = len(v.text)
        if e + 2 >= n or v.text[e] != "(" or v.ws[e]:
            return 0
        k = e + 1
        while k < n and k - e <= 5 and v.text[k] != ")":
            if v.ws[k] and v.text[k + 1 if k + 1 < n else k] != ")":
                return 0
            k += 1
        if k >= n or v.text[k] != ")" or k == e + 1:
            return 0
        acr = _text(v, e + 1, k)
        return k if _ACRONYM.match(acr) or _mixed_acronym(acr) else 0

    @staticmethod
    def _alias_bracket(v: TokenView, found: dict, aliases: dict, b: int, e: int, name: str,
                       override: bool = False) -> None:
        """Register an acronym in brackets as a short form of ``name``: a one-token acronym as an alias found
        everywhere; a longer one ("QED-C") as a found name that later mentions take up."""
        if e == b + 1:
            aliases[v.text[b]] = name
        elif override or found.get((b, e)) is None:
            found[(b, e)] = name

    def _single_word(self, v: TokenView, i: int, covered: set[int], places: dict[int, Span]) -> bool:
        """Token ``i`` is a capitalised word that could be a surname in a firm's name: no place, no organisation
        found on its own, no small word, no nationality."""
        w = v.text[i]
        return len(w) >= 2 and w[0].isupper() and w.isalpha() and not w.isupper() and i not in covered \
            and (i not in places or places[i]._.kind == "city" and places[i].end == i + 1) \
            and v.lower[i] not in STOP_WORDS and w not in self.demonyms and w not in self.suffix

    def _joined_names(self, v: TokenView, found: dict, places: dict[int, Span]) -> None:
        """Company names that hold "and", a comma or a possessive before their legal suffix.

        - "Johnson and Johnson Co", "Pope, Evans and Robbins Inc": single capitalised words listed before a
          one-word name with a legal suffix are one firm, unless one of them is named on its own elsewhere in the
          document (then "Kelvo and Acme Inc" are two);
        - "Pantera's Corp", "Broker's Choice Capital Inc": a possessive inside a name that ends in a legal suffix;
        - "Financial Corp of Santa Barbara", "Acme Corp of Canada Ltd": a name of generic words only, or one
          followed by a legal suffix after the place, takes "of PLACE".
        """
        n = len(v.text)
        words = v.text

        def prev(i: int) -> int:  # the token before i, over a line break of wrapped text
            return i - 2 if i >= 2 and words[i - 1] == "\n" else i - 1

        def nxt(i: int) -> int:
            return i + 2 if i + 2 < n and words[i + 1] == "\n" else i + 1

        covered = {i for (b, e) in found for i in range(b, e)}
        # a one-word name a cue found ("acquisition of Johnson and\nJohnson Co") may still be a listed surname
        alone_words = {b for (b, e) in found if e == b + 1 and found[(b, e)] is None}
        listable = covered - alone_words
        for (b, e) in sorted(found):
            if (b, e) not in found or words[e - 1] not in self.legal:
                continue
            a = prev(b)
            if e - b == 2 and a >= 1 and words[a] == "and" and self._single_word(v, prev(a), listable, places):
                listed = [prev(a)]
                while prev(listed[-1]) >= 1 and words[prev(listed[-1])] == "," \
                        and self._single_word(v, prev(prev(listed[-1])), listable, places):
                    listed.append(prev(prev(listed[-1])))
                k = listed[-1]
                if k > 0 and self._name_token(v, k - 1):
                    continue
                # a listed word used on its own elsewhere (not beside another listed word) names a firm of its own
                names = {words[i] for i in listed} | {words[b]}
                alone = any(
                    words[i] in names and i not in listed and i != b
                    and not (prev(i) >= 1 and words[prev(i)] in (",", "and") and words[prev(prev(i))] in names)
                    and not (nxt(i) < n - 1 and words[nxt(i)] in (",", "and") and words[nxt(nxt(i))] in names)
                    for i in range(n))
                if not alone:
                    del found[(b, e)]
                    for i in listed:
                        found.pop((i, i + 1), None)
                    found[(k, e)] = None
                    covered.update(range(k, e))
        # possessives: the capitalised word before "'s" and a name with a legal suffix after it
        for j in list(compress(range(n), map(("'s", "’s").__contains__, words))) if "s " in v.doc_text else ():
            if j < 1 or j + 2 >= n or v.ws[j - 1] or not self._single_word(v, j - 1, covered, places) \
                    or not _is_cap(words[j + 1]):
                continue
            end = j + 1
            while end < n and end - j <= 6 and (self._name_token(v, end) or words[end] in self.connectors) \
                    and words[end - 1] not in self.legal:
                end += 1
            if words[end - 1] not in self.legal:
                continue
            a = j - 1
            while a > 0 and self._single_word(v, a - 1, covered, places) and j - a < 3:
                a -= 1
            for key in [(b, e) for b in range(a, end) for e in range(b + 1, end + 1) if (b, e) in found]:
                del found[key]  # (a few tokens: the spans inside, not a scan of every found name)
            found[(a, end)] = None
            covered.update(range(a, end))
        # "of PLACE"
        for (b, e) in sorted(found):
            if e + 1 >= n or words[e] != "of" or (e + 1) not in places or (b, e) not in found:
                continue
            pe = places[e + 1].end
            if pe < n and words[pe] in self.legal:
                found[(b, pe + 1)] = found.pop((b, e))
            elif words[e - 1] in self.suffix and all(w in self.generic or w in self.connectors for w in words[b:e]):
                found[(b, pe)] = found.pop((b, e))

    def _and_names(self, v: TokenView, found: dict, places: dict[int, Span]) -> None:
        """Names that hold "and" between descriptive words: "National Aeronautics and Space Administration",
        "Chiyoda Fire and Marine Insurance Co Ltd", "House Ways and Means Committee".

        A found name that ends in a head word and follows "and" takes the words before the "and" when those are
        two or more capitalised words that cannot be a name of their own: no head word among them (so "Fleet
        Financial Group and Norstar Bancorp Inc" stay two), none of them a place, a found name, an acronym, a
        nationality, a first name or a small word, the word before them no name word and no connector ("the Bank
        of Tokyo and ..."), and the same words never used on their own elsewhere in the document ("General
        Motors and Toyota Motor Corp" are two where "General Motors" also stands alone). Capitalised headlines
        are left alone: every word of them is capitalised.
        """
        words = v.text
        covered = None
        alone = None
        headlines = None
        for (b, e) in sorted(found):
            if (b, e) not in found or e - b < 2 or found[(b, e)] is not None \
                    or words[e - 1] not in self.suffix and words[e - 1] not in self.legal:
                continue
            a = b - 1
            if a < 2 or words[a] != "and" or "\n" in v.ws[a - 1]:
                continue
            if headlines is None:  # (built once, where a document has a name after "and" at all)
                headlines = _headline_tokens(v)
            if b in headlines:
                continue
            if covered is None:
                covered = {i for (x, y) in found for i in range(x, y)}
            k = a
            while k > 0 and a - k < 4 and self._descriptive_word(v, k - 1, covered, places):
                k -= 1
            if a - k < 2 or k > 0 and (self._name_token(v, k - 1) or words[k - 1] in self.connectors
                                        or words[k - 1] in ("'s", "’s")):
                continue
            left = tuple(words[k:a])
            if left[0] in self.names.first_names:
                continue
            if alone is None:  # built once, where a document has such a name at all
                alone = _alone_phrases(words, range(2, 5))
            if left in alone:
                continue
            del found[(b, e)]
            found[(k, e)] = None
            covered.update(range(k, a + 1))

    def _descriptive_word(self, v: TokenView, i: int, covered: set[int], places: dict[int, Span]) -> bool:
        """Token ``i`` is a capitalised word that can stand inside a name but not end one: no head word, place,
        found name, acronym, nationality or small word, on the same line as the word after it."""
        w = v.text[i]
        return len(w) >= 2 and w[0].isupper() and w.isalpha() and not w.isupper() and i not in covered \
            and i not in places and v.lower[i] not in STOP_WORDS and w not in self.demonyms \
            and w not in self.suffix and w not in self.legal and "\n" not in v.ws[i]

    def _address_tails(self, v: TokenView, found: dict, places: dict[int, Span]) -> None:
        """"Waccamaw State Bank of Surfside Beach, S.C.": "of TOWN, STATE" after a name's head word is where the firm
        is, not part of its name (but "Bank of Boston", "Financial Corp of Santa Barbara said" keep theirs)."""
        n = len(v.text)
        for (b, e) in sorted(found):
            if e - b < 4 or found[(b, e)] is not None:
                continue
            k = e
            while k < n and v.text[k].isspace():
                k += 1
            if k >= n or v.text[k] != ",":
                continue
            k += 1
            while k < n and v.text[k].isspace():
                k += 1
            state = places.get(k)
            if state is None or state._.kind != "state":
                continue
            o = max((j for j in range(b + 2, e - 1) if v.text[j] == "of"), default=-1)
            if o < 0 or v.text[o - 1] not in self.suffix or not all(_is_cap(w) for w in v.text[o + 1:e]) \
                    or o + 1 in places and places[o + 1].end != e:
                continue
            found[(b, o)] = found.pop((b, e))

    def _merge_adjacent(self, v: TokenView, found: dict) -> None:
        """A name right before another that ends in a head is one name: "Moody's Investors Service"."""
        by_start = {b: e for (b, e) in found}
        for (b, e) in list(found):
            e2 = by_start.get(e)
            if e2 is None or (b, e) not in found or (e, e2) not in found or v.ws[e - 1] != " " \
                    or v.text[e2 - 1] not in self.suffix or v.text[e - 1] in self.suffix:
                continue
            del found[(b, e)], found[(e, e2)]
            found[(b, e2)] = None

    def _join_split(self, v: TokenView, found: dict, clubs: set) -> None:
        """Two found names that touch are one name, read in two pieces by different rules: one space apart on a line
        ("Mentmore Abbey", "Daewoo Information"), joined by a hyphen without spaces ("PMC-Sierra") or by "of"
        ("Missionaries of Charity"), or a lone head word after the other's possessive ("Farmers ' Union"); not over
        "of" before a town's club of the sports rules (``clubs``: "Espanyol of Barcelona")."""
        words, ws = v.text, v.ws
        by_start = {b: e for (b, e) in found}
        for (b, e) in sorted(found):
            if (b, e) not in found or e >= len(words):
                continue
            if e in by_start and ws[e - 1] == " " and "\n" not in words[e] \
                    and not (words[e - 1][-1] == "." and words[e - 1] in self.legal and words[e] not in self.legal):
                nb = e  # (a legal suffix with its full stop may end a sentence: "... Corp. Norwell Ltd said")
            elif e + 1 in by_start and (words[e] == "-" and not ws[e - 1] and not ws[e]
                                        or words[e] == "of" and ws[e - 1] == " "
                                        or words[e] in ("'s", "'") and by_start[e + 1] == e + 2
                                        and words[e + 1] in self.suffix):
                nb = e + 1
            else:
                continue
            ne = by_start[nb]
            if (nb, ne) not in found or nb > e and words[e] == "of" and (nb, ne) in clubs:
                continue
            del found[(b, e)], found[(nb, ne)]
            found[(b, ne)] = None
            by_start[b] = ne

    def _party_slots(self, v: TokenView, found: dict, places: dict[int, Span], taken: set[int],
                     hits: list[int]) -> None:
        """A capitalised name right after "with" or "between" that the text uses more than once (a partner)."""
        n = len(v.text)
        slots = [i for i in hits if v.lower[i] == "with" or v.lower[i] == "between"]
        if not slots:
            return
        words = v.text
        counts = None
        surnames = None
        for i in slots:
            if i >= n - 1:
                continue
            k = i + 1
            if v.lower[k] == "the" and k + 1 < n:
                k += 1
            if k in places or k in taken or not self._name_token(v, k) or v.lower[k] in STOP_WORDS:
                continue
            j = k
            while j < n and self._name_token(v, j) and j - k < 4:
                j += 1
            # a word before a lower-case word is an adjective ("with Russian officials")
            if j - k != 1 or not v.text[k].isalpha() or v.text[k] in self.demonyms \
                    or (j < n and v.text[j].isalpha() and v.text[j].islower() and v.lower[j] not in STOP_WORDS):
                continue
            if counts is None:
                counts = Counter(words)
                # words seen as the last part of a longer name ("Bill Clinton")
                surnames = {w for p, w in zip(words, words[1:]) if w[:1].isupper() and p[:1].isupper() and p.isalpha()}
            if counts[v.text[k]] >= 2 and v.text[k] not in surnames:
                found.setdefault((k, j), None)

    def _list_members(self, v: TokenView, found: dict, places: dict[int, Span], taken: set[int]) -> None:
        """A short capitalised name listed between two organisations ("TSMC, Bosch, Infineon and NXP") is one."""
        n = len(v.text)
        ends = {e: b for (b, e) in found}
        starts = {b: e for (b, e) in found}
        for e0, b0 in list(ends.items()):
            if e0 >= n or v.text[e0] not in (",", "and"):
                continue
            k = e0 + 1
            if k >= n or k in starts or k in places or k in taken or not self._name_token(v, k) \
                    or v.lower[k] in STOP_WORDS:
                continue
            j = k
            while j < n and j - k < 3 and self._name_token(v, j) and j not in taken:
                j += 1
            if j in starts or j >= n or v.text[j] not in (",", "and"):
                continue
            nxt = j + 1
            if nxt < n and v.text[j] == "," and v.text[nxt] == "and":
                nxt += 1
            if nxt in starts:
                found.setdefault((k, j), None)

    def _propagate(self, doc: Doc, v: TokenView, found: dict) -> None:
        """One name, one sense: every other occurrence of a found organisation name is that organisation (in capitals
        too, for a company name: "ACME WIDGET CORP" in a headline), and so is a company name of two or more
        words without its legal suffix ("Boston Scientific" of "... Corp")."""
        names = {_text(v, b, e): found[(b, e)] for (b, e) in found}
        gaz: Gazetteer[Optional[str]] = Gazetteer()
        for name, canonical in names.items():
            gaz.add(name, canonical or name)
            # a company name found in the body is one in a headline in capitals too
            if not name.isupper() and len(name.split()) >= 2 and name.split()[-1] in self.legal:
                gaz.add(name.upper(), canonical or name)
        for (b, e), canonical in list(found.items()):
            if e - b >= 3 and v.text[e - 1] in self.legal and all(_is_cap(w) for w in v.text[b:e - 1]):
                gaz.add(_text(v, b, e - 1), canonical or _text(v, b, e))
        covered = bytearray(len(v.text))   # 1 at the tokens of a found name (slices set at C speed)
        for (b, e) in found:
            covered[b:e] = b"\x01" * (e - b)
        for b, e, canonical in gaz.find(doc, words=v.text, idx=v.idx, text=v.doc_text):
            if covered.find(1, b, e) < 0:
                text = _text(v, b, e)
                found[(b, e)] = canonical if canonical != text else None

    def _bracketed(self, v: TokenView, runs: list[tuple[int, int]], found: dict) -> None:
        """Wire-style company markup: a name in angle brackets ("<Reed Tool Co>", also with lower-case particles
        and across a line break: "<Banque de l'Union Europeenne>") and a name followed by its ticker
        ("Pearson Plc <PSON.L>"). A bare ticker ("<NCR>") is no name."""
        n = len(v.text)
        # "is the name inside a found one?" by bisection: the found spans before this loop by start with the
        # running maximum of their ends, and the names added here (their starts only grow) by their largest end
        static = sorted(found)
        static_starts = [b for b, _ in static]
        reach = []
        top = -1
        for _, e in static:
            top = max(top, e)
            reach.append(top)
        added_reach = -1
        for k in list(compress(range(len(v.text)), map("<".__eq__, v.text))) if "<" in v.doc_text else ():
            close = next((j for j in range(k + 1, min(n, k + 14)) if v.text[j] in (">", "<", ".")), None)
            if close is None or v.text[close] != ">" or close - k < 2:
                continue
            inner = [j for j in range(k + 1, close) if not v.text[j].isspace()]
            if not inner:
                continue  # "<\n>": brackets around a line break hold no name
            b, e_ = inner[0], inner[-1] + 1  # the name without the line breaks inside the brackets
            words = [v.text[j] for j in inner]
            if _is_cap(words[0]) and _is_cap(words[-1]) and any(not _TICKER.match(w) for w in words):
                at = bisect_right(static_starts, b) - 1
                if (at >= 0 and reach[at] >= e_) or added_reach >= e_:
                    continue  # inside a found name
                found.setdefault((b, e_), None)
                added_reach = max(added_reach, e_)
        ends = {end for (_, end) in found}
        for s, e in runs:
            if s > 0 and v.text[s - 1] == "<" and e < n and v.text[e] == ">":
                if any(not _TICKER.match(v.text[k]) for k in range(s, e)):
                    found.setdefault((s, e), None)
                    ends.add(e)
            elif e + 2 < n and v.text[e] == "<" and v.text[e + 2] == ">" and _TICKER.match(v.text[e + 1]) \
                    and not v.text[s].isupper():
                if e in ends:
                    continue
                s2 = s
                for k in range(s, e):  # "Shares of Kelvo Brands <KLV.N>": the name after the last small word
                    if v.text[k].islower() and v.text[k] in STOP_WORDS:
                        s2 = k + 1
                s2 = self._trim_left(v, s2, e)
                if s2 < e and v.text[e - 1] not in self.not_org \
                        and any(v.text[k] not in self.suffix for k in range(s2, e)):
                    found.setdefault((s2, e), None)
                    ends.add(e)

    def _people(self, v: TokenView) -> set[str]:
        """Surnames: the last of one to three capitalised words after a title or a first name ("chief executive
        Rajeeb Tamsin", "Mr Tamsin", "Michael Tamsin"). Those words alone are a person, not an organisation."""
        out: set[str] = set()
        n = len(v.text)
        cues = self.person_cues
        for k in list(compress(range(n), map(cues.__contains__, v.text))):
            j = k + 1
            while j < n and j - k <= 3 and v.ws[j - 1] == " " and _is_cap(v.text[j]) and v.text[j].isalpha() \
                    and not v.text[j].isupper() and v.text[j] not in self.suffix:
                j += 1
            if j > k + 1 and (v.text[k] in self.titles or j - k == 2):
                out.add(v.text[j - 1])
        return out

    def _cue_names(self, v: TokenView, found: dict, places: dict[int, Span], hits: list[int],
                   wrapped: bool = False, people: "_Lazy | frozenset[str]" = frozenset(),
                   labelled: "set[int] | frozenset[int]" = frozenset()) -> None:
        """"the firm QuSecure", "firm, QuSecure," and "Rapidus, the chipmaker"; never a person's surname."""
        n = len(v.text)
        for i in [k for k in hits if v.lower[k] in self.cues]:
            if i >= n - 1 or not v.text[i].islower():
                continue
            k = i + 1
            if v.text[k] == "," and k + 1 < n:
                k += 1
            if _is_cap(v.text[k]) and v.lower[k] not in STOP_WORDS and k not in places:
                j = k
                while j < n and _is_cap(v.text[j]) and v.text[j][0].isalpha():
                    j += 1
                    if wrapped and j + 1 < n and v.text[j] == "\n" and _is_cap(v.text[j + 1]):
                        j += 1  # "carrier Air\nAtlanta Inc"
                if not (j == k + 1 and v.text[k] in people):
                    found.setdefault((k, j), None)
        # "Dexter Corp's Hysol unit": a name between a possessive and a unit noun
        for i in [k for k in hits if v.lower[k] in self.unit_nouns]:
            b = i
            while b > 0 and _is_cap(v.text[b - 1]) and v.text[b - 1][0].isalpha() and i - b < 5:
                b -= 1
            if b < i and b > 0 and v.text[b - 1] in ("'s", "’s") and b not in places and v.text[i].islower() \
                    and v.text[b] not in self.demonyms:
                found.setdefault((b, i), None)
        # "shares of Kelvo", "a stake in Vornak": the object of an ownership cue
        for i in [k for k in hits if v.lower[k] in self.object_cue_first]:
            if i + 2 >= n or (v.lower[i], v.lower[i + 1]) not in self.object_cues:
                continue
            k = i + 2
            partner = (v.lower[i], v.lower[i + 1]) in self.partner_cues
            if _is_cap(v.text[k]) and v.lower[k] not in STOP_WORDS and k not in places and v.text[k][0].isalpha() \
                    and v.text[k] not in self.demonyms \
                    and not (partner and (v.text[k] in self.person_cues or k in labelled)):
                j = k
                while j < n and _is_cap(v.text[j]) and v.text[j][0].isalpha():
                    j += 1
                if not (partner and j == k + 1 and v.text[k] in people):
                    found.setdefault((k, j), None)
        # "Tarmac Data agreed to buy ...", "Helio Grid has signed ...": a name of two or three capitalised words
        # that opens a sentence and does what companies do (subject_cues)
        for i in [k for k in hits if v.lower[k] in self.subject_cue_first]:
            if i + 1 >= n or (v.lower[i], v.lower[i + 1]) not in self.subject_cues:
                continue
            b = i
            while b > 0 and i - b < 3 and _is_cap(v.text[b - 1]) and v.text[b - 1].isalpha() \
                    and not v.text[b - 1].isupper() and v.ws[b - 1] == " ":
                b -= 1
            if i - b < 2 or not (b == 0 or v.text[b - 1] in (".", "--", "\u2014", ":", "\n") or "\n" in v.ws[b - 1]):
                continue
            if v.lower[b] in STOP_WORDS or v.text[b] in self.person_cues or v.text[i - 1] in people \
                    or any(k in places or k in labelled for k in range(b, i)) or v.text[b] in self.demonyms:
                continue
            found.setdefault((b, i), None)
        # "Name, a/an/the ... cue" (an apposition: not "Name, the venture will ...", a clause)
        for i in list(compress(range(n), map(",".__eq__, v.text))):
            if 1 <= i < n - 3 and v.lower[i + 1] in ("a", "an", "the"):
                window = v.lower[i + 2:min(n, i + 7)]
                c = next((p for p, w in enumerate(window) if w in self.cues
                          or w == "-" and 0 < p < len(window) - 1 and f"{window[p - 1]}-{window[p + 1]}" in self.cues),
                         None)
                if c is not None and window[c] == "-":
                    c += 1  # "a Seoul start-up": the cue is the three tokens "start", "-", "up"
                if c is not None and (i + 3 + c >= n or v.lower[i + 3 + c] not in self.clause_words):
                    j = i
                    b = j
                    while b > 0 and _is_cap(v.text[b - 1]) and v.text[b - 1][0].isalpha():
                        b -= 1
                    b = self._trim_left(v, b, j)
                    if b < j and b not in places and not (j == b + 1 and v.text[b] in people):
                        found.setdefault((b, j), None)
