"""What every record must satisfy, whatever its text: the checks the tests and ``bench/fuzz.py`` run.

:func:`violations` lists, one line each, every broken invariant of a record (a :class:`qfacts.Record` or its
``to_dict()``) against the text it was extracted from:

- offsets lie in ``0 <= start <= end <= len(text)`` (entities, facts, triggers, party mentions, antecedents);
- ``text[start:end]`` equals each entity's ``text``, each trigger's ``text`` and each fact's ``sentence`` (with
  surrogate code points read as U+FFFD, as :func:`qfacts.api.analysable` has the pipeline read and quote them);
- a fact's sentence span holds its trigger and each party's mention (``party_details`` start/end);
- DATE values and fact dates match the TIMEX3 value grammar (:func:`qfacts.dates.timex.is_timex3_value`);
- ``text_length`` is ``len(text)``;
- the record round-trips through JSON and validates against the shipped schema (with ``jsonschema``, which
  ``pip install 'qfacts[test]'`` installs; ``violations(..., check_schema=False)`` checks everything else without it).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Union

from .api import analysable
from .dates.timex import is_timex3_value
from .models import Record

__all__ = ["violations", "schema"]


@lru_cache(maxsize=1)
def schema() -> dict:
    """The shipped JSON schema of a record (``qfacts/schema/record.schema.json``)."""
    return json.loads((resources.files("qfacts") / "schema" / "record.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    try:
        import jsonschema  # a test extra: only the schema check needs it
    except ImportError:
        raise ImportError("the schema check of qfacts.invariants.violations needs jsonschema: pip install "
                          "'qfacts[test]' (or jsonschema), or pass check_schema=False to check the rest") from None
    return jsonschema.Draft202012Validator(schema())


def violations(record: Union[Record, dict], text: str, *, check_schema: bool = True) -> list[str]:
    """Every invariant ``record`` breaks against ``text``, one short line each (empty: the record is sound).

    ``check_schema=False`` leaves out the JSON Schema validation, the one check that needs ``jsonschema``."""
    out: list[str] = []
    data: dict[str, Any] = record.to_dict() if isinstance(record, Record) else record
    text = analysable(text)  # records quote surrogate code points as U+FFFD (offsets unchanged)
    n = len(text)

    def span(what: str, start: Any, end: Any, quoted: Any = None) -> bool:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n):
            out.append(f"{what}: offsets {start!r}..{end!r} out of bounds (text length {n})")
            return False
        if quoted is not None and text[start:end] != quoted:
            out.append(f"{what}: text[{start}:{end}] is {text[start:end]!r}, not {quoted!r}")
        return True

    if data.get("text_length") != n:
        out.append(f"text_length {data.get('text_length')!r} is not the text's length {n}")
    for k, ent in enumerate(data.get("entities") or ()):
        what = f"entity {k} ({ent.get('label')} {ent.get('text')!r})"
        span(what, ent.get("start"), ent.get("end"), ent.get("text"))
        if ent.get("start") == ent.get("end"):
            out.append(f"{what}: empty span")
        if ent.get("label") == "DATE" and not is_timex3_value(ent.get("value")):
            out.append(f"{what}: value {ent.get('value')!r} is no TIMEX3 value")
    for k, fact in enumerate(data.get("agreements") or ()):
        what = f"fact {k} ({fact.get('type')})"
        s, e = fact.get("start"), fact.get("end")
        sentence_ok = span(f"{what} sentence", s, e, fact.get("sentence"))
        trig = fact.get("trigger") or {}
        inner = [(f"{what} trigger {trig.get('text')!r}", trig.get("start"), trig.get("end"), trig.get("text"))]
        for p in fact.get("party_details") or ():
            inner.append((f"{what} party {p.get('name')!r} mention", p.get("start"), p.get("end"), None))
            ante = p.get("antecedent")
            if ante is not None:
                span(f"{what} party {p.get('name')!r} antecedent", ante.get("start"), ante.get("end"),
                     ante.get("text"))
        for label, a, b, quoted in inner:
            if span(label, a, b, quoted) and sentence_ok and not s <= a <= b <= e:
                out.append(f"{label} at {a}..{b} is outside the fact's sentence {s}..{e}")
        names = [p.get("name") for p in fact.get("party_details") or ()]
        if fact.get("party_details") is not None and names != fact.get("parties"):
            out.append(f"{what}: parties {fact.get('parties')!r} are not party_details' names {names!r}")
        if fact.get("date") is not None and not is_timex3_value(fact.get("date")):
            out.append(f"{what}: date {fact.get('date')!r} is no TIMEX3 value")
    try:
        again = json.loads(json.dumps(data))
    except (TypeError, ValueError) as exc:
        out.append(f"record does not survive JSON: {type(exc).__name__}: {exc}")
    else:
        if again != data:
            out.append("record changes through JSON")
    validator = _validator() if check_schema else None
    for err in sorted(validator.iter_errors(data) if validator else (), key=lambda x: list(x.absolute_path))[:5]:
        where = "/".join(str(p) for p in err.absolute_path) or "record"
        out.append(f"schema: {where}: {err.message[:200]}")
    return out
