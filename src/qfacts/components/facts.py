"""``qfacts_facts``: agreement facts (type, parties, date, status, sentence) from the entities of a document."""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resources import load_json
from .common import register_extensions

PARTY_LABELS = ("ORG", "PLACE")
LOCATIVES = frozenset({"in", "at", "near", "outside", "across", "throughout", "around", "inside"})
_YEARISH = re.compile(r"^\d{4}")


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

    def __init__(self, nlp: Language, name: str, cues: str) -> None:
        register_extensions()
        self.name = name
        cfg = load_json(cues)
        self.strong_negation = _phrases(cfg["negation_cues"][:cfg["negation_cues"].index("thinking of")])
        self.hedges = _phrases(cfg["negation_cues"][cfg["negation_cues"].index("thinking of"):])
        self.signing = _phrases(cfg["signing_cues"])
        self.status = {k: _phrases(v) for k, v in cfg["status_cues"].items()}
        self.split_preps = frozenset(cfg["split_prepositions"])
        self.anywhere_preps = frozenset({"with", "between", "among", "by"})
        self.adjacent_preps = frozenset(p for p in cfg["party_prepositions"] if p not in self.anywhere_preps)
        self.subject_words = {tuple(k.split()): v for k, v in cfg["subject_words"].items()}
        self.modifier_suffixes = tuple(cfg["modifier_suffixes"])

    # ------------------------------------------------------------------ sentence helpers
    @staticmethod
    def _sentences(doc: Doc) -> list[tuple[int, int]]:
        bounds = []
        if doc.has_annotation("SENT_START"):
            raw = [(s.start, s.end) for s in doc.sents]
        else:
            raw = [(0, len(doc))]
        for s, e in raw:  # also break at blank lines and line ends (headlines, datelines)
            start = s
            for i in range(s, e):
                if "\n" in doc[i].whitespace_ or doc[i].is_space and "\n" in doc[i].text:
                    if i + 1 > start:
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

    def _is_modifier(self, doc: Doc, ent: Span) -> bool:
        """ "US-based", "Korea's public institutions", "in Tokyo" (a location, not a side)."""
        e = ent.end
        if e + 1 < len(doc) and doc[e].text == "-" and ("-" + doc[e + 1].lower_) in self.modifier_suffixes:
            return True
        if ent.label_ == "PLACE" and ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVES:
            return True
        if ent.start > 1 and doc[ent.start - 2].lower_ == "according" and doc[ent.start - 1].lower_ == "to":
            return True
        if ent.start > 2 and doc[ent.start - 3].lower_ == "according" and doc[ent.start - 1].lower_ == "the":
            return True
        return False

    @staticmethod
    def _possessive(doc: Doc, ent: Span) -> bool:
        return ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s", "'")

    # ------------------------------------------------------------------ parties
    def _groups(self, doc: Doc, s: int, e: int, ents: list[Span], triggers: list[Span]) -> tuple[list[list[Span]], set[int]]:
        """Partner groups opened by prepositions; returns the groups and the entity starts they used."""
        by_start = {ent.start: ent for ent in ents}
        trigger_ends = {t.end for t in triggers}
        groups: list[list[Span]] = []
        used: set[int] = set()
        i = s
        while i < e:
            word = doc[i].lower_
            adjacent = word in self.adjacent_preps and (i in trigger_ends or i - 1 in trigger_ends)
            if word in self.anywhere_preps or adjacent:
                group: list[Span] = []
                j = i + 1
                skipped = 0
                while j < e and skipped < 10:
                    ent = by_start.get(j)
                    if ent is not None:
                        if self._is_modifier(doc, ent) or (self._possessive(doc, ent) and word != "by"):
                            j = ent.end
                            skipped += 1
                            continue
                        group.append(ent)
                        used.add(ent.start)
                        j = ent.end
                        # coordination: ", X", "and X", "and the X"
                        while j < e:
                            k = j
                            while k < e and doc[k].lower_ in (",", "and", "&", "the", "as", "well", "also", "both"):
                                k += 1
                            nxt = by_start.get(k)
                            if k > j and nxt is not None and not self._is_modifier(doc, nxt):
                                group.append(nxt)
                                used.add(nxt.start)
                                j = nxt.end
                            else:
                                break
                        break
                    t = doc[j]
                    if t.lower_ in self.anywhere_preps or t.text in (".", ";", "—", "–") or t.ent_type_ == "AGREEMENT":
                        break
                    j += 1
                    skipped += 1
                if group:
                    if groups and word not in self.split_preps and groups[-1] is not None:
                        groups[-1].extend(group)
                    else:
                        groups.append(group)
                i = max(i + 1, j)
                continue
            i += 1
        return groups, used

    def _subject(self, doc: Doc, s: int, limit: int, ents: list[Span], used: set[int],
                 actors: dict[str, Optional[Span]]) -> list[Span]:
        subj = [ent for ent in ents if ent.start < limit and ent.start not in used
                and not self._is_modifier(doc, ent)
                and not (self._possessive(doc, ent) and not self._agreement_follows(doc, ent.end + 1, limit))]
        if subj:
            # the subject is the last name chunk before the agreement word: "X said its unit Y signed"
            return subj
        words = [t.lower_ for t in doc[s:limit]]
        for phrase, label in sorted(self.subject_words.items(), key=lambda kv: -len(kv[0])):
            n = len(phrase)
            for i in range(len(words) - n + 1):
                if tuple(words[i:i + n]) == phrase:
                    actor = actors.get(label)
                    return [actor] if actor is not None else []
        return []

    @staticmethod
    def _agreement_follows(doc: Doc, start: int, limit: int) -> bool:
        return any(t.ent_type_ == "AGREEMENT" for t in doc[start:min(limit + 1, start + 3)])

    @staticmethod
    def _actors(ents: list[Span]) -> dict[str, Optional[Span]]:
        counts: Counter = Counter()
        first: dict[str, Span] = {}
        for ent in ents:
            if ent.label_ not in PARTY_LABELS or ent.text.isupper() and len(ent.text) > 3:
                continue
            key = ent.text
            counts[(ent.label_, key)] += 1
            first.setdefault(key, ent)
        out: dict[str, Optional[Span]] = {"ANY": None, "ORG": None, "PLACE": None}
        for label in ("ORG", "PLACE"):
            best = sorted(((-c, first[k].start, k) for (lab, k), c in counts.items() if lab == label))
            if best:
                out[label] = first[best[0][2]]
        both = sorted(((-c, first[k].start, k) for (lab, k), c in counts.items()))
        if both:
            out["ANY"] = first[both[0][2]]
        return out

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        ents = [e for e in doc.ents if e.label_ in PARTY_LABELS]
        actors = self._actors(ents)
        facts: list[dict] = []
        for s, e in self._sentences(doc):
            triggers = [t for t in doc.ents if t.label_ == "AGREEMENT" and s <= t.start < e]
            if not triggers:
                continue
            words = [t.lower_ for t in doc[s:e] if t.ent_type_ != "DATE"]
            if self._has(words, self.strong_negation):
                continue
            sent_ents = [x for x in ents if s <= x.start and x.end <= e]
            groups, used = self._groups(doc, s, e, sent_ents, triggers)
            specific = any(t._.kind == "specific" for t in triggers)
            signing = self._has(words, self.signing)
            dates = [d for d in doc.ents if d.label_ == "DATE" and s <= d.start < e
                     and d._.value and _YEARISH.match(d._.value)]
            for trig in triggers:
                kind = trig._.kind
                if kind == "anaphor":
                    self._attach(facts, trig, dates)
                    continue
                if kind in ("generic", "new") and (specific or not signing):
                    continue
                before = [t.lower_ for t in doc[max(s, trig.start - 6):trig.start] if t.ent_type_ != "DATE"]
                if self._has(before, self.hedges):
                    continue
                first_with = min([g[0].start for g in groups] + [trig.start])
                subject = self._subject(doc, s, max(trig.start, first_with), sent_ents, used, actors)
                partner_groups = groups or [[]]
                for group in partner_groups:
                    parties = self._dedupe(subject + group)
                    if not parties:
                        continue
                    date = min(dates, key=lambda d: abs(d.start - trig.start)) if dates else None
                    facts.append({
                        "type": trig._.value,
                        "parties": [p.text for p in parties],
                        "keys": frozenset(self._key(p) for p in parties),
                        "date": date._.value if date is not None else None,
                        "date_text": date.text if date is not None else None,
                        "status": self._status(words, trig),
                        "trigger_text": trig.text,
                        "trigger_start": trig.start_char,
                        "trigger_end": trig.end_char,
                        "sentence": doc[s:e].text.strip(),
                        "start": doc[s].idx + (len(doc[s:e].text) - len(doc[s:e].text.lstrip())),
                        "end": doc[s].idx + len(doc[s:e].text.rstrip()),
                    })
        doc._.agreements = self._merge(facts)
        return doc

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

    def _status(self, words: list[str], trig: Span) -> str:
        if self._has(words, self.status["negotiating"]):
            return "negotiating"
        if self._has(words, self.status["planned"]):
            return "planned"
        if self._has(words, self.status["signed"]):
            return "signed"
        return "announced"

    @staticmethod
    def _attach(facts: list[dict], trig: Span, dates: list[Span]) -> None:
        """An anaphoric mention: give its sentence's date to the latest earlier fact of its type."""
        for fact in reversed(facts):
            if fact["type"] == trig._.value:
                if fact["date"] is None and dates:
                    d = min(dates, key=lambda d: abs(d.start - trig.start))
                    fact["date"], fact["date_text"] = d._.value, d.text
                return

    @staticmethod
    def _merge(facts: list[dict]) -> list[dict]:
        merged: dict[tuple, dict] = {}
        for f in facts:
            key = (f["type"], f.pop("keys"))
            if key in merged:
                if merged[key]["date"] is None and f["date"] is not None:
                    merged[key]["date"], merged[key]["date_text"] = f["date"], f["date_text"]
                continue
            merged[key] = f
        return list(merged.values())


@Language.factory("qfacts_facts", default_config={"cues": "facts.json"})
def make_facts(nlp: Language, name: str, cues: str) -> FactsComponent:
    return FactsComponent(nlp, name, cues)
