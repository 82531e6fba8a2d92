"""How a route is presented, the same on a terminal and in every export.

A route's label, link, whether it shows opening hours, what it costs in words
and how a date is written are decided here once, so ``views`` (the terminal)
and ``export`` (files) never disagree and exports need not import the
terminal module.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from .model import CHANNELS, NUMBER_CHANNELS, Contact, Service
from .phones import tel_uri

if TYPE_CHECKING:
    from .directory import Directory

CHANNEL_LABELS: dict[str, str] = dict(
    zip(CHANNELS, ("Phone", "Text", "Textphone", "Email", "Website", "Report online", "Web chat", "BSL video"), strict=True)
)
NOT_LISTED_COST = "cost not listed: check the website"


def route_link(contact: Contact, dial: str | None) -> str | None:
    """tel:, mailto: or https: target for a route; None for a text-message number."""
    if contact.channel in NUMBER_CHANNELS and dial:
        return None if contact.channel == "text" else tel_uri(dial)
    if contact.channel == "email":
        return f"mailto:{contact.value}"
    return contact.value


def shows_hours(contact: Contact) -> bool:
    """Routes a person calls or joins live say when they are open (even if that is unknown)."""
    return contact.channel in NUMBER_CHANNELS or contact.hours is not None or contact.channel in ("chat", "bsl")


def cost_text(directory: Directory, contact: Contact) -> str | None:
    """What a number route costs, or that the cost is not listed; None for other routes."""
    if contact.channel not in NUMBER_CHANNELS:
        return None
    return directory.cost(contact) or NOT_LISTED_COST


def service_notes(service: Service, curators: bool = True) -> list[str]:
    """The service's note (with the curators' note when ``curators``: ``show`` and sheets with notes) and what no current source confirms."""
    note = " ".join(part for part in (service.note, service.curator_note if curators else None) if part)
    return [text for text in (note and f"Note: {note}", service.unconfirmed and f"Not confirmed: {service.unconfirmed}") if text]


def day_text(day: datetime.date) -> str:
    """A date as people read it: "26 February 2021"."""
    return f"{day.day} {day.strftime('%B %Y')}"
