"""``qfacts_places``: PLACE entities from a gazetteer of GeoNames and ISO 3166 names plus package data.

The gazetteer and the town list are prepared ahead of time (:mod:`qfacts.geodata`, ``scripts/build_data.py``).
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..geodata import Place, place_gazetteer, region_codes, small_towns
from ..resources import load_json
from ..people import first_names, titles
from .common import TokenView, add_entities, register_extensions, span_store, token_view


_DATELINE = re.compile(r"[ \t]*[A-Z][A-Za-z.' ,-]{0,40}?[ ,]((?:\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d))")


_NAME = r"[A-Z][\w.'&/-]*(?: [A-Z][\w.'&/-]*){0,3}"
_NOTE = r"(?: \([^)\n]{1,30}\))?"
# result lines of a sports story: "Barnsley 3 Reading 0", "Carlton 13.18 (96) Footscray 9.12 (66)"; league tables
# ("Hajduk 3 1 0 2 3 3 3"); fixtures ("Albion v Cowdenbeath")
_SCORE_LINE = re.compile(r"^[ \t]*(%s)%s (\d{1,3}(?:\.\d{1,3})?)%s,? (%s)%s \d{1,3}\b" % (
    _NAME, _NOTE, _NOTE, _NAME, _NOTE), re.M)
_TABLE_LINE = re.compile(r"^[ \t]*(%s)((?: -?\d+){6,})[ \t]*$" % _NAME, re.M)
_FIXTURE = re.compile(r"(?:^|[,:] | - )(%s) v (%s)(?=[,.;]|$| \()" % (_NAME, _NAME), re.M)
# a ranked result with the rider's or driver's team after the country: "1. Rolf Vornak (Denmark) Kelvo 4:32"
_TEAM_RESULT = re.compile(r"^[ \t]*\d{1,3}\. [^\n(]{3,40} \([A-Za-z. ]{2,30}\) ([A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,2})(?= |$)",
                          re.M)
# (r"\b[Tt]he ...": the word-start test after the first letter, so that the regex engine passes over the other
# characters without trying the pattern there)
_NICKNAME = re.compile(r"[Tt](?<!\w.)he ((?:[A-Z][a-z]+ )?[A-Z][a-z]+s)\b(?! [A-Z])")
_CLUB_WORD = re.compile(r"^[A-Z][a-z]*[A-Za-z]\.?$|^[A-Z]{2,4}$")


_REGION_KINDS = frozenset({"country", "state", "subdivision"})
_COMPASS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West"}
# a dateline in the story's first lines: a town in capitals, maybe its region or country, and the date
# ("PEMBERTON, British Columbia 1996-08-24", "MONTPELIER, Vt.\n1996-08-27", "TOKYO, April 12")
_CAPS_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?"
                            r"[ ,\n]+(?:\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)",
                            re.M)
# a cricket scorecard: the dismissal letters before a fielder's or bowler's name, and bowling figures after a name
_DISMISSALS = frozenset({"b", "c", "st"})
_BOWLING = re.compile(r" \d{1,3}(?:\.\d)?-\d{1,3}-\d{1,3}-\d{1,2}\b")


def _fixtures(text: str) -> list[re.Match]:
    """``_FIXTURE.finditer(text)``, searched only in the lines that hold " v " (a fixture lies within one line)."""
    out: list[re.Match] = []
    p = text.find(" v ")
    while p != -1:
        start = text.rfind("\n", 0, p) + 1
        end = text.find("\n", p)
        if end == -1:
            end = len(text)
        out.extend(_FIXTURE.finditer(text, start, end))
        p = text.find(" v ", end)
    return out


class PlacesComponent:
    """Tag gazetteer places as PLACE, longest match first.

    A city or subdivision name glued to other capitalised words ("Washington Post", "Jesse Jackson") is part of
    a bigger name and is skipped, and so are later bare uses of a name first seen as a surname. Upper-case lines
    (headlines, datelines) are exempt from that check.
    """

    def __init__(self, nlp: Language, name: str, settings: str, extra: str, stop: str) -> None:
        register_extensions()
        self.name = name
        self.gazetteer = place_gazetteer(settings, extra, stop)
        cfg = load_json(settings)
        self.facility_heads = frozenset(cfg["facility_heads"])
        self.after_titles = frozenset(cfg["titles_after_place"])
        self.stop_cues = frozenset(cfg["stopped_name_cues"])
        self.stop_of_heads = frozenset(cfg.get("stopped_name_of_heads", ()))
        self.town_population = int(cfg["small_town_min_population"])
        self.first_names = first_names()
        self.titles = frozenset(t for t in titles() if t[:1].isupper())
        self.strong = frozenset(cfg["strong_kinds"])
        self.event_heads = frozenset(cfg["event_heads"])
        self.event_heads_upper = frozenset(w.upper() for w in self.event_heads)
        sports = cfg["sports"]
        # (the sport's word in any case: "SOCCER - ...", "Soccer - ...")
        self.sport_slug = re.compile(r"^\s*(?i:%s)\b[A-Z /&-]* - " % "|".join(
            re.escape(w) for w in sorted(sports["slug_words"], key=len, reverse=True)))
        self.club_kinds = frozenset(sports["club_kinds"])
        self.locative = frozenset(sports["locative_words"])
        self.not_nicknames = frozenset(sports["not_nicknames"])
        # peoples in the plural ("the Arabs", "the Serbs"): the organisation rules' nationality words plus "s"
        self.demonyms = frozenset(load_json("orgs.json").get("demonyms", ()))
        self.club_name_words = frozenset(sports.get("club_name_words", ()))
        nouns = cfg.get("area_of_nouns", {})
        self.area_kind = {w: kind for kind, words in nouns.items() for w in words}
        self.area_singular = frozenset(self.area_kind)   # ("islands" is listed: one place's name)
        # (a plural noun names two places: "the towns of Rousse and Veliko Tarnovo")
        self.area_kind.update({w + "s": kind for w, kind in list(self.area_kind.items()) if not w.endswith("s")})
        name_re = r"[A-Z][^\W\d_]+(?:-[^\W\d_]+)*(?: [A-Z][^\W\d_]+(?:-[^\W\d_]+)*){0,2}"
        self.area_of = re.compile(r"\b(%s) of (%s)(?![\w'-])(?: and (%s)(?![\w'-]))?" % (
            "|".join(sorted(self.area_kind, key=len, reverse=True)), name_re, name_re)) if self.area_kind else None
        self.individual_slug = re.compile(r"^\s*(?i:%s)\b[A-Z /&-]* - " % "|".join(
            re.escape(w) for w in sorted(sports.get("individual_slug_words", ()), key=len, reverse=True)))

    def load_lazy_data(self) -> None:
        """Read now what is otherwise read on first need (the town list): ``--jobs`` calls it before forking."""
        small_towns(self.town_population)
        region_codes()

    def __call__(self, doc: Doc) -> Doc:
        v = token_view(doc)
        words, ws, text = v.text, v.ws, v.doc_text
        n = len(words)
        spans = []
        surnames: set[str] = set()
        people: set[str] = set()  # surnames after a first name or title: "Michael Jordan", "Mr Reading"
        sports = bool(self.sport_slug.match(text[:200]))
        store = span_store(doc, ("canonical", "kind"))   # span._.canonical/kind without an Underscore per span
        matches = self._matches(doc, v)
        # towns are clubs in a story of a team sport, not of a sport of single competitors ("TENNIS - ...")
        clubs = sports and not self.individual_slug.match(text[:200])
        if sports:
            # a town right after an initial is a surname ("M. Walker"), and so are its bare uses before and after
            # and so is one in a cricket scorecard's notation: "c Croft b Cork", "Cork 14.3-4-45-1"
            surnames.update(words[s] for s, e, p in matches if p.kind in self.club_kinds and (
                self._after_initial(v, s) or self._scorecard_player(v, s, e)))
        for start, end, place in matches:
            if clubs and place.kind in self.club_kinds and self._club(v, start, end):
                # a town right after a capitalised word is a surname ("Todd Martin"), and so is its later bare use
                if words[start] in surnames:
                    continue
                if self._first_name_before_surname(v, start, end):
                    continue  # "David Millns": a person, neither club nor place
                if start > 0 and ws[start - 1] == " " and words[start - 1][:1].isupper() and words[start - 1].isalpha() \
                        and v.lower[start - 1] not in STOP_WORDS and not words[start].isupper():
                    surnames.add(words[start])
                    continue
                spans.append(Span(doc, *self._club_name(v, start, end), label="ORG"))
                continue
            if start > 0 and words[start - 1] in _COMPASS and ws[start - 1] == " ":
                # a compass point's initial before a country or state: "S. Korea", "W. Va." (when the gazetteer holds
                # the whole name: "South Korea", "West Virginia")
                point = _COMPASS[words[start - 1]] + " "
                whole = self._place(point + text[v.idx[start]:v.idx[end - 1] + len(words[end - 1])]) \
                    or self._place(point + place.canonical)
                if whole is not None:
                    start -= 1
                    place = whole
            if self._in_title(v, end):
                continue  # "U.S. Open", "Gulf War", "Korea-Japan Trade Agreement": an event's or a document's name
            name = text[v.idx[start]:v.idx[end - 1] + len(words[end - 1])]
            if not name.isupper() and (name in people or self._person(v, start)):
                people.add(name)
                continue
            if place.kind not in self.strong:
                if not name.isupper() and (name in surnames or self._glued(v, start, end, name, surnames)):
                    continue
            if end < n and words[end] in self.facility_heads and ws[end - 1] == " ":
                end += 1  # "Brisbane Airport": a named facility that is a place
                place = Place(text[v.idx[start]:v.idx[end - 1] + len(words[end - 1])], "facility")
            span = Span(doc, start, end, label="PLACE")
            if store is not None:
                a, b = span.start_char, span.end_char
                store[("._.", "canonical", a, b)] = place.canonical
                store[("._.", "kind", a, b)] = place.kind
            else:
                ext = span._
                ext.canonical = place.canonical
                ext.kind = place.kind
            spans.append(span)
        if sports:
            spans.extend(self._table_clubs(doc, v))
        if self.area_of is not None and " of " in text:
            spans.extend(self._area_names(doc, v, spans, store))
        m = _CAPS_DATELINE.search(text, 0, 400)
        if m is not None:
            span = self._dateline_place(doc, v, m, spans, store)
            if span is not None:
                spans.append(span)
        add_entities(doc, spans)
        return doc

    def _dateline_place(self, doc: Doc, v: TokenView, m: "re.Match", spans: list[Span], store) -> "Span | None":
        """The town in capitals that opens a story's dateline ("PEMBERTON, British Columbia 1996-08-24", "LOME
        1996-08-25"), where the gazetteer lacks it or stop-lists it: the dateline's structure says place."""
        span = doc.char_span(m.start(1), m.end(1))
        if span is None or any(s.start < span.end and span.start < s.end for s in spans) \
                or any(e.start < span.end and span.start < e.end for e in doc.ents):
            return None
        name = m.group(1).title()
        out = Span(doc, span.start, span.end, label="PLACE")
        if store is not None:
            store[("._.", "canonical", out.start_char, out.end_char)] = name
            store[("._.", "kind", out.start_char, out.end_char)] = "city"
        else:
            out._.canonical = name
            out._.kind = "city"
        return out

    def _area_names(self, doc: Doc, v: TokenView, spans: list[Span], store) -> list[Span]:
        """Names the gazetteer lacks after a lower-case place noun and "of" ("the mining town of Moengo"), and
        their other mentions in the document (not where a found entity or a capitalised neighbour claims them)."""
        text = v.doc_text
        names: dict[str, str] = {}
        for m in self.area_of.finditer(text):
            noun = m.group(1)
            for name in (m.group(2), m.group(3) if noun.endswith("s") and noun not in self.area_singular else None):
                if name is None or name.isupper() or name.split(" ", 1)[0].lower() in STOP_WORDS \
                        or name in self.first_names:
                    continue
                names.setdefault(name, self.area_kind[noun])
        if not names:
            return []
        covered = {i for s in spans for i in range(s.start, s.end)}
        covered.update(i for e in doc.ents for i in range(e.start, e.end))
        out = []
        for name, kind in names.items():
            for m in re.finditer(r"(?<![\w'-])%s(?![\w-])" % re.escape(name), text):
                span = doc.char_span(m.start(), m.end())
                if span is None or any(i in covered for i in range(span.start, span.end)):
                    continue
                b, e = span.start, span.end
                if b > 0 and v.ws[b - 1] == " " and v.text[b - 1][:1].isupper() and v.lower[b - 1] not in STOP_WORDS \
                        and v.lower[b - 1] not in self.stop_cues:
                    continue  # glued to a capitalised word before it: part of another name
                if e < len(v.text) and v.ws[e - 1] == " " and v.text[e][:1].isupper() \
                        and v.lower[e] not in STOP_WORDS:
                    continue
                covered.update(range(b, e))
                span = Span(doc, b, e, label="PLACE")
                if store is not None:
                    store[("._.", "canonical", span.start_char, span.end_char)] = name
                    store[("._.", "kind", span.start_char, span.end_char)] = kind
                else:
                    span._.canonical = name
                    span._.kind = kind
                out.append(span)
        return out

    def _matches(self, doc: Doc, v: TokenView) -> list[tuple[int, int, Place]]:
        """Gazetteer places, and stop-listed names where the context says place: after "in", "at", "near"...
        or before ", <country or state>" ("in Mobile", "Nice, France"), not glued to another capitalised word."""
        found = self._towns(doc, v, list(self.gazetteer.find(doc, words=v.text, idx=v.idx, text=v.doc_text)))
        if not any(p.weak for _, _, p in found):
            return found
        words, n = v.text, len(v.text)
        out = []
        for s, e, place in found:
            if place.weak:
                if e >= n or (words[e][:1].isupper() and v.ws[s]):
                    continue
                after = e + 1 < n and words[e] == "," and self._strong_at(doc, v, e + 1)
                before = s > 0 and v.lower[s - 1] in self.stop_cues and words[s - 1].islower() \
                    or s > 1 and words[s - 1] == "of" and v.lower[s - 2] in self.stop_of_heads
                based = e + 1 < n and words[e] == "-" and v.lower[e + 1] == "based" and not v.ws[e - 1]
                if not (after or before or based):
                    continue
                place = place._replace(weak=False)
            out.append((s, e, place))
        return out

    def _towns(self, doc: Doc, v: TokenView, found: list) -> list:
        """Small towns right before ", <their country or US state>": "Davos, Switzerland", "COLLEGE PARK, Md."."""
        words = v.text
        commas = [s - 1 for s, _, p in found if s > 1 and words[s - 1] == "," and words[s - 2][:1].isupper()
                  and p.kind in _REGION_KINDS and not p.weak]
        if not commas:
            return found
        by_start = {s: p for s, _, p in found}
        commas = [k for k in commas if k - 1 not in by_start]
        taken = {i for s, e, _ in found for i in range(s, e)}
        extra = []
        for k in commas:
            region = region_codes().get(by_start[k + 1].canonical)
            if region is None:
                continue
            for b in range(max(0, k - 3), k):
                if any(i in taken for i in range(b, k)) or "\n" in "".join(v.ws[b:k - 1]):
                    continue
                name = v.doc_text[v.idx[b]:v.idx[k - 1] + len(words[k - 1])]
                if name.isupper():
                    name = name.title()
                codes = small_towns(self.town_population).get(name)
                if codes and any(c == region[0] and (not region[1] or a == region[1]) for c, a in codes) \
                        and (b == 0 or not (words[b - 1][:1].isupper() and v.ws[b - 1] == " "
                                            and v.lower[b - 1] not in STOP_WORDS)):
                    extra.append((b, k, Place(name, "city")))
                    break
        return sorted(found + extra, key=lambda m: m[0]) if extra else found

    def _place(self, name: str) -> "Place | None":
        """The gazetteer's place of ``name``, not counting stop-listed names."""
        place = self.gazetteer.get(name)
        return None if place is None or place.weak else place

    def _strong_at(self, doc: Doc, v: TokenView, i: int) -> bool:
        hit = next(iter(self.gazetteer.find(doc, i, min(len(v.text), i + 4), words=v.text, idx=v.idx,
                                             text=v.doc_text)), None)
        return hit is not None and hit[0] == i and hit[2].kind in _REGION_KINDS and not hit[2].weak

    def _in_title(self, v: TokenView, end: int) -> bool:
        """True when the capitalised words right after a place end in an event or document head: "U.S. Open",
        "Korea-Singapore Digital Partnership Agreement"."""
        n = len(v.text)
        k = end
        while k < n and k - end < 6 and v.ws[k - 1] in ("", " ") and "\n" not in v.text[k] \
                and (v.text[k] == "-" or (v.text[k][:1].isupper() and v.text[k][0].isalpha())):
            if v.text[k] in self.event_heads or v.text[k] in self.event_heads_upper:
                return v.ws[end - 1] == " " or v.text[end] == "-"
            if v.text[end - 1].isupper() and len(v.text[end - 1]) > 3:
                break  # a headline in capitals: only the next word ("FRENCH OPEN")
            k += 1
        return False

    def _person(self, v: TokenView, start: int) -> bool:
        """A place name right after a first name or a title (or after one and a middle initial) is a surname:
        "Michael Jordan", "Mr Reading", "Scott C. Dayton"."""
        if start == 0 or v.ws[start - 1] != " ":
            return False
        prev = v.text[start - 1]
        if start > 1 and self._after_initial(v, start) and v.ws[start - 2] == " ":
            prev = v.text[start - 2]  # over a middle initial: "Scott C. Dayton", "Franklin D. Roosevelt"
        return prev in self.titles or (prev in self.first_names and self._place(prev) is None)

    def _table_clubs(self, doc: Doc, v: TokenView) -> list[Span]:
        """Teams in the result lines, league tables and fixtures of a sports story (national teams stay places)."""
        text = v.doc_text
        out = []
        ranges = []
        for m in _SCORE_LINE.finditer(text):
            ranges += [m.span(1), m.span(3)]
        for m in _TABLE_LINE.finditer(text):
            if min(float(x) for x in m.group(2).split()) <= 20:  # not a golfer's round scores
                ranges.append(m.span(1))
        if " v " in text:
            for m in _fixtures(text):
                ranges += [m.span(1), m.span(2)]
        for m in _TEAM_RESULT.finditer(text):
            ranges.append(m.span(1))
        # team nicknames: "the Yankees", "the All Blacks"
        for m in _NICKNAME.finditer(text):
            name = m.group(1)
            last = name.rsplit(" ", 1)[-1]
            # not an event ("the Atlanta Games"), a people ("the Mexicans") or a place ("the Netherlands")
            if last not in self.not_nicknames and not last.endswith("ans") and last[:-1] not in self.demonyms \
                    and self._place(name) is None \
                    and self._place(name.split(" ", 1)[0]) is None:
                ranges.append(m.span(1))
        for a, b in ranges:
            if text[b - 1] == "." and text[b - 2].islower():  # a sentence stop, not "St."
                b -= 1
            place = self._place(text[a:b])
            if place is not None and place.kind in self.strong:
                continue
            span = doc.char_span(a, b, label="ORG", alignment_mode="expand")
            if span is not None:
                out.append(span)
        return out

    @staticmethod
    def _scorecard_player(v: TokenView, start: int, end: int) -> bool:
        """True for a name in a cricket scorecard's notation: after "b", "c" or "st" (bowled, caught, stumped by:
        "c Croft b Cork") or before bowling figures (overs-maidens-runs-wickets: "Cork 14.3-4-45-1")."""
        if start > 0 and v.text[start - 1] in _DISMISSALS and v.ws[start - 1] == " ":
            return True
        a = v.idx[end - 1] + len(v.text[end - 1])
        return _BOWLING.match(v.doc_text, a) is not None

    @staticmethod
    def _after_initial(v: TokenView, start: int) -> bool:
        """True after a person's initial: one capital letter and a stop, then a space ("M. Walker")."""
        if start == 0 or v.ws[start - 1] != " ":
            return False
        prev = v.text[start - 1]
        return len(prev) == 2 and prev[1] == "." and prev[0].isupper() and prev[0].isascii()

    def _first_name_before_surname(self, v: TokenView, start: int, end: int) -> bool:
        """True for a one-word town that is also a first name, right before (one space) a capitalised word that is no
        place, no club-name word and no function word, or before a middle initial: "David Millns", "Wayne Ferreira",
        "David J. Russell" (not "Aston Villa")."""
        if end != start + 1 or end >= len(v.text) or v.ws[start] != " ":
            return False
        first, nxt = v.text[start], v.text[end]
        if first not in self.first_names or first.isupper():
            return False
        if end + 1 < len(v.text) and self._after_initial(v, end + 1):
            return True  # a middle initial: "David J. Russell"
        return nxt[:1].isupper() and nxt.isalpha() and not nxt.isupper() and nxt not in self.club_name_words \
            and v.lower[end] not in STOP_WORDS and self._place(nxt) is None

    def _club(self, v: TokenView, start: int, end: int) -> bool:
        """In a sports story a town or state name is a team ("Leeds 2 Chelsea 1", "beat Parma"), unless a
        locative word governs it ("in Vienna", "at Lord's") or it opens a dateline ("LONDON 1996-08-30")."""
        if start > 0 and v.lower[start - 1] in self.locative:
            return False
        # a dateline: the line starts with places and reaches a date within a few words
        # ("LONDON 1996-08-30", "AKRON, Ohio 1996-08-22", "TOKYO, April 12 --")
        begin = v.idx[start]
        line = v.doc_text.rfind("\n", 0, begin) + 1
        if begin - line < 30:
            m = _DATELINE.match(v.doc_text, line)
            if m and m.start(1) >= v.idx[end - 1] + len(v.text[end - 1]):
                return False
        return True

    @staticmethod
    def _club_name(v: TokenView, start: int, end: int) -> tuple[int, int]:
        """The whole club name after the town: "Seattle Mariners", "Paris St Germain"."""
        if v.text[start].isupper():
            return start, end
        n = len(v.text)
        while end < n and v.ws[end - 1] == " " and _CLUB_WORD.match(v.text[end]) and v.lower[end] not in STOP_WORDS:
            end += 1
        return start, end

    def _glued(self, v: TokenView, start: int, end: int, name: str, surnames: set[str]) -> bool:
        """True when a capitalised non-function word touches the name on either side."""
        # joined by a hyphen to a capitalised word that is no place itself: "Kent-Moore", "Thomson-CSF"
        if start > 1 and v.text[start - 1] == "-" and not v.ws[start - 2] and not v.ws[start - 1] \
                and v.text[start - 2][:1].isupper() and self._place(v.text[start - 2]) is None:
            return True
        if end + 1 < len(v.text) and v.text[end] == "-" and not v.ws[end - 1] and not v.ws[end] \
                and v.text[end + 1][:1].isupper() and self._place(v.text[end + 1]) is None:
            return True
        if start > 0:
            prev = v.text[start - 1]
            if prev[:1].isupper() and not prev.isupper() and v.lower[start - 1] not in STOP_WORDS \
                    and v.lower[start - 1] not in self.stop_cues and v.ws[start - 1] and prev[-1] != ".":
                # (a capitalised locative opens a sentence, it glues nothing: "Near Sinjar, ...")
                surnames.add(name)
                return True
        if end < len(v.text):
            nxt = v.text[end]
            if nxt.istitle() and v.lower[end] not in STOP_WORDS and v.ws[end - 1] and nxt not in self.after_titles \
                    and nxt not in self.facility_heads:
                return True
        return False
