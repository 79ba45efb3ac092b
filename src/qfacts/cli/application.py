"""The Typer application: the ``qfacts`` group, ``--version``, and the commands registered from their modules.

Each command lives in a module of its own (:mod:`.extract`, :mod:`.check`, :mod:`.eval`, :mod:`.graph`,
:mod:`.schema`) as a plain function; this module imports them and registers them on :data:`app`. The command
modules import their shared helpers from :mod:`.common`, never from here.
"""
from __future__ import annotations

import typer

from .. import __version__
from . import check as check_command
from . import eval as eval_command
from . import extract as extract_command
from . import graph as graph_command
from . import schema as schema_command
from .common import EXIT_OK, PROG

app = typer.Typer(
    name=PROG,
    add_completion=False,
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
    """


app.command(name="extract")(extract_command.extract)
app.command(name="check")(check_command.check)
app.command(name="eval")(eval_command.eval_)
app.command(name="schema")(schema_command.schema)
app.command(name="graph")(graph_command.graph)


def main() -> None:
    """Console-script entry point."""
    app(prog_name=PROG)
