#!/usr/bin/env python3
"""Time per character of worst-case texts against ordinary news (issue 14: within 3x).

usage: python bench/bench_worst_case.py [--scale F] [--repeat N] [--only NAME ...]

Ordinary news is the seed article (seeds/*.txt) repeated to about 50,000 characters (its own time per character
is also shown unrepeated); where ../shared is present, the time per character of the CoNLL-2003 dev stories
(distinct texts, which the tokenizer's word cache helps less than the repeated seed) is shown beside it. Each worst case is built here: repeated agreement words, repeated names, long runs of
punctuation and whitespace, a 5 MB line without spaces, many dates and places. ``--scale`` multiplies every
case's size (0.1 for a quick look). Prints best-of-N wall time, microseconds per character and the ratios to the repeated seed ("x news": its
cached words make it the fastest text) and to the CoNLL-2003 dev stories ("x stories": distinct news).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def seed_text() -> str:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return seeds[0].read_text(encoding="utf-8")


def cases(scale: float) -> dict[str, str]:
    """The worst cases, by name (sizes times ``scale``)."""
    def k(n: int) -> int:
        return max(1, int(n * scale))

    return {
        "repeated trigger 'MOU '": "MOU " * k(3000),
        "repeated trigger lines 'MOU\\n'": "MOU\n" * k(3000),
        "one-word sentences 'MOU.\\n'": "MOU.\n" * k(3000),
        "repeated trigger between names": ("Kelvo Corp and Brindle Motors signed " + "MOU " * 140
                                           + "with Lyon. ") * k(20),
        "repeated 'MOU a' between names": ("Kelvo Corp and Brindle Motors signed " + "an MOU and " * 60
                                           + "with Lyon. ") * k(20),
        "two words alternating between names": ("Kelvo Corp and Brindle Motors signed " + "MOU contract " * 60
                                                + "with Lyon. ") * k(20),
        "repeated 'MOU with' a partner": ("Kelvo Corp signed " + "MOU with Lyon " * 60 + ". ") * k(20),
        "acquisition beside a list of names (parsed)": ("Brindle Motors acquired Kelvo Corp. Lyon: "
                                                        + "Seoul, " * 70 + "Orrin Ltd acquired Tarn Corp. ") * k(10),
        "repeated 'joint venture agreement '": "joint venture agreement " * k(2000),
        "repeated clause without full stop": "Brindle Motors signed an MOU with Daejeon on Friday and " * k(400),
        "repeated sentences": "Brindle Motors signed an MOU with Kestrel University on 3 May 2024. " * k(400),
        "repeated names": "Brindle Motors Corp " * k(3000),
        "listed names": "Brindle Motors, Kestrel University and Daejeon, " * k(1000),
        "places": "Seoul, Lyon, Paris, Tokyo, " * k(2000),
        "dates": "on 3 May 2024, last Friday, next month, " * k(1000),
        "'!' run": "!" * k(16000),
        "'.' run": "." * k(16000),
        "'-' run": "-" * k(16000),
        "'?!' run": "?!" * k(8000),
        "'<' run": "<" * k(16000),
        "'(' run": "(" * k(16000),
        "'\"' run": "\"" * k(16000),
        "'$1,000' run": "$1,000" * k(3000),
        "space run": " " * k(200000),
        "newline run": "\n" * k(200000),
        "mixed whitespace run": "\t \n\r\n" * k(50000),
        "5 MB line of letters": "a" * k(5_000_000),
        "5 MB line of capitals": "ACME" * k(1_250_000),
        "5 MB line of letters and punctuation": "Acme.Corp,MOU;" * k(360_000),
        "long capitals line ending in lower case": "MOU " * k(20_000) + "x",
        "repeated '<Acme>' markup": "<Acme Corp>\n" * k(2000),
        "repeated tickers": "Acme Corp <ACME.N> and " * k(2000),
        "repeated bracketed acronyms": "Kelvo Alliance for Quantum (KAQ), " * k(2000),
        "repeated possessive names": "Kelvo's Brindle Corp and " * k(2000),
        "hyphenated name after 'town of', then an apostrophe": "the town of Ab-" + "-".join(["Ab"] * k(40)) + "'s",
        "repeated 'the towns of X and Y'": "the towns of Kelvo-Dun and Tamsa Bay, " * k(2000),
        "many one-party facts (distinct names)": " ".join(
            f"{name} Corp signed a memorandum of understanding." for name in invented_names(k(1500))),
        "many two-party facts (distinct names)": " ".join(
            f"{a} Corp signed a joint venture agreement with {b} Bank."
            for a, b in zip(invented_names(k(800)), invented_names(k(800), 7))),
        "agreement words and names, no full stop": "Kelvo Corp, Brindle Motors and Daejeon signed an MOU, a joint "
        "venture agreement and a memorandum of understanding with Seoul and Lyon and " * k(300),
        "'and'-list of names after an MOU": "Brindle Motors signed an MOU with " + ", ".join(
            f"{name} Corp" for name in invented_names(k(1500))) + " and Lyon.",
        "'and'-list of names before an MOU": ", ".join(
            f"{name} Corp" for name in invented_names(k(1500))) + " and Lyon signed an MOU.",
        "MOU between names, no full stop": " ".join(
            f"{name} Corp MOU" for name in invented_names(k(1500))),
        "clauses joined by commas, no full stop": "Brindle Motors signed an MOU with Daejeon, Kestrel University "
        "signed a joint venture agreement with Lyon, " * k(400),
        "'the two countries' after companies' facts": "Kelvo Corp signed an MOU with Brindle Motors. The two "
        "countries signed a trade agreement. " * k(800),
        "reported agreements, no full stop": "Kelvo Corp said Brindle Motors agreed with Daejeon to form a joint "
        "venture and " * k(400),
    }


def invented_names(n: int, shift: int = 0) -> list[str]:
    """``n`` distinct invented capitalised names ("Korvane Delmar") from syllables."""
    syl = ["kor", "van", "del", "mar", "tes", "lin", "bro", "quil", "sor", "ren", "hal", "vard", "ost", "mir"]
    out = []
    for i in range(n):
        j = i + shift * 1000
        a = syl[j % 14] + syl[(j // 14) % 14] + syl[(j // 196) % 14]
        b = syl[(j // 7) % 14] + syl[(j // 3) % 14]
        out.append(a.capitalize() + " " + b.capitalize())
    return out


def corpus_texts(name: str = "conll2003/conll2003-dev") -> list[str]:
    """The stories of a shared corpus (the CoNLL-2003 dev stories: distinct news texts), or none where ../shared
    is absent."""
    import json
    path = ROOT.parent / "shared" / "corpora" / f"{name}.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def _time_all(nlp, texts: list[str]) -> float:
    import qfacts
    t0 = time.perf_counter()
    for text in texts:
        qfacts.extract(text, nlp=nlp)
    return time.perf_counter() - t0


def best_time(nlp, text: str, repeat: int) -> tuple[float, object]:
    import qfacts
    best, record = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        record = qfacts.extract(text, nlp=nlp)
        best = min(best, time.perf_counter() - t0)
    return best, record


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3, help="best of N for texts under 200,000 characters")
    ap.add_argument("--only", nargs="*", default=None, help="case names containing any of these words")
    args = ap.parse_args()
    import qfacts
    from qfacts.invariants import violations

    nlp = qfacts.get_pipeline()
    qfacts.extract("Warm-up: Brindle Motors signed an MOU with Daejeon on Friday.", nlp=nlp)
    seed = seed_text()
    news = "\n\n".join([seed] * max(1, 50_000 // len(seed)))
    t_seed, _ = best_time(nlp, seed, max(3, args.repeat))
    t_news, _ = best_time(nlp, news, args.repeat)
    base = t_news / len(news)
    corpus = corpus_texts()
    print(f"load {os.getloadavg()[0]:.1f}; best of {args.repeat}")
    stories = None  # time per character of the CoNLL-2003 dev stories, where ../shared is present
    if corpus:
        # distinct stories: the tokenizer's word cache helps the repeated seed more than it helps real news
        t_corpus = min(_time_all(nlp, corpus) for _ in range(args.repeat))
        chars = sum(map(len, corpus))
        stories = t_corpus / chars

    def ratios(per_char: float) -> str:
        return f"{per_char / base:7.2f}" + (f" {per_char / stories:9.2f}" if stories else "")

    print(f"{'case':42} {'chars':>9} {'seconds':>8} {'us/char':>8} {'x news':>7}"
          + (f" {'x stories':>9}" if stories else ""))
    print(f"{'seed article':42} {len(seed):9,} {t_seed:8.3f} {t_seed / len(seed) * 1e6:8.1f} "
          f"{ratios(t_seed / len(seed))}")
    print(f"{'ordinary news (seed repeated)':42} {len(news):9,} {t_news:8.3f} {base * 1e6:8.1f} {ratios(base)}")
    if corpus:
        print(f"{'news stories (CoNLL-2003 dev, ../shared)':42} {chars:9,} {t_corpus:8.3f} "
              f"{stories * 1e6:8.1f} {ratios(stories)}")
        # deal stories: their acquisitions' sides are read from a parse, the slowest path of ordinary news
        deals = corpus_texts("acquisitions/acquisitions-dev")
        t_deals = min(_time_all(nlp, deals) for _ in range(args.repeat))
        chars_deals = sum(map(len, deals))
        print(f"{'deal stories (acquisitions dev, ../shared)':42} {chars_deals:9,} {t_deals:8.3f} "
              f"{t_deals / chars_deals * 1e6:8.1f} {ratios(t_deals / chars_deals)}")
    worst = 0.0
    for name, text in cases(args.scale).items():
        if args.only and not any(w.lower() in name.lower() for w in args.only):
            continue
        seconds, record = best_time(nlp, text, args.repeat if len(text) < 200_000 else 1)
        ratio = seconds / len(text) / base
        worst = max(worst, ratio)
        bad = violations(record, text) + [f"{e['component']}: {e['error']}" for e in record.errors]
        note = f"  PROBLEM: {bad[0]}" if bad else ""
        print(f"{name:42} {len(text):9,} {seconds:8.3f} {seconds / len(text) * 1e6:8.1f} "
              f"{ratios(seconds / len(text))}{note}", flush=True)
    print(f"worst ratio to ordinary news: {worst:.2f}x (the seed repeated)"
          + (f", {worst * base / stories:.2f}x (the CoNLL-2003 dev stories)" if stories else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
