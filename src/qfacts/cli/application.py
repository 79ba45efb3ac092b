"""The Typer application: the ``qfacts`` group, ``--version``, and the commands registered from their modules.

Each command lives in a module of its own (:mod:`.extract`, :mod:`.check`, :mod:`.eval`, :mod:`.graph`,
:mod:`.schema`) as a plain function; this module imports them and registers them on :data:`app`. The command
modules import their shared helpers from :mod:`.common`, never from here.

The group and command classes below make Typer's output read like the rest of qfacts:

* help shows an argument by its name (``PATH...``, ``GOLD``), not its Python type (``PATH <list[str]>``) or
  Typer's braces (``{GOLD}``), and choices as ``[table|json|jsonl|csv]``;
* a bad option is one line in plain words, ``qfacts: error: --jobs: 'x' is not a whole number``, exit code 2;
* Ctrl-C while options are read or a command runs is one line, ``qfacts: interrupted``, exit code 130 (SIGTERM:
  ``qfacts: terminated``, 143), never a traceback;
* an output that cannot be written (:class:`.common.OutputError`) is one line naming the path and the reason,
  exit code 2 when known before any input was read, else 1.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import Any, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from .. import __version__
from . import check as check_command
from . import eval as eval_command
from . import extract as extract_command
from . import graph as graph_command
from . import schema as schema_command
from .common import EXIT_OK, EXIT_USAGE, PROG, OutputError, interruption_exit, print_error, quiet_stdout

# Typer's UsageError (click's, or its own copy in Typer 0.29+) without importing a private module by name.
UsageError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


class _PlainArgument(TyperArgument):
    """An argument shown by its name: ``PATH...``, ``GOLD``, ``[PRED]``."""

    def display_type_rich(self, ctx: Any) -> Optional[str]:
        return None

    def process_value(self, ctx: Any, value: Any) -> Any:
        if value is None and not self.required:
            return _process_missing(self, ctx, value)
        return _process_plain(self, ctx, value, super().process_value)

    def _rich_display_name(self) -> str:
        name = self.display_name_raw
        return name + "..." if self.nargs != 1 else name

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        if self.nargs != 1:
            name += "..."
        return name if self.required else f"[{name}]"


class _PlainOption(TyperOption):
    """An option whose value is shown by its metavar, or its choices as ``[a|b|c]``, never a Python type."""

    def process_value(self, ctx: Any, value: Any) -> Any:
        if value is None and not self.required:
            return _process_missing(self, ctx, value)
        return _process_plain(self, ctx, value, super().process_value)

    def display_type_rich(self, ctx: Any) -> Optional[str]:
        if self.metavar is not None:
            return self.metavar
        choices = self.type_descriptor.choices
        if choices:
            return "[" + "|".join(str(getattr(c, "value", c)) for c in choices) + "]"
        return super().display_type_rich(ctx)

    def _get_number_range_help_str(self) -> Optional[str]:
        """``0 or more`` rather than ``x>=0`` in the help's [default: ...] note."""
        low, high = getattr(self, "min", None), getattr(self, "max", None)
        if low is not None and high is not None:
            return f"{low} to {high}"
        if low is not None:
            return f"{low} or more"
        if high is not None:
            return f"{high} or less"
        return None


def _process_missing(param: Any, ctx: Any, value: Any) -> Any:
    """An optional parameter left out: what Typer's coercion would give (None, or () for a list), without
    building its Pydantic adapter, which costs 0.1-0.2 s of start-up (``qfacts schema``, ``--version``)."""
    value = () if (param.multiple or param.nargs == -1) else None
    return param.callback(ctx, param, value) if param.callback is not None else value


_NOT_PLAIN = object()


def plain_value(param: Any, value: Any) -> Any:
    """What Typer's coercion gives for ``value`` when that needs no conversion (a text for a text, a whole number
    in range for a number, texts for a list of texts, a choice's name for a choice), or ``_NOT_PLAIN``.

    Typer builds a Pydantic adapter per parameter to coerce (importing Pydantic costs 0.1-0.2 s of start-up); a
    value this reads is what the adapter would return, and every other value (one to convert, or an error to
    report in Typer's words) still goes through it.
    """
    desc = param.type_descriptor
    info = desc.parameter_info
    if desc.file_annotation is not None or desc.is_path or desc.is_datetime or desc.is_tuple \
            or info.parser is not None or getattr(info, "click_type", None) is not None:
        return _NOT_PLAIN
    annotation = desc.annotation
    if annotation is str:
        return value if type(value) is str else _NOT_PLAIN
    if annotation is int:
        if type(value) is int and (info.min is None or value >= info.min) and (info.max is None or value <= info.max):
            return value
        return _NOT_PLAIN
    if desc.is_list and getattr(annotation, "__args__", None) == (str,):
        if isinstance(value, (list, tuple)) and all(type(v) is str for v in value):
            return list(value)
        return _NOT_PLAIN
    if desc.is_choice and isinstance(annotation, type) and issubclass(annotation, Enum):
        if isinstance(value, annotation):
            return value
        if type(value) is str:
            found = [m for m in annotation if m.value == value]
            if not found and not desc.case_sensitive:
                found = [m for m in annotation if str(m.value).casefold() == value.casefold()]
            if len(found) == 1:
                return found[0]
    return _NOT_PLAIN


def _process_plain(param: Any, ctx: Any, value: Any, process: Any) -> Any:
    """``process(ctx, value)`` (Typer's), or the same result without Typer's adapter when the value is plain."""
    plain = plain_value(param, value)
    if plain is _NOT_PLAIN or (param.required and param.value_is_missing(plain)):
        return process(ctx, value)
    return param.callback(ctx, param, plain) if param.callback is not None else plain


def _plain_params(params: list) -> None:
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = _PlainArgument
        elif type(param) is TyperOption:
            param.__class__ = _PlainOption


def plain_message(exc: Exception) -> str:
    """A Typer/click usage error in plain words, without Python types, Pydantic wording or click's capitals."""
    kind = type(exc).__name__
    param = getattr(exc, "param", None)
    name = _param_name(param) if param is not None else None
    if kind == "MissingParameter" and name:
        return f"{name} is missing"
    if kind == "NoSuchOption":
        option = getattr(exc, "option_name", "")
        possible = sorted(getattr(exc, "possibilities", None) or ())
        hint = f" (did you mean {' or '.join(possible)}?)" if possible else ""
        return f"no such option {option}{hint}"
    cause = exc.__cause__
    detail = _pydantic_detail(cause, param) if cause is not None and hasattr(cause, "errors") else None
    if detail is None:
        detail = str(getattr(exc, "message", None) or exc).removeprefix("Value error, ")
        for pattern, replacement in _CLICK_WORDING:
            detail = pattern.sub(replacement, detail)
        detail = detail.rstrip(".")
        detail = detail[:1].lower() + detail[1:]
    return f"{name}: {detail}" if name else detail


_CLICK_WORDING = [
    (re.compile(r"^Option '([^']+)' requires an argument\.?$"), r"\1 needs a value"),
    (re.compile(r"^Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$"), r"unexpected extra argument: \1"),
    (re.compile(r"\. Did you mean (.*)\?$"), r" (did you mean \1?)"),
]


def _param_name(param: Any) -> str:
    """``--jobs`` for an option (its long name), ``GOLD`` for an argument."""
    if isinstance(param, TyperArgument):
        return param.display_name_raw
    opts = list(getattr(param, "opts", None) or [])
    long = [o for o in opts if o.startswith("--")]
    return (long or opts or [param.name])[0]


def _pydantic_detail(cause: Any, param: Any) -> Optional[str]:
    try:
        error = cause.errors()[0]
    except Exception:  # not a Pydantic error after all
        return None
    kind, value, ctx = error.get("type", ""), error.get("input"), error.get("ctx") or {}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{value!r} is not a whole number"
    if kind in ("float_parsing", "float_type"):
        return f"{value!r} is not a number"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(ctx.values()), None)
        words = {"greater_than_equal": f"{bound} or more", "greater_than": f"more than {bound}",
                 "less_than_equal": f"{bound} or less", "less_than": f"less than {bound}"}[kind]
        return f"must be {words}, not {value}"
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    if choices:
        names = ", ".join(str(getattr(c, "value", c)) for c in choices)
        return f"{value!r} is not one of {names}"
    return None


class QfactsCommand(TyperCommand):
    """A qfacts command: plain help, plain one-line option errors, one line on Ctrl-C and SIGTERM."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_params(self.params)

    def get_params(self, ctx: Any) -> list:
        params = super().get_params(ctx)
        _plain_params(params)  # the help and completion options are made here, not in __init__
        return params

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt as exc:  # while the options are read (Typer would exit 130 without a word)
            raise interruption_exit(exc) from None

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":
                raise
            raise _plain_usage_error(exc, ctx) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:  # the commands handle their own; this is for the moments around them
            raise interruption_exit(exc) from None
        except OutputError as exc:  # a full disk, a folder that cannot hold the output: one line, no traceback
            print_error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:  # the reader of stdout left (| head): not an error, as in ripgrep
            quiet_stdout()
            raise typer.Exit(EXIT_OK) from None


class QfactsGroup(TyperGroup):
    """The ``qfacts`` group: the same plain errors for an unknown command, and one line on Ctrl-C."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_params(self.params)

    def get_params(self, ctx: Any) -> list:
        params = super().get_params(ctx)
        _plain_params(params)  # the help and completion options are made here, not in __init__
        return params

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt as exc:
            raise interruption_exit(exc) from None

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":
                raise
            raise _plain_usage_error(exc, ctx) from None

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            raise _plain_usage_error(exc, ctx) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            raise interruption_exit(exc) from None


class PlainUsageError(UsageError):  # type: ignore[misc, valid-type]
    """A usage error shown as one line, like qfacts' own: ``qfacts: error: MESSAGE; see 'qfacts CMD --help'``."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        hint = ""
        if self.ctx is not None:
            hint = f"; see '{self.ctx.command_path} --help'"
        print_error(f"{self.message}{hint}")


def _plain_usage_error(exc: Exception, ctx: Any) -> Exception:
    return PlainUsageError(plain_message(exc), ctx)


app = typer.Typer(
    name=PROG,
    cls=QfactsGroup,
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version_callback, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Offline fact extraction from news: organisations, places, dates, agreements, and who agreed what
    with whom, when.

    Example: qfacts extract article.txt   (run 'qfacts extract --help' for the options)

    Shell completion: qfacts --install-completion (bash, zsh, fish, PowerShell), then open a new shell.
    """


app.command(name="extract", cls=QfactsCommand)(extract_command.extract)
app.command(name="check", cls=QfactsCommand)(check_command.check)
app.command(name="eval", cls=QfactsCommand)(eval_command.eval_)
app.command(name="schema", cls=QfactsCommand)(schema_command.schema)
app.command(name="graph", cls=QfactsCommand)(graph_command.graph)


def run() -> None:
    """Run the application on ``sys.argv`` (the console script goes through :func:`qfacts.cli.main`)."""
    app(prog_name=PROG)
