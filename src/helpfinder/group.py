"""The command group: the order ``--help`` lists commands in, an example of each, and the first word.

Why a module of its own: it is what a person meets in their first minute.
People's commands come first and curators' after, each with one example, so
``--help`` answers "what do I type?". ``helpfinder help`` works like
``--help``. Words typed without a command (``helpfinder my son is being
groomed``) are a usage error like any other (exit 2), but the message says
how to search or answer questions instead, and ends with the 999 line.
"""

from __future__ import annotations

import difflib
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup, _click

from .emergency import REMINDER
from .safetext import safe

#: People's commands, in the order --help lists them, each with one example.
PEOPLE = {
    "emergency": "helpfinder emergency",
    "search": "helpfinder search someone is messaging my son",
    "guide": "helpfinder guide",
    "list": "helpfinder list --need worried-about-a-child --where York",
    "show": "helpfinder show childline",
    "needs": "helpfinder needs",
    "advice": "helpfinder advice leave-it-to-the-police",
    "areas": "helpfinder areas YO1",
    "export": "helpfinder export -f html --need self-harm -o help.html",
}
#: Commands for the people who keep the directory file.
CURATORS = {
    "check": "helpfinder check data/helplines.yaml",
    "schema": "helpfinder schema > helplines.schema.json",
}
ORDER = [*PEOPLE, *CURATORS]


def _parse_safely(parse: Any, ctx: _click.Context, args: list[str]) -> Any:
    """Parse, and make a usage error's message safe to print (it may quote what was typed).

    Click escapes only control characters; ``safe`` also shows bidi, invisible and
    unassigned ones. ``launch`` does the same for the installed command: this covers
    every other caller of the app (CliRunner, a script running ``app``).
    """
    try:
        return parse(ctx, args)
    except _click.exceptions.UsageError as exc:
        exc.message = safe(exc.message)
        raise


class Command(TyperCommand):
    """Typer's command, whose usage errors quote an argument only in a form safe to print."""

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        return _parse_safely(super().parse_args, ctx, args)  # type: ignore[no-any-return]


class Commands(TyperGroup):
    """Typer's group, with the commands in a useful order and a helpful first word."""

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        return _parse_safely(super().parse_args, ctx, args)  # type: ignore[no-any-return]

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return sorted(self.commands, key=lambda name: ORDER.index(name) if name in ORDER else len(ORDER))

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        for title, examples in (("Commands", PEOPLE), ("For curators of a directory file", CURATORS)):
            rows: list[tuple[str, str]] = []
            for name, example in examples.items():
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                rows += [(name, command.get_short_help_str(formatter.width)), ("", f"e.g. {example}")]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def resolve_command(self, ctx: _click.Context, args: list[str]) -> Any:
        first = args[0] if args else ""
        if first == "help" and not ctx.resilient_parsing:
            if len(args) > 1 and self.get_command(ctx, args[1]) is not None:
                return super().resolve_command(ctx, [args[1], "--help"])
            print_help(ctx)
            raise typer.Exit(0)
        if first and not first.startswith("-") and self.get_command(ctx, first) is None and not ctx.resilient_parsing:
            _not_a_command(args, list(self.commands))
        return super().resolve_command(ctx, args)


def print_help(ctx: _click.Context) -> None:
    """The help for everything, then the 999 line (``helpfinder help``, or no command in a pipe)."""
    typer.echo(ctx.get_help())
    typer.echo("\n" + REMINDER)


def _not_a_command(args: list[str], commands: list[str]) -> None:
    """Words instead of a command: say how to search or answer questions, with the 999 line (exit 2)."""
    from .exits import USAGE
    from .messages import fail, text

    close = difflib.get_close_matches(args[0], commands, n=1, cutoff=0.75)
    words = [word for word in (args[1:] if close else args) if not word.startswith("-")]
    fail(
        "not-a-command",
        USAGE,
        word=args[0],
        hint=text("did-you-mean-command", command=close[0]) if close else "",
        words=" ".join(words) if words else "WHAT IS HAPPENING",
    )
