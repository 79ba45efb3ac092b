"""python -m qfacts.train facts on a tiny invented gold file, and the facts model qfacts ships."""
from __future__ import annotations

import json
from importlib import resources

import pytest

import qfacts
from qfacts.components.facts.model import LinearModel, load_models
from qfacts.train import facts as train_facts
from qfacts.train.__main__ import COMMANDS


def test_train_lists_the_facts_command():
    assert COMMANDS["facts"][0] == "qfacts.train.facts"


def test_train_facts_on_a_tiny_gold_file_writes_a_loadable_model(fixtures_dir, tmp_path):
    out = tmp_path / "facts_model.json"
    code = train_facts.main(["--gold", str(fixtures_dir / "facts" / "tiny-gold.jsonl"), "--out", str(out),
                             "--epochs", "30", "--min-count", "1", "--no-parse"])
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["models"]) == {"sides", "facts"}
    models = load_models(str(out))
    assert models["facts"].meta["rows"] > 0 and models["sides"].meta["rows"] > 0
    nlp = qfacts.build_pipeline(overrides={"qfacts_facts": {"model": str(out), "parse": False}})
    record = qfacts.extract("Kelvo Corp said it agreed to acquire Zentrix Labs Inc for cash.", nlp=nlp)
    assert [a.type for a in record.agreements] == ["acquisition"]


def test_train_facts_labels_a_name_by_the_gold_fact_it_belongs_to():
    gold = {"agreements": [{"type": "contract", "parties": [["Kelvo Corp", "Kelvo"], ["Orrin Bank"]]},
                           {"type": "contract", "parties": [["Kelvo Corp"], ["Zentrix Labs"]]},
                           {"type": "licensing", "parties": [["Marden Ltd"], ["Kelvo Corp"]]}]}
    fact = {"type": "contract", "outside": [], "pairs": [
        {"name": "Kelvo Corp", "surface": "Kelvo", "rule": True},
        {"name": "Zentrix Labs", "surface": "Zentrix Labs", "rule": True},
        {"name": "Orrin Bank", "surface": "Orrin Bank", "rule": False},
        {"name": "Marden Ltd", "surface": "Marden Ltd", "rule": False},
        {"name": "Lisbon", "surface": "Lisbon", "rule": False}]}
    # the contract the rules' names point to is Kelvo-Zentrix: Orrin belongs to another contract (no side here),
    # Marden to a fact of another type
    assert train_facts.labels(fact, gold) == [1, 1, 0, 0, 0]
    assert train_facts.labels(dict(fact, type="investment"), gold) == [None, None, None, None, 0]
    assert train_facts.fact_label({"type": "contract", "parties": ["Zentrix Labs"]}, gold) == 1
    assert train_facts.fact_label({"type": "contract", "parties": ["Lisbon"]}, gold) == 0
    assert train_facts.fact_label({"type": "contract", "parties": ["Lisbon"]}, dict(gold, scored_types=["x"])) is None


def test_train_facts_deals_folds_as_the_scorer_does():
    import hashlib

    for doc_id in ("reuters-1", "acq-2", "modern-03"):
        assert train_facts.fold_of(doc_id, 5) == int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 5


def test_the_shipped_facts_model_is_present_small_plain_json_and_loads():
    path = resources.files("qfacts").joinpath("data", "facts_model.json")
    assert path.is_file()
    assert len(path.read_bytes()) < 200_000
    models = load_models("facts_model.json")
    assert set(models) == {"sides", "facts"}
    assert models["sides"].meta["types"] == ["acquisition"]
    assert 0 < models["facts"].meta["keep_threshold"] < models["facts"].threshold < 1


def test_linear_model_round_trips_through_json_and_weighs_each_feature_once(tmp_path):
    model = LinearModel({"a": 2.0, "b": -1.0}, bias=-0.5, threshold=0.7, meta={"kind": "x"})
    assert model.prob(["a", "a"]) == pytest.approx(model.prob(["a"]))
    assert model.accepts(["a"]) and not model.accepts(["b"])
    model.save(tmp_path / "m.json")
    again = LinearModel.from_dict(json.loads((tmp_path / "m.json").read_text()))
    assert again.weights == model.weights and again.threshold == 0.7 and again.meta["kind"] == "x"
