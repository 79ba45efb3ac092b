"""The date grammar's scan: patterns are tried only at word starts that can begin a date, with the same result as
the whole alternation tried at every position."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from re import _constants as C
from re import _parser as sre_parse

import pytest
from date_cases import CASES, RELATIVE_EXPRESSIONS

from qfacts.dates import engine, find_dates, patterns


class _Unbounded(Exception):
    pass


def _chars(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out.add("0")
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            out.add(" ")
        else:
            raise _Unbounded(op)
    return out


def first_words(pattern: str) -> set[str] | None:
    """Every key a match of ``pattern`` can start with (its first run of letters, "#digit" or "#apos"), read off
    the parsed regex; None when unbounded (a rule that could start with any word)."""
    out: set[str] = set()

    def step(ch: str, rest: list, prefix: str) -> None:
        if "a" <= ch <= "z":
            walk(rest, prefix + ch)
        elif prefix:
            out.add(prefix)
        else:
            out.add(patterns.DIGIT if ch.isdigit() else patterns.APOS if ch in "'\u2019" else "#other")

    def walk(items: list, prefix: str) -> None:
        if len(prefix) > 40:
            raise _Unbounded("prefix")
        if not items:
            if not prefix:
                raise _Unbounded("empty")
            out.add(prefix)
            return
        (op, av), rest = items[0], items[1:]
        if op is C.LITERAL:
            step(chr(av), rest, prefix)
        elif op is C.IN:
            for ch in sorted(_chars(av)):
                step(ch, rest, prefix)
        elif op is C.BRANCH:
            for alt in av[1]:
                walk(list(alt) + rest, prefix)
        elif op is C.SUBPATTERN:
            walk(list(av[-1]) + rest, prefix)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, item = av
            if lo == 0:
                walk(rest, prefix)
            if hi != 0:
                again = (op, (max(lo - 1, 0), hi if hi == C.MAXREPEAT else hi - 1, item))
                walk(list(item) + [again] + rest, prefix)
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            walk(rest, prefix)
        else:
            raise _Unbounded(op)

    try:
        walk(list(sre_parse.parse(pattern)), "")
    except _Unbounded:
        return None
    return out


@pytest.mark.parametrize("name", patterns.RULE_NAMES)
def test_dates_rule_start_words_cover_every_word_the_rule_can_start_with(name):
    words = first_words(dict(patterns.RULES)[name])
    assert words is not None, f"rule {name} can start with any word: it cannot be dispatched by its first word"
    assert "#other" not in words
    missing = words - patterns.STARTS[name]
    assert not missing, f"rule {name} can start with {sorted(missing)}, missing from STARTS[{name!r}]"


def test_dates_position_modifiers_start_with_the_modifier_words():
    assert first_words(patterns.POSMOD) <= patterns.MOD_KEYS


_FULL = re.compile(rf"(?<![\w'\u2019])(?:(?P<mod>{patterns.POSMOD}))?"
                   rf"(?:{'|'.join(f'(?P<r_{n}>{p})' for n, p in patterns.RULES)})(?![\w])")


def _full_alternation_at(low, p, word, rules):
    return _FULL.match(low, p)


TEXTS = [sentence for sentence, *_ in CASES] + [f"It happened {e}. It will happen {e}." for e in RELATIVE_EXPRESSIONS] + [
    "Earlier Sunday the firm said it signed later that year, in mid-1990s style, on 5/19/25 at 10:35 a.m. (0735 GMT).",
    "The very end of the 1990s, early this week, late last year, the end of the third quarter of 2024, mid-afternoon.",
    "From Q3 to 3Q 2024 and H1 2025, fiscal 1989, FY2025, the '90s, the nineties, Valentine's Day, St. Patrick's Day.",
    "ACME (NYSE: ACM) rose 5 pct to 1,998 on Jan. 5th; year-end, year's end, the year-ago quarter, 2024-11-05T14:30.",
]


@pytest.mark.parametrize("ref", [dt.date(2025, 5, 19), None])
def test_dates_scan_at_word_starts_finds_what_the_whole_grammar_finds(monkeypatch, ref):
    expected = {}
    with monkeypatch.context() as mp:
        mp.setattr(engine, "_match_at", _full_alternation_at)
        for text in TEXTS:
            expected[text] = find_dates(text, ref)
    for text in TEXTS:
        assert find_dates(text, ref) == expected[text], text


def test_dates_import_compiles_no_big_regex():
    code = ("import qfacts.dates, qfacts.dates.patterns as p; assert not p._SCANNERS, p._SCANNERS; "
            "qfacts.dates.find_dates('It rained on May 5, 2024.'); assert p._SCANNERS")
    subprocess.run([sys.executable, "-c", code], check=True)
