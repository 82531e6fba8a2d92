"""The command line's shared options, and what each means before a command uses it.

Why a module of its own: every command takes some of the same options
(``--data``, ``--plain``, ``--where``...), declared once here with their
help, and read the same way (a bad ``--at`` or ``--where`` is a usage error,
exit 2, wherever it is given).
"""

from __future__ import annotations

import datetime
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any, Optional, TextIO

import typer

from .messages import fail
from .render import is_terminal

if TYPE_CHECKING:
    from .directory import Directory
    from .places import Place

DataOpt = Annotated[
    Optional[str],
    typer.Option("--data", metavar="PATH", help="Use another directory file (default: $HELPFINDER_DATA, else the built-in one).", show_default=False),
]
PlainOpt = Annotated[
    bool,
    typer.Option("--plain", help="Plain text for screen readers: no colours, boxes or symbols (also used when piped, or with NO_COLOR or TERM=dumb)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON data instead of text.")]
AtOpt = Annotated[
    Optional[str],
    typer.Option("--at", metavar="WHEN", help='Show opening hours for another moment, e.g. "2026-12-25 10:00".', show_default=False),
]
NeedOpt = Annotated[Optional[str], typer.Option("--need", metavar="NEED", help="Only services for this need (see: helpfinder needs).", show_default=False)]
NeedsOpt = Annotated[
    Optional[list[str]],
    typer.Option("--need", metavar="NEED", help="Only services for this need; give it again for more (see: helpfinder needs).", show_default=False),
]
WhereOpt = Annotated[
    Optional[str],
    typer.Option(
        "--where",
        "--area",
        metavar="PLACE",
        help="Only services for people in this place, local ones first: a nation, an area id, a postcode or its first part (YO1, CF10 1AA), or a town. See: helpfinder areas.",
        show_default=False,
    ),
]
ChannelOpt = Annotated[
    Optional[str],
    typer.Option("--channel", metavar="CHANNEL", help="Only this way of getting in touch: phone, text, textphone, email, web, form, chat or bsl.", show_default=False),
]
AnonOpt = Annotated[bool, typer.Option("--anonymous", help="Only services you can use without giving your name.")]
FreeOpt = Annotated[bool, typer.Option("--free", help="Only routes that are free to use.")]
OpenOpt = Annotated[bool, typer.Option("--open-now", help="Only routes open now (routes with unknown hours, or on a bank holiday with unstated hours, are kept and marked).")]


def plain_output(flag: bool, out: TextIO | None = None) -> bool:
    """Plain text unless ``out`` (standard output by default) is a real terminal that accepts colour."""
    if flag or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return True
    if os.environ.get("FORCE_COLOR"):
        return False
    return not is_terminal(out or sys.stdout)


def load_directory(data: str | None) -> Directory:
    from .loader import load

    return load(data)


def moment(at: str | None) -> datetime.datetime | None:
    """The moment --at names; a usage error (exit 2) if it cannot be read."""
    if at is None:
        return None
    from .hours import parse_moment

    try:
        return parse_moment(at)
    except ValueError as exc:
        fail("bad-at", reason=exc)


def show(doc: Any, plain: bool) -> None:
    from .render import write

    write(doc, plain=plain_output(plain))


def place(directory: Directory, where: str | None) -> Place | None:
    """The place --where names; a usage error (exit 2) if unknown or ambiguous."""
    if where is None:
        return None
    from .places import PlaceError

    try:
        return directory.place(where)
    except PlaceError as exc:
        fail("bad-where", reason=exc)


def open_at(open_now: bool, at: datetime.datetime | None) -> datetime.datetime | None:
    """The moment --open-now means: --at if given, else now; None without --open-now."""
    if not open_now:
        return None
    from .hours import now

    return at or now()
