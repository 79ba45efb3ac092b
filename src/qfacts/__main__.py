"""``python -m qfacts``: the same as the ``qfacts`` command."""
from .cli import main

main()
