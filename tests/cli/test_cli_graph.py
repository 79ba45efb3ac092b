"""The ``qfacts graph`` command, in process through Typer's CliRunner."""
from __future__ import annotations

import io

import networkx as nx
import pytest
from typer.testing import CliRunner

from qfacts.cli import graph as cli_graph
from qfacts.cli import app

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, ["graph", *map(str, args)], input=input)


def graphml(result):
    return nx.read_graphml(io.BytesIO(result.stdout_bytes), force_multigraph=True)


def error_lines(result):
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_seed_png_is_written_with_exit_0(seed_path, tmp_path):
    out = tmp_path / "network.png"
    result = run(seed_path, "-r", "2025-05-19", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_a_folder_accumulates_facts_across_its_articles(in_fixtures):
    result = run("network", "--format", "graphml")
    assert result.exit_code == 0, result.stderr
    g = graphml(result)
    assert sorted(g.nodes) == ["Harbor City Institute of Technology", "Kestrel Analytics Inc", "Lisbon",
                               "Nordvale Robotics"]
    (mou,) = [d for a, b, d in g.edges(data=True) if {a, b} == {"Lisbon", "Nordvale Robotics"}]
    assert mou["documents"] == "network/harbor.txt; network/valley.txt" and mou["mentions"] == 2
    assert mou["type"] == "memorandum_of_understanding" and mou["date"] == "2025-06-02"
    assert g.degree("Harbor City Institute of Technology") == 2


def test_saved_extract_output_is_graphed_without_extracting_again(in_fixtures, tmp_path, monkeypatch):
    saved = tmp_path / "facts.jsonl"
    extracted = runner.invoke(app, ["extract", "--format", "jsonl", "network"])
    assert extracted.exit_code == 0, extracted.stderr
    saved.write_text(extracted.stdout)
    from_text = run("network", "--format", "graphml").stdout_bytes

    def no_pipeline(*args, **kwargs):
        raise AssertionError("the pipeline was loaded for saved records")

    monkeypatch.setattr(cli_graph, "load_pipeline", no_pipeline)
    result = run(saved, "--format", "graphml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == from_text
    piped = run("-", "--format", "graphml", input=extracted.stdout)
    assert piped.stdout_bytes == from_text


def test_a_bad_input_is_named_and_the_others_still_graphed(in_fixtures, tmp_path):
    out = tmp_path / "net.graphml"
    result = run("network/harbor.txt", "missing.txt", "binary.txt", "-o", out)
    assert result.exit_code == 1
    errors = error_lines(result)
    assert len(errors) == 2 and "missing.txt" in errors[0] and "binary.txt" in errors[1]
    g = nx.read_graphml(out, force_multigraph=True)
    assert g.has_edge("Lisbon", "Nordvale Robotics")


@pytest.mark.parametrize("args,message", [
    (["--type", "friendship", "-f", "mmd"], "--type"),
    (["--since", "last year", "-f", "mmd"], "--since"),
    (["--since", "2025", "--until", "2024", "-f", "mmd"], "after --until"),
    (["-o", "network.pdf"], "cannot tell the format"),
    ([], "--output"),
    (["-o", "no/such/folder/net.png"], "does not exist"),
])
def test_usage_errors_exit_2_with_one_line(in_fixtures, args, message):
    result = run("network/harbor.txt", *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(error_lines(result)) == 1


def test_filters_by_type_date_and_party(in_fixtures):
    by_type = graphml(run("network", "-f", "graphml", "--type", "partnership"))
    assert [d["type"] for _, _, d in by_type.edges(data=True)] == ["partnership"]
    since = graphml(run("network", "-f", "graphml", "--since", "2025-07"))
    assert [d["type"] for _, _, d in since.edges(data=True)] == ["partnership"]
    party = graphml(run("network", "-f", "graphml", "--party", "lisbon"))
    assert sorted(d["type"] for _, _, d in party.edges(data=True)) == ["joint_research",
                                                                       "memorandum_of_understanding"]


def test_filters_that_leave_nothing_write_an_empty_graph_with_a_note(in_fixtures):
    result = run("network", "-f", "graphml", "--party", "Nobody Ltd")
    assert result.exit_code == 0
    assert graphml(result).number_of_nodes() == 0
    assert "no agreement facts left by the filters" in result.stderr


def test_mermaid_and_dot_go_to_stdout_as_text(in_fixtures):
    mmd = run("network/harbor.txt", "-f", "mmd")
    assert mmd.exit_code == 0 and mmd.stdout.startswith("flowchart LR")
    dot = run("network/harbor.txt", "-f", "dot")
    assert dot.exit_code == 0 and dot.stdout.startswith("graph agreements {")


def test_output_file_is_the_same_for_the_same_input(in_fixtures, tmp_path):
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    assert run("network", "-o", first).exit_code == 0
    assert run("network", "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_help_documents_exit_codes_and_an_example():
    result = runner.invoke(app, ["graph", "--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout and "qfacts graph article.txt" in result.stdout


def test_an_article_the_extractor_fails_on_is_named_and_the_others_still_graphed(in_fixtures, monkeypatch):
    from qfacts import api

    real = api._extract_one

    def failing(nlp, document):
        if document.id.endswith("valley.txt"):
            raise RuntimeError("rule bug")
        return real(nlp, document)

    monkeypatch.setattr(api, "_extract_one", failing)
    result = run("network", "--format", "graphml")
    assert result.exit_code == 1
    assert any("valley.txt: extraction failed: RuntimeError: rule bug" in line for line in error_lines(result))
    assert graphml(result).number_of_nodes() > 0


@pytest.fixture
def without_matplotlib(monkeypatch):
    """As if the graph extra were not installed: ``import matplotlib`` fails and no spec is found."""
    import sys

    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)


@pytest.mark.parametrize("out", ["network.png", "network.svg"])
def test_pictures_without_the_graph_extra_ask_for_it_in_one_line_with_exit_2(in_fixtures, tmp_path, monkeypatch,
                                                                          without_matplotlib, out):
    monkeypatch.setattr(cli_graph, "load_pipeline", lambda *a, **k: pytest.fail("extracted before the check"))
    result = run("network/harbor.txt", "-o", tmp_path / out)
    assert result.exit_code == 2
    (line,) = error_lines(result)
    assert line.startswith("qfacts: error: ") and "pip install 'qfacts[graph]'" in line
    assert not (tmp_path / out).exists()


@pytest.mark.parametrize("fmt,start", [("graphml", "<graphml"), ("gexf", "<gexf"), ("dot", "graph agreements {"),
                                       ("mmd", "flowchart LR")])
def test_text_formats_need_no_graph_extra(in_fixtures, without_matplotlib, fmt, start):
    result = run("network/harbor.txt", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(start)
