"""What every export says about a route and a service, worked out once for all formats.

Each format only lays these facts out; none of them decides what a route
costs, when it is open or which services sit under which need, so a printed
sheet, a contacts file and a spreadsheet never disagree.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .. import hours as hours_mod
from ..model import Contact, Need, Service
from ..places import kind_of
from ..routes import CHANNEL_LABELS, cost_text, day_text, route_link, service_notes, shows_hours

if TYPE_CHECKING:
    from ..directory import Directory
    from ..places import Place

__all__ = [
    "Route",
    "Section",
    "Sheet",
    "day_text",
    "routes",
    "sections",
    "service_notes",
    "sheet_title",
    "stable_uuid",
    "summary",
]

#: Namespace of every UUID helpfinder derives, so ids stay the same from one export to the next.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:helpfinder:directory")



def stable_uuid(*parts: str) -> str:
    """A UUID that depends only on ``parts`` (e.g. "service", id): re-exports update, never duplicate."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


@dataclass(frozen=True)
class Route:
    """One way to reach a service, with everything a reader needs to use it."""

    contact: Contact
    channel_label: str
    shown: str
    """The number as people write it ("0808 800 5000"), or the address."""
    dial: str | None
    """Digits to dial ("08088005000"), for number routes only."""
    link: str | None
    """tel:, mailto: or https: target; None for a text-message route."""
    hours: str | None
    cost: str | None

    @property
    def channel(self) -> str:
        return self.contact.channel

    def details(self) -> list[str]:
        """Label, hours and cost, in the order a listing shows them."""
        return [part for part in (self.contact.label, self.hours, self.cost) if part]

    def notes(self) -> list[str]:
        """The route's note, and what no current source confirms about it."""
        unconfirmed = f"Not confirmed: {self.contact.unconfirmed}" if self.contact.unconfirmed else None
        return [part for part in (self.contact.note, unconfirmed) if part]


@dataclass(frozen=True)
class Sheet:
    """How a printed sheet (Markdown or HTML) is made.

    A sheet is for the people who will use the services, so the curators'
    notes on an entry, check dates and the list of sources are left out
    unless ``notes`` asks for them. A route's own instructions, and what no
    current source confirms, always stay: a reader needs those to judge it.
    """

    title: str | None = None
    """None: the directory's own title."""
    blanks: tuple[str, ...] = ()
    """Contacts to write in by hand, e.g. "Your school's safeguarding lead"."""
    notes: bool = False
    needs: tuple[str, ...] = ()
    """The needs the sheet was asked for: only their sections (none: every need its services serve)."""


def sheet_title(directory: Directory, needs: Sequence[str], place: Place | None) -> str:
    """A sheet's title that says what it holds: its needs and whose services, not the whole directory's scope."""
    if not needs and place is None:
        return directory.data.title
    # The directory's title without its own scope in brackets ("(UK-wide, ... and North Yorkshire)").
    subject = "Who can help: " + "; ".join(directory.need(n).label for n in needs) if needs else re.sub(r"\s*\([^()]*\)$", "", directory.data.title)
    if place is None:
        return subject
    return f"{subject}, UK-wide" if kind_of(place.area) == "uk" else f"{subject}, for people in {place.area.name}"


def routes(directory: Directory, service: Service, *, channel: str | None = None, free: bool = False) -> list[Route]:
    """The service's routes that pass the filters, as exports show them."""
    result = []
    for contact in directory.routes(service, channel=channel, free=free):
        info = directory.phone(contact)
        result.append(
            Route(
                contact=contact,
                channel_label=CHANNEL_LABELS[contact.channel],
                shown=info.display if info else contact.value,
                dial=info.dial if info else None,
                link=route_link(contact, info.dial if info else None),
                hours=None if not shows_hours(contact) else hours_mod.describe(contact.hours) if contact.hours else hours_mod.UNKNOWN_TEXT,
                cost=cost_text(directory, contact),
            )
        )
    return result


def summary(directory: Directory, service: Service) -> str:
    """Who runs it, who it is for, and how private it is: "NSPCC · UK-wide · confidential"."""
    flags = [word for word, flag in (("anonymous", service.anonymous), ("confidential", service.confidential)) if flag]
    return " · ".join([service.organisation, directory.coverage(service).text, *flags])


@dataclass(frozen=True)
class Section:
    """One need on a printed sheet: services described here, and those described earlier."""

    need: Need
    services: list[Service]
    see_also: list[tuple[Service, Need]]
    """Services described under an earlier need, with that need."""


def sections(directory: Directory, services: list[Service], needs: Sequence[str] = ()) -> list[Section]:
    """Services grouped by need, each described once, under the first (most urgent) need it serves.

    A service serving several needs is named again under the later ones with a
    pointer back, so a reader scanning by need still finds it while a printed
    sheet does not repeat whole entries. With ``needs``, only those needs' sections.
    """
    described: dict[str, Need] = {}
    result = []
    for need, members in directory.grouped(services, needs or None):
        fresh = [s for s in members if s.id not in described]
        seen = [(s, described[s.id]) for s in members if s.id in described]
        described.update((s.id, need) for s in fresh)
        result.append(Section(need, fresh, seen))
    return result
