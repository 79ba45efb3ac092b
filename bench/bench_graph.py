"""Render a synthetic agreement network of N parties (default 200) and print what the drawing did.

    python bench/bench_graph.py [--nodes 200] [--out /tmp/qfacts-graph]   # writes network.png/.svg there

The records are invented: a preferential-attachment network (a few busy hubs, many small partners, as in
news about city partnerships) turned into qfacts record dicts, so the run needs no extraction. It prints the
layout used, the label overlaps left (0 is the goal), the picture's size and the seconds each format took.
"""
from __future__ import annotations

import argparse
import os
import random
import time

import networkx as nx

from qfacts import graph as qgraph

FIRST = ["North", "Blue", "Harbor", "Silver", "Pine", "Quantum", "Delta", "Summit", "River", "Nova", "Iron",
         "Crescent", "Golden", "Atlas", "Maple", "Vector"]
SECOND = ["Ridge", "Bay", "Field", "Gate", "Stone", "Labs", "Works", "Point", "Valley", "Systems", "Dynamics",
          "Bridge", "Forge", "Light"]
KINDS = [("ORG", "Corp"), ("ORG", "University"), ("ORG", "Institute"), ("ORG", "Authority"), ("PLACE", "City"),
         ("PLACE", "Province")]
TYPES = ["memorandum_of_understanding", "partnership", "joint_research", "pilot_project", "investment",
         "talent_exchange"]


def synthetic_records(nodes: int, seed: int = 7) -> list[dict]:
    """One record per 25 facts; parties named from the word lists above, dated in 2024-2025."""
    rng = random.Random(seed)
    shape = nx.barabasi_albert_graph(nodes, 1, seed=seed)
    names, labels = {}, {}
    for v in shape.nodes:
        label, head = rng.choice(KINDS)
        names[v] = f"{rng.choice(FIRST)} {rng.choice(SECOND)} {head} {v}"
        labels[v] = label
    facts = []
    for a, b in sorted(shape.edges):
        for _ in range(1 + (rng.random() < 0.15)):
            date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.7 else None
            facts.append((a, b, rng.choice(TYPES), date))
    records = []
    for start in range(0, len(facts), 25):
        chunk = facts[start:start + 25]
        used = sorted({v for a, b, _, _ in chunk for v in (a, b)})
        records.append({
            "id": f"synthetic-{start // 25 + 1}",
            "entities": [{"label": labels[v], "text": names[v], "start": 0, "end": len(names[v])} for v in used],
            "agreements": [{"type": t, "parties": [names[a], names[b]], "date": d, "status": "signed",
                            "sentence": ""} for a, b, t, d in chunk],
        })
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=200)
    parser.add_argument("--out", default="/tmp/qfacts-graph")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    records = synthetic_records(args.nodes)
    started = time.perf_counter()
    network = qgraph.build_graph(records)
    print(f"build: {network.number_of_nodes()} nodes, {network.number_of_edges()} fact edges, "
          f"{time.perf_counter() - started:.2f} s")
    for fmt in ("png", "svg"):
        path = os.path.join(args.out, f"network.{fmt}")
        started = time.perf_counter()
        with open(path, "wb") as fh:
            report = qgraph.draw(network, fh, fmt)
        print(f"{fmt}: layout={report.layout} overlaps={report.overlaps} "
              f"hidden_edge_labels={report.hidden_edge_labels} figure={report.width_px}x"
              f"{report.height_px}px {os.path.getsize(path) / 1024:.0f} KB {time.perf_counter() - started:.2f} s"
              f" -> {path}")
    for fmt in ("graphml", "gexf", "dot", "mmd"):
        started = time.perf_counter()
        data = qgraph.render(network, fmt)
        print(f"{fmt}: {len(data) / 1024:.0f} KB {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
