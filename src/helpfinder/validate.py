"""Checking a parsed directory: its shape (``shape``), its fields' values, and the cross-entry rules.

Every problem is reported at once, each with its file, line, column, entry
and field. ``msgspec`` builds the structs of a valid file in one call; the
problems themselves come from ``shape``, which reads the model's declared
types, so no message depends on how msgspec words its errors.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

import msgspec

from . import model
from .phones import PhoneError, PhoneInfo, analyse
from .crossref import check_cross, raw_list
from .problems import MAX_PROBLEMS, Problem, unlisted
from .safetext import first_unsafe
from .shape import check_shape
from .locate import Locator
from .yamlfile import Parsed

Path = tuple[str | int, ...]


_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


@dataclass
class Checked:
    """A validated directory: the data, facts about each number, and any warnings."""

    data: model.DirectoryFile
    phones: dict[str, PhoneInfo]
    warnings: list[Problem]


class _Reporter:
    """Collects problems, then locates them all in one pass over the file and names their entries.

    At most ``MAX_PROBLEMS`` are kept; the rest are counted, so a file with
    hundreds of thousands of problems is still checked in seconds.
    """

    def __init__(self, name: str, raw: dict[str, Any], locator: Locator) -> None:
        self.name = name
        self.raw = raw
        self.locator = locator
        self._pending: list[tuple[str, Path, str, str, bool]] = []
        self._problems: list[Problem] = []
        self.unlisted = {"error": 0, "warning": 0}
        self.has_errors = False

    @property
    def full(self) -> bool:
        return len(self._pending) + len(self._problems) >= MAX_PROBLEMS

    def add(self, rule: str, path: Path, message: str, *, severity: str = "error", key: bool = False) -> None:
        self.has_errors = self.has_errors or severity == "error"
        if self.full:
            self.unlisted[severity] += 1
            return
        self._pending.append((rule, path, message, severity, key))

    @property
    def problems(self) -> list[Problem]:
        if self._pending:
            places = self.locator.find_all([(path, key) for _, path, _, _, key in self._pending])
            for (rule, path, message, severity, _), (line, column) in zip(self._pending, places):
                self._problems.append(Problem(rule, message, self.name, line, column, describe(self.raw, path), severity))  # type: ignore[arg-type]
            self._pending = []
        return self._problems

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def describe(raw: Any, path: Path) -> str:
    """``services[3] (crimestoppers) contacts[0].value``: the path, with the entry's id."""
    out = ""
    node = raw
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
            node = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                out += f" ({node['id']}) "
        else:
            out += ("" if not out or out.endswith(" ") else ".") + step
            node = node.get(step) if isinstance(node, dict) else None
    return out.strip()


def check(
    parsed: Parsed,
    text: str,
    name: str,
    *,
    today: datetime.date | None = None,
    max_age_days: int | None = None,
) -> tuple[Checked | None, list[Problem]]:
    """Validate a parsed file. Returns the checked directory (None if it has errors) and all problems.

    A file with structural errors is still checked entry by entry, so one
    run reports every problem, not just those of the first kind found.
    """
    locator = Locator(text)
    report = _Reporter(name, parsed.data, locator)
    check_shape(parsed.data, report)
    data: model.DirectoryFile | None
    try:  # msgspec builds the structs; the problems come from check_shape, which reads the model itself
        data = msgspec.convert(parsed.data, model.DirectoryFile, strict=False)
    except msgspec.ValidationError:
        data = None
        if not report.has_errors:  # pragma: no cover - check_shape and msgspec disagree
            report.add("type", (), "the file does not match the directory format")
    entries = _Entries.of(data) if data is not None else _Entries.salvage(parsed.data)
    for path in sorted(parsed.plain_nulls, key=str):
        report.add("type", path, "a plain null here would be read as the text 'null'; leave the field out, or quote the text")
    phones = _check_fields(entries, parsed, report)
    check_cross(
        parsed.data, parsed.plain_nulls, tuple(_SECTIONS), entries.areas, entries.services, entries.topics,
        phones, report, today or datetime.date.today(), max_age_days,
    )
    if data is not None:
        from .guide import problems as guide_problems

        for path, message in guide_problems(data):
            report.add("guide", path, message)
    # Errors first, then warnings, each in file order; then how many more were found.
    problems = sorted(report.problems, key=lambda p: (p.severity != "error", p.line or 0, p.column or 0))
    if sum(report.unlisted.values()):
        problems.append(unlisted(sum(report.unlisted.values()), name, errors=report.unlisted["error"] > 0))
    if data is None or report.has_errors:
        return None, problems
    return Checked(data, phones, report.warnings), problems


@dataclass
class _Entries:
    """The entries that passed the structural check, each with its index in the file.

    ``contacts`` also holds the well-formed routes of services that are not,
    so a bad field in one route does not hide a bad number in the next.
    """

    needs: list[tuple[int, model.Need]]
    areas: list[tuple[int, model.Area]]
    topics: list[tuple[int, model.Topic]]
    services: list[tuple[int, model.Service]]
    contacts: list[tuple[Path, model.Contact]]

    @classmethod
    def of(cls, data: model.DirectoryFile) -> _Entries:
        sections = [list(enumerate(getattr(data, section))) for section in _SECTIONS]
        contacts = [
            (("services", index, "contacts", c_index), contact)
            for index, service in enumerate(data.services)
            for c_index, contact in enumerate(service.contacts)
        ]
        return cls(*sections, contacts)

    @classmethod
    def salvage(cls, raw: Any) -> _Entries:
        """Convert each entry on its own, keeping those that are well-formed."""
        found: list[list[tuple[int, Any]]] = []
        contacts: list[tuple[Path, model.Contact]] = []
        for section, struct in _SECTIONS.items():
            kept = []
            for index, item in enumerate(raw_list(raw, section)):
                try:
                    entry = msgspec.convert(item, struct, strict=False)
                except msgspec.ValidationError:
                    if section == "services" and isinstance(item, dict):
                        contacts += _salvage_contacts(item.get("contacts"), ("services", index, "contacts"))
                    continue
                kept.append((index, entry))
                if isinstance(entry, model.Service):
                    contacts += [((section, index, "contacts", c), contact) for c, contact in enumerate(entry.contacts)]
            found.append(kept)
        return cls(*found, sorted(contacts, key=lambda pair: pair[0]))


def _salvage_contacts(raw: Any, path: Path) -> list[tuple[Path, model.Contact]]:
    kept = []
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        try:
            kept.append(((*path, index), msgspec.convert(item, model.Contact, strict=False)))
        except msgspec.ValidationError:
            continue
    return kept


_SECTIONS: dict[str, type[msgspec.Struct]] = {
    "needs": model.Need,
    "areas": model.Area,
    "topics": model.Topic,
    "services": model.Service,
}


# --- fields ------------------------------------------------------------------


def _check_fields(entries: _Entries, parsed: Parsed, report: _Reporter) -> dict[str, PhoneInfo]:
    phones: dict[str, PhoneInfo] = {}
    bad: dict[str, PhoneError] = {}
    for index, service in entries.services:
        _check_url(service.source, ("services", index, "source"), report)
    for where, contact in entries.contacts:
        if contact.source:
            _check_url(contact.source, (*where, "source"), report)
        _check_contact(contact, (*where, "value"), parsed, report, phones, bad)
    for index, topic in entries.topics:
        _check_url(topic.source, ("topics", index, "source"), report)
    return phones


def _check_contact(
    contact: model.Contact,
    path: Path,
    parsed: Parsed,
    report: _Reporter,
    phones: dict[str, PhoneInfo],
    bad: dict[str, PhoneError],
) -> None:
    value = contact.value
    if contact.channel in model.NUMBER_CHANNELS:
        if path in parsed.unquoted_numbers:
            report.add(
                "phone-unquoted", path,
                f'write the number in quotes ("{value}"): YAML 1.2 readers take unquoted digits for an integer and drop a leading 0 or +',
            )
        if value not in phones and value not in bad:
            try:
                phones[value] = analyse(value)
            except PhoneError as exc:
                bad[value] = exc
        if value in bad:
            report.add(bad[value].rule, path, str(bad[value]))
    elif contact.channel == "email":
        if not _EMAIL.match(value) or len(value) > 254:
            report.add("email-invalid", path, f'"{value}" is not a well-formed email address')
    else:
        _check_url(value, path, report)


def _check_url(value: str, path: Path, report: _Reporter) -> None:
    """Only https, with a real host name, no credentials, spaces or controls."""
    from urllib.parse import urlsplit

    problem = None
    if not value.startswith("https://"):
        scheme = value.split(":", 1)[0] if ":" in value else ""
        problem = f'"{value}" must be an https:// address' + (f" (not {scheme}:)" if scheme else "")
    elif any(ch.isspace() for ch in value) or first_unsafe(value):
        problem = f'"{value}" contains spaces or hidden characters'
    else:
        parts = urlsplit(value)
        if parts.username or parts.password or not parts.hostname or not _HOST.match(parts.hostname):
            problem = f'"{value}" does not name a valid web host'
    if problem:
        report.add("url-invalid", path, problem)
