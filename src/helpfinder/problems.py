"""Problems found in a directory file, each with its place and a stable rule code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

#: Every rule the loader and ``helpfinder check`` apply. Codes are stable:
#: curators and tools may refer to them. The README lists them from here.
RULES: dict[str, str] = {
    "file-unreadable": "The path is missing, not a regular file, too large, or not UTF-8 text.",
    "yaml-syntax": "The file is not valid YAML (includes tab indentation).",
    "yaml-structure": "Empty file, more than one document, or a top level that is not a mapping.",
    "duplicate-key": "A key appears twice in the same mapping; YAML would silently keep only one.",
    "alias": "Anchors and aliases (&name, *name) are not allowed.",
    "too-deep": "Nesting deeper than any valid directory needs.",
    "too-many-values": "More keys, texts, lists and mappings than any valid directory needs (reading stops there).",
    "too-many-problems": "More problems than check lists in one run: the first ones found are listed, the rest counted.",
    "unknown-field": "A field the format does not define (often a typo).",
    "missing-field": "A required field is missing.",
    "type": "A value of the wrong type or form (not true/false, not a date, not a list, a YAML tag, a plain null...).",
    "phone-invalid": "Not a valid UK phone number or short code.",
    "phone-premium": "A premium-rate or 084/087 number: the directory lists only numbers that are cheap to call.",
    "phone-unquoted": "A number written as digits alone without quotes; YAML 1.2 readers take it for an integer (dropping a leading 0 or +).",
    "bank-holidays": "A route's bank_holidays is not as-usual, closed or a list of periods (leave it out when the source does not say).",
    "url-invalid": "Not a well-formed https address (or uses another scheme).",
    "email-invalid": "Not a well-formed email address.",
    "text-control": "Text contains a control character (escape, carriage return, backspace...).",
    "text-invisible": "Text contains an invisible or bidirectional-override character that could disguise it.",
    "duplicate-id": "Two entries share an id.",
    "undeclared": "A need, area, topic or service id that is not declared in the file.",
    "unused-need": "A declared need that no service serves.",
    "guide": "A guide question or answer that names an unknown question, service or need, loops, ends nowhere, or says someone is in danger without ending at the emergency line.",
    "shared-number": "The same number is listed under two services.",
    "area-hierarchy": "An area lies within one of a narrower kind (a nation within a local area), or within itself.",
    "postcode-overlap": "A postcode is listed under two areas that do not contain one another.",
    "postcode-gap": "A postcode of an area is not among the postcodes of the larger area it lies within.",
    "no-route-in-nation": "A need has no service for people in one of the nations.",
    "stale": "The entry was last verified more than 12 months ago.",
    "too-old": "The entry is older than --max-age allows.",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a directory file, located as precisely as the parser allows."""

    rule: str
    message: str
    file: str
    line: int | None = None
    column: int | None = None
    where: str = ""
    severity: Severity = "error"
    related_line: int | None = None

    def __str__(self) -> str:
        """One line, safe to print: the file name, entry and message may hold any text."""
        from .safetext import safe

        place = safe(self.file)
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        where = f" {safe(self.where)}:" if self.where else ""
        level = f" {self.severity}:"
        return f"{place}:{level}{where} {safe(self.message)} [{self.rule}]"

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "where": self.where,
            "message": self.message,
        }


#: Problems listed in one run; beyond this they are counted (a file under the size cap can hold a million).
MAX_PROBLEMS = 20_000


def unlisted(count: int, name: str, *, errors: bool) -> Problem:
    """The closing problem when more were found than are listed (an error if any of them is one)."""
    return Problem(
        "too-many-problems",
        f"{count:,} more {'problem was found and is' if count == 1 else 'problems were found and are'} not listed; "
        "fix these and run check again",
        name,
        severity="error" if errors else "warning",
    )


class DirectoryError(Exception):
    """The directory file cannot be used. ``problems`` holds every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
