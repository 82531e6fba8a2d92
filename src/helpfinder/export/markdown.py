"""A Markdown signposting sheet: grouped by need, as readable in a text editor as rendered.

Directory text is data, so every character Markdown would act on is
backslash-escaped; characters that only matter at the start of a line are
escaped there. Web and email addresses are written as ``<...>`` autolinks,
whose contents Markdown takes literally.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..emergency import FLOOR, LINE
from .facts import Sheet, day_text, routes, sections, service_notes, summary

if TYPE_CHECKING:
    from ..directory import Directory
    from ..model import Service

_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~&!])")
_LINE_START = re.compile(r"^([-+=>]|\d+(?=[.)]))")
_SPACES = re.compile(r"\s+")
#: CommonMark's email autolink pattern.
_EMAIL = re.compile(r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")


def escape(text: str) -> str:
    """Directory text as literal Markdown on one line: nothing in it becomes markup."""
    flat = _SPACES.sub(" ", text).strip()
    escaped = _INLINE.sub(r"\\\1", flat)
    match = _LINE_START.match(escaped)
    if match and match.group(1).isdigit():
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    return _LINE_START.sub(r"\\\1", escaped, count=1)


def address(value: str, channel: str) -> str:
    """A web or email address as an autolink; any other text escaped."""
    if channel == "email":
        return f"<{value}>" if _EMAIL.match(value) else escape(value)
    if value.startswith("https://"):
        return "<" + value.replace("<", "%3C").replace(">", "%3E") + ">"
    return escape(value)


#: The line to write a local contact on.
BLANK = "_" * 30


def _service(directory: Directory, service: Service, channel: str | None, free: bool, notes: bool) -> list[str]:
    lines = [f"### {escape(service.name)}", "", escape(summary(directory, service)), "", escape(service.description), ""]
    for route in routes(directory, service, channel=channel, free=free):
        value = f"**{escape(route.shown)}**" if route.dial else address(route.shown, route.channel)
        details = " · ".join(escape(part) for part in route.details())
        lines.append(f"- {route.channel_label}: {value}" + (f" — {details}" if details else ""))
        lines += [f"  {escape(note)}" for note in route.notes()]
    for note in service_notes(service, curators=notes):
        lines += ["", escape(note)]
    if notes:
        lines += ["", f"Checked against its source on {day_text(service.verified)}: {address(service.source, 'web')}"]
    lines.append("")
    return lines


def to_markdown(
    directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False, sheet: Sheet = Sheet()
) -> str:
    """A signposting sheet: the 999 line, lines for local contacts, each need with its services, and 999 again at the end."""
    lines = [f"# {escape(sheet.title or directory.data.title)}", "", f"**{LINE}**", ""]
    if sheet.blanks:
        # Underscores with spaces either side are literal text in Markdown, not emphasis.
        lines += [*(f"- {escape(label)}: {BLANK}" for label in sheet.blanks), ""]
    for section in sections(directory, services, sheet.needs):
        lines += [f"## {escape(section.need.label)}", "", escape(section.need.description), ""]
        for service in section.services:
            lines += _service(directory, service, channel, free, sheet.notes)
        for service, need in section.see_also:
            lines += [f"- Also: {escape(service.name)} (see “{escape(need.label)}” above)"]
        if section.see_also:
            lines.append("")
    lines += ["---", "", *(f"- {escape(line)}" for line in FLOOR), "", f"**{LINE}**"]
    return "\n".join(lines) + "\n"
