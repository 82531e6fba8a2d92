"""What every export says about a route and a service, worked out once for all formats.

Each format only lays these facts out; none of them decides what a route
costs, when it is open or which services sit under which need, so a printed
sheet, a contacts file and a spreadsheet never disagree.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import hours as hours_mod
from ..model import Contact, Need, Service
from ..render import EMERGENCY_LINE, FALLBACK_EMERGENCY
from ..routes import CHANNEL_LABELS, cost_text, day_text, route_link, shows_hours

if TYPE_CHECKING:
    from ..directory import Directory

__all__ = [
    "EMERGENCY_LINE",
    "FALLBACK_EMERGENCY",
    "Route",
    "Section",
    "day_text",
    "routes",
    "sections",
    "service_notes",
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


def service_notes(service: Service) -> list[str]:
    """The service's note and what no current source confirms, as every output shows them."""
    return [text for text in (service.note and f"Note: {service.note}", service.unconfirmed and f"Not confirmed: {service.unconfirmed}") if text]


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


def sections(directory: Directory, services: list[Service]) -> list[Section]:
    """Services grouped by need, each described once, under the first (most urgent) need it serves.

    A service serving several needs is named again under the later ones with a
    pointer back, so a reader scanning by need still finds it while a printed
    sheet does not repeat whole entries.
    """
    described: dict[str, Need] = {}
    result = []
    for need, members in directory.grouped(services):
        fresh = [s for s in members if s.id not in described]
        seen = [(s, described[s.id]) for s in members if s.id in described]
        described.update((s.id, need) for s in fresh)
        result.append(Section(need, fresh, seen))
    return result
