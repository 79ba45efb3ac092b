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
            "Lyon, Orrin Bank formed a partnership with Seoul, a statement said.")
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
