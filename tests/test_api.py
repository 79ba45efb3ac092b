"""The library API: qfacts.extract and qfacts.extract_documents."""
import importlib.metadata
import json
from pathlib import Path

import pytest
import spacy

import qfacts

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_1f3f6e6e2c6619e0.txt"
SHARED = ROOT.parent / "shared"


def test_extract_offsets_index_the_input_exactly_for_every_entity():
    text = SEED.read_text(encoding="utf-8")
    record = qfacts.extract(text, reference_date="2025-05-19")
    assert record.entities
    for e in record.entities:
        assert text[e.start:e.end] == e.text
    for a in record.agreements:
        assert text[a.start:a.end] == a.sentence
        assert text[a.trigger["start"]:a.trigger["end"]] == a.trigger["text"]


def test_extract_seed_finds_the_memorandum_with_amazon_dated_friday():
    record = qfacts.extract(SEED.read_text(encoding="utf-8"), reference_date="2025-05-19")
    mou = [a for a in record.agreements if a.type == "memorandum_of_understanding"]
    assert [(a.parties, a.date) for a in mou] == [(["Daejeon", "Amazon Web Services"], "2025-05-16")]
    assert record.reference_date == "2025-05-19" and record.reference_date_source == "given"


def test_extract_is_deterministic():
    text = SEED.read_text(encoding="utf-8")
    assert qfacts.extract(text, "2025-05-19").to_dict() == qfacts.extract(text, "2025-05-19").to_dict()


def test_extract_takes_the_reference_date_from_the_dateline_when_none_is_given():
    record = qfacts.extract("SEOUL, May 19, 2025 (Yonhap) -- Kelvo Corp signed a contract with Zentrix Labs "
                            "on Friday.")
    assert record.reference_date == "2025-05-19" and record.reference_date_source == "dateline"
    assert [a.date for a in record.agreements] == ["2025-05-16"]


def test_extract_without_any_reference_date_leaves_relative_dates_open():
    record = qfacts.extract("Kelvo Corp signed a contract with Zentrix Labs on Friday.")
    assert record.reference_date is None
    assert [e.value for e in record.entities if e.label == "DATE"] == ["XXXX-XX-XX"]


def test_extract_processes_text_longer_than_spacy_max_length():
    nlp = qfacts.build_pipeline()
    nlp.max_length = 2000
    paragraph = "Kelvo Corp signed a contract with Zentrix Labs in Paris on Friday.\n\n"
    text = paragraph * 100
    record = qfacts.extract(text, "2025-05-19", nlp=nlp)
    assert sum(1 for e in record.entities if e.text == "Paris") == 100
    for e in record.entities:
        assert text[e.start:e.end] == e.text


def test_extract_empty_text_gives_an_empty_record():
    record = qfacts.extract("")
    assert record.entities == [] and record.agreements == []


def test_extract_rejects_a_malformed_reference_date():
    with pytest.raises(ValueError, match="not a date"):
        qfacts.extract("text", reference_date="19/05/2025")


def test_components_are_exposed_through_the_spacy_factories_entry_point():
    names = {ep.name for ep in importlib.metadata.entry_points(group="spacy_factories")}
    assert set(qfacts.pipeline.COMPONENTS) <= names


def test_components_can_be_added_to_any_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("qfacts_dates")
    nlp.add_pipe("qfacts_agreements")
    doc = nlp("They signed an MOU in November 2024.")
    assert [(e.label_, e.text, e._.value) for e in doc.ents] == [
        ("AGREEMENT", "MOU", "memorandum_of_understanding"), ("DATE", "November 2024", "2024-11")]


def test_seed_scores_at_least_0_9_on_every_row_of_the_shared_scorer(tmp_path):
    gold = SHARED / "corpora" / "seed" / "seed.jsonl"
    scorer = SHARED / "eval" / "score.py"
    if not gold.exists() or not scorer.exists():
        pytest.skip(f"shared corpora not found at {SHARED} (they are not shipped with qfacts)")
    import importlib.util

    spec = importlib.util.spec_from_file_location("qfacts_shared_score", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    golds = score.load(gold)
    preds = {}
    for doc_id, g in golds.items():
        preds[doc_id] = qfacts.extract(g["text"], g["reference_date"], id=doc_id).to_dict()
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds.values()), encoding="utf-8")
    rows, _, missing = score.score(golds, score.load(pred_path))
    assert missing == 0
    low = {name: r["f"] for name, r in rows.items() if r["f"] < 0.9}
    assert not low, f"rows below 0.9: {low}"


def test_model_pipeline_from_disk_gets_the_qfacts_components_on_top(tmp_path):
    base = spacy.blank("en")
    ruler = base.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Acme"}, {"label": "GPE", "pattern": "Freedonia"},
                        {"label": "DATE", "pattern": "someday"}])
    base.to_disk(tmp_path / "model")
    nlp = qfacts.build_pipeline(str(tmp_path / "model"))
    assert nlp.pipe_names[0] == "entity_ruler" and nlp.pipe_names[-1] == "qfacts_facts"
    record = qfacts.extract("Acme signed an MOU with Freedonia and Paris someday in May 2025.", nlp=nlp)
    got = [(e.label, e.text) for e in record.entities]
    assert ("ORG", "Acme") in got and ("PLACE", "Paris") in got
    assert all(e.text not in ("Freedonia", "someday") for e in record.entities)
    assert ("DATE", "May 2025") in got


def test_model_that_cannot_be_loaded_raises_model_error():
    with pytest.raises(qfacts.pipeline.ModelError, match="no_such_model_xyz"):
        qfacts.build_pipeline("no_such_model_xyz")


def test_importing_the_date_grammar_does_not_load_spacy():
    import subprocess
    import sys

    code = "import sys, qfacts.dates; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_agreement_facts_carry_the_calendar_interval_of_their_date():
    record = qfacts.extract("Kelvo Corp signed a contract with Zentrix Labs in November 2024.", "2025-05-19")
    assert [(a.date, a.date_interval) for a in record.agreements] == [
        ("2024-11", {"start": "2024-11-01", "end": "2024-11-30"})]


def test_get_pipeline_with_no_argument_and_with_none_is_one_pipeline():
    from qfacts.pipeline import get_pipeline

    assert get_pipeline() is get_pipeline(None)


def test_build_pipeline_overrides_configure_a_component_and_reject_unknown_names():
    nlp = qfacts.build_pipeline(None, {"qfacts_facts": {"include_negated": True}})
    assert nlp.get_pipe("qfacts_facts").include_negated is True
    assert qfacts.get_pipeline(None, {}) is qfacts.get_pipeline()
    with pytest.raises(ValueError, match="no_such_component"):
        qfacts.build_pipeline(None, {"no_such_component": {"x": 1}})


def _pipeline_with_a_failing_stage(after: str):
    """The default pipeline with a component after ``after`` that raises on any text holding "boom"."""
    from spacy.language import Language

    name = f"test_exploding_after_{after}"
    if name not in Language.factories:
        @Language.component(name)
        def exploding(doc):
            if "boom" in doc.text:
                raise ZeroDivisionError("stage blew up")
            return doc
    nlp = qfacts.build_pipeline()
    nlp.add_pipe(name, after=after)
    return nlp


def test_a_failing_component_is_named_in_the_record_and_the_other_stages_still_run():
    nlp = _pipeline_with_a_failing_stage("qfacts_orgs")
    record = qfacts.extract("Acme Corp signed an MOU with Daejeon on 19 May 2025. boom", nlp=nlp)
    assert record.errors == [{"component": "test_exploding_after_qfacts_orgs",
                              "error": "ZeroDivisionError: stage blew up"}]
    labels = {e.label for e in record.entities}
    assert {"ORG", "PLACE", "DATE", "AGREEMENT"} <= labels  # stages before and after the failure
    assert record.agreements and record.agreements[0].parties == ["Acme Corp", "Daejeon"]
    assert record.to_dict()["errors"] == record.errors
    assert "errors" not in qfacts.extract("Acme Corp signed an MOU.", nlp=nlp).to_dict()  # only on failure


def test_a_record_with_a_failed_stage_validates_against_the_shipped_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from qfacts.cli.schema import record_schema_text

    nlp = _pipeline_with_a_failing_stage("qfacts_dates")
    record = qfacts.extract("boom", nlp=nlp).to_dict()
    assert record["errors"][0]["component"] == "test_exploding_after_qfacts_dates"
    jsonschema.validate(record, json.loads(record_schema_text()))


def test_the_shared_pipeline_is_moved_out_of_the_collectors_way_once_built():
    import subprocess
    import sys

    code = ("import gc, qfacts; before = gc.get_freeze_count(); qfacts.get_pipeline(); "
            "print(before, gc.get_freeze_count() > 10000)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "True"]
