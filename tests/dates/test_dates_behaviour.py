"""Behaviour tests of qfacts.dates: reference dates, intervals, direction cues, X values, false positives, offsets."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from qfacts.dates import DateMention, ReferenceDate, find_dates, find_reference_date

REF = dt.date(2025, 5, 19)  # Monday
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def _one(text: str, ref=REF) -> DateMention:
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0]


# --- reference date ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected, span", [
    ("SEOUL, May 19, 2025 (Yonhap) -- Samsung said...", dt.date(2025, 5, 19), "May 19, 2025"),
    ("Published 2025-05-19\n\nQuantum firms form a venture.", dt.date(2025, 5, 19), "2025-05-19"),
    ("May 19, 2025\n\nIonQ delivers a system.", dt.date(2025, 5, 19), "May 19, 2025"),
    ("11 September 2025 -- Bengaluru\n\nHAL signs a pact.", dt.date(2025, 9, 11), "11 September 2025"),
    ("BRUSSELS 1996-08-22\n\nThe EU said on Thursday...", dt.date(1996, 8, 22), "1996-08-22"),
    ("Chip deal 2023\nTOKYO, April 12 -- Rapidus said...", dt.date(2023, 4, 12), "April 12"),
])
def test_dates_reference_date_from_dateline_or_header(text, expected, span):
    ref = find_reference_date(text)
    assert isinstance(ref, ReferenceDate)
    assert ref.date == expected
    assert ref.text == span and text[ref.start:ref.end] == span
    assert ref.source == "dateline"


def test_dates_reference_date_needs_a_year():
    assert find_reference_date("TOKYO, April 12 -- Rapidus said it joined the programme.") is None


def test_dates_reference_date_absent_in_plain_text():
    assert find_reference_date("Rapidus said it joined the programme last year.") is None


def test_dates_reference_date_ignores_dates_deep_in_the_body():
    body = "Intro line one.\nIntro line two.\nIntro line three.\nIntro line four.\n" + "x " * 300 + "May 19, 2025"
    assert find_reference_date(body) is None


def test_dates_dateline_date_is_a_mention():
    text = "SEOUL, May 19 (Yonhap) -- The ministry said on Friday it signed the deal."
    found = find_dates(text, REF)
    assert [(m.text, m.value) for m in found] == [("May 19", "2025-05-19"), ("Friday", "2025-05-16")]


# --- intervals -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end", [
    ("It happened on Nov. 5, 2024.", "2024-11-05", "2024-11-05"),
    ("It happened in November 2024.", "2024-11-01", "2024-11-30"),
    ("It happened in February 2024.", "2024-02-01", "2024-02-29"),
    ("It happened last week.", "2025-05-12", "2025-05-18"),
    ("It happened in the third quarter of 2024.", "2024-07-01", "2024-09-30"),
    ("It happened in the second half of 2024.", "2024-07-01", "2024-12-31"),
    ("It happened in summer 2024.", "2024-06-01", "2024-08-31"),
    ("It happened in the winter of 2023.", "2023-12-01", "2024-02-29"),
    ("It happened in 2024.", "2024-01-01", "2024-12-31"),
    ("It happened in the 1990s.", "1990-01-01", "1999-12-31"),
    ("It happened last weekend.", "2025-05-17", "2025-05-18"),
])
def test_dates_interval_covers_the_denoted_days(text, start, end):
    m = _one(text)
    assert (m.interval_start, m.interval_end) == (start, end)


def test_dates_interval_is_none_for_refs_and_x_values():
    assert _one("The firm is now profitable.").interval_start is None
    m = _one("The firm signed on Friday.", None)
    assert m.value == "XXXX-XX-XX" and m.interval_start is None and m.interval_end is None


# --- direction cues ------------------------------------------------------------------------------------------

def test_dates_resolves_weekday_against_reference_date():
    assert _one("The firm signed the deal on Friday.").value == "2025-05-16"


def test_dates_future_cue_moves_weekday_forward():
    assert _one("The firm will sign the deal on Friday.").value == "2025-05-23"
    assert _one("The firm expects to sign the deal on Friday.").value == "2025-05-23"


def test_dates_weekday_naming_the_reference_day_is_that_day():
    assert _one("The firm will sign the deal on Monday.").value == "2025-05-19"
    assert _one("The firm signed the deal on Monday.").value == "2025-05-19"


def test_dates_cue_in_another_sentence_does_not_count():
    assert _one("It will rain. The firm signed the deal on Friday.").value == "2025-05-16"


def test_dates_month_without_year_follows_tense():
    assert _one("The firm signed the deal in March.").value == "2025-03"
    assert _one("The firm will sign the deal in March.").value == "2026-03"


def test_dates_cue_lists_are_data_files():
    from qfacts.dates.lexicon import cues, lexicon
    assert "will" in cues()["future"] and "said" in cues()["past"]
    assert lexicon()["months"]["sept"] == 9


# --- no reference date -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("The firm signed on Friday.", "XXXX-XX-XX"),
    ("The firm signed in November.", "XXXX-11"),
    ("The firm signed on Nov. 5.", "XXXX-11-05"),
    ("The firm signed last year.", "XXXX"),
    ("The firm signed last week.", "XXXX-WXX"),
    ("The firm signed in the third quarter.", "XXXX-Q3"),
    ("The firm signed Tuesday night.", "XXXX-XX-XXTNI"),
    ("The firm signed in November 2024.", "2024-11"),
    ("The firm is now profitable.", "PRESENT_REF"),
])
def test_dates_without_reference_date_keeps_x_parts(text, value):
    assert _one(text, None).value == value


# --- false positives ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "You may go now if you like.".replace(" now", ""),
    "May I ask a question?",
    "The company raised $27 million.",
    "The firm cut 2,000 workers.",
    "The firm hired 1500 workers.",
    "Output rose 27 pct to 1.2 million tons.",
    "Protesters march on the capital.",
    "He read The Sun over breakfast.",
    "The deal covers two years of supply.",
    "Staff meet every week to review it.",
    "The plan runs for the next 24 months.",
    "Revenue was 1,998 units.",
    "The fall in prices hurt exporters.",
    "They may well sign soon.",
    "Current account deficits widened.",
    'The senator appeared on the talk show "This Week" to defend the bill.',
    "Thousands joined the March for Jobs in the capital.",
    "The March of the Veterans drew large crowds.",
    "The question matters for today's youth.",
    "Engineers built the machines of tomorrow.",
    "Donors care about the future of the clinic.",
    "Output rose in the year before the merger.",
    "Staff take a mid-afternoon break.",
    "Rates rose 5 and 6 percent.",
    "The strike lasted one day.",
    "The pair set up a venture called Orion 1980, making satellite parts.",
    "The ministry launched the Vision 2030 plan.",
    "She reads the morning paper.",
    "He wrote it in the evening of his life.",
    "Sales fell in the last two quarters.",
])
def test_dates_false_positives_are_not_dates(text):
    assert find_dates(text, REF) == []


# --- offsets and shape -----------------------------------------------------------------------------------

def test_dates_offsets_are_exact_and_sorted():
    text = "On Nov. 5, 2024, the firm said; on Friday, it added that last week\u2019s deal and the 1990s plan (2024-11-05) held."
    found = find_dates(text, REF)
    assert [m.text for m in found] == ["Nov. 5, 2024", "Friday", "last week", "the 1990s", "2024-11-05"]
    for m in found:
        assert text[m.start:m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_dates_offsets_survive_non_ascii_text():
    text = "İstanbul Straße — Ünal said on Friday that ÅÆØ signed in November 2024."
    for m in find_dates(text, REF):
        assert text[m.start:m.end] == m.text


def test_dates_no_leading_preposition_but_determiner_kept():
    assert _one("The launch is planned for the end of 2027.").text == "the end of 2027"
    assert _one("They met on Friday.").text == "Friday"


def test_dates_types_and_mods():
    m = _one("Troops attacked Tuesday night.")
    assert m.type == "TIME" and m.value.endswith("TNI")
    assert _one("The firm was founded in the late 1970s.").mod == "END"
    assert _one("Production starts by the end of 2027.").mod == "END"
    assert _one("Production starts in early 2026.").mod == "START"
    assert _one("Production starts by mid-2026.").mod == "MID"
    assert _one("Profit rose last year.").type == "DATE"


def test_dates_durations_and_sets_are_not_output():
    assert find_dates("The venture will run for three years and meet every week.", REF) == []


def test_dates_sources_do_not_import_spacy():
    """qfacts.dates is pure Python: no module of it imports spaCy (the package root is another matter)."""
    src = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "src/qfacts/dates").glob("*.py"))
    assert "import spacy" not in src and "from spacy" not in src


# --- dev corpus thresholds (needs ../shared) ------------------------------------------------------------

@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason=f"{SHARED} (shared corpora) not available")
@pytest.mark.parametrize("corpus, minimum", [
    ("tempeval3-tbaq/tbaq.jsonl", {"DATE relaxed": 0.95, "DATE strict": 0.85, "DATE value": 0.85}),
    ("modern-partnerships/modern-dev.jsonl", {"DATE value": 0.95}),
    ("duckling-dates/duckling-dev.jsonl", {"DATE relaxed": 0.95, "DATE value": 0.92}),
])
def test_dates_dev_corpus_scores_meet_the_issue_thresholds(tmp_path, corpus, minimum):
    gold = SHARED / "corpora" / corpus
    pred = tmp_path / "pred.jsonl"
    with gold.open(encoding="utf-8") as f, pred.open("w", encoding="utf-8") as out:
        for line in f:
            doc = json.loads(line)
            ref = dt.date.fromisoformat(doc["reference_date"][:10])
            ents = [{"label": "DATE", "start": m.start, "end": m.end, "text": m.text, "value": m.value}
                    for m in find_dates(doc["text"], ref)]
            out.write(json.dumps({"id": doc["id"], "entities": ents, "agreements": []}) + "\n")
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    rows = json.loads(res.stdout)["scores"]
    low = {name: rows[name]["f"] for name, floor in minimum.items() if rows[name]["f"] < floor}
    assert not low, f"below the thresholds {minimum}: {low}"
