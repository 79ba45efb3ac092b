"""The application around the commands: help without Typer artefacts, option errors in plain words, shell
completion, and one line for Ctrl-C, SIGTERM and an output that cannot be written, whatever the command."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from qfacts.cli import app, common
from qfacts.cli import extract as extract_command

runner = CliRunner()

COMMANDS = ("extract", "check", "eval", "graph", "schema")


def invoke(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def one_error_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# --- help -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ("", *COMMANDS))
def test_help_shows_arguments_by_name_without_python_types_or_braces(command):
    result = invoke(*([command] if command else []), "--help", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    for artefact in ("<list[", "<str>", "<int>", "{GOLD}", "{PATH", "x>="):
        assert artefact not in result.stdout, f"{artefact!r} in 'qfacts {command} --help'"


def test_help_shows_the_usage_line_plainly():
    assert "Usage: qfacts eval [OPTIONS] GOLD [PRED]" in invoke("eval", "--help").stdout
    assert "Usage: qfacts extract [OPTIONS] [PATH...]" in invoke("extract", "--help").stdout
    assert "-f, --format [table|json|jsonl|csv]" in invoke("extract", "--help", env={"COLUMNS": "100"}).stdout


def test_help_keeps_the_examples_one_per_line():
    out = invoke("extract", "--help", env={"COLUMNS": "80"}).stdout
    assert "\n      qfacts extract article.txt\n      qfacts extract articles/ --format csv" in out


# --- option errors ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["extract", "--jobs", "x", "a.txt"], "--jobs: 'x' is not a whole number"),
    (["extract", "--jobs", "-1", "a.txt"], "--jobs: must be 0 or more, not -1"),
    (["check", "--min-facts", "-2", "a.txt"], "--min-facts: must be 0 or more, not -2"),
    (["extract", "--format", "xml", "a.txt"], "--format: 'xml' is not one of table, json, jsonl, csv"),
    (["eval"], "GOLD is missing"),
    (["extract", "--quite", "a.txt"], "no such option --quite (did you mean --quiet?)"),
    (["extract", "--format"], "--format needs a value"),
    (["eval", "a", "b", "c"], "unexpected extra argument: c"),
    (["extrct"], "no such command 'extrct' (did you mean 'extract'?)"),
    (["extract", "-r", "2025-02-30", "a.txt"], "--reference-date: '2025-02-30' is not a date (expected YYYY-MM-DD)"),
])
def test_option_errors_are_one_plain_line_with_exit_code_2(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    line = one_error_line(result)
    assert line.startswith(f"qfacts: error: {message}; see 'qfacts")
    for jargon in ("Input should be", "Value error", "Invalid value for"):
        assert jargon not in line


def test_jobs_zero_is_still_one_process_per_core(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Acme Corp signed an MOU with Daejeon.", encoding="utf-8")
    assert invoke("extract", "--jobs", "0", "--format", "jsonl", article).exit_code == 0


# --- shell completion -------------------------------------------------------------------------------------

def test_install_completion_is_offered():
    out = invoke("--help", env={"COLUMNS": "100"}).stdout
    assert "--install-completion" in out and "--show-completion" in out


def test_completion_completes_commands_and_choices_in_a_real_process():
    env = {**os.environ, "_QFACTS_COMPLETE": "complete_bash", "COMP_WORDS": "qfacts ext", "COMP_CWORD": "1"}
    proc = subprocess.run([sys.executable, "-m", "qfacts"], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.split() == ["extract"]
    env.update(COMP_WORDS="qfacts extract --format ", COMP_CWORD="3")
    proc = subprocess.run([sys.executable, "-m", "qfacts"], env=env, capture_output=True, text=True, timeout=300)
    assert proc.stdout.split() == ["table", "json", "jsonl", "csv"]


# --- interruptions and output errors around the commands --------------------------------------------------

def _interrupt_while_loading(monkeypatch, exc):
    def load(*args, **kwargs):
        raise exc

    monkeypatch.setattr(extract_command, "load_pipeline", load)


def test_ctrl_c_while_the_pipeline_loads_is_one_line_and_exit_130(tmp_path, monkeypatch):
    _interrupt_while_loading(monkeypatch, KeyboardInterrupt())
    target = tmp_path / "out.jsonl"
    result = invoke("extract", "-o", target, tmp_path)
    assert result.exit_code == 130
    assert result.stderr == "qfacts: interrupted\n"
    assert os.listdir(tmp_path) == []  # the --output file's temporary file is gone


def test_sigterm_while_the_pipeline_loads_is_one_line_and_exit_143(tmp_path, monkeypatch):
    _interrupt_while_loading(monkeypatch, common.Terminated())
    target = tmp_path / "out.jsonl"
    target.write_text("previous\n", encoding="utf-8")
    result = invoke("extract", "-o", target, tmp_path)
    assert result.exit_code == 143
    assert result.stderr == "qfacts: terminated\n"
    assert target.read_text(encoding="utf-8") == "previous\n" and os.listdir(tmp_path) == ["out.jsonl"]


def test_an_output_error_escaping_a_command_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    _interrupt_while_loading(monkeypatch, common.OutputError("--output x.jsonl: no space left on device"))
    result = invoke("extract", "-o", tmp_path / "x.jsonl", tmp_path)
    assert result.exit_code == 1
    assert one_error_line(result) == "qfacts: error: --output x.jsonl: no space left on device"


def _coercion_cases():
    import typer as _typer

    from qfacts.cli.application import app as _app

    group = _typer.main.get_command(_app)
    samples = ["jsonl", "JSONL", "Json", "csv", "facts", "entities", "human", "auto", "text", "a.txt", "2025-05-19",
               "", "-", 0, 1, 3, -1, ("a.txt", "b.txt"), ["x"], (), ("a", 1), 2.5]
    for name, command in sorted(group.commands.items()):
        for param in command.params:
            for value in samples:
                yield name, param, value


def test_plain_values_skip_typer_coercion_with_the_same_result():
    import click

    from qfacts.cli.application import _NOT_PLAIN, plain_value

    checked = 0
    for name, param, value in _coercion_cases():
        plain = plain_value(param, value)
        if plain is _NOT_PLAIN:
            continue
        ctx = click.Context(click.Command(name))
        expected = param.get_runtime_param().coerce(value, param=param, ctx=ctx)
        assert plain == expected and type(plain) is type(expected), (name, param.name, value)
        checked += 1
    assert checked > 30


def test_a_short_extract_builds_no_typer_adapter(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Acme Corp signed an agreement with Daejeon on Friday.\n", encoding="utf-8")
    code = ("import sys; from qfacts.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "assert 'typer._adapters' not in sys.modules, 'a Typer adapter was built'\n")
    proc = subprocess.run([sys.executable, "-c", code, "extract", "--format", "JSONL", "-q", str(article)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert '"label": "ORG"' in proc.stdout
