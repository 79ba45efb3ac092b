"""qfacts.train: the command table, and the parser training script on a tiny hand-annotated treebank."""
from __future__ import annotations

import json
import subprocess
import sys

import spacy

from qfacts.train.__main__ import COMMANDS, main


def test_train_without_a_command_lists_the_commands(capsys):
    assert main([]) == 2
    assert "parser" in capsys.readouterr().err  # no command: a usage error, on stderr


def test_train_names_an_unknown_command_on_stderr(capsys):
    assert main(["nosuch"]) == 2
    assert "no command 'nosuch'" in capsys.readouterr().err


def test_every_listed_command_has_a_module_with_main():
    import importlib

    for name, (module, _) in COMMANDS.items():
        assert callable(importlib.import_module(module).main), name


def test_train_parser_on_a_tiny_treebank_writes_a_loadable_model(fixtures_dir, tmp_path):
    out = tmp_path / "model"
    run = subprocess.run(
        [sys.executable, "-m", "qfacts.train", "parser",
         "--train", str(fixtures_dir / "parser" / "tiny-train.conllu"),
         "--dev", str(fixtures_dir / "parser" / "tiny-dev.conllu"),
         "--output", str(out), "--work", str(tmp_path / "work"), "--max-steps", "4", "--eval-frequency", "2",
         "--set", "components.parser.min_action_freq=1"],
        capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "converted 3 train and 2 dev sentences" in run.stdout
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "parser"]
    doc = nlp("Acme signed a deal with Borealis.")
    assert all(t.tag_ and t.pos_ and t.dep_ for t in doc)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    assert set(meta["performance"]["tokenized"]) == {"tag_acc", "pos_acc", "dep_uas", "dep_las"}
    assert meta["performance"]["dev_sentences"] == 2
    assert "UD English EWT" in (out / "README.md").read_text(encoding="utf-8")


def test_train_parser_without_the_treebank_says_which_file_is_missing(tmp_path, capsys):
    from qfacts.train import parser

    assert parser.main(["--ud", str(tmp_path), "--output", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "en_ewt-ud-train.conllu" in err and "not found" in err
    assert not (tmp_path / "out").exists()


def test_case_augmenter_recases_text_and_keeps_the_annotation():
    from spacy.tokens import Doc
    from spacy.training import Example

    from qfacts.train.parser import create_case_augmenter

    nlp = spacy.blank("en")
    ref = Doc(nlp.vocab, words=["Acme", "signed", "."], spaces=[True, False, False],
              tags=["NNP", "VBD", "."], heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"])
    eg = Example(nlp.make_doc(ref.text), ref)
    upper = next(create_case_augmenter(upper=1.0, lower=0.0)(nlp, eg))
    lower = next(create_case_augmenter(upper=0.0, lower=1.0)(nlp, eg))
    same = next(create_case_augmenter(upper=0.0, lower=0.0)(nlp, eg))
    assert upper.reference.text == "ACME SIGNED."
    assert lower.reference.text == "acme signed."
    assert same is eg
    assert [t.tag_ for t in upper.reference] == ["NNP", "VBD", "."]
    assert [t.dep_ for t in lower.reference] == ["nsubj", "ROOT", "punct"]
