"""``python -m qfacts.train SUBCOMMAND [options]``: rebuild a shipped model from the corpora in ``../shared``.

Each subcommand is a module of this package with a ``main(argv) -> int``; ``python -m qfacts.train SUBCOMMAND
--help`` prints its options.
"""
from __future__ import annotations

import importlib
import sys

# subcommand -> (module, what it trains)
COMMANDS = {
    "orgs": ("qfacts.train.orgs", "the classifier of capitalised names (data/orgs_model.json)"),
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        print("usage: python -m qfacts.train SUBCOMMAND [options]\n\nsubcommands:", file=sys.stderr)
        for name, (_, what) in COMMANDS.items():
            print(f"  {name:<10} {what}", file=sys.stderr)
        if argv and argv[0] not in ("-h", "--help"):
            print(f"unknown subcommand {argv[0]!r}", file=sys.stderr)
            return 2
        return 0 if argv else 2
    return importlib.import_module(COMMANDS[argv[0]][0]).main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
