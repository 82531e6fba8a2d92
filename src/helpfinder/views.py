"""Building views: what a person reads about services, advice and places, as a ``render.Doc``.

Each view is a small document of blocks (headings, wrapped paragraphs, and
"keep" lines that are never wrapped), built here and written by ``render``
as plain text or through rich. Numbers and addresses always go in keep
lines, so no width can split them. Directory text is data: ``Doc.add`` makes
it safe to print.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from . import emergency
from . import hours as hours_mod
from .model import STALE_AFTER_DAYS, Contact, Service, Topic
from .render import Block, Doc
from .routes import (
    CHANNEL_LABELS,
    cost_text,
    day_text,
    route_link,
    service_notes,
    shows_hours,
)

if TYPE_CHECKING:
    from .directory import Directory
    from .model import Area
    from .places import Found, Place
    from .results import Results


def add_route(
    doc: Doc, directory: Directory, service: Service, contact: Contact, at: datetime.datetime | None, indent: int = 2, where: Area | None = None
) -> None:
    """A route's value on a line of its own, then what it costs and when it is open (on ``where``'s bank holidays)."""
    info = directory.phone(contact)
    shown = info.display if info else contact.value
    doc.add("keep", shown, "bold", indent, route_link(contact, info.dial if info else None), prefix=f"{CHANNEL_LABELS[contact.channel]}: ")
    facts = [contact.label] if contact.label else []
    if shows_hours(contact):
        facts.append(hours_mod.status(contact.hours, directory.nation(service, where), at).text)
    cost = cost_text(directory, contact)
    if cost:
        facts.append(cost)
    if facts:
        doc.add("para", " · ".join(facts), "dim", indent + 2)
    if contact.note:
        doc.add("para", contact.note, "", indent + 2)
    if contact.unconfirmed:
        doc.add("para", f"Not confirmed: {contact.unconfirmed}", "yellow", indent + 2)


def add_service(
    doc: Doc,
    directory: Directory,
    service: Service,
    *,
    at: datetime.datetime | None = None,
    full: bool = False,
    channel: str | None = None,
    free: bool = False,
    open_at: datetime.datetime | None = None,
    reasons: list[str] | None = None,
    where: Area | None = None,
) -> None:
    """A service: its name, when to use it, every route, and how current it is.

    ``where`` is the person's area (from --where): its bank holidays apply.
    """
    doc.add("heading", service.name, "bold cyan")
    facts = [service.organisation, directory.coverage(service).text]
    if service.anonymous:
        facts.append("anonymous")
    if service.confidential:
        facts.append("confidential")
    doc.add("para", " · ".join(facts), "dim", 2)
    doc.add("para", service.description, "", 2)
    for contact in directory.routes(service, channel=channel, free=free, open_at=open_at, where=where):
        add_route(doc, directory, service, contact, at, where=where)
    for note in service_notes(service, curators=full):  # what changed since a source is for curators: `show` only
        doc.add("para", note, "yellow", 2)
    today = (at or datetime.datetime.now()).date()
    stale = (today - service.verified).days > STALE_AFTER_DAYS
    if full:
        needs = ", ".join(directory.need(n).label for n in service.needs)
        doc.add("para", f"Helps with: {needs}", "", 2)
        if service.audience:
            doc.add("para", f"For: {', '.join(a.replace('-', ' ') for a in service.audience)}", "", 2)
        for contact in service.contacts:
            if contact.hours is not None:
                info = directory.phone(contact)
                doc.add("para", f"Hours for {info.display if info else contact.value}: {hours_mod.describe(contact.hours)}", "", 2)
            if contact.source:
                doc.add("keep", contact.source, "dim", 2, contact.source, prefix="Source for that route: ")
                if contact.source_date:
                    doc.add("para", f"(page dated {day_text(contact.source_date)})", "dim", 4)
        doc.add("keep", service.source, "dim", 2, service.source, prefix="Source: ")
        if service.source_date:
            doc.add("para", f"(page dated {day_text(service.source_date)})", "dim", 4)
        doc.add("para", _checked(service.verified, stale, "Last checked against the source:"), "yellow" if stale else "dim", 2)
        doc.add("para", f"id: {service.id}", "dim", 2)
    elif stale:
        doc.add("para", f"{_checked(service.verified, stale, 'Last checked')} · more: helpfinder show {service.id}", "yellow", 2)
    else:
        doc.add("para", f"more: helpfinder show {service.id}", "dim", 2)
    if reasons:
        doc.add("para", f"Matched: {', '.join(dict.fromkeys(reasons))}", "dim", 2)
    doc.blank()


def add_brief(doc: Doc, directory: Directory, service: Service, *, routes: int | None = None) -> None:
    """A service in a few lines, for views that must fit one screen: its name, who it is for
    (when not everyone in the UK) and its routes (the first ``routes`` of them), nothing else."""
    coverage = directory.coverage(service)
    local = "" if directory.places.depth(service.area) == 0 else f": {coverage.text[:1].lower()}{coverage.text[1:]}"
    doc.add("heading", service.name + local, "bold cyan")
    for contact in directory.routes(service)[:routes]:
        info = directory.phone(contact)
        link = route_link(contact, info.dial if info else None)
        doc.add("keep", info.display if info else contact.value, "bold", 2, link, prefix=f"{CHANNEL_LABELS[contact.channel]}: ")


def _checked(day: datetime.date, stale: bool, label: str) -> str:
    """When an entry was checked; over a year ago, said as a warning."""
    warning = ", over a year ago: check the details before relying on them" if stale else ""
    return f"{label} {day_text(day)}{warning}"


def add_place(doc: Doc, place: Place | None, found: Found | None = None) -> None:
    """Say whose services these are, and how the place was worked out, so a wrong guess is visible."""
    if found is not None and found.place is None:
        doc.add("para", f'"{found.words}": {found.problem}', "yellow")
        doc.blank()
    elif place is not None:
        how = f'"{found.words}" in your words' if found else place.how
        source = f" (from {how})" if how else ""
        doc.add("para", f"For people in {place.area.name}{source}; local services first. Elsewhere? Use --where PLACE.", "bold")
        doc.blank()


def emergency_banner(doc: Doc) -> None:
    doc.add("banner", emergency.BANNER, "bold white on red")
    doc.blank()


def footer(doc: Doc) -> None:
    doc.blank()
    doc.add("para", emergency.REMINDER, "bold red")


def listing(
    directory: Directory,
    services: list[Service],
    *,
    at: datetime.datetime | None = None,
    channel: str | None = None,
    free: bool = False,
    open_at: datetime.datetime | None = None,
    need: str | None = None,
    place: Place | None = None,
) -> Doc:
    """Services grouped by need, most urgent first (only under ``need`` when a listing asks for one)."""
    doc = Doc()
    add_place(doc, place)
    for group, members in directory.grouped(services, need):
        doc.add("heading", group.label.upper(), "bold magenta")
        doc.blank()
        for service in members:
            add_service(doc, directory, service, at=at, channel=channel, free=free, open_at=open_at, where=place and place.area)
    footer(doc)
    return doc


def emergency_floor() -> Doc:
    """The built-in 999 guidance: printed first, and never less, whatever the file or the options."""
    doc = Doc()
    emergency_banner(doc)
    doc.add("para", emergency.FLOOR[0], "bold")
    doc.add("para", "Stay on the line; answer the operator's questions. Ask for the police.")
    for line in emergency.FLOOR[1:]:
        doc.add("para", line)
    return doc


def emergency_more(directory: Directory, *, place: Place | None = None) -> Doc:
    """After the floor: the directory's other ways to reach the police, then 101 (local ones first with a place).

    Each service in brief, so the whole view fits a screen of 40 rows at 80
    columns with 999 at the top; ``helpfinder show ID`` has the rest.
    """
    doc = Doc([Block("blank")])  # printed after the floor, apart from it
    add_place(doc, place)
    shown: list[Service] = []
    for need_id in emergency.NEEDS:
        members = [s for s in directory.services_for(need_id) if s not in shown and s.id != emergency.SERVICE]
        if place is not None:
            members = directory.local_first(s for s in members if directory.places.covers(s, place.area))
        if not members:
            continue
        title = "Other ways to reach the emergency services" if need_id == "emergency" else "Not an emergency"
        doc.add("heading", title.upper(), "bold magenta")
        for service in members:
            add_brief(doc, directory, service, routes=2)
        doc.blank()
        shown.extend(members)
    # Brief lines leave out what no current source confirms; this line says so rather than drop it silently.
    doc.add("para", "Hours, costs, all routes, unconfirmed facts: helpfinder show ID (e.g. relay-uk)", "dim")
    doc.add("para", "Suspect someone of abusing a child? Report it to the police: do not investigate, confront or post about them yourself. See: helpfinder advice", "")
    footer(doc)
    return doc


def emergency_close() -> Doc:
    """How the emergency view ends when the directory cannot be read: the 999 reminder."""
    doc = Doc([Block("blank")])
    footer(doc)
    return doc


def emergency_view(directory: Directory, *, place: Place | None = None) -> Doc:
    """The whole emergency view: the floor, then the directory's routes (for the place, if given)."""
    doc = emergency_floor()
    doc.blocks.extend(emergency_more(directory, place=place).blocks)
    return doc


def search_view(
    directory: Directory,
    results: Results,
    *,
    at: datetime.datetime | None = None,
    explain: bool = False,
    channel: str | None = None,
    free: bool = False,
    open_at: datetime.datetime | None = None,
    place: Place | None = None,
    found: Found | None = None,
) -> Doc:
    doc = Doc()
    add_place(doc, place, found)
    # Advice leads, except for danger, suicide or self-harm: then the emergency routes and Samaritans come first.
    advice_first = [] if results.crisis else results.topics[:2]
    if results.crisis:
        emergency_banner(doc)
    for match in advice_first:
        add_topic_summary(doc, match.entry, match.reasons if explain else None)
    if results.general:
        doc.add("para", "No service in the directory matches your words closely.", "bold")
        doc.add("para", "These are the general routes: they can help with most worries, or tell you who can.")
        doc.blank()
    for match in results.services:
        add_service(
            doc, directory, match.entry, at=at, channel=channel, free=free, open_at=open_at,
            reasons=match.reasons if explain else None, where=place and place.area,
        )
    for match in results.topics[:2] if results.crisis else []:
        add_topic_summary(doc, match.entry, match.reasons if explain else None)
    footer(doc)
    return doc


def no_match_view(query: str, *, place: Place | None = None, found: Found | None = None) -> Doc:
    doc = Doc()
    add_place(doc, place, found)
    where = f" for people in {place.area.name}" if place else ""
    doc.add("para", f'Nothing in the directory matches "{query}"{where}.', "bold")
    doc.add("para", "Try other words, or see what the directory covers: helpfinder needs")
    footer(doc)
    return doc


def nothing_view(directory: Directory, *, need: str | None = None, place: Place | None = None) -> Doc:
    """No service passed the filters: say so plainly, and for a place, that the directory has none there."""
    doc = Doc()
    if place is not None and need is not None:
        doc.add("para", f'The directory has no service for "{directory.need(need).label}" for people in {place.area.name}.', "bold")
        doc.add("para", "Not an emergency: the police on 101 can advise. UK-wide helplines: helpfinder list --where uk")
    else:
        doc.add("para", "No services match those filters. See what the directory covers: helpfinder needs", "bold")
    footer(doc)
    return doc


def areas_view(directory: Directory, areas: list[Area], *, place: Place | None = None) -> Doc:
    """The areas, broadest first, each with what it lies within, its postcodes and towns."""
    doc = Doc()
    if place is not None:
        how = f" (from {place.how})" if place.how else ""
        doc.add("para", f'"{place.given}" is in {place.area.name}{how}.', "bold")
        doc.blank()
    for area in sorted(areas, key=lambda a: directory.places.depth(a.id)):
        doc.add("heading", f"{area.name} ({area.id})", "bold")
        chain = directory.area_chain(area.id)[1:]
        if chain:
            doc.add("para", "Within: " + ", ".join(a.name for a in chain), "", 2)
        count = len(directory.filter(area=area.id))
        doc.add("para", f"{count} service{'s' if count != 1 else ''} for people here · helpfinder list --where {area.id}", "dim", 2)
        if area.postcodes:
            doc.add("para", "Postcodes: " + " ".join(area.postcodes), "", 2)
        if area.border_postcodes:
            doc.add("para", "Partly here (ask which side): " + " ".join(area.border_postcodes), "", 2)
        if area.towns or area.towns_elsewhere:
            doc.add("para", "Towns: " + ", ".join([*area.towns, *area.towns_elsewhere]), "", 2)
        if area.note:
            doc.add("para", f"Note: {area.note}", "yellow", 2)
        doc.blank()
    footer(doc)
    return doc


def add_topic_summary(doc: Doc, topic: Topic, reasons: list[str] | None = None) -> None:
    doc.add("heading", f"Advice: {topic.title}", "bold yellow")
    doc.add("para", topic.summary, "", 2)
    doc.add("para", f"Read it: helpfinder advice {topic.id}", "dim", 2)
    if reasons:
        doc.add("para", f"Matched: {', '.join(dict.fromkeys(reasons))}", "dim", 2)
    doc.blank()


def topic_view(directory: Directory, topic: Topic, *, at: datetime.datetime | None = None) -> Doc:
    doc = Doc()
    doc.add("heading", topic.title, "bold yellow")
    doc.blank()
    doc.add("para", topic.summary)
    doc.blank()
    doc.add("heading", "What to do", "bold")
    for step in topic.steps:
        doc.add("para", f"- {step}", "", 2)
    if topic.avoid:
        doc.blank()
        doc.add("heading", "What not to do", "bold")
        for step in topic.avoid:
            doc.add("para", f"- {step}", "", 2)
    doc.blank()
    if topic.services:
        doc.add("heading", "WHO TO CONTACT", "bold magenta")
        doc.blank()
        for service_id in topic.services:
            add_service(doc, directory, directory.service(service_id), at=at)
    doc.add("keep", topic.source, "dim", 0, topic.source, prefix="Source: ")
    doc.add("para", f"Last checked against the source: {day_text(topic.verified)}", "dim")
    others = [t for t in directory.topics if t.id != topic.id]
    if others:
        # Advice on what not to do points on to what people can do instead.
        doc.blank()
        doc.add("heading", "More advice", "bold")
        for other in others:
            doc.add("para", f"{other.title}: helpfinder advice {other.id}", "", 2)
    footer(doc)
    return doc


def topics_index(directory: Directory) -> Doc:
    doc = Doc()
    for topic in directory.topics:
        doc.add("heading", topic.title, "bold yellow")
        doc.add("para", topic.summary, "", 2)
        doc.add("para", f"helpfinder advice {topic.id}", "dim", 2)
        doc.blank()
    footer(doc)
    return doc


def needs_view(directory: Directory) -> Doc:
    doc = Doc()
    for need in directory.needs:
        count = len(directory.services_for(need.id))
        doc.add("heading", need.label, "bold")
        doc.add("para", need.description, "", 2)
        doc.add("para", f"{count} service{'s' if count != 1 else ''} · helpfinder list --need {need.id}", "dim", 2)
        doc.blank()
    footer(doc)
    return doc


def service_view(directory: Directory, service: Service, *, at: datetime.datetime | None = None) -> Doc:
    doc = Doc()
    add_service(doc, directory, service, at=at, full=True)
    footer(doc)
    return doc
