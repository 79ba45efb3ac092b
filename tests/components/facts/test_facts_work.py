"""Issue 14: the work of the facts stages grows linearly with the text, whatever it repeats (counted in calls and
candidate facts, not timed)."""
import random

import pytest
from spacy.tokens import Span
from spacy.util import filter_spans

import qfacts
from qfacts.components.agreements import _longest_first
from qfacts.components.facts import FactsComponent
from qfacts.components.facts.features import PairFeatures
from qfacts.components.facts.sides import Sides

CLAUSE = "Brindle Motors signed an MOU with Daejeon on Friday and "


@pytest.fixture()
def count(monkeypatch):
    """``count(Owner, "method")``: a list that gets one item per call of the method from then on."""
    def install(owner, attr):
        calls = []
        original = getattr(owner, attr)

        def counted(*args, **kwargs):
            calls.append(1)
            return original(*args, **kwargs)
        monkeypatch.setattr(owner, attr, counted)
        return calls
    return install


def test_names_of_a_sentence_are_tested_once_each_whatever_its_agreement_words(count):
    # one sentence: twelve agreement words, each after all the names before it (a test per name and word would be
    # 78 tests)
    text = ", ".join("Kelvo Corp signed an MOU" for _ in range(12)) + "."
    governed = count(Sides, "_governed")
    record = qfacts.extract(text)
    names = [e for e in record.entities if e.label in ("ORG", "PLACE")]
    assert len(names) == 12 and len([e for e in record.entities if e.label == "AGREEMENT"]) == 12
    assert 0 < len(governed) <= 2 * len(names)  # (a list before a name is followed back: a few calls more)


def test_candidate_facts_grow_linearly_with_a_clause_repeated_without_a_full_stop(count):
    features = count(PairFeatures, "fact")
    qfacts.extract(CLAUSE * 40)
    small = len(features)
    features.clear()
    qfacts.extract(CLAUSE * 160)
    assert small > 0
    assert len(features) <= 5 * small  # four times the text: about four times the candidates, not sixteen


def test_a_line_that_only_names_an_agreement_reads_no_partner_group_or_cue(count):
    # ("MOU" lines: nothing opens a group, no status, break or negation cue can be there)
    clause_prepositions = count(Sides, "_clause_prepositions")
    record = qfacts.extract("MOU\n" * 50)
    assert len([e for e in record.entities if e.label == "AGREEMENT"]) == 50
    assert clause_prepositions == []


def test_matches_are_filtered_on_their_bounds_as_filter_spans_filters_spans(blank):
    doc = blank.make_doc(" ".join(["w"] * 40))
    rng = random.Random(14)
    for _ in range(300):
        bounds = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randrange(0, 39)
            bounds.append((s, rng.randint(s + 1, min(40, s + 5))))
        spans = [Span(doc, s, e, label="AGREEMENT") for s, e in bounds]
        assert _longest_first(dict.fromkeys(bounds)) == [(x.start, x.end) for x in filter_spans(spans)]


def test_subject_memo_is_dropped_after_each_document():
    nlp = qfacts.get_pipeline()
    facts: FactsComponent = nlp.get_pipe("qfacts_facts")
    qfacts.extract("Kelvo Corp signed an MOU with Daejeon.", nlp=nlp)
    assert getattr(facts.sides, "_unbound_memo", None) is None


def test_held_by_earlier_reads_the_same_from_the_agreement_words_ends(cfg, monkeypatch):
    # each (agreement word, group) of comma-joined clauses: the answer from the word ends is the answer from the words
    text = ("Brindle Motors signed an MOU with Daejeon, Kestrel University signed a joint venture agreement with "
            "Lyon, Orrin Bank formed a partnership with Seoul, a statement said. Brindle Motors agreed to set up a "
            "company with Daejeon to mine ore, a joint communique said.")
    seen = []
    original = Sides.held_by_earlier

    def both(low, group, trig, triggers, ends=None):
        plain = original(low, group, trig, triggers)
        seen.append((plain, original(low, group, trig, triggers, {t.end for t in triggers})))
        return plain
    monkeypatch.setattr(Sides, "held_by_earlier", staticmethod(both))
    qfacts.extract(text)
    assert seen and any(plain for plain, _ in seen)
    assert all(plain == fast for plain, fast in seen)


def _naive_pair(previous, label, count=None):
    """What Sides._pair gives, read the plain way (every earlier fact, each time)."""
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


class _Counted(list):
    """A list that counts the items read from it by index."""
    reads = 0

    def __getitem__(self, i):
        _Counted.reads += 1
        return super().__getitem__(i)


def test_plural_references_read_each_earlier_fact_once_and_answer_as_a_full_scan(blank, cfg):
    from qfacts.components.facts.parties import set_parties

    sides = Sides(cfg)
    doc = blank.make_doc(" ".join(f"w{i}" for i in range(40)))
    rng = random.Random(5)
    previous = _Counted()
    asked = 0
    for _ in range(600):
        roll = rng.random()
        if roll < 0.5:  # a new fact of one to three sides, mostly organisations
            fact = {}
            spans = []
            for _ in range(rng.randint(1, 3)):
                s = rng.randrange(0, 39)
                spans.append(Span(doc, s, s + 1, label="PLACE" if rng.random() < 0.03 else "ORG"))
            set_parties(fact, spans)
            previous.append(fact)
        elif roll < 0.51 and previous:  # an earlier fact completed later (as an anaphor's sentence does)
            fact = list.__getitem__(previous, rng.randrange(len(previous)))
            s = rng.randrange(0, 39)
            set_parties(fact, list(fact["_spans"]) + [Span(doc, s, s + 1, label="PLACE")])
        else:  # "the two countries", "the three companies", "they"
            # (mostly "the two countries" among companies' facts: a scan would read back to the first fact)
            label, count = rng.choice([("PLACE", 2), ("PLACE", 2), ("PLACE", 3), ("ORG", 3), (None, None)])
            expected = _naive_pair(list(previous), label, count)
            assert sides._pair(previous, label, count) == expected
            asked += 1
    sides.forget()
    assert asked > 200
    # a scan per reference reads back to the first fact for most of them (about 50,000 reads here)
    assert _Counted.reads < 20 * (len(previous) + asked)


def test_the_side_model_weighs_a_bounded_number_of_names_whatever_the_list(count):
    from qfacts.components.facts import MAX_WEIGHED_NAMES
    words = count(PairFeatures, "words")
    record = qfacts.extract("Brindle Motors acquired Kelvo Corp. Lyon: " + "Seoul, " * 60 + "Orrin Ltd.")
    assert any(f.type == "acquisition" for f in record.agreements)
    assert 0 < len(words) <= 2 * MAX_WEIGHED_NAMES  # (one agreement word; 60 names in its sentence)


def test_a_list_of_names_is_followed_back_once_per_sentence(count):
    here = count(Sides, "_governed_here")
    record = qfacts.extract("Kelvo Corp signed an MOU with Lyon, " + "Seoul, " * 60 + "and Daejeon.")
    names = [e for e in record.entities if e.label in ("ORG", "PLACE")]
    assert len(names) > 60
    assert 0 < len(here) <= 2 * len(names)  # each name once (followed back through the list: 60 x 60 before)
