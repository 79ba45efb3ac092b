#!/usr/bin/env python3
"""Fuzz qfacts.extract: N generated inputs on all cores; crashes, invariant violations and the slowest input.

usage: python bench/fuzz.py [-n N] [--seed S] [--jobs J] [--budget SECONDS] [--show K] [--index I ...]

Input categories (input i of seed S is always the same text and reference date):

- ``news``: news-like sentences from own word lists (invented organisations, places, agreement words, signing
  verbs, dates, datelines, wire markup), with random line breaks, capitals and stray brackets;
- ``unicode``: random code points (lone surrogates, controls, combining marks, right-to-left, emoji, private use)
  alone and mixed into news fragments;
- ``mutated``: pieces of the seed article (seeds/*.txt) with random deletions, duplications, insertions, case
  changes and line breaks;
- ``shapes``: worst-case shapes (repeated agreement words and names, runs of punctuation and whitespace, long
  lines without spaces, many dates);
- ``dates``: relative and absolute dates against reference dates drawn across 0001-01-01 .. 9999-12-31 (the
  calendar's ends included).

Every input also gets a reference date (none, an ordinary one or one of 0001..9999). A crash is an exception
from ``extract`` or a record with ``errors``; a violation is a line of :func:`qfacts.invariants.violations`.
Prints the number of inputs run, crashes and violations (with a short repro each: category, index, reference
date and the text), and the slowest input's time per character against ordinary news (the seed article
repeated). ``--index`` reruns given inputs only. Exit code 1 when anything was found.
"""
from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CATEGORIES = ("news", "unicode", "mutated", "shapes", "dates")

ORGS = ["Brindle Motors", "Brindle Motors Corp", "Kestrel University", "Acme Corp", "Acme Corp.", "Vantor Labs Inc",
        "Daejeon Metropolitan Government", "Halvard Bank", "the Norlund Institute", "Sorrel Energy Ltd",
        "Quillon Systems", "BRINDLE MOTORS", "Tessaly Group AG", "Orvane Pharma", "Maple & Finch LLC"]
PLACES = ["Seoul", "Lyon", "Japan", "Daejeon", "Kenya", "Brazil", "Ontario", "the United States", "Busan",
          "Hamburg", "Jakarta", "SEOUL", "Ho Chi Minh City", "Île-de-France", "São Paulo"]
AGREEMENTS = ["an MOU", "a memorandum of understanding", "a joint venture", "a trade agreement", "a letter of intent",
              "a partnership", "an agreement", "a licensing deal", "a contract", "the MOU", "the agreement",
              "a cooperation agreement", "a joint research agreement", "MOU", "MOUs", "a TRADE\nAGREEMENT",
              "a stake", "an acquisition", "a pilot project", "a joint declaration"]
VERBS = ["signed", "agreed", "announced", "will sign", "plans to sign", "denied signing", "is negotiating",
         "acquired", "formed", "ended", "reached", "may sign", "said it signed", "have signed", "inked"]
DATES = ["on Friday", "last week", "on 3 March 2024", "2024-05-20", "next month", "in Q3 2024", "yesterday",
         "last summer", "by summer", "tomorrow", "next week", "in 1998", "on May 19", "last month",
         "this year", "in the first half of 2025", "on 31/12/2023", "early next year", "two years ago",
         "on Feb. 29", "in December", "on Monday, May 19, 2025", "this week", "in the 1990s", "at 10 a.m. Friday"]
LINKS = ["with", "and", "between", "by", "for", "in", "of", "to", ",", "said", "according to", "under which",
         "while", "but also with", "(Reuters) -", "--", ";", "."]
DATELINES = ["SEOUL, May 19 (Yonhap) -- ", "LYON, France, March 3 (Reuters) - ", "TOKYO -- ", "", "", "",
             "NEW YORK, Oct 2 - ", "(AP) "]
AWKWARD = ["<", ">", "<\n>", "\n", "\n\n", "\r\n", "\t", "  ", "\x00", "\x0b", "\x1b[0m", "\u200b", "\u202e", "\ufeff",
           "\u2028", "\x85", "e\u0301", "🤝", "👩\u200d👩\u200d👧", "שלום", "مرحبا", "İ", "ß", "ﬁ", "“", "”", "—",
           "...", "!!", "?", "(", ")", "\"", "'s", "$1.5 bln", "10 pct", "<ACME.N>", "<Acme Corp>", "\ud800",
           "\udfff", "\U0010ffff", "\ue000"]


def news_sentence(rng: random.Random) -> str:
    parts = [rng.choice(ORGS + PLACES)]
    if rng.random() < 0.4:
        parts += ["and", rng.choice(ORGS + PLACES)]
    parts += [rng.choice(VERBS), rng.choice(AGREEMENTS)]
    for _ in range(rng.randint(0, 4)):
        parts += [rng.choice(LINKS), rng.choice(ORGS + PLACES + DATES + AGREEMENTS)]
    if rng.random() < 0.6:
        parts.append(rng.choice(DATES))
    text = " ".join(parts) + rng.choice([".", ".", ".", "", "!", "?", ";", ":"])
    if rng.random() < 0.2:
        text = text.upper()
    if rng.random() < 0.2:
        words = text.split(" ")
        text = "".join(w + rng.choice([" ", " ", " ", "\n"]) for w in words).rstrip()
    return text


def news(rng: random.Random) -> str:
    sentences = [news_sentence(rng) for _ in range(rng.randint(1, 8))]
    sep = rng.choice([" ", " ", "\n", "\n\n"])
    text = rng.choice(DATELINES) + sep.join(sentences)
    if rng.random() < 0.3:
        text = rng.choice([o.upper() for o in ORGS]) + " AND " + rng.choice(PLACES).upper() + " SIGN MOU\n\n" + text
    if rng.random() < 0.3:
        k = rng.randrange(len(text) + 1)
        text = text[:k] + rng.choice(AWKWARD) + text[k:]
    return text


def random_char(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.1:
        return chr(rng.randint(0xD800, 0xDFFF))  # lone surrogate
    if r < 0.2:
        return chr(rng.choice([rng.randint(0, 0x1F), rng.randint(0x7F, 0x9F)]))  # controls
    if r < 0.3:
        return chr(rng.randint(0x300, 0x36F))  # combining marks
    if r < 0.4:
        return chr(rng.randint(0x590, 0x6FF))  # Hebrew, Arabic
    if r < 0.5:
        return chr(rng.randint(0x1F300, 0x1FAFF))  # emoji
    if r < 0.55:
        return chr(rng.randint(0xE000, 0xF8FF))  # private use
    if r < 0.65:
        return rng.choice(" \n\t\r.,;:!?<>()\"'-—")
    if r < 0.8:
        return chr(rng.randint(0x20, 0x7E))
    return chr(rng.randint(0xA0, 0x10FFFF))


def unicode_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(random_char(rng) for _ in range(rng.randint(0, 300)))
    pieces = []
    for _ in range(rng.randint(1, 20)):
        if rng.random() < 0.5:
            pieces.append(rng.choice(ORGS + PLACES + AGREEMENTS + VERBS + DATES + LINKS))
        else:
            pieces.append("".join(random_char(rng) for _ in range(rng.randint(1, 6))))
    return rng.choice(["", " ", "\n"]).join(pieces)


_SEED: list[str] = []


def seed_article() -> str:
    if not _SEED:
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        _SEED.append(seeds[0].read_text(encoding="utf-8") if seeds else news(random.Random(0)))
    return _SEED[0]


def mutated(rng: random.Random) -> str:
    text = seed_article()
    if rng.random() < 0.8:  # a piece of it, mostly
        a = rng.randrange(len(text))
        text = text[a:a + rng.randint(50, 1500)]
    for _ in range(rng.randint(1, 8)):
        n = len(text)
        op = rng.random()
        a = rng.randrange(n + 1)
        b = min(n, a + rng.randint(0, 40))
        if op < 0.2:
            text = text[:a] + text[b:]
        elif op < 0.35:
            text = text[:b] + text[a:b] + text[b:]
        elif op < 0.6:
            text = text[:a] + rng.choice(AWKWARD + [random_char(rng)]) + text[a:]
        elif op < 0.7:
            text = text[:a] + text[a:b].upper() + text[b:]
        elif op < 0.8:
            text = text[:a] + text[a:b].replace(" ", "\n") + text[b:]
        elif op < 0.9:
            text = text[:a] + rng.choice(ORGS + PLACES + AGREEMENTS + DATES) + text[a:]
        else:
            text = text[:a]
    return text


def shape(rng: random.Random) -> str:
    unit = rng.choice(["MOU ", "MOU\n", "joint venture agreement ", "Brindle Motors signed an MOU with Daejeon and ",
                       "Acme Corp ", "Seoul, ", "on 3 May 2024, ", "!", ".", "?!", "<", "(", "\"", "'s", "-",
                       " ", "\n", "\t \n", "a", "A", "<Acme Corp>\n", "$1,000", "Acme.Corp,MOU;", "\u0301",
                       "MOU MOU, MOU; ", "with Kestrel University and ", "\ud800", "(Reuters) - "])
    size = rng.choice([10, 100, 500, 2000])
    text = unit * max(1, size // max(1, len(unit)))
    if rng.random() < 0.5:
        text = news_sentence(rng) + " " + text + " " + news_sentence(rng)
    return text


def reference_date(rng: random.Random, extreme: bool = False):
    r = rng.random()
    if not extreme and r < 0.4:
        return None
    if r < 0.6:
        return rng.choice([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1, 1, 7), dt.date(9999, 12, 25),
                           dt.date(1, 12, 31), dt.date(9999, 1, 1), dt.date(2024, 2, 29)]).isoformat()
    if r < 0.8 or extreme:
        return (dt.date(1, 1, 1) + dt.timedelta(days=rng.randrange(3652059))).isoformat()
    return (dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(15000))).isoformat()


def dates_text(rng: random.Random) -> str:
    words = rng.sample(DATES, rng.randint(1, 5))
    return news_sentence(rng) + " " + " and ".join(words) + rng.choice([".", "", "\n"])


def make_input(seed: int, i: int) -> tuple[str, str, object]:
    """Input ``i`` of ``seed``: (category, text, reference date)."""
    rng = random.Random(f"{seed}:{i}")
    category = CATEGORIES[i % len(CATEGORIES)]
    text = {"news": news, "unicode": unicode_text, "mutated": mutated, "shapes": shape,
            "dates": dates_text}[category](rng)
    return category, text, reference_date(rng, extreme=category == "dates")


_NLP = None


def _init() -> None:
    global _NLP
    try:
        os.nice(5)
    except OSError:
        pass
    import qfacts
    _NLP = qfacts.get_pipeline()
    qfacts.extract(seed_article(), nlp=_NLP)  # loads every lazily loaded model (parser, classifiers) once
    for i in range(2 * len(CATEGORIES)):  # and whatever the categories' first inputs load (timed apart)
        _category, text, ref = make_input(-1, i)
        qfacts.extract(text, reference_date=ref, nlp=_NLP)


def run_one(args: tuple[int, int]) -> tuple:
    """(index, category, seconds, characters, crash message or "", violations)."""
    import qfacts
    from qfacts.invariants import violations

    seed, i = args
    category, text, ref = make_input(seed, i)
    t0 = time.perf_counter()
    try:
        record = qfacts.extract(text, reference_date=ref, nlp=_NLP)
    except Exception as exc:  # a crash: what the fuzzer is for
        return i, category, time.perf_counter() - t0, len(text), f"{type(exc).__name__}: {exc}", []
    seconds = time.perf_counter() - t0
    crash = "; ".join(f"{e['component']}: {e['error']}" for e in record.errors)
    return i, category, seconds, len(text), crash, violations(record, text)


def news_time_per_char(nlp) -> float:
    import qfacts
    seed = seed_article()
    news_text = "\n\n".join([seed] * max(1, 30_000 // len(seed)))
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        qfacts.extract(news_text, nlp=nlp)
        best = min(best, time.perf_counter() - t0)
    return best / len(news_text)


def _timed(text: str, ref) -> float:
    import qfacts
    t0 = time.perf_counter()
    qfacts.extract(text, reference_date=ref, nlp=_NLP)
    return time.perf_counter() - t0


def repro(seed: int, i: int, what: str) -> str:
    category, text, ref = make_input(seed, i)
    shown = repr(text) if len(text) <= 160 else repr(text[:160]) + f"... ({len(text)} chars)"
    return f"  [{category} #{i}, reference_date={ref}] {what}\n      text: {shown}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=2000, help="inputs to run")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--budget", type=float, default=0, help="stop after this many seconds (0: none)")
    ap.add_argument("--show", type=int, default=10, help="repros to print per kind")
    ap.add_argument("--index", type=int, nargs="*", help="run only these inputs")
    args = ap.parse_args()
    indices = args.index if args.index else range(args.n)
    _init()
    base = news_time_per_char(_NLP)
    t_start = time.perf_counter()
    crashes, broken = [], []
    per_cat = {c: 0 for c in CATEGORIES}
    slowest = (0.0, -1, 0)  # (seconds per char, index, chars) among inputs of 1,000 characters or more
    slowest_any = (0.0, -1, 0)
    done = 0
    work = ((args.seed, i) for i in indices)
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with ctx.Pool(args.jobs, initializer=_init) as pool:
        for i, category, seconds, chars, crash, bad in pool.imap_unordered(run_one, work, chunksize=16):
            done += 1
            per_cat[category] += 1
            if crash:
                crashes.append((i, crash))
            if bad:
                broken.append((i, bad))
            rate = seconds / max(chars, 1)
            if chars >= 1000 and rate > slowest[0]:
                slowest = (rate, i, chars)
            if seconds > slowest_any[0]:
                slowest_any = (seconds, i, chars)
            if done % 5000 == 0:
                print(f"... {done} inputs, {len(crashes)} crashes, {len(broken)} with violations, "
                      f"{time.perf_counter() - t_start:.0f} s", flush=True)
            if args.budget and time.perf_counter() - t_start > args.budget:
                pool.terminate()
                break
    elapsed = time.perf_counter() - t_start
    print(f"inputs run: {done} ({', '.join(f'{c} {n}' for c, n in per_cat.items())}) in {elapsed:.0f} s "
          f"on {args.jobs} processes, seed {args.seed}; load {os.getloadavg()[0]:.1f}")
    print(f"crashes (exceptions or records with errors): {len(crashes)}")
    for i, what in sorted(crashes)[:args.show]:
        print(repro(args.seed, i, what))
    print(f"inputs with invariant violations: {len(broken)}")
    for i, bad in sorted(broken)[:args.show]:
        print(repro(args.seed, i, f"{bad[0]}" + (f" (+{len(bad) - 1} more)" if len(bad) > 1 else "")))
    print(f"ordinary news (seed article repeated): {base * 1e6:.1f} us/char")
    if slowest[1] >= 0:
        print(f"slowest input of 1,000+ chars: {slowest[0] * 1e6:.1f} us/char ({slowest[0] / base:.2f}x news), "
              f"{slowest[2]} chars, timed in a worker beside the others")
        print(repro(args.seed, slowest[1], "slowest per character"))
        _category, text, ref = make_input(args.seed, slowest[1])
        again = min(_timed(text, ref) for _ in range(3))  # alone, as the news figure was timed
        print(f"  the same input again alone (best of 3): {again / len(text) * 1e6:.1f} us/char "
              f"({again / len(text) / base:.2f}x news)")
    if slowest_any[1] >= 0:
        print(f"slowest input overall: {slowest_any[0]:.3f} s for {slowest_any[2]} chars")
        print(repro(args.seed, slowest_any[1], "slowest overall"))
    return 1 if crashes or broken else 0


if __name__ == "__main__":
    sys.exit(main())
