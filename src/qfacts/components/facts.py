"""``qfacts_facts``: agreement facts (type, parties, date, status, sentence) from the entities of a document."""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resources import load_json
from .common import TokenView, register_extensions, token_view

PARTY_LABELS = ("ORG", "PLACE")
_YEARISH = re.compile(r"^\d{4}")
_NUMBER = re.compile(r"^[$\u20ac\u00a3\u00a5]?[\d.,]+[kmb]?$")


def _phrases(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(w.lower().split()) for w in words]


class FactsComponent:
    """Build agreement facts sentence by sentence.

    For each AGREEMENT mention that names an agreement (specific words, or general cooperation words beside a
    signing verb, and not denied or hedged), the parties are: the named organisations and places introduced by
    "with", "between", "among", "by" (each "with" opens a separate partner: "with X ... but also with Y" gives
    two facts), or by "in/of/to/from/into/for" right after the agreement word ("investment in X"); plus the
    subject side, the names before the agreement word that are not locations, modifiers ("US-based") or sources
    ("according to X"). A subject given only as "it", "the city" or "the company" is the document's most-named
    place or organisation. An anaphoric mention ("the agreement") adds its date to the earlier fact it refers to.
    The fact's date is the nearest dated DATE in the sentence. Facts with the same type and parties are merged.
    Results go to ``doc._.agreements`` as dicts with character offsets.
    """

    def __init__(self, nlp: Language, name: str, cues: str, types: str, include_negated: bool = False) -> None:
        register_extensions()
        self.name = name
        self.include_negated = include_negated
        taxonomy = load_json(types)
        self.cameo = {t: row.get("cameo") for t, row in taxonomy["types"].items()}
        self.status_cameo = dict(taxonomy.get("status_cameo", {}))
        cfg = load_json(cues)
        self.strong_negation = _phrases(cfg["negation_cues"])
        self.negated_status = {k: _phrases(v) for k, v in cfg["negated_status"].items()}
        self.hedges = _phrases(cfg["hedge_cues"])
        self.ownership_types = frozenset(cfg["ownership_hedges"]["types"])
        self.ownership_hedges = _phrases(cfg["ownership_hedges"]["cues"])
        purpose = cfg["purpose"]
        self.purpose_window = int(purpose["window"])
        self.purpose_instruments = frozenset(purpose["instruments"])
        self.purpose_general = frozenset(purpose["general"])
        self.purpose_verbs = sorted(((tuple(k.split()), t) for k, t in purpose["verbs"].items()),
                                    key=lambda kv: -len(kv[0]))
        self.founding_verbs = _phrases(purpose["founding_verbs"])
        self.founding_nouns = frozenset(purpose["founding_nouns"])
        self.founding_type = purpose["founding_type"]
        self.business_nouns = frozenset(purpose["business_nouns"])
        self.business_type = purpose["business_type"]
        self.signing = _phrases(cfg["signing_cues"])
        self.status = {k: _phrases(v) for k, v in cfg["status_cues"].items()}
        self.status_index: dict[str, list[tuple[int, int, str, tuple[str, ...]]]] = {}
        for rank, (status, phrases) in enumerate(self.status.items()):
            for p in phrases:
                self.status_index.setdefault(p[0], []).append((len(p), rank, status, p))
        self.split_preps = frozenset(cfg["split_prepositions"])
        self.anywhere_preps = frozenset(cfg["anywhere_prepositions"])
        self.adjacent_preps = frozenset(cfg["party_prepositions"])
        self.locatives = frozenset(cfg["locatives"])
        self.amount_words = frozenset(cfg["amount_words"])
        self.subject_phrases = sorted(((tuple(k.split()), lab) for k, lab in cfg["subject_words"].items()),
                                      key=lambda kv: -len(kv[0]))
        self.plural_index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, label in self.subject_phrases:  # longest first
            if label == "PAIR" and len(phrase) > 1:
                self.plural_index.setdefault(phrase[0], []).append((phrase, label))
        self.modifier_suffixes = tuple(cfg["modifier_suffixes"])
        self.object_preps = frozenset(cfg["object_prepositions"])
        self.coordinators = frozenset(cfg["coordinators"])
        self.gap_stops = frozenset(cfg["gap_stops"])
        self.non_party_verbs = frozenset(cfg["non_party_verbs"])
        self.state_types = frozenset(cfg["between_states"]["types"])
        self.state_type = cfg["between_states"]["becomes"]
        self.source_words = frozenset(cfg["source_words"])
        self.relative_pronouns = frozenset(cfg["relative_clause"]["pronouns"])
        self.relative_auxiliaries = frozenset(cfg["relative_clause"]["auxiliaries"])
        self.apposition_starts = frozenset(cfg["apposition_starts"])
        self.object_types = {t: frozenset(v) for t, v in cfg["object_after_trigger"]["types"].items()}
        self.object_stop_nouns = frozenset(cfg["object_after_trigger"]["not_before"])
        self.object_openers = frozenset(cfg["object_after_trigger"]["openers"])
        self.object_groups = frozenset(cfg["object_after_trigger"]["group_heads"])
        self.object_direct = frozenset(cfg["object_after_trigger"].get("direct_types", ()))
        self.clause_preps = {t: frozenset(v) for t, v in cfg["clause_partner_prepositions"].items()}
        self.pair_labels = {k: v for k, v in cfg["pair_words"].items()}
        self.representatives = frozenset(cfg["representatives"])
        self.party_list_cues = _phrases(cfg["party_list_cues"])
        self.of_heads = frozenset(cfg["of_heads"])
        self.member_openers = frozenset(cfg["member_openers"])
        self.unit_nouns = frozenset(cfg["unit_nouns"])
        self.unnamed_cues = frozenset(cfg["unnamed_partner_cues"])
        self.target_date_words = frozenset(cfg["target_date_words"])
        self.place_nouns = frozenset(cfg["place_nouns"])
        self.part_of_cues = _phrases(cfg["part_of_cues"])
        self.absorbed = {k: frozenset(v) for k, v in cfg["absorbed_by"].items()}
        self.seller_preps = {k: frozenset(v) for k, v in cfg["separate_sellers"].items()}
        self.number_words = dict(cfg["number_words"])
        self.reporting_verbs = frozenset(cfg["reporting_verbs"])
        self.clause_breaks = _phrases(cfg["clause_breaks"])
        self.break_index: dict[str, list[tuple[str, ...]]] = {}
        for p in self.clause_breaks:
            self.break_index.setdefault(p[0], []).append(p)
        self.break_width = max(len(p) for p in self.clause_breaks)
        self.noun_preps = frozenset(cfg["noun_prepositions"])
        self.person_titles = _phrases(cfg["person_titles"])

    # ------------------------------------------------------------------ sentence helpers
    @staticmethod
    def _sentences(doc: Doc, v: TokenView) -> list[tuple[int, int]]:
        """Sentence bounds: a parser's or senter's where present, else punctuation and line breaks."""
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

    @staticmethod
    def _has(tokens: list[str], phrases: list[tuple[str, ...]]) -> bool:
        for p in phrases:
            n = len(p)
            if n == 1:
                if p[0] in tokens:
                    return True
            else:
                for i in range(len(tokens) - n + 1):
                    if tuple(tokens[i:i + n]) == p:
                        return True
        return False

    def _is_modifier(self, v: TokenView, ent: Span, dateline: int) -> bool:
        """ "US-based", "in Tokyo" (a location, not a side), "according to X" (a source), or a place in the
        dateline, which ends before token ``dateline``."""
        e = ent.end
        low = v.lower
        if e + 1 < len(low) and low[e] == "-" and ("-" + low[e + 1]) in self.modifier_suffixes:
            return True
        if ent.label_ == "PLACE" and ent.start > 0 and low[ent.start - 1] in self.locatives:
            return True
        # a dateline: "TOKYO, April 12 --", "REDMOND, Washington, April 16 --"
        if ent.start < dateline:
            return True
        if ent.start > 1 and low[ent.start - 2] == "according" and low[ent.start - 1] == "to":
            return True
        if ent.start > 0 and low[ent.start - 1] in self.source_words:
            return True  # "told Reuters": a source, not a side
        if ent.label_ == "PLACE" and e < len(low) and low[e] in self.place_nouns:
            return True  # "its San Francisco headquarters": where something is
        if ent.start > 2 and low[ent.start - 3] == "according" and low[ent.start - 1] == "the":
            return True
        return False

    @staticmethod
    def _dateline_end(v: TokenView) -> int:
        """Token index just past a dateline ("CITY, Month Day --" within the first dozen tokens), else 0."""
        for i, w in enumerate(v.text[:14]):
            if w in ("--", "\u2014", "\u2013") or (w == "-" and v.ws[i] and i and v.ws[i - 1]):
                return i + 1 if "," in v.text[:i] and v.text[0][:1].isupper() else 0
            if "\n" in v.ws[i] or w.isspace():
                break
        return 0

    @staticmethod
    def _is_headline(v: TokenView, s: int, e: int) -> bool:
        """A title line: a whole line near the top without sentence-final punctuation, followed by more text."""
        words = [w for w in v.text[s:e] if not w.isspace()]
        if not words or len(words) > 20 or e >= len(v.text):
            return False
        line_ends = "\n" in v.ws[e - 1] or v.text[e - 1].isspace() or v.text[e].isspace()
        starts_line = s == 0 or "\n" in v.ws[s - 1] or "\n" in v.text[s - 1]
        return line_ends and starts_line and words[-1] not in (".", "!", "?", "\"", "\u201d", ")", ":")

    @staticmethod
    def _possessive(v: TokenView, ent: Span) -> bool:
        return ent.end < len(v.lower) and v.lower[ent.end] in ("'s", "\u2019s", "'")

    # ------------------------------------------------------------------ parties
    def _groups(self, v: TokenView, labels: list, s: int, e: int, ents: list[Span],
                triggers: list[Span], dateline: int, previous: list[dict]) -> tuple[list[list[Span]], set[int], dict[int, int]]:
        """Partner groups opened by prepositions; returns the groups, the entity starts they used and, for a
        group opened by a noun preposition right after an agreement noun ("a partnership between X and Y"),
        the start of that noun, which alone takes the group."""
        by_start = {ent.start: ent for ent in ents}
        trigger_ends = {t.end for t in triggers}
        low = v.lower
        groups: list[list[Span]] = []
        owned: dict[int, int] = {}  # group index -> start of the agreement noun it belongs to ("partnership between")
        used: set[int] = set()
        i = s
        clause_preps = self._clause_prepositions(low, labels, e, triggers)
        trigger_at_end = {t.end: t.start for t in triggers}
        endorsed_by = False
        while i < e:
            word = low[i]
            clause_prep = clause_preps.get(i)
            adjacent = (word in self.adjacent_preps and self._right_after(low, i, trigger_ends)) \
                or clause_prep is not None and word in clause_prep[0]
            if word == "by" and i > s and (low[i - 1] in self.non_party_verbs
                                            or low[i - 1] == "and" and endorsed_by):
                endorsed_by = True
                i += 1  # "endorsed by X (and by Y)": X stands behind the agreement, it is no side of it
                continue
            if word in self.anywhere_preps or adjacent:
                group: list[Span] = []
                j = i + 1
                skipped = 0
                crossed_comma = False
                while j < e and skipped < 12:
                    ent = by_start.get(j)
                    plural = self._plural_reference(low, j, e, previous) if ent is None else None
                    if plural is not None:  # "with the three universities plus X": the sides named before
                        group.extend(plural[1])
                        j = plural[0]
                    if ent is not None:
                        if self._is_modifier(v, ent, dateline) or (self._possessive(v, ent) and word != "by") \
                                or self._describes_next(v, ent, by_start):
                            j = ent.end
                            skipped += 1
                            continue
                        if crossed_comma and not self._ends_phrase(low, ent.end, e):
                            break  # "familiar with the matter, X reached ...": X opens the next clause
                        group.append(ent)
                        used.add(ent.start)
                        j = ent.end
                    if ent is not None or plural is not None:
                        # coordination: ", X", "and X", "and the X"
                        while j < e:
                            k = j
                            while k < e:
                                if low[k] in self.coordinators or low[k].isspace():
                                    k += 1
                                elif low[k] == "<" and ">" in low[k + 1:k + 4] and k + 1 not in by_start:
                                    k = low.index(">", k + 1) + 1  # a ticker: "X <BA> and <Y>"
                                elif low[k] == "<" and k + 1 in by_start or low[k] == ">" and k == j:
                                    k += 1  # "<X Bank>, and <Y>": wire markup around names
                                elif low[k] == "(" and k + 1 in by_start and by_start[k + 1].label_ == "PLACE" \
                                        and by_start[k + 1].end < e and low[by_start[k + 1].end] == ")":
                                    k = by_start[k + 1].end + 1  # "X (London), Y (Hong Kong) and Z": where each is
                                else:
                                    break
                            nxt = by_start.get(k)
                            if nxt is not None and nxt.label_ == "PLACE" and group[-1].label_ == "ORG" \
                                    and all(w == "," or w.isspace() for w in low[j:k]):
                                break  # "with Kelvo Corp, Tokyo, Japan": where the company is
                            if k > j and nxt is not None and not self._is_modifier(v, nxt, dateline):
                                group.append(nxt)
                                used.add(nxt.start)
                                j = nxt.end
                            else:
                                break
                        break
                    # "between the state of X and Y" (but "in the port city of X" is a location)
                    of_head = low[j] == "of" and low[j - 1] in self.of_heads and word not in self.locatives
                    if (low[j] in self.anywhere_preps or low[j] in self.object_preps) and not of_head \
                            and low[j] not in self.member_openers \
                            or low[j] in (".", ";", "\u2014", "\u2013") or labels[j] == "AGREEMENT":
                        break
                    crossed_comma = crossed_comma or low[j] == ","
                    j += 1
                    skipped += 0 if low[j - 1].isspace() else 1
                if group and clause_prep is not None and word in self.seller_preps.get(clause_prep[1], ()):
                    groups.extend([p] for p in group)  # "an order from X and Y": a deal with each
                elif group:
                    owner = trigger_at_end.get(i) if word in self.noun_preps else None
                    if groups and word not in self.split_preps and owner is None:
                        groups[-1].extend(group)
                    else:
                        groups.append(group)
                        if owner is not None:
                            owned[len(groups) - 1] = owner
                i = max(i + 1, j)
                continue
            i += 1
        return groups, used, owned

    @staticmethod
    def _held_by_earlier(low: list[str], group: list[Span], trig: Span, triggers: list[Span]) -> bool:
        """A partner group right after an earlier agreement word, set off by a comma from this later one, is the
        earlier one's alone ("agreed to set up a company with X to mine ore, a joint communique said")."""
        if group[-1].end > trig.start or "," not in low[group[-1].end:trig.start]:
            return False
        return any(t is not trig and t.end <= group[0].start and group[0].start - t.end <= 3 for t in triggers)

    def _plural_reference(self, low: list[str], j: int, e: int, previous: list[dict]) -> Optional[tuple[int, list[Span]]]:
        """A plural reference ("the three universities") starting at token j: where it ends and the sides of
        the latest fact it stands for."""
        for phrase, label in self.plural_index.get(low[j], ()):
            n = len(phrase)
            if j + n <= e and tuple(low[j:j + n]) == phrase:
                spans = self._pair(previous, self.pair_labels.get(" ".join(phrase)), self._count(phrase))
                return (j + n, spans) if spans else None
        return None

    def _count(self, phrase: tuple[str, ...]) -> Optional[int]:
        """How many sides a plural reference counts ("the two countries": 2)."""
        return next((self.number_words[w] for w in phrase if w in self.number_words), None)

    def _describes_next(self, v: TokenView, ent: Span, by_start: dict[int, Span]) -> bool:
        """A place used as a modifier of the next name: "U.S. regional carrier Air Atlanta Inc"."""
        if ent.label_ != "PLACE":
            return False
        k, words = ent.end, 0
        while k < len(v.text) and words <= 3:
            w = v.text[k]
            if w.isspace():
                k += 1
                continue
            nxt = by_start.get(k)
            if nxt is not None:
                return words > 0 and nxt.label_ == "ORG"
            if not (w.isalpha() and w.islower()) or w in self.coordinators or w in self.object_preps \
                    or w in ("or", "a", "an", "the"):
                return False
            words += 1
            k += 1
        return False

    @staticmethod
    def _ends_phrase(low: list[str], end: int, e: int) -> bool:
        """Whether a name ends its phrase: punctuation, a coordinator or the sentence end follows it."""
        k = end
        while k < e and low[k].isspace():
            k += 1
        return k >= e or low[k] in (",", ".", ";", ":", "and", "&", ")", "(", "<", "-", "--", "\u2014", "\u2013", "'s", "\u2019s")

    def _clause_prepositions(self, low: list[str], labels: list, e: int,
                             triggers: list[Span]) -> dict[int, tuple[frozenset, str]]:
        """Prepositions that bring in a partner a few words after an agreement verb of a given type
        ("agreed to license its adhesives to X", "invest about A$940 million in X")."""
        out: dict[int, tuple[frozenset, str]] = {}
        for trig in triggers:
            preps = self.clause_preps.get(trig._.value)
            if not preps:
                continue
            for k in range(trig.end, min(e, trig.end + 10)):
                if low[k] in (".", ";", ",", "\u2014", "--") or labels[k] == "AGREEMENT":
                    break
                if low[k] in preps:
                    out[k] = (preps, trig._.value)  # every one in reach: "purchase from X of the business of Y"
        return out

    def _direct_object(self, v: TokenView, labels: list, trig: Span, e: int, by_start: dict[int, Span],
                       dateline: int) -> Optional[Span]:
        """The named object of an agreement verb that takes one ("joined the Core Programme of imec",
        "join the consortium Eureka"); none when a word such as "board" follows it ("join the X board")."""
        crossing = self.object_types.get(trig._.value)
        direct = trig._.value in self.object_direct
        if (crossing is not None or direct) and trig._.kind == "specific" and trig.end < e:
            right = by_start.get(trig.end + (1 if v.lower[trig.end].isspace() else 0))
            if right is not None and right.label_ == "ORG" and (direct or right[-1].text in self.object_groups):
                return right  # "formed Kelvo Forum", "joined Marden Consortium", "to acquire Orrin Ltd"
        if crossing is None or trig._.kind != "specific" or trig.end >= e \
                or v.lower[trig.end] not in self.object_openers and not _NUMBER.match(v.lower[trig.end]):
            return None  # "joined the X Consortium", "an order for 12 X airliners"
        low = v.lower
        for j in range(trig.end, min(e, trig.end + 8)):
            ent = by_start.get(j)
            if ent is not None:
                if self._is_modifier(v, ent, dateline):
                    return None
                nxt = next((w for w in low[ent.end:ent.end + 2] if not w.isspace()), "")
                return None if nxt in self.object_stop_nouns else ent
            w = low[j]
            if (w in self.object_preps and w not in crossing) or w in self.anywhere_preps \
                    or w in (".", ";", ",", "\u2014", "--") or labels[j] == "AGREEMENT" and j >= trig.end:
                return None
        return None

    def _right_after(self, low: list[str], i: int, trigger_ends: set[int]) -> bool:
        """Token i follows an agreement word directly, or after an amount ("investing $1.5 billion in")."""
        k = i
        while k > 0 and k not in trigger_ends and i - k < 5 and (low[k - 1] in self.amount_words
                                                                  or _NUMBER.match(low[k - 1])):
            k -= 1
        return k in trigger_ends or (k - 1) in trigger_ends and low[k - 1] in ("a", "an", "the")

    def _subject(self, v: TokenView, labels: list, s: int, limit: int, ents: list[Span], used: set[int],
                 actors: dict[str, Optional[Span]], previous: list[dict], dateline: int) -> list[Span]:
        low = v.lower
        ends = {ent.end: ent for ent in ents}
        eligible = [ent for ent in ents if ent.start < limit and ent.start not in used
                    and not self._is_modifier(v, ent, dateline)
                    and not self._governed(low, s, ent, ends)
                    and not (self._possessive(v, ent)
                             and "AGREEMENT" not in labels[ent.end + 1:min(limit + 1, ent.end + 4)]
                             and not self._owns_unit(low, ent.end + 1, limit))]
        relative = self._relative_head(low, s, limit, ents, dateline)
        if relative is not None:
            return [relative]
        report = max((k for k in range(s, limit) if low[k] in self.reporting_verbs), default=-1)
        if eligible and report > eligible[0].start:
            # "X said Y agreed ...", "X said the companies agreed ...": the reported clause has the subject
            after = [ent for ent in eligible if ent.start > report]
            if after:
                nxt = next((w for w in low[report + 1:limit] if not w.isspace()), "")
                sayer = self._coordination(v, eligible, report) if nxt in ("it", "they") else []
                return sayer + self._coordination(v, after, limit)  # "X said it and Y signed"
            phrase = self._subject_phrase(low[report + 1:limit], actors, previous, pronouns=False)
            if phrase:
                return phrase
        if eligible:
            return self._coordination(v, eligible, limit)
        return self._subject_phrase(low[s:limit], actors, previous)

    def _owns_unit(self, low: list[str], k: int, limit: int) -> bool:
        """A unit noun within three words from token k ("X's shipbuilding subsidiary signed"): X, the parent,
        is named as the side (GUIDELINES: unit and parent form one side)."""
        words = [w for w in low[k:min(limit, k + 8)] if not w.isspace()][:3]
        return any(w in self.unit_nouns for w in words)

    def _subject_phrase(self, words: list[str], actors: dict[str, Optional[Span]], previous: list[dict],
                        pronouns: bool = True) -> list[Span]:
        """A subject given as "it", "the city", "the two companies": what it refers to. Without ``pronouns``,
        "it" and "they" are left out (after "X said", they stand for X)."""
        for phrase, label in self.subject_phrases:
            n = len(phrase)
            if n == 1 and not pronouns:
                continue
            for i in range(len(words) - n + 1):
                if tuple(words[i:i + n]) == phrase:
                    if i > 0 and (words[i - 1] in self.object_preps or words[i - 1] in self.anywhere_preps):
                        continue  # "a partnership between the state of X": no subject
                    if label == "PAIR":
                        return self._pair(previous, self.pair_labels.get(" ".join(phrase)), self._count(phrase))
                    actor = actors.get(label)
                    return [actor] if actor is not None else []
        return []

    def _coordination(self, v: TokenView, eligible: list[Span], limit: int) -> list[Span]:
        """The first name and the names coordinated with it ("X and Y signed ..."), across appositions
        ("X, a start-up based in Y, and Z signed ...": the names inside the apposition are skipped)."""
        low = v.lower
        subj = [eligible[0]]
        starts = {ent.start: ent for ent in eligible}
        idx = 1
        while idx < len(eligible):
            gap_start = self._after_apposition(low, subj[-1].end, limit, starts)
            while idx < len(eligible) and eligible[idx].start < gap_start:
                idx += 1
            if idx >= len(eligible):
                break
            gap = slice(gap_start, eligible[idx].start)
            if not (self._coordinated(low[gap]) or self._titled_person(v.text[gap])):
                break
            subj.append(eligible[idx])
            idx += 1
        return subj

    def _after_apposition(self, low: list[str], end: int, limit: int, starts: dict[int, Span]) -> int:
        """Where an apposition after a name (", a Japanese firm building robots,") ends: at its closing comma;
        ``end`` itself where none follows. A list item after "the" ("X, the Y Group and Z") is no apposition."""
        k = end
        while k < limit and low[k].isspace():
            k += 1
        if k < limit and low[k] == "(" and ")" in low[k:min(limit, k + 6)]:
            return self._after_apposition(low, low.index(")", k) + 1, limit, starts)  # "X (XC)"
        if k >= limit or low[k] != ",":
            return end
        k += 1
        while k < limit and low[k].isspace():
            k += 1
        if k >= limit or low[k] not in self.apposition_starts:
            return end
        item = starts.get(k + 1)
        if item is not None and self._ends_phrase(low, item.end, limit):
            return end  # "X, the Y Group and Z": a list item, not an apposition
        for j in range(k + 1, min(limit, k + 20)):
            if low[j] in self.gap_stops or low[j] in (";", ".", "--", "\u2014"):
                return end
            if low[j] == ",":
                return j
        return end

    def _relative_head(self, low: list[str], s: int, limit: int, ents: list[Span], dateline: int) -> Optional[Span]:
        """The name a relative clause hangs on, when the agreement word opens it ("Qubitekk, a maker of
        sensors that had joined the X"): the last name before the relative pronoun, within a dozen words."""
        k = limit - 1
        while k > s and (low[k].isspace() or low[k] in self.relative_auxiliaries) and limit - k <= 4:
            k -= 1
        if k <= s or low[k] not in self.relative_pronouns:
            return None
        before = [ent for ent in ents if ent.end <= k and k - ent.end <= 12 and ent.start >= s
                  and not self._is_modifier_view(low, ent, dateline)]
        return before[-1] if before else None

    def _is_modifier_view(self, low: list[str], ent: Span, dateline: int) -> bool:
        e = ent.end
        if e + 1 < len(low) and low[e] == "-" and ("-" + low[e + 1]) in self.modifier_suffixes:
            return True
        return ent.start < dateline

    @staticmethod
    def _pair(previous: list[dict], label: Optional[str], count: Optional[int] = None) -> list[Span]:
        """What "the two companies" / "the two countries" / "they" stand for: the sides of the latest fact
        with two or more sides (of that label where the phrase names one, and as many as it counts)."""
        for wanted in ((count, None) if count else (None,)):
            for fact in reversed(previous):
                spans = fact["_spans"]
                if len(spans) > 1 and (label is None or all(p.label_ == label for p in spans)) \
                        and (wanted is None or len(spans) == wanted):
                    return list(spans)
        for fact in reversed(previous):
            if len(fact["_spans"]) > 1:
                return list(fact["_spans"])
        return list(previous[-1]["_spans"]) if previous else []

    def _governed(self, low: list[str], s: int, ent: Span, ends: dict[int, Span]) -> bool:
        """Whether a preposition governs the name, directly ("in Japan") or through a list it stands in
        ("in North America, Japan and Europe")."""
        k = ent.start - 1
        while k >= s and (low[k] in (",", "and", "or", "&", "the") or low[k].isspace()):
            k -= 1
        if k < s:
            return False
        if k + 1 in ends and k + 1 < ent.start:
            return self._governed(low, s, ends[k + 1], ends)
        direct = ent.start - 1
        if direct > s and low[direct] == "the":
            direct -= 1  # "in the United States"
        if low[direct] == "of" and direct > s and (low[direct - 1] in self.representatives
                                                   or low[direct - 1] in self.of_heads):
            return False  # "the ministers of X and Y signed": the people act for X and Y
        return k == direct and low[k] in self.object_preps

    def _coordinated(self, gap: list[str]) -> bool:
        """Whether the words between two names join them into one side: ", ", "and", "and Belgian group".

        Tickers in angle brackets ("<SVIK.ST>") are skipped; a gap with a verb, a preposition or more than a
        few words separates the names.
        """
        words = []
        inside = False
        for w in gap:
            if w.isspace():
                continue
            if w == "<":
                inside = True
            elif w == ">":
                inside = False
            elif not inside:
                words.append(w)
        if not words:
            return False
        if all(w in self.coordinators for w in words):
            return True
        return (("and" in words or "&" in words) and len(words) <= 4
                and not any(w in self.object_preps or w in self.gap_stops or not w.isalpha()
                            for w in words if w not in ("and", "&", ",")))

    def _titled_person(self, gap: list[str]) -> bool:
        """Whether the words between two names are a title and a person's name ending in a coordinator:
        "X president Jane Doe and Y ...", "X (XC) chief executive John Roe, Y ..."."""
        words = [w for w in gap if not w.isspace()]
        if "(" in words and ")" in words and words.index("(") < words.index(")"):
            words = words[:words.index("(")] + words[words.index(")") + 1:]  # "(UMD)"
        while words and words[-1] in (",", "and", "&"):
            words.pop()
        if len(words) == len(gap) or not words:
            return False
        low = [w.lower() for w in words]
        for title in self.person_titles:
            n = len(title)
            if tuple(low[:n]) == title and n < len(words) \
                    and all(w[:1].isupper() for w in words[n:]) and len(words) - n <= 4:
                return True
        return False

    @staticmethod
    def _actors(ents: list[Span]) -> dict[str, Optional[Span]]:
        """The most-named organisation and place (what "the company", "the city" and "it" refer to)."""
        counts: Counter = Counter()
        first: dict[str, Span] = {}
        for ent in ents:
            if ent.text.isupper() and len(ent.text) > 3:  # headlines and datelines
                continue
            key = ent.text
            counts[(ent.label_, key)] += 1
            first.setdefault(key, ent)
        out: dict[str, Optional[Span]] = {"ANY": None, "ORG": None, "PLACE": None}
        for label in ("ORG", "PLACE"):
            best = sorted((-c, first[k].start, k) for (lab, k), c in counts.items() if lab == label)
            if best:
                out[label] = first[best[0][2]]
        both = sorted((-c, first[k].start, k) for (lab, k), c in counts.items())
        if both:
            out["ANY"] = first[both[0][2]]
        return out

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        all_ents = list(doc.ents)
        triggers_all = [t for t in all_ents if t.label_ == "AGREEMENT"]
        if not triggers_all:
            doc._.agreements = []
            return doc
        v = token_view(doc)
        labels: list = [None] * len(v.text)
        for ent in all_ents:
            for i in range(ent.start, ent.end):
                labels[i] = ent.label_
        ents = [e for e in all_ents if e.label_ in PARTY_LABELS]
        dateline = self._dateline_end(v)
        # the dateline's date is the article's, not the agreement's
        dated = [d for d in all_ents if d.label_ == "DATE" and d._.value and _YEARISH.match(d._.value)
                 and d.start >= dateline and not self._target_date(v.lower, d)]
        actors = self._actors(ents)
        facts: list[dict] = []
        pending: list[tuple[int, dict]] = []  # facts whose sides the next sentence lists ("The signatories are")
        topic: tuple[int, Optional[dict]] = (-1, None)  # a sentence about an earlier agreement ("The MOC was ...")
        headline_end = -1
        headline: Optional[tuple[int, int]] = None
        orphans: list[dict] = []  # specific agreements that no sentence gave a side
        for n, (s, e) in enumerate(self._sentences(doc, v)):
            if n < 3 and self._is_headline(v, s, e):
                headline_end = e
                headline = headline or (s, e)
            pending = [(m, f) for m, f in pending if m >= n - 1]
            if pending and self._starts_with(v.lower, s, e, self.party_list_cues):
                names = self._listed_names(v, s, e, [x for x in ents if s <= x.start and x.end <= e], dateline)
                for _, fact in pending if names else ():
                    if fact["parties"]:  # "They formed the X Forum. The participants include Y and Z."
                        self._set_parties(fact, self._dedupe(list(fact["_spans"]) + names))
                    else:
                        self._set_parties(fact, names)
                        facts.append(fact)
                pending = []
            triggers = [t for t in triggers_all if s <= t.start < e]
            if not triggers:
                continue
            words = [w for w, lab in zip(v.lower[s:e], labels[s:e]) if lab != "DATE" and not w.isspace()]
            negated = self._negation(words)
            if negated and not self.include_negated:
                continue  # denied, refused, failed or ended: not a fact
            sent_ents = [x for x in ents if s <= x.start and x.end <= e]
            groups, used, owned = self._groups(v, labels, s, e, sent_ents, triggers, dateline, facts)
            by_start = {x.start: x for x in sent_ents}
            breaks = self._breaks(v.lower, s, e)
            cues = self._status_cues(v.lower, s, e)
            objects = {}
            for trig in triggers:
                obj = self._direct_object(v, labels, trig, e, by_start, dateline)
                if obj is not None and obj.start not in used:
                    objects[trig.start] = obj
                    used.add(obj.start)
            hedged = {t.start for t in triggers if self._hedged(v, labels, s, t)}
            # a hedged specific agreement ("not seeking a stake") leaves room for general cooperation words
            specific = any(t._.kind in ("specific", "repeat") and t.start not in hedged for t in triggers)
            signing = self._has(words, self.signing)
            dates = [d for d in dated if s <= d.start < e]
            sentence = doc[s:e].text
            stripped = sentence.strip()
            sent_start = v.idx[s] + (len(sentence) - len(sentence.lstrip()))
            # "The MOC was signed on Friday. It covers talent exchange": "it" is the agreement of the sentence before
            it_fact = topic[1] if 0 < n - topic[0] <= 2 and self._starts_with(v.lower, s, e, [("it",)]) else None
            topic = (-1, None)
            under: Optional[dict] = None
            for trig in triggers:
                kind = trig._.kind
                sides = [g for k, g in enumerate(groups) if owned.get(k) == trig.start]
                if kind in ("anaphor", "repeat"):
                    earlier = self._attach(facts, trig, dates, groups, sides)
                    if earlier is not None and trig.start - s <= 3:
                        topic = (n, earlier)  # the agreement is what the sentence is about
                        if self._starts_with(v.lower, s, e, self.part_of_cues):
                            under = earlier  # "Under the MOC, the two countries will launch pilots"
                    if kind == "anaphor":
                        if earlier is not None:
                            continue
                        kind = "new"  # "signed the agreements with X": an agreement no earlier fact reported
                    # a repeat (the same agreement named again) completes the earlier fact, and makes a fact of
                    # its own only where this sentence names two sides
                if kind in ("generic", "new") and (specific or not signing) and not (kind == "new" and sides):
                    continue  # (but "an agreement between X and Y" names one)
                if trig.start in hedged:
                    continue
                if any(t._.value in self.absorbed.get(trig._.value, ()) for t in triggers if t is not trig):
                    continue  # "taking a stake each in the joint venture": a part of the venture, no deal of its own
                first_with = min([g[0].start for g in groups] + [trig.start])
                subject = self._subject(v, labels, s, max(trig.start, first_with), sent_ents, used, actors, facts,
                                        dateline)
                date = self._nearest(self._own_dates(dates, trig, triggers), trig, v.lower)
                part_of = under
                if it_fact is not None and not any(x.start < trig.start for x in sent_ents):
                    subject, part_of = list(it_fact["_spans"]), it_fact  # a part of that agreement
                status = negated or self._status(cues, trig)
                own = [[objects[trig.start]]] if trig.start in objects else \
                    [g for k, g in enumerate(groups) if owned.get(k, trig.start) == trig.start
                     and not any(min(trig.start, g[0].start) < b < max(trig.end, g[0].start) for b in breaks)
                     and not self._held_by_earlier(v.lower, g, trig, triggers)]
                base_type = trig._.value if kind != "new" or trig._.own_value is None else trig._.own_value
                purpose = self._purpose(v.lower, labels, trig, e) \
                    if base_type in self.purpose_general or base_type in self.purpose_instruments else None
                if purpose is not None and any(t._.value == purpose for t in triggers):
                    purpose = None  # the sentence names that agreement itself ("an LOI to form a joint venture")
                for group in own or [[]]:
                    parties = self._dedupe(subject + group)
                    if kind == "repeat" and (len(parties) < 2 or any(not s <= p.start < e for p in parties)):
                        continue  # a repeat is a deal of its own only between sides its sentence names
                    type_ = purpose if purpose is not None and base_type in self.purpose_general else base_type
                    if type_ in self.state_types and len(parties) > 1 and all(p.label_ == "PLACE" for p in parties):
                        type_ = self.state_type
                    fact = {"type": type_, "status": status, "trigger_text": trig.text,
                            "trigger_start": trig.start_char, "trigger_end": trig.end_char, "sentence": stripped,
                            "start": sent_start, "end": sent_start + len(stripped), "_headline": e <= headline_end,
                            "_base": base_type}
                    self._set_parties(fact, parties)
                    self._set_date(fact, date)
                    if date is None and part_of is not None:
                        self._take_date(fact, part_of)
                    if parties:
                        facts.append(fact)
                        if kind == "specific" and not subject and trig.start in objects:
                            pending.append((n, fact))  # its founders or members may be listed next
                        if purpose is not None and type_ in self.purpose_instruments:
                            # the deal the instrument is for: a fact of its own, dated only where the text dates it
                            planned = dict(fact, type=purpose, _undated=True)
                            self._set_parties(planned, parties)
                            self._set_date(planned, None)
                            facts.append(planned)
                    elif kind == "specific" and not subject:
                        pending.append((n, fact))  # "Four groups signed an MOU." -- sides in the next sentence
                        orphans.append(fact)
        if headline is not None and any(not f["parties"] for f in orphans):
            self._sides_from_headline(v, headline, ents, dateline, orphans, facts)
        # a headline's facts stand only where the body gives none (the body names the sides in full)
        if any(not f["_headline"] for f in facts):
            facts = [f for f in facts if not f["_headline"]]
        for f in facts:
            del f["_headline"], f["_base"]
        # a planned deal read from an instrument's purpose is the deal of that type the text states elsewhere
        stated = {f["type"] for f in facts if not f.get("_undated")}
        facts = [f for f in facts if not (f.get("_undated") and f["type"] in stated)]
        self._complete_one_sided(facts)
        self._share_dates(facts)
        for f in facts:
            f.pop("_undated", None)
        merged = self._merge(facts)
        for f in merged:
            f["cameo"] = self.status_cameo.get(f["status"], self.cameo.get(f["type"]))
        doc._.agreements = merged
        return doc

    def _breaks(self, low: list[str], s: int, e: int) -> list[int]:
        """Token indices where a clause break (", but", ";") starts in the sentence."""
        out = []
        for k in range(s, e):
            phrases = self.break_index.get(low[k])
            if not phrases:
                continue
            words = [low[k]]
            j = k + 1
            while j < e and len(words) < self.break_width:
                if not low[j].isspace():
                    words.append(low[j])
                j += 1
            if any(tuple(words[:len(p)]) == p for p in phrases):
                out.append(k)
        return out

    def _target_date(self, low: list[str], date: Span) -> bool:
        """A deadline or target ("by the end of 2030", "until 1990"), not the date of an agreement."""
        k = date.start - 1
        while k >= 0 and low[k].isspace():
            k -= 1
        return k >= 0 and low[k] in self.target_date_words

    def _sides_from_headline(self, v: TokenView, headline: tuple[int, int], ents: list[Span], dateline: int,
                             orphans: list[dict], facts: list[dict]) -> None:
        """Agreements the body gives no named side ("Indian and Australian businessmen signed an MOU") take the
        names of a headline that reports an agreement ("INDIA, AUSTRALIA AGREE TO ...") when it names two or
        more, unless the body has a fact of that type."""
        hs, he = headline
        words = [w for w in v.lower[hs:he] if not w.isspace()]
        if not self._has(words, self.signing):
            return
        names = self._listed_names(v, hs, he, [x for x in ents if hs <= x.start and x.end <= he], dateline)
        if len(names) < 2:
            return
        stated = {f["type"] for f in facts}
        for fact in orphans:
            if not fact["parties"] and fact["type"] not in stated:
                self._set_parties(fact, names)
                facts.append(fact)
                stated.add(fact["type"])

    def _complete_one_sided(self, facts: list[dict]) -> None:
        """A fact whose text named one side ("SAS signed a letter of intent for the jets") takes the other side
        of the latest earlier two-sided fact of that party ("an order for 12 X jets" by SAS from X)."""
        for n, f in enumerate(facts):
            if len(f["keys"]) != 1 or self.unnamed_cues.intersection(f["sentence"].lower().split()):
                continue  # "a consortium of yet unspecified partners": the text says the others are unnamed
            for g in reversed(facts[:n]):
                if self._side_count(g["keys"]) == 2 and f["keys"] < g["keys"]:
                    other = [p for p in g["_spans"] if self._key(p) not in f["keys"]]
                    self._set_parties(f, self._dedupe(list(f["_spans"]) + other))
                    break

    @staticmethod
    def _side_count(keys: frozenset) -> int:
        """How many sides a set of party keys names: a name that is the first word(s) of another names the same
        side ("chrysler" and "chrysler corp")."""
        return sum(1 for k in keys if not any(o != k and o.startswith(k + " ") for o in keys))

    def _share_dates(self, facts: list[dict]) -> None:
        """Facts stated in one sentence between the same sides ("signed an LOI ... pledging joint research")
        are one occasion: an undated one takes the date its sibling got."""
        for f in facts:
            if f["date"] is None and not f.get("_undated"):
                sibling = next((g for g in facts if g is not f and g["start"] == f["start"]
                                and g["keys"] == f["keys"] and g["date"] is not None), None)
                if sibling is not None:
                    self._take_date(f, sibling)

    @staticmethod
    def _starts_with(low: list[str], s: int, e: int, phrases: list[tuple[str, ...]]) -> bool:
        words = [w for w in low[s:min(e, s + 8)] if not w.isspace()]
        return any(tuple(words[:len(p)]) == p for p in phrases)

    def _listed_names(self, v: TokenView, s: int, e: int, ents: list[Span], dateline: int) -> list[Span]:
        """The names a listing sentence gives as sides: not locations, modifiers, possessors ("Japan's X"),
        names after "of" ("X of the United States") or bracketed short forms ("(QIC)")."""
        low = v.lower
        out = []
        for ent in ents:
            if self._is_modifier(v, ent, dateline) or self._possessive(v, ent):
                continue
            if ent.start > s and low[ent.start - 1] in ("(", "of") or ent.start > s + 1 and low[ent.start - 2] == "of" \
                    and low[ent.start - 1] == "the":
                continue
            out.append(ent)
        return self._dedupe(out)

    @staticmethod
    def _key(ent: Span) -> str:
        return (ent._.canonical or ent.text).casefold()

    def _dedupe(self, parties: list[Span]) -> list[Span]:
        seen, out = set(), []
        for p in parties:
            k = self._key(p)
            if k not in seen:
                seen.add(k)
                out.append(p)
        return out

    def _negation(self, words: list[str]) -> Optional[str]:
        """The status of a sentence that denies or ends an agreement ("denied", "refused", "failed", "ended"),
        or None."""
        if not self._has(words, self.strong_negation):
            return None
        return next((status for status, cues in self.negated_status.items() if self._has(words, cues)), "denied")

    def _status_cues(self, low: list[str], s: int, e: int) -> list[tuple[int, int, int, str]]:
        """The status cues of a sentence: (start, length, rank, status)."""
        out = []
        for k in range(s, e):
            for n, rank, status, phrase in self.status_index.get(low[k], ()):
                if tuple(low[k:k + n]) == phrase:
                    out.append((k, n, rank, status))
        return out

    def _status(self, cues: list[tuple[int, int, int, str]], trig: Span) -> str:
        """The status whose cue stands closest to the agreement word ("raised ties to a partnership after
        summit talks": the partnership is not under negotiation); on a tie a cue before it, then the first in
        status_cues;
        "announced" where the sentence has none."""
        best: tuple[int, bool, int, str] = (1 << 30, True, 99, "announced")
        for k, n, rank, status in cues:  # the order of status_cues breaks ties
            dist = trig.start - k - n if k < trig.start else k - trig.end
            best = min(best, (max(dist, 0), k > trig.start, rank, status))
        return best[3]

    @staticmethod
    def _clause_start(v: TokenView, s: int, i: int) -> int:
        """Where the clause holding token i begins: after the last comma, semicolon, colon or dash before it
        (at most 15 tokens back, at least 6), or at the sentence start."""
        k = i - 1
        while k >= s and i - k <= 15:
            if v.text[k] in (",", ";", ":", "\u2014", "\u2013", "--") and i - k > 6:
                return k + 1
            k -= 1
        return max(s, i - 15)

    def _hedged(self, v: TokenView, labels: list, s: int, trig: Span) -> bool:
        """A hedge cue ("may", "thinking of", "not seeking") in the clause before the agreement word."""
        w0 = self._clause_start(v, s, trig.start)
        before = [w for w, lab in zip(v.lower[w0:trig.start], labels[w0:trig.start])
                  if lab != "DATE" and not w.isspace()]
        commas = [k for k, w in enumerate(before) if w == ","]
        if len(commas) >= 2:  # "X, its 65 pct owned unit, signed ...": an apposition hedges nothing
            before = before[:commas[0]] + before[commas[-1] + 1:]
        elif commas and before[0] in self.apposition_starts:  # the clause starts inside the apposition
            before = before[commas[-1] + 1:]
        return self._has(before, self.hedges) \
            or trig._.value in self.ownership_types and self._has(before, self.ownership_hedges)

    def _purpose(self, low: list[str], labels: list, trig: Span, e: int) -> Optional[str]:
        """The type of what an agreement is for, given in its clause as 'to' and a purpose verb ("a letter of
        intent to build an icebreaker": contract; "an agreement to set up a shipping line": joint venture)."""
        words: list[tuple[int, str]] = []
        for k in range(trig.end, e):
            if low[k].isspace():
                continue
            if low[k] in (".", ";") or labels[k] == "AGREEMENT" or len(words) >= self.purpose_window + 8:
                break
            words.append((k, low[k]))
        plain = [w for _, w in words]
        for i, w in enumerate(plain[:min(len(plain) - 1, self.purpose_window)]):
            if w != "to":
                continue
            rest = plain[i + 1:]
            for phrase, type_ in self.purpose_verbs:
                if tuple(rest[:len(phrase)]) == phrase:
                    if any(x in self.business_nouns for x in rest[len(phrase):len(phrase) + 5]):
                        return self.business_type  # "to sell its U.S. unit": the unit changes hands
                    return type_
            for phrase in self.founding_verbs:
                if tuple(rest[:len(phrase)]) == phrase \
                        and any(x in self.founding_nouns for x in rest[len(phrase):len(phrase) + 5]):
                    return self.founding_type
        return None

    def _attach(self, facts: list[dict], trig: Span, dates: list[Span], groups: list[list[Span]],
                sides: list[list[Span]]) -> Optional[dict]:
        """An anaphoric mention ("the MOC was signed on Friday by X and Y"): give its sentence's date, and its
        partners where the earlier fact lacks a side, to the latest earlier fact of its type. ``sides`` are
        groups that name the agreement's own sides ("the partnership between X, Y and Z"): they are added to
        the earlier fact in any case."""
        value = trig._.value
        for fact in reversed(facts):
            if value in (fact["type"], fact["_base"]) or value in self.state_types and fact["type"] == self.state_type:
                if fact["date"] is None and dates:
                    self._set_date(fact, self._nearest(dates, trig))
                extra = sides or (groups if len(fact["_spans"]) < 2 else [])
                if extra:
                    self._set_parties(fact, self._dedupe(list(fact["_spans"]) + [p for g in extra for p in g]))
                return fact
        return None

    def _set_parties(self, fact: dict, parties: list[Span]) -> None:
        """The sides of a fact: names on one line, their spans, and the keys facts are merged on."""
        fact["parties"] = [" ".join(p.text.split()) for p in parties]
        fact["_spans"] = parties
        fact["keys"] = frozenset(self._key(p) for p in parties)

    @staticmethod
    def _set_date(fact: dict, date: Optional[Span]) -> None:
        fact["date"] = date._.value if date is not None else None
        fact["date_text"] = date.text if date is not None else None
        fact["date_interval"] = date._.interval if date is not None else None

    @staticmethod
    def _own_dates(dates: list[Span], trig: Span, triggers: list[Span]) -> list[Span]:
        """The sentence's dates less those that belong to another agreement word right after them
        ("Today's agreement follows an agreement ... in December": "Today's" is the first one's)."""
        others = [t for t in triggers if t is not trig]
        own = [d for d in dates if not any(0 <= t.start - d.end <= 1 for t in others)]
        return own or dates

    @staticmethod
    def _nearest(dates: list[Span], trig: Span, low: Optional[list[str]] = None) -> Optional[Span]:
        """The DATE of the sentence closest to the agreement word, preferring one that no comma or semicolon
        separates from it ("X, which opens in October, signed a deal last May": May)."""
        if not dates:
            return None

        def key(d: Span) -> tuple[bool, int]:
            a, b = (d.end, trig.start) if d.end <= trig.start else (trig.end, d.start)
            apart = low is not None and any(w in (",", ";") for w in low[a:b])
            return apart, abs(d.start - trig.start)
        return min(dates, key=key)

    @staticmethod
    def _take_date(fact: dict, other: dict) -> None:
        for k in ("date", "date_text", "date_interval"):
            fact[k] = other[k]

    def _merge(self, facts: list[dict]) -> list[dict]:
        """Merge facts of one type with the same parties, and drop a one-party fact whose party is a side of
        another fact of the same type (the same agreement, seen where the text named only one side)."""
        merged: dict[tuple, dict] = {}
        for f in facts:
            del f["_spans"]
            key = (f["type"], f.pop("keys"))
            if key in merged:
                if merged[key]["date"] is None and f["date"] is not None:
                    self._take_date(merged[key], f)
                continue
            merged[key] = f
        out = []
        for (type_, keys), f in merged.items():
            bigger = [g for (t2, k2), g in merged.items() if t2 == type_ and keys < k2] if len(keys) == 1 else []
            if len(keys) == 1 and not bigger:  # "Kenya signed ..." where "Kenya Ports Authority" signed it
                (key,) = keys
                bigger = [g for (t2, k2), g in merged.items() if t2 == type_ and k2 != keys
                          and any(k.startswith(key + " ") for k in k2)]
            if bigger:
                if f["date"] is not None and bigger[0]["date"] is None:
                    self._take_date(bigger[0], f)
                continue
            out.append(f)
        return out
