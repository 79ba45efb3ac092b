import pytest

from qfacts.components.facts.features import PairFeatures, bucket, closed


@pytest.fixture(scope="module")
def pf(cfg):
    return PairFeatures(cfg)


def test_features_buckets_and_closed_words():
    assert [bucket(n) for n in (1, 2, 3, 7, 12, 40)] == ["1", "2", "3-4", "5-8", "9-15", "16+"]
    assert closed("with") == "with" and closed("pumps") == "W"


def test_features_words_say_where_a_name_stands_and_what_brings_it_in(pf, make):
    doc, v = make("Acme Corp said it acquired Kelvo Ltd from Orrin Bank for cash.", ("Acme Corp", "ORG"),
                  ("acquired", "AGREEMENT", "acquisition", "specific"), ("Kelvo Ltd", "ORG"), ("Orrin Bank", "ORG"))
    acme, trig, kelvo, orrin = doc.ents
    names = [acme, kelvo, orrin]
    f = pf.words(v, 0, len(doc), trig, orrin, names, "none", False, False, 0, False, "acquisition")
    assert {"lab:ORG", "dir:after", "prep:from", "tg_prep:acq:from", "rule:none", "nents:1"} <= set(f)
    f = pf.words(v, 0, len(doc), trig, acme, names, "subject", False, False, 0, False, "acquisition")
    assert {"dir:before", "first_name", "report_between", "tg_rule:acq:subject", "prev:^"} <= set(f)


def test_features_from_the_parse_name_the_relation_to_the_agreement_verb(pf, make):
    from qfacts import syntax

    doc, v = make("Acme Corp signed a contract with Kelvo Ltd on Monday.", ("Acme Corp", "ORG"),
                  ("contract", "AGREEMENT", "contract", "specific"), ("Kelvo Ltd", "ORG"))
    acme, trig, kelvo = doc.ents
    sp = syntax.parse_sentences(doc, [(0, len(doc))], merge=[(acme.start, acme.end), (kelvo.start, kelvo.end)])[0]
    subj = pf.parse(sp, trig, acme, "contract")
    assert "rel:subj" in subj and any(f.startswith("path:") for f in subj)
    partner = pf.parse(sp, trig, kelvo, "contract")
    assert "mcase:with" in partner
