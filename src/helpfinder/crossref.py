"""Checks across entries: ids, references, the area tree, shared numbers and how old each entry is.

``validate`` checks each entry's shape and fields; these checks need the whole
file. Ids and references are read from the parsed file, so an entry with a
structural error still counts as declared and still has its references
checked: one run of ``check`` lists every problem.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any, Protocol

from . import model
from .phones import PhoneInfo
from .places import check_areas, coverage_gaps

Path = tuple[str | int, ...]



class Reporter(Protocol):
    """Where problems go (``validate``'s reporter locates each in the file)."""

    full: bool  # past the number of problems listed: further problems are only counted

    def add(self, rule: str, path: Path, message: str, *, severity: str = "error", key: bool = False) -> None: ...


def check_cross(
    raw: Any,
    nulls: set[Path],
    sections: tuple[str, ...],
    areas_found: Sequence[tuple[int, model.Area]],
    services_found: Sequence[tuple[int, model.Service]],
    topics_found: Sequence[tuple[int, model.Topic]],
    phones: dict[str, PhoneInfo],
    report: Reporter,
    today: datetime.date,
    max_age_days: int | None,
) -> None:
    """Ids, references and shared numbers. Ids come from the parsed file, so an
    entry with a structural error still counts as declared (no false alarms)."""
    declared: dict[str, set[str]] = {}
    for section in sections:
        seen: dict[str, int] = {}
        for index, item_id in _raw_ids(raw, section):
            if item_id in seen:
                report.add("duplicate-id", (section, index, "id"), f"id '{item_id}' is already used by {section}[{seen[item_id]}]")
            else:
                seen[item_id] = index
        declared[section] = set(seen)
    needs, areas, services = declared["needs"], declared["areas"], declared["services"]
    # References are read from the parsed file, so an entry with another error still has its
    # references checked in the same run (one run of check lists every problem).
    references = [("areas", "within", "area", areas), ("areas", "known_gaps", "need", needs), ("services", "area", "area", areas),
                  ("services", "needs", "need", needs), ("topics", "services", "service", services)]  # fmt: skip
    suggest = _Suggester()
    for section, key, kind, known in references:
        for index, item in enumerate(raw_list(raw, section)):
            value = item.get(key) if isinstance(item, dict) else None
            for path, name in [((section, index, key), value)] if isinstance(value, str) else [
                ((section, index, key, n), name) for n, name in enumerate(value if isinstance(value, list) else [])
            ]:
                if isinstance(name, str) and name not in known and path not in nulls:
                    # Past the limit a problem is only counted: no suggestion is worked out for it.
                    report.add("undeclared", path, "" if report.full else suggest(kind, name, known))
    for rule, path, message, severity in check_areas(areas_found):
        report.add(rule, path, message, severity=severity)
    for need_id, nation in coverage_gaps([a for _, a in areas_found], needs, [s for _, s in services_found]):
        if need_id in nation.known_gaps:
            continue
        index = next(i for i, a in areas_found if a.id == nation.id)
        report.add(
            "no-route-in-nation",
            ("areas", index, "id"),
            f"no service for the need '{need_id}' is for people in {nation.name} (if none exists, list it under known_gaps)",
            severity="warning",
        )
    owner: dict[str, str] = {}
    for index, service in services_found:
        base: Path = ("services", index)
        for c_index, contact in enumerate(service.contacts):
            info = phones.get(contact.value) if contact.channel in model.NUMBER_CHANNELS else None
            if info is None:
                continue
            first = owner.setdefault(f"{contact.channel}:{info.dial}", service.id)
            if first != service.id:
                report.add(
                    "shared-number",
                    (*base, "contacts", c_index, "value"),
                    f"{info.display} is also listed under '{first}'",
                    severity="warning",
                )
        _check_age(service.verified, (*base, "verified"), report, today, max_age_days)
    for index, topic in topics_found:
        _check_age(topic.verified, ("topics", index, "verified"), report, today, max_age_days)
    served = {need for item in raw_list(raw, "services") if isinstance(item, dict) for need in _str_list(item.get("needs"))}
    for index, need_id in _raw_ids(raw, "needs"):
        if need_id not in served:
            report.add("unused-need", ("needs", index, "id"), f"no service serves the need '{need_id}'")


def raw_list(raw: Any, section: str) -> list[Any]:
    items = raw.get(section) if isinstance(raw, dict) else None
    return items if isinstance(items, list) else []


def _raw_ids(raw: Any, section: str) -> list[tuple[int, str]]:
    """The ids written in a section, with their indices, whether or not the entries are valid."""
    return [
        (index, item["id"])
        for index, item in enumerate(raw_list(raw, section))
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]


def _str_list(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _check_age(
    verified: datetime.date, path: Path, report: Reporter, today: datetime.date, max_age_days: int | None
) -> None:
    age = (today - verified).days
    if age < 0:
        report.add("type", path, f"{verified.isoformat()} is in the future")
    elif max_age_days is not None and age > max_age_days:
        report.add("too-old", path, f"last verified {verified.isoformat()}, {age} days ago (limit {max_age_days})")
    elif age > model.STALE_AFTER_DAYS:
        report.add("stale", path, f"last verified {verified.isoformat()}, {age} days ago; check it against its source", severity="warning")


def closest(word: str, choices: list[str]) -> str | None:
    """The choice most like ``word`` (as difflib's 0.6 cut-off would find), or None.

    rapidfuzz does it in C: difflib took most of a minute for 32,000 unknown keys.
    """
    if not choices or len(word) > 200:
        return None
    from rapidfuzz import fuzz, process

    found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=60)
    return found[0] if found else None


class _Suggester:
    """'did you mean' for undeclared ids, worked out once per distinct name, so thousands of
    references to the same misspelt id cost one look-up."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], str] = {}

    def __call__(self, kind: str, value: str, known: set[str]) -> str:
        key = (kind, value)
        if key not in self._seen:
            close = closest(value, sorted(known))
            listed = ", ".join(sorted(known)[:20]) + (", ..." if len(known) > 20 else "")
            hint = f"did you mean '{close}'?" if close else f"declared: {listed}"
            self._seen[key] = f"{kind} '{value}' is not declared; {hint}"
        return self._seen[key]
