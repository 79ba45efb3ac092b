"""Scoring extraction output against a gold corpus, by the contract of the shared ``eval/FORMAT.md``.

Gold and predictions are JSON Lines, one document a line, joined on ``id``. A gold document is scored

* at **mention level** for each label in its ``annotated`` list, when it has a ``mentions`` list that is
  non-empty or it has none of the document-level keys:

  - ``strict``: a prediction is right when its start and end are those of a gold mention of its label;
  - ``relaxed``: predictions, taken in order of start, each pair off with the first free gold mention of
    their label that they overlap (one to one);
  - ``value`` (``DATE`` and ``AGREEMENT`` only): a relaxed pair whose ``value`` is the gold one too.

  A prediction that overlaps no gold mention of its label but does overlap an ``ignore`` span is left out
  of every count: it is neither right nor wrong.

* at **document level** for the keys it has:

  - ``orgs set`` / ``places set`` (when ``ORG`` / ``PLACE`` is annotated): the distinct predicted names of that
    label, after :func:`normalise_name`, against the gold entities, each named by any of its surface forms.
    Precision counts names, recall counts gold entities;
  - ``agreements strict``: same type and the predicted parties are exactly the gold parties;
    ``agreements relaxed``: same type and at least one shared party (each gold fact is matched once, the
    first that fits, predictions in their order);
  - ``agreements types``: the set of agreement types of the document;
  - ``agreements date``: of the strict pairs whose gold fact has a date, those with the same date.

A gold document without a prediction counts as one with no entities and no facts. Precision, recall and F1
are given rounded to four decimal places. ``evaluate`` works on records already read; ``read_jsonl`` reads a
file and reports its bad lines instead of stopping; ``predict`` runs qfacts itself on the gold texts.

>>> result = evaluate({"d": gold_record}, {"d": predicted_record})
>>> result.score("DATE relaxed").f1
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Iterable, Mapping, Optional, Sequence

from .jsonl import JSONLineError, parse_json_line

DOCUMENT_KEYS = ("orgs", "places", "agreements")
LABEL_ORDER = ("ORG", "PLACE", "DATE", "AGREEMENT")
VALUE_LABELS = frozenset({"DATE", "AGREEMENT"})
MENTION_KINDS = ("strict", "relaxed", "value")
AGREEMENT_KINDS = ("strict", "relaxed", "types", "date")
NAME_SETS = {"orgs": "ORG", "places": "PLACE"}

Records = Mapping[str, Mapping[str, Any]]


# --- reading ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """A line of an otherwise readable file that could not be used (``where`` is ``path:line``)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def read_jsonl(source: str | IO[str], name: Optional[str] = None) -> tuple[dict[str, dict], list[Problem]]:
    """Documents by id from a JSON Lines file path or an open text stream, and the lines that were skipped.

    Blank lines are skipped; a line that is not a JSON object, or has no ``id``, is a :class:`Problem` and is
    left out. A later line with the same id replaces an earlier one. A file that cannot be opened or is not
    UTF-8 raises ``OSError`` / ``UnicodeDecodeError``.
    """
    if isinstance(source, str):
        with open(source, encoding="utf-8-sig") as stream:
            return _read_lines(stream, name or source)
    return _read_lines(source, name or getattr(source, "name", "-"))


def _read_lines(stream: Iterable[str], name: str) -> tuple[dict[str, dict], list[Problem]]:
    documents: dict[str, dict] = {}
    problems: list[Problem] = []
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = parse_json_line(line)
        except JSONLineError as exc:  # a 5,000-digit number or deep nesting too: this line only
            problems.append(Problem(f"{name}:{number}", f"not JSON ({exc.reason})"))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(f"{name}:{number}", f"a JSON {type(record).__name__}, not an object"))
        elif "id" not in record:
            problems.append(Problem(f"{name}:{number}", "a record without an id"))
        else:
            documents[str(record["id"])] = record
    return documents, problems


def parse_where(condition: str) -> tuple[str, str]:
    """``"topic=sport"`` as ``("topic", "sport")``; raises ValueError without ``=`` or a field name."""
    key, sep, value = condition.partition("=")
    if not sep or not key.strip():
        raise ValueError(f"{condition!r} is not FIELD=VALUE")
    return key.strip(), value


def select(gold: Records, conditions: Sequence[tuple[str, str]]) -> dict[str, Mapping[str, Any]]:
    """The gold documents whose every ``(field, value)`` condition holds (the field's value as text)."""
    return {doc_id: doc for doc_id, doc in gold.items()
            if all(str(doc.get(key)) == value for key, value in conditions)}


# --- counting --------------------------------------------------------------------------------------------

@dataclass
class Counts:
    """How many predictions were right out of how many, and how many gold items were found out of how many."""

    right: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0

    def add(self, right: int, predicted: int, found: int, gold: int) -> None:
        self.right += right
        self.predicted += predicted
        self.found += found
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Score:
    """One line of the result: a measure's precision, recall and F1 (rounded to 4 places) and its counts."""

    measure: str
    level: str  # "mention" or "document"
    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int

    def to_dict(self) -> dict[str, Any]:
        return {"measure": self.measure, "level": self.level, "precision": self.precision,
                "recall": self.recall, "f1": self.f1, "predicted": self.predicted, "gold": self.gold}


@dataclass(frozen=True)
class Finding:
    """One disagreement, for reading: a miss, a spurious prediction or a wrong value."""

    doc_id: str
    measure: str
    kind: str  # "missed", "spurious" or "wrong value"
    detail: str

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.measure} {self.kind}: {self.detail}"


@dataclass
class Evaluation:
    """The scores of a prediction set against a gold set."""

    documents: int
    without_prediction: int
    scores: list[Score]
    findings: list[Finding] = field(default_factory=list)

    def score(self, measure: str) -> Score:
        """The score named ``measure`` (``"DATE relaxed"``, ``"orgs set"``, ...); KeyError if not measured."""
        for item in self.scores:
            if item.measure == measure:
                return item
        raise KeyError(measure)

    def to_dict(self, findings: int = 0) -> dict[str, Any]:
        """Plain data for JSON, with the first ``findings`` findings."""
        return {"documents": self.documents, "without_prediction": self.without_prediction,
                "scores": [s.to_dict() for s in self.scores],
                "findings": [vars(f) for f in self.findings[:findings]]}


# --- names -----------------------------------------------------------------------------------------------

_LEADING_ARTICLE = re.compile(r"^the\s+")
_TRAILING_POSSESSIVE = re.compile(r"'s$")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


def normalise_name(name: Optional[str]) -> str:
    """A name as compared at document level: NFKC, casefolded, without a leading "the", a final "'s",
    punctuation and extra spaces (``"The U.S.'s"`` -> ``"us"``)."""
    text = unicodedata.normalize("NFKC", name or "").replace("\u2019", "'").casefold().strip()
    text = _TRAILING_POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text))
    return " ".join(_SPACES.split(_PUNCTUATION.sub("", text))).strip()


# --- the scorer ------------------------------------------------------------------------------------------

def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _has_offsets(entity: Any) -> bool:
    return isinstance(entity, dict) and isinstance(entity.get("start"), int) and isinstance(entity.get("end"), int)


class _Scorer:
    """Accumulates counts per ``(subject, kind)`` over documents, and findings."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], Counts] = {}
        self.findings: list[Finding] = []

    def _count(self, subject: str, kind: str) -> Counts:
        return self.counts.setdefault((subject, kind), Counts())

    def _note(self, doc_id: str, measure: str, kind: str, detail: str) -> None:
        self.findings.append(Finding(doc_id, measure, kind, detail))

    def document(self, gold: Mapping[str, Any], prediction: Optional[Mapping[str, Any]]) -> None:
        prediction = prediction or {}
        entities = [e for e in prediction.get("entities") or () if _has_offsets(e)]
        facts = [a for a in prediction.get("agreements") or () if isinstance(a, dict)]
        annotated = list(gold.get("annotated") or ())
        mentions = gold.get("mentions")
        at_document_level = any(key in gold for key in DOCUMENT_KEYS)
        if mentions is not None and (len(mentions) > 0 or not at_document_level):
            for label in annotated:
                self.mentions(gold, label, [e for e in entities if e.get("label") == label])
        for key, label in NAME_SETS.items():
            if key in gold and label in annotated:
                names = [e.get("text", "") for e in entities if e.get("label") == label]
                self.name_set(str(gold["id"]), key, gold[key], names)
        if "agreements" in gold:
            scored = gold.get("scored_types")
            if scored:  # the gold covers only these agreement types: other predicted facts are not scored
                facts = [a for a in facts if a.get("type") in scored]
            self.agreements(str(gold["id"]), gold["agreements"] or [], facts)

    def mentions(self, gold: Mapping[str, Any], label: str, predicted: list[dict]) -> None:
        doc_id = str(gold["id"])
        wanted = [m for m in gold.get("mentions") or () if m["label"] == label]
        ignored = gold.get("ignore") or ()
        counted = [e for e in predicted
                   if any(_overlap(e, m) for m in wanted) or not any(_overlap(e, span) for span in ignored)]
        gold_spans = {(m["start"], m["end"]) for m in wanted}
        exact = sum((e["start"], e["end"]) in gold_spans for e in counted)
        self._count(label, "strict").add(exact, len(counted), exact, len(wanted))

        partner: dict[int, dict] = {}  # index of a gold mention -> the prediction paired with it
        for entity in sorted(counted, key=lambda e: e["start"]):
            index = next((i for i, m in enumerate(wanted) if i not in partner and _overlap(entity, m)), None)
            if index is None:
                self._note(doc_id, label, "spurious", repr(entity.get("text")))
            else:
                partner[index] = entity
        same_value = 0
        for index, entity in partner.items():
            mention = wanted[index]
            if "value" not in mention:
                continue
            if entity.get("value") == mention["value"]:
                same_value += 1
            else:
                self._note(doc_id, label, "wrong value",
                           f"{mention['text']!r} is {mention['value']!r}, predicted {entity.get('value')!r}")
        for index, mention in enumerate(wanted):
            if index not in partner:
                self._note(doc_id, label, "missed", repr(mention.get("text")))
        self._count(label, "relaxed").add(len(partner), len(counted), len(partner), len(wanted))
        if label in VALUE_LABELS:
            self._count(label, "value").add(same_value, len(counted), same_value, len(wanted))

    def name_set(self, doc_id: str, key: str, entities: Sequence[Sequence[str]], names: Iterable[str]) -> None:
        owner: dict[str, int] = {}  # normalised surface form -> index of the first gold entity it names
        for index, forms in enumerate(entities):
            for form in forms:
                owner.setdefault(normalise_name(form), index)
        predicted = {n for n in map(normalise_name, names) if n}
        known = {n for n in predicted if n in owner}
        covered = {owner[n] for n in known}
        self._count(key, "set").add(len(known), len(predicted), len(covered), len(entities))
        for name in sorted(predicted - known):
            self._note(doc_id, f"{key} set", "spurious", repr(name))
        for index, forms in enumerate(entities):
            if index not in covered:
                self._note(doc_id, f"{key} set", "missed", repr(forms[0] if forms else ""))

    def agreements(self, doc_id: str, gold: Sequence[Mapping[str, Any]], predicted: Sequence[dict]) -> None:
        strict = _pair_facts(gold, predicted, _all_parties)
        relaxed = _pair_facts(gold, predicted, _some_party)
        self._count("agreements", "strict").add(len(strict), len(predicted), len(strict), len(gold))
        self._count("agreements", "relaxed").add(len(relaxed), len(predicted), len(relaxed), len(gold))
        for g_index, p_index in strict.items():
            gold_date = gold[g_index].get("date")
            if gold_date:
                same = int(predicted[p_index].get("date") == gold_date)
                self._count("agreements", "date").add(same, 1, same, 1)
                if not same:
                    self._note(doc_id, "agreements date", "wrong value",
                               f"{gold[g_index]['type']} is {gold_date!r}, predicted "
                               f"{predicted[p_index].get('date')!r}")
        paired = set(strict.values())
        for p_index, fact in enumerate(predicted):
            if p_index not in paired:
                self._note(doc_id, "agreements strict", "spurious", f"{fact.get('type')} {fact.get('parties')}")
        for g_index, fact in enumerate(gold):
            if g_index not in strict:
                sides = [forms[0] if forms else "" for forms in fact.get("parties") or ()]
                self._note(doc_id, "agreements strict", "missed", f"{fact['type']} {sides}")
        gold_types = {fact["type"] for fact in gold}
        predicted_types = {fact.get("type") for fact in predicted}
        shared = len(gold_types & predicted_types)
        self._count("agreements", "types").add(shared, len(predicted_types), shared, len(gold_types))

    def result(self, documents: int, without_prediction: int) -> Evaluation:
        return Evaluation(documents, without_prediction, [self._score(key) for key in sorted(self.counts, key=_order)],
                          self.findings)

    def _score(self, key: tuple[str, str]) -> Score:
        counts = self.counts[key]
        return Score(measure=" ".join(key), level="document" if key[0] in DOCUMENT_KEYS else "mention",
                     precision=round(counts.precision, 4), recall=round(counts.recall, 4), f1=round(counts.f1, 4),
                     predicted=counts.predicted, gold=counts.gold)


def _order(key: tuple[str, str]) -> tuple:
    """Mention measures first (labels in the usual order, then any other), then the document measures."""
    subject, kind = key
    if subject in DOCUMENT_KEYS:
        kinds = AGREEMENT_KINDS if subject == "agreements" else ("set",)
        return (1, DOCUMENT_KEYS.index(subject), "", kinds.index(kind) if kind in kinds else len(kinds), kind)
    rank = LABEL_ORDER.index(subject) if subject in LABEL_ORDER else len(LABEL_ORDER)
    return (0, rank, subject, MENTION_KINDS.index(kind) if kind in MENTION_KINDS else len(MENTION_KINDS), kind)


def _gold_sides(gold_fact: Mapping[str, Any], predicted_fact: Mapping[str, Any]) -> list[Optional[int]]:
    """For each predicted party, the index of the first gold party with that name among its forms, else None."""
    sides = [{normalise_name(form) for form in forms} for forms in gold_fact.get("parties") or ()]
    found = []
    for name in predicted_fact.get("parties") or ():
        key = normalise_name(name)
        found.append(next((i for i, forms in enumerate(sides) if key in forms), None))
    return found


def _all_parties(gold_fact: Mapping[str, Any], predicted_fact: Mapping[str, Any]) -> bool:
    indices = set(_gold_sides(gold_fact, predicted_fact))
    return indices == set(range(len(gold_fact.get("parties") or ())))


def _some_party(gold_fact: Mapping[str, Any], predicted_fact: Mapping[str, Any]) -> bool:
    return any(index is not None for index in _gold_sides(gold_fact, predicted_fact))


def _pair_facts(gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]],
                parties_agree: Callable[[Mapping[str, Any], Mapping[str, Any]], bool]) -> dict[int, int]:
    """Gold fact index -> predicted fact index: each prediction in turn takes the first free gold fact of its
    type whose parties agree."""
    pairs: dict[int, int] = {}
    for p_index, fact in enumerate(predicted):
        for g_index, gold_fact in enumerate(gold):
            if g_index not in pairs and gold_fact["type"] == fact.get("type") and parties_agree(gold_fact, fact):
                pairs[g_index] = p_index
                break
    return pairs


def evaluate(gold: Records, predictions: Records) -> Evaluation:
    """Score ``predictions`` (records by id, as ``qfacts extract`` writes them) against ``gold`` (by id)."""
    scorer = _Scorer()
    missing = 0
    for doc_id, gold_doc in gold.items():
        prediction = predictions.get(doc_id)
        missing += prediction is None
        scorer.document({**gold_doc, "id": doc_id}, prediction)
    return scorer.result(len(gold), missing)


# --- predictions by qfacts itself ------------------------------------------------------------------------

def predict(gold: Records, nlp=None, on_document: Optional[Callable[[str], None]] = None
            ) -> tuple[dict[str, dict], list[Problem]]:
    """Run qfacts on each gold text (its ``reference_date`` from the record) and return the records by id.

    A gold record without a text, or one the extractor fails on, is a :class:`Problem` and gets no prediction.
    ``on_document(id)`` is called after each document (for a progress bar).
    """
    from .api import Document, extract_or_error, stage_failures
    from .pipeline import get_pipeline

    nlp = nlp or get_pipeline()
    predictions: dict[str, dict] = {}
    problems: list[Problem] = []
    for doc_id, record in gold.items():
        text = record.get("text")
        if not isinstance(text, str):
            problems.append(Problem(doc_id, "gold record without a text to extract from"))
        else:
            document = Document(id=doc_id, text=text, reference_date=record.get("reference_date"),
                                reference_date_source="record")
            result = extract_or_error(document, nlp)  # one document's failure must not lose the others' scores
            if isinstance(result, Exception):
                problems.append(Problem(doc_id, f"extraction failed: {type(result).__name__}: {result}"))
            else:
                predictions[doc_id] = result.to_dict()
                problems.extend(Problem(doc_id, message) for message in stage_failures(result))
        if on_document is not None:
            on_document(doc_id)
    return predictions, problems

