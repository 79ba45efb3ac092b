"""Writing the document-level items of annotations/modern-lead and annotations/modern-heldout (standard library).

``write_items(items, out)`` writes one gold record a line (FORMAT.md's document-level keys) and checks that every
surface form of the items' organisations, places and parties stands in its text; it returns the number of
surface forms missing (0: the file is sound).
"""
from __future__ import annotations

import json
from pathlib import Path

LICENSE = "text written for qfacts (MIT); invented companies, real places"


def write_items(items: list[dict], out: Path) -> int:
    bad = 0
    with out.open("w", encoding="utf-8") as fh:
        for item in items:
            text = item["text"]
            names = [n for group in item["orgs"] + item["places"] for n in group]
            names += [n for a in item["agreements"] for p in a["parties"] for n in p]
            for name in names:
                if name not in text:
                    print(f"{item['id']}: {name!r} is not in the text")
                    bad += 1
            record = dict(id=item["id"], text=text, reference_date=item["reference_date"],
                          annotated=["ORG", "PLACE", "AGREEMENT"], mentions=[], orgs=item["orgs"],
                          places=item["places"], agreements=item["agreements"], license=LICENSE)
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(items)} items -> {out}" + (f"; {bad} surface forms missing" if bad else ""))
    return bad
