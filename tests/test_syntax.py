"""qfacts.syntax: parses of chosen sentences on the main document's tokens, and the helpers a facts stage asks.

The helpers are tested on hand-built parses (exact trees, independent of the model); a second group runs the
shipped model on short invented sentences and checks what a facts stage reads from them.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

from qfacts import syntax
from qfacts.syntax import SentenceParse


def gold(rows: str, start: int = 0) -> SentenceParse:
    """A parse from lines "word TAG POS head dep" (head: 1-based position in the sentence, 0 for the root)."""
    words, tags, pos, heads, deps = [], [], [], [], []
    for k, line in enumerate(rows.strip().splitlines()):
        w, t, p, h, d = line.split()
        words.append(w)
        tags.append(t)
        pos.append(p)
        heads.append(start + (int(h) - 1 if h != "0" else k))
        deps.append(d)
    return SentenceParse.from_lists(start, words, tags, pos, heads, deps)


SIGNED_WITH = """
Acme NNP PROPN 2 compound
Corp NNP PROPN 3 nsubj
signed VBD VERB 0 root
an DT DET 5 det
agreement NN NOUN 3 obj
with IN ADP 8 case
Borealis NNP PROPN 8 compound
Labs NNP PROPN 3 obl
. . PUNCT 3 punct
"""

AGREED_TO_FORM = """
Nordwind NNP PROPN 4 nsubj
and CC CCONJ 3 cc
Kestrel NNP PROPN 1 conj
agreed VBD VERB 0 root
to TO PART 6 mark
form VB VERB 4 xcomp
a DT DET 9 det
joint JJ ADJ 9 amod
venture NN NOUN 6 obj
"""

SAID_IT_AGREED = """
Halvorsen NNP PROPN 2 nsubj
said VBD VERB 0 root
it PRP PRON 4 nsubj
agreed VBD VERB 2 ccomp
to TO PART 6 mark
acquire VB VERB 4 xcomp
Tidewell NNP PROPN 6 obj
from IN ADP 9 case
Marrick NNP PROPN 6 obl
"""

SIGNED_BY = """
The DT DET 2 det
MOU NN NOUN 4 nsubj:pass
was VBD AUX 4 aux:pass
signed VBN VERB 0 root
by IN ADP 6 case
Avalon NNP PROPN 4 obl:agent
and CC CCONJ 8 cc
Brightwater NNP PROPN 6 conj
"""

BETWEEN = """
an DT DET 2 det
agreement NN NOUN 0 root
between IN ADP 4 case
Corvina NNP PROPN 2 nmod
and CC CCONJ 6 cc
Delmar NNP PROPN 4 conj
"""


# ---------------------------------------------------------------------------------------------- the helpers
def test_sentence_parse_indexes_are_main_document_indexes():
    sp = gold(SIGNED_WITH, start=10)
    assert (sp.start, sp.end, len(sp)) == (10, 19, 9)
    assert sp.word(12) == "signed" and sp.head(11) == 12 and sp.dep(12) == "root"
    assert sp.children(12) == (11, 14, 17, 18)
    assert sp.roots() == [12]
    assert sp.ancestors(15) == [17, 12]
    assert 18 in sp and 19 not in sp and 9 not in sp


def test_from_lists_rejects_a_head_outside_the_sentence():
    with pytest.raises(ValueError, match="outside the sentence"):
        SentenceParse.from_lists(0, ["a", "b"], ["DT", "NN"], ["DET", "NOUN"], [1, 5], ["det", "root"])


def test_span_head_of_a_multi_token_name_is_its_last_noun():
    sp = gold(SIGNED_WITH, start=3)
    assert syntax.span_head(sp, 3, 5) == 4  # "Acme Corp" -> Corp
    assert syntax.span_head(sp, 9, 11) == 10  # "Borealis Labs" -> Labs
    assert syntax.span_head(sp, 5, 6) == 5  # a one-token span is its own head


def test_span_head_of_a_span_with_two_outside_heads_is_the_higher_one():
    sp = gold(SIGNED_WITH)
    assert syntax.span_head(sp, 2, 5) == 2  # "signed an agreement": the verb, above its object


def test_governor_of_an_agreement_noun_is_its_verb():
    sp = gold(SIGNED_WITH)
    assert syntax.governor(sp, 4) == 2
    sp = gold(AGREED_TO_FORM)
    assert syntax.governor(sp, 8) == 5  # "venture" -> "form", not "agreed"


def test_governor_is_none_in_a_verbless_phrase():
    assert syntax.governor(gold(BETWEEN), 3) is None


def test_subjects_are_read_through_coordination_and_control():
    sp = gold(AGREED_TO_FORM)
    assert syntax.subjects(sp, 3) == [0, 2]  # Nordwind and Kestrel agreed
    assert syntax.subjects(sp, 5) == [0, 2]  # ... to form: the controller's subjects


def test_subject_of_an_infinitive_under_a_reported_clause_is_the_reported_subject():
    sp = gold(SAID_IT_AGREED)
    assert syntax.subjects(sp, 5) == [2]  # "it" agreed to acquire, not Halvorsen
    assert syntax.objects(sp, 5) == [6]
    assert [(a.rel, a.index, a.case) for a in syntax.obliques(sp, 5, ["from"])] == [("obl", 8, "from")]


def test_passive_agent_and_its_conjuncts():
    sp = gold(SIGNED_BY)
    assert syntax.is_passive(sp, 3)
    assert syntax.subjects(sp, 3) == [1]
    agents = syntax.obliques(sp, 3, ["by"])
    assert [(a.rel, a.index, a.case) for a in agents] == [("obl:agent", 5, "by")]
    assert syntax.conjuncts(sp, agents[0].index) == [5, 7]
    assert syntax.conjuncts(sp, 7) == [5, 7]  # from the second conjunct too


def test_between_phrase_of_an_agreement_noun():
    sp = gold(BETWEEN)
    args = syntax.obliques(sp, 1, ["between"])
    assert [(a.rel, a.index, a.case) for a in args] == [("nmod", 3, "between")]
    assert syntax.conjuncts(sp, 3) == [3, 5]
    assert syntax.obliques(sp, 1, ["with"]) == []


def test_linked_obliques_find_the_with_phrase_on_the_noun_or_on_its_verb():
    on_verb = gold(SIGNED_WITH)
    assert [a.index for a in syntax.linked_obliques(on_verb, 4, ["with"])] == [7]
    on_noun = gold(SIGNED_WITH.replace("Labs NNP PROPN 3 obl", "Labs NNP PROPN 5 nmod"))
    assert [a.index for a in syntax.linked_obliques(on_noun, 4, ["with"])] == [7]


def test_case_of_a_fixed_multiword_preposition():
    sp = gold("""
Acme NNP PROPN 2 nsubj
bid VBD VERB 0 root
along RB ADV 5 case
with IN ADP 3 fixed
Borealis NNP PROPN 2 obl
""")
    assert syntax.case_of(sp, 4) == "along with"
    assert [a.index for a in syntax.obliques(sp, 1, ["with"])] == [4]


def test_relative_pronoun_subject_is_replaced_by_its_noun():
    sp = gold("""
the DT DET 2 det
firm NN NOUN 0 root
that WDT PRON 4 nsubj
signed VBD VERB 2 acl:relcl
""")
    assert syntax.subjects(sp, 3) == [1]


def test_participle_clause_takes_the_noun_it_modifies_as_subject():
    sp = gold("""
an DT DET 2 det
accord NN NOUN 0 root
signed VBN VERB 2 acl
by IN ADP 5 case
Avalon NNP PROPN 3 obl:agent
""")
    assert syntax.is_passive(sp, 2)
    assert syntax.subjects(sp, 2) == [1]


def test_appositions_group_a_name_and_its_description():
    sp = gold("""
Acme NNP PROPN 5 nsubj
, , PUNCT 4 punct
a DT DET 4 det
unit NN NOUN 1 appos
signed VBD VERB 0 root
""")
    assert syntax.appositions(sp, 0) == [0, 3]
    assert syntax.appositions(sp, 3) == [0, 3]


def test_sentence_of_finds_the_parse_holding_a_token():
    a, b = gold(BETWEEN, start=0), gold(SIGNED_BY, start=6)
    assert syntax.sentence_of([a, b], 7) is b
    assert syntax.sentence_of([a, b], 2) is a
    assert syntax.sentence_of([a, b], 20) is None


# ---------------------------------------------------------------------------------------------- parse_sentences
@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def parse(blank, text):
    doc = blank(text)
    return doc, syntax.parse_sentences(doc, [(0, len(doc))])[0]


def test_parse_sentences_parses_only_the_sentences_it_is_given(blank):
    doc = blank("It rained all day. Acme signed a deal with Borealis. The match was drawn.")
    second = (5, 12)
    assert doc[5].text == "Acme" and doc[11].text == "."
    parses = syntax.parse_sentences(doc, [second])
    assert len(parses) == 1
    sp = parses[0]
    assert (sp.start, sp.end) == second
    assert sp.words == tuple(t.text for t in doc[5:12])
    assert all(5 <= h < 12 for h in sp.heads)
    assert sp.dep(6) == "root" and sp.pos_of(6) == "VERB"


def test_parse_sentences_keeps_whitespace_tokens_out_of_the_tree(blank):
    doc = blank("Acme signed\n  a deal with Borealis.")
    space = next(t.i for t in doc if t.is_space)
    sp = syntax.parse_sentences(doc, [(0, len(doc))])[0]
    assert sp.pos_of(space) == "SPACE" and sp.tag(space) == "_SP" and sp.dep(space) == "dep"
    assert sp.head(space) == space - 1
    assert sp.roots() == [1]
    assert syntax.objects(sp, 1) == [space + 2]  # "deal", across the line break


def test_parse_sentences_accepts_no_and_empty_bounds_and_rejects_bad_ones(blank):
    doc = blank("Acme signed a deal.")
    assert syntax.parse_sentences(doc, []) == []
    empty = syntax.parse_sentences(doc, [(2, 2)])[0]
    assert len(empty) == 0 and empty.roots() == []
    with pytest.raises(ValueError, match="outside the document"):
        syntax.parse_sentences(doc, [(0, 99)])


def test_model_reads_subject_and_with_phrase_of_signed_an_agreement(blank):
    doc, sp = parse(blank, "Acme Corp signed an agreement with Borealis Labs.")
    verb = syntax.governor(sp, 4)
    assert doc[verb].text == "signed"
    # UD heads a name either on its first word (flat: "Acme <- Corp") or on its last (compound): read the
    # subject as the name's head, whichever it is
    assert syntax.subjects(sp, verb) == [syntax.span_head(sp, 0, 2)]
    assert [a.index for a in syntax.linked_obliques(sp, 4, ["with"])] == [syntax.span_head(sp, 6, 8)]


def test_model_reads_coordinated_subjects_through_an_infinitive(blank):
    doc, sp = parse(blank, "Nordwind and Kestrel agreed to form a joint venture.")
    verb = syntax.governor(sp, 8)
    assert doc[verb].text == "form"
    assert syntax.subjects(sp, verb) == [0, 2]


def test_model_reads_buyer_target_and_seller(blank):
    doc, sp = parse(blank, "Halvorsen said it agreed to acquire Tidewell from Marrick.")
    assert syntax.subjects(sp, 5) == [2]
    assert syntax.objects(sp, 5) == [6]
    assert [a.index for a in syntax.linked_obliques(sp, 6, ["from"])] == [8]


def test_model_reads_the_agents_of_a_passive(blank):
    doc, sp = parse(blank, "The MOU was signed by Avalon and Brightwater.")
    assert syntax.is_passive(sp, 3)
    assert syntax.subjects(sp, 3) == [1]
    agents = syntax.obliques(sp, 3, ["by"])
    assert [a.index for a in agents] == [5]
    assert syntax.conjuncts(sp, 5) == [5, 7]


def test_model_reads_the_between_phrase_of_an_agreement_noun(blank):
    doc, sp = parse(blank, "They announced an agreement between Corvina and Delmar.")
    args = syntax.linked_obliques(sp, 3, ["between"])
    assert [a.index for a in args] == [5]
    assert syntax.conjuncts(sp, 5) == [5, 7]


# ---------------------------------------------------------------------------------------------- loading
def test_importing_syntax_and_extracting_loads_the_parser_only_for_a_sentence_the_facts_model_reads():
    # the facts stage parses only the sentences of the agreement types its side model reads (acquisitions): the
    # parser loads on the first of those, not for other texts
    code = ("import qfacts, qfacts.syntax as s; qfacts.extract('Acme Corp opened an office in Lisbon.'); "
            "qfacts.extract('Acme Corp signed an MOU with Borealis Labs.'); print(s.load_parser.cache_info().currsize); "
            "qfacts.extract('Acme Corp said it agreed to acquire Borealis Labs Inc from Kelvo Holdings Inc.'); "
            "print(s.load_parser.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "1"]


def test_parser_is_loaded_once_per_process():
    assert syntax.load_parser() is syntax.load_parser()
    assert syntax.load_parser().pipe_names == ["tok2vec", "tagger", "morphologizer", "parser"]


def test_shipped_parser_loads_with_the_network_disabled():
    code = ("import socket\n"
            "def refuse(*a, **k): raise OSError('network disabled in this test')\n"
            "socket.socket.connect = refuse; socket.socket.connect_ex = refuse\n"
            "socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
            "import json, qfacts.syntax as s\n"
            "nlp = s.load_parser()\n"
            "print(json.dumps([t.dep_ for t in nlp('Acme signed a deal.')]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "ROOT" in json.loads(out.stdout)


def test_shipped_parser_is_present_small_and_names_its_treebank_and_licence():
    path = syntax.model_path()
    files = [f for f in path.rglob("*") if f.is_file()]
    assert {"config.cfg", "meta.json", "README.md"} <= {f.name for f in files}
    assert sum(f.stat().st_size for f in files) < 20_000_000
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    assert any("EWT" in s["name"] and s["license"] == "CC BY-SA 4.0" for s in meta["sources"])
    readme = (path / "README.md").read_text(encoding="utf-8")
    assert "UD English EWT" in readme and "CC BY-SA 4.0" in readme
    assert "qfacts.case_augmenter" not in (path / "config.cfg").read_text(encoding="utf-8")  # training only


# ---------------------------------------------------------------------------------------------- news options
def test_markup_tokens_drop_brackets_around_names_and_tickers_after_names(blank):
    doc = blank("Nova Corp <NOVA.N> said <Orbit Ltd> signed.")
    assert [doc[i].text for i in syntax.markup_tokens(doc)] == ["<", "NOVA.N", ">", "<", ">"]


def test_markup_tokens_find_a_ticker_after_a_line_break(blank):
    doc = blank("a deal with Nova Corp\n<NOVA> of Canada")
    assert [doc[i].text for i in syntax.markup_tokens(doc)] == ["<", "NOVA", ">"]


def test_markup_tokens_keep_text_that_is_no_bracketed_markup(blank):
    doc = blank("x < y and y > z, <Orbit Labs> kept")
    assert [(i, doc[i].text) for i in syntax.markup_tokens(doc)] == [(8, "<"), (11, ">")]


def test_skipped_tokens_hang_on_the_word_before_them(blank):
    doc = blank("Nova Corp <NOVA.N> signed a deal.")
    skip = syntax.markup_tokens(doc)
    sp = syntax.parse_sentences(doc, [(0, len(doc))], skip=skip)[0]
    for i in skip:
        assert (sp.dep(i), sp.tag(i), sp.pos_of(i), sp.head(i)) == ("dep", "XX", "X", 1)
    assert syntax.subjects(sp, 5) == [1]


def test_merged_name_is_one_word_headed_by_its_last_token(blank):
    doc = blank("Northern Lights Trading Company signed an accord with Dalby.")
    sp = syntax.parse_sentences(doc, [(0, len(doc))], merge=[(0, 4)])[0]
    assert [sp.dep(i) for i in range(3)] == ["flat"] * 3
    assert [sp.head(i) for i in range(3)] == [3] * 3
    assert sp.tag(0) == sp.tag(3)
    assert syntax.span_head(sp, 0, 4) == 3
    assert syntax.subjects(sp, 4) == [3]


def test_merged_name_across_a_line_break_and_a_name_reaching_outside_the_sentence(blank):
    doc = blank("Nova signed with Orbit\nHoldings. Then Zeta left.")
    assert [t.text for t in doc[3:7]] == ["Orbit", "\n", "Holdings", "."]
    sp = syntax.parse_sentences(doc, [(0, 7)], merge=[(3, 6), (6, 9)])[0]
    assert (sp.head(3), sp.dep(3)) == (5, "flat")
    assert (sp.head(4), sp.dep(4)) == (3, "dep")  # the line break hangs on the word before it
    assert sp.dep(6) == "punct"  # the second span's last word lies outside this sentence: "." is parsed
