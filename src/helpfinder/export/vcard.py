"""vCard 4.0 (RFC 6350): one contact card per service, to save on a phone.

Each number is a ``tel:`` URI (international, or a short code in the UK's context), typed voice, text or
textphone, so a phone offers the right action (call, message, relay). The
NOTE says when to use the service, what each route is for and when the entry
was last checked, because a contact card outlives the export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..phones import tel_uri
from .facts import routes, service_notes, stable_uuid

if TYPE_CHECKING:
    from ..directory import Directory
    from ..model import Service

#: RFC 6350 TYPE values for TEL, by helpfinder channel.
TEL_TYPES = {"phone": "voice", "text": "text", "textphone": "textphone"}

#: RFC 6350 3.2: lines longer than 75 octets are folded.
MAX_OCTETS = 75
CRLF = "\r\n"


def escape(text: str) -> str:
    """Escape a TEXT value (RFC 6350 3.4): backslash, comma, semicolon and newlines."""
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 6350 3.2)."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1  # continuation lines start with a space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def card(directory: Directory, service: Service, *, channel: str | None = None, free: bool = False) -> str:
    """One service's card, CRLF line endings included."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:org",
        f"UID:urn:uuid:{stable_uuid('service', service.id)}",
        f"FN:{escape(service.name)}",
        f"ORG:{escape(service.organisation)}",
    ]
    notes = [service.description, directory.coverage(service).text]
    for route in routes(directory, service, channel=channel, free=free):
        if route.channel in TEL_TYPES and route.dial:
            lines.append(f"TEL;VALUE=uri;TYPE={TEL_TYPES[route.channel]}:{tel_uri(route.dial)}")
        elif route.channel == "email":
            lines.append(f"EMAIL:{escape(route.shown)}")
        else:
            lines.append(f"URL:{route.shown}")
        notes.append(" - ".join([f"{route.channel_label} {route.shown}", *route.details()]))
        notes += route.notes()
    notes += service_notes(service)
    notes.append(f"Checked against source on {service.verified.isoformat()}: {service.source}")
    lines.append(f"NOTE:{escape(chr(10).join(notes))}")
    lines.append("END:VCARD")
    return "".join(fold(line) + CRLF for line in lines)


def to_vcard(directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False) -> str:
    """Every service as a vCard 4.0 card, in one file a phone can import."""
    return "".join(card(directory, service, channel=channel, free=free) for service in services)
