"""The pipeline's own tokenizer reads long punctuation runs in pieces (qfacts.tokenizer), and saves and loads."""
from __future__ import annotations

import pickle

import spacy

import qfacts
from qfacts import api
from qfacts.tokenizer import RUN_PIECE, RunSafeTokenizer

RUN_TEXT = "Acme Corp said:" + "!?" * 400 + " it signed an MOU with Kelvo Ltd.\n" + "-" * 700 + "\nEnd."


def _tokens(doc) -> list[tuple[str, int, str]]:
    return [(t.text, t.idx, t.whitespace_) for t in doc]


def test_pipeline_tokenizer_is_the_run_safe_one_and_named_in_its_config():
    nlp = qfacts.get_pipeline()
    assert isinstance(nlp.tokenizer, RunSafeTokenizer)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "qfacts.RunSafeTokenizer.v1"


def test_pipeline_tokenizer_tokenises_runs_in_pieces_of_at_most_run_piece_characters():
    nlp = qfacts.get_pipeline()
    seen: list[int] = []

    def recording(text: str):
        seen.append(len(text))
        return nlp.tokenizer.inner(text)

    doc = RunSafeTokenizer(recording)("!" * 1000)
    assert len(seen) > 1 and max(seen) <= RUN_PIECE
    assert doc.text == "!" * 1000


def test_pipeline_tokenizer_keeps_offsets_and_whitespace_of_the_text():
    nlp = qfacts.get_pipeline()
    doc = nlp.make_doc(RUN_TEXT)
    assert doc.text == RUN_TEXT
    assert all(RUN_TEXT[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    # the same tokens as the library's own entry point gives
    assert _tokens(doc) == _tokens(api.make_doc(nlp, RUN_TEXT))


def test_pipeline_tokenizer_leaves_text_without_long_runs_as_spacy_tokenises_it():
    nlp = qfacts.get_pipeline()
    text = "Acme Corp (ACME.N) signed a $1.5 billion deal -- its first -- with Kelvo Ltd!!! on Friday."
    assert _tokens(nlp.make_doc(text)) == _tokens(nlp.tokenizer.inner(text))


def test_nlp_call_on_the_pipeline_finds_entities_beside_a_long_run():
    nlp = qfacts.get_pipeline()
    doc = nlp("Acme Corp signed an MOU with Kelvo Ltd. " + "." * 3000)
    assert "AGREEMENT" in {e.label_ for e in doc.ents}


def test_saved_pipeline_loads_with_the_run_safe_tokenizer(tmp_path):
    nlp = qfacts.build_pipeline()
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert isinstance(loaded.tokenizer, RunSafeTokenizer)
    assert _tokens(loaded.make_doc(RUN_TEXT)) == _tokens(nlp.make_doc(RUN_TEXT))
    # and qfacts on top of the saved pipeline keeps it
    assert isinstance(qfacts.build_pipeline(str(tmp_path / "pipe")).tokenizer, RunSafeTokenizer)


def test_run_safe_tokenizer_pickles_with_its_inner_tokenizer():
    tokenizer = qfacts.get_pipeline().tokenizer
    copy = pickle.loads(pickle.dumps(tokenizer))
    assert isinstance(copy, RunSafeTokenizer)
    assert _tokens(copy(RUN_TEXT)) == _tokens(tokenizer(RUN_TEXT))


# words that spaCy's special cases, prefixes, suffixes and infixes split, before and after special cases
WARM_TEXTS = [
    "The U.S. team doesn't play (again) in Kelvo-Vornak's e-mail: http://example.com/a?b=1 :) 3.5% $1.2bn.",
    "Kelvo-Vornak's (again) e-mail doesn't say U.S. 3.5% :) $1.2bn http://example.com/a?b=1 won't Mr. Jan. 5",
    "won't can't I'm we'll y'all 'em ol' o.O ... -- !!! ??? \"quoted\" 'single' [bracketed] {braced}",
    "Acme Corp.'s Q3 net was 4.5 mln vs 3.2 mln; shr 12 cts vs 9 cts.\n\nSEOUL, May 19 (Yonhap) -- Daejeon-based",
]


def _all_tokens(doc) -> list[tuple]:
    return [(t.text, t.idx, t.whitespace_, t.norm_, t.lower_, t.is_punct, t.like_num) for t in doc]


def test_run_safe_tokenizer_gives_spacys_own_tokens_when_it_caches_words_on_their_own():
    plain = spacy.blank("en")
    for order in (WARM_TEXTS, WARM_TEXTS[::-1]):
        tokenizer = qfacts.build_pipeline().tokenizer
        for text in order + order:  # each text before and after its words are cached
            assert _all_tokens(tokenizer(text)) == _all_tokens(plain.tokenizer(text))
            assert _all_tokens(tokenizer(text + " " + RUN_TEXT)) == _all_tokens(
                api.make_doc(plain, text + " " + RUN_TEXT))


def test_run_safe_tokenizer_caches_more_words_than_spacy_and_remembers_no_more_than_it_caches():
    tokenizer = qfacts.build_pipeline().tokenizer
    assert tokenizer.inner.max_cache_size >= 100_000   # not spaCy's 10,000 words
    known = len(tokenizer._warmed)   # the words of the components' own phrase patterns
    tokenizer.inner.max_cache_size = known + 50
    words = [f"w{k}-x." for k in range(200)]
    for k in range(0, 200, 10):
        tokenizer(" ".join(words[k:k + 10]))
    # the words remembered stop when spaCy's cache is full, and the words after still have spaCy's tokens
    assert known + 50 <= len(tokenizer._warmed) < known + 60
    text = " ".join(words[-3:])
    assert _all_tokens(tokenizer(text)) == _all_tokens(spacy.blank("en").tokenizer(text))


def test_run_safe_tokenizer_warms_no_tokenizer_but_spacys_own():
    nlp = qfacts.get_pipeline()
    seen: list[str] = []

    def recording(text: str):
        seen.append(text)
        return nlp.tokenizer.inner(text)

    RunSafeTokenizer(recording)("Acme Corp signed an MOU with the U.S. Commerce Department.")
    assert seen == ["Acme Corp signed an MOU with the U.S. Commerce Department."]


def test_run_safe_tokenizer_pipe_gives_the_tokens_of_one_call_each():
    tokenizer = qfacts.build_pipeline().tokenizer
    texts = WARM_TEXTS + [RUN_TEXT, "", "!" * 1000]
    assert [_all_tokens(doc) for doc in tokenizer.pipe(texts)] == [_all_tokens(tokenizer(text)) for text in texts]


def test_invisible_format_characters_at_word_edges_are_tokens_of_their_own():
    import qfacts

    text = "the liberation of Mosul\u200e, and \u200bIraq\u200b said \ufeffKelvo"
    doc = qfacts.get_pipeline().make_doc(text)
    assert [t.text for t in doc] == ["the", "liberation", "of", "Mosul", "\u200e", ",", "and", "\u200b", "Iraq",
                                     "\u200b", "said", "\ufeff", "Kelvo"]
    assert "".join(t.text_with_ws for t in doc) == text
    record = qfacts.extract(text)
    assert [(e.label, text[e.start:e.end]) for e in record.entities if e.label == "PLACE"] == [
        ("PLACE", "Mosul"), ("PLACE", "Iraq")]


def test_format_characters_keep_the_text_whole_and_cost_nothing_at_start_up():
    import random

    import qfacts
    from qfacts.tokenizer import FORMAT_CHARACTER

    nlp = qfacts.get_pipeline()
    rng = random.Random(7)
    pieces = ["Kelvo", "Corp", " ", "  ", "\n", ",", ".", "\u200b", "\u200e", "\ufeff", "\u2060", "MOU", "-"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        doc = nlp.make_doc(text)
        assert "".join(t.text_with_ws for t in doc) == text
        assert all(len(t.text) == 1 for t in doc if FORMAT_CHARACTER.search(t.text))
    # the pipeline's own tokenizer keeps spaCy's prefix and suffix searches (no regex compiled again at start-up)
    inner = nlp.tokenizer.inner
    assert inner.prefix_search.__self__.pattern == spacy.blank("en").tokenizer.prefix_search.__self__.pattern
