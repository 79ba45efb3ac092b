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

import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Iterable, Mapping, Optional, Sequence

from .jsonl import JSONLineError, parse_json_line
from .pipes import read_input_bytes

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
        return _read_lines(_file_lines(source), name or source)
    return _read_lines(source, name or getattr(source, "name", "-"))


def _file_lines(path: str) -> IO[str]:
    """The lines of a UTF-8 file as ``open(path, encoding="utf-8-sig")`` gives them (a leading BOM dropped,
    universal newlines; a raw U+2028 inside a JSON string ends no line); a FIFO without a writer raises
    :class:`qfacts.pipes.NoWriter` (an OSError) instead of waiting for ever."""
    return io.StringIO(read_input_bytes(path).decode("utf-8-sig"), newline=None)


def _read_lines(stream: Iterable[str], name: str, kind: Optional[str] = None,
                invalid: Optional[list[Problem]] = None) -> tuple[dict[str, dict], list[Problem]]:
    documents: dict[str, dict] = {}
    problems: list[Problem] = []
    check = {"gold": gold_record_problems, "pred": prediction_record_problems}.get(kind or "")
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
            wrong = check(record) if check is not None else []
            if wrong and invalid is not None:
                invalid.extend(Problem(f"{name}:{number}", message) for message in wrong)
            else:
                documents[str(record["id"])] = record
    return documents, problems


@dataclass
class Loaded:
    """A gold or prediction file as read by :func:`read_records`.

    ``documents``: the usable records by id; ``problems``: lines skipped because they are no JSON object with an
    ``id`` (the rest can still be scored); ``invalid``: one :class:`Problem` per thing wrong in a record of the
    wrong shape (:func:`gold_record_problems`, :func:`prediction_record_problems`), records left out of
    ``documents``: scores without them would be wrong, so the command line scores nothing then (exit code 2).
    """

    documents: dict[str, dict]
    problems: list[Problem]
    invalid: list[Problem]


def read_records(source: str | IO[str], kind: str, name: Optional[str] = None) -> Loaded:
    """Read a gold (``kind="gold"``) or prediction (``kind="pred"``) JSON Lines file or stream and check each
    record's shape. Raises ``OSError`` / ``UnicodeDecodeError`` as :func:`read_jsonl` does."""
    if kind not in ("gold", "pred"):
        raise ValueError(f"kind must be 'gold' or 'pred', not {kind!r}")
    invalid: list[Problem] = []
    if isinstance(source, str):
        documents, problems = _read_lines(_file_lines(source), name or source, kind, invalid)
    else:
        documents, problems = _read_lines(source, name or getattr(source, "name", "-"), kind, invalid)
    return Loaded(documents, problems, invalid)


# --- the shape of gold and prediction records (FORMAT.md) ------------------------------------------------

GOLD_LABELS = frozenset(LABEL_ORDER)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def agreement_types() -> frozenset[str]:
    """The canonical agreement types, as the shipped record schema lists them (``$defs.agreement_type``)."""
    global _TYPES
    if _TYPES is None:
        from importlib import resources

        schema = json.loads(resources.files("qfacts").joinpath("schema", "record.schema.json")
                            .read_text(encoding="utf-8"))
        _TYPES = frozenset(schema["$defs"]["agreement_type"]["enum"])
    return _TYPES


_TYPES: Optional[frozenset[str]] = None


def _kind(value: Any) -> str:
    """How a wrong value is named in a message: ``a string``, ``null``, ``an object``, ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _member(value: Any, names: frozenset[str]) -> bool:
    """``value in names`` for any JSON value (a list or an object is no member, and raises nothing)."""
    return isinstance(value, str) and value in names


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _short(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _list_of(record: Mapping[str, Any], key: str, wrong: list[str]) -> list:
    """``record[key]`` when it is a list (or absent: empty); else a problem, and empty."""
    if key not in record:
        return []
    value = record[key]
    if not isinstance(value, list):
        wrong.append(f'"{key}" is {_kind(value)}, not a list')
        return []
    return value


def _span_problems(where: str, span: Any, text: Optional[str], wrong: list[str], *, gold: bool) -> bool:
    """Offsets of a mention, an ignore span or a predicted entity; False when they cannot be used."""
    if not isinstance(span, dict):
        wrong.append(f"{where} is {_kind(span)}, not an object")
        return False
    for key in ("start", "end"):
        if key not in span:
            wrong.append(f'{where} has no "{key}"')
            return False
        if not _is_int(span[key]):
            wrong.append(f'{where} "{key}" is {_kind(span[key])} {_short(span[key])}, not an integer')
            return False
    start, end = span["start"], span["end"]
    if start < 0 or end < start or (gold and end == start):
        wrong.append(f"{where} offsets {start}..{end} are not a span (0 <= start < end)")
        return False
    if text is not None and end > len(text):
        wrong.append(f"{where} offsets {start}..{end} are out of range (text length {len(text)})")
        return False
    if gold and text is not None and "text" in span and span["text"] != text[start:end]:
        wrong.append(f'{where} "text" {_short(span["text"])} is not text[{start}:{end}] {_short(text[start:end])}')
        return False
    return True


def _names(where: str, value: Any, wrong: list[str]) -> None:
    """A list of surface forms (one entity or one party): a non-empty list of non-empty strings."""
    if not isinstance(value, list) or not value:
        wrong.append(f"{where} is {_kind(value) if value != [] else 'an empty list'}, not a list of names")
    elif not all(isinstance(name, str) and name.strip() for name in value):
        wrong.append(f"{where} holds something that is not a name: {_short(value)}")


def gold_record_problems(record: Mapping[str, Any]) -> list[str]:
    """What is wrong with the shape of one gold record by the shared FORMAT.md (none: an empty list).

    Checked: ``id`` a string or integer; ``text`` a string; ``reference_date`` null or YYYY-MM-DD; ``annotated``
    a list of known labels (ORG, PLACE, DATE, AGREEMENT); ``mentions`` and ``ignore`` lists of objects with
    integer offsets, 0 <= start < end <= the text's length, a ``text`` equal to text[start:end] (required for
    mentions); a mention's ``label`` known, a DATE's ``value`` a string, an AGREEMENT's ``value`` a taxonomy
    type; ``orgs`` and ``places`` lists of non-empty lists of names; ``agreements`` a list of objects with a
    taxonomy ``type``, at least one party (each a non-empty list of names) and a ``date`` null or a string;
    ``scored_types`` a list of strings.
    """
    wrong: list[str] = []
    if not (isinstance(record.get("id"), str) or _is_int(record.get("id"))):
        wrong.append(f'"id" is {_kind(record.get("id"))}, not a string')
    text = record.get("text")
    if "text" in record and not isinstance(text, str):
        wrong.append(f'"text" is {_kind(text)}, not a string')
        text = None
    date = record.get("reference_date")
    if date is not None and not (isinstance(date, str) and _DATE.match(date) and _real_date(date)):
        wrong.append(f'"reference_date" {_short(date)} is not null or a date YYYY-MM-DD')
    for label in _list_of(record, "annotated", wrong):
        if not _member(label, GOLD_LABELS):
            wrong.append(f'"annotated" has the unknown label {_short(label)} (labels: {", ".join(LABEL_ORDER)})')
    types = agreement_types()
    if "mentions" in record and record["mentions"] is None:
        wrong.append('"mentions" is null, not a list')
    for index, mention in enumerate(_list_of(record, "mentions", wrong) if record.get("mentions") is not None
                                    else []):
        where = f"mentions[{index}]"
        if not _span_problems(where, mention, text, wrong, gold=True):
            continue
        if not isinstance(mention.get("text"), str):
            wrong.append(f'{where} has no "text" string')
        label = mention.get("label")
        if not _member(label, GOLD_LABELS):
            wrong.append(f"{where} has the unknown label {_short(label)} (labels: {', '.join(LABEL_ORDER)})")
        elif label == "DATE" and not (isinstance(mention.get("value"), str) and mention["value"].strip()):
            wrong.append(f'{where} is a DATE whose "value" is {_kind(mention.get("value"))}, not a TIMEX3 value')
        elif label == "AGREEMENT" and not _member(mention.get("value"), types):
            wrong.append(f'{where} is an AGREEMENT whose "value" {_short(mention.get("value"))} is not a '
                         "taxonomy type")
    for index, span in enumerate(_list_of(record, "ignore", wrong)):
        _span_problems(f"ignore[{index}]", span, text, wrong, gold=True)
    for key in NAME_SETS:
        for index, forms in enumerate(_list_of(record, key, wrong)):
            _names(f"{key}[{index}]", forms, wrong)
    for index, fact in enumerate(_list_of(record, "agreements", wrong)):
        where = f"agreements[{index}]"
        if not isinstance(fact, dict):
            wrong.append(f"{where} is {_kind(fact)}, not an object")
            continue
        if not _member(fact.get("type"), types):
            wrong.append(f'{where} "type" {_short(fact.get("type"))} is not a taxonomy type')
        parties = fact.get("parties")
        if not isinstance(parties, list) or not parties:
            wrong.append(f'{where} "parties" is {_kind(parties) if parties != [] else "empty"}, not a list of '
                         "parties (each a list of names)")
        else:
            for number, forms in enumerate(parties):
                _names(f"{where} parties[{number}]", forms, wrong)
        if fact.get("date") is not None and not isinstance(fact["date"], str):
            wrong.append(f'{where} "date" is {_kind(fact["date"])}, not null or a TIMEX3 value')
    scored = record.get("scored_types")
    if scored is not None and not (isinstance(scored, list) and all(isinstance(t, str) for t in scored)):
        wrong.append('"scored_types" is not a list of agreement types')
    return wrong


def prediction_record_problems(record: Mapping[str, Any]) -> list[str]:
    """What is wrong with the shape of one prediction record (FORMAT.md, "What a system must output"): ``id``
    a string or integer; ``entities`` null or a list of objects with a ``label`` string, integer offsets
    0 <= start <= end and a ``text`` string (or none); ``agreements`` null or a list of objects with a ``type`` string, ``parties`` a list of
    strings and a ``date`` null or a string."""
    wrong: list[str] = []
    if not (isinstance(record.get("id"), str) or _is_int(record.get("id"))):
        wrong.append(f'"id" is {_kind(record.get("id"))}, not a string')
    entities = record.get("entities")
    for index, entity in enumerate(_list_of(record, "entities", wrong) if entities is not None else []):
        where = f"entities[{index}]"
        if not _span_problems(where, entity, None, wrong, gold=False):
            continue
        if not isinstance(entity.get("label"), str):
            wrong.append(f'{where} has no "label" string')
        if entity.get("text") is not None and not isinstance(entity["text"], str):
            wrong.append(f'{where} "text" is {_kind(entity["text"])}, not a string')
    facts = record.get("agreements")
    for index, fact in enumerate(_list_of(record, "agreements", wrong) if facts is not None else []):
        where = f"agreements[{index}]"
        if not isinstance(fact, dict):
            wrong.append(f"{where} is {_kind(fact)}, not an object")
            continue
        if not isinstance(fact.get("type"), str):
            wrong.append(f'{where} "type" is {_kind(fact.get("type"))}, not a string')
        parties = fact.get("parties")
        if not (isinstance(parties, list) and all(isinstance(p, str) for p in parties)):
            wrong.append(f'{where} "parties" is not a list of names')
        if fact.get("date") is not None and not isinstance(fact["date"], str):
            wrong.append(f'{where} "date" is {_kind(fact["date"])}, not null or a string')
    return wrong


def _real_date(value: str) -> bool:
    import datetime

    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


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
    from .api import Document, stage_failures
    from .parallel import describe_error, guarded_extract
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
            result = guarded_extract(document, nlp)  # one document's failure must not lose the others' scores
            if isinstance(result, Exception):
                problems.append(Problem(doc_id, f"extraction failed: {describe_error(result)}"))
            else:
                predictions[doc_id] = result.to_dict()
                problems.extend(Problem(doc_id, message) for message in stage_failures(result))
        if on_document is not None:
            on_document(doc_id)
    return predictions, problems

