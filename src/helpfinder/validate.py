"""Checking a parsed directory against the model and the field and cross-entry rules.

The structural check uses ``msgspec`` against the structs in ``model``. A valid
file converts in one call; an invalid one is walked field by field so that
every problem is reported at once, each with its file, line, column, entry
and field.
"""

from __future__ import annotations

import datetime
import functools
import re
import types
import typing
from dataclasses import dataclass
from typing import Any

import msgspec

from . import model
from .phones import PhoneError, PhoneInfo, analyse
from .crossref import check_cross, closest, raw_list
from .problems import Problem
from .safetext import first_unsafe, is_control
from .yamlfile import Locator, Parsed

Path = tuple[str | int, ...]


_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")
_MSGSPEC_PATH = re.compile(r" - at `\$(?P<path>[^`]*)`$")
_PATH_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


@dataclass
class Checked:
    """A validated directory: the data, facts about each number, and any warnings."""

    data: model.DirectoryFile
    phones: dict[str, PhoneInfo]
    warnings: list[Problem]


class _Reporter:
    """Collects problems, then locates them all in one pass over the file and names their entries."""

    def __init__(self, name: str, raw: dict[str, Any], locator: Locator) -> None:
        self.name = name
        self.raw = raw
        self.locator = locator
        self._pending: list[tuple[str, Path, str, str, bool]] = []
        self._problems: list[Problem] = []

    def add(self, rule: str, path: Path, message: str, *, severity: str = "error", key: bool = False) -> None:
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
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

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
    data: model.DirectoryFile | None
    try:
        data = msgspec.convert(parsed.data, model.DirectoryFile, strict=False)
    except msgspec.ValidationError:
        data = None
        _walk_struct(parsed.data, model.DirectoryFile, (), report)
        if not report._pending:  # pragma: no cover - the walk and msgspec disagree
            report.add("type", (), "the file does not match the directory format")
    entries = _Entries.of(data) if data is not None else _Entries.salvage(parsed.data)
    for path, value in _texts(parsed.data):
        _check_text(value, path, report)
    _check_booleans(parsed.data, model.DirectoryFile, (), report)
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
    # Errors first, then warnings, each in file order.
    problems = sorted(report.problems, key=lambda p: (p.severity != "error", p.line or 0, p.column or 0))
    if data is None or report.errors:
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


# --- structure -------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def _shape(struct: type[msgspec.Struct]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A struct's fields by name in the file, and their types (worked out once per struct, not per entry)."""
    return {f.encode_name: f for f in msgspec.structs.fields(struct)}, typing.get_type_hints(struct, include_extras=True)


def _walk_struct(value: Any, struct: type[msgspec.Struct], path: Path, report: _Reporter) -> None:
    if not isinstance(value, dict):
        report.add("type", path, f"expected a mapping of fields, got {_kind(value)}")
        return
    fields, hints = _shape(struct)
    for key in value:
        if key not in fields:
            close = closest(key, list(fields))
            hint = f"; did you mean '{close}'?" if close else f"; expected one of: {', '.join(fields)}"
            report.add("unknown-field", (*path, key), f"unknown field '{key}'{hint}", key=True)
    for field in fields.values():
        if field.required and field.encode_name not in value:
            report.add("missing-field", path, f"missing required field '{field.encode_name}'")
    for field in fields.values():
        if field.encode_name in value:
            _walk_value(value[field.encode_name], hints[field.name], (*path, field.encode_name), report)


def _walk_value(value: Any, annotation: Any, path: Path, report: _Reporter) -> None:
    inner = _strip_annotated(annotation)
    if isinstance(inner, type) and issubclass(inner, msgspec.Struct):
        _walk_struct(value, inner, path, report)
        return
    if typing.get_origin(inner) is list:
        (item_type,) = typing.get_args(inner)
        item_inner = _strip_annotated(item_type)
        if isinstance(item_inner, type) and issubclass(item_inner, msgspec.Struct) and isinstance(value, list):
            _convert(value, annotation, path, report, items=False)
            for index, item in enumerate(value):
                _walk_struct(item, item_inner, (*path, index), report)
            return
    _convert(value, annotation, path, report)


def _convert(value: Any, annotation: Any, path: Path, report: _Reporter, items: bool = True) -> None:
    """Check one value with msgspec, turning its message into a located problem."""
    if not items:  # check only the list's own constraints (e.g. not empty), not its items
        if not isinstance(value, list):
            report.add("type", path, f"expected a list, got {_kind(value)}")
        elif not value and _min_length(annotation):
            report.add("type", path, "must list at least one item")
        return
    try:
        msgspec.convert(value, annotation, strict=False)
    except msgspec.ValidationError as exc:
        message = str(exc)
        match = _MSGSPEC_PATH.search(message)
        sub: Path = ()
        if match:
            message = message[: match.start()]
            sub = tuple(m[1] if m[1] else int(m[2]) for m in _PATH_STEP.finditer(match["path"]))
        where = (*path, *sub)
        if "hours" in where and "bank_holidays" in where:
            report.add("bank-holidays", where, _holidays_message(message, value, sub))
        else:
            report.add(_rule(message), where, _plain_message(message, value, sub))


def _holidays_message(message: str, value: Any, sub: Path) -> str:
    """Say what a route's ``bank_holidays`` may be; a bad period in its list keeps the period message."""
    if sub[-1] != "bank_holidays":
        return _plain_message(message, value, sub)
    for step in sub:
        value = value[step] if isinstance(value, dict) else None
    shown = "an empty list" if value == [] else _kind(value)
    return (
        f"{shown} is not a bank-holiday rule: write as-usual, closed or the day's periods "
        '(e.g. ["10:00-14:00"]), or leave it out when the source does not say'
    )


def _plain_message(message: str, value: Any, sub: Path) -> str:
    for step in sub:
        value = value[step] if isinstance(value, (list, dict)) else value
    shown = f'"{value}"' if isinstance(value, str) else _kind(value)
    replacements = {
        "Expected `bool`, got `str`": f"{shown} is not true or false",
        "Invalid RFC3339 encoded date": f"{shown} is not a real date written YYYY-MM-DD (e.g. 2024-02-29)",
        "Expected `str`, got `object`": "expected text, got a mapping",
        "Expected `str`, got `array`": "expected text, got a list",
        "Expected `array`, got `str`": f"expected a list, got {shown}",
        "Expected `array`, got `object`": "expected a list, got a mapping",
        "Expected `object`, got `str`": f"expected a mapping, got {shown}",
    }
    for prefix, plain in replacements.items():
        if message.startswith(prefix):
            return plain
    if message.startswith("Invalid enum value"):
        return f"{shown} is not one of the allowed values"
    if message.startswith("Expected `str` matching regex"):
        pattern = _regex_in(message)
        if pattern in _FORMS:
            return f"{shown} is not {_FORMS[pattern][1]}"
        return f"{shown} is not in the expected form ({pattern})"
    if message.startswith("Expected `str` of length >= 1"):
        return "must not be empty"
    return message.replace("`", "'")


def _pattern(annotation: Any) -> str:
    return next(m.pattern for m in typing.get_args(annotation)[1:] if getattr(m, "pattern", None))


#: The rule and plain words for each of the model's patterns, so a message says what to write.
_FORMS = {
    _pattern(model.TimeRange): ("type", "an opening period written HH:MM-HH:MM with two-digit hours (e.g. 09:00-17:00)"),
    _pattern(model.Slug): ("type", "an id of lower-case letters, digits and single hyphens (e.g. police-non-emergency)"),
    _pattern(model.Url): ("url-invalid", "an https:// address without spaces"),
}


def _regex_in(message: str) -> str:
    """The pattern in msgspec's message, which quotes it as a Python literal (backslashes doubled)."""
    import ast

    literal = message.split("regex ", 1)[1].strip()
    try:
        return str(ast.literal_eval(literal))
    except (ValueError, SyntaxError):
        return literal.strip("'`")


def _rule(message: str) -> str:
    if message.startswith("Expected `str` matching regex"):
        return _FORMS.get(_regex_in(message), ("type", ""))[0]
    return "type"


def _strip_annotated(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _min_length(annotation: Any) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        return any(getattr(meta, "min_length", None) for meta in typing.get_args(annotation)[1:])
    return False


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f'"{value}"'


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


def _check_booleans(value: Any, struct: type[msgspec.Struct], path: Path, report: _Reporter) -> None:
    """true and false exactly as written: msgspec (not strict) would also take 1, 0 and tRuE."""
    if not isinstance(value, dict):
        return
    fields, hints = _shape(struct)
    for name, field in fields.items():
        if name not in value:
            continue
        item, here = value[name], (*path, name)
        kinds = _kinds(hints[field.name])
        if bool in kinds and isinstance(item, str) and item not in ("true", "false") and item.lower() in ("true", "false", "1", "0"):
            report.add("type", here, f'"{item}" is not true or false (write true or false, in lower case)')
        for kind in kinds:
            if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
                _check_booleans(item, kind, here, report)
            elif typing.get_origin(kind) is list and isinstance(item, list):
                (inner,) = typing.get_args(kind)
                inner = _strip_annotated(inner)
                if isinstance(inner, type) and issubclass(inner, msgspec.Struct):
                    for index, element in enumerate(item):
                        _check_booleans(element, inner, (*here, index), report)


def _kinds(annotation: Any) -> tuple[Any, ...]:
    """The types a field may hold (``A | B | None`` gives A, B and NoneType), without Annotated."""
    inner = _strip_annotated(annotation)
    if typing.get_origin(inner) in (typing.Union, types.UnionType):
        return tuple(_strip_annotated(arg) for arg in typing.get_args(inner))
    return (inner,)


def _check_text(text: str, path: Path, report: _Reporter) -> None:
    """Refuse the characters every message would show escaped (``safetext``); prose may hold tabs and line breaks."""
    found = first_unsafe(text, allowed="\t\n")
    if found is None:
        return
    if is_control(found):
        report.add("text-control", path, f"contains the control character U+{ord(found):04X}; remove it")
    else:
        report.add("text-invisible", path, f"contains the invisible or direction-changing character U+{ord(found):04X}; remove it")


def _texts(value: Any, path: Path = ()) -> typing.Iterator[tuple[Path, str]]:
    """Every string in the parsed file, with its path (checked even where the structure is wrong)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
