"""Training scripts for the models qfacts ships: ``python -m qfacts.train COMMAND [options]``.

Each command lives in its own module of this package (``qfacts.train.parser``, ...) and is listed in
``qfacts.train.__main__.COMMANDS``; importing this package imports none of them (and so nothing heavy).
"""
