"""``qfacts schema``: the shipped JSON Schema on stdout, and every record carrying its schema version."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema
from typer.testing import CliRunner

import qfacts
from qfacts.cli import app
from qfacts.models import SCHEMA_VERSION


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_schema_command_prints_the_shipped_schema_and_exits_0():
    result = run("schema")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    shipped = (resources.files("qfacts") / "schema" / "record.schema.json").read_text(encoding="utf-8")
    assert json.loads(result.stdout) == json.loads(shipped)


def test_printed_schema_is_a_valid_2020_12_schema_that_requires_the_schema_version():
    schema = json.loads(run("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "schema_version" in schema["required"]


def test_every_extracted_record_validates_against_the_printed_schema_with_the_current_version(tmp_path):
    schema = json.loads(run("schema").stdout)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": "Brindle Motors signed an MOU with Kestrel University in Lyon on Friday.",
                    "reference_date": "2024-05-20"}) + "\n" + json.dumps({"id": "b", "text": ""}) + "\n",
        encoding="utf-8")
    result = run("extract", "--format", "jsonl", str(corpus))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    for record in records:
        assert record["schema_version"] == SCHEMA_VERSION
        jsonschema.validate(record, schema, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_a_record_without_a_schema_version():
    schema = json.loads(run("schema").stdout)
    record = qfacts.extract("Nothing here.").to_dict()
    del record["schema_version"]
    assert not jsonschema.Draft202012Validator(schema).is_valid(record)


def test_schema_help_names_the_current_version():
    result = run("schema", "--help")
    assert result.exit_code == 0 and SCHEMA_VERSION in result.stdout
