"""The ``qfacts schema`` command: print the JSON Schema of one output record, as shipped in the package.

The schema is package data (``qfacts/schema/record.schema.json``); every record carries the version of the
layout it follows in its ``schema_version`` field. The command is registered on
:data:`qfacts.cli.app`.
"""
from __future__ import annotations

from importlib import resources

from ..models import SCHEMA_VERSION
from .common import guarded_stdout

SCHEMA_RESOURCE = ("schema", "record.schema.json")


def record_schema_text() -> str:
    """The shipped JSON Schema (draft 2020-12) of a record, as text."""
    return resources.files("qfacts").joinpath(*SCHEMA_RESOURCE).read_text(encoding="utf-8")


def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the records 'qfacts extract' writes.

    Every record names the layout it follows in its "schema_version" field (now %s); the schema accepts
    every 1.x version.

    Examples:

    \b
        qfacts schema > record.schema.json
        qfacts extract corpus.jsonl | check-jsonschema --schemafile record.schema.json -

    Exit code: 0.
    """
    out = guarded_stdout()  # a full disk: one line naming standard output, exit code 1
    text = record_schema_text()
    out.write(text if text.endswith("\n") else text + "\n")
    out.flush()


schema.__doc__ = (schema.__doc__ or "").replace("%s", SCHEMA_VERSION)
