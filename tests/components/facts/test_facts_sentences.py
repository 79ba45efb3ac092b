from qfacts.components.common import token_view
from qfacts.components.facts.sentences import dateline_end, is_headline, sentence_bounds


def split(blank, text):
    doc = blank.make_doc(text)
    v = token_view(doc)
    return [doc[s:e].text for s, e in sentence_bounds(doc, v)], doc, v


def test_sentences_wrapped_wire_lines_run_on_and_a_full_stop_ends_a_sentence(blank):
    got, _, _ = split(blank, "Acme Corp and Kelvo\nLtd said they formed a venture. It will make chips.")
    assert got == ["Acme Corp and Kelvo\nLtd said they formed a venture.", "It will make chips."]


def test_sentences_an_upper_case_line_and_a_blank_line_end_sentences(blank):
    got, _, _ = split(blank, "ACME, KELVO SET VENTURE\nAcme said it\nagreed terms\n\nKelvo said so too.")
    assert [s.strip() for s in got] == ["ACME, KELVO SET VENTURE", "Acme said it\nagreed terms", "Kelvo said so too."]


def test_sentences_a_headline_is_a_whole_line_without_final_punctuation_followed_by_text(blank):
    got, doc, v = split(blank, "ACME AND KELVO SET VENTURE\nAcme said it agreed terms with Kelvo.\nMore follows.")
    bounds = sentence_bounds(doc, v)
    assert got[0].strip() == "ACME AND KELVO SET VENTURE"
    assert is_headline(v, *bounds[0])
    assert not is_headline(v, *bounds[1])


def test_sentences_dateline_ends_after_the_dash_of_a_city_and_date(blank):
    doc = blank.make_doc("TOKYO, March 3 - Acme Corp signed a deal with Kelvo Ltd.")
    v = token_view(doc)
    assert v.text[dateline_end(v)] == "Acme"
    doc = blank.make_doc("Acme Corp - the maker of chips - signed a deal.")
    assert dateline_end(token_view(doc)) == 0


def test_sentences_never_end_inside_an_entity(blank):
    doc = blank.make_doc("Acme Corp and Daejeon signed a\nTRADE\n  AGREEMENT\nin Japan.")
    v = token_view(doc)
    start = v.text.index("TRADE")
    trigger = doc[start:v.text.index("AGREEMENT") + 1]
    plain = sentence_bounds(doc, v)
    assert any(s <= trigger.start < e < trigger.end for s, e in plain)  # the indented line alone would cut it
    bounds = sentence_bounds(doc, v, [trigger])
    assert any(s <= trigger.start and trigger.end <= e for s, e in bounds)
    assert [b for b in bounds if b[0] <= start < b[1]][0][0] == 0


def test_sentences_an_overlong_run_without_full_stops_is_cut_after_a_comma_into_pieces(blank):
    from qfacts.components.facts.sentences import MAX_SENTENCE_TOKENS

    doc = blank.make_doc("Acme Corp, Kelvo Ltd and Daejeon signed an MOU, " * 40)
    v = token_view(doc)
    bounds = sentence_bounds(doc, v)
    assert len(bounds) > 1
    assert all(e - s <= MAX_SENTENCE_TOKENS for s, e in bounds)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))  # no token lost or read twice
    assert all(v.text[e - 1] == "," for s, e in bounds[:-1])


def test_sentences_an_overlong_piece_is_not_cut_inside_an_entity(blank):
    from qfacts.components.facts.sentences import MAX_SENTENCE_TOKENS

    doc = blank.make_doc("MOU " * (MAX_SENTENCE_TOKENS * 3))
    v = token_view(doc)
    ents = [doc[k:k + 3] for k in range(MAX_SENTENCE_TOKENS - 1, len(doc) - 3, MAX_SENTENCE_TOKENS)]
    bounds = sentence_bounds(doc, v, ents)
    for x in ents:
        assert any(s <= x.start and x.end <= e for s, e in bounds)


def test_sentences_a_headline_over_two_upper_case_lines_is_one_sentence(blank):
    got, _, _ = split(blank, "KELVO AND ACME SIGN\nMEMORANDUM ON CHIPS\nKelvo Corp said on Friday it signed it.")
    assert [s.strip() for s in got] == ["KELVO AND ACME SIGN\nMEMORANDUM ON CHIPS",
                                        "Kelvo Corp said on Friday it signed it."]


def test_sentences_upper_case_lines_make_no_sentence_each(blank):
    # (per-sentence work would make a text of short upper-case lines the slowest per character)
    got, _, _ = split(blank, "MOU\n" * 400)
    assert 1 < len(got) < 10  # 400 lines, 800 tokens: pieces of at most MAX_SENTENCE_TOKENS
