"""People's commands: finding help, and a sheet to share it (``helpfinder --help`` lists them first).

Each command loads the directory, asks the library, and hands the answer to
``views`` and ``render`` (or to JSON). ``cli`` registers them on the app.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Optional

import typer

from . import messages
from .emergency import NEEDS, REMINDER
from .exits import FOUND, NOTHING
from .jsonout import builtins as _builtins, emit_json as _emit_json, place_json as _place_json, service_json as _service_json
from .messages import fail, guard, plural, say
from .options import (
    AnonOpt,
    AtOpt,
    ChannelOpt,
    DataOpt,
    FreeOpt,
    JsonOpt,
    NeedOpt,
    NeedsOpt,
    OpenOpt,
    PlainOpt,
    WhereOpt,
)
from .options import (
    load_directory as _load,
)
from .options import (
    moment as _moment,
)
from .options import (
    open_at as _open_at,
)
from .options import (
    place as _place,
)
from .options import (
    plain_output as _plain,
)
from .options import (
    show as _show,
)
from .problems import DirectoryError


@guard
def list_(
    need: NeedsOpt = None,
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
        from .views import listing

        _show(listing(directory, services, at=moment, channel=channel, free=free, open_at=open_at, need=need, place=place), plain)
    else:
        from .views import nothing_view

        _show(nothing_view(directory, need=need[0] if need and len(need) == 1 else None, place=place), plain)
    raise typer.Exit(FOUND if services else NOTHING)


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
    from .views import emergency_floor, emergency_more

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
            from .views import emergency_close

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
        chosen = [s for s in directory.services if any(n in s.needs for n in NEEDS)]
        if place:
            chosen = directory.local_first(s for s in chosen if directory.places.covers(s, place.area))
        _emit_json([_service_json(directory, s) for s in chosen])
        return
    _show(emergency_more(directory, place=place), plain)


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
        from .places import split_query

        found, query = split_query(directory.places, query)
        place = found.place if found is not None else None
    keep = directory.matcher(need=need, area=place and place.area.id, channel=channel, free=free, open_at=open_at)
    results = run_search(directory, query, limit=limit, keep=keep, place=place and place.area)
    if json:
        payload = results.as_json()
        for record, match in zip(payload["services"], results.services):  # type: ignore[call-overload]
            record["coverage"] = _builtins(directory.coverage(match.entry))
        payload["place"] = _place_json(place)
        _emit_json(payload)
    elif results:
        from .views import search_view

        _show(search_view(directory, results, at=moment, explain=explain, channel=channel, free=free, open_at=open_at, place=place, found=found), plain)
    else:
        from .views import no_match_view

        _show(no_match_view(query, place=place, found=found), plain)
    raise typer.Exit(FOUND if results.services or results.topics else NOTHING)


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
    from .views import service_view

    _show(service_view(directory, service, at=moment), plain)


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
    from .views import needs_view

    _show(needs_view(directory), plain)


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
                "place": _place_json(place),
                "areas": [{**_builtins(a), "services": len(directory.filter(area=a.id))} for a in chosen],
            }
        )
        return
    from .views import areas_view

    _show(areas_view(directory, chosen, place=place), plain)


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
            from .views import topics_index

            _show(topics_index(directory), plain)
        else:
            typer.echo(f"This directory has no advice topics. {REMINDER}")
        raise typer.Exit(FOUND if directory.topics else NOTHING)
    try:
        topic = directory.topic(topic_id)
    except UnknownName as exc:
        valid = ", ".join(exc.valid) if exc.valid else "none"
        fail("no-topic", NOTHING, id=topic_id, topics=valid)
    if json:
        _emit_json(topic)
        return
    from .views import topic_view

    _show(topic_view(directory, topic, at=moment), plain)


@guard
def export(
    format_name: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help="vcard, csv, markdown, html or hsds (Open Referral HSDS 3.0 JSON).", show_default=False),
    ],
    need: NeedsOpt = None,
    where: WhereOpt = None,
    channel: ChannelOpt = None,
    anonymous: AnonOpt = False,
    free: FreeOpt = False,
    output: Annotated[
        Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (whole, or not at all) instead of standard output; - is standard output.", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it already exists.")] = False,
    title: Annotated[
        Optional[str], typer.Option("--title", metavar="TEXT", help="The sheet's title (default: what it holds, e.g. its needs and place).", show_default=False)
    ] = None,
    blank: Annotated[
        Optional[list[str]],
        typer.Option("--blank", metavar="LABEL", help='A line on the sheet to write a local contact on, e.g. --blank "School safeguarding lead"; repeatable.', show_default=False),
    ] = None,
    with_notes: Annotated[bool, typer.Option("--with-notes", help="Put curators' notes, check dates and sources on the sheet.")] = False,
    data: DataOpt = None,
) -> None:
    """Export services to share, print or load elsewhere.

    Formats: vcard (contacts for a phone), csv (a spreadsheet, one row per
    route), markdown and html (a signposting sheet; the HTML page prints on
    A4) and hsds (Open Referral HSDS 3.0 JSON). Takes the same filters as
    list, e.g. helpfinder export --format html --where York -o help.html
    --title, --blank and --with-notes are for the sheets (markdown, html).
    """
    from .export import FORMATS, SHEETS, Sheet, sheet_title
    from .export import export as run_export
    from .safetext import safe

    if format_name not in FORMATS:
        fail("unknown-format", format=format_name, formats=", ".join(FORMATS))
    if output == "-":
        output = None  # "-o -": standard output, as most tools read it
    if format_name not in SHEETS and (title is not None or blank or with_notes):
        fail("error", message=f"--title, --blank and --with-notes are for the printable sheets: --format {' or '.join(SHEETS)}")
    if output is not None and not force and os.path.lexists(output):
        fail("exists", file=output)
    directory = _load(data)
    place = _place(directory, where)
    services = directory.filter(need=need, area=place and place.area.id, channel=channel, anonymous=anonymous, free=free)
    services = directory.local_first(services) if place else services
    if not services:
        fail("error", NOTHING, message="no services match those filters, so nothing was exported. See: helpfinder needs")
    sheet = Sheet(safe(title) if title else sheet_title(directory, need or [], place), tuple(safe(b) for b in blank or ()), with_notes, tuple(need or ()))
    payload = run_export(format_name, directory, services, channel=channel, free=free, sheet=sheet).encode("utf-8")
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
