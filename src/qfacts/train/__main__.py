"""``python -m qfacts.train COMMAND [options]``: rebuild one of the models qfacts ships.

``python -m qfacts.train`` alone lists the commands; ``python -m qfacts.train COMMAND --help`` gives a
command's options.
"""
from __future__ import annotations

import importlib
import sys
from typing import Optional, Sequence

# command -> (module with a main(argv) -> exit code, what it rebuilds)
COMMANDS = {
    "parser": ("qfacts.train.parser", "the tagger and dependency parser (data/models/parser) from UD English EWT"),
    "orgs": ("qfacts.train.orgs", "the classifier of capitalised names (data/orgs_model.json) from the "
             "mention-annotated corpora"),
    "facts": ("qfacts.train.facts", "the learned decisions of the facts stages (data/facts_model.json) from the "
              "annotated agreement corpora"),
}


def usage() -> str:
    lines = ["usage: python -m qfacts.train COMMAND [options]", "", "commands:"]
    lines += [f"  {name:<10} {help_}" for name, (_, help_) in sorted(COMMANDS.items())]
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(usage(), file=sys.stdout if args else sys.stderr)  # no command is a usage error
        return 0 if args else 2
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"python -m qfacts.train: no command {name!r}\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
