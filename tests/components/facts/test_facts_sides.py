import pytest

from qfacts.components.facts.sides import Sides


@pytest.fixture(scope="module")
def sides(cfg):
    return Sides(cfg)


def read(sides, doc, v, labels_of, previous=()):
    """The partner groups and the subject of the sentence's first agreement word, as the component reads them."""
    ents = [e for e in doc.ents if e.label_ in ("ORG", "PLACE")]
    triggers = [e for e in doc.ents if e.label_ == "AGREEMENT"]
    labels = labels_of(doc)
    groups, used, _, _ = sides.groups(v, labels, 0, len(doc), ents, triggers, 0, list(previous))
    first = min([g[0].start for g in groups] + [triggers[0].start])
    subject = sides.subject(v, labels, 0, max(triggers[0].start, first), ents, used, sides.actors(ents),
                            list(previous), 0)
    return [[p.text for p in g] for g in groups], [p.text for p in subject]


def test_sides_with_opens_a_partner_group_and_the_names_before_are_the_subject(sides, make, labels_of):
    doc, v = make("Acme Corp signed a contract with Kelvo Ltd and Orrin Bank.", ("Acme Corp", "ORG"),
                  ("contract", "AGREEMENT", "contract", "specific"), ("Kelvo Ltd", "ORG"), ("Orrin Bank", "ORG"))
    assert read(sides, doc, v, labels_of) == ([["Kelvo Ltd", "Orrin Bank"]], ["Acme Corp"])


def test_sides_each_with_phrase_is_a_group_of_its_own(sides, make, labels_of):
    doc, v = make("Acme Corp plans joint research with Kelvo Ltd and also with Orrin Bank.", ("Acme Corp", "ORG"),
                  ("joint research", "AGREEMENT", "joint_research", "specific"), ("Kelvo Ltd", "ORG"),
                  ("Orrin Bank", "ORG"))
    assert read(sides, doc, v, labels_of)[0] == [["Kelvo Ltd"], ["Orrin Bank"]]


def test_sides_a_place_after_in_and_a_based_modifier_are_no_sides(sides, make, labels_of):
    doc, v = make("Acme Corp signed a contract in Lisbon with a Porto-based firm.", ("Acme Corp", "ORG"),
                  ("contract", "AGREEMENT", "contract", "specific"), ("Lisbon", "PLACE"), ("Porto", "PLACE"))
    assert read(sides, doc, v, labels_of) == ([], ["Acme Corp"])


def test_sides_the_reported_clause_of_said_has_the_subject(sides, make, labels_of):
    doc, v = make("Acme Corp said Kelvo Ltd signed a contract with Orrin Bank.", ("Acme Corp", "ORG"),
                  ("Kelvo Ltd", "ORG"), ("contract", "AGREEMENT", "contract", "specific"), ("Orrin Bank", "ORG"))
    assert read(sides, doc, v, labels_of) == ([["Orrin Bank"]], ["Kelvo Ltd"])
    doc, v = make("Acme Corp said it signed a contract with Orrin Bank.", ("Acme Corp", "ORG"),
                  ("contract", "AGREEMENT", "contract", "specific"), ("Orrin Bank", "ORG"))
    assert read(sides, doc, v, labels_of) == ([["Orrin Bank"]], ["Acme Corp"])


def test_sides_coordinated_subjects_cross_an_apposition(sides, make, labels_of):
    doc, v = make("Acme Corp, a Lisbon maker of pumps, and Kelvo Ltd formed a joint venture.",
                  ("Acme Corp", "ORG"), ("Lisbon", "PLACE"), ("Kelvo Ltd", "ORG"),
                  ("joint venture", "AGREEMENT", "joint_venture", "specific"))
    assert read(sides, doc, v, labels_of) == ([], ["Acme Corp", "Kelvo Ltd"])


def test_sides_the_city_is_the_most_named_place(sides, make, labels_of):
    doc, v = make("Lisbon grows. Lisbon builds. The city signed a contract with Kelvo Ltd on Monday.", ("Lisbon", "PLACE"),
                  ("Lisbon#2", "PLACE"), ("contract", "AGREEMENT", "contract", "specific"), ("Kelvo Ltd", "ORG"))
    ents = [e for e in doc.ents if e.label_ in ("ORG", "PLACE")]
    assert sides.actors(ents)["PLACE"].text == "Lisbon"
    labels = labels_of(doc)
    start = v.text.index("The")
    trig = [e for e in doc.ents if e.label_ == "AGREEMENT"][0]
    subject = sides.subject(v, labels, start, trig.start, [e for e in ents if e.start >= start], set(),
                            sides.actors(ents), [], 0)
    assert [p.text for p in subject] == ["Lisbon"]


def test_sides_the_two_companies_are_the_sides_of_the_latest_two_sided_fact(sides, make, labels_of):
    doc, v = make("Acme Corp and Kelvo Ltd met. The two companies signed a contract.", ("Acme Corp", "ORG"),
                  ("Kelvo Ltd", "ORG"), ("contract", "AGREEMENT", "contract", "specific"))
    earlier = [{"_spans": [doc.ents[0], doc.ents[1]]}]
    start = v.text.index("The")
    trig = doc.ents[2]
    subject = sides.subject(v, labels_of(doc), start, trig.start, [], set(), {}, earlier, 0)
    assert [p.text for p in subject] == ["Acme Corp", "Kelvo Ltd"]


def test_sides_an_acquisition_verb_takes_the_name_right_after_it_as_its_object(sides, make, labels_of):
    doc, v = make("Acme Corp agreed to acquire Kelvo Ltd for cash.", ("Acme Corp", "ORG"),
                  ("acquire", "AGREEMENT", "acquisition", "specific"), ("Kelvo Ltd", "ORG"))
    by_start = {e.start: e for e in doc.ents if e.label_ == "ORG"}
    obj = sides.direct_object(v, labels_of(doc), doc.ents[1], len(doc), by_start, 0)
    assert obj.text == "Kelvo Ltd"


def test_sides_a_source_after_told_is_no_side(sides, make):
    doc, v = make("Acme Corp told Orrin News it signed.", ("Acme Corp", "ORG"), ("Orrin News", "ORG"))
    acme, news = doc.ents
    assert sides.is_modifier(v, news, 0) and not sides.is_modifier(v, acme, 0)


def test_sides_the_audience_of_a_filing_or_a_report_is_no_side(sides, make):
    doc, v = make("In a filing with the Harbor Exchange Board, Acme Corp said it bought a stake.",
                  ("Harbor Exchange Board", "ORG"), ("Acme Corp", "ORG"))
    board, acme = doc.ents
    assert sides.is_modifier(v, board, 0) and not sides.is_modifier(v, acme, 0)
    doc, v = make("Acme Corp told the\nHarbor Exchange Board it sold its stake.", ("Acme Corp", "ORG"),
                  ("Harbor Exchange Board", "ORG"))
    acme, board = doc.ents
    assert sides.is_modifier(v, board, 0) and not sides.is_modifier(v, acme, 0)


def test_sides_a_group_past_another_agreement_word_and_the_nearer_group_is_out_of_reach(sides, make):
    doc, _ = make("Acme Corp signed an MOU with Kelvo Ltd and a contract with Orrin Bank, then a lease with Lyon.",
                  ("Acme Corp", "ORG"), ("MOU", "AGREEMENT", "memorandum_of_understanding", "specific"),
                  ("Kelvo Ltd", "ORG"), ("contract", "AGREEMENT", "contract", "specific"), ("Orrin Bank", "ORG"),
                  ("lease", "AGREEMENT", "contract", "specific"), ("Lyon", "PLACE"))
    mou, contract, lease = [e for e in doc.ents if e.label_ == "AGREEMENT"]
    kelvo, orrin, lyon = [[e] for e in doc.ents if e.label_ in ("ORG", "PLACE") and e.text != "Acme Corp"]
    groups = [kelvo, orrin, lyon]

    def reached(trig):
        first, last = sides.reach(trig, [t.start for t in (mou, contract, lease)], [t.end for t in (mou, contract, lease)],
                                  [g[0].start for g in groups], [g[-1].end for g in groups])
        return [g[0].text for g in groups[first:last]]
    assert reached(mou) == ["Kelvo Ltd"]  # after: the contract and its own group stand between
    assert reached(contract) == ["Kelvo Ltd", "Orrin Bank"]  # Kelvo Ltd: no agreement word between them
    assert reached(lease) == ["Orrin Bank", "Lyon"]  # before: the contract and its group stand between


def test_sides_agreement_words_side_by_side_reach_the_group_after_both(sides, make):
    doc, _ = make("Acme Corp signed an MOU and a contract with Orrin Bank.", ("Acme Corp", "ORG"),
                  ("MOU", "AGREEMENT", "memorandum_of_understanding", "specific"),
                  ("contract", "AGREEMENT", "contract", "specific"), ("Orrin Bank", "ORG"))
    mou, contract = [e for e in doc.ents if e.label_ == "AGREEMENT"]
    orrin = [e for e in doc.ents if e.text == "Orrin Bank"]
    assert sides.reach(mou, [mou.start, contract.start], [mou.end, contract.end], [orrin[0].start],
                       [orrin[0].end]) == (0, 1)
