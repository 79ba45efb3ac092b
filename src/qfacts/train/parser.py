"""``python -m qfacts.train parser``: rebuild the shipped tagger and dependency parser from UD English EWT.

usage: python -m qfacts.train parser [--ud DIR | --train FILE --dev FILE] [--output DIR] [--work DIR] [--max-steps N]
                                     [--eval-frequency N] [--config FILE] [--set KEY=VALUE ...]

1. converts ``DIR/en_ewt-ud-train.conllu`` and ``DIR/en_ewt-ud-dev.conllu`` (default DIR:
   ``<repo>/../shared/corpora/ud-ewt``) to spaCy's binary format, ten sentences a document, keeping the words,
   the Penn Treebank tags (XPOS), the universal POS (UPOS) and the dependency tree, and dropping lemmas and
   morphological features;
2. trains the pipeline of the committed config (``parser.cfg`` next to this module: a small CNN tok2vec shared
   by a tagger, a POS-only morphologizer and a parser) on train for a fixed number of steps, with a share of the
   documents upper- or lower-cased (news has all-caps headlines); dev is scored during training for the log,
   and the last model is kept, so dev chooses nothing;
3. scores that model on dev (spaCy's tokenizer, aligned to the treebank's words, as the parser will be used;
   and on the treebank's own words) and writes it to OUTPUT (default: the package's
   ``data/models/parser``), with the treebank's name, licence and attribution and the dev scores in its
   ``meta.json`` and ``README.md``.

Run it under ``nice -n 10``; the committed settings take about half an hour on one core.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "parser.cfg"
PACKAGE = HERE.parent
DEFAULT_OUTPUT = PACKAGE / "data" / "models" / "parser"
DEFAULT_UD = PACKAGE.parents[1].parent / "shared" / "corpora" / "ud-ewt"
TRAIN_FILE = "en_ewt-ud-train.conllu"
DEV_FILE = "en_ewt-ud-dev.conllu"

TREEBANK = {
    "name": "UD English EWT (Universal Dependencies English Web Treebank)",
    "url": "https://github.com/UniversalDependencies/UD_English-EWT",
    "license": "CC BY-SA 4.0",
    "author": "Universal Dependencies English EWT contributors; annotations by Stanford University and "
              "contributors; texts from the LDC English Web Treebank (LDC2012T13)",
}

# the attributes kept from the treebank: no LEMMA, no MORPH
KEPT_ATTRS = ["ORTH", "TAG", "POS", "HEAD", "DEP", "SENT_START"]


# ---------------------------------------------------------------------------------------------- augmentation
@spacy.registry.augmenters("qfacts.case_augmenter.v1")
def create_case_augmenter(upper: float, lower: float) -> Callable[..., Iterator[Example]]:
    """An augmenter that replaces a training document by its upper-cased copy with probability ``upper`` and by
    its lower-cased copy with probability ``lower`` (the annotation is unchanged; the text is re-tokenised)."""

    def augment(nlp, example: Example) -> Iterator[Example]:
        r = random.random()
        if r < upper:
            yield _recased(nlp, example, str.upper)
        elif r < upper + lower:
            yield _recased(nlp, example, str.lower)
        else:
            yield example

    return augment


def _recased(nlp, example: Example, case: Callable[[str], str]) -> Example:
    words = [case(t.text) for t in example.reference]
    text = case(example.text)
    if "".join(w + t.whitespace_ for w, t in zip(words, example.reference)) != text:
        return example  # a character whose case depends on its context (final sigma): leave the document
    data = example.to_dict()
    data["token_annotation"]["ORTH"] = words
    try:
        return Example.from_dict(nlp.make_doc(text), data)
    except ValueError:
        return example


# ---------------------------------------------------------------------------------------------- conversion
def convert(conllu: Path, out: Path, n_sents: int = 10) -> int:
    """Convert a CoNLL-U file to a .spacy file of documents of ``n_sents`` sentences; returns the sentence
    count. Lemmas and morphological features are left out (the tagger reads XPOS, the morphologizer UPOS)."""
    from spacy.training.converters import conllu_to_docs

    text = conllu.read_text(encoding="utf-8")
    db = DocBin(attrs=KEPT_ATTRS, store_user_data=False)
    n = 0
    for doc in conllu_to_docs(text, n_sents=n_sents, no_print=True):
        db.add(doc)
        n += sum(1 for _ in doc.sents)
    db.to_disk(out)
    return n


# ---------------------------------------------------------------------------------------------- training
def train(config: Path, train_path: Path, dev_path: Path, output: Path, overrides: Optional[dict] = None) -> Path:
    """Train with spaCy's loop; returns the directory of the last model."""
    from spacy.cli.train import train as spacy_train

    settings = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    settings.update(overrides or {})
    spacy_train(config, output, use_gpu=-1, overrides=settings)
    return output / "model-last"


def evaluate(nlp, dev_path: Path) -> dict:
    """Dev scores: with spaCy's tokenizer aligned to the treebank (``tokenized``) and on the treebank's own
    words (``gold_words``): tag (XPOS) and POS (UPOS) accuracy, UAS and LAS (punctuation included)."""
    refs = list(DocBin().from_disk(dev_path).get_docs(nlp.vocab))
    result = {}
    for name, make in (("tokenized", lambda r: nlp.make_doc(r.text)),
                       ("gold_words", lambda r: Doc(nlp.vocab, words=[t.text for t in r],
                                                     spaces=[bool(t.whitespace_) for t in r]))):
        examples = [Example(make(r), r) for r in refs]
        scores = nlp.evaluate(examples)
        result[name] = {k: round(float(scores[k]), 4) for k in ("tag_acc", "pos_acc", "dep_uas", "dep_las")}
    result["dev_sentences"] = sum(1 for r in refs for _ in r.sents)
    result["dev_words"] = sum(len(r) for r in refs)
    return result


# ---------------------------------------------------------------------------------------------- packaging
def package(model_dir: Path, output: Path, scores: dict, info: dict) -> None:
    """Write the trained pipeline to ``output`` with its meta (treebank, licence, scores) and a README."""
    from thinc.api import Config

    nlp = spacy.load(model_dir)
    nlp.meta.update({
        "name": "parser",
        "version": "1.0.0",
        "description": "qfacts' tagger (Penn Treebank tags), universal POS tagger and UD dependency parser, "
                       "trained on UD English EWT by `python -m qfacts.train parser`; no pretrained vectors.",
        "author": "qfacts",
        "license": TREEBANK["license"],
        "sources": [TREEBANK],
        "performance": scores,
        "training": info,
    })
    nlp.meta.pop("url", None)
    nlp.meta.pop("email", None)
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    # the shipped config must load without this module: no training-only augmenter in it
    cfg = Config().from_disk(output / "config.cfg", interpolate=False)
    cfg["corpora"]["train"]["augmenter"] = None
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(output / "config.cfg", interpolate=False)
    (output / "README.md").write_text(readme(scores, info), encoding="utf-8")


def readme(scores: dict, info: dict) -> str:
    tok = scores.get("tokenized", {})
    gold = scores.get("gold_words", {})

    def pct(d: dict, k: str) -> str:
        return f"{100 * d[k]:.1f}" if k in d else "-"

    return f"""# qfacts parser

A tagger and dependency parser for English: Penn Treebank tags, universal POS tags and Universal Dependencies
relations (with subtypes: `nsubj:pass`, `obl:agent`, ...). Used by `qfacts.syntax`, which parses only the
sentences the facts stage asks for. A spaCy pipeline (`tok2vec`, `tagger`, `morphologizer`, `parser`) on a small
hash-embedding CNN, no pretrained vectors; it loads offline with `spacy.load(this folder)`.

Rebuilt by `nice -n 10 python -m qfacts.train parser` from the treebank files (see
`src/qfacts/train/parser.py` and `parser.cfg`).

## Training data and licence

Trained on **UD English EWT** (the Universal Dependencies English Web Treebank,
{TREEBANK["url"]}; train split, {info.get("train_sentences", "?")} sentences), whose annotations are by
Stanford University and the Universal Dependencies contributors, on texts of the LDC English Web Treebank
(LDC2012T13). The treebank is licensed under the Creative Commons Attribution-ShareAlike 4.0 International
licence (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/), and so is this model, which is derived
from it. The treebank's files are not included.

The treebank's reference paper: Natalia Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel
Bowman, Miriam Connor, John Bauer and Christopher D. Manning (2014). A Gold Standard Dependency Corpus for
English. Proceedings of LREC 2014.

## Scores on the EWT dev split

{scores.get("dev_sentences", "?")} sentences, {scores.get("dev_words", "?")} words, punctuation included.

| tokens | tag (PTB) | POS (UPOS) | UAS | LAS |
| --- | --- | --- | --- | --- |
| spaCy's tokenizer (as used) | {pct(tok, "tag_acc")} | {pct(tok, "pos_acc")} | {pct(tok, "dep_uas")} | {pct(tok, "dep_las")} |
| the treebank's words | {pct(gold, "tag_acc")} | {pct(gold, "pos_acc")} | {pct(gold, "dep_uas")} | {pct(gold, "dep_las")} |

Web text, not news: see the project's notes for its errors on newswire.
"""


# ---------------------------------------------------------------------------------------------- command
def build(train_file: Path, dev_file: Path, output: Path, work: Path, config: Path = CONFIG,
          overrides: Optional[dict] = None, log=print) -> dict:
    """The whole rebuild; returns the dev scores."""
    for path in (train_file, dev_file):
        if not path.is_file():
            raise FileNotFoundError(f"{path}: treebank file not found (give --ud DIR, or --train and --dev)")
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    n_train = convert(train_file, work / "train.spacy")
    n_dev = convert(dev_file, work / "dev.spacy")
    log(f"converted {n_train} train and {n_dev} dev sentences ({time.perf_counter() - t0:.0f} s)")
    t0, cpu0 = time.perf_counter(), time.process_time()
    last = train(config, work / "train.spacy", work / "dev.spacy", work / "training", overrides)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    log(f"trained in {seconds / 60:.1f} min ({cpu / 60:.1f} min of CPU time)")
    nlp = spacy.load(last)
    scores = evaluate(nlp, work / "dev.spacy")
    info = {"train_sentences": n_train, "train_minutes": round(seconds / 60, 1),
            "train_cpu_minutes": round(cpu / 60, 1),
            "overrides": {k: v for k, v in (overrides or {}).items()}}
    package(last, output, scores, info)
    log(f"dev scores: {json.dumps(scores)}")
    log(f"model written to {output} ({sum(f.stat().st_size for f in output.rglob('*') if f.is_file()) / 1e6:.1f} MB)")
    return scores


def _value(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return text


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m qfacts.train parser",
                                 description="Rebuild the shipped tagger and dependency parser from UD English EWT.")
    ap.add_argument("--ud", type=Path, default=DEFAULT_UD, help=f"folder of {TRAIN_FILE} and {DEV_FILE}")
    ap.add_argument("--train", type=Path, default=None, help=f"the training CoNLL-U file (default: DIR/{TRAIN_FILE})")
    ap.add_argument("--dev", type=Path, default=None, help=f"the dev CoNLL-U file (default: DIR/{DEV_FILE})")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the model is written")
    ap.add_argument("--work", type=Path, default=None, help="folder for converted data and checkpoints "
                                                            "(default: a temporary folder, removed at the end)")
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("--max-steps", type=int, default=None, help="training steps (default: the config's)")
    ap.add_argument("--eval-frequency", type=int, default=None)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="any other config override, e.g. components.tok2vec.model.encode.width=64")
    args = ap.parse_args(argv)
    overrides = {}
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    if args.eval_frequency is not None:
        overrides["training.eval_frequency"] = args.eval_frequency
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            ap.error(f"--set {item!r}: expected KEY=VALUE")
        overrides[key] = _value(value)
    train_file = args.train or args.ud / TRAIN_FILE
    dev_file = args.dev or args.ud / DEV_FILE
    try:
        if args.work is None:
            with tempfile.TemporaryDirectory(prefix="qfacts-parser-") as tmp:
                build(train_file, dev_file, args.output, Path(tmp), args.config, overrides)
        else:
            build(train_file, dev_file, args.output, args.work, args.config, overrides)
    except FileNotFoundError as exc:
        print(f"qfacts.train parser: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
