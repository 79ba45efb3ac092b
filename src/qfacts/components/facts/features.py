"""Features of a (agreement word, name) pair, for the learned decision "is this name a side of this agreement?".

Two kinds, as plain strings (a :class:`~.model.LinearModel` weighs them):

- from the words: the name's label, on which side of the agreement word it stands and how far, the
  preposition that brings it in, the words right before and after it, names, commas, clause breaks and
  reporting verbs between, whether it is a location, a modifier, a source or a possessor, whether it lies in a
  dateline or a headline, and which part of the sentence the rules read it from (subject, partner group, object);
- from the dependency parse of the sentence (:mod:`qfacts.syntax`), where there is one: the name's relation and
  case word, its relation to the verb that governs the agreement word (subject, object, "with/between/from/by"
  phrase, through coordination and apposition, "X's unit" and "a unit of X"), the path between the two in the
  tree, passive voice.

A few features are also conjoined with the agreement's type group (acquisitions read their sides differently).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from ..common import TokenView

_DIST = ((1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (15, "9-15"))


def bucket(n: int, steps: tuple[tuple[int, str], ...] = _DIST, top: str = "16+") -> str:
    for limit, name in steps:
        if n <= limit:
            return name
    return top


class PairFeatures:
    """Reads the preposition and verb cue lists of facts.json (the same lists the rules read)."""

    def __init__(self, cfg: dict) -> None:
        self.preps = frozenset(cfg["object_prepositions"]) | frozenset(cfg["anywhere_prepositions"]) \
            | frozenset(cfg["party_prepositions"])
        self.reporting = frozenset(cfg["reporting_verbs"])
        self.unit_nouns = frozenset(cfg["unit_nouns"])
        self.type_groups = dict(cfg.get("feature_type_groups", {}))

    def fact(self, *args, **kwargs) -> list[str]:
        """Features of a candidate fact (:func:`fact_features`)."""
        return fact_features(self, *args, **kwargs)

    def group_of(self, type_: str) -> str:
        return self.type_groups.get(type_, "deal")

    def words(self, v: TokenView, s: int, e: int, trig: Span, m: Span, sent_ents: list[Span], rule: str,
              modifier: bool, possessive: bool, dateline: int, headline: bool, type_: str) -> list[str]:
        """The word features of name ``m`` for agreement word ``trig`` in sentence ``s..e``."""
        low = v.lower
        tg = self.group_of(type_)
        after = m.start >= trig.end
        a, b = (trig.end, m.start) if after else (m.end, trig.start)
        between = [w for w in low[a:b] if not w.isspace()]
        f = [f"lab:{m.label_}", f"dir:{'after' if after else 'before'}", f"dist:{bucket(len(between) + 1)}",
             f"rule:{rule}", f"tg:{tg}", f"tg_rule:{tg}:{rule}", f"tg_dir:{tg}:{'after' if after else 'before'}"]
        n_between = sum(1 for x in sent_ents if x is not m and a <= x.start and x.end <= b)
        f.append(f"nents:{min(n_between, 3)}")
        prev = _prev_word(low, m.start, s)
        nxt = _next_word(low, m.end, e)
        f.append(f"prev:{closed(prev)}")
        f.append(f"next:{closed(nxt)}")
        # the preposition that brings the name in: for a name after the agreement word, the last one between;
        # for one before it, the word before the name (or before the list it stands in)
        prep = next((w for w in reversed(between) if w in self.preps), "") if after else \
            (prev if prev in self.preps else "")
        f.append(f"prep:{prep or '-'}")
        f.append(f"tg_prep:{tg}:{prep or '-'}")
        f.append(f"dir_prep:{'after' if after else 'before'}:{prep or '-'}")
        commas = between.count(",")
        f.append(f"commas:{min(commas, 2)}")
        if any(w in self.reporting for w in between):
            f.append("report_between")
        if ";" in between or "but" in between:
            f.append("break_between")
        if modifier:
            f.append("modifier")
        if possessive:
            f.append("possessive")
            if any(w in self.unit_nouns for w in low[m.end:min(e, m.end + 5)]):
                f.append("owns_unit")
        if m.start < dateline:
            f.append("dateline")
        if headline:
            f.append("headline")
        first = next((x for x in sent_ents), None)
        if first is m and not after:
            f.append("first_name")
        if m.text.isupper() and len(m.text) > 4:
            f.append("caps")
        return f

    def parse(self, sp, trig: Span, m: Span, type_: str) -> list[str]:
        """The parse features of name ``m`` for agreement word ``trig`` (``sp``: the sentence's parse)."""
        from ... import syntax as sx

        tg = self.group_of(type_)
        th = sx.span_head(sp, trig.start, trig.end)
        mh = sx.span_head(sp, m.start, m.end)
        gov = th if sp.pos_of(th) in ("VERB", "AUX") else sx.governor(sp, th)
        f = [f"mdep:{sp.dep(mh)}", f"mcase:{sx.case_of(sp, mh) or '-'}", f"tpos:{sp.pos_of(th)}"]
        # the name itself, or the first of the names it is coordinated with, or the noun it is in apposition to
        tops = [("", mh)]
        first = sx.conjuncts(sp, mh)[0]
        if first != mh:
            tops.append(("conj:", first))
        for k in sx.appositions(sp, first):
            if k != first:
                tops.append(("appos:", k))
        if sp.dep(first) == "appos":
            tops.append(("appos:", sp.head(first)))
        rels = []
        for how, k in tops:
            rels.extend(how + r for r in self._relations(sp, sx, k, th, gov))
        # "X's unit", "a unit of X": the name owns a unit noun that stands in a relation
        owner = self._owned_unit(sp, sx, mh)
        if owner is not None:
            rels.extend("unit:" + r for r in self._relations(sp, sx, owner, th, gov))
        if not rels:
            rels.append("none")
        for r in dict.fromkeys(rels):
            f.append(f"rel:{r}")
            f.append(f"tg_rel:{tg}:{r}")
        if gov is not None and sx.is_passive(sp, gov):
            f.append("passive")
            f.extend(f"pass_rel:{r}" for r in dict.fromkeys(rels))
        lo, hi = sp.subtree(th)
        if lo <= mh < hi:
            f.append("in_trigger_phrase")
        f.append("path:" + _path(sp, mh, th))
        return f

    @staticmethod
    def _relations(sp, sx, k: int, th: int, gov: Optional[int]) -> list[str]:
        """How token ``k`` relates to the agreement word ``th`` and its verb ``gov``."""
        out = []
        head = sp.head(k)
        dep = sp.dep(k)
        case = sx.case_of(sp, k)
        if head == th and k != th:
            out.append(f"trig:{dep}:{case or '-'}")
        if gov is not None:
            if k in sx.subjects(sp, gov):
                out.append("subj")
            if k in sx.objects(sp, gov):
                out.append("obj")
            if head == gov and k != gov and dep not in ("nsubj", "obj", "nsubj:pass"):
                out.append(f"gov:{dep}:{case or '-'}")
            # a clause the verb depends on: "X said it signed", "X agreed to form"
            up = sp.head(gov)
            if up != gov and head == up and sp.dep(gov) in ("ccomp", "xcomp", "advcl", "conj") \
                    and dep.startswith("nsubj"):
                out.append(f"upper_subj:{sp.dep(gov)}")
        return out

    def _owned_unit(self, sp, sx, mh: int) -> Optional[int]:
        """The unit noun a name owns: "X's unit" (the name is its possessor), "a unit of X" (it is the noun's
        "of" phrase)."""
        head = sp.head(mh)
        if head != mh and sp.lower(head) in self.unit_nouns and sp.dep(mh) in ("nmod:poss", "nmod"):
            return head
        return None


# words kept as themselves in "prev:"/"next:" features; any other word is "W" (content words are too many for
# the few hundred annotated facts to weigh)
CLOSED = frozenset(("^", "$", "#", ",", ".", ";", ":", "(", ")", "'s", "\u2019s", "'", "\"", "-", "--", "<", ">",
                    "and", "or", "&", "but", "the", "a", "an", "its", "their", "his", "her", "this", "that", "which",
                    "who", "to", "of", "in", "for", "from", "with", "between", "among", "by", "on", "at", "into",
                    "as", "said", "says", "told", "will", "would", "may", "could", "has", "have", "had", "was",
                    "were", "is", "are", "be", "been", "it", "they", "not", "also", "both", "unit", "subsidiary",
                    "division", "affiliate", "group"))


def closed(w: str) -> str:
    return w if w in CLOSED else "W"


def _prev_word(low: list[str], i: int, s: int) -> str:
    k = i - 1
    while k >= s and (low[k].isspace() or low[k] in ("the", "a", "an")):
        k -= 1
    if k < s:
        return "^"
    w = low[k]
    return w if not w[:1].isdigit() else "#"


def _next_word(low: list[str], i: int, e: int) -> str:
    k = i
    while k < e and low[k].isspace():
        k += 1
    if k >= e:
        return "$"
    w = low[k]
    return w if not w[:1].isdigit() else "#"


def _path(sp, a: int, b: int) -> str:
    """The dependency path from ``a`` up to the lowest common ancestor and down to ``b``, as relations (at most
    three each way; "^" up, "v" down)."""
    up_a = [a] + sp.ancestors(a)
    up_b = [b] + sp.ancestors(b)
    on_b = set(up_b)
    common = next((x for x in up_a if x in on_b), None)
    if common is None:
        return "none"
    left = [sp.dep(x).split(":")[0] for x in up_a[:up_a.index(common)]][:3]
    right = [sp.dep(x).split(":")[0] for x in up_b[:up_b.index(common)]][:3]
    return "^".join(left) + "|" + "v".join(reversed(right))


def _sentence_flags(pf: "PairFeatures", v: TokenView, s: int, e: int) -> tuple[bool, bool]:
    """Whether sentence s..e holds a quotation mark, and a reporting verb (once per sentence of a document, not
    once per candidate fact: a sentence can hold many)."""
    cache = getattr(pf, "_sentence_cache", None)
    if cache is None or cache[0] is not v:
        cache = pf._sentence_cache = (v, {})
    flags = cache[1].get((s, e))
    if flags is None:
        words = [w for w in v.lower[s:e] if not w.isspace()]
        flags = cache[1][(s, e)] = ("\"" in words or "\u201c" in words, any(w in pf.reporting for w in words))
    return flags


_LABEL_SETS: dict[frozenset, str] = {}  # the label hashes of a fact's parties -> "ORG-PLACE"


def fact_features(pf: "PairFeatures", v: TokenView, s: int, e: int, trig: Span, kind: str, type_: str,
                  base_type: str, parties: list[Span], status: str, rejected: str, hedges: list[str],
                  signing: bool, specific: bool, headline: bool, n: int, purpose: Optional[str], sp) -> list[str]:
    """Features of a candidate fact, for the learned decision "does this sentence state this agreement?"."""
    low = v.lower
    # what depends on the agreement word and its sentence only: once per word, not once per candidate fact
    cache = getattr(pf, "_trigger_cache", None)
    if cache is None or cache[0] is not v:
        cache = pf._trigger_cache = (v, {})
    at = (trig.start, trig.end, s, e, id(sp))
    own = cache[1].get(at)
    if own is None or own[3] is not sp:
        own = cache[1][at] = (" ".join(w for w in low[trig.start:trig.end] if not w.isspace()),
                              closed(_prev_word(low, trig.start, s)), closed(_next_word(low, trig.end, e)), sp,
                              _trigger_parse(trig, sp))
    phrase, prev, nxt, _, parsed = own
    kinds, inside = set(), 0
    for p in parties:
        kinds.add(p.label)  # (the label's hash: ``label_`` looks its string up each time)
        inside += s <= p.start < e
    labels = _LABEL_SETS.get(frozenset(kinds))
    if labels is None:
        labels = _LABEL_SETS[frozenset(kinds)] = "-".join(sorted({p.label_ for p in parties}))
    # the candidate facts of one agreement word often differ only in their parties' names: built once
    key = (at, kind, type_, base_type, status, rejected, min(len(parties), 3), labels,
           min(len(parties) - inside, 2), min(n, 3), tuple(hedges), signing, specific, headline, purpose)
    built = cache[1].get(key)
    if built is not None and built[0] is sp:
        return list(built[1])
    f = [f"phrase:{phrase}", f"type:{type_}", f"base:{base_type}", f"kind:{kind}", f"status:{status}",
         f"rejected:{rejected or 'no'}", f"nparties:{min(len(parties), 3)}", f"plabels:{labels}",
         f"outside:{min(len(parties) - inside, 2)}", f"sent:{min(n, 3)}", f"prev:{prev}",
         f"next:{nxt}", f"type_status:{type_}:{status}",
         f"kind_rejected:{kind}:{rejected}"]
    f.extend(f"hedge:{h}" for h in hedges)
    if signing:
        f.append("signing")
    if specific:
        f.append("specific_in_sentence")
    if headline:
        f.append("headline")
    if purpose:
        f.append(f"purpose:{purpose}")
    quote, reported = _sentence_flags(pf, v, s, e)
    if quote:
        f.append("quote")
    if reported:
        f.append("reported")
    f.extend(parsed)
    cache[1][key] = (sp, tuple(f))
    return f


def _trigger_parse(trig: Span, sp) -> list[str]:
    """The parse features of an agreement word (none without a parse ``sp`` of its sentence)."""
    f: list[str] = []
    if sp is not None:
        from ... import syntax as sx

        th = sx.span_head(sp, trig.start, trig.end)
        f.append(f"tdep:{sp.dep(th)}")
        f.append(f"tpos:{sp.pos_of(th)}")
        gov = th if sp.pos_of(th) in ("VERB", "AUX") else sx.governor(sp, th)
        if gov is not None:
            f.append(f"gov:{sp.lower(gov)}")
            for c in sp.children(gov):
                if sp.dep(c) in ("aux", "aux:pass") and sp.lower(c) in ("will", "would", "may", "might", "could",
                                                                        "should", "can", "to"):
                    f.append(f"aux:{sp.lower(c)}")
                if sp.dep(c) == "advmod" and sp.lower(c) in ("not", "n't", "never"):
                    f.append("negated_verb")
            f.append(f"gov_dep:{sp.dep(gov)}")
    return f
