"""CSV (RFC 4180): one row per route, for spreadsheets and other systems.

Choices, and why:

* UTF-8 with a byte-order mark. Excel reads a CSV file without one in the
  local ANSI code page, which garbles "–" and "£"; with it, Excel, LibreOffice
  and Numbers all read UTF-8. Python readers should open the file with
  ``encoding="utf-8-sig"``, which drops the mark.
* CRLF line endings and minimal quoting, as RFC 4180 specifies.
* No cell starts with a character a spreadsheet reads as a formula
  (``= + - @``, tab or carriage return): such a cell gets a leading ``'``
  (OWASP's advice against CSV injection), so directory text can never run as
  a formula.
* Numbers are written as people write them, with spaces ("0808 800 5000").
  A spreadsheet reads a cell as a number only when it is all digits, so a
  number with spaces stays text and keeps its leading zero; a plain dialling
  string ("08088005000") would become 8088005000. Short codes (999, 101) have
  no leading zero to lose. The alternative, ``="0808..."``, is itself a
  formula, so it is not used.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from .facts import routes, service_notes

if TYPE_CHECKING:
    from ..directory import Directory
    from ..model import Service

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HEADER = (
    "service",
    "organisation",
    "helps with",
    "who it is for",
    "channel",
    "contact",
    "label",
    "hours",
    "cost",
    "route note",
    "service note",
    "anonymous",
    "confidential",
    "service id",
    "source",
    "checked",
)


def neutralise(cell: str) -> str:
    """Prefix a cell a spreadsheet would evaluate as a formula with a single quote."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def rows(directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False) -> list[list[str]]:
    """The table without the header: one row per route of each service, cells as written."""
    table = []
    for service in services:
        needs = "; ".join(directory.need(n).label for n in service.needs)
        area = directory.coverage(service).text
        for route in routes(directory, service, channel=channel, free=free):
            table.append(
                [
                    service.name,
                    service.organisation,
                    needs,
                    area,
                    route.channel_label,
                    route.shown,
                    route.contact.label or "",
                    route.hours or "",
                    route.cost or "",
                    " ".join(route.notes()),
                    " ".join(service_notes(service)),
                    "yes" if service.anonymous else "no",
                    "yes" if service.confidential else "no",
                    service.id,
                    route.contact.source or service.source,
                    service.verified.isoformat(),
                ]
            )
    return table


def to_csv(directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False) -> str:
    """The services as CSV text, starting with a byte-order mark (see the module docstring)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(directory, services, channel=channel, free=free):
        writer.writerow([neutralise(cell) for cell in row])
    return BOM + out.getvalue()
