"""The training script of the name classifier, on a tiny invented gold corpus (fixtures/train/names.jsonl)."""
import json
import subprocess
import sys

import pytest
import spacy

import qfacts
from qfacts.namecls import LinearModel, load_model
from qfacts.train import __main__ as dispatcher
from qfacts.train import orgs as train

GOLD = "names.jsonl"


@pytest.fixture
def gold(fixtures_dir):
    return fixtures_dir / "train" / GOLD


def test_train_orgs_on_a_tiny_corpus_writes_a_model_the_component_loads(gold, tmp_path):
    out = tmp_path / "model.json"
    assert train.main(["--gold", str(gold), "--out", str(out), "--epochs", "50", "--min-count", "1",
                       "--quiet"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["labels"] == ["O", "ORG", "PLACE", "PER"]
    assert data["trained_on"] == {"names": {"examples": data["trained_on"]["names"]["examples"], "documents": 6}}
    model = LinearModel(data)
    probs = model.probabilities(["bias", "next:said"])
    assert abs(sum(probs) - 1.0) < 1e-9
    nlp = spacy.blank("en")
    nlp.add_pipe("qfacts_places")
    nlp.add_pipe("qfacts_orgs", config={"model": str(out)})
    nlp("Quorvex said it would sign.")  # the model loads and runs


def test_train_orgs_labels_candidates_from_the_gold_mentions(gold):
    examples = train.collect([("names", gold, 1.0)], quiet=True)
    labels = {(ex.doc_id, ex.text): ex.label for ex in examples}
    assert labels[("names-1", "KDLA")] == "ORG"
    assert labels[("names-1", "Tarvash")] == "PLACE"
    assert labels[("names-1", "Fighters")] == "O"
    # names the rules find ("Dawn Front": a head word) and persons' names are no candidates
    assert ("names-3", "Dawn Front") not in labels
    assert ("names-2", "Lindqvist") not in labels and ("names-2", "Anna Lindqvist") not in labels


def test_train_orgs_label_of_a_span_is_the_gold_annotation_it_overlaps_most():
    record = {"text": "President Tam Voss of Halvex Corp spoke in the Senate of Oslo.", "annotated": ["ORG", "PLACE"],
              "mentions": [{"start": 22, "end": 33, "label": "ORG"}, {"start": 57, "end": 61, "label": "PLACE"}],
              "other_mentions": [{"start": 0, "end": 18, "label": "PER"}, {"start": 44, "end": 50, "label": "MISC"}],
              "ignore": [{"start": 47, "end": 53}]}
    assert train.label(10, 18, "Tam Voss", record) == "PER"
    assert train.label(22, 28, "Halvex", record) == "ORG"
    assert train.label(57, 61, "Oslo", record) == "PLACE"
    assert train.label(47, 53, "Senate", record) == "O"      # overlaps the MISC span most
    assert train.label(51, 53, "te", {**record, "other_mentions": []}) is None  # only an ignore span: unknown
    assert train.label(0, 5, "Presi", {**record, "other_mentions": [], "ignore": []}) == "O"
    assert train.label(0, 5, "Presi", {**record, "annotated": ["DATE"]}) is None


def test_train_orgs_excluding_a_fold_leaves_out_its_documents(gold, tmp_path):
    out = tmp_path / "model.json"
    fold = train.fold_of("names-0", 5)
    assert train.main(["--gold", str(gold), "--out", str(out), "--epochs", "5", "--exclude-fold", str(fold),
                       "--quiet"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    kept = sum(1 for i in range(6) if train.fold_of(f"names-{i}", 5) != fold)
    assert data["trained_on"]["names"]["documents"] == kept
    assert data["excluded_fold"] == {"folds": 5, "fold": fold}


def test_train_orgs_fit_is_deterministic(gold):
    examples = train.collect([("names", gold, 1.0)], quiet=True)
    assert train.fit(examples, epochs=20, min_count=1) == train.fit(examples, epochs=20, min_count=1)


def test_train_orgs_missing_gold_file_is_an_error(tmp_path, capsys):
    assert train.main(["--gold", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "m.json")]) == 2
    assert "none.jsonl: no such file" in capsys.readouterr().err


def test_train_dispatcher_lists_subcommands_and_rejects_unknown_ones(capsys):
    assert dispatcher.main([]) == 2
    assert "orgs" in capsys.readouterr().err
    assert dispatcher.main(["nonesuch"]) == 2
    assert "no command 'nonesuch'" in capsys.readouterr().err


def test_train_module_runs_as_a_script(gold, tmp_path):
    out = tmp_path / "model.json"
    proc = subprocess.run([sys.executable, "-m", "qfacts.train", "orgs", "--gold", str(gold), "--out", str(out),
                           "--epochs", "5", "--quiet"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert load_model(str(out)) is not None
