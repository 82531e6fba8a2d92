"""The ``helpfinder`` command: a thin layer over the library.

The app, its root options, and its commands: people's (``people``) and
curators' (``curators``). Each command loads the directory, asks the library,
and hands the answer to ``views`` and ``render`` (or to JSON). Exit codes are
stable (``exits``): 0 found, 1 nothing found, 2 a usage or data error, 3 an
internal error, 130 interrupted.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from . import __version__, curators, people
from .emergency import LINE
from .group import Command, Commands, print_help
from .options import PlainOpt

app = typer.Typer(
    name="helpfinder",
    cls=Commands,
    help=(
        "Who can help, and how to reach them: UK support services for online child abuse.\n\n"
        f"{LINE} Run with no arguments on a terminal for a private, "
        "history-free session."
    ),
    add_completion=False,
    # Plain help text: readable by screen readers and in pipes, and it keeps
    # --help from importing rich.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _version(value: bool) -> None:
    if value:
        typer.echo(f"helpfinder {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    plain: PlainOpt = False,
) -> None:
    """Who can help, and how to reach them."""
    if ctx.invoked_subcommand is not None:
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        from .interactive import run

        raise typer.Exit(run(plain=plain))
    print_help(ctx)


#: Every command by name (``group`` decides the order ``--help`` lists them in).
COMMANDS = {
    "emergency": people.emergency,
    "search": people.search,
    "guide": people.guide,
    "list": people.list_,
    "show": people.show,
    "needs": people.needs,
    "advice": people.advice,
    "areas": people.areas,
    "export": people.export,
    "check": curators.check,
    "schema": curators.schema,
}
for _name, _command in COMMANDS.items():
    app.command(_name, cls=Command)(_command)


def _only(argv: list[str]) -> typer.Typer:
    """The app with just the command being run, for Typer to build.

    Typer inspects the signature of every registered command on each start
    (about 5 ms here); the other commands cannot be reached from this
    invocation, so leaving them out changes nothing a user sees. ``app``
    itself is left whole (tests and callers may run several commands).
    """
    if not argv or argv[0].startswith("-"):
        return app
    import copy

    chosen = [c for c in app.registered_commands if c.name == argv[0]]
    if not chosen:
        return app
    trimmed = copy.copy(app)
    trimmed.registered_commands = chosen
    return trimmed
