"""The name classifier's pieces: candidate features, document context and the linear model, and the shipped
model file."""
from importlib import resources

import pytest

from qfacts.namecls import LABELS, MODEL_FORMAT, DocContext, LinearModel, NameFeatures, load_model, write_model


def _names():
    return NameFeatures(titles=frozenset({"President", "Mr"}), first_names=frozenset({"Anna"}),
                        demonyms=frozenset({"Syrian"}), heads=frozenset({"Forces", "Corp"}))


def _features(text, start_word, end_word):
    words = text.split()
    lower = [w.lower() for w in words]
    surface = " ".join(words[start_word:end_word])
    return _names().features(words, lower, start_word, end_word, surface, DocContext(words, text))


def test_namecls_features_describe_shape_head_and_context():
    f = _features("Officials said KDLA fighters left", 2, 3)
    assert {"len:1", "shape:A", "last:kdla", "prev:said", "next:fighters", "count:1"} <= set(f)
    assert not any(x.startswith("initial") for x in f)


def test_namecls_features_mark_a_sentence_start_and_a_name_also_used_inside_a_sentence():
    f = _features("Halvex grew . Analysts like Halvex", 0, 1)
    assert "initial:1" in f and "prev:<s>" in f and "initial_seen_inside" in f
    assert "count:2" in f


def test_namecls_features_mark_a_title_before_and_an_acronym_defined_after():
    assert "prev_title" in _features("met President Halvex today", 2, 3)
    f = _features("the Valley Forces ( VF ) left", 1, 3)
    assert "defines_acronym" in f and "org_head" in f


def test_namecls_doc_context_answers_alike_for_short_and_long_documents():
    words = ["Strike", "one", ".", "a", "strike", "by", "Halvex", ".", "Halvex"]
    short = DocContext(words, " ".join(words))
    long_words = words + ["x"] * DocContext.LONG
    long = DocContext(long_words, " ".join(long_words))
    for ctx in (short, long):
        assert ctx.seen_lower("Strike") and not ctx.seen_lower("Halvex")
        assert ctx.seen_inside("Halvex") and not ctx.seen_inside("Strike")
        assert ctx.count(["Halvex"], "Halvex") == 2


def test_namecls_doc_context_answers_alike_before_and_after_it_counts_every_word():
    words = ["Strike", "one", ".", "a", "strike", "by", "Halvex", ".", "Halvex", "halvex"]
    questions = [("count", "Halvex"), ("lower", "Strike"), ("count", "strike"), ("lower", "Halvex"),
                 ("count", "Nobody"), ("lower", "Nobody"), ("count", "."), ("lower", "By")]
    expected = [words.count(w) if q == "count" else w.lower() in words for q, w in questions]
    for skip in range(len(questions)):   # the first questions answered by scanning, the others by the count
        ctx = DocContext(words, " ".join(words))
        order = questions[skip:] + questions[:skip]
        answers = [ctx.count([w], w) if q == "count" else ctx.seen_lower(w) for q, w in order]
        assert answers == expected[skip:] + expected[:skip]


def _model(**weights):
    return {"format": MODEL_FORMAT, "labels": list(LABELS), "bias": [1.0, 0.0, 0.0, 0.0],
            "thresholds": {"ORG": 0.6, "PLACE": 0.8, "PER": 1.01}, "weights": weights}


def test_namecls_linear_model_gives_probabilities_and_honours_thresholds():
    model = LinearModel(_model(**{"next:said": [0.0, 3.0, 0.0, 0.0], "prev:in": [0.0, 0.0, 1.5, 0.0]}))
    assert model.decide(["next:said"])[0] == "ORG"
    label, p = model.decide(["prev:in"])  # PLACE is the likeliest label but below its threshold
    assert label == "O" and p < 0.8
    assert model.decide(["unknown"])[0] == "O"
    batch = model.batch_probabilities([["next:said"], ["prev:in", "unknown"]])
    assert batch.shape == (2, 4)
    assert list(batch[0]) == pytest.approx(model.probabilities(["next:said"]))


def test_namecls_rejects_a_file_of_another_format():
    with pytest.raises(ValueError, match="not a qfacts-linear-1 model"):
        LinearModel({"format": "pickle", "labels": [], "bias": [], "weights": {}})


def test_namecls_model_file_round_trips(tmp_path):
    data = _model(**{"a": [0.1, -0.1, 0.0, 0.0]})
    path = tmp_path / "m.json"
    write_model(path, data)
    assert LinearModel(__import__("json").loads(path.read_text())).weights == {"a": (0.1, -0.1, 0.0, 0.0)}


def test_namecls_shipped_model_is_present_small_plain_json_and_loads():
    ref = resources.files("qfacts").joinpath("data", "orgs_model.json")
    assert ref.is_file()
    size = len(ref.read_bytes())
    assert size < 20_000_000
    model = load_model("orgs_model.json")
    assert model.labels == LABELS
    assert model.thresholds["PER"] > 1.0  # persons are never output
    assert len(model.weights) > 1000
    assert set(model.meta["trained_on"]) >= {"conll2003", "re3d"}
