"""``qfacts_facts``: agreement facts (type, parties, date, status, sentence) from the entities of a document.

The component runs its stages sentence by sentence, each a module of its own with its own cues from
``data/facts.json``:

- :mod:`.sentences`: sentence bounds, the dateline and the headline;
- :mod:`.candidates`: which AGREEMENT mentions make facts (negation, hedges, general words) and their status;
- :mod:`.sides`: who the sides are;
- :mod:`.types`: which type a fact has (instrument, purpose, states, anaphora);
- :mod:`.dates`: which DATE is the agreement's;
- :mod:`.merge`: the document's facts once each (headline facts, one-party completion, merging).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...models import Agreement
from ...resources import load_json
from ..common import doc_ents, register_extensions, span_values, token_view
from .candidates import Candidates
from .dates import FactDates, comma_counts, date_fields, nearest, own_dates, set_date, take_date
from .features import PairFeatures
from .merge import Merger
from .model import load_models
from .parties import anchor_parties, dedupe, dedupe_onto, key, name, name_parties, set_parties
from .phrases import phrases, starts_with
from .sentences import dateline_end, is_headline, sentence_bounds
from .sides import Sides
from .types import Types

PARTY_LABELS = ("ORG", "PLACE")
COLLECT = "qfacts_facts_pairs"  # doc.user_data key: a list that training asks the component to fill


class _Values:
    """The extension values the facts stages read of an agreement word (``trig._.value`` and so on)."""

    __slots__ = ("value", "kind", "own_value")

    def __init__(self, value, kind, own_value) -> None:
        self.value, self.kind, self.own_value = value, kind, own_value


class Trigger:
    """An AGREEMENT mention as the facts stages read it: the Span's offsets, document and label as plain
    attributes, and its extension values read once (``trig._.value``, ``trig._.kind``, ``trig._.own_value``).
    Each ``span._`` builds an Underscore object, and a sentence with many agreement words reads them for each
    word many times. Anything else is the Span's."""

    __slots__ = ("span", "doc", "start", "end", "start_char", "end_char", "label_", "_")

    def __init__(self, span: Span, values: tuple, label_: Optional[str] = None) -> None:
        self.span = span
        self.doc = span.doc
        self.start, self.end, self.start_char, self.end_char = span.start, span.end, span.start_char, span.end_char
        self.label_ = span.label_ if label_ is None else label_
        self._ = _Values(*values)

    @property
    def text(self) -> str:
        return self.span.text

    def __len__(self) -> int:
        return self.end - self.start

    def __getitem__(self, i):
        return self.span[i]

    def __iter__(self):
        return iter(self.span)

    def __getattr__(self, attr: str):
        return getattr(self.span, attr)


def _first_from(starts: list[int], s: int) -> list[int]:
    """The first of the sorted ``starts`` at or after ``s`` (a list of one, or none): a slice of one, not of
    the rest of the list."""
    i = bisect_left(starts, s)
    return starts[i:i + 1]


def within(spans: list, starts: list[int], s: int, e: int) -> list:
    """The spans of ``spans`` (sorted by start; ``starts`` their starts) inside tokens s..e."""
    return [x for x in spans[bisect_left(starts, s):bisect_left(starts, e)] if x.end <= e]


MAX_WEIGHED_NAMES = 12
"""The side model weighs at most this many names of a sentence for one agreement word: the nearest to it (and
every name the rules gave it). Over the shared corpora and 3,000 Reuters stories no agreement word had more than 9
names in its sentence, and every side the model kept was among the 9 nearest; a sentence listing more names (a
table, a list of places) would otherwise cost a parse reading per name and agreement word."""


def _new_fact(v, trig, type_: str, status: str, sentence: str, start: int, headline: bool, base_type: str) -> dict:
    """A candidate fact of agreement word ``trig`` in the (stripped) ``sentence`` that starts at character
    ``start``: sides and date are set next."""
    return {"type": type_, "status": status, "trigger_text": v.doc_text[trig.start_char:trig.end_char],
            "trigger_start": trig.start_char, "trigger_end": trig.end_char, "sentence": sentence, "start": start,
            "end": start + len(sentence), "_headline": headline, "_base": base_type}


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

    def __init__(self, nlp: Language, name: str, cues: str, types: str, include_negated: bool = False,
                 model: str = "", parse: bool = True) -> None:
        register_extensions()
        self.name = name
        self.include_negated = include_negated
        taxonomy = load_json(types)
        self.cameo = {t: row.get("cameo") for t, row in taxonomy["types"].items()}
        self.status_cameo = dict(taxonomy.get("status_cameo", {}))
        cfg = load_json(cues)
        self.candidates = Candidates(cfg)
        self.sides = Sides(cfg)
        self.types = Types(cfg)
        self.dates = FactDates(cfg)
        self.merger = Merger(cfg, self.candidates.signs, self.sides.listed_names)
        self.features = PairFeatures(cfg)
        models = load_models(model)
        self.side_model = models.get("sides")
        self.fact_model = models.get("facts")
        self.parse = parse
        # the short paths (sentences that name no one, :meth:`_sideless`; a word repeated; a candidate equal to a
        # fact of its sentence): off, the full path is taken everywhere (the tests compare the two)
        self.fast = True
        self.party_list_cues = phrases(cfg["party_list_cues"])
        self.partner_role_cues = phrases(cfg.get("partner_role_cues", ()))
        self.joined_types = frozenset(cfg["object_after_trigger"].get("direct_types", ()))
        self.part_of_cues = phrases(cfg["part_of_cues"])
        self.referring: dict[str, list[tuple[str, ...]]] = {}  # "it", "the two companies", by first word
        for phrase, _label in self.sides.subject_phrases:  # longest first
            self.referring.setdefault(phrase[0], []).append(phrase)

    def __call__(self, doc: Doc) -> Doc:
        all_ents = list(doc_ents(doc))
        ent_labels = [x.label_ for x in all_ents]  # (each ``label_`` looks the string up)
        triggers_all = [t for t, lab in zip(all_ents, ent_labels) if lab == "AGREEMENT"]
        if not triggers_all:
            doc._.agreements = []
            return doc
        values = span_values(doc, ("value", "kind", "own_value"))
        triggers_all = [Trigger(t, values(t.start_char, t.end_char), "AGREEMENT") for t in triggers_all]
        cand, sides, types = self.candidates, self.sides, self.types
        collect = doc.user_data.get(COLLECT)  # training: the candidate pairs and their features go here
        self._parses = {}
        fact_probs: dict[tuple, float] = {}  # the fact model's verdict by features (many candidates share them)
        side_types = self.side_model.meta.get("types") if self.side_model is not None else None
        if self.fact_model is not None:
            resurrects = self.fact_model.meta.get("resurrects", ("general", "hedged", "absorbed"))
            keep = self.fact_model.meta.get("keep_threshold", 0.5)
        self._wanted: list[tuple[int, int]] = []
        v = token_view(doc)
        labels: list = [None] * len(v.text)
        for ent, lab in zip(all_ents, ent_labels):
            labels[ent.start:ent.end] = [lab] * (ent.end - ent.start)
        ents = [e for e, lab in zip(all_ents, ent_labels) if lab in PARTY_LABELS]
        name_parties(doc, ents)
        dateline = dateline_end(v)
        # the dateline's date is the article's, not the agreement's
        dated = self.dates.dated(all_ents, v, dateline)
        actors = sides.actors(ents, v.lower)
        facts: list[dict] = []
        pending: list[tuple[int, dict]] = []  # facts whose sides the next sentence lists ("The signatories are")
        one_sided: list[tuple[int, dict]] = []  # facts whose other side the next sentence names ("The licensee is")
        topic: tuple[int, Optional[dict]] = (-1, None)  # a sentence about an earlier agreement ("The MOC was ...")
        headline_end = -1
        headline: Optional[tuple[int, int]] = None
        orphans: list[dict] = []  # specific agreements that no sentence gave a side
        bounds = sentence_bounds(doc, v, all_ents)
        # each sentence's triggers, names and dates by bisection (doc.ents are in order): linear in the document
        trigger_starts = [t.start for t in triggers_all]
        ent_starts = [x.start for x in ents]
        dated = sorted(dated, key=lambda d: d.start)
        dated_starts = [d.start for d in dated]
        commas = comma_counts(v.lower) if dated else None
        if self.parse and (self.fact_model is not None or self.side_model is not None or collect is not None):
            # the sentences a model will read a parse of: every agreement word's where the fact model reads
            # parses, else only those of the side model's types
            every = self._fact_parse(collect) or not side_types
            starts = sorted(t.start for t in triggers_all if every or t._.value in side_types)
            # (the first agreement word at or after each sentence's start: one look per sentence, none without any)
            self._wanted = [(s, e) for s, e in bounds if any(s <= k < e for k in _first_from(starts, s))] \
                if starts else []
        for n, (s, e) in enumerate(bounds):
            if n < 3 and is_headline(v, s, e):
                headline_end = e
                headline = headline or (s, e)
            pending = [(m, f) for m, f in pending if m >= n - 1]
            one_sided = [(m, f) for m, f in one_sided if m >= n - 1]
            if one_sided and starts_with(v.lower, s, e, self.partner_role_cues):
                names = sides.listed_names(v, s, e, within(ents, ent_starts, s, e), dateline)
                names = sides.coordinated(v, names, e, labels) if names else names  # not those of an apposition
                for _, fact in one_sided if names else ():
                    set_parties(fact, dedupe(list(fact["_spans"]) + names))
                one_sided = []
            if pending and starts_with(v.lower, s, e, self.party_list_cues):
                names = sides.listed_names(v, s, e, within(ents, ent_starts, s, e), dateline)
                for _, fact in pending if names else ():
                    if fact["parties"]:  # "They formed the X Forum. The participants include Y and Z."
                        set_parties(fact, dedupe(list(fact["_spans"]) + names))
                    else:
                        set_parties(fact, names)
                        facts.append(fact)
                pending = []
            triggers = triggers_all[bisect_left(trigger_starts, s):bisect_left(trigger_starts, e)]
            if not triggers:
                continue
            words = cand.sentence_words(v.lower, labels, s, e)
            negated = cand.negation(words)
            if negated and not self.include_negated:
                continue  # denied, refused, failed or ended: not a fact
            sent_ents = within(ents, ent_starts, s, e)
            dates = dated[bisect_left(dated_starts, s):bisect_left(dated_starts, e)]
            if not sent_ents and not dates and self.fast and collect is None \
                    and all(t._.kind == "specific" for t in triggers) \
                    and not sides.may_name_side(v.lower, s, e) \
                    and self._sideless(v, labels, s, e, n, triggers, words, negated, headline_end, dateline,
                                       pending, orphans):
                topic = (-1, None)
                continue  # a sentence that names no one and no date: its sideless facts are written
            groups, used, owned, openers = sides.groups(v, labels, s, e, sent_ents, triggers, dateline, facts)
            by_start = {x.start: x for x in sent_ents}
            breaks = sides.breaks(v.lower, s, e)
            cues = cand.status_cues(v.lower, s, e)
            objects = {}
            for trig in triggers:
                obj = sides.direct_object(v, labels, trig, e, by_start, dateline)
                if obj is None and trig._.value in self.joined_types and trig._.kind == "specific":
                    obj = sides.business_object(v, trig, e, by_start, dateline)
                if obj is not None and obj.start not in used:
                    objects[trig.start] = obj
                    used.add(obj.start)
            # (a sentence without a hedge cue's first word hedges none of its agreement words)
            hedged = {t.start for t in triggers if cand.hedged(v, labels, s, t)} if cand.may_hedge(words) else set()
            # a hedged specific agreement ("not seeking a stake") leaves room for general cooperation words
            specific = any(t._.kind in ("specific", "repeat") and t.start not in hedged for t in triggers)
            signing = cand.signs(words)
            sentence = v.doc_text[v.idx[s]:v.idx[e - 1] + len(v.text[e - 1])]  # doc[s:e].text
            stripped = sentence.strip()
            sent_start = v.idx[s] + (len(sentence) - len(sentence.lstrip()))
            # "The MOC was signed on Friday. It covers talent exchange": "it" is the agreement of the sentence before
            it_fact = topic[1] if 0 < n - topic[0] <= 2 and starts_with(v.lower, s, e, [("it",)]) else None
            topic = (-1, None)
            under: Optional[dict] = None
            groups_from = min([g[0].start for g in groups]) if groups else None  # where the first group starts
            trigger_ends = {t.end for t in triggers}
            # where the agreement words and the groups start and end, what Sides.reach reads (none where a group
            # holds names from outside the sentence, "with the two companies": every group is then in reach)
            reach_from = None
            if len(triggers) > 1 and groups:
                group_starts, group_ends = [g[0].start for g in groups], [g[-1].end for g in groups]
                if s <= group_starts[0] and all(a < b for a, b in zip(group_starts, group_ends)) \
                        and all(b <= a for a, b in zip(group_starts[1:], group_ends)):
                    reach_from = ([t.start for t in triggers], [t.end for t in triggers], group_starts, group_ends)
            head = prev = None  # the agreement word a run of the same word ("MOU MOU MOU") stands for; the last
            stated: dict[tuple, dict] = {}  # the facts this sentence made, by type and sides
            for trig in triggers:
                kind = trig._.kind
                own_sides = [g for k, g in enumerate(groups) if owned.get(k) == trig.start] if owned else []
                repeated = self.fast and prev is not None and kind == "specific" == prev._.kind \
                    and trig._.value == prev._.value and not own_sides and trig.start not in objects \
                    and not any(labels[prev.end:trig.start])
                head, prev = head if repeated else trig, trig
                if repeated and facts and facts[-1]["trigger_start"] == head.start_char \
                        and types.purpose_of(v.lower, labels, trig, e, trig._.value, triggers) \
                        == types.purpose_of(v.lower, labels, head, e, trig._.value, triggers) \
                        and cand.retyped(trig, triggers) == cand.retyped(head, triggers):
                    # the same agreement word again, with no name, date or other agreement word since the first,
                    # which made a fact: its candidates would be the first's (merged into them below)
                    continue
                if kind in ("anaphor", "repeat"):
                    earlier = types.attach(facts, trig, dates, groups, own_sides)
                    if earlier is not None and trig.start - s <= 3:
                        topic = (n, earlier)  # the agreement is what the sentence is about
                        if starts_with(v.lower, s, e, self.part_of_cues):
                            under = earlier  # "Under the MOC, the two countries will launch pilots"
                    if kind == "anaphor":
                        if earlier is not None:
                            continue
                        kind = "new"  # "signed the agreements with X": an agreement no earlier fact reported
                    # a repeat (the same agreement named again) completes the earlier fact, and makes a fact of
                    # its own only where this sentence names two sides
                # the rules' verdict: a general word without a signing verb (but "an agreement between X and Y"
                # names one), a hedge ("may", "thinking of"), a part of another deal ("taking a stake each in the
                # joint venture") make no fact; the fact model, where there is one, weighs them all again
                rejected = ("general" if not cand.admits(kind, specific, signing, bool(own_sides))
                            else "hedged" if trig.start in hedged
                            else "absorbed" if cand.is_absorbed(trig, triggers) else "")
                if rejected and self.fact_model is None and collect is None:
                    continue
                first_with = trig.start if groups_from is None else min(groups_from, trig.start)
                subject = sides.subject(v, labels, s, max(trig.start, first_with), sent_ents, used, actors, facts,
                                        dateline)
                date = nearest(own_dates(dates, trig, triggers), trig, v.lower, commas)
                dated_as = date_fields(date)
                part_of = under
                if it_fact is not None and not any(x.start < trig.start for x in sent_ents):
                    subject, part_of = list(it_fact["_spans"]), it_fact  # a part of that agreement
                status = negated or cand.status_of(cues, trig)
                first, last = sides.reach(trig, *reach_from) if reach_from is not None else (0, len(groups))
                partners = [g for k, g in enumerate(groups[first:last], first) if owned.get(k, trig.start) == trig.start
                            and not any(min(trig.start, g[0].start) < b < max(trig.end, g[0].start) for b in breaks)
                            and not sides.held_by_earlier(v.lower, g, trig, triggers, trigger_ends)]
                objs = [objects[trig.start]] if trig.start in objects else []
                parents = []
                if trig._.value in self.joined_types:
                    # an acquisition is one deal between buyer, target and seller: the object and the partner
                    # groups together, and the parent a target belongs to ("X, a unit of Y") as its seller
                    by_end = {x.end: x for x in sent_ents}
                    # "the X division of Y", "Y's X unit": Y sells, X (where the text names it) is bought
                    swapped = []
                    for x in objs + [p for g in partners for p in g if openers.get(p.start) == "of"]:
                        owned_by = sides.unit_owner(v, x, s, e, by_start, by_end)
                        if owned_by is not None:
                            swapped.append(x)
                            parents.append(owned_by[1])
                            if owned_by[0] is not None:
                                objs = objs + [owned_by[0]]
                    if swapped:
                        objs = [x for x in objs if x not in swapped]
                        partners = [g for g in ([p for p in g if p not in swapped] for g in partners) if g]
                    if not objs and not any(openers.get(p.start) == "of" for g in partners for p in g) \
                            and sides.word_class(v, trig, trig._.value) == "sale":
                        asset = sides.sold_asset(v, labels, trig, e)  # "sell its Sunrise, Fla., branch to X"
                        if asset is not None:
                            objs = [asset]
                    named = objs + [p for g in partners for p in g] + parents
                    targets = objs + [p for g in partners for p in g if openers.get(p.start) == "of"]
                    for x in targets:
                        parent = sides.parent_of(v, x, e, by_start, by_end)
                        if parent is not None and parent not in named:
                            parents.append(parent)
                            named.append(parent)
                    own = [named] if named else []
                else:
                    own = [objs] if objs else partners
                base_type = cand.retyped(trig, triggers) or types.base_type(trig, kind)
                purpose = types.purpose_of(v.lower, labels, trig, e, base_type, triggers)
                groups_of_trig = own or [[]]
                hedge_words = None  # the trigger's hedge cues (a feature of each of its candidate facts)
                # the fact model's verdict on this word's candidates by what their features can differ in: type,
                # verdict so far, party count, labels and count outside the sentence (many share them)
                verdicts: dict[tuple, float] = {}
                own_subject = dedupe(subject)
                subject_keys = {key(p) for p in own_subject}
                rule_verdict = rejected  # each candidate starts from the rules' verdict, not the one before it
                for group in groups_of_trig:
                    rejected = rule_verdict
                    parties = dedupe_onto(own_subject, subject_keys, group)
                    if kind == "repeat" and (len(parties) < 2 or any(not s <= p.start < e for p in parties)):
                        continue  # a repeat is a deal of its own only between sides its sentence names
                    type_ = types.fact_type(base_type, purpose, parties)
                    if collect is not None or self.side_model is not None \
                            and (side_types is None or type_ in side_types):
                        siblings = {p.start for g in groups_of_trig if g is not group for p in g}
                        parties = self._learned_sides(
                            doc, v, s, e, trig, type_, kind, parties, subject, group, objs,
                            [x for x in sent_ents if x.start not in siblings or x in group], dateline,
                            e <= headline_end, collect)
                    if stated and parties and self.fast and not types.plans(purpose, type_):
                        made = stated.get((type_, frozenset([key(p) for p in parties])))
                        if made is not None and (made["date"] is not None or date is None and part_of is None):
                            continue  # the same fact as one this sentence made (merged into it below): no new work
                    fact = _new_fact(v, trig, type_, status, stripped, sent_start, e <= headline_end, base_type)
                    # (the words that brought the names in matter only to a type with roles of its own)
                    roles = sides.roles(v, trig, type_, parties, subject, objs,
                                        {p.start: openers[p.start] for p in group if p.start in openers}
                                        if type_ in sides.role_table else {}, parents)
                    set_parties(fact, parties, roles)
                    fact.update(dated_as)
                    if date is None and part_of is not None:
                        take_date(fact, part_of)
                    # the fact model weighs a candidate the rules admit, or one they reject for a reason it may
                    # overrule; training collects every candidate's features
                    consult = parties and self.fact_model is not None and (not rejected or rejected in resurrects)
                    if parties and collect is not None or consult:
                        verdict = None
                        if collect is None:
                            kinds, inside = set(), 0
                            for p in parties:
                                kinds.add(p.label)
                                inside += s <= p.start < e
                            seen_as = (type_, rejected, min(len(parties), 3), frozenset(kinds),
                                       min(len(parties) - inside, 2))
                            verdict = verdicts.get(seen_as)
                        if verdict is None:
                            if hedge_words is None:
                                hedge_words = cand.hedge_words(v, labels, s, trig)
                            ff = self.features.fact(v, s, e, trig, kind, type_, base_type, parties, status, rejected,
                                                    hedge_words, signing, specific,
                                                    e <= headline_end, n, purpose,
                                                    self._parse_of(doc, s, e) if self._fact_parse(collect) else None)
                            if collect is not None:
                                collect.append({"what": "fact", "type": type_, "rule": not rejected,
                                                "parties": [name(p) for p in parties], "features": ff})
                            if consult:
                                verdict = fact_probs.get(tuple(ff))
                                if verdict is None:
                                    verdict = fact_probs[tuple(ff)] = self.fact_model.prob(ff)
                                if collect is None:
                                    verdicts[seen_as] = verdict
                        if consult:
                            rejected = "" if verdict >= (keep if not rejected else self.fact_model.threshold) \
                                else "model"
                    if rejected:
                        continue
                    if parties:
                        facts.append(fact)
                        stated.setdefault((type_, fact["keys"]), fact)
                        if kind == "specific" and not subject and trig.start in objects:
                            pending.append((n, fact))  # its founders or members may be listed next
                        elif kind == "specific" and len(parties) == 1 and subject:
                            one_sided.append((n, fact))  # its other side may be named next ("The licensee is")
                        if types.plans(purpose, type_):
                            # the deal the instrument is for: a fact of its own, dated only where the text dates it
                            planned = dict(fact, type=purpose, _undated=True, party_details=())
                            set_parties(planned, parties, sides.roles(v, trig, purpose, parties, subject, objs, {}))
                            set_date(planned, None)
                            facts.append(planned)
                    elif kind == "specific" and not subject:
                        pending.append((n, fact))  # "Four groups signed an MOU." -- sides in the next sentence
                        orphans.append(fact)
        if headline is not None and any(not f["parties"] for f in orphans):
            self.merger.sides_from_headline(v, headline, ents, dateline, orphans, facts)
        # a headline's facts stand only where the body gives none (the body names the sides in full)
        facts = self.merger.finish(facts)
        if any(not f["start"] <= d["start"] <= d["end"] <= f["end"] for f in facts for d in f["party_details"]):
            mentions = [(x.start_char, x.end_char, name(x).casefold()) for x in ents]
            anchor_parties(facts, v, mentions, self.referring)
        doc._.agreements = [self._record(f) for f in facts]
        sides.forget()
        return doc

    def _sideless(self, v, labels: list, s: int, e: int, n: int, triggers: list, words: list[str],
                  negated: Optional[str], headline_end: int, dateline: int, pending: list, orphans: list) -> bool:
        """The facts of a sentence that names no one, no date and no referring subject, whose agreement words
        are all specific ("MOU" on a line of its own, "A memorandum of understanding was signed."): what the
        full path below gives such a sentence (a fact without sides for each word that is not hedged or part
        of another, kept for the sides the next sentence or the headline may name), in a fraction of its work.
        False (nothing done) where a word could still take a named object of its own; ``fast = False`` turns
        this path off (the tests compare the two)."""
        sides, cand, types = self.sides, self.candidates, self.types
        for trig in triggers:
            if sides.direct_object(v, labels, trig, e, {}, dateline) is not None or \
                    trig._.value in self.joined_types and sides.business_object(v, trig, e, {}, dateline) is not None:
                return False
        hedges = cand.may_hedge(words)
        cues = cand.status_cues(v.lower, s, e)
        sentence = v.doc_text[v.idx[s]:v.idx[e - 1] + len(v.text[e - 1])]
        stripped = sentence.strip()
        sent_start = v.idx[s] + (len(sentence) - len(sentence.lstrip()))
        for trig in triggers:
            if hedges and cand.hedged(v, labels, s, trig) or cand.is_absorbed(trig, triggers):
                continue
            base_type = cand.retyped(trig, triggers) or trig._.value  # (as the full path: types.base_type)
            purpose = types.purpose_of(v.lower, labels, trig, e, base_type, triggers)
            fact = _new_fact(v, trig, types.fact_type(base_type, purpose, []), negated or cand.status_of(cues, trig),
                             stripped, sent_start, e <= headline_end, base_type)
            set_parties(fact, [])
            fact.update(date_fields(None))
            pending.append((n, fact))
            orphans.append(fact)
        return True

    def load_lazy_data(self) -> None:
        """Load now what is otherwise loaded on first need (the parser, for the sentences whose sides the model
        decides): ``--jobs`` calls it before forking, so that the workers share one copy (about 33 MB) instead of
        each loading its own."""
        if not self.parse or (self.fact_model is None and self.side_model is None):
            return
        try:
            from ... import syntax

            syntax.load_parser()
        except (ImportError, FileNotFoundError):
            self.parse = False  # as on first need: the rules go on without a parse

    def _fact_parse(self, collect: Optional[list]) -> bool:
        """Whether the fact model reads parse features (training collects them all)."""
        return collect is not None or self.fact_model is not None and self.fact_model.meta.get("parse", True)

    def _parse_of(self, doc: Doc, s: int, e: int):
        """The dependency parse of sentence ``s..e``, or None without a parser. The first call parses every
        sentence of the document that holds an agreement word at once (``self._wanted``), reading each found
        name as one word and leaving wire markup out."""
        if not self.parse:
            return None
        if (s, e) not in self._parses:
            try:
                from ... import syntax
            except ImportError:
                self.parse = False
                return None
            bounds = [b for b in self._wanted if b not in self._parses] or [(s, e)]
            if (s, e) not in bounds:
                bounds.append((s, e))
            names = [(x.start, x.end) for x in doc_ents(doc) if x.label_ in PARTY_LABELS]
            skip = [i for b0, b1 in bounds for i in syntax.markup_tokens(doc, b0, b1)]
            try:
                parsed = syntax.parse_sentences(doc, bounds, skip=skip, merge=names)
            except FileNotFoundError:
                self.parse = False
                return None
            self._parses.update(zip(bounds, parsed))
        return self._parses[(s, e)]

    def _learned_sides(self, doc: Doc, v, s: int, e: int, trig, type_: str, kind: str, parties: list,
                       subject: list, group: list, objs: list, cands: list, dateline: int, headline: bool,
                       collect: Optional[list]) -> list:
        """The sides of one fact as the side model decides them: each name of the sentence (less those the
        rules gave to another fact of the same agreement word) is weighed on its own features; names the rules
        took from outside the sentence ("it", "the two companies") stay."""
        inside = {p.start for p in parties if s <= p.start < e}
        # names the rules took from outside the sentence, or read from its words where no entity stands
        # ("the Acme division of X"), stay
        found = {(x.start, x.end) for x in cands}
        outside = [p for p in parties if not s <= p.start < e
                   or (p.start, p.end) not in found and not any((x.start, x.end) == (p.start, p.end) for x in doc.ents)]
        sp = self._parse_of(doc, s, e)
        rule_of = {p.start: "subject" for p in subject} | {p.start: "group" for p in group} | \
            {p.start: "object" for p in objs}
        chosen = []
        seen = []
        weighed = cands
        if len(cands) > MAX_WEIGHED_NAMES:  # a list of names: the nearest to the agreement word, and the rules' sides
            nearest = sorted(cands, key=lambda x: (max(x.start - trig.end, trig.start - x.end), x.start))
            keep = {x.start for x in nearest[:MAX_WEIGHED_NAMES]} | inside
            weighed = [x for x in cands if x.start in keep]
        for x in weighed:
            rule = rule_of.get(x.start, "none") if x.start in inside else "none"
            feats = self.features.words(v, s, e, trig, x, cands, rule, self.sides.is_modifier(v, x, dateline),
                                        self.sides.possessive(v, x), dateline, headline, type_)
            if sp is not None:
                feats += self.features.parse(sp, trig, x, type_)
            seen.append({"name": name(x), "surface": " ".join(x.text.split()), "rule": x.start in inside,
                         "features": feats})
            if self.side_model is not None:
                # a name the rules read stays unless the model is sure it is none; another joins only where the
                # model is sure it is a side
                p = self.side_model.prob(feats)
                if p >= (self.side_model.meta.get("keep_threshold", 0.5) if x.start in inside
                         else self.side_model.threshold):
                    chosen.append(x)
        if collect is not None:
            collect.append({"what": "sides", "type": type_, "kind": kind, "trigger": [trig.start_char, trig.end_char],
                            "outside": [name(p) for p in outside], "pairs": seen})
        if self.side_model is None or not parties:
            return parties  # the side model completes and corrects the rules' sides; it makes no fact of its own
        order = {p.start: n for n, p in enumerate(parties)}
        chosen.sort(key=lambda x: (x.start not in order, order.get(x.start, 0), x.start))
        return dedupe(outside + chosen)

    def _record(self, f: dict) -> dict:
        """A fact in the layout of the record's ``agreements`` (:class:`qfacts.models.Agreement`)."""
        return Agreement(
            type=f["type"], parties=f["parties"], party_details=f["party_details"], date=f["date"],
            date_text=f["date_text"], date_interval=f["date_interval"], status=f["status"],
            trigger={"text": f["trigger_text"], "start": f["trigger_start"], "end": f["trigger_end"]},
            sentence=f["sentence"], start=f["start"], end=f["end"],
            cameo=self.status_cameo.get(f["status"], self.cameo.get(f["type"]))).to_dict()


__all__ = ["FactsComponent"]
