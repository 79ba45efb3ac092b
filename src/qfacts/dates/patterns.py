"""The detection grammar: one big compiled alternation built from the lexicon.

Every top-level alternative is a named *rule* group (``r_<name>``); the parts a rule needs for
normalisation are inner named groups prefixed with the rule name.  An optional position
modifier (``early``, ``the end of``, ``mid-`` ...) may precede most rules (group ``mod``).
Alternatives are ordered so that, at one start position, the longest reading comes first
(Python's ``re`` takes the first alternative that matches, not the longest).
"""
from __future__ import annotations

import re

from .lexicon import alternation, lexicon

LEX = lexicon()

_MONTH_FULL = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"]
MONTH = "(?:" + alternation([k for k in LEX["months"] if k not in _MONTH_FULL], abbrev_dot=True)[3:-1] + "|" + alternation(_MONTH_FULL)[3:-1] + ")"
# Weekday abbreviations are only accepted with a period, and never the ones that are words.
_WD_FULL = [k for k in LEX["weekdays"] if len(k) > 5]
_WD_ABBR = [k for k in LEX["weekdays"] if len(k) <= 5 and k not in ("sun", "sat", "wed")]
WEEKDAY = "(?:" + alternation(_WD_FULL)[3:-1] + "|" + "|".join(re.escape(a) + r"\." for a in sorted(_WD_ABBR, key=len, reverse=True)) + ")"
# before a date ("Mon, February 18", "Sat 17 March") an abbreviation needs no period
WEEKDAY_D = "(?:" + WEEKDAY[3:-1] + "|" + alternation(LEX["weekday_abbrevs_need_period"])[3:-1] + ")"
SEASON = alternation(LEX["seasons"])
PART_OF_DAY = alternation(["morning", "afternoon", "evening", "night", "overnight"])
ORDINAL = alternation([k for k in LEX["ordinals"] if not k[0].isdigit()] + ["1st", "2nd", "3rd", "4th"])
CENT_ORD = alternation(list(LEX["ordinals"]))
NUMBER_WORD = alternation([k for k in LEX["number_words"]])
VAGUE = alternation(LEX["vague_quantities"])
APPROX = alternation(LEX["approx_words"])
UNIT = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|quarters?|hours?|minutes?)"
UNIT_CAL = r"(?:week|month|year|decade|century|quarter|weekend)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR4 = r"(?:1\d|20)\d\d(?![\d])(?![.,]\d)"
TENS = alternation(LEX["spelled_year_tens"])
DECADES = alternation(LEX["spelled_year_decades"])
UNITS = alternation(LEX["spelled_year_units"])
SPELLED_YEAR = (rf"(?:{TENS}\s+{DECADES}(?:[-\s]{UNITS})?|{TENS}\s+hundred(?:\s+and)?(?:\s+{DECADES}(?:[-\s]{UNITS})?|\s+{UNITS})?"
                rf"|two\s+thousand(?:\s+and)?(?:\s+{DECADES}(?:[-\s]{UNITS})?|\s+{UNITS})?)")
REL_YEAR = r"(?:this|last|next|that|the\s+same|the\s+following|the\s+previous)\s+year"
AMPM = r"(?:[ap]\.\s?m\.|[ap]m\b)"
TZ = r"(?:\s+\(?(?:edt|est|cdt|cst|mdt|mst|pdt|pst|gmt|utc|bst|cet|cest|kst|jst|local\s+time)\)?)"
DAYREF = r"(?:today|tonight|yesterday|tomorrow)"
POSMOD = (r"(?:the\s+(?:very\s+)?(?:end|beginning|start|middle|close|latter\s+part|early\s+part|first\s+part|tail\s+end|turn)\s+of\s+"
          r"|(?:very\s+)?(?:early|late|earlier|later)\s+|mid-?\s*)")
REL_DET = r"(?:this\s+past|this\s+coming|this|last|next|the\s+past|the\s+last|the\s+previous|the\s+coming|the\s+next|the\s+following|the\s+current|the\s+same|that)"
HOLIDAY = alternation([k for k in LEX["holidays"]])
# spelled ordinals of days ("third", "twenty-first" or "twenty first") and numbered ones with a suffix ("21st")
SPORD = "(?:" + "|".join(re.escape(w).replace(r"\-", "-").replace("-", r"[-\s]")
                         for w in sorted((k for k in LEX["ordinals"] if k[0].isalpha()), key=lambda w: (-len(w), w))) + ")"
DAY_ORD = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?!\d)"
# "the first Monday of", "the 3rd day in", "the last week of"
NTH = rf"(?:{SPORD}|{DAY_ORD}|last|final)"
WEEK_REL = r"(?:this|next|last|the\s+following|the\s+previous|the\s+same)"
DATE_PREP_AFTER = r"(?=\s*[,.;:!?)\]]|\s*$|\s+(?:at|and|or|to|until|till|through|when|in|for|as|but|with|from)\b)"

RULES: list[tuple[str, str]] = [
    # 2024-11-05, 2024-11-05T14:30
    ("iso", r"(?P<iso_y>(?:1\d|20)\d\d)(?P<iso_s>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_s)(?P<iso_d>3[01]|[12]\d|0?[1-9])(?:[t ](?P<iso_h>[01]\d|2[0-3]):(?P<iso_min>[0-5]\d)(?::[0-5]\d)?)?(?![\d-])(?!\.\d)"),
    # 2014-10 (ISO year-month; "2009-10" is a span of years, see the handler)
    ("ym", r"(?P<ym_y>(?:1\d|20)\d\d)-(?P<ym_m>0[1-9]|1[0-2])(?![\d\u2013-])(?!\.\d)"),
    # 31/Oct/1974, 31-Oct-1974, 5.Nov.2024
    ("dmyn", rf"(?P<dmyn_d>3[01]|[12]\d|0?[1-9])(?P<dmyn_s>[-/.])(?P<dmyn_m>{MONTH})(?P=dmyn_s)(?P<dmyn_y>{YEAR4}|\d\d(?![\d]))(?![\d/-])"),
    # 11/05/2024, 5/19/25
    ("num", r"(?<![\d/.])(?P<num_a>[0-3]?\d)(?P<num_s>[/.-])(?P<num_b>[0-3]?\d)(?P=num_s)(?P<num_y>(?:1\d|20)\d\d|\d\d)(?![\d/])(?!\.\d)"),
    # 11/2024 (month and year)
    ("myn", r"(?<![\d/.-])(?P<myn_m>1[0-2]|0?[1-9])/(?P<myn_y>(?:1\d|20)\d\d)(?![\d/-])(?!\.\d)"),
    # 10:35 a.m. (Wednesday), 10 p.m. EDT Thursday, noon Thursday
    ("time", rf"(?:(?P<time_approx>about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
             rf"(?:(?P<time_h>[01]?\d|2[0-3])(?::(?P<time_min>[0-5]\d))?\s*(?P<time_ampm>{AMPM})|(?P<time_hh>[01]?\d|2[0-3]):(?P<time_mm>[0-5]\d)(?=\s*{TZ}|\s*h\b)|(?P<time_noon>noon|midnight|midday))"
             rf"{TZ}?(?:\s+(?:on\s+)?(?P<time_wd>{WEEKDAY}|{DAYREF})(?!\w))?"),
    # 4 in the morning, 9 o'clock in the evening
    ("cip", r"(?P<cip_h>1[0-2]|0?[1-9])(?:\s+o['\u2019]clock)?\s+in\s+the\s+(?P<cip_p>morning|afternoon|evening)(?![\w-])"),
    # Saturday, April 25 (, 1998)
    ("wdmd", rf"(?P<wdmd_wd>{WEEKDAY_D}),?\s+(?P<wdmd_m>{MONTH})\s+(?:the\s+)?(?P<wdmd_d>{DAY}|{SPORD}(?=,?\s+{YEAR4}|{DATE_PREP_AFTER}))(?:,?\s+(?P<wdmd_y>{YEAR4}))?"),
    # Monday, 17 March 2014; Tuesday the 19th of February
    ("wddm", rf"(?P<wddm_wd>{WEEKDAY_D}),?\s+(?:the\s+)?(?P<wddm_d>{DAY}|{SPORD})(?:\s+of)?\s+(?P<wddm_m>{MONTH})(?![a-z])(?:,?\s+(?P<wddm_y>{YEAR4}))?"),
    # Tuesday the 19th, Friday 13th, Thursday, the 22nd (the month is the nearest one where that day is that weekday)
    ("wdd", rf"(?P<wdd_wd>{WEEKDAY_D}),?\s+(?:the\s+(?P<wdd_d>{DAY_ORD}|{SPORD}|3[01]|[12]\d|0?[1-9])|(?P<wdd_d2>{DAY_ORD})){DATE_PREP_AFTER}"),
    # Wednesday of next week, Monday this week, Friday of last week
    ("wdw", rf"(?P<wdw_wd>{WEEKDAY})\s+(?:of\s+)?(?P<wdw_rel>{WEEK_REL})\s+week(?![\w-])"),
    # Oct/31/1974, Oct-31-1974
    ("mdyn", rf"(?P<mdyn_m>{MONTH})(?P<mdyn_s>[-/])(?P<mdyn_d>3[01]|[12]\d|0?[1-9])(?P=mdyn_s)(?P<mdyn_y>{YEAR4})(?![\d/-])"),
    # Nov. 5, 2024 / November 5 / Sept. 30
    ("md", rf"(?P<md_m>{MONTH})\s+(?:the\s+)?(?P<md_d>{DAY}|{SPORD}(?=,?\s+{YEAR4}|{DATE_PREP_AFTER}))(?!\s*(?:%|percent|per\s+cent|pct|[-\u2013]\s*\d))(?:,?\s+(?P<md_y>{YEAR4}))?"),
    # (the) 5(th) (of) November (2024)
    ("dm", rf"(?:(?:the\s+)?(?P<dm_d>{DAY})(?:\s+of)?|the\s+(?P<dm_sp>{SPORD})\s+of)\s+(?P<dm_m>{MONTH})(?![a-z])(?:,?\s+(?P<dm_y>{YEAR4}))?"),
    # the first Tuesday of October, the last Monday in March 2015, the third day of October, the last day of the month,
    # the second Monday of last month, the first week of October
    ("nth", rf"(?:the\s+)?(?P<nth_n>{NTH})\s+(?P<nth_u>{WEEKDAY}|day|week)\s+(?:of|in)\s+(?:(?P<nth_m>{MONTH})(?![a-z])(?:,?\s+(?P<nth_y>{YEAR4}))?|(?P<nth_rel>this|next|last|the\s+following|the\s+previous|the)\s+(?P<nth_ru>month|year)|(?P<nth_y2>{YEAR4}))(?![\w-])"),
    # (on) the 15th, the 2nd of next month, the fifth of this month
    ("dom", rf"the\s+(?:(?P<dom_d>{DAY_ORD}|{SPORD})\s+of\s+(?P<dom_rel>this|next|last|the)\s+month|(?P<dom_d2>{DAY_ORD}){DATE_PREP_AFTER})(?![\w-])"),
    # November 2024, January this year, January nineteen ninety-seven, Nov. '97
    ("my", rf"(?P<my_m>{MONTH}),?\s+(?:of\s+)?(?:(?P<my_y>{YEAR4})|(?P<my_sp>{SPELLED_YEAR})|(?P<my_rel>{REL_YEAR})|'(?P<my_y2>\d\d)(?!\d))"),
    # this year's third quarter, last year's first half
    ("yq", rf"(?:(?P<yq_rel>this|last|next)\s+year|(?P<yq_y>{YEAR4}))['\u2019]s\s+(?:fiscal\s+)?(?P<yq_ord>{ORDINAL}|final|last)[-\s]+(?:fiscal\s+)?(?P<yq_unit>quarter|half)"),
    # the first quarter of 2026, third-quarter, the fiscal first quarter, the second half of 2024
    ("q", rf"(?:the\s+)?(?:(?P<q_y0>{YEAR4})\s+)?(?:(?P<q_fiscal>fiscal)\s+)?(?P<q_ord>{ORDINAL}|final|last(?=[-\s]+(?:fiscal[-\s]+)?(?:quarter|half)\s+of\b))[-\s]+(?:fiscal[-\s]+)?(?P<q_unit>quarter|qtr\.?|half)(?!s\b)"
          rf"(?:\s+of\s+(?:(?:the\s+)?fiscal\s+(?:year\s+)?)?(?:(?P<q_y>{YEAR4})|(?P<q_rel>{REL_YEAR}|the\s+year))|,?\s+(?P<q_y2>{YEAR4}))?"),
    # the first two quarters of 1990 (= the first half), the last two quarters of 2024
    ("q2h", rf"(?:the\s+)?(?P<q2h_w>first|last|final|second)\s+two\s+quarters(?:\s+of\s+(?:(?:the\s+)?fiscal\s+(?:year\s+)?)?(?:(?P<q2h_y>{YEAR4})|(?P<q2h_rel>{REL_YEAR})))?"),
    # Q3 2024, Q3, 3Q, H1 2025, 2024 Q3
    ("qa", rf"(?:(?P<qa_y0>{YEAR4})\s*)?(?:(?P<qa_u>[qh])(?P<qa_n>[1-4])|(?P<qa_n2>[1-4])(?P<qa_u2>[qh]))(?:\s*['\u2019]?(?P<qa_y>{YEAR4}|\d\d(?!\d)))?(?![\w])"),
    # the week after next, the year before last, Wednesday after next
    ("afnx", rf"(?:the\s+)?(?:(?P<afnx_u>week|month|quarter|year)|(?P<afnx_wd>{WEEKDAY}))\s+(?P<afnx_d>after\s+next|before\s+last)(?![\w-])"),
    # the year-ago quarter, the comparable year-earlier third quarter, the latest quarter, this quarter, the 1988 period, the year-earlier period
    ("qrel", rf"(?:(?P<qrel_det>the\s+(?:(?:comparable|same|corresponding|prior)\s+)?year[-\s](?:ago|earlier)(?:\s+(?P<qrel_ord>{ORDINAL}|fourth|final)(?=[-\s]+(?:fiscal[-\s]+)?quarter))?(?:[-\s]+fiscal)?|last\s+year['\u2019]s|the\s+(?:latest|most\s+recent|just[-\s](?:ended|completed)|same|comparable|corresponding|current|previous|prior|preceding|recent)(?:\s+fiscal)?|this|last|next|the\s+(?:coming|next|following)|the(?:\s+fiscal)?)\s+(?P<qrel_y>{YEAR4}\s+)?(?P<qrel_unit>quarter|period)(?![-\w])"
             rf"(?P<qrel_ya>\s+(?:a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?last\s+year)(?![\w'\u2019]))?"
             rf"|the\s+(?P<qrel_y2>{YEAR4})\s+(?P<qrel_unit2>quarter|period|fiscal\s+year|year))"),
    # fiscal 1989, FY2025, fiscal year 2025
    ("fyrel", r"(?P<fyrel_det>the\s+(?:current|latest|most\s+recent|previous|prior|next|coming)|this|last|next)\s+(?:fiscal|financial)\s+year(?![\w-])"),
    ("fy", rf"(?:(?:fiscal|financial)(?:\s+year)?\s+|fy\s?)(?:(?P<fy_y>{YEAR4})|['\u2019]?(?P<fy_y2>\d\d)(?!\d))(?![\w])"),
    # the 1990s, the late 1970s, the '90s, the nineties
    ("dec", rf"(?:the\s+)?(?:(?P<dec_pos>early|late|mid)[-\s]+)?(?:(?P<dec_c>1\d|20)(?P<dec_d>\d)0['\u2019]?s|['\u2019](?P<dec_d2>\d)0s|(?P<dec_w>{alternation(LEX['decade_words'])}))(?!\w)"),
    # the 20th century, this century
    ("cent", rf"(?:the\s+)?(?P<cent_ord>{CENT_ORD})[-\s]+century"),
    # the winter of 1994, this spring, summer 2024
    # 2005 summer
    ("yseason", rf"(?P<yseason_y>{YEAR4})\s+(?P<yseason_s>{SEASON})(?![\w-])(?!\s+(?:of|in|from|to|on|at|was|is)\b)"),
    ("season", rf"(?:(?P<season_det>this\s+past|this\s+coming|this|last|next|the|early|late)\s+)?(?P<season_s>{SEASON})(?:\s+(?:of\s+)?(?:(?P<season_y>{YEAR4})|(?P<season_sp>{SPELLED_YEAR})|(?P<season_rel>{REL_YEAR})))?(?![\w-])"),
    # Thanksgiving Day, Christmas, Easter week
    ("hol", rf"(?P<hol_n>{HOLIDAY})(?:\s+(?P<hol_week>week))?(?:\s+(?P<hol_y>{YEAR4}))?(?![\w])"),
    # yesterday afternoon, this morning, last night, tonight
    ("dpart", rf"(?:(?P<dpart_day>{DAYREF})|(?P<dpart_this>this|last))\s+(?P<dpart_p>{PART_OF_DAY})"),
    # (in) the morning / afternoon / evening: a part of the day last talked about
    ("inpart", r"the\s+(?P<inpart_p>morning|afternoon|evening)(?![\w-])"),
    # mid-afternoon (yesterday), mid morning Friday: only with the "mid" modifier
    ("midp", rf"(?P<midp_p>morning|afternoon)(?:\s+(?P<midp_day>{DAYREF}|{WEEKDAY})(?!\w))?"),
    ("dayref", r"(?P<dayref_w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?![\w])"),
    # Friday, last Friday, Tuesday night, Friday morning
    ("wd", rf"(?:(?P<wd_rel>the\s+(?:previous|preceding|following)|this\s+past|this\s+coming|last|next|this|coming|past)\s+)?(?P<wd_w>{WEEKDAY})(?:\s+(?P<wd_p>{PART_OF_DAY})(?!s\b))?"),
    # the year 1998, the year two thousand
    ("yearw", rf"the\s+year\s+(?:(?P<yearw_y>{YEAR4})|(?P<yearw_sp>{SPELLED_YEAR}))"),
    # last month, this week, the past decade, next year, the weekend, earlier this year
    # the week of March 6
    ("weekof", rf"the\s+week\s+of\s+(?P<weekof_m>{MONTH})\s+(?P<weekof_d>{DAY})(?:,?\s+(?P<weekof_y>{YEAR4}))?"),
    ("rel", rf"(?P<rel_det>{REL_DET}|the(?:\s+(?:full|fiscal)(?=\s+year))?)\s+(?P<rel_u>{UNIT_CAL})(?![-\w])(?!\s+(?:ended|ending)\b)"),
    # two years ago, a year earlier, several years ago, six weeks ago, 10 days later
    ("ago", rf"(?:(?P<ago_approx>{APPROX})\s+)?(?P<ago_n>\d+|{NUMBER_WORD}(?:[-\s]{UNITS})?|{VAGUE})\s+(?P<ago_u>{UNIT})\s+(?P<ago_dir>ago|hence|from\s+(?:now|today|tomorrow|yesterday)|earlier|later|before(?=\s*[,.;)]|\s+(?:that|then))|after(?=\s*[,.;)]|\s+(?:that|then)))(?![\w])"),
    # year-earlier / year-ago (adjective), year-end, (by) year end, year's end
    ("yadj", r"(?P<yadj_w>year[-\s](?:earlier|ago)|year-end|year\s+end|year['\u2019]s\s+end)(?![\w-])"),
    # the same day, that day, the following day, later that year
    ("anaph", r"(?P<anaph_det>that\s+same|the\s+same|that|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+(?P<anaph_u>day|week|month|year|quarter)(?![\w-])"),
    # nineteen ninety-six
    ("spy", rf"(?P<spy_sp>(?:{TENS}\s+{DECADES}(?:[-\s]{UNITS})?))(?![\w-])"),
    # 1998
    ("year", rf"(?<![\w$\u00a3\u20ac.,/])(?<!\d-)(?<!\d\u2013)(?P<year_y>{YEAR4})(?!s\b)(?![-\u2013/]\d)(?!\s*(?:%|percent|per\s+cent|pct))(?![\w])"),
    # November (alone), last November
    ("month", rf"(?:(?P<month_rel>this\s+past|this\s+coming|last|next|this|coming|past)\s+)?(?P<month_m>{MONTH})(?![\w])(?!\.\w)"),
    # now, currently, recently, the future ...
    ("ref", rf"(?P<ref_w>{alternation(LEX['ref_words_enabled'])})(?![\w-])"),
]

RULE_NAMES = [name for name, _ in RULES]
# Rules that may take a leading position modifier ("early", "the end of", "mid-").
MODDABLE = {"midp", "fyrel", "md", "my", "q", "qa", "qrel", "fy", "season", "dayref", "wd", "rel", "year", "month", "cent", "hol", "yearw", "spy"}


# ---------------------------------------------------------------------------------------------
# Speed: patterns are tried only at word starts that can begin a date.  Each rule declares the words it can start
# with (STARTS; a word's key is its run of letters, "#d1" ... "#d5" for a run of 1, 2, 3, 4 or more digits, "#apos"
# for an apostrophe), and the scanner tried at a word start holds only the rules that can start with that word: a
# dict lookup instead of the whole alternation at every position.  After "the", which starts many rules, the next
# word must be one that can follow it in some rule (THE_FOLLOWERS).  Tests check every declaration against the
# rules' own regexes (nothing a rule can start with is missing).  Scanners are compiled on first use, so importing
# the module compiles no big regex.
# ---------------------------------------------------------------------------------------------

APOS = "#apos"
DIGITS = ("#d1", "#d2", "#d3", "#d4", "#d5")
D1, D2, D3, D4, D5 = DIGITS
DAY_DIGITS = frozenset({D1, D2})          # a day, a month, an hour: one or two digits
ANY_DIGITS = frozenset(DIGITS)
_KEY_RE = re.compile(r"[a-z]+|[0-9]+|['\u2019]")


def word_key(word: str) -> str:
    """The dispatch key of a word or phrase: its leading run of letters, "#d1" ... "#d5" for a leading run of
    digits (by its length, five or more alike), or "#apos"."""
    k = _KEY_RE.match(word.lower())
    if k is None:
        return "#other"
    k = k.group()
    if k[0].isdigit():
        return DIGITS[min(len(k), 5) - 1]
    return APOS if k in "'\u2019" else k


def _keys(*word_lists) -> frozenset[str]:
    return frozenset(word_key(w) for words in word_lists for w in words if w and not w.startswith("_"))


_MONTH_KEYS = _keys(LEX["months"])
_WEEKDAY_KEYS = _keys(LEX["weekdays"])
_ORDINAL_KEYS = _keys(LEX["ordinals"])
_REL_KEYS = frozenset({"this", "last", "next", "the", "that", "coming", "past"})
STARTS: dict[str, frozenset[str]] = {
    "iso": frozenset({D4}),
    "ym": frozenset({D4}),
    "dmyn": DAY_DIGITS,
    "myn": DAY_DIGITS,
    "wddm": _WEEKDAY_KEYS,
    "wdd": _WEEKDAY_KEYS,
    "wdw": _WEEKDAY_KEYS,
    "mdyn": _MONTH_KEYS,
    "nth": _ORDINAL_KEYS | {"the", "last", "final"},
    "dom": frozenset({"the"}),
    "yseason": frozenset({D4}),
    "afnx": _WEEKDAY_KEYS | {"the", "week", "month", "quarter", "year"},
    "num": DAY_DIGITS,
    "time": DAY_DIGITS | {"about", "around", "approximately", "roughly", "shortly", "just", "noon", "midnight", "midday"},
    "cip": DAY_DIGITS,
    "wdmd": _WEEKDAY_KEYS,
    "md": _MONTH_KEYS,
    "dm": DAY_DIGITS | {"the"},
    "my": _MONTH_KEYS,
    "yq": frozenset({D4, "this", "last", "next"}),
    "q": _ORDINAL_KEYS | {D4, "the", "fiscal", "final", "last"},
    "q2h": frozenset({"the", "first", "second", "last", "final"}),
    "qa": frozenset({D1, D4, D5, "q", "h"}),   # (D5: "20243q" as far as the regex goes)
    "qrel": frozenset({"the", "this", "last", "next"}),
    "fyrel": frozenset({"the", "this", "last", "next"}),
    "fy": frozenset({"fiscal", "financial", "fy"}),
    "dec": _keys(LEX["decade_words"]) | {D4, APOS, "the", "early", "late", "mid"},
    "cent": _ORDINAL_KEYS | {"the"},
    "season": _keys(LEX["seasons"]) | {"this", "last", "next", "the", "early", "late"},
    "hol": _keys(LEX["holidays"]),
    "dpart": frozenset({"today", "tonight", "yesterday", "tomorrow", "this", "last"}),
    "inpart": frozenset({"the"}),
    "midp": frozenset({"morning", "afternoon"}),   # only after "mid" (the handler says so)
    "dayref": frozenset({"today", "tonight", "yesterday", "tomorrow", "the"}),
    "wd": _WEEKDAY_KEYS | _REL_KEYS,
    "yearw": frozenset({"the"}),
    "weekof": frozenset({"the"}),
    "rel": _REL_KEYS,
    "ago": _keys(LEX["approx_words"], LEX["number_words"], LEX["vague_quantities"]) | ANY_DIGITS,
    "yadj": frozenset({"year"}),
    "anaph": frozenset({"that", "the"}),
    "spy": _keys(LEX["spelled_year_tens"]),
    "year": frozenset({D4}),
    "month": _MONTH_KEYS | _REL_KEYS,
    "ref": _keys(LEX["ref_words_enabled"]),
}
# the words that can follow "the" in a rule (a rule starting with "the" is tried only before one of them)
THE_FOLLOWERS: frozenset[str] = (
    _ORDINAL_KEYS | _WEEKDAY_KEYS | _keys(LEX["seasons"], LEX["decade_words"], LEX["number_words"])
    | _keys(w.split(" ", 1)[1] for w in LEX["ref_words_enabled"] if w.startswith("the "))
    | {D1, D2, D4, APOS, "fiscal", "full", "final", "last", "year", "week", "weekend", "month", "quarter", "period",
       "decade", "century", "day", "morning", "afternoon", "evening", "early", "late", "mid", "comparable", "same",
       "corresponding", "prior", "latest", "most", "just", "current", "previous", "preceding", "recent", "coming",
       "next", "following", "past", "that"})
MOD_KEYS = frozenset({"the", "very", "early", "late", "earlier", "later", "mid"})   # the words POSMOD starts with
MOD_RE = re.compile(POSMOD)
THE_NEXT = re.compile(r"the\s+([a-z]+|[0-9]+|['\u2019])")
# the rules (in grammar order) that can start at a word with each key
KEY_RULES: dict[str, tuple[str, ...]] = {
    k: tuple(name for name in RULE_NAMES if k in STARTS[name]) for k in sorted(set().union(*STARTS.values()))}
KEY_RULES.update({k: () for k in MOD_KEYS if k not in KEY_RULES})   # "earlier", "later": only as modifiers
KEY_RULES.update({c: KEY_RULES[APOS] for c in "'\u2019"})          # looked up as found
DIGIT_RULES = tuple(KEY_RULES.get(k, ()) for k in DIGITS)           # by the length of the run of digits, less one
KEY_RULES = {k: v for k, v in KEY_RULES.items() if (v or k in MOD_KEYS) and not k.startswith("#")}
WORD_START = re.compile(r"(?<![\w'\u2019])(?:[a-z]+|[0-9]+|['\u2019])")

# A run of one or two digits starts a date only when what follows it can go on with one of the rules in DIGIT_RULES[0]
# or DIGIT_RULES[1] (checked on the ASCII-lower-cased text right after the run): a separator then a number or a month
# ("5/11/96", "12/1996", "5-Nov-96"), a colon ("10:35"), a letter of "a.m."/"pm", of a quarter ("3q") or of an
# ordinal suffix ("21st"), or a space then a word an hour, day or count can be followed by: "a.m.", "o'clock", "in
# the morning", "of", a month, a unit ("three days ago").  Most runs of digits (scores, amounts: "3-1", "21 points")
# fail this cheap test and the rules' alternation is not tried there; tests check the condition against the rules.
_ORD_SUFFIX = {k.lstrip("0123456789")[:1] for k in LEX["ordinals"] if k[:1].isdigit()} | set("snrt")
_MONTH_INITIALS = {k[0] for k in LEX["months"]}
_UNIT_INITIALS = set(re.findall(r"(?:\(\?:|\|)([a-z])", UNIT))   # days, weeks, fortnights, months, years ...
DAY_DIGIT_NEXT = re.compile(
    r"[-/.](?:[0-9][0-9]?[-/.]|[0-9]{4}|[" + "".join(sorted(_MONTH_INITIALS)) + r"])"
    r"|[:" + "".join(sorted(set("aphq") | _ORD_SUFFIX)) + r"]"
    r"|\s+[" + "".join(sorted(set("apoi") | _MONTH_INITIALS | _UNIT_INITIALS)) + r"]")


def _trie(words) -> str:
    """A regex matching any of ``words`` (letters only), as a trie of nested groups: the regex engine follows
    one branch per letter instead of trying every word in turn."""
    tree: dict = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + walk(node[c]) for c in sorted(node) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body
    return walk(tree)


# the words WORD_START finds at which some rule (or a position modifier) can start: every run of digits, an
# apostrophe, and the letter words of KEY_RULES as whole runs of letters. Scanning with it visits the same
# candidate positions as WORD_START followed by a KEY_RULES lookup, without a Python step per other word.
START_WORD = re.compile(r"(?<![\w'\u2019])(?:[0-9]+|['\u2019]|"
                        + _trie(sorted(k for k in KEY_RULES if k.isalpha())) + r"(?![a-z]))")


def _the_followers() -> str:
    """A regex of the words that can follow "the" in a rule (THE_FOLLOWERS, each a whole word as THE_NEXT reads
    it and word_key keys it): letters as a trie, runs of digits by their length, an apostrophe."""
    digits = {D1: r"[0-9](?![0-9])", D2: r"[0-9]{2}(?![0-9])", D3: r"[0-9]{3}(?![0-9])", D4: r"[0-9]{4}(?![0-9])",
              D5: r"[0-9]{5}"}
    alts = [_trie(sorted(k for k in THE_FOLLOWERS if k.isalpha())) + r"(?![a-z])"]
    alts += [digits[k] for k in DIGITS if k in THE_FOLLOWERS]
    if APOS in THE_FOLLOWERS:
        alts.append(r"['\u2019]")
    return "(?:" + "|".join(alts) + ")"


# Where the scan meets "the", some rule can go on only if a position modifier starts there ("the end of") or the
# next word is one of THE_FOLLOWERS: one match instead of the modifier's regex, THE_NEXT and word_key each time.
THE_GOES_ON = re.compile(r"(?=" + POSMOD + r")|the\s+" + _the_followers())
_PATTERN = dict(RULES)
_SCANNERS: dict[tuple[str, ...], re.Pattern] = {}


def scanner(rules: tuple[str, ...]) -> re.Pattern:
    """The compiled alternation of ``rules`` (in grammar order), compiled once per process on first use.  Matched at
    a word start (or right after a position modifier), it matches what the alternation of all rules would, since no
    other rule can start there.  Its ``mod`` group never matches: the engine matches the modifier before it."""
    rx = _SCANNERS.get(rules)
    if rx is None:
        body = "|".join(f"(?P<r_{name}>{_PATTERN[name]})" for name in rules)
        rx = _SCANNERS[rules] = re.compile(rf"(?:(?P<mod>(?!)))?(?:{body})(?![\w])")
    return rx


# The scanner runs over the ASCII-lower-cased text (same length and offsets as the original).
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
