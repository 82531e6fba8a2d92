"""The structural check: every value of the file against the type the model declares for it.

The types come from ``msgspec.inspect`` (msgspec's structured description of
the structs in ``model``), never from the wording of its error messages, so
a msgspec upgrade cannot silently change what a problem says or where it
points. Each struct and field is compiled once into a small checking
function; a file is then walked once, and only where the model says a value
belongs: the values under an unknown field are not walked, only the field is
reported. Every scalar arrives as the text written (see ``yamlfile``), so
this is also where ``true``, dates and ids are held to their exact form.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from typing import Any, Protocol

import msgspec
import msgspec.inspect as mi

from . import model
from .crossref import closest
from .safetext import first_unsafe, is_control

Path = tuple[str | int, ...]


class Reporter(Protocol):
    """Where problems go (``validate``'s reporter locates each in the file)."""

    def add(self, rule: str, path: Path, message: str, *, severity: str = "error", key: bool = False) -> None: ...


Check = Callable[[Any, Path, Reporter], None]


def check_shape(raw: Any, report: Reporter) -> None:
    """Report every value of ``raw`` (the parsed file) that the model does not allow."""
    _compiled(model.DirectoryFile)(raw, (), report)


def kind_of(value: Any) -> str:
    """How a value is named in a message: ``a mapping``, ``a list``, ``nothing`` or the text in quotes."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f'"{value}"'


@functools.cache
def _compiled(struct: type[msgspec.Struct]) -> Check:
    return _checker(mi.type_info(struct))


def _checker(info: mi.Type) -> Check:
    """The function that checks a value against ``info``; a type the model does not use fails here, at once."""
    while isinstance(info, mi.Metadata):
        info = info.type
    if isinstance(info, mi.StructType):
        return _struct(info)
    if isinstance(info, mi.ListType):
        return _list(info)
    if isinstance(info, mi.UnionType):
        return _union(info)
    if isinstance(info, (mi.StrType, mi.LiteralType, mi.BoolType, mi.DateType)):
        return _scalar(info)
    raise TypeError(f"the structural check has no rule for {info!r}")  # pragma: no cover - a new kind of field in model.py


def _struct(info: mi.StructType) -> Check:
    checks: dict[str, Check] = {}
    names = [f.encode_name for f in info.fields]
    required = [f.encode_name for f in info.fields if f.required]

    def check(value: Any, path: Path, report: Reporter) -> None:
        if not isinstance(value, dict):
            report.add("type", path, f"expected a mapping of fields, got {kind_of(value)}")
            return
        for name in required:  # first: if a flood of unknown fields fills the report, these still show
            if name not in value:
                report.add("missing-field", path, f"missing required field '{name}'")
        for key in value:
            if key not in checks:
                close = closest(key, names)
                hint = f"; did you mean '{close}'?" if close else f"; expected one of: {', '.join(names)}"
                report.add("unknown-field", (*path, key), f"unknown field '{key}'{hint}", key=True)
        for name, field_check in checks.items():
            if name in value:
                field_check(value[name], (*path, name), report)

    for field in info.fields:  # after ``check`` exists, so a struct may (one day) contain itself
        checks[field.encode_name] = _field(info.cls, field)
    return check


def _field(struct: type, field: mi.Field) -> Check:
    inner = _checker(field.type)
    if (struct, field.name) != (model.Hours, "bank_holidays"):
        return inner

    def bank_holidays(value: Any, path: Path, report: Reporter) -> None:
        """A route's bank-holiday rule gets its own rule code, and one message that says what may be written."""
        inner(value, path, _Renamed(report, path, value))

    return bank_holidays


class _Renamed:
    """Files the problems of a route's ``bank_holidays`` under their own rule (a bad period keeps its message)."""

    def __init__(self, report: Reporter, path: Path, value: Any) -> None:
        self._report, self._path, self._value = report, path, value

    def add(self, rule: str, path: Path, message: str, *, severity: str = "error", key: bool = False) -> None:
        if path == self._path:
            shown = "an empty list" if self._value == [] else kind_of(self._value)
            message = (
                f"{shown} is not a bank-holiday rule: write as-usual, closed or the day's periods "
                '(e.g. ["10:00-14:00"]), or leave it out when the source does not say'
            )
        if rule == "type":
            rule = "bank-holidays"
        self._report.add(rule, path, message, severity=severity, key=key)


def _list(info: mi.ListType) -> Check:
    item = _checker(info.item_type)
    least = info.min_length or 0
    too_few = "must list at least one item" if least == 1 else f"must list at least {least} items"

    def check(value: Any, path: Path, report: Reporter) -> None:
        if not isinstance(value, list):
            _text_safe(value, path, report)
            report.add("type", path, f"expected a list, got {kind_of(value)}")
            return
        if len(value) < least:
            report.add("type", path, too_few)
        for index, element in enumerate(value):
            item(element, (*path, index), report)

    return check


def _union(info: mi.UnionType) -> Check:
    """A value is checked against the one member of its own kind (text, mapping or list), if any."""
    by_kind: dict[type, Check] = {}
    words: dict[type, str] = {}
    nullable = False
    for member in info.types:
        while isinstance(member, mi.Metadata):
            member = member.type
        if isinstance(member, mi.NoneType):
            nullable = True
            continue
        kind = dict if isinstance(member, mi.StructType) else list if isinstance(member, mi.ListType) else str
        if kind in by_kind:  # pragma: no cover - the model has no such union; say so rather than guess
            raise TypeError(f"the structural check cannot choose between two {kind.__name__} members of {info!r}")
        by_kind[kind] = _checker(member)
        words[kind] = _expected(member)
    # A fixed order (msgspec.inspect's order of a union's members can vary between runs).
    expected = " or ".join(words[kind] for kind in (str, dict, list) if kind in words)

    def check(value: Any, path: Path, report: Reporter) -> None:
        if value is None and nullable:
            return
        member = by_kind.get(type(value))
        if member is None:
            _text_safe(value, path, report)
            report.add("type", path, f"expected {expected}, got {kind_of(value)}")
            return
        member(value, path, report)

    return check


def _expected(info: mi.Type) -> str:
    if isinstance(info, mi.StructType):
        return "a mapping"
    if isinstance(info, mi.ListType):
        return "a list"
    if isinstance(info, mi.LiteralType):
        values = sorted(str(v) for v in info.values)
        return values[0] if len(values) == 1 else f"one of {', '.join(values)}"
    if isinstance(info, mi.BoolType):
        return "true or false"
    if isinstance(info, mi.DateType):
        return "a date"
    return "text"


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _scalar(info: mi.Type) -> Check:
    """Text, an allowed value, true or false, or a date: each written as text in the file."""
    if isinstance(info, mi.LiteralType):
        allowed = {str(v) for v in info.values}
        listed = ", ".join(sorted(allowed))

        def valid(text: str) -> str | None:
            return None if text in allowed else f'"{text}" is not one of the allowed values ({listed})'

    elif isinstance(info, mi.BoolType):

        def valid(text: str) -> str | None:
            if text in ("true", "false"):
                return None
            if text.lower() in ("true", "false", "1", "0"):
                return f'"{text}" is not true or false (write true or false, in lower case)'
            return f'"{text}" is not true or false'

    elif isinstance(info, mi.DateType):

        def valid(text: str) -> str | None:
            if _DATE.match(text):
                try:
                    datetime.date.fromisoformat(text)
                    return None
                except ValueError:
                    pass
            return f'"{text}" is not a real date written YYYY-MM-DD (e.g. 2024-02-29)'

    else:
        assert isinstance(info, mi.StrType)
        return _text(info)
    expected = _expected(info)

    def check(value: Any, path: Path, report: Reporter) -> None:
        if not isinstance(value, str):
            report.add("type", path, f"expected {expected}, got {kind_of(value)}")
            return
        _text_safe(value, path, report)
        problem = valid(value)
        if problem:
            report.add("type", path, problem)

    return check


def _text(info: mi.StrType) -> Check:
    empty = bool(info.min_length)
    matches = re.compile(info.pattern).search if info.pattern else None
    rule, form = _FORMS.get(info.pattern or "", ("type", f"in the expected form ({info.pattern})"))

    def check(value: Any, path: Path, report: Reporter) -> None:
        if not isinstance(value, str):
            report.add("type", path, f"expected text, got {kind_of(value)}")
            return
        _text_safe(value, path, report)
        if empty and not value:
            report.add("type", path, "must not be empty")
        elif matches is not None and not matches(value):
            report.add(rule, path, f'"{value}" is not {form}')

    return check


def _pattern(annotated: Any) -> str:
    info = mi.type_info(annotated)
    assert isinstance(info, mi.Metadata) and isinstance(info.type, mi.StrType) and info.type.pattern
    return info.type.pattern


#: The rule and plain words for each of the model's patterns, so a message says what to write.
_FORMS = {
    _pattern(model.TimeRange): ("type", "an opening period written HH:MM-HH:MM with two-digit hours (e.g. 09:00-17:00)"),
    _pattern(model.Slug): ("type", "an id of lower-case letters, digits and single hyphens (e.g. police-non-emergency)"),
    _pattern(model.Url): ("url-invalid", "an https:// address without spaces"),
}


def _text_safe(value: Any, path: Path, report: Reporter) -> None:
    """Refuse the characters every message would show escaped (``safetext``); prose may hold tabs and line breaks."""
    if not isinstance(value, str):
        return
    found = first_unsafe(value, allowed="\t\n")
    if found is None:
        return
    if is_control(found):
        report.add("text-control", path, f"contains the control character U+{ord(found):04X}; remove it")
    else:
        report.add("text-invisible", path, f"contains the invisible or direction-changing character U+{ord(found):04X}; remove it")
