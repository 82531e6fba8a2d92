"""Reading a YAML file so that nothing is lost or silently changed.

PyYAML's default (YAML 1.1) typing turns ``02071234567`` into an octal integer,
``9:00`` into 540 and ``NO`` into False, and lets a repeated key replace the
first. Here every scalar stays the text that was written, repeated keys and
aliases are errors naming both lines, and types are left to the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)

from .problems import MAX_PROBLEMS, DirectoryError, Problem, unlisted

MAX_DEPTH = 12
# Keys, texts, lists and mappings in one file. The 10,000-service benchmark holds about 454,000;
# reading stops past this many, so no file under the size cap costs more than a few seconds.
MAX_VALUES = 1_000_000

try:  # libyaml makes a 10,000-service file parse several times faster
    from yaml.cyaml import CParser as Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser as _EventParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class Parser(Reader, Scanner, _EventParser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _EventParser.__init__(self)
            Composer.__init__(self)


@dataclass
class Parsed:
    """A parsed document: plain values, plus where numbers and nulls were written without quotes."""

    data: dict[str, Any]
    unquoted_numbers: set[tuple[str | int, ...]]
    plain_nulls: set[tuple[str | int, ...]]


def parse(text: str, name: str) -> Parsed:
    """Parse one YAML document into dicts, lists and strings, refusing what could hide data."""
    bad_char = _NOT_YAML.search(text)
    if bad_char:
        line, col = _place(text, bad_char.start())
        raise DirectoryError(
            [Problem("text-control", f"contains the control character U+{ord(bad_char[0]):04X}, which YAML does not allow; remove it", name, line, col)]
        )
    builder = _Builder(name)
    try:
        parser = Parser(text)
        try:
            value = builder.read(parser)
        finally:
            parser.dispose()
    except _TooMany as exc:
        message = f"the file holds more than {MAX_VALUES:,} values (keys, texts, lists and mappings); reading stopped here"
        raise DirectoryError([Problem("too-many-values", message, name, _line(exc.mark), _col(exc.mark))]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or str(exc)
        rule = "yaml-syntax"
        if "\\t" in message or "tab character" in message:  # PyYAML and libyaml word it differently
            message = "tab characters cannot indent YAML; use spaces"
        elif "maximum nesting depth" in message:
            rule, message = "too-deep", "the file is nested too deeply to read"
        elif exc.context and "expected a single document" in exc.context:
            rule, message = "yaml-structure", "the file holds more than one YAML document (a second '---')"
        raise DirectoryError([Problem(rule, message, name, _line(mark), _col(mark))]) from None
    except yaml.YAMLError as exc:
        raise DirectoryError([Problem("yaml-syntax", str(exc), name)]) from None
    if value is _EMPTY:
        raise DirectoryError([Problem("yaml-structure", "the file is empty (or only comments)", name, 1)])
    if value is _NOT_MAPPING:
        raise DirectoryError(
            [Problem("yaml-structure", "the top level must be a mapping (schema_version:, needs:, services: ...)", name, builder.root_line, 1)]
        )
    problems = builder.problems
    anchor_problems = builder.anchor_problems()
    if anchor_problems:
        problems = sorted([*problems, *anchor_problems], key=lambda p: (p.line or 0, p.column or 0))
    more = builder.unlisted + max(0, len(problems) - MAX_PROBLEMS)
    if more:
        problems = [*problems[:MAX_PROBLEMS], unlisted(more, name, errors=True)]
    if problems:
        raise DirectoryError(problems)
    return Parsed(value, builder.unquoted_numbers, builder.plain_nulls)


# Characters YAML itself refuses (PyYAML's reader would say so without a line).
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _place(text: str, offset: int) -> tuple[int, int]:
    """Line and column (both from 1) of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _line(mark: Any) -> int | None:
    return None if mark is None else mark.line + 1


def _col(mark: Any) -> int | None:
    return None if mark is None else mark.column + 1


# Digits alone (with an optional +): YAML 1.2 readers take them for an integer and drop a
# leading 0 or +. With spaces, every YAML reader keeps the text, so that needs no quotes.
_NUMBER_LIKE = re.compile(r"\+?[0-9]+\Z").match
# What YAML reads as null when written plain; here it would silently become the text "null".
_NULLS = frozenset({"null", "Null", "NULL", "~"})


class _TooMany(Exception):
    """More than ``MAX_VALUES`` values; ``mark`` is where the first one too many starts."""

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark


_EMPTY = object()  # the stream holds no document
_NOT_MAPPING = object()  # the document is not a mapping


class _Builder:
    """Builds plain values straight from the parser's events, so no node tree is ever held.

    Refuses what a tree would hide: repeated keys, anchors and aliases (each
    alias at its own line), merge keys and deep nesting. Aliases are never
    expanded, so a "billion laughs" file stays small. Paths are kept as one
    list and copied to a tuple only when a number or problem is recorded.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.unquoted_numbers: set[tuple[str | int, ...]] = set()
        self.plain_nulls: set[tuple[str | int, ...]] = set()
        self.root_line: int | None = None
        self._path: list[str | int] = []
        self._get: Any = None
        # anchor -> (its mark, its scalar text or None for a mapping or sequence)
        self._anchors: dict[str, tuple[Any, str | None]] = {}
        self._used: set[str] = set()
        self._aliases: dict[tuple[int, str], Problem] = {}
        self._left = MAX_VALUES
        self.unlisted = 0  # problems found beyond MAX_PROBLEMS

    def _count(self, event: Any) -> None:
        """Count one value read; past ``MAX_VALUES`` stop reading (the rest of the file is not looked at)."""
        self._left -= 1
        if self._left < 0:
            raise _TooMany(event.start_mark)

    def read(self, parser: Any) -> Any:
        """The single document's value, ``_EMPTY`` or ``_NOT_MAPPING``; YAML errors propagate."""
        get = self._get = parser.get_event
        get()  # stream start
        if type(get()) is StreamEndEvent:  # otherwise a document start
            return _EMPTY
        event = get()
        self._count(event)
        root_mark = event.start_mark
        if type(event) is MappingStartEvent:
            if event.anchor is not None:
                self._anchor(event)
            if event.tag is not None:
                self._tagged(event)
            value = self._mapping(0)
        else:
            self.root_line = _line(root_mark)
            self._skip(event)
            value = _NOT_MAPPING
        get()  # document end
        event = get()
        if type(event) is not StreamEndEvent:
            raise ComposerError("expected a single document in the stream", root_mark, "but found another document", event.start_mark)
        return value

    def anchor_problems(self) -> list[Problem]:
        """One problem per line an alias is written on, then one per anchor never used."""
        found = dict(self._aliases)
        for anchor, (mark, _) in self._anchors.items():
            if anchor not in self._used:
                line, col = _line(mark), _col(mark)
                found[(line, anchor)] = Problem("alias", f"the anchor &{anchor} is not allowed; remove it", self.name, line, col)
        return list(found.values())

    def _problem(self, rule: str, message: str, mark: Any, related: int | None = None) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.unlisted += 1
            return
        self.problems.append(Problem(rule, message, self.name, _line(mark), _col(mark), related_line=related))

    def _mapping(self, depth: int) -> dict[str, Any]:
        get = self._get
        count = self._count
        path = self._path
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        child_too_deep = depth >= MAX_DEPTH
        while True:
            event = get()
            kind = type(event)
            if kind is MappingEndEvent:
                return out
            count(event)
            key: str | None = None
            if kind is ScalarEvent:
                if event.anchor is not None:
                    self._anchor(event)
                if event.tag is not None:
                    self._tagged(event)
                key = event.value
                mark = event.start_mark
            elif kind is AliasEvent:
                mark, key = self._alias(event)
            else:  # a mapping or list as a key
                self._problem("type", "a key must be plain text", event.start_mark)
                self._skip(event)
                mark = None
            event = get()
            count(event)
            if key is None:
                if mark is not None:  # an alias of a mapping or list
                    self._problem("type", "a key must be plain text", mark)
                self._skip(event)
                continue
            if key in first_line:
                self._problem(
                    "duplicate-key",
                    f"'{key}' is given twice in this mapping (first at line {first_line[key]}); YAML would silently keep only one",
                    mark,
                    first_line[key],
                )
                self._skip(event)
                continue
            first_line[key] = mark.line + 1
            if key == "<<":
                self._problem("alias", "merge keys ('<<') are not allowed", mark)
                self._skip(event)
                continue
            kind = type(event)
            if child_too_deep:
                out[key] = self._too_deep(event)
            elif kind is ScalarEvent:
                if event.anchor is not None:
                    self._anchor(event)
                if event.tag is not None:
                    self._tagged(event)
                value = out[key] = event.value
                if not event.style:  # plain: None in PyYAML, "" in libyaml
                    if _NUMBER_LIKE(value):
                        self.unquoted_numbers.add((*path, key))
                    elif value in _NULLS:
                        self.plain_nulls.add((*path, key))
            else:
                path.append(key)
                out[key] = self._node(event, kind, depth + 1)
                path.pop()

    def _sequence(self, depth: int) -> list[Any]:
        get = self._get
        count = self._count
        path = self._path
        out: list[Any] = []
        child_too_deep = depth >= MAX_DEPTH
        while True:
            event = get()
            kind = type(event)
            if kind is SequenceEndEvent:
                return out
            count(event)
            if child_too_deep:
                out.append(self._too_deep(event))
            elif kind is ScalarEvent:
                if event.anchor is not None:
                    self._anchor(event)
                if event.tag is not None:
                    self._tagged(event)
                value = event.value
                if not event.style:
                    if _NUMBER_LIKE(value):
                        self.unquoted_numbers.add((*path, len(out)))
                    elif value in _NULLS:
                        self.plain_nulls.add((*path, len(out)))
                out.append(value)
            else:
                path.append(len(out))
                out.append(self._node(event, kind, depth + 1))
                path.pop()

    def _node(self, event: Any, kind: type, depth: int) -> Any:
        """A mapping, sequence or alias at ``depth`` (scalars are read inline by the callers)."""
        if kind is AliasEvent:
            self._alias(event)
            return None
        if event.anchor is not None:
            self._anchor(event)
        if event.tag is not None:
            self._tagged(event)
        return self._mapping(depth) if kind is MappingStartEvent else self._sequence(depth)

    def _too_deep(self, event: Any) -> None:
        mark = self._alias(event)[0] if type(event) is AliasEvent else event.start_mark
        self._problem("too-deep", f"nesting deeper than {MAX_DEPTH} levels", mark)
        self._skip(event)

    def _skip(self, event: Any) -> None:
        """Read past the node that ``event`` starts (already counted), still checking its anchors and aliases."""
        get = self._get
        level = 0
        while True:
            kind = type(event)
            if kind is AliasEvent:
                self._alias(event)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                level -= 1
            else:
                if event.anchor is not None:
                    self._anchor(event)
                if event.tag is not None:
                    self._tagged(event)
                if kind is not ScalarEvent:
                    level += 1
            if level == 0:
                return
            event = get()
            if type(event) is not MappingEndEvent and type(event) is not SequenceEndEvent:
                self._count(event)

    def _tagged(self, event: Any) -> None:
        """A tag (``!!int``, ``!!binary``) would change what a value is; refuse it where it is written."""
        self._problem("type", f"the YAML tag {event.tag} is not allowed; write the value without it", event.start_mark)

    def _anchor(self, event: Any) -> None:
        anchor = event.anchor
        if anchor in self._anchors:
            first = _line(self._anchors[anchor][0])
            self._problem("alias", f"the anchor &{anchor} is given twice (first at line {first}); anchors are not allowed, remove both", event.start_mark, first)
            return
        self._anchors[anchor] = (event.start_mark, event.value if type(event) is ScalarEvent else None)

    def _alias(self, event: Any) -> tuple[Any, str | None]:
        """The anchored node's mark and scalar text; records the alias as a problem at its own line."""
        anchor = event.anchor
        if anchor not in self._anchors:
            raise ComposerError(None, None, "found undefined alias", event.start_mark)
        self._used.add(anchor)
        target = self._anchors[anchor]
        line, col = _line(event.start_mark), _col(event.start_mark)
        if len(self._aliases) >= MAX_PROBLEMS and (line or 0, anchor) not in self._aliases:
            self.unlisted += 1
            return target
        self._aliases.setdefault(
            (line or 0, anchor),
            Problem(
                "alias",
                f"the alias *{anchor} repeats the value anchored at line {_line(target[0])}; write the value out instead",
                self.name, line, col, related_line=_line(target[0]),
            ),
        )
        return target
