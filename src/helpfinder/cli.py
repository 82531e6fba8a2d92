"""The ``helpfinder`` command: a thin layer over the library.

Each command loads the directory, asks the library, and hands the answer to
``render`` (or to JSON). Exit codes are stable: 0 found, 1 nothing found,
2 a usage or data error, 3 an internal error, 130 interrupted.
"""

from __future__ import annotations

import datetime
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from . import __version__, messages
from .group import Commands, print_help
from .messages import FOUND, INTERNAL, NOTHING, USAGE, fail, guard, plural, say
from .problems import DirectoryError

if TYPE_CHECKING:
    from .directory import Directory
    from .model import Service
    from .places import Place

app = typer.Typer(
    name="helpfinder",
    cls=Commands,
    help=(
        "Who can help, and how to reach them: UK support services for online child abuse.\n\n"
        "In immediate danger? Call 999. Run with no arguments on a terminal for a private, "
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


def _plain(flag: bool) -> bool:
    """Plain text unless we are on a real terminal that accepts colour."""
    if flag or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return True
    if os.environ.get("FORCE_COLOR"):
        return False
    return not sys.stdout.isatty()


def _load(data: str | None) -> Directory:
    from .directory import load

    return load(data)


def _moment(at: str | None) -> datetime.datetime | None:
    if at is None:
        return None
    from .hours import parse_moment

    try:
        return parse_moment(at)
    except ValueError as exc:
        fail("bad-at", reason=exc)


def _emit_json(value: Any) -> None:
    import msgspec

    from .safetext import json_safe

    try:
        encoded = msgspec.json.encode(value)
    except UnicodeEncodeError:  # a name holding bytes that are not UTF-8: shown as \xNN
        encoded = msgspec.json.encode(_visible_bytes(msgspec.to_builtins(value)))
    sys.stdout.write(json_safe(encoded.decode("utf-8")) + "\n")


def _visible_bytes(value: Any) -> Any:
    """Strings with bytes that are not UTF-8 (from a file name) shown as \\xNN, so JSON can carry them."""
    from .safetext import safe

    if isinstance(value, str):
        return safe(value) if any(0xDC80 <= ord(c) <= 0xDCFF for c in value) else value
    if isinstance(value, list):
        return [_visible_bytes(v) for v in value]
    if isinstance(value, dict):
        return {k: _visible_bytes(v) for k, v in value.items()}
    return value


def _show(doc: Any, plain: bool) -> None:
    from .render import write

    write(doc, plain=_plain(plain))


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


@app.command("list")
@guard
def list_(
    need: NeedOpt = None,
    where: WhereOpt = None,
    channel: ChannelOpt = None,
    anonymous: AnonOpt = False,
    free: FreeOpt = False,
    open_now: OpenOpt = False,
    at: AtOpt = None,
    data: DataOpt = None,
    plain: PlainOpt = False,
    json: JsonOpt = False,
) -> None:
    """List services by need, emergency first.

    Combine filters to narrow the list, e.g. --where York --channel phone.
    """
    directory = _load(data)
    moment = _moment(at)
    open_at = _open_at(open_now, moment)
    place = _place(directory, where)
    services = directory.filter(need=need, area=place and place.area.id, channel=channel, anonymous=anonymous, free=free, open_at=open_at)
    services = directory.local_first(services) if place else services
    if json:
        _emit_json([_service_json(directory, s) for s in services])
    elif services:
        from .render import listing

        _show(listing(directory, services, at=moment, channel=channel, free=free, open_at=open_at, need=need, place=place), plain)
    else:
        from .render import nothing_view

        _show(nothing_view(directory, need=need, place=place), plain)
    raise typer.Exit(FOUND if services else NOTHING)


def _place(directory: Directory, where: str | None) -> Place | None:
    """The place --where names; a usage error (exit 2) if unknown or ambiguous."""
    if where is None:
        return None
    from .places import PlaceError

    try:
        return directory.place(where)
    except PlaceError as exc:
        fail("bad-where", reason=exc)


def _service_json(directory: Directory, service: Service) -> dict[str, Any]:
    """A service as JSON, with who it is for ("coverage"): its area's id and name, and whether it is local."""
    return {**_builtins(service), "coverage": _builtins(directory.coverage(service))}


def _builtins(value: Any) -> Any:
    import msgspec

    return msgspec.to_builtins(value)


def _open_at(open_now: bool, moment: datetime.datetime | None) -> datetime.datetime | None:
    if not open_now:
        return None
    from .hours import now

    return moment or now()


@app.command()
@guard
def emergency(
    where: WhereOpt = None,
    at: AtOpt = None,
    data: DataOpt = None,
    plain: PlainOpt = False,
    json: JsonOpt = False,
) -> None:
    """What to do in immediate danger (999).

    999 first, then text, textphone and sign-language routes, then 101.
    """
    from .render import emergency_floor, emergency_more

    if not json:
        # The built-in 999 guidance comes first, before any option is read or any file (cache or
        # directory) is touched: nothing the person typed or the file holds can hold it back.
        _show(emergency_floor(), plain)
    _moment(at)  # still checked (scripts pass it); the brief routes carry no hours, see: helpfinder show ID
    try:
        directory = _load(data)
    except DirectoryError:
        if json:
            _emit_json([])
        else:
            from .render import emergency_close

            _show(emergency_close(), plain)
        raise  # guard lists the problems with the 999 reminder on stderr, and exits 2
    from .places import PlaceError

    try:
        place = directory.place(where) if where is not None else None
    except PlaceError as exc:
        # The 999 guidance is already out; the routes for everyone follow, then the error.
        if not json:
            _show(emergency_more(directory), plain)
        fail("bad-where", reason=exc)
    if json:
        ids = ("emergency", "non-emergency-police")
        chosen = [s for s in directory.services if any(n in s.needs for n in ids)]
        if place:
            chosen = directory.local_first(s for s in chosen if directory.places.covers(s, place.area))
        _emit_json([_service_json(directory, s) for s in chosen])
        return
    _show(emergency_more(directory, place=place), plain)


@app.command()
@guard
def search(
    words: Annotated[list[str], typer.Argument(metavar="WORDS...", help="What you need help with, in your own words.", show_default=False)],
    need: NeedOpt = None,
    where: WhereOpt = None,
    channel: ChannelOpt = None,
    free: FreeOpt = False,
    open_now: OpenOpt = False,
    at: AtOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Show at most this many services.")] = 10,
    explain: Annotated[bool, typer.Option("--explain", help="Show why each result matched.")] = False,
    data: DataOpt = None,
    plain: PlainOpt = False,
    json: JsonOpt = False,
) -> None:
    """Find help by describing what is happening.

    Use your own words, e.g.: helpfinder search someone is messaging my son
    """
    from .ranking import search as run_search

    directory = _load(data)
    moment = _moment(at)
    query = " ".join(words)
    open_at = _open_at(open_now, moment)
    place, found = _place(directory, where), None
    if place is None:
        from .places import without

        found = directory.places.find_in_text(query)
        if found is not None:
            place, query = found.place, without(query, found) or query
    keep = directory.matcher(need=need, area=place and place.area.id, channel=channel, free=free, open_at=open_at)
    results = run_search(directory, query, limit=limit, keep=keep)
    if json:
        payload = results.as_json()
        for record, match in zip(payload["services"], results.services):  # type: ignore[call-overload]
            record["coverage"] = _builtins(directory.coverage(match.entry))
        payload["place"] = {"given": place.given, "how": place.how, "area": place.area.id} if place else None
        _emit_json(payload)
    elif results:
        from .render import search_view

        _show(search_view(directory, results, at=moment, explain=explain, channel=channel, free=free, open_at=open_at, place=place, found=found), plain)
    else:
        from .render import no_match_view

        _show(no_match_view(query, place=place, found=found), plain)
    raise typer.Exit(FOUND if results.services or results.topics else NOTHING)


@app.command()
@guard
def guide(
    data: DataOpt = None,
    plain: PlainOpt = False,
) -> None:
    """Answer a few plain questions instead of describing what is happening.

    Each answer leads to the next question, and the last to the services that can help.
    """
    from .guide import run

    directory = _load(data)
    run(directory, sys.stdin, sys.stdout, plain=_plain(plain))


@app.command()
@guard
def show(
    service_id: Annotated[str, typer.Argument(metavar="ID", help="The service's id, as shown by list or search.")],
    at: AtOpt = None,
    data: DataOpt = None,
    plain: PlainOpt = False,
    json: JsonOpt = False,
) -> None:
    """Everything about one service.

    Every route, opening hours, costs, its source and when it was last checked.
    """
    from .directory import UnknownName

    directory = _load(data)
    moment = _moment(at)
    try:
        service = directory.service(service_id)
    except UnknownName as exc:
        import difflib

        close = difflib.get_close_matches(service_id.strip().lower(), exc.valid, n=3)
        hint = messages.text("did-you-mean", ids=", ".join(close)) if close else " See: helpfinder list"
        fail("no-service", NOTHING, id=service_id, hint=hint)
    if json:
        _emit_json(_service_json(directory, service))
        return
    from .render import service_view

    _show(service_view(directory, service, at=moment), plain)


@app.command()
@guard
def needs(
    data: DataOpt = None,
    plain: PlainOpt = False,
    json: JsonOpt = False,
) -> None:
    """What the directory can help with.

    Each need, with how many services serve it.
    """
    directory = _load(data)
    if json:
        _emit_json(
            [
                {"id": n.id, "label": n.label, "description": n.description, "services": len(directory.services_for(n.id))}
                for n in directory.needs
            ]
        )
        return
    from .render import needs_view

    _show(needs_view(directory), plain)


@app.command()
@guard
def areas(
    where: Annotated[
        Optional[str],
        typer.Argument(metavar="[PLACE]", help="A place to look up: a nation, area, postcode or town.", show_default=False),
    ] = None,
    data: DataOpt = None,
    plain: PlainOpt = False,
    json: JsonOpt = False,
) -> None:
    """The places the directory knows, for --where.

    Each area, what it lies within, its postcodes and towns, and how many
    services are for people there. With PLACE, the area it is in.
    """
    directory = _load(data)
    place = _place(directory, where)
    chosen = [place.area] if place else directory.areas
    if json:
        _emit_json(
            {
                "place": {"given": place.given, "how": place.how, "area": place.area.id} if place else None,
                "areas": [{**_builtins(a), "services": len(directory.filter(area=a.id))} for a in chosen],
            }
        )
        return
    from .render import areas_view

    _show(areas_view(directory, chosen, place=place), plain)


@app.command()
@guard
def check(
    path: Annotated[Optional[str], typer.Argument(metavar="[PATH]", help="The directory file to check (default: the one helpfinder uses).", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    max_age: Annotated[
        Optional[int],
        typer.Option("--max-age", metavar="DAYS", min=0, help="Entries last verified more than DAYS ago are errors.", show_default=False),
    ] = None,
    json: JsonOpt = False,
) -> None:
    """Check a directory file (for curators).

    Prints every problem with its line and rule code, then a summary.
    Exit 0 if there are no errors, 1 if there are.
    """
    from .directory import check_file

    directory, problems = check_file(path, max_age_days=max_age)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    failed = bool(errors) or (strict and bool(warnings))
    if json:
        _emit_json(
            {
                "file": path or str(_default_path()),
                "services": len(directory.services) if directory else None,
                "errors": len(errors),
                "warnings": len(warnings),
                "problems": [p.as_dict() for p in problems],
            }
        )
        raise typer.Exit(NOTHING if failed else FOUND)
    for problem in problems:
        say("problem", problem=problem)
    count = f"{len(directory.services)} services" if directory else "not loaded"
    say("check-summary", count=count, errors=plural(len(errors), "error"), warnings=plural(len(warnings), "warning"))
    if directory:
        dated = sorted([*directory.services, *directory.topics], key=lambda entry: entry.verified)[:3]
        say("check-oldest", entries=", ".join(f"{e.id} ({e.verified.isoformat()})" for e in dated))
    raise typer.Exit(NOTHING if failed else FOUND)


def _default_path() -> Any:
    from .directory import default_path

    return default_path()


@app.command()
@guard
def schema() -> None:
    """Print the directory file's JSON Schema.

    Generated from the data model; attach it in your editor for completion.
    """
    import json as json_lib

    from .model import json_schema

    typer.echo(json_lib.dumps(json_schema(), indent=2))


@app.command()
@guard
def advice(
    topic_id: Annotated[
        Optional[str],
        typer.Argument(metavar="[TOPIC]", help="The topic's id; leave out to list the topics.", show_default=False),
    ] = None,
    at: AtOpt = None,
    data: DataOpt = None,
    plain: PlainOpt = False,
    json: JsonOpt = False,
) -> None:
    """What to do, in plain words.

    For example: suspect someone of grooming a child? Report it to the police;
    do not investigate, confront or post about them. Each topic lists the
    services to use. With no TOPIC, lists the topics.
    """
    from .directory import UnknownName

    directory = _load(data)
    moment = _moment(at)
    if topic_id is None:
        if json:
            _emit_json(directory.topics)
        elif directory.topics:
            from .render import topics_index

            _show(topics_index(directory), plain)
        else:
            typer.echo("This directory has no advice topics. In immediate danger, call 999.")
        raise typer.Exit(FOUND if directory.topics else NOTHING)
    try:
        topic = directory.topic(topic_id)
    except UnknownName as exc:
        valid = ", ".join(exc.valid) if exc.valid else "none"
        fail("no-topic", NOTHING, id=topic_id, topics=valid)
    if json:
        _emit_json(topic)
        return
    from .render import topic_view

    _show(topic_view(directory, topic, at=moment), plain)


@app.command()
@guard
def export(
    format_name: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help="vcard, csv, markdown, html or hsds (Open Referral HSDS 3.0 JSON).", show_default=False),
    ],
    need: NeedOpt = None,
    where: WhereOpt = None,
    channel: ChannelOpt = None,
    anonymous: AnonOpt = False,
    free: FreeOpt = False,
    output: Annotated[
        Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (whole, or not at all) instead of standard output; - is standard output.", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it already exists.")] = False,
    data: DataOpt = None,
) -> None:
    """Export services to share, print or load elsewhere.

    Formats: vcard (contacts for a phone), csv (a spreadsheet, one row per
    route), markdown and html (a signposting sheet; the HTML page prints on
    A4) and hsds (Open Referral HSDS 3.0 JSON). Takes the same filters as
    list, e.g. helpfinder export --format html --where York -o help.html
    """
    from .export import FORMATS, export as run_export

    if format_name not in FORMATS:
        fail("unknown-format", format=format_name, formats=", ".join(FORMATS))
    if output == "-":
        output = None  # "-o -": standard output, as most tools read it
    if output is not None and not force and os.path.lexists(output):
        fail("exists", file=output)
    directory = _load(data)
    place = _place(directory, where)
    services = directory.filter(need=need, area=place and place.area.id, channel=channel, anonymous=anonymous, free=free)
    services = directory.local_first(services) if place else services
    if not services:
        fail("error", NOTHING, message="no services match those filters, so nothing was exported. See: helpfinder needs")
    payload = run_export(format_name, directory, services, channel=channel, free=free).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    from .export import save

    try:
        save(output, payload, overwrite=force)
    except FileExistsError:
        fail("exists", file=output)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        fail("cannot-write", file=output, reason=getattr(exc, "strerror", None) or exc)
    say("wrote", err=True, count=plural(len(services), "service"), file=output, format=format_name)


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

    from typer.main import get_command_name

    chosen = [c for c in app.registered_commands if (c.name or get_command_name(c.callback.__name__)) == argv[0]]  # type: ignore[union-attr]
    if not chosen:
        return app
    trimmed = copy.copy(app)
    trimmed.registered_commands = chosen
    return trimmed


def main() -> None:
    """The console script's entry point before 1.1 (installs made then still call it): see ``launch``."""
    from .launch import main as run

    run()
