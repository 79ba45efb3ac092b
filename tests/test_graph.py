"""The agreement network library (qfacts.graph): merging, filters, writers and drawing."""
from __future__ import annotations

import io
import json
import random
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import qfacts
from qfacts import graph as qg
from qfacts.io import InputError

SEED_PARTNERS = {
    "QuSecure": {"pilot_project"},
    "University of California, Santa Barbara": {"joint_research", "talent_exchange"},
    "Stanford University": {"joint_research", "talent_exchange"},
    "Fairfax County Economic Development Authority": {"joint_declaration"},
    "Amazon Web Services": {"memorandum_of_understanding"},
}


def record(id, entities=(), agreements=(), **extra):
    """A record dict shaped like ``qfacts extract`` output (only the keys the graph reads)."""
    ents = [dict(label=lab, text=text, start=0, end=len(text), **({"canonical": c} if c else {}))
            for lab, text, c in entities]
    return {"id": id, "entities": ents,
            "agreements": [dict(type=t, parties=list(p), date=d, status="signed", sentence=f"{t} sentence")
                           for t, p, d in agreements], **extra}


@pytest.fixture(scope="module")
def seed_graph():
    from pathlib import Path

    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_1f3f6e6e2c6619e0.txt"
    if not seed.exists():
        pytest.skip(f"seed article missing: {seed}")
    rec = qfacts.extract(seed.read_text(encoding="utf-8"), "2025-05-19", id="seed")
    return qg.build_graph([rec])


# --- the seed -----------------------------------------------------------------------------------------------

def test_seed_graphml_joins_daejeon_to_its_five_partners_with_their_agreement_types(seed_graph):
    back = nx.read_graphml(io.BytesIO(qg.render(seed_graph, "graphml")), force_multigraph=True)
    types_by_partner: dict[str, set] = {}
    for a, b, data in back.edges(data=True):
        assert "Daejeon" in (a, b)
        other = b if a == "Daejeon" else a
        types_by_partner.setdefault(other, set()).add(data["type"])
        assert data["label"].startswith(data["type"].replace("_", " "))
        assert data["documents"] == "seed"
    assert types_by_partner == SEED_PARTNERS
    assert back.nodes["Daejeon"]["type"] == "PLACE"
    assert back.nodes["Amazon Web Services"]["type"] == "ORG"
    aws = [d for a, b, d in back.edges(data=True) if "Amazon Web Services" in (a, b)]
    assert aws[0]["date"] == "2025-05-16" and aws[0]["label"].endswith("· 2025-05-16")


def test_seed_aliases_are_kept_on_their_nodes(seed_graph):
    assert "FCEDA" in seed_graph.nodes["Fairfax County Economic Development Authority"]["aliases"].split("; ")
    assert "Stanford" in seed_graph.nodes["Stanford University"]["aliases"].split("; ")


def test_seed_png_is_a_valid_image_of_sensible_size_with_no_overlapping_labels(seed_graph):
    from PIL import Image

    buf = io.BytesIO()
    report = qg.draw(seed_graph, buf, "png")
    data = buf.getvalue()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.verify()
    width, height = Image.open(io.BytesIO(data)).size
    assert 800 <= width <= 6000 and 500 <= height <= 6000
    assert report.layout == "hub" and report.overlaps == 0 and report.hidden_edge_labels == 0
    assert (report.nodes, report.edges) == (6, 7)


def test_seed_svg_is_an_svg_document_of_sensible_size(seed_graph):
    root = ET.fromstring(qg.render(seed_graph, "svg"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    width, height = (float(root.get(k).removesuffix("pt")) for k in ("width", "height"))
    assert 500 <= width <= 5000 and 300 <= height <= 5000


# --- merging ------------------------------------------------------------------------------------------------

def test_nodes_merge_across_documents_by_alias_case_and_leading_the():
    one = record("a", [("ORG", "Fairfax County Economic Development Authority", None),
                       ("ORG", "FCEDA", "Fairfax County Economic Development Authority"),
                       ("PLACE", "Daejeon", None)],
                 [("joint_declaration", ["Daejeon", "Fairfax County Economic Development Authority"], None)])
    two = record("b", [("ORG", "FCEDA", None), ("ORG", "The Acme Corp", None)],
                 [("partnership", ["FCEDA", "the Acme Corp"], "2025-02-01")])
    three = record("c", [("ORG", "Acme Corp", None)], [("investment", ["ACME CORP", "Daejeon"], "2025")])
    g = qg.build_graph([one, two, three])
    assert sorted(g.nodes) == ["Acme Corp", "Daejeon", "Fairfax County Economic Development Authority"]
    fceda = g.nodes["Fairfax County Economic Development Authority"]
    assert fceda["documents"] == "a; b" and fceda["facts"] == 2 and fceda["type"] == "ORG"
    assert g.has_edge("Acme Corp", "Fairfax County Economic Development Authority")
    assert g.has_edge("Acme Corp", "Daejeon")


def test_canonical_entities_of_a_record_merge_their_aliases():
    rec = record("a", [("ORG", "Korea Advanced Institute of Science and Technology", None)],
                 [("joint_research", ["KAIST", "Daejeon"], None)],
                 canonical_entities=[
                     {"label": "ORG", "name": "Korea Advanced Institute of Science and Technology",
                      "aliases": ["KAIST"], "mentions": 3},
                     {"label": "PLACE", "name": "Daejeon", "aliases": ["Daejeon City"], "mentions": 2}])
    other = record("b", [], [("partnership", ["Daejeon City", "KAIST"], "2024-11")])
    g = qg.build_graph([rec, other])
    assert sorted(g.nodes) == ["Daejeon", "Korea Advanced Institute of Science and Technology"]
    assert g.number_of_edges() == 2
    assert g.nodes["Daejeon"]["type"] == "PLACE"


def test_an_alias_pointing_to_two_names_merges_neither():
    one = record("a", [("ORG", "Stanford", "Stanford University")], [("partnership", ["Stanford", "Oslo"], None)])
    two = record("b", [("ORG", "Stanford", "Stanford Health Care")], [("contract", ["Stanford", "Oslo"], None)])
    g = qg.build_graph([one, two])
    assert "Stanford" in g.nodes
    assert "Stanford University" not in g.nodes and "Stanford Health Care" not in g.nodes


def test_the_same_fact_in_two_documents_is_one_edge_with_both_ids_and_two_mentions():
    fact = ("memorandum_of_understanding", ["Lisbon", "Nordvale Robotics"], "2025-06-02")
    g = qg.build_graph([record("a", agreements=[fact]), record("b", agreements=[fact])])
    (edge,) = g.edges(data=True)
    assert edge[2]["documents"] == "a; b" and edge[2]["mentions"] == 2 and g.graph["facts"] == 1


def test_a_party_without_entity_has_type_unknown_and_three_parties_join_pairwise():
    rec = record("a", [("PLACE", "Oslo", None)], [("joint_venture", ["Oslo", "Acme", "Beta"], None)])
    g = qg.build_graph([rec])
    assert g.nodes["Acme"]["type"] == qg.UNKNOWN and g.nodes["Oslo"]["type"] == "PLACE"
    assert sorted(tuple(sorted(e)) for e in g.edges()) == [("Acme", "Beta"), ("Acme", "Oslo"), ("Beta", "Oslo")]
    root = ET.fromstring(qg.render(g, "graphml"))
    ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == 3 and len(set(ids)) == 3  # GraphML edge ids are unique in the document


def test_build_graph_accepts_record_objects_and_dicts_alike():
    rec = qfacts.extract("Acme Corp signed an MOU with Daejeon on Friday.", "2025-05-19", id="x")
    assert nx.utils.graphs_equal(qg.build_graph([rec]), qg.build_graph([rec.to_dict()]))


# --- filters ------------------------------------------------------------------------------------------------

FILTER_RECORDS = [record("a", [("PLACE", "Oslo", None), ("ORG", "Acme Corp", None), ("ORG", "Beta Labs", None)], [
    ("memorandum_of_understanding", ["Oslo", "Acme Corp"], "2024-03-05"),
    ("partnership", ["Oslo", "Beta Labs"], "2025-01"),
    ("joint_research", ["Acme Corp", "Beta Labs"], None),
    ("investment", ["Acme Corp", "Beta Labs"], "XXXX-XX-XX"),
])]


def types_of(g):
    return sorted(d["type"] for _, _, d in g.edges(data=True))


def test_type_filter_accepts_spaced_and_initialised_spellings():
    assert types_of(qg.build_graph(FILTER_RECORDS, types=["MOU", "joint research"])) == [
        "joint_research", "memorandum_of_understanding"]
    with pytest.raises(ValueError, match="unknown agreement type"):
        qg.build_graph(FILTER_RECORDS, types=["friendship"])


def test_date_filters_keep_overlapping_dates_and_drop_undated_facts():
    assert types_of(qg.build_graph(FILTER_RECORDS, since="2024-06")) == ["partnership"]
    assert types_of(qg.build_graph(FILTER_RECORDS, until="2024")) == ["memorandum_of_understanding"]
    assert types_of(qg.build_graph(FILTER_RECORDS, since="2025-01-31", until="2025-01-31")) == ["partnership"]


def test_party_filter_matches_case_insensitively_and_keeps_only_that_partys_facts():
    g = qg.build_graph(FILTER_RECORDS, parties=["oslo"])
    assert types_of(g) == ["memorandum_of_understanding", "partnership"]
    assert sorted(g.nodes) == ["Acme Corp", "Beta Labs", "Oslo"]


def test_undated_facts_show_no_date_in_their_label():
    g = qg.build_graph(FILTER_RECORDS, types=["investment"])
    (edge,) = g.edges(data=True)
    assert edge[2]["date"] == "" and edge[2]["label"] == "investment"


@pytest.mark.parametrize("value,end,expected", [
    ("2024", False, "2024-01-01"), ("2024", True, "2024-12-31"), ("2024-02", True, "2024-02-29"),
    ("2025-05-16", True, "2025-05-16")])
def test_parse_bound_reads_years_months_and_days(value, end, expected):
    assert qg.parse_bound(value, end=end) == expected


@pytest.mark.parametrize("value", ["May 2025", "2025-13", "2025-02-30", ""])
def test_parse_bound_rejects_what_is_no_date(value):
    with pytest.raises(ValueError):
        qg.parse_bound(value)


# --- writers ------------------------------------------------------------------------------------------------

def test_format_comes_from_the_suffix_or_the_option():
    assert qg.format_for("net.GEXF") == "gexf" and qg.format_for("x.gv") == "dot"
    assert qg.format_for("x.anything", "mmd") == "mmd"
    with pytest.raises(ValueError, match="cannot tell the format"):
        qg.format_for("network.pdf")


def test_gexf_reads_back_with_node_and_edge_attributes_and_no_modification_date():
    g = qg.build_graph(FILTER_RECORDS)
    data = qg.render(g, "gexf")
    assert b"lastmodifieddate" not in data
    back = nx.read_gexf(io.BytesIO(data))
    assert back.nodes["Oslo"]["type"] == "PLACE" and back.nodes["Oslo"]["label"] == "Oslo"
    edge_types = sorted(d["agreement_type"] for _, _, d in back.edges(data=True))
    assert edge_types == types_of(g)
    assert all(d["documents"] == "a" for _, _, d in back.edges(data=True))


def test_dot_output_parses_with_one_labelled_edge_per_fact():
    import pydot

    (dot,) = pydot.graph_from_dot_data(qg.render(qg.build_graph(FILTER_RECORDS), "dot").decode())
    labels = sorted(e.get("label").strip('"') for e in dot.get_edges())
    assert labels == ["investment", "joint research", "memorandum of understanding · 2024-03-05",
                      "partnership · 2025-01"]


def test_mermaid_draws_a_thick_link_where_several_facts_join_a_pair():
    text = qg.render(qg.build_graph(FILTER_RECORDS), "mmd").decode()
    assert text.startswith("flowchart LR\n")
    thick = [line for line in text.splitlines() if "===" in line]
    assert len(thick) == 1 and "joint research<br/>investment" in thick[0]
    assert text.count("---|") == 2


def test_mermaid_escapes_quotes_in_names():
    text = qg.render(qg.build_graph([record("a", agreements=[("contract", ['Say "Hi" Ltd', "Oslo"], None)])]),
                     "mmd").decode()
    assert '["Say #quot;Hi#quot; Ltd"]' in text


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "svg", "mmd", "dot"])
def test_the_same_input_gives_the_same_bytes(fmt):
    assert qg.render(qg.build_graph(FILTER_RECORDS), fmt) == qg.render(qg.build_graph(FILTER_RECORDS), fmt)


def test_an_empty_graph_still_draws_a_picture():
    g = qg.build_graph([record("a")])
    assert g.number_of_nodes() == 0
    assert qg.render(g, "png").startswith(b"\x89PNG")


def test_sixty_parties_draw_by_force_layout_with_no_label_left_overlapping():
    rng = random.Random(3)
    shape = nx.barabasi_albert_graph(60, 1, seed=3)
    facts = [(rng.choice(["partnership", "investment", "contract"]), [f"Party {a} Group", f"Party {b} Group"],
              f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}") for a, b in shape.edges]
    g = qg.build_graph([record("synthetic", agreements=facts)])
    report = qg.draw(g, io.BytesIO(), "svg")
    assert report.layout == "force" and report.nodes == 60
    assert report.overlaps == 0
    assert report.hidden_edge_labels < len(facts) / 2


# --- inputs -------------------------------------------------------------------------------------------------

def test_saved_jsonl_records_are_read_as_records_and_bad_lines_named(tmp_path):
    saved = tmp_path / "facts.jsonl"
    good = record("a", agreements=[("contract", ["Acme", "Oslo"], None)])
    saved.write_text(json.dumps(good) + "\n\n{oops\n" + json.dumps({"id": "t", "text": "x"}) + "\n")
    items = list(qg.read_graph_inputs([str(saved)]))
    assert items[0] == good
    assert [i.line for i in items[1:]] == [3, 4]
    assert items[1].message.startswith("invalid JSON") and items[2].message.startswith("not a qfacts record")


def test_text_corpora_and_json_arrays_are_told_apart(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "c1", "text": "Acme Corp signed an MOU with Oslo."}) + "\n")
    array = tmp_path / "records.json"
    array.write_text(json.dumps([record("r1"), record("r2")]))
    items = list(qg.read_graph_inputs([str(corpus), str(array), str(tmp_path / "missing.txt")]))
    assert isinstance(items[0], qfacts.Document) and items[0].id == "c1"
    assert [i["id"] for i in items[1:3]] == ["r1", "r2"]
    assert isinstance(items[3], InputError) and items[3].input.endswith("missing.txt")


def test_stdin_carrying_saved_records_is_read_as_records():
    line = json.dumps(record("s", agreements=[("contract", ["Acme", "Oslo"], None)])) + "\n"
    (item,) = qg.read_graph_inputs(["-"], stdin=io.BytesIO(line.encode()))
    assert item["id"] == "s"
    (doc,) = qg.read_graph_inputs(["-"], stdin=io.BytesIO(b"Acme Corp signed an MOU with Oslo."))
    assert isinstance(doc, qfacts.Document) and doc.text.startswith("Acme")


def test_pictures_without_matplotlib_raise_missing_extra_naming_the_command(monkeypatch):
    import sys

    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    g = qg.build_graph([record("a", [("ORG", "Kelvo Corp", None), ("ORG", "Zentrix Labs", None)],
                               [("partnership", ["Kelvo Corp", "Zentrix Labs"], "2025-01-02")])])
    assert not qg.pictures_available()
    for fmt in ("png", "svg"):
        with pytest.raises(qg.MissingExtra, match=r"pip install 'qfacts\[graph\]'"):
            qg.render(g, fmt)
    assert qg.render(g, "graphml").startswith(b"<graphml")
    assert b"Kelvo Corp" in qg.render(g, "gexf") and b"Zentrix Labs" in qg.render(g, "mmd")


def test_pictures_are_available_with_the_graph_extra():
    pytest.importorskip("matplotlib", reason="the graph extra (matplotlib) is not installed")
    assert qg.pictures_available()
