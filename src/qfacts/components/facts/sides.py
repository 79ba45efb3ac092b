"""Sides stage: who the sides of an agreement are, read from the words around its agreement word.

Partner groups opened by "with", "between", "among", "by" (and by "in/of/to/from/into/for" right after the
agreement word: "investment in X"), with their coordinated names; the named object of a verb that takes one
("joined the X Consortium", "to acquire Y"); the subject side (the names before the agreement word that are not
locations, modifiers or sources, coordinated across appositions and titled people; the reported clause of "X
said Y agreed"; the name a relative clause hangs on); "it", "the city" and "the two companies" resolved to
the names they stand for. For an acquisition: the owner named in its object ("the X division of Y", "Y's X
unit") as seller, with X as target; capitalised words no entity stage labelled after a buying or selling word's
"from"/"to" or right after a buying verb as a side; an asset a seller names by place ("its Sunrise, Fla.,
branch") as the target.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from operator import attrgetter
from typing import Optional

from spacy.tokens import Span

from ..common import TokenView, next_word, prev_word
from .parties import dedupe, key, resets
from .phrases import phrases

_NUMBER = re.compile(r"^[$\u20ac\u00a3\u00a5]?[\d.,]+[kmb]?$")
_start = attrgetter("start")


class Sides:
    """Reads the preposition, coordination, subject, object and apposition cues of facts.json."""

    def __init__(self, cfg: dict) -> None:
        self._ranked: dict[str, list[Span]] = {}  # set per document by :meth:`actors`
        self.split_preps = frozenset(cfg["split_prepositions"])
        self.anywhere_preps = frozenset(cfg["anywhere_prepositions"])
        self.between_stops = frozenset(cfg.get("between_stops", ()))
        self.adjacent_preps = frozenset(cfg["party_prepositions"])
        self.locatives = frozenset(cfg["locatives"])
        self.amount_words = frozenset(cfg["amount_words"])
        self.subject_phrases = sorted(((tuple(k.split()), lab) for k, lab in cfg["subject_words"].items()),
                                      key=lambda kv: -len(kv[0]))
        # the subject phrases by first word, with their rank (the first phrase of the list found wins)
        self.demonym_places = {k: frozenset(v) for k, v in cfg.get("demonym_places", {}).items()}
        # (a nationality word may stand between "the" and the noun: "the French government")
        self.referring_modifiers = frozenset(cfg.get("referring_modifiers", ())) | frozenset(self.demonym_places)
        self.subject_index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for rank, (phrase, _label) in enumerate(self.subject_phrases):
            self.subject_index.setdefault(phrase[0], []).append((rank, phrase))
        self.plural_index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, label in self.subject_phrases:  # longest first
            if label == "PAIR" and len(phrase) > 1:
                self.plural_index.setdefault(phrase[0], []).append((phrase, label))
        self.modifier_suffixes = tuple(cfg["modifier_suffixes"])
        self.object_preps = frozenset(cfg["object_prepositions"])
        self.coordinators = frozenset(cfg["coordinators"])
        self.gap_stops = frozenset(cfg["gap_stops"])
        self.non_party_verbs = frozenset(cfg["non_party_verbs"])
        investors = cfg.get("investor_cues", {})
        self.investor_types = frozenset(investors.get("types", ()))
        self.investor_verbs = frozenset(investors.get("verbs", ()))  # "a round led by X": X invests
        self.investor_nouns = frozenset(investors.get("nouns", ()))  # "with participation from X and Y"
        self.unnamed_groups = frozenset(cfg.get("unnamed_groups", ()))
        self.source_nouns = frozenset(cfg.get("source_nouns", ()))
        self.source_words = frozenset(w for w in cfg["source_words"] if " " not in w)
        self.source_pairs = frozenset(tuple(w.split()) for w in cfg["source_words"] if len(w.split()) == 2)
        self.relative_pronouns = frozenset(cfg["relative_clause"]["pronouns"])
        self.relative_auxiliaries = frozenset(cfg["relative_clause"]["auxiliaries"])
        self.apposition_starts = frozenset(cfg["apposition_starts"])
        self.object_types = {t: frozenset(v) for t, v in cfg["object_after_trigger"]["types"].items()}
        self.object_stop_nouns = frozenset(cfg["object_after_trigger"]["not_before"])
        self.object_openers = frozenset(cfg["object_after_trigger"]["openers"])
        self.object_groups = frozenset(cfg["object_after_trigger"]["group_heads"])
        self.object_direct = frozenset(cfg["object_after_trigger"].get("direct_types", ()))
        self.clause_preps = {t: frozenset(v) for t, v in cfg["clause_partner_prepositions"].items()}
        # every word that can open a partner group: a sentence with none of them has no group
        self.group_openers = self.anywhere_preps | self.adjacent_preps | frozenset().union(*self.clause_preps.values())
        self.pair_labels = {k: v for k, v in cfg["pair_words"].items()}
        self.representatives = frozenset(cfg["representatives"])
        self.of_heads = frozenset(cfg["of_heads"])
        self.member_openers = frozenset(cfg["member_openers"])
        self.unit_nouns = frozenset(cfg["unit_nouns"])
        self.place_nouns = frozenset(cfg["place_nouns"])
        self.venue_nouns = frozenset(cfg.get("venue_nouns", ()))
        self.seller_preps = {k: frozenset(v) for k, v in cfg["separate_sellers"].items()}
        self.number_words = dict(cfg["number_words"])
        self.reporting_verbs = frozenset(cfg["reporting_verbs"])
        self.clause_openers = frozenset(cfg.get("clause_openers", ()))
        self.infinitive_not = frozenset(cfg.get("not_infinitive", ()))
        self.clause_breaks = phrases(cfg["clause_breaks"])
        self.break_index: dict[str, list[tuple[str, ...]]] = {}
        for p in self.clause_breaks:
            self.break_index.setdefault(p[0], []).append(p)
        self.break_width = max(len(p) for p in self.clause_breaks)
        self.noun_preps = frozenset(cfg["noun_prepositions"])
        self.person_titles = phrases(cfg["person_titles"])
        roles = cfg["roles"]
        self.role_table = {t: dict(r) for t, r in roles["by_type"].items()}
        self.word_roles = {t: dict(r) for t, r in roles.get("by_word", {}).items()}
        self.sale_words = frozenset(roles.get("sale_words", ()))
        business = cfg.get("business_object", {})
        self.business_stops = frozenset(business.get("stops", ()))
        self.business_window = int(business.get("window", 12))
        self.unit_heads = frozenset(business.get("unit_heads", ())) | self.unit_nouns
        self.owner_descriptors = int(business.get("owner_descriptors", 0))
        self.name_run_preps = {k: frozenset(v) for k, v in business.get("name_run_prepositions", {}).items()}
        self.name_run_words = frozenset(business.get("name_run_words", ()))
        self.passive_roles = {t: dict(r) for t, r in roles["passive"].items()}
        self.passive_auxiliaries = frozenset(roles["passive_auxiliaries"])
        self.default_role = roles["default"]

    def roles(self, v: TokenView, trig: Span, type_: str, parties: list[Span], subject: list[Span],
              objects: list[Span], openers: dict[int, str],
              parents: Optional[list[Span]] = None) -> dict[int, Optional[str]]:
        """The role of each side (by its token start): for an acquisition, the buyer is the subject, the target
        the object or the name after "of", the seller the name after "from" ("X was acquired by Y": the
        subject is the target, the name after "by" the buyer); every side of another type is a signatory."""
        table = self.role_table.get(type_)
        if table is None:
            return {p.start: self.default_role for p in parties}
        word = self.word_class(v, trig, type_)
        if word is not None:
            table = self.word_roles[word]
        if self._passive(v, trig):
            table = dict(table, **self.passive_roles.get(word or type_, {}))
        out: dict[int, Optional[str]] = {k: table.get(w) for k, w in openers.items()}
        out.update({p.start: table.get("object") for p in objects})
        out.update({p.start: table.get("subject") for p in subject})
        out.update({p.start: table.get("parent") for p in parents or ()})
        for p in parties:  # a side read otherwise (the side model's): by the word that brings it in, else its place
            if out.get(p.start) is None and p.doc is trig.doc:
                k = p.start - 1
                while k >= 0 and v.lower[k].isspace():
                    k -= 1
                before = v.lower[k] if k >= 0 else ""
                out[p.start] = table.get(before) or table.get("subject" if p.end <= trig.start else "object")
        return out

    def word_class(self, v: TokenView, trig: Span, type_: str) -> Optional[str]:
        """The class of an agreement word whose sides stand in other roles than its type's: "sale" for a sale
        word of an acquisition ("sell", "sale": the subject sells)."""
        if type_ == "acquisition" and v.lower[trig.end - 1] in self.sale_words and "sale" in self.word_roles:
            return "sale"
        return None

    def business_object(self, v: TokenView, trig: Span, e: int, by_start: dict[int, Span],
                        dateline: int) -> Optional[Span]:
        """An acquisition's target: the first organisation in the phrase after the agreement word, before "to",
        "for", "from" ... ("agreed to acquire all the stock of X", "sell its X unit to Y")."""
        low = v.lower
        for j in range(trig.end, min(e, trig.end + self.business_window)):
            if low[j] in self.business_stops:
                return None
            ent = by_start.get(j)
            if ent is not None and ent.label_ == "ORG" and not self.is_modifier(v, ent, dateline) \
                    and not self.possessive(v, ent):
                return ent
        return None

    def parent_of(self, v: TokenView, ent: Span, e: int, by_start: dict[int, Span],
                  by_end: dict[int, Span]) -> Optional[Span]:
        """The organisation a unit belongs to: "X, a (wholly owned) unit of Y", "the X division of Y" or "Y's X";
        a few lower-case words may describe Y ("X, the lending unit of mortgage banker Y")."""
        low = v.lower
        k = ent.start - 1
        while k >= 0 and low[k].isspace():
            k -= 1
        if k > 0 and low[k] in ("'s", "’s", "'"):
            owner = by_end.get(k)
            if owner is not None and owner.label_ == "ORG":
                return owner
        words = [(j, low[j]) for j in range(ent.end, min(e, ent.end + 20)) if not low[j].isspace()]
        if words and words[0][1] in self.unit_heads:
            return self._owner_after(words[1:], by_start)  # "the X division of Y"
        if not words or words[0][1] != ",":
            return None
        for n, (j, w) in enumerate(words[1:8], 1):
            if w in self.unit_nouns:
                return self._owner_after(words[n + 1:], by_start)
            if w in (",", ".", ";", "to", "for", "from", "and"):
                return None
        return None

    def _owner_after(self, words: list[tuple[int, str]], by_start: dict[int, Span]) -> Optional[Span]:
        """The organisation named by "of [the] [a few lower-case words] Y" at the head of ``words`` (index, word)."""
        rest = [x for x in words if x[1] != "the"]
        if not rest or rest[0][1] != "of":
            return None
        for j, w in rest[1:2 + self.owner_descriptors]:
            owner = by_start.get(j)
            if owner is not None:
                return owner if owner.label_ == "ORG" else None
            if not w.isalpha() or w in self.business_stops or w in self.coordinators:
                return None
        return None

    def unit_owner(self, v: TokenView, obj: Span, s: int, e: int, by_start: dict[int, Span],
                   by_end: dict[int, Span]) -> Optional[tuple[Optional[Span], Span]]:
        """An acquisition's object that names the owner of what changes hands, not the thing itself: "the Acme
        division of X", "the software unit of X" and "X's Acme unit". Returns (what is bought, where the text
        names it -- an entity, else the capitalised words before the unit noun as a new ORG span; the owner,
        who sells), or None where the object is what is bought."""
        low = v.lower
        k = self._prev(low, obj.start, s)
        if k >= s and low[k] == "the":
            k = self._prev(low, k, s)
        if k >= s and low[k] == "of":
            u = self._prev(low, k, s)
            if u >= s and low[u] in self.unit_heads:
                return self._named_before(v, obj.doc, u, s, by_end), obj
            return None
        if not self.possessive(v, obj):
            return None
        j = self._next(low, obj.end + 1, e)
        ent = by_start.get(j)
        end = ent.end if ent is not None else j
        if ent is None:
            while end < e and (v.text[end][:1].isupper() or v.text[end] in ("and", "&", "-")
                               and end + 1 < e and v.text[end + 1][:1].isupper()):
                end += 1
        u = self._next(low, end, e)
        if u < e and low[u] in self.unit_heads:
            if ent is not None:
                return ent, obj
            return (Span(obj.doc, j, end, label="ORG") if end > j else None), obj
        return None

    def sold_asset(self, v: TokenView, labels: list, trig: Span, e: int) -> Optional[Span]:
        """What a seller sells where no organisation names it: the phrase after "sell its" / "sale of its" up to
        its head noun, where a capitalised word (a place, a name) marks it as one asset ("sell its Sunrise, Fla.,
        branch", "its Hawaiian dairy operations"), as an ORG span; None for a phrase of common words ("its
        computer division") or one that holds an organisation's name (the name is the target)."""
        low = v.lower
        k = self._next(low, trig.end, e)
        if k < e and low[k] == "of":
            k = self._next(low, k + 1, e)
        if k >= e or low[k] != "its":
            return None
        b = self._next(low, k + 1, e)
        end, caps, words = b, 0, 0
        j = b
        while j < e and words < 8:
            w = v.text[j]
            if w.isspace():
                j += 1
                continue
            if labels[j] == "ORG" or labels[j] == "AGREEMENT" or low[j] in self.business_stops and not (
                    low[j] == "," and (labels[self._prev(low, j, b)] == "PLACE"
                                       or labels[self._next(low, j + 1, e)] == "PLACE")):
                break
            if not (w.isalpha() or w in (",", "-") or w.endswith(".") and w[:-1].isalpha()):
                return None
            caps += w[:1].isupper()
            words += 1
            j += 1
            end = j
        if j >= e or labels[j] == "ORG" or labels[j] == "AGREEMENT" or low[j] not in self.business_stops:
            return None
        while end > b and (v.text[end - 1].isspace() or v.text[end - 1] == ","):
            end -= 1
        if not caps or end <= b or not v.text[end - 1].islower():
            return None  # no capitalised word, or the phrase does not end in a common noun
        return Span(trig.doc, b, end, label="ORG")

    def _named_before(self, v: TokenView, doc, u: int, s: int, by_end: dict[int, Span]) -> Optional[Span]:
        """The name right before the unit noun at ``u`` ("the Acme division"): an entity ending there, else a run
        of capitalised words after "the", "its" or a possessive; None for a lower-case unit ("the software unit")."""
        k = self._prev(v.lower, u, s)
        ent = by_end.get(k + 1)
        if ent is not None:
            return ent
        b = k + 1
        while b - 1 >= s and (v.text[b - 1][:1].isupper() or v.text[b - 1] in ("and", "&", "-")
                              and b - 2 >= s and v.text[b - 2][:1].isupper()):
            b -= 1
        if b > k or b - 1 < s or v.lower[b - 1] not in ("the", "its", "'s", "\u2019s"):
            return None
        return Span(doc, b, k + 1, label="ORG")

    @staticmethod
    def _name_run(v: TokenView, labels: list, j: int, e: int, doc) -> Optional[Span]:
        """Two to five capitalised words at token ``j`` that no component labelled (a buyer or seller the entity
        stages do not know: "to Irvin Kaplan", "from Norwest Gypsum"), as an ORG span; None elsewhere."""
        k, words, end = j, 0, j
        while k < e and words < 6:
            w = v.text[k]
            if w == "\n" and words:  # a hard-wrapped line
                k += 1
                continue
            if labels[k] not in (None, "PLACE", "ORG" if words else None) or not w[:1].isupper() or w.isupper() \
                    or not w.replace(".", "").replace("-", "").isalpha():
                break
            words += 1
            k += 1
            end = k
        # a place alone ("to Japan") is no buyer; "Huron Dressed Beef" is
        if not 2 <= words <= 5 or labels[end - 1] == "PLACE" or labels[j] is not None and labels[end - 1] is not None:
            return None
        return Span(doc, j, end, label="ORG")

    _prev = staticmethod(prev_word)
    _next = staticmethod(next_word)

    def _passive(self, v: TokenView, trig: Span) -> bool:
        """An agreement verb in the passive voice: a participle after "was", "were", "been" ... ("was acquired")."""
        if not v.lower[trig.end - 1].endswith("ed"):
            return False
        k = trig.start - 1
        while k >= 0 and v.lower[k].isspace():
            k -= 1
        return k >= 0 and v.lower[k] in self.passive_auxiliaries

    def is_modifier(self, v: TokenView, ent: Span, dateline: int) -> bool:
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
        if self.is_source(low, ent):
            return True  # "told Reuters", "in a filing with the SEC": a source or an audience, not a side
        if ent.label_ == "PLACE" and e < len(low) and low[e] in self.place_nouns:
            return True  # "its San Francisco headquarters": where something is
        if ent.label_ == "PLACE" and e < len(low) and low[e] in self.venue_nouns and ent._.kind == "city" \
                and not (ent.start > 0 and low[ent.start - 1] == "-"):
            return True  # "the Paris agreement": where the accord was made
        if ent.start > 2 and low[ent.start - 3] == "according" and low[ent.start - 1] == "the":
            return True
        return False

    def is_source(self, low: list[str], ent: Span) -> bool:
        """The name follows a source word ("told Reuters", "told the\nSEC", "in a filing with the SEC") or comes
        right before a source noun ("in its SEC filing")."""
        if ent.end < len(low) and low[ent.end] in self.source_nouns:
            return True
        k = prev_word(low, ent.start)
        if k > 0 and low[k] == "(":  # "told the Securities and Exchange Commission (SEC)": the short form too
            j, words = k - 1, 0
            while j >= 0 and words < 8 and low[j] not in (",", ".", ";", ")", "("):
                if not low[j].isspace():
                    words += 1
                    if low[j] in self.source_words:
                        return True
                j -= 1
            return False
        if k > 0 and low[k] == "the":
            k = prev_word(low, k)
        return k >= 0 and low[k] in self.source_words \
            or k > 0 and (low[prev_word(low, k)], low[k]) in self.source_pairs

    @staticmethod
    def possessive(v: TokenView, ent: Span) -> bool:
        return ent.end < len(v.lower) and v.lower[ent.end] in ("'s", "\u2019s", "'")

    def groups(self, v: TokenView, labels: list, s: int, e: int, ents: list[Span],
                triggers: list[Span], dateline: int, previous: list[dict]
                ) -> tuple[list[list[Span]], set[int], dict[int, int], dict[int, str]]:
        """Partner groups opened by prepositions; returns the groups, the entity starts they used, for a
        group opened by a noun preposition right after an agreement noun ("a partnership between X and Y"),
        the start of that noun, which alone takes the group, and the preposition that brought in each name (by
        its start)."""
        if self.group_openers.isdisjoint(v.lower[s:e]):
            return [], set(), {}, {}  # no word that opens a group (a line that only names an agreement)
        by_start = {ent.start: ent for ent in ents}
        trigger_ends = {t.end for t in triggers}
        low = v.lower
        groups: list[list[Span]] = []
        owned: dict[int, int] = {}  # group index -> start of the agreement noun it belongs to ("partnership between")
        used: set[int] = set()
        openers: dict[int, str] = {}
        i = s
        clause_preps = self._clause_prepositions(low, labels, e, triggers, v.text)
        trigger_at_end = {t.end: t.start for t in triggers}
        endorsed_by = False
        # a funding round's investors: "led by X, with participation from Y and Z" are its sides ("led" right
        # after the investment word: not "a group of firms led by X", "an investor group led by X, a New York firm")
        invested = {t.end for t in triggers if t._.value in self.investor_types} if self.investor_types else ()
        while i < e:
            word = low[i]
            clause_prep = clause_preps.get(i)
            adjacent = (word in self.adjacent_preps and self._right_after(low, i, trigger_ends)) \
                or clause_prep is not None and word in clause_prep[0]
            if word == "by" and i > s and not (invested and low[prev_word(low, i)] in self.investor_verbs
                                               and prev_word(low, prev_word(low, i)) + 1 in invested) \
                    and (low[self._before_amount(low, s, i)] in self.non_party_verbs
                         and not self._run_by(low, labels, s, self._before_amount(low, s, i))
                         or low[i - 1] == "and" and endorsed_by):
                endorsed_by = True
                i += 1  # "endorsed by X (and by Y)": X stands behind the agreement, it is no side of it
                continue
            if word in self.noun_preps and not adjacent and i > s \
                    and low[prev_word(low, i)] in self.between_stops:
                i += 1  # "flights between London and Tokyo": a route, not the sides
                continue
            if word in self.anywhere_preps or adjacent:
                group: list[Span] = []
                j = i + 1
                skipped = 0
                crossed_comma = False
                joining = False  # the group goes on the one before it ("led by X, with participation from Y")
                while j < e and skipped < 12:
                    ent = by_start.get(j)
                    if ent is None and not group and low[j] == "it" and next_word(low, i + 1, e) == j:
                        sayer = self._sayer(low, s, i, ents)
                        if sayer is not None:  # "X said Y agreed to merge with it": X is the partner
                            group.append(sayer)
                            used.add(sayer.start)
                            break
                    if ent is None and not group and clause_prep is not None \
                            and word in self.name_run_preps.get(clause_prep[1], ()) \
                            and clause_prep[2] in self.name_run_words:
                        ent = self._name_run(v, labels, j, e, triggers[0].doc)  # "sell X to Irvin Kaplan"
                    plural = self._plural_reference(low, j, e, previous) if ent is None else None
                    if plural is not None:  # "with the three universities plus X": the sides named before
                        group.extend(plural[1])
                        j = plural[0]
                    if ent is not None:
                        if self.is_modifier(v, ent, dateline) or (self.possessive(v, ent) and word != "by") \
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
                            if k > j and nxt is not None and not self.is_modifier(v, nxt, dateline):
                                group.append(nxt)
                                used.add(nxt.start)
                                j = nxt.end
                            else:
                                break
                        break
                    # "between the state of X and Y" (but "in the port city of X" is a location)
                    of_head = low[j] == "of" and low[j - 1] in self.of_heads and word not in self.locatives
                    if invested and not group and low[j] in ("from", "of", "by") \
                            and low[prev_word(low, j)] in self.investor_nouns:
                        joining = True  # "with participation from": the investors follow
                        j += 1
                        skipped += 1
                        continue
                    if (low[j] in self.anywhere_preps or low[j] in self.object_preps) and not of_head \
                            and low[j] not in self.member_openers \
                            or low[j] in (".", ";", "\u2014", "\u2013") or labels[j] == "AGREEMENT":
                        break
                    crossed_comma = crossed_comma or low[j] == ","
                    j += 1
                    skipped += 0 if low[j - 1].isspace() else 1
                for p in group:
                    openers.setdefault(p.start, word)
                if group and clause_prep is not None and word in self.seller_preps.get(clause_prep[1], ()):
                    groups.extend([p] for p in group)  # "an order from X and Y": a deal with each
                elif group:
                    owner = trigger_at_end.get(i) if word in self.noun_preps else None
                    if groups and (word not in self.split_preps or joining) and owner is None:
                        groups[-1].extend(group)
                    else:
                        groups.append(group)
                        if owner is not None:
                            owned[len(groups) - 1] = owner
                i = max(i + 1, j)
                continue
            i += 1
        return groups, used, owned, openers

    def _run_by(self, low: list[str], labels: list, s: int, k: int) -> bool:
        """The verb at ``k`` describes an unnamed side by who runs it: "with a limited partnership managed by X",
        "to a group led by X" (a partner preposition, an article, unnamed lower-case words ending in one of
        unnamed_groups): the name after its "by" stands for that side."""
        j = prev_word(low, k, s)
        if j < s or low[j] not in self.unnamed_groups or labels[j] is not None:
            return False
        for _ in range(4):
            j = prev_word(low, j, s)
            if j < s or labels[j] is not None or not low[j].isalpha():
                return False
            if low[j] in ("a", "an"):
                j = prev_word(low, j, s)
                return j >= s and (low[j] in self.anywhere_preps or low[j] in self.adjacent_preps)
        return False

    def _before_amount(self, low: list[str], s: int, i: int) -> int:
        """The word before token ``i``, past an amount that stands between ("owned 25 pct by X": "owned")."""
        k = prev_word(low, i, s)
        while k > s and (low[k] in self.amount_words or _NUMBER.match(low[k])):
            k = prev_word(low, k, s)
        return k

    def _sayer(self, low: list[str], s: int, i: int, ents: list[Span]) -> Optional[Span]:
        """The name that reports sentence ``s`` ("X said ..."): the name right before its first reporting verb
        before token ``i`` (wire markup such as a ticker may stand between), or None."""
        for k in range(s, i):
            if low[k] not in self.reporting_verbs:
                continue
            j = prev_word(low, k, s)
            if j >= s and low[j] == ">" and "<" in low[max(s, j - 4):j]:
                j = prev_word(low, max(s, j - 4) + low[max(s, j - 4):j].index("<"), s)  # "X <XCO> said"
            return next((ent for ent in ents if ent.end == j + 1), None)
        return None

    @staticmethod
    def held_by_earlier(low: list[str], group: list[Span], trig: Span, triggers: list[Span],
                        ends: Optional[set[int]] = None) -> bool:
        """A partner group right after an earlier agreement word, set off by a comma from this later one, is the
        earlier one's alone ("agreed to set up a company with X to mine ore, a joint communique said").
        ``ends``: where the sentence's agreement words end, where the caller has them (one look per position
        instead of one per word)."""
        if group[-1].end > trig.start or "," not in low[group[-1].end:trig.start]:
            return False
        g0 = group[0].start
        if ends is not None:  # (``trig`` itself ends after the group starts)
            return any(k in ends for k in range(g0 - 3, g0 + 1))
        return any(t is not trig and t.end <= g0 and g0 - t.end <= 3 for t in triggers)

    @staticmethod
    def reach(trig: Span, starts: list[int], ends: list[int], group_starts: list[int],
              group_ends: list[int]) -> tuple[int, int]:
        """The partner groups of a sentence that ``trig`` can take, as a range of their indexes: a group lies out
        of reach when another agreement word stands between them and ``trig`` has a nearer group on that side,
        before the other word ("an MOU with X, and Y said it formed a joint venture with Z": Z is the joint
        venture's partner, not the MOU's; "an MOU and a joint venture with Z" still gives Z to both).
        ``starts``/``ends``: where the sentence's agreement words start and end, ``group_starts``/``group_ends``
        where its groups do (each in order: neither overlaps another of its kind)."""
        first, last = 0, len(group_starts)
        k = bisect_left(group_starts, trig.end)  # the nearest group after the word
        if k < last:
            t = bisect_left(starts, group_ends[k])  # the first agreement word after that group
            if t < len(starts):
                last = bisect_left(group_starts, ends[t])
        k = bisect_right(group_ends, trig.start) - 1  # the nearest group before the word
        if k >= 0:
            t = bisect_right(ends, group_starts[k]) - 1  # the last agreement word before that group
            if t >= 0:
                first = bisect_right(group_ends, starts[t])
        return first, last

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
        """A place used as a modifier of the next name: "U.S. regional carrier Air Atlanta Inc" (or "<Air
        Atlanta Inc>")."""
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
            if w == "<" and k + 1 in by_start:
                k += 1  # "U.S. parts firm <X Co>": wire markup around the name
                continue
            if words == 0 and w.isalpha() and w[:1].isupper() and k + 1 < len(v.text) \
                    and v.text[k + 1].isalpha() and v.text[k + 1].islower() and v.text[k + 1] not in self.object_preps:
                words += 1  # "U.S. Autoparts firm X": a capitalised word of the description, a noun after it
                k += 1
                continue
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
                             triggers: list[Span], text: Optional[list[str]] = None
                             ) -> dict[int, tuple[frozenset, str, str]]:
        """Prepositions that bring in a partner a few words after an agreement verb of a given type
        ("agreed to license its adhesives to X", "invest about A$940 million in X")."""
        out: dict[int, tuple[frozenset, str, str]] = {}
        for trig in triggers:
            key = "sale" if trig._.value == "acquisition" and low[trig.end - 1] in self.sale_words else trig._.value
            preps = self.clause_preps.get(key)
            if not preps:
                continue
            words = 0
            for k in range(trig.end, e):
                if low[k].isspace():
                    continue  # ten words, whatever the line breaks of wrapped text
                words += 1
                if low[k] == "," and (labels[self._prev(low, k, trig.end)] == "PLACE"
                                      or labels[self._next(low, k + 1, e)] == "PLACE" if k + 1 < e else False):
                    continue  # "sell its Huron, South Dakota, plant to X": the commas of a place name
                if words > 10 or low[k] in (".", ";", ",", "\u2014", "--") or labels[k] == "AGREEMENT" \
                        or low[k] in self.clause_openers:
                    break
                if low[k] == "to" and text is not None and self._infinitive(low, text, labels, k, e):
                    break  # "a license from X to operate flights to Y": a purpose clause, Y is no partner
                if low[k] in preps:
                    out[k] = (preps, key, low[trig.end - 1])  # every one in reach: "purchase from X of the business of Y"
        return out

    def _infinitive(self, low: list[str], text: list[str], labels: list, k: int, e: int) -> bool:
        """The "to" at ``k`` opens an infinitive ("to operate"): a lower-case word follows, no name, article,
        possessive or number."""
        j = self._next(low, k + 1, e)
        if j >= e or labels[j] is not None:
            return False
        return text[j].isalpha() and text[j].islower() and low[j] not in self.infinitive_not

    def direct_object(self, v: TokenView, labels: list, trig: Span, e: int, by_start: dict[int, Span],
                       dateline: int) -> Optional[Span]:
        """The named object of an agreement verb that takes one ("joined the Core Programme of imec",
        "join the consortium Eureka"); none when a word such as "board" follows it ("join the X board")."""
        crossing = self.object_types.get(trig._.value)
        direct = trig._.value in self.object_direct
        if (crossing is not None or direct) and trig._.kind == "specific" and trig.end < e:
            at = trig.end + (1 if v.lower[trig.end].isspace() else 0)
            right = by_start.get(at)
            if right is not None and right.label_ == "ORG" and (direct or right[-1].text in self.object_groups):
                return right  # "formed Kelvo Forum", "joined Marden Consortium", "to acquire Orrin Ltd"
            if right is None and direct and v.lower[trig.end - 1] in self.name_run_words and at < e:
                run = self._name_run(v, labels, at, e, trig.doc)  # "acquired Atomika Technische Physik, based in"
                if run is not None:
                    return run
        if crossing is None or trig._.kind != "specific" or trig.end >= e \
                or v.lower[trig.end] not in self.object_openers and not _NUMBER.match(v.lower[trig.end]):
            return None  # "joined the X Consortium", "an order for 12 X airliners"
        low = v.lower
        for j in range(trig.end, min(e, trig.end + 8)):
            ent = by_start.get(j)
            if ent is not None:
                if self.is_modifier(v, ent, dateline):
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

    def subject(self, v: TokenView, labels: list, s: int, limit: int, ents: list[Span], used: set[int],
                 actors: dict[str, Optional[Span]], previous: list[dict], dateline: int) -> list[Span]:
        low = v.lower
        # only the names before the limit can be the subject (or hang a relative clause on, or govern one):
        # the sentence's names are sorted, and a word with no name before it goes straight to "it", "the company"
        before = ents[:bisect_left(ents, limit, key=_start)]
        if not before:
            return self._subject_phrase_in(self._word_index(low), s, limit, actors, previous)
        free, possessors = self._unbound(v, s, ents, dateline)
        eligible = [ent for ent in before if ent.start in free and ent.start not in used
                    and not (ent.start in possessors
                             and "AGREEMENT" not in labels[ent.end + 1:min(limit + 1, ent.end + 4)]
                             and not self._owns_unit(low, ent.end + 1, limit))]
        relative = self._relative_head(low, s, limit, before, dateline)
        if relative is not None:
            return [relative]
        words = self._word_index(low)
        k = bisect_left(words.reports, limit) - 1  # the last reporting verb before the limit
        report = words.reports[k] if k >= 0 and words.reports[k] >= s else -1
        if eligible and report > eligible[0].start:
            # "X said Y agreed ...", "X said the companies agreed ...": the reported clause has the subject
            after = [ent for ent in eligible if ent.start > report]
            if after:
                nxt = next((w for w in low[report + 1:limit] if not w.isspace()), "")
                if nxt == "its" and low[self._next(low, after[0].end, limit)] in self.unit_nouns:
                    # "X said its Y unit agreed": unit and parent are one side, named by the parent
                    return self.coordinated(v, eligible, report, labels)
                sayer = self.coordinated(v, eligible, report, labels) if nxt in ("it", "they") else []
                return sayer + self.coordinated(v, after, limit, labels)  # "X said it and Y signed"
            phrase = self._subject_phrase_in(words, report + 1, limit, actors, previous, pronouns=False)
            if phrase:
                return phrase
        if eligible:
            return self.coordinated(v, eligible, limit, labels)
        return self._subject_phrase_in(words, s, limit, actors, previous)

    def _unbound(self, v: TokenView, s: int, ents: list[Span], dateline: int) -> tuple[set[int], set[int]]:
        """The starts of the names of sentence ``s`` (whose names are ``ents``) that can be a subject as far as
        the words around them tell: no modifier, location or source (:meth:`is_modifier`), no name a
        preposition governs (:meth:`_governed`); and the starts of the possessors ("X's"). Worked out once per
        sentence: a sentence with many agreement words asks for its subject once per word, each time about the
        names before that word."""
        memo = getattr(self, "_unbound_memo", None)
        if memo is None or memo[0] is not ents or memo[1] is not v or memo[2] != s or memo[3] != dateline:
            low = v.lower
            ends = {ent.end: ent for ent in ents}
            governed: dict[int, bool] = {}  # (a list of names is followed back once, not once per name)
            free = {ent.start for ent in ents
                    if not self.is_modifier(v, ent, dateline) and not self._governed(low, s, ent, ends, governed)}
            possessors = {ent.start for ent in ents if self.possessive(v, ent)}
            memo = self._unbound_memo = (ents, v, s, dateline, (free, possessors))
        return memo[4]

    def may_name_side(self, low: list[str], s: int, e: int) -> bool:
        """Whether tokens s..e of a sentence without names of its own could still give an agreement a side:
        a word that opens a partner group ("with the two companies") or a referring subject ("it", "the
        city"). Where neither stands, every agreement word of the sentence is sideless."""
        if not self.group_openers.isdisjoint(low[s:e]):
            return True
        at = self._word_index(low).subject_starts
        return bisect_left(at, s) != bisect_left(at, e)

    def forget(self) -> None:
        """Drop what :meth:`subject` and :meth:`_pair` kept of the last document (its names and facts)."""
        self._unbound_memo = None
        self._latest_memo = None
        self._ranked = {}

    def _word_index(self, low: list[str]) -> "_WordIndex":
        """Where the document's reporting verbs and subject phrases stand (found once per document: a sentence
        with many agreement words asks for its subject once per word)."""
        words = getattr(self, "_words", None)
        if words is None or words.low is not low:
            words = self._words = _WordIndex(low, self.reporting_verbs, self.subject_index,
                                             self.referring_modifiers)
        return words

    def _subject_phrase_in(self, words: "_WordIndex", a: int, limit: int, actors: dict[str, Optional[Span]],
                           previous: list[dict], pronouns: bool = True) -> list[Span]:
        """A subject given as "it", "the city", "the two companies" among tokens a..limit: what it refers to,
        from the document's index of subject phrases (the phrase of the lowest rank that stands whole in a..limit,
        the first one on a tie). Without ``pronouns``, "it" and "they" are left out (after "X said", they stand
        for X)."""
        low = words.low
        best: Optional[tuple[int, int, Optional[Span]]] = None  # (rank in subject_phrases, position, country)
        at = words.subject_starts
        for j in range(bisect_left(at, a), len(at)):
            i, rank, n = words.subjects[j]
            if i >= limit:
                break
            if i + n > limit or (n == 1 and not pronouns) or (best is not None and rank >= best[0]):
                continue
            if i > a and (low[i - 1] in self.object_preps or low[i - 1] in self.anywhere_preps):
                continue  # "a partnership between the state of X": no subject
            country = None
            if low[i] == "the" and n > 2 and any(low[k] in self.demonym_places for k in range(i + 1, i + n - 1)):
                # "the French government": France where the document names it, else no subject phrase at all
                country = self._country(low, i, n) if self.subject_phrases[rank][1] == "PLACE" else None
                if country is None:
                    continue
            best = (rank, i, country)
        if best is None:
            return []
        if best[2] is not None:
            return [best[2]]
        phrase, label = self.subject_phrases[best[0]]
        if label == "PAIR":
            return self._pair(previous, self.pair_labels.get(" ".join(phrase)), self._count(phrase))
        actor = actors.get(label)
        return [actor] if actor is not None else []

    def _country(self, low: list[str], i: int, n: int) -> Optional[Span]:
        """The place the document names for the nationality word of the subject phrase at ``i`` ("the French
        government": France), or None."""
        word = next(low[k] for k in range(i + 1, i + n - 1) if low[k] in self.demonym_places)
        names = self.demonym_places[word]
        return next((p for p in self._ranked.get("PLACE", ()) if " ".join(p.text.lower().split()) in names), None)

    def _owns_unit(self, low: list[str], k: int, limit: int) -> bool:
        """A unit noun within three words from token k ("X's shipbuilding subsidiary signed"): X, the parent,
        is named as the side (GUIDELINES: unit and parent form one side)."""
        words = [w for w in low[k:min(limit, k + 8)] if not w.isspace()][:3]
        return any(w in self.unit_nouns for w in words)

    def coordinated(self, v: TokenView, eligible: list[Span], limit: int,
                    labels: Optional[list] = None) -> list[Span]:
        """The first name and the names coordinated with it ("X and Y signed ..."), across appositions
        ("X, a start-up based in Y, and Z signed ...": the names inside the apposition are skipped) and a
        name's place of origin ("X of Chile and Y signed ...": ``labels``, the token labels, show the place)."""
        low = v.lower
        subj = [eligible[0]]
        starts = {ent.start: ent for ent in eligible}
        idx = 1
        while idx < len(eligible):
            gap_start = self._after_apposition(low, self._after_origin(low, subj[-1].end, limit, labels), limit,
                                               starts, labels)
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

    @staticmethod
    def _after_origin(low: list[str], end: int, limit: int, labels: Optional[list]) -> int:
        """After "of PLACE" right after a name ("Aurelia Mining of Chile", "X Co of Abilene, Texas"): where the
        place ends; else ``end``."""
        if labels is None or end + 1 >= limit or low[end] != "of" or labels[end + 1] != "PLACE":
            return end
        k = end + 1
        while k < limit and labels[k] == "PLACE":
            k += 1
            if k + 1 < limit and low[k] == "," and labels[k + 1] == "PLACE":
                k += 1  # "of Abilene, Texas": the town with its state
        return k

    def _after_apposition(self, low: list[str], end: int, limit: int, starts: dict[int, Span],
                          labels: Optional[list] = None) -> int:
        """Where an apposition after a name (", a Japanese firm building robots,") ends: at its closing comma;
        ``end`` itself where none follows. A list item after "the" ("X, the Y Group and Z") is no apposition.
        With the token ``labels``, a comma between two places ("a start-up based in Grenoble, France,") is
        inside the apposition."""
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
            if low[j] == "," and not (labels is not None and 0 < j < limit - 1 and labels[j - 1] == "PLACE"
                                      and labels[j + 1] == "PLACE"):
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

    def _pair(self, previous: list[dict], label: Optional[str], count: Optional[int] = None) -> list[Span]:
        """What "the two companies" / "the two countries" / "they" stand for: the sides of the latest fact
        with two or more sides (of that label where the phrase names one, and as many as it counts). Where no
        earlier fact has two sides, a phrase that counts two and names their kind ("the two companies") is
        completed with the document's most-named names of that kind."""
        for wanted in ((count, None) if count else (None,)):
            i = self._latest(previous, label, wanted)
            if i >= 0:
                return list(previous[i]["_spans"])
        i = self._latest(previous, None, None)
        if i >= 0:
            return list(previous[i]["_spans"])
        found = list(previous[-1]["_spans"]) if previous else []
        if count == 2 and label in ("ORG", "PLACE") and len(found) < count:
            keys = {key(p) for p in found}
            for ent in self._ranked.get(label, ()):
                if len(keys) >= count:
                    break
                if key(ent) not in keys and not any(key(ent).startswith(k + " ") or k.startswith(key(ent) + " ")
                                                    for k in keys):
                    keys.add(key(ent))
                    found.append(ent)
            if len(keys) < count:
                return list(previous[-1]["_spans"]) if previous else []
        return found

    def _latest(self, previous: list[dict], label: Optional[str], wanted: Optional[int]) -> int:
        """The index of the latest fact of ``previous`` with two or more sides (all of ``label``, and
        ``wanted`` many, where given), or -1. The answer is kept with how many facts it read: asked again about
        the same list, grown by later facts, only those are read (while no earlier fact's sides were set again:
        :func:`.parties.resets`), so that a document of many references reads its facts once, not once each."""
        memo = getattr(self, "_latest_memo", None)
        if memo is None or memo[0] is not previous or memo[1] != resets():
            memo = self._latest_memo = (previous, resets(), {})
        read, found = memo[2].get((label, wanted), (0, -1))
        if read > len(previous):  # (the list shrank: read it again)
            read, found = 0, -1
        for i in range(len(previous) - 1, read - 1, -1):
            spans = previous[i]["_spans"]
            if len(spans) > 1 and (label is None or all([p.label_ == label for p in spans])) \
                    and (wanted is None or len(spans) == wanted):
                found = i
                break
        memo[2][(label, wanted)] = (len(previous), found)
        return found

    def _governed(self, low: list[str], s: int, ent: Span, ends: dict[int, Span],
                  memo: Optional[dict[int, bool]] = None) -> bool:
        """Whether a preposition governs the name, directly ("in Japan") or through a list it stands in
        ("in North America, Japan and Europe"). ``memo``: answers found so far in the sentence, by name start."""
        found = memo.get(ent.start) if memo is not None else None
        if found is None:
            found = self._governed_here(low, s, ent, ends, memo)
            if memo is not None:
                memo[ent.start] = found
        return found

    def _governed_here(self, low: list[str], s: int, ent: Span, ends: dict[int, Span],
                       memo: Optional[dict[int, bool]]) -> bool:
        k = ent.start - 1
        while k >= s and (low[k] in (",", "and", "or", "&", "the") or low[k].isspace()):
            k -= 1
        if k < s:
            return False
        if k + 1 in ends and k + 1 < ent.start:
            before = ends[k + 1]
            if before.label_ == "PLACE" and before.start > s + 1 and low[before.start - 1] == "of" \
                    and before.start - 1 in ends and ends[before.start - 1].label_ == "ORG":
                return False  # "X Corp of Japan and Y Inc": the place is X's origin, Y no object of "of"
            return self._governed(low, s, before, ends, memo)
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

    def actors(self, ents: list[Span], low: Optional[list[str]] = None) -> dict[str, Optional[Span]]:
        """The most-named organisation and place (what "the company", "the city" and "it" refer to); with the
        words ``low``, names told something ("told the SEC") are not counted: the audience is not the actor."""
        counts: Counter = Counter()
        first: dict[str, Span] = {}
        for ent in ents:
            if ent.text.isupper() and len(ent.text) > 3:  # headlines and datelines
                continue
            if low is not None and self.is_source(low, ent):
                continue
            key = ent.text
            counts[(ent.label_, key)] += 1
            first.setdefault(key, ent)
        out: dict[str, Optional[Span]] = {"ANY": None, "ORG": None, "PLACE": None}
        self._ranked = {}  # each label's names, most-named first ("the two companies" where no fact says)
        for label in ("ORG", "PLACE"):
            best = sorted((-c, first[k].start, k) for (lab, k), c in counts.items() if lab == label)
            if best:
                out[label] = first[best[0][2]]
                self._ranked[label] = [first[k] for _, _, k in best]
        both = sorted((-c, first[k].start, k) for (lab, k), c in counts.items())
        if both:
            out["ANY"] = first[both[0][2]]
        return out

    def breaks(self, low: list[str], s: int, e: int) -> list[int]:
        """Token indices where a clause break (", but", ";") starts in the sentence."""
        if self.break_index.keys().isdisjoint(low[s:e]):
            return []
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

    def listed_names(self, v: TokenView, s: int, e: int, ents: list[Span], dateline: int) -> list[Span]:
        """The names a listing sentence gives as sides: not locations, modifiers, possessors ("Japan's X"),
        names after "of" ("X of the United States") or bracketed short forms ("(QIC)")."""
        low = v.lower
        out = []
        for ent in ents:
            if self.is_modifier(v, ent, dateline) or self.possessive(v, ent):
                continue
            if ent.start > s and low[ent.start - 1] in ("(", "of") or ent.start > s + 1 and low[ent.start - 2] == "of" \
                    and low[ent.start - 1] == "the":
                continue
            out.append(ent)
        return dedupe(out)


class _WordIndex:
    """A document's reporting verbs (token positions) and subject phrases ((position, rank, length), by
    position, and at one position by rank), for :meth:`Sides.subject`."""

    __slots__ = ("low", "reports", "subjects", "subject_starts")

    def __init__(self, low: list[str], reporting_verbs: frozenset,
                 subject_index: dict[str, list[tuple[int, tuple[str, ...]]]],
                 modifiers: frozenset = frozenset()) -> None:
        self.low = low
        self.reports = [k for k, w in enumerate(low) if w in reporting_verbs]
        self.subjects = [(i, rank, len(phrase)) for i, w in enumerate(low) if w in subject_index
                         for rank, phrase in subject_index[w] if tuple(low[i:i + len(phrase)]) == phrase]
        if modifiers and "the" in subject_index:
            # "the Toulouse-based company", "the state utility": "the company", "the utility" with modifiers between
            nouns = {phrase[1]: rank for rank, phrase in subject_index["the"] if len(phrase) == 2}
            n = len(low)
            longer = {}
            for i in [k for k, w in enumerate(low) if w == "the"]:
                j = i + 1
                while j < n and j - i <= 4 and (low[j] in modifiers or j + 1 < n and low[j + 1] == "-"):
                    j += 1
                if j > i + 1 and j < n and low[j] in nouns:
                    longer[i] = (i, nouns[low[j]], j + 1 - i)
            if longer:  # the modified phrase replaces a shorter one at its start ("the state" of "the state utility")
                self.subjects = sorted([x for x in self.subjects if x[0] not in longer] + list(longer.values()))
        self.subject_starts = [i for i, _, _ in self.subjects]
