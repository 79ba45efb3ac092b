"""The ``qfacts`` command line.

One module per command (:mod:`.extract`, :mod:`.check`, :mod:`.eval`, :mod:`.graph`, :mod:`.schema`), the
helpers they share in :mod:`.common`, and the Typer application that registers them in :mod:`.application`.
``qfacts`` (the console script) and ``python -m qfacts`` both run :func:`main`.
"""
from .application import app, main

__all__ = ["app", "main"]
