"""Open Referral HSDS 3.0 service objects, the data standard behind Open Referral UK.

Mapping choices, and why:

* Every ``id`` is a UUID (HSDS requires one), derived with uuid5 from the
  helpfinder id, so exporting again updates records instead of duplicating them.
* Phone ``type`` uses HSDS's RFC 6350 list: voice, text (SMS) or textphone.
  ``number`` is the number as people write it; the description carries the
  label, hours and cost.
* Routes that HSDS has no field for (online forms, web chat, BSL video) are
  listed, with every other route, in ``application_process``; the service's
  ``url`` is its website, else its first other web route.
* Schedules: one WEEKLY schedule per set of days sharing the same opening
  period, per route. Times are UK wall-clock times, which move between GMT
  and BST, so no fixed UTC offset is given (a single offset would be wrong
  for half the year); ``notes`` says so. A period ending at midnight closes at
  "23:59"; a ``closes_at`` earlier than ``opens_at`` runs past midnight.
  HSDS has no field for bank holidays, so ``notes`` also says what the source
  states about them ("Bank holidays: closed."), or that it does not say.
* ``assured_date`` is ``verified``: the day a person checked the entry.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import hours as hours_mod
from ..model import Hours
from .facts import Route, routes, stable_uuid

if TYPE_CHECKING:
    from ..directory import Directory
    from ..model import Service

PHONE_TYPES = {"phone": "voice", "text": "text", "textphone": "textphone"}
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
UK_TIME = "Times are UK local time (Europe/London): GMT in winter, BST in summer."
MINUTES_PER_DAY = 24 * 60


def _clock(minutes: int) -> str:
    if minutes == MINUTES_PER_DAY:
        return "23:59"
    minutes %= MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def schedules(service: Service, route: Route) -> list[dict[str, Any]]:
    """HSDS schedules for one route's opening hours; none when the hours are not known."""
    hours = route.contact.hours
    if hours is None:
        return []
    weekly = hours if isinstance(hours, Hours) else Hours(daily=["00:00-24:00"])  # "24/7"
    days_by_period: dict[tuple[int, int], list[str]] = {}
    for weekday, code in enumerate(ICAL_DAYS):
        for period in hours_mod.day_periods(weekly, weekday):
            days_by_period.setdefault(period, []).append(code)
    holidays = hours_mod.holidays_text(hours) or ""
    notes = f"{UK_TIME} {holidays[:1].upper()}{holidays[1:]}."
    description = f"{route.channel_label} {route.shown}: {hours_mod.describe(hours)}"
    result = []
    for (start, end), days in days_by_period.items():
        byday = ",".join(days)
        result.append(
            {
                "id": stable_uuid("schedule", service.id, route.channel, route.contact.value, byday, str(start)),
                "service_id": stable_uuid("service", service.id),
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": byday,
                "opens_at": _clock(start),
                "closes_at": _clock(end),
                "description": description,
                "notes": notes,
            }
        )
    return result


def service_object(directory: Directory, service: Service, *, channel: str | None = None, free: bool = False) -> dict[str, Any]:
    """One service as an HSDS 3.0 ``service`` object."""
    service_id = stable_uuid("service", service.id)
    chosen = routes(directory, service, channel=channel, free=free)
    web = [r.shown for r in chosen if r.channel == "web"] + [r.shown for r in chosen if r.channel in ("form", "chat", "bsl")]
    emails = [r.shown for r in chosen if r.channel == "email"]
    record: dict[str, Any] = {
        "id": service_id,
        "name": service.name,
        "description": service.description,
        "status": "active",
        "organization": {
            "id": stable_uuid("organization", service.organisation),
            "name": service.organisation,
            "description": f"Runs {service.name}.",
        },
    }
    record["organization_id"] = record["organization"]["id"]
    if web:
        record["url"] = web[0]
    if emails:
        record["email"] = emails[0]
    record["application_process"] = "; ".join(
        f"{r.channel_label}: {r.shown}" + (f" ({r.contact.label})" if r.contact.label else "") for r in chosen
    )
    if service.audience:
        record["eligibility_description"] = "For: " + ", ".join(a.replace("-", " ") for a in service.audience)
    record["assured_date"] = service.verified.isoformat()
    record["phones"] = [
        {
            "id": stable_uuid("phone", service.id, r.channel, r.contact.value),
            "service_id": service_id,
            "number": r.shown,
            "type": PHONE_TYPES[r.channel],
            "description": " · ".join([*r.details(), *r.notes()]),
        }
        for r in chosen
        if r.channel in PHONE_TYPES
    ]
    record["schedules"] = [schedule for r in chosen for schedule in schedules(service, r)]
    record["service_areas"] = [
        {
            "id": stable_uuid("service-area", service.id, service.area),
            "service_id": service_id,
            "name": directory.coverage(service).area_name,
            "description": directory.coverage(service).text,
        }
    ]
    return record


def to_hsds(directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False) -> str:
    """The services as a JSON array of HSDS 3.0 service objects."""
    records = [service_object(directory, service, channel=channel, free=free) for service in services]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
