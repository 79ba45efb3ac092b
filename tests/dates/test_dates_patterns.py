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


def _token_key(tok: str) -> str:
    return tok if tok[0] != "0" else patterns.DIGITS[min(len(tok), 5) - 1]


def first_tokens(pattern: str) -> set[tuple[str, ...]] | None:
    """Every way a match of ``pattern`` can begin, as the key of its first word (its run of letters, "#d1" ...
    "#d5" for its run of digits, "#apos", "#other") and, after a first word "the", the key of the word after it;
    read off the parsed regex.  None when unbounded (a rule that could start with any word)."""
    out: set[tuple[str, ...]] = set()

    def done(toks: tuple, tok: str, ch: str, rest: list) -> None:
        toks = toks + (_token_key(tok),)
        if toks == ("the",) and ch == " ":
            walk(rest, toks, " ")   # go on to the word after "the"
        else:
            out.add(toks)

    def step(ch: str, rest: list, toks: tuple, cur: str) -> None:
        kind = "a" if "a" <= ch <= "z" else "0" if ch.isdigit() else ch
        if cur == " ":   # between "the" and the next word
            cur = ""
            if kind == " ":
                walk(rest, toks, " ")
                return
        if cur and (kind == cur[0] or (kind == "a" and "a" <= cur[0] <= "z")):
            walk(rest, toks, cur + ("0" if kind == "0" else ch))
        elif cur:
            done(toks, cur, ch, rest)
        elif kind in ("a", "0"):
            walk(rest, toks, "0" if kind == "0" else ch)
        else:
            out.add(toks + ((patterns.APOS if ch in "'\u2019" else "#other"),))

    def walk(items: list, toks: tuple, cur: str) -> None:
        if len(cur) > 40:
            raise _Unbounded("prefix")
        if cur[:1] == "0" and len(cur) > 5:
            cur = cur[:5]
        if not items:
            if not cur.strip():
                raise _Unbounded("empty")
            done(toks, cur, "", [])
            return
        (op, av), rest = items[0], items[1:]
        if op is C.LITERAL:
            step(chr(av), rest, toks, cur)
        elif op is C.IN:
            for ch in sorted(_chars(av)):
                step(ch, rest, toks, cur)
        elif op is C.BRANCH:
            for alt in av[1]:
                walk(list(alt) + rest, toks, cur)
        elif op is C.SUBPATTERN:
            walk(list(av[-1]) + rest, toks, cur)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, item = av
            if lo == 0:
                walk(rest, toks, cur)
            if hi != 0 and not (lo == 0 and (cur == " " or cur[:1] == "0" and len(cur) >= 5)):
                again = (op, (max(lo - 1, 0), hi if hi == C.MAXREPEAT else hi - 1, item))
                walk(list(item) + [again] + rest, toks, cur)
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT, C.GROUPREF):
            walk(rest, toks, cur)
        else:
            raise _Unbounded(op)

    try:
        walk(list(sre_parse.parse(pattern)), (), "")
    except _Unbounded:
        return None
    return out


def first_words(pattern: str) -> set[str] | None:
    tokens = first_tokens(pattern)
    return None if tokens is None else {t[0] for t in tokens}


@pytest.mark.parametrize("name", patterns.RULE_NAMES)
def test_dates_rule_start_words_cover_every_word_the_rule_can_start_with(name):
    words = first_words(dict(patterns.RULES)[name])
    assert words is not None, f"rule {name} can start with any word: it cannot be dispatched by its first word"
    assert "#other" not in words
    missing = words - patterns.STARTS[name]
    assert not missing, f"rule {name} can start with {sorted(missing)}, missing from STARTS[{name!r}]"


def test_dates_position_modifiers_start_with_the_modifier_words():
    assert first_words(patterns.POSMOD) <= patterns.MOD_KEYS


@pytest.mark.parametrize("name", patterns.RULE_NAMES)
def test_dates_words_after_the_cover_every_word_a_rule_can_go_on_with(name):
    followers = {t[1] for t in first_tokens(dict(patterns.RULES)[name]) if t[0] == "the" and len(t) > 1}
    missing = followers - patterns.THE_FOLLOWERS
    assert not missing, f"rule {name} can start with 'the' and then {sorted(missing)}, missing from THE_FOLLOWERS"


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


def test_dates_start_words_are_the_word_starts_some_rule_can_begin_at():
    texts = TEXTS + ["Mayor Maya met the mayday crew at 3pm; an apron, a thew, 'tis Q3's April-May span.",
                     "éfriday x2024 '90s O'Brien earlyish mid-May fyi fy2025 sept. Septembers 12th"]
    for text in texts:
        low = text.translate(patterns.ASCII_LOWER)
        expected = [(w.start(), w.group()) for w in patterns.WORD_START.finditer(low)
                    if w.group()[0].isdigit() or w.group() in patterns.KEY_RULES]
        assert [(w.start(), w.group()) for w in patterns.START_WORD.finditer(low)] == expected, text


def _day_digit_continuations() -> list[str]:
    """What can follow a one- or two-digit run in text: every lexicon word (months, units, ordinals, number
    words) after a space, a separator or nothing, clock and numeric forms, and every single ASCII character."""
    words = set()
    for key in ("months", "weekdays", "ordinals", "number_words", "seasons", "holidays", "parts_of_day"):
        words.update(w.lower() for w in engine.LEX[key] if not w.startswith("_"))
    words.update(["day", "days", "week", "weeks", "fortnight", "month", "months", "year", "years", "decade",
                  "century", "centuries", "quarter", "quarters", "hour", "hours", "minutes", "of", "in", "the",
                  "a.m.", "p.m.", "am", "pm", "o'clock", "o\u2019clock", "q", "h", "q1", "st", "nd", "rd", "th",
                  "points", "percent", "million", "gmt"])
    tails = [" ago", " in the morning", " in the evening", " century", " quarter", " 1996", ", 1996", " of march",
             "", " est", " (gmt) friday", " later", "/1996", "-1996", ".1996"]
    out = {chr(c) for c in range(32, 127)} | {"\n", "\t"}
    for w in words:
        for sep in (" ", "", "-", "/", ".", "\n", "  "):
            for tail in tails:
                out.add(sep + w + tail)
    for a in ("1", "5", "12", "30", "1996", "96"):
        for sep in "-/.:":
            out.update({sep + a, sep + a + sep + "96", sep + a + sep + "1996", sep + a + " p.m.", sep + a + " gmt"})
    return sorted(out)


@pytest.mark.parametrize("run", ["1", "3", "5", "9", "01", "12", "21", "23", "30", "31", "45", "99"])
def test_dates_day_digit_filter_lets_through_every_run_a_rule_can_match(run):
    """DAY_DIGIT_NEXT is a necessary condition: wherever a rule that can start with one or two digits matches at
    the run, the filter passes what follows the run (else the scan would lose dates)."""
    rules = patterns.DIGIT_RULES[len(run) - 1]
    rx = patterns.scanner(rules)
    missed = []
    for tail in _day_digit_continuations():
        if tail[:1].isdigit():
            continue   # the run would be longer
        low = (run + tail).translate(patterns.ASCII_LOWER)
        if rx.match(low, 0) is not None and patterns.DAY_DIGIT_NEXT.match(low, len(run)) is None:
            missed.append(run + tail)
    assert missed == []


def test_dates_day_digit_filter_skips_scores_and_amounts():
    for text in ("3-1", "21 goals", "1.5 percent", "12 runs", "7 ,"):
        run = re.match(r"\d+", text).group()
        assert patterns.DAY_DIGIT_NEXT.match(text, len(run)) is None, text
    assert [m.text for m in find_dates("They won 3-1 on 21 March after 10 years of trying, 5 years ago.")] == [
        "21 March", "5 years ago"]


def _cue_texts() -> list[str]:
    """Texts around every tense cue word: at a word start, inside a word, after an apostrophe, a digit, an
    upper-case letter, in lower case as the scan reads them."""
    words = [w for key in ("future", "past", "past_suffix_exceptions", "report_verbs", "future_prepositions")
             for w in engine.CUES[key]] + ["walked", "needed", "bed", "speeded", "'ll", "\u2019ll", "we'll"]
    out = []
    for w in words:
        for before in ("", " ", "x", "'", "9", "-", "\n", "we", "a.", "Q"):
            for after in ("", " ", "x", "'", ".", " by the end of ", " early  ", "ed"):
                out.append((before + w + after).lower())
    return out + [t.translate(patterns.ASCII_LOWER) for t in TEXTS]


def test_dates_tense_cue_scan_finds_what_its_alternatives_alone_find():
    """_CUE_RE's leading tests (no word character before, a letter or an apostrophe first) only spare the regex
    engine work: every match and the alternative it came from are those of the alternatives alone."""
    plain = re.compile(engine._CUE_RE.pattern.split("(?:", 1)[1][:-1])
    assert plain.pattern.startswith("(?P<fut>")
    texts = _cue_texts()
    for text in texts:
        for pos in (0, 1, 3):
            assert [(m.span(), m.lastgroup) for m in engine._CUE_RE.finditer(text, pos)] == \
                [(m.span(), m.lastgroup) for m in plain.finditer(text, pos)], text


def test_dates_previous_word_is_found_as_without_the_word_start_test():
    plain = re.compile(engine._PREV_WORD.pattern.replace("(?<![a-z])", "", 1))
    for text in _cue_texts() + ["", "   ", "by\n", "until  the end of  ", "abc123", "by mid-", "before early "]:
        a, b = engine._PREV_WORD.search(text), plain.search(text)
        assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1))), text


def test_dates_the_goes_on_exactly_where_a_modifier_or_a_follower_comes_next():
    """THE_GOES_ON, one regex, passes a "the" exactly when a position modifier starts there or THE_NEXT reads a
    word whose key is in THE_FOLLOWERS (the two tests the scan made before)."""
    followers = sorted(w for w in patterns.THE_FOLLOWERS if w.isalpha())
    texts = TEXTS + [
        "the end of the year, the very start of 1996, the 3rd and the 21st; the '90s, the 1990s, the 12345 votes.",
        "the\nfirst quarter, the  second half, the firstly, the 123 pages, the \u00e9t\u00e9, THE END OF MAY, the",
        "the company said the turn of the century the tail end of the latter part of the \u2019s",
    ] + [f"the {w} the {w}s the {w}1 the {w[:-1]}" for w in followers]
    seen = 0
    for text in texts:
        low = text.translate(patterns.ASCII_LOWER)
        for w in patterns.START_WORD.finditer(low):
            if w.group() != "the":
                continue
            seen += 1
            nxt = patterns.THE_NEXT.match(low, w.start())
            goes_on = patterns.MOD_RE.match(low, w.start()) is not None or (
                nxt is not None and patterns.word_key(nxt.group(1)) in patterns.THE_FOLLOWERS)
            assert (patterns.THE_GOES_ON.match(low, w.start()) is not None) == goes_on, (text, w.start())
    assert seen > 4 * len(followers)


def test_dates_previous_run_is_found_as_without_the_run_start_tests():
    plain = re.compile(r"([a-z]+|\d+)[^a-z\d]*$")
    texts = _cue_texts() + ["", " ", "ab12", "12ab", "ab12 ,", "x9y8 .", "\u0663\u0664 (", "abc\n", "a1b2c3!!",
                            "on march 5 ,", "1996-08-30 ", "\u00e9t\u00e9 ", "say 12 ", "'s "]
    for text in texts:
        for cut in range(0, len(text) + 1, max(1, len(text) // 7)):
            piece = text[:cut]
            a, b = engine._PREV_RUN.search(piece), plain.search(piece)
            assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1))), piece
