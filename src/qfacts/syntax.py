"""Dependency parses of the sentences a stage asks for, from the tagger and parser qfacts ships.

The model (``qfacts/data/models/parser``, trained on UD English EWT by ``python -m qfacts.train parser``) is
loaded on first use only and kept for the life of the process; importing this module loads nothing.

:func:`parse_sentences` parses only the sentences it is given, on the main document's own tokens: a sentence
``doc[start:end]`` is copied as words and spaces into the parser's vocabulary (whitespace tokens left out),
tagged and parsed, and the result is read back onto the main document's token indexes. Every index in a
:class:`SentenceParse` (a token, a head) is an index into the main document.

Labels are those of Universal Dependencies with their subtypes, as in English EWT: ``nsubj``, ``nsubj:pass``,
``obj``, ``iobj``, ``obl``, ``obl:agent`` (the "by" phrase of a passive), ``obl:unmarked`` ("last week"), ``nmod``,
``nmod:poss``, ``case``, ``conj``, ``cc``, ``appos``, ``compound``, ``flat``, ``xcomp``, ``ccomp``,
``acl``, ``acl:relcl``, ``advcl``, ``mark``, ``aux``, ``aux:pass``, ``cop``, ``punct``, ... and ``root`` for the
root(s) of a sentence. Whitespace tokens of the main document get tag ``_SP``, POS ``SPACE``, relation ``dep``
and the nearest word before them (else after them) as head.

Two options make news text easier for a parser trained on web text: ``skip`` leaves wire markup out
(:func:`markup_tokens`: ``<Camco Inc>``, ``<PSON.L>``), ``merge`` reads each name the entity stages found as
one word.

What the parser gets wrong on newswire (it learned from web text; see the project's notes): all-caps headlines
(verbs read as nouns: "X SIGNS PACT" is a noun compound); the inside of names it never saw (a name's tokens
split between relations; UD itself heads "Acme Corp" on "Acme" (flat) but "Borealis Labs" on "Labs"
(compound), so match an argument to a name by the span that contains it or by :func:`span_head`, never by its
last word); wire markup (tickers become appositions or extra roots: ``skip``); where a "with" phrase hangs (on
"agreement" or on "signed": :func:`linked_obliques` reads both); trailing "..., X said" clauses and long
appositive lists.

The helpers below answer what a facts stage asks of a parse: the head of an entity span
(:func:`span_head`), the verb that governs a noun (:func:`governor`), a predicate's subjects (:func:`subjects`,
which follows control, coordination and relative clauses) and objects (:func:`objects`), its arguments and
prepositional phrases with their case word (:func:`arguments`, :func:`obliques`; :func:`linked_obliques` for a
noun and its verb together), passive voice (:func:`is_passive`), coordination and apposition groups
(:func:`conjuncts`, :func:`appositions`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

MODEL_DIR = ("data", "models", "parser")

SPACE_TAG = "_SP"
SPACE_POS = "SPACE"
SPACE_DEP = "dep"
ROOT = "root"

SUBJECT_RELS = ("nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:outer")
OBJECT_RELS = ("obj", "iobj")
OBLIQUE_RELS = ("obl", "obl:agent", "obl:tmod", "obl:npmod", "obl:unmarked", "nmod", "nmod:poss", "nmod:unmarked",
                "nmod:tmod", "nmod:npmod", "nmod:desc")
ARGUMENT_RELS = SUBJECT_RELS + OBJECT_RELS + OBLIQUE_RELS
RELATIVE_TAGS = ("WDT", "WP", "WP$")


# ---------------------------------------------------------------------------------------------- the model
def model_path() -> Path:
    """The folder of the shipped parser."""
    return Path(str(resources.files("qfacts").joinpath(*MODEL_DIR)))


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The shipped tagger and parser, loaded once per process (offline: it is package data)."""
    import spacy

    path = model_path()
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"the qfacts parser model is missing at {path} "
                                "(rebuild it with `python -m qfacts.train parser`)")
    return spacy.load(path)


# ---------------------------------------------------------------------------------------------- parses
@dataclass(frozen=True)
class SentenceParse:
    """The parse of the main document's tokens ``start`` to ``end`` (exclusive).

    ``tags`` (Penn Treebank), ``pos`` (universal POS), ``heads`` (main-document index of each token's head; a
    root is its own head) and ``deps`` hold one entry per token of the sentence, in order; the methods take
    main-document token indexes. Build one with :meth:`from_lists` (which indexes the children).
    """

    start: int
    end: int
    words: tuple[str, ...]
    tags: tuple[str, ...]
    pos: tuple[str, ...]
    heads: tuple[int, ...]
    deps: tuple[str, ...]
    _children: tuple[tuple[int, ...], ...] = field(default=(), repr=False, compare=False)
    # what the helpers below found once for a sentence (subtrees, chains of arcs): asked again for each of its
    # names, they would make the work grow with the square of the sentence's length
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return self.end - self.start

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and self.start <= i < self.end

    def word(self, i: int) -> str:
        return self.words[i - self.start]

    def lower(self, i: int) -> str:
        return self.words[i - self.start].lower()

    def tag(self, i: int) -> str:
        return self.tags[i - self.start]

    def pos_of(self, i: int) -> str:
        return self.pos[i - self.start]

    def head(self, i: int) -> int:
        return self.heads[i - self.start]

    def dep(self, i: int) -> str:
        return self.deps[i - self.start]

    def children(self, i: int) -> tuple[int, ...]:
        """The tokens whose head is ``i``, left to right."""
        return self._children[i - self.start]

    def children_with(self, i: int, *deps: str) -> list[int]:
        """The children of ``i`` with one of the relations ``deps``."""
        return [c for c in self._children[i - self.start] if self.deps[c - self.start] in deps]

    def is_root(self, i: int) -> bool:
        return self.deps[i - self.start] == ROOT

    def roots(self) -> list[int]:
        return [self.start + k for k, d in enumerate(self.deps) if d == ROOT]

    def ancestors(self, i: int) -> list[int]:
        """The heads above ``i``, nearest first, up to its root."""
        out = []
        seen = {i}
        h = self.heads[i - self.start]
        while h not in seen:
            out.append(h)
            seen.add(h)
            h = self.heads[h - self.start]
        return out

    def subtree(self, i: int) -> tuple[int, int]:
        """The token range ``(start, end)`` covered by ``i`` and everything below it."""
        found = self._memo.get(("subtree", i))
        if found is not None:
            return found
        lo = hi = i
        stack = [i]
        while stack:
            k = stack.pop()
            lo, hi = min(lo, k), max(hi, k)
            stack.extend(self._children[k - self.start])
        found = self._memo[("subtree", i)] = (lo, hi + 1)
        return found

    def text(self) -> str:
        return " ".join(w for w, p in zip(self.words, self.pos) if p != SPACE_POS)

    @classmethod
    def from_lists(cls, start: int, words: Sequence[str], tags: Sequence[str], pos: Sequence[str],
                   heads: Sequence[int], deps: Sequence[str]) -> "SentenceParse":
        """A parse of the tokens ``start`` to ``start + len(words)``; ``heads`` are main-document indexes (a
        root is its own head)."""
        size = len(words)
        if not len(tags) == len(pos) == len(heads) == len(deps) == size:
            raise ValueError("words, tags, pos, heads and deps must have one entry per token")
        children: list[list[int]] = [[] for _ in range(size)]
        for k, h in enumerate(heads):
            if not start <= h < start + size:
                raise ValueError(f"head {h} of token {start + k} lies outside the sentence")
            if h != start + k:
                children[h - start].append(start + k)
        return cls(start, start + size, tuple(words), tuple(tags), tuple(pos), tuple(heads), tuple(deps),
                   tuple(tuple(c) for c in children))


def parse_sentences(doc: Doc, bounds: Iterable[tuple[int, int]], nlp: Optional[Language] = None,
                    batch_size: int = 64, skip: Iterable[int] = (),
                    merge: Iterable[tuple[int, int]] = ()) -> list[SentenceParse]:
    """Tag and parse the sentences ``doc[start:end]`` for each ``(start, end)`` of ``bounds`` (token indexes),
    and only those; one :class:`SentenceParse` per bound, in the same order.

    ``nlp``: another tagger and parser (default: the shipped one, loaded on first use). ``skip``: indexes of
    tokens to leave out of the parser's input, such as wire markup (:func:`markup_tokens`); like whitespace
    tokens they hang on the nearest word before them (else after them), with relation ``dep``, tag ``XX`` and
    POS ``X``. ``merge``: token spans ``(start, end)`` (names found by the entity stages) that the parser reads
    as one word, their last; the span's other tokens hang on that word with relation ``flat`` and take its tag
    and POS, so :func:`span_head` of the span is its last word. Names the treebank never saw ("McDonnell
    Douglas", "Advanced Tobacco Products Inc") are a main source of parse errors on news; merged, the parser
    sees one proper noun where the sentence has one.
    """
    bounds = list(bounds)
    n = len(doc)
    for start, end in bounds:
        if not 0 <= start <= end <= n:
            raise ValueError(f"sentence bounds ({start}, {end}) outside the document's {n} tokens")
    if not bounds:
        return []
    nlp = nlp or load_parser()
    skipped = frozenset(skip)
    inner: dict[int, int] = {}  # token of a merged span -> the span's representative (its last word)
    for ms, me in merge:
        words_in = [i for i in range(ms, me) if 0 <= i < n and i not in skipped and not doc[i].is_space]
        if len(words_in) > 1:
            for i in words_in[:-1]:
                inner[i] = words_in[-1]
    kept: list[list[int]] = []
    docs = []
    for start, end in bounds:
        keep = [i for i in range(start, end) if i not in skipped and not doc[i].is_space
                and not (i in inner and start <= inner[i] < end)]
        words = [doc[i].text for i in keep]
        spaces = [k + 1 < len(keep) and keep[k + 1] > i + 1 or bool(doc[i].whitespace_)
                  for k, i in enumerate(keep)]
        kept.append(keep)
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces))
    parsed = list(nlp.pipe(docs, batch_size=batch_size))
    out = []
    for (start, end), keep, pdoc in zip(bounds, kept, parsed):
        size = end - start
        words = [doc[i].text for i in range(start, end)]
        tags = [SPACE_TAG] * size
        pos = [SPACE_POS] * size
        deps = [SPACE_DEP] * size
        heads = list(range(start, end))
        placed = [False] * size
        for k, tok in enumerate(pdoc):
            i = keep[k] - start
            tags[i] = tok.tag_
            pos[i] = tok.pos_
            dep = tok.dep_
            deps[i] = ROOT if dep == "ROOT" else dep
            heads[i] = keep[tok.head.i]
            placed[i] = True
        if len(keep) < size:
            for i in range(size):  # tokens of merged names hang on the name's last word
                rep = inner.get(start + i)
                if rep is not None and start <= rep < end and placed[rep - start]:
                    tags[i], pos[i] = tags[rep - start], pos[rep - start]
                    deps[i], heads[i] = "flat", rep
                    placed[i] = True
            prev = None
            for i in range(size):  # whitespace and skipped tokens hang on the word before them (else after)
                if placed[i]:
                    prev = i
                    continue
                if start + i in skipped or not doc[start + i].is_space:
                    tags[i], pos[i] = "XX", "X"
                target = prev if prev is not None else next((j for j in range(i + 1, size) if placed[j]), None)
                if target is not None:
                    heads[i] = start + target
                else:
                    deps[i] = ROOT
        out.append(SentenceParse.from_lists(start, words, tags, pos, heads, deps))
    return out


def markup_tokens(doc: Doc, start: int = 0, end: Optional[int] = None) -> list[int]:
    """The tokens of wire-service markup in ``doc[start:end]``, to ``skip`` in :func:`parse_sentences`: angle
    brackets around a company name (``<Camco Inc>``: the brackets) and bracketed ticker codes after a name
    (``Pearson Plc <PSON.L>``: brackets and code). Brackets count when they touch what they enclose (at most a
    dozen tokens on one line; "x < y and y > z" is no markup); a bracketed single token without lower-case
    letters that follows a word is a ticker; any other bracketed text is kept."""
    end = len(doc) if end is None else end
    out: list[int] = []
    i = start
    while i < end:
        if doc[i].text == "<" and not doc[i].whitespace_:
            j = i + 1
            while j < end and doc[j].text != ">" and j - i <= 12 and not doc[j].is_space:
                j += 1
            if j < end and doc[j].text == ">" and j > i + 1 and not doc[j - 1].whitespace_:
                before = i - 1
                while before >= start and doc[before].is_space:
                    before -= 1
                ticker = (j == i + 2 and not any(c.islower() for c in doc[i + 1].text)
                          and before >= start and not doc[before].is_punct)
                out.extend(range(i, j + 1) if ticker else (i, j))
                i = j + 1
                continue
        i += 1
    return out


def sentence_of(parses: Sequence[SentenceParse], i: int) -> Optional[SentenceParse]:
    """The parse (of ``parses``, in document order) that holds token ``i``, else None."""
    k = bisect.bisect_right([p.start for p in parses], i) - 1
    if k >= 0 and i in parses[k]:
        return parses[k]
    return None


# ---------------------------------------------------------------------------------------------- helpers
@dataclass(frozen=True)
class Argument:
    """A dependent of a predicate: its relation, its head token and, for a prepositional phrase, the case
    word(s) in lower case ("with", "between", "along with"; "" when none)."""

    rel: str
    index: int
    case: str = ""


def span_head(sp: SentenceParse, start: int, end: int) -> int:
    """The token of ``[start, end)`` that heads the span: the one whose head lies outside it (the highest in the
    tree if several do, the last of those on a tie; whitespace tokens never head a span)."""
    best = None
    best_depth = None
    for i in range(max(start, sp.start), min(end, sp.end)):
        if sp.pos_of(i) == SPACE_POS:
            continue
        h = sp.head(i)
        if start <= h < end and h != i:
            continue
        depth = len(sp.ancestors(i))
        if best_depth is None or depth <= best_depth:
            best, best_depth = i, depth
    if best is None:
        return max(start, sp.start)
    return best


def case_of(sp: SentenceParse, i: int) -> str:
    """The case word(s) of nominal ``i`` in lower case ("with"; "along with" when a fixed expression), else ""."""
    for c in sp.children(i):
        if sp.dep(c) == "case":
            words = [c] + sp.children_with(c, "fixed")
            return " ".join(sp.lower(k) for k in sorted(words))
    return ""


def arguments(sp: SentenceParse, head: int, rels: Sequence[str] = ARGUMENT_RELS) -> list[Argument]:
    """The dependents of ``head`` (a verb or a noun) with a relation in ``rels``, with their case word."""
    return [Argument(sp.dep(c), c, case_of(sp, c)) for c in sp.children(head) if sp.dep(c) in rels]


def obliques(sp: SentenceParse, head: int, cases: Iterable[str] = ("with", "between", "from", "by", "to"),
             ) -> list[Argument]:
    """The prepositional phrases of ``head`` (``obl*`` of a verb, ``nmod*`` of a noun) whose case word is in
    ``cases``: "signed an accord **with X**", "an agreement **between X and Y**", "bought it **from Z**",
    "was signed **by X**". The last word of a multi-word case counts ("along with" is "with")."""
    wanted = frozenset(cases)
    out = []
    for arg in arguments(sp, head, OBLIQUE_RELS):
        if arg.case and (arg.case in wanted or arg.case.split()[-1] in wanted):
            out.append(arg)
    return out


def linked_obliques(sp: SentenceParse, noun: int,
                    cases: Iterable[str] = ("with", "between", "from", "by", "to")) -> list[Argument]:
    """The prepositional phrases that can complete a noun such as "agreement": its own ("an agreement **with
    X**") and, when it is an argument of its verb (object, subject, passive subject), the verb's ("signed an
    agreement **with X**", which a parser may attach to either word), left to right."""
    cases = tuple(cases)
    out = obliques(sp, noun, cases)
    head = sp.head(noun)
    if head != noun and sp.dep(noun) in SUBJECT_RELS + OBJECT_RELS and sp.pos_of(head) in ("VERB", "AUX"):
        out += [a for a in obliques(sp, head, cases) if a.index != noun]
    return sorted(out, key=lambda a: a.index)


def _chain(sp: SentenceParse, i: int, rel: str) -> list[int]:
    """``i`` and the tokens linked to it by ``rel`` arcs, up to the chain's top and down from it, left to right."""
    found = sp._memo.get((rel, i))
    if found is not None:
        return list(found)
    top = i
    seen = {i}
    while sp.dep(top) == rel and sp.head(top) not in seen:
        top = sp.head(top)
        seen.add(top)
    out = {top}
    stack = [top]
    while stack:
        k = stack.pop()
        for c in sp.children_with(k, rel):
            if c not in out:
                out.add(c)
                stack.append(c)
    found = tuple(sorted(out))
    for k in found:  # (from each token of the chain, the way up ends at the same top)
        sp._memo[(rel, k)] = found
    sp._memo[(rel, i)] = found
    return list(found)


def conjuncts(sp: SentenceParse, i: int) -> list[int]:
    """``i`` and the tokens coordinated with it ("X, Y and Z"), left to right."""
    return _chain(sp, i, "conj")


def appositions(sp: SentenceParse, i: int) -> list[int]:
    """``i`` and the tokens in apposition to it, or to which it is in apposition ("Acme, **a unit of Y**,"),
    left to right."""
    return _chain(sp, i, "appos")


def is_passive(sp: SentenceParse, verb: int) -> bool:
    """Whether ``verb`` is passive: it has a passive subject or auxiliary, or is a past participle modifying a
    noun ("the accord signed by X")."""
    if sp.children_with(verb, "nsubj:pass", "aux:pass", "csubj:pass"):
        return True
    return sp.dep(verb) == "acl" and sp.tag(verb) == "VBN"


def governor(sp: SentenceParse, i: int) -> Optional[int]:
    """The verb that governs token ``i`` (a noun, or any token of a noun phrase): its nearest ancestor with
    universal POS VERB ("signed" for "agreement" in "signed an agreement with X"; "form" for "venture" in
    "agreed to form a joint venture"); None when there is none (a verbless headline)."""
    for h in sp.ancestors(i):
        if sp.pos_of(h) == "VERB":
            return h
    return None


def subjects(sp: SentenceParse, verb: int) -> list[int]:
    """The subjects of ``verb``, each with its conjuncts ("X and Y agreed": X, Y), left to right.

    When the verb has none of its own they come from the clause it depends on: the controller of an infinitive
    ("X agreed **to form**": X), the first of coordinated verbs ("X met and **signed**": X), the noun a relative
    or participle clause modifies ("the firm **that signed**", "an accord **signed** by X": the firm, the accord).
    A relative pronoun subject ("which") is replaced by the noun it stands for.
    """
    found = sp._memo.get(("subjects", verb))
    if found is None:
        found = sp._memo[("subjects", verb)] = tuple(_subjects(sp, verb))
    return list(found)


def _subjects(sp: SentenceParse, verb: int) -> list[int]:
    seen = set()
    v = verb
    while v not in seen:
        seen.add(v)
        own = sp.children_with(v, *SUBJECT_RELS)
        if own:
            out: set[int] = set()
            for s in own:
                if sp.tag(s) in RELATIVE_TAGS and sp.dep(v) in ("acl:relcl", "acl") and sp.head(v) != v:
                    s = sp.head(v)
                out.update(conjuncts(sp, s))
            return sorted(out)
        dep = sp.dep(v)
        h = sp.head(v)
        if h == v:
            return []
        if dep in ("xcomp", "conj"):
            v = h
            continue
        if dep in ("acl", "acl:relcl"):
            return conjuncts(sp, h)
        return []
    return []


def objects(sp: SentenceParse, verb: int) -> list[int]:
    """The direct objects of ``verb`` with their conjuncts ("bought X and Y": X, Y), left to right."""
    out: set[int] = set()
    for o in sp.children_with(verb, "obj"):
        out.update(conjuncts(sp, o))
    return sorted(out)
