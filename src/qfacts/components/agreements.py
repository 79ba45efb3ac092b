"""``qfacts_agreements``: AGREEMENT mentions typed with the canonical agreement types."""
from __future__ import annotations

import re
from typing import Optional

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..resources import load_json, load_jsonl
from .common import TokenView, add_entities, doc_ents, next_word, prev_word, register_extensions, token_view

_MODEL_CODE = re.compile(r"^[A-Z]{1,4}-?\d{1,4}[A-Za-z]{0,2}$")


class AgreementsComponent:
    """Match agreement phrases (agreements.jsonl) and type them.

    An anaphoric noun ("the agreement", "the memorandum", "the joint agreement", "the venture") after a
    determiner refers back: to the latest earlier mention of its own type where there is one ("the venture"),
    else to the most-mentioned earlier agreement, the latest on a tie ("the deal"); without a determiner, or with no earlier
    mention, it keeps its own type ("an agreement" is other_agreement). Each span's ``_.value`` is the type and
    ``_.kind`` says how it was found: specific, generic, anaphor (resolved to an earlier mention), repeat (a
    specific mention after a determiner that names an agreement already mentioned: "the MOC") or new.
    """

    def __init__(self, nlp: Language, name: str, patterns: str, settings: str) -> None:
        register_extensions()
        self.name = name
        cfg = load_json(settings)
        self.determiners = frozenset(cfg["determiners"])
        self.phrase_breaks = frozenset(cfg.get("phrase_breaks", ())) - self.determiners
        self.business_nouns = frozenset(cfg.get("business_nouns", ()))
        self.business_window = int(cfg.get("business_window", 10))
        self.business_stops = frozenset(cfg.get("business_stops", ()))
        self.name_heads = frozenset(cfg.get("name_heads", ()))
        self.security_nouns = frozenset(cfg.get("security_nouns", ()))
        self.security_stops = frozenset(cfg.get("security_stops", ())) | self.business_stops | self.business_nouns
        self.copy_determiners = frozenset(cfg["copy_determiners"])
        self.general_type = cfg["general_type"]
        self.verbs = frozenset(cfg["agreement_verbs"])
        self.date_possessors = frozenset(cfg["date_possessors"])
        self.object_stop_nouns = frozenset(cfg["not_before"])
        self.group_heads = frozenset(cfg["group_heads"])
        self.modified_heads = frozenset(cfg.get("modified_heads", ()))
        self.aggregate_modifiers = frozenset(cfg.get("aggregate_modifiers", ()))
        self.count_limit = int(cfg.get("count_limit", 0))
        self.rows = {}
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        phrases = load_jsonl(patterns)
        docs = list(nlp.tokenizer.pipe(r["phrase"] for r in phrases))
        # words that can stand before / after a line break inside a phrase (to skip the wrapped-line search)
        self.inner_heads = frozenset(t.lower_ for d in docs for t in d[:-1])
        self.inner_tails = frozenset(t.lower_ for d in docs for t in d[1:])
        # the rows whose word can name something else by its neighbours (:meth:`_other_sense`): only theirs are read
        self.other_senses = {id(r) for r in phrases
                             if r.get("modifier") is False or r.get("aggregate") is False or r.get("counted") is False}
        for i, (row, pdoc) in enumerate(zip(phrases, docs)):
            key = f"qfacts_agr_{i}"
            self.rows[nlp.vocab.strings.add(key)] = row
            (self.exact if row.get("case") else self.lower).add(key, [pdoc])

    def __call__(self, doc: Doc) -> Doc:
        # case-sensitive rows first: on a tie they win ("Partnership Agreement" as a title)
        matches = list(self.exact(doc)) + list(self.lower(doc)) + self._wrapped_matches(doc)
        rows = {}
        for key, s, e in matches:
            rows.setdefault((s, e), self.rows[key])
        ents = doc_ents(doc)
        taken = {i for ent in ents if ent.label_ in ("ORG", "PLACE", "DATE") for i in range(ent.start, ent.end)}
        named = {ent.start: ent for ent in ents if ent.label_ in ("ORG", "PLACE")}
        label = doc.vocab.strings.add("AGREEMENT")  # (by its hash: no string look-up per span)
        spans = [Span(doc, s, e, label=label) for s, e in _longest_first(rows) if taken.isdisjoint(range(s, e))]
        out = []
        v = token_view(doc)
        store = _value_writer(doc, ("value", "own_value", "kind"))
        previous: list[Span] = []
        # how often each type occurs among ``previous``, and where last: what "the agreement" refers to is read
        # from these instead of from every earlier mention
        counts: dict[str, int] = {}
        last: dict[str, int] = {}
        generic_seen: set[str] = set()  # "a partnership" ... "the partnership": the same one
        for span in spans:
            row = rows[(span.start, span.end)]
            kind = row["kind"]
            value = row["type"]
            if kind == "blocker":
                continue  # a longer phrase that uses an agreement word in another sense ("investment bank")
            if self.name_heads and self._in_name(doc, span, v):
                continue  # "Federal Home Loan Banks": a word of an organisation's name
            if row.get("requires") == "party_after" and not self._party_after(doc, span.end, named):
                continue
            if row.get("requires") == "named_after" and not self._party_after(doc, span.end, named, named_only=True):
                continue
            if row.get("requires") == "group_after" and not self._group_after(doc, span.end, named):
                continue
            if row.get("requires") == "business_after" and not self._business_after(doc, span.end, named):
                continue
            if row.get("business_type") and self._business_after(doc, span.end, named):
                value = row["business_type"]
            if row.get("security_type") and self._security_before(doc, span.start):
                continue  # "treasury bills bought from the central bank": a market trade, no deal
            if row.get("security_type") and self._security_after(doc, span.end):
                value = row["security_type"]  # "agreed to purchase the debenture issue": an investment
            if row.get("requires") == "cue_before" \
                    and not self._cue_before(doc, span.start, row["before"], row.get("within", 4)):
                continue
            if row.get("unless_clause") and self._cue_in_clause(doc, span.start, row["unless_clause"]):
                continue  # "a manager who has since joined X": a person joined, no member
            if id(row) in self.other_senses and self._other_sense(row, doc, span):
                continue
            if kind in ("specific", "generic") and self._determined(doc, span.start, v) \
                    and (value in counts or kind == "generic" and value in generic_seen):
                kind = "repeat"  # "the MOC" after "a memorandum of cooperation (MOC)": the same agreement
            elif kind == "generic":
                generic_seen.add(value)
            elif kind == "anaphor":
                det = self._determined(doc, span.start, v) or self._copy_determined(doc, span.start)
                if row.get("requires") == "antecedent" and not (det and value in counts) \
                        and not (row.get("or_after_verb") and self._after_verb(doc, span.start)):
                    continue  # "the letter" names an agreement only after a letter of intent
                if det and previous:
                    # "the venture" refers to the last joint venture; "the agreement" to the last agreement
                    # "the agreement" (the general type) refers to a specific agreement where there is one
                    if value == self.general_type or value not in counts:
                        # the most-mentioned agreement so far; on a tie, the latest (of the other types, where
                        # there are others, for the general type)
                        pool = [t for t in counts if t != value] or list(counts) \
                            if value == self.general_type else list(counts)
                        value = max(pool, key=lambda t: (counts[t], last[t]))
                    if det in self.copy_determiners:
                        kind = "specific"  # "a similar agreement": another agreement of the type referred to
                else:
                    kind = "new"
            store(span, value, row["type"] if not row.get("business_type") else value, kind)
            out.append(span)
            if kind in ("specific", "new"):
                counts[value] = counts.get(value, 0) + 1
                last[value] = len(previous)
                previous.append(span)
        add_entities(doc, out, current=ents)  # nothing above changed the entities read at the start
        return doc

    def _wrapped_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Phrases broken by a line break ("agreement to\\n supply" in hard-wrapped wire copy): matched on the
        words without the whitespace tokens, kept only where they span one, with token offsets into ``doc``."""
        v = token_view(doc)
        low = v.lower
        n = len(low)
        spaces = doc.to_array(IS_SPACE).nonzero()[0].tolist() if n else []  # (the whitespace tokens, read at C level)
        if not any(0 < i < n - 1 and low[i - 1] in self.inner_heads and low[i + 1] in self.inner_tails
                   for i in spaces):
            return []  # no line break inside what could be a phrase
        keep = [i for i in range(n) if not low[i].isspace()]
        words = Doc(doc.vocab, words=[doc[i].text for i in keep])
        out = []
        for key, s, e in list(self.lower(words)) + list(self.exact(words)):
            start, end = keep[s], keep[e - 1] + 1
            if end - start != e - s:
                out.append((key, start, end))
        return out

    def _determined(self, doc: Doc, start: int, v: Optional[TokenView] = None) -> Optional[str]:
        """The determiner before the noun, allowing one or two modifiers: "the joint agreement", "this new pact",
        "the first government-to-government agreement" (a hyphenated compound counts as one modifier); None
        where there is none."""
        v = v or token_view(doc)  # the words as plain strings: no Token object per look
        low, text = v.lower, v.text
        modifiers = 0
        k = start - 1
        while k >= 0 and modifiers <= 2:
            word = low[k]
            if word in self.determiners:
                return word
            if word in self.phrase_breaks:
                return None  # "said it agreed to ...": the noun phrase ended before "it"
            if word in ("'s", "\u2019s") and k > 0 and low[k - 1] in self.date_possessors:
                return word  # "today's agreement", "Friday's accord"
            if word in ("'s", "\u2019s") and k > 1 and low[k - 2] in self.determiners:
                return low[k - 2]  # "the bank's first loan": determined by its possessor
            if k > 0 and text[k - 1] == "-":
                k -= 2  # inside a hyphenated compound
                continue
            if _MODEL_CODE.match(text[k]):
                modifiers += 1  # a model name: "the MD-11 deal", "this A340 order"
                k -= 1
                continue
            if not text[k].isalpha() or text[k].istitle() and k != start - 1:
                return None
            modifiers += 1
            k -= 1
        return None

    def _copy_determined(self, doc: Doc, start: int) -> Optional[str]:
        """ "a similar agreement", "another accord": a word of copy_determiners right before the noun, or one
        modifier before it."""
        for k in (start - 1, start - 2):
            if k >= 0 and doc[k].lower_ in self.copy_determiners:
                return doc[k].lower_
        return None

    def _business_after(self, doc: Doc, end: int, named: dict[int, Span]) -> bool:
        """A business as the object of a sale word: a business noun, or an organisation's name that ends its
        phrase, within the next words of the clause and before "to"/"for" ("sell its tire division to X", "the
        sale of Y Inc to X"; not "sells dental products")."""
        k = end
        limit = min(len(doc), end + self.business_window)
        while k < limit:
            word = doc[k].lower_
            if word in self.business_stops:
                return False
            if word in self.business_nouns:
                return True
            ent = named.get(k)
            if ent is not None and ent.label_ == "ORG":
                nxt = next((t for t in doc[ent.end:ent.end + 3] if not t.is_space), None)
                if nxt is None or nxt.lower_ in self.business_stops or nxt.lower_ in self.business_nouns \
                        or nxt.text in (",", "'s"):
                    return True
                k = ent.end
                continue
            k += 1
        return False

    def _in_name(self, doc: Doc, span: Span, v: TokenView) -> bool:
        """The phrase is written with capitals inside a capitalised name that ends in a name head right after
        it ("Federal Home Loan Banks", "First Federal Savings and Loan Association")."""
        if not all(w[:1].isupper() and not w.isupper() for w in v.text[span.start:span.end] if w.isalpha()):
            return False
        low = v.lower
        k = next_word(low, span.end, len(low))
        if k >= len(low) or doc[k].text not in self.name_heads:
            return False
        j = prev_word(low, span.start)
        if j >= 0 and low[j] == "and":
            j = prev_word(low, j)
        return j >= 0 and doc[j].is_alpha and doc[j].text[:1].isupper() and not doc[j].text.isupper() \
            and low[j] not in self.determiners

    def _security_before(self, doc: Doc, start: int) -> bool:
        """A debt security right before the purchase word, which then describes it ("bills bought from X")."""
        low = token_view(doc).lower
        k = prev_word(low, start)
        return k >= 0 and low[k] in self.security_nouns

    def _security_after(self, doc: Doc, end: int) -> bool:
        """A debt security (``security_nouns``) within the next business_window words, before a business stop,
        a business noun or a security stop ("agreed to purchase the debenture issue", "buy 20 mln dlrs of
        convertible notes from X"; not "acquired all the equity and assumed its debt")."""
        for t in doc[end:min(len(doc), end + self.business_window)]:
            if t.lower_ in self.security_stops:
                return False
            if t.lower_ in self.security_nouns:
                return True
        return False

    def _group_after(self, doc: Doc, end: int, named: dict[int, Span]) -> bool:
        """An organisation named right after the phrase whose last word is a group head ("formed Kelvo Forum");
        ``named``: the ORG/PLACE entities by first token."""
        k = end + 1 if end < len(doc) and doc[end].is_space else end
        ent = named.get(k)
        return ent is not None and ent.label_ == "ORG" and ent[-1].text in self.group_heads

    def _other_sense(self, row: dict, doc: Doc, span: Span) -> bool:
        """The word names no agreement here: it modifies the noun after it ("investment income", "the mergers
        and acquisitions department"; rows with ``modifier: false``), it is the economic aggregate after one of
        aggregate_modifiers ("foreign investment"; ``aggregate: false``), or it counts traded units after a
        number of count_limit or more ("42,000 contracts"; ``counted: false``)."""
        low = token_view(doc).lower
        k = next_word(low, span.end, len(low))
        if row.get("modifier") is False and k < len(low) and low[k] in self.modified_heads:
            return True
        k = prev_word(low, span.start)
        if k < 0:
            return False
        prev = low[k]
        if row.get("aggregate") is False and prev in self.aggregate_modifiers:
            return True
        if row.get("counted") is False and prev[:1].isdigit():
            digits = prev.replace(",", "")
            return digits.isdigit() and int(digits) >= self.count_limit
        return False

    @staticmethod
    def _cue_before(doc: Doc, start: int, cues: list[str], within: int = 4) -> bool:
        """One of ``cues`` within the ``within`` words before the phrase ("became a card-issuing member")."""
        words = [t.lower_ for t in doc[max(0, start - 2 * within):start] if not t.is_space and t.text != "-"][-within:]
        return any(w in cues for w in words)

    @staticmethod
    def _cue_in_clause(doc: Doc, start: int, cues: list[str], within: int = 8) -> bool:
        """One of ``cues`` among the ``within`` words before the phrase, in its clause (no punctuation between:
        "Jane Roe, who left in May and has since joined X")."""
        n = 0
        for t in reversed(doc[max(0, start - 3 * within):start]):
            if t.is_space:
                continue
            if t.lower_ in cues:
                return True
            if t.is_punct and t.text not in ("-", "<", ">") or n >= within:
                return False
            n += 1
        return False

    def _after_verb(self, doc: Doc, start: int) -> bool:
        """An agreement verb and an article right before the noun ("had signed a framework")."""
        return start > 1 and doc[start - 1].lower_ in ("a", "an") and doc[start - 2].lower_ in self.verbs

    def _party_after(self, doc: Doc, end: int, named: dict[int, Span], named_only: bool = False) -> bool:
        """A named organisation or place within the next five tokens and the same sentence ("joined the
        Quantum Consortium"); ``named``: the ORG/PLACE entities by first token."""
        limit = min(len(doc), end + 6)
        for k in range(end, limit):
            if doc[k].text in (".", ";", "!", "?"):
                limit = k
                break
        for k in range(end, limit):
            ent = named.get(k)
            if ent is not None:
                after = [t.lower_ for t in doc[ent.end:ent.end + 2] if not t.is_space]
                return not (after and after[0] in self.object_stop_nouns)  # "join the X board"
        return not named_only and any(t.text[:1].isupper() for t in doc[end + 1:limit] if not t.is_sent_start)


def _longest_first(bounds) -> list[tuple[int, int]]:
    """Of token ranges (start, end), those spaCy's ``filter_spans`` keeps of spans with these bounds (the longest
    first, on a tie the later one; a range whose first or last token a kept one holds is dropped), in order:
    worked out on the pairs, without a Span for each match."""
    kept: list[tuple[int, int]] = []
    seen: set[int] = set()
    for s, e in sorted(bounds, key=lambda b: (b[1] - b[0], -b[0]), reverse=True):
        if s not in seen and e - 1 not in seen:
            kept.append((s, e))
            seen.update(range(s, e))
    kept.sort()
    return kept


def _value_writer(doc: Doc, names: tuple[str, ...]):
    """A writer of the Span extension attributes ``names`` (``span._.name = x`` for each), straight into the
    document's store where :func:`~qfacts.components.common.span_values` reads them: no Underscore object per
    span and attribute. An attribute with a getter, setter or method (registered by someone else) is set
    through the Span."""
    exts = [Span.get_extension(name) for name in names]
    if any(ext is None or ext[1] is not None or ext[2] is not None or ext[3] is not None for ext in exts):
        def through_span(span: Span, *values) -> None:
            for name, value in zip(names, values):
                setattr(span._, name, value)
        return through_span
    data = doc.user_data
    keys = [("._.", name) for name in names]

    def direct(span: Span, *values) -> None:
        start, end = span.start_char, span.end_char
        for key, value in zip(keys, values):
            data[key + (start, end)] = value
    return direct
