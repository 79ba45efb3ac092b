"""find_dates: scan with the master regex, then normalise each match to a TIMEX3 value.

The scan is one pass of a compiled regex over the ASCII-lower-cased text (same offsets); the per-match
Python work (filters, direction cues, calendar arithmetic) only runs for the few hundred candidates.
"""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from typing import Callable

from . import DateMention
from .calendar import (OutOfCalendar, add_days, add_months, add_weeks, check_year, easter, granularity, interval,
                       last_day, make_date, nth_weekday, quarter_of, season_bounds, shift_quarter, shift_value, v_century, v_day, v_decade,
                       v_month, v_quarter, v_season, v_week, v_year)
from .lexicon import alternation, cues, lexicon
from .patterns import (ASCII_LOWER, DAY_DIGIT_NEXT, DIGIT_RULES, KEY_RULES, MOD_KEYS, MOD_RE, MODDABLE, MONTH as MONTH_RE, RULE_NAMES,
                       START_WORD, THE_FOLLOWERS, THE_GOES_ON, THE_NEXT, scanner, word_key)

LEX = lexicon()
CUES = cues()
MONTHS: dict[str, int] = {k: v for k, v in LEX["months"].items()}
WEEKDAYS: dict[str, int] = LEX["weekdays"]
SEASONS: dict[str, str] = LEX["seasons"]
ORDINALS: dict[str, int] = {**LEX["ordinals"], "final": 4, "last": 4}
NUMBERS: dict[str, float] = LEX["number_words"]
POS_MODS: dict[str, str] = LEX["position_mods"]
APPROX_MODS: dict[str, str] = LEX["approx_words"]
PARTS: dict[str, str] = LEX["parts_of_day"]
REF_WORDS: dict[str, str] = LEX["ref_words"]
REF_BLOCKERS: dict[str, list[str]] = LEX["ref_word_blockers"]
COUNT_NOUNS = set(LEX["count_nouns"])
OLD_YEAR_CUES = set(LEX["old_year_cues"])
MONTH_PREV_OK = set(LEX["month_alone_prev_ok"])
SEASON_PREV_OK = set(LEX["season_bare_prev_ok"])
AMBIG = LEX["ambiguous_months"]
MODAL_FOLLOWERS = set(AMBIG["modal_followers"])
MARCH_CUES = set(AMBIG["march_noun_cues"])
HOLIDAYS = LEX["holidays"]
DECADE_WORDS: dict[str, int] = LEX["decade_words"]
SP_TENS, SP_DECADES, SP_UNITS = LEX["spelled_year_tens"], LEX["spelled_year_decades"], LEX["spelled_year_units"]

_WS = re.compile(r"\s+")
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?|\d+")
_NEXT_WORD = re.compile(r"\s*([a-z]+|\d+)")
_SENT_BREAK = re.compile(r"[.!?][\"'\u201d)]?\s+(?=[\"'\u201c(]?[A-Z0-9])|\n\s*\n|[;\u2014]|--")


def _cue_regex(words: list[str]) -> str:
    return r"(?<![\w'])" + alternation(words) + r"(?![\w'])"


# (every alternative starts a word with a letter or an apostrophe: the first two tests, which all three imply, let
# the regex engine pass over the other positions without trying each alternative)
_CUE_RE = re.compile(rf"(?<!\w)(?=[a-z'\u2019])(?:"
                     rf"(?P<fut>{_cue_regex(CUES['future'])})|(?P<past>{_cue_regex(CUES['past'])})"
                     rf"|(?P<ed>\b[a-z]{{3,}}(?:{'|'.join(CUES['past_suffixes'])})\b)"
                     rf")")
_FUT_PREP = set(CUES["future_prepositions"])
_REPORT = set(CUES["report_verbs"])
# (the leftmost match begins a run of letters: the look-behind spares trying it from inside each word)
_PREV_WORD = re.compile(r"(?<![a-z])([a-z]+)\s*(?:early\s+|late\s+|mid-?\s*|the\s+end\s+of\s+)?$")
_ED_EXCEPT = set(CUES["past_suffix_exceptions"])
# the last run of letters or digits and what follows it to the end: r"([a-z]+|\d+)[^a-z\d]*$", tried only where a run
# of its kind begins (its leftmost match begins there)
_PREV_RUN = re.compile(r"((?<![a-z])[a-z]+|(?<!\d)\d+)[^a-z\d]*$")
# a participle after a present/infinitive form of "be"/"have" ("will be named") is no past-tense cue
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|am|to)\s+$")
_HAD = re.compile(r"\bhad\b|\b(?:he|she|it|they|we|i|you)['\u2019]d\s+(?:not\s+|never\s+|already\s+)?(?:been|[a-z]+ed)\b")
_TO_BE = re.compile(r"\bto\s+be\s+$")
_PAST_PLAN = {"planned to", "planned"}
_FUT_MARK = object()
_PAST_MARK = object()
_FUT_UNDONE = re.compile(r"\b(?:had\s+been|had|previously)\s+$")
_MULTI_MONTH = re.compile(r"\b(?:the|first|latest|past)\s+(?:nine|six|9|6)\s+months\b|\byear[-\s]to[-\s]date\b")


_YEAR_AGO_DET = re.compile(r"\byear[-\s](?:ago|earlier)\b")
_ENDED_RE = re.compile(rf"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|through)\s+({MONTH_RE})\s+\d")


class _Ctx:
    """Per-document state: texts, reference date and the last resolved calendar anchor."""

    def __init__(self, text: str, low: str, ref: dt.date | None):
        self.text, self.low, self.ref = text, low, ref
        self.anchor: str | None = None       # last resolved calendar value (for "a year earlier", "that day")
        self.anchor_q: str | None = None     # last resolved quarter value (for "the quarter", "a year ago")
        self.anchor_q_pos = -1               # where that quarter was named
        self.last_q: str | None = None       # the quarter named last, whatever it is (for "that quarter")
        self.anchor_deictic = False          # the anchor is a day named from the reference date ("yesterday")

    # -- direction of an unanchored relative date from tense cues in its sentence --------------------------
    def direction(self, start: int, end: int, skip_report: bool = False) -> int:
        """+1 future, -1 past, 0 no cue (callers apply the default).

        With ``skip_report`` the reporting verbs ("said", "announced") are no cue: the tense of the event itself."""
        low = self.low
        a = max(0, start - 140)
        before = low[a:start]
        breaks = list(_SENT_BREAK.finditer(self.text, a, start))
        if breaks:
            before = low[breaks[-1].end():start]
        last = None
        for m in _CUE_RE.finditer(before):
            if m.lastgroup in ("ed", "past"):
                if m.lastgroup == "ed" and m.group() in _ED_EXCEPT:
                    continue
                if skip_report and m.group() in _REPORT:
                    continue
                if _PASSIVE.search(before, 0, m.start()):   # "will be paid", "to be held": participles
                    if _TO_BE.search(before, 0, m.start()):
                        last = _FUT_MARK   # "to be published in May": a passive infinitive points ahead
                    continue
            if m.lastgroup == "fut" and _FUT_UNDONE.search(before, 0, m.start()):
                last = _PAST_MARK   # "had been scheduled to expire Friday", "as previously planned": a plan in the past
                continue
            last = m
        after_end = min(len(low), end + 80)
        b = _SENT_BREAK.search(self.text, end, after_end)
        after = low[end:b.start() if b else after_end]
        prev = _PREV_WORD.search(before)
        if prev and prev.group(1) in _FUT_PREP:
            if _HAD.search(before) or _HAD.search(after):
                return -1   # "had filed reports by Wednesday", "until Friday they had not": a limit already past
            return 1   # "by May", "until Friday": a limit lies ahead
        if last is _FUT_MARK:
            return 1
        if last is _PAST_MARK:
            return -1
        if last is not None:
            return 1 if last.lastgroup in ("fut", "inf") else -1
        for m in _CUE_RE.finditer(after):
            if m.lastgroup == "ed" and m.group() in _ED_EXCEPT:
                continue
            if skip_report and m.group() in _REPORT:
                continue
            if m.lastgroup == "fut" and m.group() in _PAST_PLAN:
                return -1   # "On Friday, the government planned to pay": the date is when the plan was made
            return 1 if m.lastgroup in ("fut", "inf") else -1
        return 0

    def multi_month(self, pos: int) -> bool:
        """A multi-quarter period ("the first nine months") was named after the last quarter and before ``pos``:
        a year-ago comparison then refers to the year, not to the quarter."""
        a = max(self.anchor_q_pos, pos - 400, 0)
        return _MULTI_MONTH.search(self.low, a, pos) is not None

    def dir_default(self, start: int, end: int) -> int:
        d = self.direction(start, end)
        return d if d else (1 if CUES["default_direction"] == "future" else -1)

    def prev_word(self, pos: int) -> str:
        m = _PREV_RUN.search(self.low[max(0, pos - 25):pos])
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD.match(self.low, pos)
        return m.group(1) if m else ""


# ---------------------------------------------------------------------------------------------------------------
# small parsers
# ---------------------------------------------------------------------------------------------------------------

def _month(tok: str) -> int:
    return MONTHS[tok.rstrip(".").lower()]


def _weekday(tok: str) -> int:
    return WEEKDAYS[tok.rstrip(".").lower()]


def _day(tok: str) -> int:
    """A day of the month or an ordinal, numbered ("5", "5th") or spelled ("fifth", "twenty first")."""
    if tok[0].isdigit():
        return int(re.match(r"\d+", tok).group())
    return ORDINALS[_norm(tok).replace(" ", "-")]


def _norm(s: str) -> str:
    return _WS.sub(" ", s.strip().lower())


def _number(tok: str) -> float | None:
    t = _norm(tok)
    if t.isdigit():
        return int(t)
    if t in NUMBERS:
        return NUMBERS[t]
    parts = re.split(r"[-\s]", t)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def _spelled_year(s: str) -> int | None:
    words = [w for w in re.split(r"[-\s]+", _norm(s)) if w != "and"]
    if not words:
        return None
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        base = 2000
    elif words[0] in SP_TENS:
        base = SP_TENS[words[0]] * 100
        rest = words[1:]
        if rest and rest[0] == "hundred":
            rest = rest[1:]
    else:
        return None
    n = 0
    for w in rest:
        if w in SP_DECADES:
            n += SP_DECADES[w]
        elif w in SP_UNITS:
            n += SP_UNITS[w]
        else:
            return None
    return base + n


def _rel_year(s: str, ctx: _Ctx) -> int | None:
    """Year of 'this year', 'last year', 'next year'; None without a reference date."""
    if ctx.ref is None:
        return None
    t = _norm(s)
    if t.startswith(("last", "the previous")):
        return ctx.ref.year - 1
    if t.startswith(("next", "the following")):
        return ctx.ref.year + 1
    return ctx.ref.year


def _year_for(ctx: _Ctx, key: tuple, ref_key: tuple, rel: str | None, start: int, end: int) -> int:
    """Year of a month / month-day / quarter without a year, from a relative word or the sentence tense."""
    ref = ctx.ref
    if rel in ("last", "past", "this past"):
        return ref.year if key < ref_key else ref.year - 1
    if rel in ("next", "coming", "this coming"):
        return ref.year if key > ref_key else ref.year + 1
    if rel == "this" or key == ref_key:
        return ref.year
    d = ctx.direction(start, end)
    if d == 0:
        return _closest_year(ref, key[0], key[1] if len(key) > 1 else 15)
    if d > 0:
        return ref.year if key > ref_key else ref.year + 1
    return ref.year if key < ref_key else ref.year - 1


FAR_DAYS = 120  # a month-day nearer than this to the reference date is read in the nearest year


def _closest_year(ref: dt.date, mo: int, d: int) -> int:
    """Year putting month ``mo`` day ``d`` nearest to the reference date (news names days close to its own)."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            dist = abs((make_date(y, mo, d) - ref).days)
        except ValueError:   # OutOfCalendar too: a year the calendar does not hold is no candidate
            continue
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else ref.year


def _period_year(ref: dt.date, n: int, per_year: int, future: bool = False) -> int:
    """Year of quarter/half ``n`` named without a year: the nearest such period to the reference date,
    with later periods penalised (news mostly reports on periods that have ended or are under way) -- or, when
    the sentence speaks of the future (``future``), earlier ones ("will be held in the third quarter": the next
    one).  A tie goes to the earlier period, or to the later one in the future."""
    cur = ref.year * per_year + (ref.month - 1) * per_year // 12
    best = None
    for y in _years_around(ref.year):
        k = y * per_year + n - 1
        cost = abs(k - cur) + (per_year // 2 if (k < cur if future else k > cur) else 0)
        if best is None or cost < best[0] or (future and cost == best[0]):
            best = (cost, y)
    return best[1]


def _resolve_weekday(ctx: _Ctx, wd: int, rel: str | None, start: int, end: int) -> dt.date:
    ref = ctx.ref
    diff = wd - ref.weekday()
    if rel in ("last", "past", "this past"):
        return add_days(ref, (diff % 7) - 7 if diff % 7 else -7)
    if rel in ("next", "coming", "this coming"):
        return add_days(ref, (diff % 7) or 7)
    if rel == "this":
        return add_days(ref, diff)
    if diff == 0:
        return ref
    if ctx.dir_default(start, end) > 0:
        return add_days(ref, diff % 7)
    return add_days(ref, -((-diff) % 7))


# ---------------------------------------------------------------------------------------------------------------
# rule handlers: (match, ctx, core_start) -> (value, mod) or None to reject
# ---------------------------------------------------------------------------------------------------------------
Result = tuple  # (value, mod) or (value, mod, new_start, new_end)


def _capitalised(ctx: _Ctx, pos: int) -> bool:
    return ctx.text[pos].isupper()


def h_iso(m, ctx, s):
    y, mo, d = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        return None
    if m["iso_h"]:
        return f"{v_day(day)}T{m['iso_h']}:{m['iso_min']}", None
    return v_day(day), None


def h_num(m, ctx, s):
    a, b, y = int(m["num_a"]), int(m["num_b"]), m["num_y"]
    year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
    mo, d = (a, b) if a <= 12 else (b, a)   # US month-first, day-first when the first number is over 12
    if m["num_s"] != "/" and len(y) == 2:
        return None   # 1.5.25 is more likely a version / score, 1-5-25 a score or a code
    try:
        return v_day(dt.date(year, mo, d)), None
    except ValueError:
        return None


def _two_digit_year(y: str) -> int:
    return int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))


def h_ym(m, ctx, s):
    """"2014-10": the month; "2009-10" (the second number just after the first's last two digits) is a span of
    years, as in "the 2009-10 season", and no date."""
    y, mo = int(m["ym_y"]), int(m["ym_m"])
    if mo > y % 100:
        return None
    return v_month(y, mo), None


def h_myn(m, ctx, s):
    return v_month(int(m["myn_y"]), int(m["myn_m"])), None


def _day_value(y: int, mo: int, d: int):
    """(value, None) of a calendar day, None when the month has no such day (31 April); OutOfCalendar still raises."""
    try:
        return v_day(make_date(y, mo, d)), None
    except OutOfCalendar:
        raise
    except ValueError:
        return None


def h_dmyn(m, ctx, s):
    return _day_value(_two_digit_year(m["dmyn_y"]), _month(m["dmyn_m"]), int(m["dmyn_d"]))


def h_mdyn(m, ctx, s):
    return _day_value(int(m["mdyn_y"]), _month(m["mdyn_m"]), int(m["mdyn_d"]))


def _date_for_dayword(ctx: _Ctx, word: str, start: int, end: int) -> dt.date | None:
    w = _norm(word)
    if ctx.ref is None:
        return None
    if w in WEEKDAYS or w.rstrip(".") in WEEKDAYS:
        return _resolve_weekday(ctx, _weekday(w), None, start, end)
    offs = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    return add_days(ctx.ref, offs.get(w, 0))


def h_time(m, ctx, s):
    if m["time_noon"]:
        hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["time_noon"]]
    elif m["time_ampm"]:
        h = int(m["time_h"])
        if h > 12 or h == 0:
            return None
        pm = m["time_ampm"].startswith("p")
        h = (h % 12) + (12 if pm else 0)
        hm = f"{h:02d}:{m['time_min'] or '00'}"
    else:
        hm = f"{int(m['time_hh']):02d}:{m['time_mm']}"
    mod = "APPROX" if m["time_approx"] else None
    if m["time_wd"] and m["time_wd"] != "tonight" and not _capitalised(ctx, m.start("time_wd")) and m["time_wd"][0] not in "ty":
        return None
    day = _date_for_dayword(ctx, m["time_wd"] or "today", m.start("r_time"), m.end("r_time"))
    return (f"{v_day(day) if day else 'XXXX-XX-XX'}T{hm}", mod)


def h_cip(m, ctx, s):
    """"4 in the morning", "9 o'clock in the evening": a clock time on the reference date (or the day named after it)."""
    h = int(m["cip_h"])
    part = _norm(m["cip_p"])
    if part == "morning":
        h = 0 if h == 12 else h
    elif h != 12:
        h += 12
    day = v_day(ctx.ref) if ctx.ref else "XXXX-XX-XX"
    return f"{day}T{h:02d}:00", None


def h_wdmd(m, ctx, s):
    return _md(ctx, m["wdmd_m"], m["wdmd_d"], m["wdmd_y"], m.start("wdmd_m"), m.start("r_wdmd"), m.end("r_wdmd"),
               wd=_weekday(m["wdmd_wd"]))


def h_wddm(m, ctx, s):
    return _md(ctx, m["wddm_m"], m["wddm_d"], m["wddm_y"], m.start("wddm_m"), s, m.end("r_wddm"),
               wd=_weekday(m["wddm_wd"]))


def _month_days(ctx: _Ctx, d: int, span: int = 28):
    """The dates with day of month ``d`` in the months from ``span`` before to ``span`` after the reference month."""
    ref = ctx.ref
    k0 = ref.year * 12 + ref.month - 1
    for k in range(k0 - span, k0 + span + 1):
        try:
            yield make_date(k // 12, k % 12 + 1, d)
        except ValueError:   # a month without that day, or outside the calendar
            continue


def h_wdd(m, ctx, s):
    """"Tuesday the 19th": the 19th that is a Tuesday, the next one ahead or the last one past as the sentence
    says (else the nearest)."""
    if not _capitalised(ctx, m.start("wdd_wd")):
        return None
    d, wd = _day(m["wdd_d"] or m["wdd_d2"]), _weekday(m["wdd_wd"])
    if not 1 <= d <= 31:
        return None
    if ctx.ref is None:
        return f"XXXX-XX-{d:02d}", None
    days = [x for x in _month_days(ctx, d) if x.weekday() == wd] or list(_month_days(ctx, d, 1))
    if not days:
        raise OutOfCalendar("no such day near the reference date")
    ref, direction = ctx.ref, ctx.direction(s, m.end("r_wdd"))
    ahead = [x for x in days if x >= ref]
    past = [x for x in days if x <= ref]
    if direction > 0 and ahead:
        day = ahead[0]
    elif direction < 0 and past:
        day = past[-1]
    else:
        day = min(days, key=lambda x: (abs((x - ref).days), x < ref))
    return v_day(day), None


_WEEK_OFFSETS = {"this": 0, "next": 1, "last": -1, "the following": 1, "the previous": -1, "the same": 0}


def h_wdw(m, ctx, s):
    """"Wednesday of next week", "Monday this week": that weekday of the (ISO) week named."""
    if not _capitalised(ctx, m.start("wdw_wd")):
        return None
    rel = _norm(m["wdw_rel"])
    base = ctx.ref
    if rel.startswith("the") and ctx.anchor and granularity(ctx.anchor) == "D":
        base = dt.date.fromisoformat(ctx.anchor[:10])   # "Friday of the following week": after the day last named
    if base is None:
        return "XXXX-XX-XX", None
    monday = add_days(base, -base.weekday())
    return v_day(add_days(add_weeks(monday, _WEEK_OFFSETS[rel]), _weekday(m["wdw_wd"]))), None


def h_md(m, ctx, s):
    return _md(ctx, m["md_m"], m["md_d"], m["md_y"], m.start("md_m"), s, m.end("r_md"))


def h_dm(m, ctx, s):
    return _md(ctx, m["dm_m"], m["dm_d"] or m["dm_sp"], m["dm_y"], m.start("dm_m"), s, m.end("r_dm"))


_NTH_REL = {"this": 0, "the": 0, "next": 1, "the following": 1, "last": -1, "the previous": -1}


def _nth_day(unit: str, n: int, y: int, mo: int | None) -> str | None:
    """The value of the n-th (-1: last) weekday (0-6), "day" or "week" of month ``mo`` of ``y`` (of the year when
    ``mo`` is None); None when the period has no such day.  A week of a month is a Monday-to-Sunday week inside it
    ("the first week of October" starts on its first Monday); a week of a year is its ISO week."""
    if mo is not None:
        first, last = make_date(y, mo, 1), last_day(y, mo)
    else:
        first, last = make_date(y, 1, 1), make_date(y, 12, 31)
    if unit == "day":
        day = add_days(first, n - 1) if n > 0 else last
    elif unit == "week":
        if mo is None:
            weeks = dt.date(y, 12, 28).isocalendar()[1]
            if n > weeks:
                return None
            return f"{check_year(y):04d}-W{(n if n > 0 else weeks):02d}"
        if n > 0:
            day = add_weeks(add_days(first, (-first.weekday()) % 7), n - 1)
            if add_days(day, 6) > last:
                return None
        else:
            sunday = add_days(last, -((last.weekday() + 1) % 7))
            day = add_days(sunday, -6)
        return v_week(day)
    else:
        wd = WEEKDAYS[unit]
        if n > 0:
            day = add_weeks(add_days(first, (wd - first.weekday()) % 7), n - 1)
        else:
            day = add_days(last, -((last.weekday() - wd) % 7))
    if not first <= day <= last:
        return None
    return v_day(day)


def h_nth(m, ctx, s):
    """"the first Tuesday of October", "the last day of October 2015", "the second Monday of last month", "the
    third day of October", "the first week of next month": a day (or week) counted inside a month or a year."""
    word = _norm(m["nth_n"])
    n = -1 if word in ("last", "final") else _day(word)
    unit = _norm(m["nth_u"]).rstrip(".")
    if unit not in ("day", "week"):
        if not _capitalised(ctx, m.start("nth_u")):
            return None
        unit = {k: k for k in WEEKDAYS}.get(unit, unit)
        if n > 5:
            return None
    elif unit == "week" and n > 5 and not (m["nth_y2"] or m["nth_ru"] == "year"):
        return None
    if m["nth_m"]:
        if not _capitalised(ctx, m.start("nth_m")):
            return None
        mo = _month(m["nth_m"])
        if m["nth_y"]:
            y = int(m["nth_y"])
        elif ctx.ref is None:
            return ("XXXX-WXX" if unit == "week" else f"XXXX-{mo:02d}-XX"), None
        else:
            here = _nth_day(unit, n, ctx.ref.year, mo)
            if here is None:
                return None
            key = (mo, 15) if unit == "week" else (mo, int(here[8:10]))
            y = _year_for(ctx, key, (ctx.ref.month, ctx.ref.day), None, s, m.end("r_nth"))
    elif m["nth_y2"]:
        y, mo = int(m["nth_y2"]), None
    else:
        if ctx.ref is None:
            return ("XXXX-WXX" if unit == "week" else "XXXX-XX-XX"), None
        off = _NTH_REL[_norm(m["nth_rel"])]
        if _norm(m["nth_ru"]) == "year":
            y, mo = ctx.ref.year + off, None
        else:
            d = add_months(ctx.ref.replace(day=1), off)
            y, mo = d.year, d.month
    if unit not in ("day", "week"):
        unit = str(WEEKDAYS[unit])
        value = _nth_day_weekday(int(unit), n, y, mo)
    else:
        value = _nth_day(unit, n, y, mo)
    return (value, None) if value else None


def _nth_day_weekday(wd: int, n: int, y: int, mo: int | None) -> str | None:
    if mo is not None:
        first, last = make_date(y, mo, 1), last_day(y, mo)
    else:
        first, last = make_date(y, 1, 1), make_date(y, 12, 31)
    if n > 0:
        day = add_weeks(add_days(first, (wd - first.weekday()) % 7), n - 1)
    else:
        day = add_days(last, -((last.weekday() - wd) % 7))
    return v_day(day) if first <= day <= last else None


_DOM_PREPS = {"on", "by", "until", "till", "from", "before", "after", "since", "through", "between", "and", "to"}
_ORDINAL_NOUN_CUES = frozenset(LEX["ordinal_noun_cues"]["words"])


def _counts_other_things(ctx: _Ctx, start: int, end: int) -> bool:
    """The sentence of a bare ordinal speaks of holes, laps, rounds, minutes or places ("a birdie on the 16th"):
    the ordinal counts those, not the days of a month."""
    a = max(0, start - 120)
    brk = list(_SENT_BREAK.finditer(ctx.text, a, start))
    a = brk[-1].end() if brk else a
    b = _SENT_BREAK.search(ctx.text, end, min(len(ctx.text), end + 60))
    window = ctx.low[a:b.start() if b else min(len(ctx.low), end + 60)]
    return any(w in _ORDINAL_NOUN_CUES for w in _WORD.findall(window))


def h_dom(m, ctx, s):
    """"(on) the 15th", "the 2nd of next month": a day of the month the sentence means.  A bare ordinal is a date
    only after a preposition of time and before the end of its phrase ("on the 15th.", "by the 3rd and")."""
    d = _day(m["dom_d"] or m["dom_d2"])
    if not 1 <= d <= 31:
        return None
    if m["dom_rel"]:
        if ctx.ref is None:
            return f"XXXX-XX-{d:02d}", None
        first = add_months(ctx.ref.replace(day=1), _NTH_REL[_norm(m["dom_rel"])])
        return _day_value(first.year, first.month, d)
    if ctx.prev_word(s) not in _DOM_PREPS or _counts_other_things(ctx, s, m.end("r_dom")):
        return None
    if ctx.ref is None:
        return f"XXXX-XX-{d:02d}", None
    days = list(_month_days(ctx, d, 2))
    ref = ctx.ref
    if ctx.dir_default(s, m.end("r_dom")) > 0:
        ahead = [x for x in days if x >= ref]
        if not ahead:
            raise OutOfCalendar("no such day ahead")
        return v_day(ahead[0]), None
    past = [x for x in days if x <= ref]
    if not past:
        raise OutOfCalendar("no such day before")
    return v_day(past[-1]), None


def _md(ctx, mtok, dtok, ytok, mpos, start, end, wd=None):
    if not _capitalised(ctx, mpos):
        return None
    mo, d = _month(mtok), _day(dtok)
    if ytok:
        y = int(ytok)
    elif ctx.ref is not None:
        if wd is not None:
            # choose the year (ref year +-1) whose date falls on the weekday given
            for cand in (ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1):
                try:
                    if make_date(cand, mo, d).weekday() == wd:
                        y = cand
                        break
                except ValueError:
                    pass
            else:
                y = _year_for(ctx, (mo, d), (ctx.ref.month, ctx.ref.day), None, start, end)
        elif ctx.prev_word(start) == "ended":
            # "the fiscal year ended Jan. 31": a period that has ended ends on or before the reference date
            y = ctx.ref.year if (mo, d) <= (ctx.ref.month, ctx.ref.day) else ctx.ref.year - 1
        else:
            y = _closest_year(ctx.ref, mo, d)
            try:
                far = abs((make_date(y, mo, d) - ctx.ref).days) > FAR_DAYS
            except ValueError:
                far = False
            direction = ctx.direction(start, end)
            if far and direction:
                # far from the reference date either way: let the tense decide
                y = _year_for(ctx, (mo, d), (ctx.ref.month, ctx.ref.day), None, start, end)
            elif direction > 0 and (mo, d) < (ctx.ref.month, ctx.ref.day) and y == ctx.ref.year \
                    and ctx.prev_word(start) == "on":
                # "will be held on March 3" said in May: the next March 3, however near the last one was (not "by
                # March 3" or "between March 3 and ...": a limit or a point already past)
                y += 1
    else:
        # the year unknown, the day must still be one the month can have (29 February, not 31 February)
        return (f"XXXX-{mo:02d}-{d:02d}", None) if d <= _calendar.monthrange(2000, mo)[1] else None
    return _day_value(y, mo, d)


def h_my(m, ctx, s):
    if not _capitalised(ctx, m.start("my_m")):
        return None
    mo = _month(m["my_m"])
    if m["my_y"]:
        y = int(m["my_y"])
    elif m["my_sp"]:
        y = _spelled_year(m["my_sp"])
    elif m["my_y2"]:
        yy = int(m["my_y2"])
        y = 2000 + yy if yy < 50 else 1900 + yy
    else:
        y = _rel_year(m["my_rel"], ctx)
    if y is None:
        return f"XXXX-{mo:02d}", None
    return v_month(y, mo), None


def _quarter_value(unit: str, n: int, y: int | None) -> str:
    yy = "XXXX" if y is None else v_year(y)
    return f"{yy}-{'Q' if unit == 'quarter' else 'H'}{n}"


def h_yq(m, ctx, s):
    unit = m["yq_unit"]
    n = ORDINALS.get(_norm(m["yq_ord"]))
    if n is None or (unit == "half" and n > 2) or n > 4:
        return None
    if unit == "half" and _norm(m["yq_ord"]) in ("last", "final"):
        n = 2
    y = int(m["yq_y"]) if m["yq_y"] else _rel_year(m["yq_rel"] + " year", ctx)
    return _quarter_value(unit, n, y), None


def h_q(m, ctx, s):
    unit = _norm(m["q_unit"]).replace("qtr.", "quarter").replace("qtr", "quarter")
    ordw = _norm(m["q_ord"])
    n = ORDINALS.get(ordw)
    if ordw in ("last", "final"):
        n = 2 if unit == "half" else 4
        if not (m["q_y"] or m["q_y2"] or m["q_rel"] or m["q_y0"]) and ordw == "last":
            return None   # "the last quarter" = the previous quarter, handled as relative below
    if n is None or (unit == "half" and n > 2) or n > 4:
        return None
    if unit == "half" and not (m["q_y"] or m["q_y2"] or m["q_rel"]) and not m.group("r_q").lower().startswith(("the", "first", "second")):
        return None
    if m["q_y"] or m["q_y2"] or m["q_y0"]:
        y = int(m["q_y"] or m["q_y2"] or m["q_y0"])
    elif m["q_rel"]:
        y = _rel_year(m["q_rel"], ctx) if not _norm(m["q_rel"]).startswith("the year") else (ctx.ref.year if ctx.ref else None)
    elif ctx.ref is None:
        y = None
    else:
        # "will begin in the third quarter": the next one, when the period is the time of the event ("in", "by",
        # "during" ...); not "expects to report a loss for the third quarter" or "a third-quarter loss": results
        # for a period, which news reports once it has ended
        future = (ctx.prev_word(s) in _EVENT_TIME_PREPS and ctx.direction(s, m.end("r_q")) > 0
                  and ctx.low[m.start("q_unit") - 1] != "-")
        y = _period_year(ctx.ref, n, 4 if unit == "quarter" else 2, future)
    return _quarter_value(unit, n, y), None


_EVENT_TIME_PREPS = frozenset({"in", "during", "by", "until", "till", "before", "after", "within"})


def h_q2h(m, ctx, s):
    """"the first two quarters of 1990": the first half (TIMEX3 ``1990-H1``)."""
    n = 1 if _norm(m["q2h_w"]) == "first" else 2
    if m["q2h_y"]:
        y = int(m["q2h_y"])
    elif m["q2h_rel"]:
        y = _rel_year(m["q2h_rel"], ctx) if not _norm(m["q2h_rel"]).startswith(("that", "the same")) else None
        if y is None and ctx.ref is not None:
            return None
    elif n == 2 or not m.group("r_q2h").lower().startswith("the"):
        return None   # "the last two quarters", "first two quarters" alone: a duration
    else:
        y = _period_year(ctx.ref, n, 2) if ctx.ref is not None else None
    return _quarter_value("half", n, y), None


def h_qa(m, ctx, s):
    unit = (m["qa_u"] or m["qa_u2"]).lower()
    n = int(m["qa_n"] or m["qa_n2"])
    if unit == "h" and n > 2:
        return None
    ytok = m["qa_y"] or m["qa_y0"]
    if ytok:
        y = int(ytok) if len(ytok) == 4 else 2000 + int(ytok)
    elif ctx.ref is not None:
        future = ctx.prev_word(s) in _EVENT_TIME_PREPS and ctx.direction(s, m.end("r_qa")) > 0
        y = _period_year(ctx.ref, n, 4 if unit == "q" else 2, future)
    else:
        y = None
    if not _capitalised(ctx, m.start("qa_u") if m["qa_u"] else m.start("qa_u2")):
        return None
    return _quarter_value("quarter" if unit == "q" else "half", n, y), None


def _prev_quarter(ctx) -> str | None:
    if ctx.anchor_q:
        return ctx.anchor_q
    if ctx.ref is None:
        return "XXXX-QX"
    y, q = shift_quarter(ctx.ref.year, quarter_of(ctx.ref), -1)
    return v_quarter(y, q)


class _NoTail:
    """A qrel match seen without its "a year ago" tail."""

    def __init__(self, m):
        self._m = m

    def __getitem__(self, k):
        return None if k == "qrel_ya" else self._m[k]

    def __getattr__(self, k):
        return getattr(self._m, k)

    def end(self, g=0):
        return self._m.start("qrel_ya") if g in (0, "r_qrel") else self._m.end(g)


def h_qrel(m, ctx, s):
    det = _norm(m["qrel_det"] or "the")
    unit = _norm(m["qrel_unit"] or m["qrel_unit2"])
    ytok = m["qrel_y"] or m["qrel_y2"]
    if m["qrel_y2"]:
        y = int(m["qrel_y2"])
        if unit in ("quarter", "period") and ctx.anchor_q and unit == "quarter":
            return f"{y:04d}{ctx.anchor_q[4:]}", None
        return v_year(y), None
    if ytok:
        y = int(ytok)
        if ctx.anchor_q and not ctx.multi_month(s):
            return f"{y:04d}{ctx.anchor_q[4:]}", None
        return v_year(y), None
    if m["qrel_ya"] or det == "last year's":
        # "the quarter a year ago", "the corresponding period last year", "last year's quarter": the reported
        # quarter one year back
        if det in ("the", "the same", "the comparable", "the corresponding", "last year's"):
            pq = _prev_quarter(ctx)
            return (shift_value(pq, years=-1) if pq and "X" not in pq else "XXXX-QX"), None
        res = h_qrel(_NoTail(m), ctx, s)   # "the latest quarter a year ago": keep the quarter, drop the tail
        return None if res is None else (res[0], res[1], m.start(), m.start("qrel_ya"))
    if _YEAR_AGO_DET.search(det):
        pq = _prev_quarter(ctx)
        if m["qrel_ord"] and unit == "quarter":
            # "the year-ago third quarter": that quarter, one year before the reported one
            n = ORDINALS.get(_norm(m["qrel_ord"]))
            if n is None or n > 4:
                return None
            if pq and "X" not in pq:
                y = int(pq[:4])
            elif ctx.ref is not None:
                y = _period_year(ctx.ref, n, 4)
            else:
                return "XXXX-QX", None
            return v_quarter(y - 1, n), None
        if pq and "X" not in pq and ctx.anchor_q and ctx.multi_month(s):
            pq = pq[:4]
        return (shift_value(pq, years=-1) or "XXXX-QX"), None
    if ctx.ref is None:
        return "XXXX-QX", None
    rq = (ctx.ref.year, quarter_of(ctx.ref))
    if det in ("this", "the current", "the current fiscal"):
        return v_quarter(*rq), None
    if det in ("next", "the coming", "the next", "the following"):
        return v_quarter(*shift_quarter(*rq, 1)), None
    if det in ("last",):
        return v_quarter(*shift_quarter(*rq, -1)), None
    if det in ("the previous", "the prior", "the preceding"):
        pq = _prev_quarter(ctx)
        return (shift_value(pq, months=-3) if pq and "X" not in pq else pq), None
    ended = _ENDED_RE.match(ctx.low, m.end("r_qrel"))
    if ended and unit == "quarter":
        # "the quarter ended Sept. 30": the calendar quarter holding that end date
        mo = _month(ended.group(1))
        y = _year_for(ctx, (mo, 28), (ctx.ref.month, ctx.ref.day), "last", s, m.end())
        return v_quarter(y, (mo - 1) // 3 + 1), None
    if det == "the" and unit == "period":
        return None   # "the period" alone is too vague
    if det in ("the latest", "the most recent", "the just-ended", "the just-completed", "the just ended"):
        y, q = shift_quarter(ctx.ref.year, quarter_of(ctx.ref), -1)
        return v_quarter(y, q), None
    return _prev_quarter(ctx), None


def h_fyrel(m, ctx, s):
    det = _norm(m["fyrel_det"])
    if ctx.ref is None:
        return "XXXX", None
    off = -1 if det in ("last", "the previous", "the prior") else (1 if det in ("next", "the next", "the coming") else 0)
    return v_year(ctx.ref.year + off), None


def h_fy(m, ctx, s):
    if m["fy_y"]:
        return v_year(int(m["fy_y"])), None
    yy = int(m["fy_y2"])
    return v_year(2000 + yy if yy < 50 else 1900 + yy), None


def h_dec(m, ctx, s):
    if m["dec_c"]:
        v = f"{m['dec_c']}{m['dec_d']}"
    elif m["dec_d2"] is not None:
        d = int(m["dec_d2"])
        v = f"{'19' if d >= 3 else '20'}{d}"
    else:
        if not _norm(m.group("r_dec")).startswith("the"):
            return None
        v = f"19{DECADE_WORDS[_norm(m['dec_w'])]}"
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["dec_pos"] or "").lower())
    return v, mod


def h_cent(m, ctx, s):
    n = ORDINALS.get(_norm(m["cent_ord"]))
    if not n:
        return None
    return f"{n - 1:02d}", None


def h_yseason(m, ctx, s):
    """"2005 summer": the season of that year."""
    code = SEASONS[_norm(m["yseason_s"])]   # (not before "of", "in" ...: "the 1989 fall of communism")
    return v_season(int(m["yseason_y"]), code), None


def h_afnx(m, ctx, s):
    """"the week after next", "the year before last", "Wednesday after next": two weeks (months, years) on, or back."""
    step = 2 if _norm(m["afnx_d"]).startswith("after") else -2
    if m["afnx_wd"]:
        if not _capitalised(ctx, m.start("afnx_wd")):
            return None
        if ctx.ref is None:
            return "XXXX-XX-XX", None
        near = _resolve_weekday(ctx, _weekday(m["afnx_wd"]), "next" if step > 0 else "last", s, m.end("r_afnx"))
        return v_day(add_weeks(near, step // 2)), None
    unit = _norm(m["afnx_u"])
    ref = ctx.ref
    if ref is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX"}[unit], None
    if unit == "week":
        return v_week(add_weeks(ref, step)), None
    if unit == "quarter":
        return v_quarter(*shift_quarter(ref.year, quarter_of(ref), step)), None
    if unit == "month":
        d = add_months(ref, step)
        return v_month(d.year, d.month), None
    return v_year(ref.year + step), None


def h_season(m, ctx, s):
    code = SEASONS[_norm(m["season_s"])]
    det = _norm(m["season_det"] or "")
    y = None
    if m["season_y"]:
        y = int(m["season_y"])
    elif m["season_sp"]:
        y = _spelled_year(m["season_sp"])
    elif m["season_rel"]:
        y = _rel_year(m["season_rel"], ctx)
    else:
        if det in ("", "the"):
            prev = ctx.prev_word(m.start("r_season"))
            if det == "" and prev not in SEASON_PREV_OK:
                return None
            if code == "FA" and ctx.next_word(m.end("r_season")) in ("of", "in", "from", "to", "on", "at", "was", "is"):
                return None   # "the fall of the wall", "the fall in prices"
            if ctx.next_word(m.end("r_season")) in ("of", "and"):
                return None
        if ctx.ref is None:
            y = None
        else:
            y = _season_year(ctx, code, det, s, m.end("r_season"))
    mod = {"early": "START", "late": "END"}.get(det)
    return ("XXXX-" + code if y is None else v_season(y, code), mod)


def _season_year(ctx, code, det, start, end) -> int:
    """The year of a season named without one: the season under way, else the last or the next one."""
    ref = ctx.ref
    cands = []
    for y in range(ref.year - 2, ref.year + 2):   # winter y-1 may be under way, so "last winter" is winter y-2
        try:
            cands.append((y, *season_bounds(y, code)))
        except OutOfCalendar:
            continue
    past = [c for c in cands if c[2] < ref]
    ahead = [c for c in cands if c[1] > ref]
    containing = [c for c in cands if c[1] <= ref <= c[2]]
    if det in ("last", "this past"):
        return _last_or_out(past)[0]
    if det in ("next", "this coming"):
        return _first_or_out(ahead)[0]
    if containing:
        return containing[0][0]
    if det == "this":
        return ref.year if code != "WI" or ref.month > 2 else ref.year - 1
    if ctx.dir_default(start, end) > 0:
        return _first_or_out(ahead)[0]
    return _last_or_out(past)[0]


def _last_or_out(items: list):
    if not items:
        raise OutOfCalendar("no such season within the calendar")
    return max(items)


def _first_or_out(items: list):
    if not items:
        raise OutOfCalendar("no such season within the calendar")
    return min(items)


def _years_around(year: int) -> list[int]:
    """The year before, the year itself and the year after, as far as the calendar holds them."""
    return [y for y in (year - 1, year, year + 1) if 1 <= y <= 9999]


def h_hol(m, ctx, s):
    name = _norm(m["hol_n"])
    if not _capitalised(ctx, m.start("hol_n")):
        return None
    rule = HOLIDAYS[name]

    def date_in(y: int) -> dt.date:
        if isinstance(rule, list):
            return make_date(y, rule[0], rule[1])
        if rule.startswith("easter"):
            return add_days(easter(y), -(int(rule[7:] or 0) if "-" in rule else 0))
        rule_s, _, off = rule.partition("+")   # "first monday of november+1": the Tuesday after it
        nth, wd, _, mon = rule_s.split()
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}[nth]
        return add_days(nth_weekday(y, MONTHS[mon], WEEKDAYS[wd], n), int(off or 0))

    if m["hol_y"]:
        y = int(m["hol_y"])
    elif ctx.ref is None:
        if isinstance(rule, list):
            return f"XXXX-{rule[0]:02d}-{rule[1]:02d}", None
        return "XXXX-XX-XX", None
    else:
        this = date_in(ctx.ref.year)
        near = min((abs((date_in(c) - ctx.ref).days), c) for c in _years_around(ctx.ref.year))
        if this == ctx.ref:
            y = ctx.ref.year
        elif near[0] <= FAR_DAYS or not ctx.direction(s, m.end("r_hol")):
            y = near[1]   # like a month-day: a holiday near the reference date is the nearest one
            if date_in(y) < ctx.ref and ctx.prev_word(s) == "on" and ctx.direction(s, m.end("r_hol")) > 0:
                y += 1    # "will be held on Christmas" said in February: the next one
        elif ctx.dir_default(s, m.end("r_hol")) > 0:
            y = ctx.ref.year if this > ctx.ref else ctx.ref.year + 1
        else:
            y = ctx.ref.year if this < ctx.ref else ctx.ref.year - 1
    d = date_in(y)
    return (v_week(d) if m["hol_week"] else v_day(d)), None


def h_dpart(m, ctx, s):
    part = PARTS[_norm(m["dpart_p"])]
    if m["dpart_day"]:
        day = _date_for_dayword(ctx, m["dpart_day"], s, m.end())
    else:
        if ctx.ref is None:
            day = None
        else:
            day = add_days(ctx.ref, -1) if _norm(m["dpart_this"]) == "last" else ctx.ref
        if _norm(m["dpart_this"]) == "last" and part != "NI":
            return None
    return f"{v_day(day) if day else 'XXXX-XX-XX'}T{part}", None


_IN_BEFORE = re.compile(r"(?<![\d\w])(?<!\d\s)(?:early\s+|late\s+|later\s+|earlier\s+)?in\s+$")


def h_inpart(m, ctx, s):
    """"(buy orders came) in the morning": that part of the day last named (a day anchor), else of the reference
    date; not "4 in the morning" (a clock time) and not other uses of "the morning" ("the morning paper")."""
    if m["mod"] or not _IN_BEFORE.search(ctx.low, max(0, s - 12), s) or re.search(r"\d\s+in\s+$", ctx.low[max(0, s - 8):s]):
        return None
    if ctx.next_word(m.end("r_inpart")) == "of":
        return None   # "the evening of life", "the morning of March 3" (the date is found on its own)
    part = PARTS[_norm(m["inpart_p"])]
    if ctx.anchor and granularity(ctx.anchor) == "D":
        day = ctx.anchor[:10]
    elif ctx.ref is not None:
        day = v_day(ctx.ref)
    else:
        day = "XXXX-XX-XX"
    return f"{day}T{part}", None


def h_midp(m, ctx, s):
    """"mid-afternoon yesterday", "by mid morning": a part of the day named (or the reference date)."""
    if not m["mod"] or not _norm(m["mod"]).startswith("mid") or ctx.prev_word(m.start()) in ("a", "an", "every", "each"):
        return None   # "a mid-afternoon snack": generic
    part = PARTS[_norm(m["midp_p"])]
    if m["midp_day"]:
        if _norm(m["midp_day"]).rstrip(".") in WEEKDAYS and not _capitalised(ctx, m.start("midp_day")):
            return None
        day = _date_for_dayword(ctx, m["midp_day"], s, m.end())
    else:
        day = ctx.ref
    return f"{v_day(day) if day else 'XXXX-XX-XX'}T{part}", None


def h_dayref(m, ctx, s):
    w = _norm(m["dayref_w"])
    if w in ("today", "tomorrow") and (_TODAYS_GENERIC.match(ctx.low, m.end("r_dayref")) or ctx.prev_word(s) == "of"):
        return None   # "today's youth", "the people of tomorrow": generic, not a day
    if ctx.ref is None:
        return "XXXX-XX-XX", None
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
           "the day after tomorrow": 2}[w]
    return v_day(add_days(ctx.ref, off)), None


def h_wd(m, ctx, s):
    if not _capitalised(ctx, m.start("wd_w")):
        return None
    prev = ctx.prev_word(s)
    if prev in ("every", "each"):
        return None
    rel = _norm(m["wd_rel"]) if m["wd_rel"] else None
    part = PARTS.get(_norm(m["wd_p"])) if m["wd_p"] else None
    if rel in ("the previous", "the preceding", "the following"):
        # anaphoric: the weekday before / after the day last talked about (else the reference date)
        base = ctx.anchor if ctx.anchor and granularity(ctx.anchor) == "D" else (v_day(ctx.ref) if ctx.ref else None)
        if base is None:
            v = "XXXX-XX-XX"
        else:
            b = dt.date.fromisoformat(base[:10])
            diff = (_weekday(m["wd_w"]) - b.weekday()) % 7
            v = v_day(add_days(b, (diff or 7) if rel == "the following" else -((-diff) % 7 or 7)))
    elif ctx.ref is None:
        v = "XXXX-XX-XX"
    else:
        v = v_day(_resolve_weekday(ctx, _weekday(m["wd_w"]), rel, s, m.end("r_wd")))
    return (f"{v}T{part}" if part else v), None


_QUOTE_BEFORE = re.compile(r"[\"\u201c`']\s*$")
_YEAR_NOT_CURRENT = re.compile(r"\s*(?:-|before|after|earlier|later|ago|since|in\s+which|when|that\s+(?:began|ended|followed))\b")


def h_weekof(m, ctx, s):
    """"the week of March 6": the ISO week holding that day."""
    res = _md(ctx, m["weekof_m"], m["weekof_d"], m["weekof_y"], m.start("weekof_m"), s, m.end("r_weekof"))
    if res is None or "X" in res[0]:
        return res
    return v_week(dt.date.fromisoformat(res[0])), None


def h_rel(m, ctx, s):
    det = _norm(m["rel_det"])
    unit = _norm(m["rel_u"])
    start, end = s, m.end("r_rel")
    if ctx.text[m.start("rel_u")].isupper() and not ctx.text[m.start("rel_u") + 1].isupper() \
            and _QUOTE_BEFORE.search(ctx.text, max(0, s - 3), s):
        return None   # a quoted title ("This Week", a programme name)
    if det in ("the", "the full", "the fiscal") and unit == "year" and not m["mod"]:
        # "for the year", "the full year", "a high for the year": the current (reporting) year
        if _YEAR_NOT_CURRENT.match(ctx.low, end) or ctx.prev_word(s) in ("a", "each", "every", "per"):
            return None
        return (v_year(ctx.ref.year) if ctx.ref else "XXXX"), None
    if det in ("the next", "the coming"):
        return None            # "the next decade": a duration
    if det in ("the same", "that", "the following"):
        return _anaphoric(ctx, det, unit)
    if det == "the":
        if unit == "weekend":
            off = None
        elif unit == "quarter":
            return _prev_quarter(ctx), None
        elif m["mod"]:
            off = 0
        else:
            return None
    elif det in ("this", "the current"):
        off = 0
    elif det in ("last", "the past", "the last", "the previous", "this past"):
        off = -1
    else:
        off = 1
    ref = ctx.ref
    if ref is None:
        xs = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX",
              "century": "XX", "quarter": "XXXX-QX"}
        return xs[unit], None
    if unit == "week":
        return v_week(add_weeks(ref, off)), None
    if unit == "weekend":
        if off is None:
            if ref.weekday() >= 5:
                off = 0
            else:
                off = 0 if ctx.dir_default(start, end) > 0 else -1
        return v_week(add_weeks(ref, off), weekend=True), None
    if unit == "month":
        d = add_months(ref, off)
        return v_month(d.year, d.month), None
    if unit == "year":
        return v_year(ref.year + off), None
    if unit == "decade":
        return v_decade(ref.year // 10 + off), None
    if unit == "century":
        return v_century(ref.year // 100 + off), None
    if unit == "quarter":
        if det in ("the past", "the last", "the previous") :
            pq = _prev_quarter(ctx)
            return pq, None
        return v_quarter(*shift_quarter(ref.year, quarter_of(ref), off)), None
    return None


def _anaphoric(ctx: _Ctx, det: str, unit: str):
    base = ctx.anchor
    if base is None:
        if ctx.ref is None:
            return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit, "XXXX"), None
        base = v_day(ctx.ref)
    step = 1 if det in ("the following", "the next") else (-1 if det in ("the previous", "the preceding") else 0)
    g = granularity(base)
    try:
        if unit == "day":
            if g != "D":
                return None
            return shift_value(base, days=step), None
        if unit == "year":
            return v_year(int(base[:4]) + step), None
        if unit == "month":
            if g not in ("D", "M"):
                return None
            return shift_value(base[:7], months=step), None
        if unit == "quarter":
            q = ctx.last_q or ctx.anchor_q
            if q is None:
                return None
            return shift_value(q, months=3 * step), None
        if unit == "week":
            if g != "D":
                return None
            return v_week(add_weeks(dt.date.fromisoformat(base[:10]), step)), None
    except OutOfCalendar:
        raise
    except (ValueError, TypeError):
        return None
    return None


def h_anaph(m, ctx, s):
    return _anaphoric(ctx, _norm(m["anaph_det"]), _norm(m["anaph_u"]))


_UNIT_CODE = {"day": "D", "week": "W", "fortnight": "2W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
              "quarter": "Q", "hour": "H", "minute": "MIN"}


def h_ago(m, ctx, s):
    unit = _UNIT_CODE[re.sub(r"(ies|s)$", lambda x: "y" if x.group(1) == "ies" else "", _norm(m["ago_u"]))]
    n = _number(m["ago_n"])
    if unit == "2W":   # a fortnight: two weeks
        unit, n = "W", (None if n is None else 2 * n)
    direction = _norm(m["ago_dir"])
    back = direction in ("ago", "earlier", "before")
    deictic = direction == "hence" or direction.startswith("from ")   # "7 days hence", "a year from now"
    approx = APPROX_MODS.get(_norm(m["ago_approx"])) if m["ago_approx"] else None
    start = s if m["ago_approx"] else m.start("ago_n")
    if n is None:   # several / a few / many years ago
        if direction == "ago" or deictic:
            return ("PAST_REF" if direction == "ago" else "FUTURE_REF", approx, start, m.end("r_ago"))
        return None
    n = int(n) if float(n).is_integer() else n
    if not isinstance(n, int):
        return None
    if unit in ("H", "MIN"):
        return None
    sign = -1 if back else 1
    anchored = direction != "ago" and not deictic
    base_val = ctx.anchor if (anchored and ctx.anchor) else None
    if unit in ("Y", "M") and ctx.anchor_deictic:
        base_val = None   # "up from $5 a year earlier" after "said yesterday": the report day is no anchor
    if unit == "Y" and n == 1 and ctx.anchor_q and not deictic and (direction == "ago" or granularity(ctx.anchor or "") == "Q"):
        base_val = ctx.anchor_q
        if ctx.multi_month(start):
            return (shift_value(ctx.anchor_q[:4], years=-1), approx, start, m.end("r_ago"))
    if base_val and "X" not in base_val and granularity(base_val) in ("D", "M", "Q", "Y", "W"):
        g = granularity(base_val)
        if unit == "Y":
            v = shift_value(base_val, years=sign * n)
        elif unit == "M" and g in ("D", "M"):
            v = shift_value(base_val, months=sign * n)
        elif unit == "D" and g == "D":
            v = shift_value(base_val, days=sign * n)
        elif unit == "W" and g in ("D", "W"):
            v = shift_value(base_val, days=sign * 7 * n)
        elif unit == "Q" and g == "Q":
            v = shift_value(base_val, months=sign * 3 * n)
        else:
            v = None
        if v:
            return (v, approx, start, m.end("r_ago"))
    ref = ctx.ref
    if ref is None:
        xs = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXXX", "CE": "XX", "Q": "XXXX-QX"}
        return (xs[unit], approx, start, m.end("r_ago"))
    if direction in ("from tomorrow", "from yesterday"):
        # "a week from tomorrow": a day counted from the day after (before) the reference date
        ref = add_days(ref, 1 if direction == "from tomorrow" else -1)
        if unit in ("D", "W"):
            return (v_day(add_days(ref, n * (7 if unit == "W" else 1))), approx, start, m.end("r_ago"))
    if unit == "D":
        v = v_day(add_days(ref, sign * n))
    elif unit == "W":
        v = v_week(add_weeks(ref, sign * n))
    elif unit == "M":
        d = add_months(ref, sign * n)
        v = v_month(d.year, d.month)
    elif unit == "Y":
        v = v_year(ref.year + sign * n)
    elif unit == "DE":
        v = v_year(ref.year + sign * 10 * n)
    elif unit == "CE":
        v = v_century(ref.year // 100 + sign * n)
    else:
        v = v_quarter(*shift_quarter(ref.year, quarter_of(ref), sign * n))
    return (v, approx, start, m.end("r_ago"))


def h_yadj(m, ctx, s):
    w = _norm(m["yadj_w"])
    if w in ("year-end", "year end", "year's end", "year\u2019s end"):
        spaced = w != "year-end"   # "by year end", "year's end": the end of the year, like "the end of the year"
        if ctx.ref is None:
            return ("XXXX", "END") if spaced else ("XXXX-12-31", None)
        y = ctx.ref.year - 1 if ctx.ref.month <= 3 or ctx.prev_word(s) == "since" else ctx.ref.year
        return (v_year(y), "END") if spaced else (v_year(y) + "-12-31", None)
    base = ctx.anchor_q or ctx.anchor
    if base and ctx.anchor_q and ctx.multi_month(s):
        base = base[:4]   # "for the nine months, compared with year-earlier net of": the year before
    if base and "X" not in base and granularity(base) in ("Q", "Y", "M", "D"):
        return shift_value(base, years=-1), None
    if ctx.ref is None:
        return "XXXX", None
    return v_year(ctx.ref.year - 1), None


def h_yearw(m, ctx, s):
    y = int(m["yearw_y"]) if m["yearw_y"] else _spelled_year(m["yearw_sp"])
    return (v_year(y), None) if y else None


def h_spy(m, ctx, s):
    y = _spelled_year(m["spy_sp"])
    if not y or not (1000 <= y <= 2099):
        return None
    if len(re.split(r"[-\s]+", m["spy_sp"].strip())) < 2:
        return None
    return v_year(y), None


def h_year(m, ctx, s):
    y = int(m["year_y"])
    ys = m.start("year_y")
    nxt = ctx.next_word(m.end("r_year"))
    if nxt in COUNT_NOUNS:
        return None
    prev = ctx.prev_word(ys)
    if y < 1700 and prev not in OLD_YEAR_CUES:
        return None
    # a number in a list of numbers ("1,500 and 2000 shares") or after "No." / "#"
    before = ctx.text[max(0, ys - 4):ys]
    if re.search(r"(?:no\.|#)\s*$", before, re.I) or re.search(r"\d\s*$", before):
        return None
    if ctx.text[m.end("r_year"):m.end("r_year") + 1] == ":":
        return None
    nm = _NAME_BEFORE.search(ctx.text, max(0, ys - 30), ys)
    if nm and nm.group(1).lower().rstrip(".") not in MONTHS and nm.group(1).lower() not in _CAP_NOT_NAME:
        return None   # a year inside a name ("Orion 1980", "Expo 2000", "Windows 2000")
    return v_year(y), None


def h_month(m, ctx, s):
    mp = m.start("month_m")
    tok = _norm(m["month_m"])
    if not _capitalised(ctx, mp):
        return None
    if len(tok.rstrip(".")) <= 4 and tok not in ("may", "june", "july"):
        return None   # a bare abbreviation ("Dec.") is too ambiguous
    rel = _norm(m["month_rel"]) if m["month_rel"] else None
    prev = ctx.prev_word(s)
    nxt = ctx.next_word(m.end("r_month"))
    if tok == "may" and not rel and not m["mod"]:
        if prev not in MONTH_PREV_OK or nxt in MODAL_FOLLOWERS or prev in ("that", "and", "or", "to"):
            return None
        if ctx.text[mp:mp + 3] == "MAY" and ctx.text[mp + 3:mp + 5].strip().isupper():
            return None
    if tok == "march" and not rel and not m["mod"]:
        if prev == "a" or (prev not in MONTH_PREV_OK and nxt in MARCH_CUES):
            return None   # "a march", "March on Washington" (the verb or the noun)
    if not rel and not m["mod"] and prev in ("every", "each"):
        return None
    mo = _month(tok)
    if ctx.ref is None:
        return f"XXXX-{mo:02d}", None
    if rel is None and _THIS_YEAR_SPAN.search(ctx.low, max(0, s - 40), s):
        return v_month(ctx.ref.year, mo), None   # "this year through August": a month of the current year
    ahead = (make_date(_closest_year(ctx.ref, mo, 15), mo, 15) - ctx.ref).days
    if rel is None and mo != ctx.ref.month and 0 < ahead <= FAR_DAYS and not _past_event(ctx, s, m.end("r_month")):
        # a month just ahead of the reference date is that coming month even after a past-tense verb: the verb
        # is mostly the report ("said", "decided to ... in March"), not the event
        return v_month(_closest_year(ctx.ref, mo, 15), mo), None
    y = _year_for(ctx, (mo,), (ctx.ref.month,), rel, s, m.end("r_month"))
    return v_month(y, mo), None


_THIS_YEAR_SPAN = re.compile(r"\b(?:this|so\s+far\s+this)\s+year\s+(?:through|thru|until|till|to)\s+$|\byear[-\s]to[-\s]date\s+(?:through|to)\s+$")
_MODALS = {"will", "would", "could", "may", "might", "shall", "should", "ll", "must"}
_NAME_BEFORE = re.compile(r"(?<![.!?:;\"\n]\s)(?<=\w\s)([A-Z][a-z]+)\s+$")
_CAP_NOT_NAME = {"in", "by", "since", "until", "till", "for", "of", "on", "at", "from", "to", "during", "before", "after",
                 "through", "about", "around", "early", "late", "mid", "the", "fiscal", "and", "or", "between", "than",
                 "as", "spring", "summer", "fall", "autumn", "winter", "christmas", "easter", "year", "end"}
_TODAYS_GENERIC = re.compile(r"['\u2019]s\s+(?:[a-z]+\s+)?(?:" + "|".join(LEX["today_generic_nouns"]["words"]) + r")\b")
_INFINITIVE = re.compile(r"\bto\s+[a-z]+\b")


def _past_event(ctx: _Ctx, start: int, end: int) -> bool:
    """The clause's own event (not its reporting verb) is in the past tense: "bought it in February",
    "In January, the firm brought in" -- but not "by February" (a limit) or "agreed to buy it in February"."""
    if ctx.prev_word(start) in _FUT_PREP or ctx.direction(start, end, True) >= 0:
        return False
    a = max(0, start - 140)
    brk = list(_SENT_BREAK.finditer(ctx.text, a, start))
    a = brk[-1].end() if brk else a
    last_cue = None
    for c in _CUE_RE.finditer(ctx.low, a, start):
        if c.lastgroup in ("ed", "past") and c.group() not in _ED_EXCEPT and c.group() not in _REPORT:
            last_cue = c
    return not (last_cue and _INFINITIVE.search(ctx.low, last_cue.end(), start))


def h_ref(m, ctx, s):
    w = _norm(m["ref_w"])
    nxt = ctx.next_word(m.end("r_ref"))
    if nxt in REF_BLOCKERS.get(w, ()):
        return None
    if w in ("the past", "past"):
        if nxt and (nxt.isdigit() or nxt in NUMBERS or nxt in ("few", "several", "couple", "decade", "year", "month",
                                                                 "week", "day", "century", "quarter")):
            return None
    if w == "now" and ctx.prev_word(s) in ("from", "until", "till", "by", "of"):
        pass
    if w == "one day" and ctx.prev_word(s) not in _MODALS:
        return None   # "one day" is a duration unless a modal makes it a vague future ("will one day be")
    if w == "current" and nxt in ("account", "dollars", "prices"):
        return None
    if w in ("current", "currently") and ctx.prev_word(s) == "then":
        return "PAST_REF", None, ctx.low.rindex("then", 0, s), m.end("r_ref")   # "the then current price"
    return REF_WORDS[w], None


# Rules whose values may anchor later anaphoric expressions ("a year earlier", "that day", "the quarter").
ANCHOR_RULES = {"iso", "num", "wdmd", "md", "dm", "my", "q", "q2h", "qa", "yq", "fy", "year", "month", "season", "hol", "wd",
                "dayref", "yearw", "spy", "ym", "myn", "dmyn", "mdyn", "wddm", "wdd", "wdw", "nth", "dom", "yseason", "afnx"}
# Of those, the ones named from the reference date ("yesterday", "Friday", "Wednesday of next week"): the day of the
# report, which "a year earlier" does not count from.
DEICTIC_RULES = {"dayref", "wd", "wdd", "wdw", "dom", "afnx"}
HANDLERS: dict[str, Callable] = {name: globals()[f"h_{name}"] for name in RULE_NAMES}
_MOD_RE = re.compile(r"(the\s+(?:very\s+)?\w+(?:\s+\w+)?\s+of|(?:very\s+)?(?:early|late|earlier|later)|mid)", re.I)


def _pos_mod(text: str) -> str | None:
    t = _norm(text).rstrip("- ")
    t = re.sub(r"^the very ", "the ", re.sub(r"^very ", "", t))
    t = re.sub(r"\s+the$", "", t)
    return POS_MODS.get(t)


# ---------------------------------------------------------------------------------------------------------------


_SENTENCE_NEXT = re.compile(r"\s*$|\s+[\"'\u201c(]?[A-Z]")


def _resolve(handler: Callable, m, ctx: _Ctx, core: int):
    """``handler(m, ctx, core)``; when the calendar cannot hold its result (a relative date against a reference
    date near 0001-01-01 or 9999-12-31, or an anchor there) the expression is resolved as if there were neither
    a reference date nor an anchor, so it keeps ``X`` parts instead of raising."""
    try:
        return handler(m, ctx, core)
    except (OutOfCalendar, OverflowError):
        saved = ctx.ref, ctx.anchor, ctx.anchor_q, ctx.last_q
        ctx.ref = ctx.anchor = ctx.anchor_q = ctx.last_q = None
        try:
            return handler(m, ctx, core)
        except (OutOfCalendar, OverflowError):
            return None
        finally:
            ctx.ref, ctx.anchor, ctx.anchor_q, ctx.last_q = saved


class _Modified:
    """A rule's match preceded by a position modifier ("the end of", "early", "mid-"): one match from the modifier's
    start to the rule's end, whose group ``mod`` is the modifier (what one regex holding both would give)."""

    __slots__ = ("_mod", "_m", "lastgroup")

    def __init__(self, mod: re.Match, m: re.Match) -> None:
        self._mod, self._m, self.lastgroup = mod, m, m.lastgroup

    def __getitem__(self, g):
        return self._mod.group() if g == "mod" else self._m[g]

    def group(self, g=0):
        return self._mod.string[self._mod.start():self._m.end()] if g == 0 else self[g]

    def start(self, g=0):
        return self._mod.start() if g in (0, "mod") else self._m.start(g)

    def end(self, g=0):
        return self._mod.end() if g == "mod" else self._m.end(g)


_KEY_AT = re.compile(r"[a-z]+|[0-9]+|['\u2019]")


def _match_at(low: str, p: int, word: str, rules: tuple[str, ...]):
    """The grammar's match at word start ``p``, trying only the ``rules`` that can start with ``word``.  A position
    modifier there ("the end of", "early", "mid-") is tried first, with the rules that can start after it."""
    if word in MOD_KEYS:
        mod = MOD_RE.match(low, p)
        if mod is not None:
            after = _KEY_AT.match(low, mod.end())
            rules2 = _rules_of(after.group()) if after else None
            if rules2:
                m = scanner(rules2).match(low, mod.end())
                if m is not None:
                    return _Modified(mod, m)
    if word == "the":
        nxt = THE_NEXT.match(low, p)
        if nxt is None or word_key(nxt.group(1)) not in THE_FOLLOWERS:
            return None   # "the company": no rule goes on with that word
    return scanner(rules).match(low, p) if rules else None


def _rules_of(word: str) -> tuple[str, ...] | None:
    return DIGIT_RULES[min(len(word), 5) - 1] if "0" <= word[0] <= "9" else KEY_RULES.get(word)


def find_dates(text: str, reference_date: dt.date | None = None) -> list[DateMention]:
    """Every DATE/TIME expression in ``text`` (sorted, non-overlapping) with its TIMEX3 value.

    ``reference_date`` anchors relative expressions; without it their unknown parts stay ``X``
    (``XXXX-XX-XX`` for "Friday", ``XXXX-11`` for "November") and today's date is never used.
    """
    if isinstance(reference_date, dt.datetime):
        reference_date = reference_date.date()
    low = text.lower() if text.isascii() else text.translate(ASCII_LOWER)   # (the same text; lower() is faster)
    ctx = _Ctx(text, low, reference_date)
    out: list[DateMention] = []
    pos = 0
    day_digit_next = DAY_DIGIT_NEXT.match
    the_goes_on = THE_GOES_ON.match
    for w in START_WORD.finditer(low):   # only the words some rule can start with (most words are skipped)
        word = w.group()
        at = w.start()
        if word[0] <= "9" and word[0] >= "0":
            if len(word) <= 2 and day_digit_next(low, w.end()) is None:
                continue   # "3-1", "21 points": no rule can go on after this day or hour
            rules = DIGIT_RULES[min(len(word), 5) - 1]
        elif word == "the":
            if the_goes_on(low, at) is None:
                continue   # "the company": neither a modifier nor a word some rule goes on with (_match_at's test)
            rules = KEY_RULES["the"]
        else:
            rules = KEY_RULES.get(word)
        if not rules and word not in MOD_KEYS or at < pos:
            continue   # no rule starts with this run of digits, or the word lies inside the last date
        m = _match_at(low, at, word, rules)
        if m is None:
            continue
        rule = m.lastgroup[2:]
        core = m.start("r_" + rule)
        res = _resolve(HANDLERS[rule], m, ctx, core)
        if res is None:
            # a rejected reading must not hide a shorter one starting later inside it ("last Oct. 23")
            pos = m.start() + 1
            continue
        pos = max(m.end(), pos + 1) if len(res) <= 2 else max(res[3], pos + 1)
        value, mod = res[0], res[1]
        start, end = (res[2], res[3]) if len(res) > 2 else (m.start(), m.end())
        if m["mod"]:
            if rule in MODDABLE:
                pm = _pos_mod(m["mod"])
                mod = pm or mod
            else:
                start = max(start, core)
        if value is None:
            continue
        if out and start < out[-1].end:
            continue
        if text[end - 1] == "." and text[end - 3:end - 1].isalpha() and _SENTENCE_NEXT.match(text, end):
            end -= 1   # "on the 2nd of Mar." at the end of a sentence: its period is the sentence's
        t = text[start:end]
        ia, ib = interval(value)
        out.append(DateMention(start, end, t, value, "TIME" if ("T" in value and not value.endswith("_REF")) else "DATE", ia, ib, mod))
        if rule in ANCHOR_RULES and "X" not in value and not value.endswith("_REF"):
            g = granularity(value)
            if g in ("D", "M", "Q", "Y", "H", "W") or value[:10].count("-") == 2:
                ctx.anchor = value[:10] if "T" in value else value
                ctx.anchor_deictic = rule in DEICTIC_RULES
            if g == "Q":
                ctx.last_q = value
            # the reported quarter: the latest ended one named so far; an earlier quarter named after it ("after a
            # flat second quarter") is a contrast, and a quarter not yet over ("losses through the third quarter of
            # next year") no reported period, so neither is what a later "the year-ago period" compares with
            if g == "Q" and (ctx.ref is None or ib is None or ib <= ctx.ref.isoformat()) and (
                    ctx.anchor_q is None or value >= ctx.anchor_q):
                ctx.anchor_q = value
                ctx.anchor_q_pos = end
    _anchor_times(text, out)
    _second_days(text, low, out)
    _day_before(text, low, out)
    return out


_DAY_BEFORE = re.compile(r"\b(?:the\s+)?day\s+(before|after)\s+$")


def _day_before(text: str, low: str, out: list[DateMention]) -> None:
    """"the day before last Tuesday('s hearing)", "the day after Nov. 3": one TIMEX3, the day shifted by one."""
    for i, m in enumerate(out):
        if m.type != "DATE" or not _FULL_DAY.fullmatch(m.value):
            continue
        b = _DAY_BEFORE.search(low, max(0, m.start - 20), m.start)
        if not b or (i and out[i - 1].end > b.start()):
            continue
        try:
            day = add_days(dt.date.fromisoformat(m.value), -1 if b.group(1) == "before" else 1)
        except OutOfCalendar:
            continue   # the day before 1 January of the year 1: left as it was
        value = v_day(day)
        out[i] = DateMention(b.start(), m.end, text[b.start():m.end], value, "DATE", value, value, m.mod)


_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_SECOND_DAY = re.compile(r"\s+(?:and|or|&)\s+(3[01]|[12]\d|0?[1-9])(?!\d)(?=\s*[,.;:)]|\s*$|\s+(?:in|at|on|to|for|when|with|and|the)\b)")


def _second_days(text: str, low: str, out: list[DateMention]) -> None:
    """"April 24 and 25": the bare second day is a date of its own, in the month (and year) of the first."""
    i = 0
    while i < len(out):
        m = out[i]
        i += 1
        if m.type != "DATE" or not _FULL_DAY.fullmatch(m.value) or not m.text[-1:].isdigit():
            continue
        nm = _SECOND_DAY.match(low, m.end)
        if not nm or (i < len(out) and out[i].start < nm.end()):
            continue
        d = int(nm.group(1))
        if d <= int(m.value[8:]):
            continue
        try:
            day = dt.date(int(m.value[:4]), int(m.value[5:7]), d)
        except ValueError:
            continue
        value = v_day(day)
        out.insert(i, DateMention(nm.start(1), nm.end(1), text[nm.start(1):nm.end(1)], value, "DATE", value, value))
        i += 1


_DAYWORD_IN_TIME = re.compile(r"(?i)\b(?:today|tonight|yesterday|tomorrow|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$")
_PAREN_OPEN = re.compile(r"\s*\(\s*")
_TIME_JOIN = re.compile(r",?[ \t]+(?:on[ \t]+)?")
_TIME_GAP = re.compile(r"^[\s,]*(?:\([^()\n]{0,24}\)[\s,]*)?(?:on\s+)?$")


def _anchor_times(text: str, out: list[DateMention]) -> None:
    """A clock time without its own day takes the day of a date right after it ("10:35 a.m. (0735 GMT) Friday");
    with nothing but a comma or "on" between them the two are one TIMEX3 ("5 p.m. EST, Nov. 9")."""
    i = 0
    while i < len(out) - 1:
        m, nxt = out[i], out[i + 1]
        i += 1
        if m.type != "TIME" or "T" not in m.value or _DAYWORD_IN_TIME.search(m.text) or m.value[:10].count("-") != 2:
            continue
        gap = text[m.end:nxt.start]
        if nxt.type == "TIME" and _FULL_DAY.match(nxt.value) and _PAREN_OPEN.fullmatch(gap) \
                and _DAYWORD_IN_TIME.search(nxt.text):
            # "4 in the morning (4 a.m. EDT Thursday)": the bracketed time names the day
            value = nxt.value[:10] + m.value[10:]
            ia, ib = interval(value)
            out[i - 1] = DateMention(m.start, m.end, m.text, value, m.type, ia, ib, m.mod)
        elif nxt.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", nxt.value) and _TIME_GAP.match(gap):
            value = nxt.value + m.value[10:]
            ia, ib = interval(value)
            if _TIME_JOIN.fullmatch(gap):
                out[i - 1] = DateMention(m.start, nxt.end, text[m.start:nxt.end], value, m.type, ia, ib, m.mod)
                del out[i]
            else:
                out[i - 1] = DateMention(m.start, m.end, m.text, value, m.type, ia, ib, m.mod)
