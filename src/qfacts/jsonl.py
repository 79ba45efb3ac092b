"""One JSON Lines line to a Python value, with every way the standard parser can fail as one error.

:func:`parse_json_line` is the single reader of a JSON Lines line for qfacts' inputs (``extract`` corpora and
standard input, ``check --expect`` snapshots, ``eval`` gold and predictions, saved records for ``graph``).
Beside malformed JSON (:class:`json.JSONDecodeError`), Python's parser raises a plain :class:`ValueError` for an
integer longer than the interpreter's limit (4,300 digits by default, ``sys.set_int_max_str_digits``) and a
:class:`RecursionError` for arrays or objects nested deeper than the recursion limit allows. Each of these is
one bad line, never the end of a run: they all become :class:`JSONLineError`, whose ``reason`` is one line.

This module imports nothing but the standard library, so the light commands (``eval``) stay light.
"""
from __future__ import annotations

import json
import sys
from typing import Any, Union

__all__ = ["JSONLineError", "parse_json_line"]


class JSONLineError(ValueError):
    """A line that is not one JSON value Python can hold; ``reason`` says why in one line
    (``Expecting value (column 1)``, ``a number with more than 4300 digits``, ``nested too deeply``)."""

    def __init__(self, reason: str, syntax: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.syntax = syntax  # malformed JSON, as opposed to well-formed JSON beyond Python's limits


def _digit_limit() -> int:
    getter = getattr(sys, "get_int_max_str_digits", None)  # Python 3.11+ (and 3.10.7+)
    return getter() if getter is not None else 0


def parse_json_line(line: Union[str, bytes]) -> Any:
    """The JSON value of ``line``; raises :class:`JSONLineError` for anything that is not a JSON value that
    Python can hold (bytes must be UTF-8; a :class:`UnicodeDecodeError` is left to the caller, who knows the
    byte offsets)."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise JSONLineError(f"{exc.msg} (column {exc.colno})", syntax=True) from None
    except RecursionError:
        raise JSONLineError("arrays or objects nested too deeply") from None
    except UnicodeDecodeError:
        raise
    except ValueError as exc:
        limit = _digit_limit()
        if "digits" in str(exc) and limit:
            raise JSONLineError(f"a number with more than {limit} digits") from None
        raise JSONLineError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
