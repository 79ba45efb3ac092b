"""Candidates stage: which AGREEMENT mentions of a sentence make facts, and with what status.

A sentence that denies, refuses, calls off or ends an agreement makes no fact (unless negated facts are asked
for); a hedge before the agreement word ("may", "thinking of", "not seeking") makes none; a general word
("agreement", "cooperation") needs a signing verb and no specific agreement word beside it; the status
("signed", "planned", "negotiating", else "announced") is that of the cue nearest the agreement word.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from ..common import TokenView
from .phrases import has, phrases


MAJORITY = ">majority"  # stands in the 'unless'/'if' words of an absorbed_by rule for a share above its "majority"


_PERCENT = ("pct", "percent", "%", "per")


def _percent_over(tok, limit: float) -> bool:
    """A share above ``limit`` percent: a number ("100", "51.5") right before "pct", "percent" or "%", or one of
    at least ``limit`` after "over" or "more than" ("over 50 pct")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ not in _PERCENT:
        return False
    try:
        value = float(tok.lower_.replace(",", ""))
    except ValueError:
        return False
    before = tok.nbor(-1).lower_ if tok.i > 0 else ""
    return value > limit or value >= limit and before in ("over", "than", "above")


class Candidates:
    """Reads ``negation_cues``, ``negated_status``, ``hedge_cues``, ``ownership_hedges``, ``signing_cues``,
    ``status_cues``, ``apposition_starts`` and ``absorbed_by`` of facts.json."""

    def __init__(self, cfg: dict) -> None:
        self.strong_negation = phrases(cfg["negation_cues"])
        self.period_nouns = frozenset(cfg.get("period_nouns", ()))
        self.negated_status = {k: phrases(v) for k, v in cfg["negated_status"].items()}
        self.hedges = phrases(cfg["hedge_cues"])
        self.ownership_types = frozenset(cfg["ownership_hedges"]["types"])
        self.ownership_hedges = phrases(cfg["ownership_hedges"]["cues"])
        self.not_held = frozenset(cfg["ownership_hedges"].get("not_held", ()))
        self.hedge_firsts = frozenset(p[0] for p in self.hedges) | frozenset(p[0] for p in self.ownership_hedges)
        self.signing = phrases(cfg["signing_cues"])
        # the first words of the cues read from a sentence's words (negation, signing, hedges): a sentence with
        # none of them needs no word list (:meth:`sentence_words`)
        self.word_cue_firsts = frozenset(p[0] for p in self.strong_negation) | frozenset(
            p[0] for p in self.signing) | self.hedge_firsts
        self.status = {k: phrases(v) for k, v in cfg["status_cues"].items()}
        self.status_index: dict[str, list[tuple[int, int, str, tuple[str, ...]]]] = {}
        for rank, (status, cues) in enumerate(self.status.items()):
            for p in cues:
                self.status_index.setdefault(p[0], []).append((len(p), rank, status, p))
        self.apposition_starts = frozenset(cfg["apposition_starts"])
        self.unit_nouns = frozenset(cfg["unit_nouns"])
        # type -> the rules by which another agreement word of its sentence absorbs it (absorbed_by)
        self.absorbed = {k: [r if isinstance(r, dict) else {"by": [r]} for r in v]
                         for k, v in cfg["absorbed_by"].items() if not k.startswith("_")}

    def sentence_words(self, low: list[str], labels: list, s: int, e: int) -> list[str]:
        """The words of sentence s..e that :meth:`negation`, :meth:`signs` and :meth:`may_hedge` read: less dates
        and whitespace; none where the sentence holds no first word of their cues (it gives them nothing)."""
        if self.word_cue_firsts.isdisjoint(low[s:e]):
            return []
        return [w for w, lab in zip(low[s:e], labels[s:e]) if lab != "DATE" and not w.isspace()]

    def negation(self, words: list[str]) -> Optional[str]:
        """The status of a sentence that denies or ends an agreement ("denied", "refused", "failed", "ended"),
        or None. A period that ended ("sales for the year ended June 30") ends no agreement."""
        if not has(words, self.strong_negation):
            return None
        if self.period_nouns and "ended" in words:
            words = [w for i, w in enumerate(words) if not (w == "ended" and i and words[i - 1] in self.period_nouns)]
            if not has(words, self.strong_negation):
                return None
        return next((status for status, cues in self.negated_status.items() if has(words, cues)), "denied")

    def signs(self, words: list[str]) -> bool:
        """Whether the words hold a signing cue ("signed", "agreed", "reached")."""
        return has(words, self.signing)

    @staticmethod
    def admits(kind: str, specific: bool, signing: bool, named_sides: bool) -> bool:
        """Whether an agreement word of this kind makes a fact: a general word ("generic", or an anaphor that
        points to no earlier fact, "new") only beside a signing verb and no specific agreement word, unless
        the sides it names are its own ("an agreement between X and Y")."""
        return not (kind in ("generic", "new") and (specific or not signing) and not (kind == "new" and named_sides))

    def is_absorbed(self, trig: Span, triggers: list[Span]) -> bool:
        """A part of another agreement of the sentence ("taking a stake each in the joint venture"), or a word
        whose object is another agreement ("acquired 10 pct of X": an investment), no deal of its own."""
        return self._absorber(trig, triggers, False) is not None

    def retyped(self, trig: Span, triggers: list[Span]) -> Optional[str]:
        """The type an agreement word takes from another agreement word of its sentence that it only acquires
        (an ``absorbed_by`` rule with ``"retype": true``): "Y acquired from X a licence" is a licence between Y and
        X, no acquisition; None where no such rule applies."""
        t = self._absorber(trig, triggers, True)
        return None if t is None else t._.value

    def _absorber(self, trig: Span, triggers: list[Span], retype: bool) -> Optional[Span]:
        """The agreement word that absorbs ``trig`` under the ``absorbed_by`` rules that retype (or do not)."""
        for rule in self.absorbed.get(trig._.value, ()):
            if bool(rule.get("retype")) != retype:
                continue
            for t in triggers:
                if t is trig or t._.value not in rule["by"]:
                    continue
                if "after" in rule or "before" in rule:
                    if "after" in rule and 0 <= t.start - trig.end <= rule["after"]:
                        between = trig.doc[trig.end:t.start]
                    elif "before" in rule and 0 <= trig.start - t.end <= rule["before"]:
                        between = trig.doc[t.end:trig.start]
                    else:
                        continue
                    words = {w.lower_ for w in between}
                    if "majority" in rule and any(_percent_over(w, rule["majority"]) for w in between):
                        words.add(MAJORITY)  # "agreed to buy 100 pct of X": the whole company
                    if words & set(rule.get("unless", ())) or "if" in rule and not words & set(rule["if"]):
                        continue
                return t
        return None

    def status_cues(self, low: list[str], s: int, e: int) -> list[tuple[int, int, int, str]]:
        """The status cues of a sentence: (start, length, rank, status)."""
        if self.status_index.keys().isdisjoint(low[s:e]):
            return []
        out = []
        for k in range(s, e):
            for n, rank, status, phrase in self.status_index.get(low[k], ()):
                if tuple(low[k:k + n]) == phrase:
                    out.append((k, n, rank, status))
        return out

    @staticmethod
    def status_of(cues: list[tuple[int, int, int, str]], trig: Span) -> str:
        """The status whose cue stands closest to the agreement word ("raised ties to a partnership after
        summit talks": the partnership is not under negotiation); on a tie a cue before it, then the first in
        status_cues; "announced" where the sentence has none."""
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

    def may_hedge(self, words: list[str]) -> bool:
        """Whether the words of a sentence (less dates and spaces) hold the first word of a hedge cue: where
        they hold none, :meth:`hedged` is False for each of its agreement words."""
        return not self.hedge_firsts.isdisjoint(words)

    def hedged(self, v: TokenView, labels: list, s: int, trig: Span) -> bool:
        """A hedge cue ("may", "thinking of", "not seeking") in the clause before the agreement word."""
        before = self._clause_before(v, labels, s, trig)
        return has(before, self.hedges) \
            or trig._.value in self.ownership_types and has(before, self.ownership_hedges) \
            and not self._holds_agreement(before, v.lower[trig.start:trig.end])

    def _holds_agreement(self, before: list[str], trigger: list[str]) -> bool:
        """What the ownership cue holds is an agreement ("has a definitive agreement to buy X"), not a stake:
        an agreement noun (``not_held``) after the last ownership cue, or in the agreement word itself."""
        last = max(k + len(p) for k in range(len(before)) for p in self.ownership_hedges
                   if tuple(before[k:k + len(p)]) == p)
        return not self.not_held.isdisjoint(before[last:]) or not self.not_held.isdisjoint(trigger)

    def hedge_words(self, v: TokenView, labels: list, s: int, trig: Span) -> list[str]:
        """The hedge cues in the clause before the agreement word (features of the fact model)."""
        before = self._clause_before(v, labels, s, trig)
        words = set(before)
        return [" ".join(c) for c in self.hedges if c[0] in words and (len(c) == 1 or has(before, [c]))]

    def _clause_before(self, v: TokenView, labels: list, s: int, trig: Span) -> list[str]:
        """The words of the clause before the agreement word, less dates and an apposition between commas."""
        w0 = self._clause_start(v, s, trig.start)
        before = [w for w, lab in zip(v.lower[w0:trig.start], labels[w0:trig.start])
                  if lab != "DATE" and not w.isspace()]
        commas = [k for k, w in enumerate(before) if w == ","]
        if len(commas) >= 2:  # "X, its 65 pct owned unit, signed ...": an apposition hedges nothing
            before = before[:commas[0]] + before[commas[-1] + 1:]
        elif commas and before[0] in self.apposition_starts:  # the clause starts inside the apposition
            before = before[commas[-1] + 1:]
        # "its 86 pct owned affiliate, X, agreed": an owned unit described, not a deal hedged
        return [w for k, w in enumerate(before)
                if not (w == "owned" and k + 1 < len(before) and before[k + 1] in self.unit_nouns)]
