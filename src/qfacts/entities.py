"""Canonical entities of a document: every ORG and PLACE mention of one entity shares one ``canonical`` name.

The components already name some mentions' canonical forms (a gazetteer alias: "U.S." is "United States"; an
acronym defined in brackets: "FCEDA"). Here, once per document and across the pieces of a long text, the
mentions are grouped further:

- names that differ only in a legal suffix or the word "the" ("Acme", "Acme Corp", "Acme Corp.");
- an all-capital acronym and the one name of the document whose capitalised words it spells ("QSI" and
  "Quantum Systems Institute");
- a first word used alone and the one longer name it begins when the rest are head words ("Stanford" and
  "Stanford University", "Toyota" and "Toyota Motor Corp"; not "Amazon" and "Amazon Web Services").

Each group takes the fullest name (a gazetteer's canonical form first, then the name of most words, then the first
mentioned) as its ``canonical``; :func:`resolve` lists each group once with its other surface forms.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Optional

from .models import Entity
from .resources import load_json

LABELS = ("ORG", "PLACE")
_WS = re.compile(r"\s+")
_NOT_LETTER = re.compile(r"[^A-Za-z0-9]")


@lru_cache(maxsize=4)
def _settings(rules: str = "orgs.json") -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    cfg = load_json(rules)
    legal = frozenset(w.casefold() for w in cfg["legal_suffixes"])
    connectors = frozenset(cfg["connectors"]) | {"the", "The"}
    heads = frozenset(cfg["suffix_heads"]) | frozenset(cfg["prefix_heads"])
    return legal, connectors, heads


def surface(text: str) -> str:
    """A mention's text with line breaks and runs of spaces as one space."""
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        return _WS.sub(" ", text).strip()
    return text


def _core(name: str, legal: frozenset[str]) -> str:
    """The name without a leading "the", a trailing possessive and trailing legal suffixes, case-folded."""
    if " " not in name and not name.endswith(("s", ",")):
        return name.casefold()
    words = name.replace("\u2019", "'").split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    while len(words) > 1 and words[-1].strip(",").casefold() in legal:
        words = words[:-1]
    return " ".join(w.strip(",") for w in words).casefold()


def _initials(name: str, connectors: frozenset[str]) -> str:
    out = []
    for word in name.replace("-", " ").split():
        if word in connectors or not word[:1].isupper():
            continue
        out.append(word[0])
    return "".join(out)


@lru_cache(maxsize=65536)
def _core_of(name: str) -> str:
    """:func:`_core` with the package's legal suffixes, kept per name (names recur from one document to the next)."""
    return _core(name, _settings()[0])


@lru_cache(maxsize=65536)
def _initials_of(name: str) -> str:
    """:func:`_initials` with the package's connectors, kept per name."""
    return _initials(name, _settings()[1])


@lru_cache(maxsize=65536)
def _acronym(name: str) -> Optional[str]:
    if " " in name or len(name) > 16 or not name[:1].isupper() or (name[1:2].islower() and name[2:3].islower()):
        return None
    letters = _NOT_LETTER.sub("", name)
    if 2 <= len(letters) <= 10 and " " not in name and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1):
        return "".join(c for c in letters if c.isupper())
    return None


class _Groups:
    """Union-find over names."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        parent = self.parent
        p = parent.get(name, name)
        while p != name:
            grand = parent.get(p, p)
            parent[name] = grand
            name, p = p, grand
        return name

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.parent.setdefault(ra, ra)


def _link_forms(names: list[str], groups: _Groups, label: str) -> None:
    """Join legal-suffix variants, acronyms and short first words to the one fuller name they stand for."""
    heads = _settings()[2]
    by_core: dict[str, str] = {}
    for name in names:
        core = _core_of(name)
        if core in by_core:
            groups.join(by_core[core], name)
        else:
            by_core[core] = name
    if label != "ORG":
        return
    multi = [n for n in names if " " in n]
    if not multi:
        return
    spelled_by: dict[str, set[str]] = {}
    firsts: dict[str, set[str]] = {}
    for m in multi:
        spelled_by.setdefault(_initials_of(m), set()).add(m)
        first, *rest = m.split(" ")
        if all(w in heads for w in rest):  # "Stanford University", "Toyota Motor Corp"; not "Amazon Web Services"
            firsts.setdefault(first, set()).add(m)
    for name in names:
        if groups.find(name) != name:
            continue  # a component already named its entity ("QuIC" defined in brackets)
        acr = _acronym(name)
        if acr:
            spelled = {groups.find(m) for m in spelled_by.get(acr, ())}
            if len(spelled) == 1:
                groups.join(spelled.pop(), name)
                continue
        if " " not in name and name[:1].isupper() and name not in heads and len(name) >= 3:
            longer = {groups.find(m) for m in firsts.get(name, ())}
            if len(longer) == 1:
                groups.join(longer.pop(), name)


def resolve(entities: list[Entity]) -> list[dict[str, Any]]:
    """Give every ORG and PLACE entity its group's ``canonical``; return the canonical entities, first mention
    first: ``{"label", "name", "aliases", "mentions"}``."""
    out: list[tuple[int, dict[str, Any]]] = []
    for label in LABELS:
        ents = [e for e in entities if e.label == label]
        if ents:
            out.extend(_resolve_label(ents, label))
    out.sort(key=lambda item: (item[0], item[1]["label"]))
    return [entity for _, entity in out]


def _resolve_label(ents: list[Entity], label: str) -> list[tuple[int, dict[str, Any]]]:
    groups = _Groups()
    surfaces = [surface(e.text) for e in ents]
    names = list(dict.fromkeys(surfaces))  # distinct, in first-mention order
    declared: set[str] = set()  # canonical forms a component named (gazetteer, acronym definition)
    for e, name in zip(ents, surfaces):
        if e.canonical and e.canonical != name:
            canon = surface(e.canonical)
            if canon != name:
                declared.add(canon)
                groups.join(canon, name)
    if len(names) > 1:
        _link_forms(names, groups, label)
    members: dict[str, list[str]] = {}
    for name in names:
        members.setdefault(groups.find(name), []).append(name)
    for name in declared:
        members.setdefault(groups.find(name), []).append(name)
    order = {n: i for i, n in enumerate(names)}
    best = {root: forms[0] if len(forms) == 1 else
            min(forms, key=lambda f: (f not in declared, -len(f.split()), -len(f), order.get(f, len(order))))
            for root, forms in members.items()}
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    forms_seen: dict[str, set[str]] = {}
    for e, name in zip(ents, surfaces):
        root = groups.find(name)
        e.canonical = best[root]
        if root in counts:
            counts[root] += 1
            forms_seen[root].add(name)
        else:
            first[root], counts[root], forms_seen[root] = e.start, 1, {name}
    return [(start, {"label": label, "name": best[root], "aliases": sorted(forms_seen[root] - {best[root]}),
                     "mentions": counts[root]}) for root, start in first.items()]
