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

from .problems import DirectoryError, Problem

MAX_DEPTH = 12

try:  # libyaml makes a 10,000-service file parse several times faster
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _TextLoader(_Parser, yaml.resolver.BaseResolver):
    """Composes nodes without implicit typing: every scalar is a plain string."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        yaml.resolver.BaseResolver.__init__(self)


@dataclass
class Parsed:
    """A parsed document: plain values, plus where numbers were written without quotes."""

    data: dict[str, Any]
    unquoted_numbers: set[tuple[str | int, ...]]


def parse(text: str, name: str) -> Parsed:
    """Parse one YAML document into dicts, lists and strings, refusing what could hide data."""
    bad_char = _NOT_YAML.search(text)
    if bad_char:
        line, col = _place(text, bad_char.start())
        raise DirectoryError(
            [Problem("text-control", f"contains the control character U+{ord(bad_char[0]):04X}, which YAML does not allow; remove it", name, line, col)]
        )
    try:
        loader = _TextLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
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
    except RecursionError:
        raise DirectoryError([Problem("too-deep", "the file is nested too deeply to read", name)]) from None
    if root is None:
        raise DirectoryError([Problem("yaml-structure", "the file is empty (or only comments)", name, 1)])
    if not isinstance(root, yaml.MappingNode):
        raise DirectoryError(
            [Problem("yaml-structure", "the top level must be a mapping (schema_version:, needs:, services: ...)", name, _line(root.start_mark), 1)]
        )
    builder = _Builder(name)
    value = builder.build(root, ())
    problems = builder.problems
    if builder.repeated or _MAYBE_ANCHOR.search(text):
        problems = sorted([*problems, *_anchor_problems(text, name)], key=lambda p: (p.line or 0, p.column or 0))
    if problems:
        raise DirectoryError(problems)
    return Parsed(value, builder.unquoted_numbers)


# Characters YAML itself refuses (PyYAML's reader would say so without a line).
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Something that could be an anchor (&name) or an alias (*name): worth a closer look.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[\]{},])[&*][^\s\[\]{},]", re.MULTILINE)


def _place(text: str, offset: int) -> tuple[int, int]:
    """Line and column (both from 1) of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _anchor_problems(text: str, name: str) -> list[Problem]:
    """Every anchor and alias in the file, each at its own line (an alias names its anchor's line).

    Read from the parser's events, because a composed tree no longer shows
    where an alias was written. Only run when the text could hold one.
    """
    anchors: dict[str, tuple[int, int]] = {}
    used: set[str] = set()
    found: dict[tuple[int, str], Problem] = {}
    loader = _TextLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            anchor = getattr(event, "anchor", None)
            if anchor is None:
                continue
            line, col = _line(event.start_mark), _col(event.start_mark)
            if isinstance(event, yaml.AliasEvent):
                used.add(anchor)
                found.setdefault(
                    (line or 0, anchor),
                    Problem(
                        "alias",
                        f"the alias *{anchor} repeats the value anchored at line {anchors[anchor][0]}; write the value out instead",
                        name, line, col, related_line=anchors[anchor][0],
                    ),
                )
            else:
                anchors[anchor] = (line or 0, col or 0)
    finally:
        loader.dispose()
    for anchor, (line, col) in anchors.items():
        if anchor not in used:
            found[(line, anchor)] = Problem("alias", f"the anchor &{anchor} is not allowed; remove it", name, line, col)
    return list(found.values())


def _line(mark: Any) -> int | None:
    return None if mark is None else mark.line + 1


def _col(mark: Any) -> int | None:
    return None if mark is None else mark.column + 1


_NUMBER_LIKE = re.compile(r"^\+?[0-9][0-9 ]*$")


class _Builder:
    """Turns composed nodes into plain values; a node met twice was reached through an alias."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.unquoted_numbers: set[tuple[str | int, ...]] = set()
        self.repeated = False  # a node was reached twice: the file uses an alias
        self._seen: set[int] = set()

    def _problem(self, rule: str, message: str, node: yaml.Node, related: int | None = None) -> None:
        self.problems.append(
            Problem(rule, message, self.name, _line(node.start_mark), _col(node.start_mark), related_line=related)
        )

    def build(self, node: yaml.Node, path: tuple[str | int, ...]) -> Any:
        if len(path) > MAX_DEPTH:
            self._problem("too-deep", f"nesting deeper than {MAX_DEPTH} levels", node)
            return None
        if id(node) in self._seen:  # never expand an alias (a "billion laughs" file stays small)
            self.repeated = True
            return None
        self._seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if not node.style and _NUMBER_LIKE.match(node.value):  # plain: None in PyYAML, "" in libyaml
                self.unquoted_numbers.add(path)
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem("type", "a key must be plain text", key_node)
                continue
            key = key_node.value
            if key in first_line:
                self._problem(
                    "duplicate-key",
                    f"'{key}' is given twice in this mapping (first at line {first_line[key]}); YAML would silently keep only one",
                    key_node,
                    first_line[key],
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            if key == "<<":
                self._problem("alias", "merge keys ('<<') are not allowed", key_node)
                continue
            out[key] = self.build(value_node, (*path, key))
        return out


class Locator:
    """Finds the line and column of a value by its path, for problem messages.

    The node tree is composed again only when the first problem needs a
    place, so a valid file is parsed once and no tree is kept in memory.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: yaml.Node | None = None

    def _tree(self) -> yaml.Node:
        if self._root is None:
            loader = _TextLoader(self._text)
            try:
                self._root = loader.get_single_node()
            finally:
                loader.dispose()
        return self._root

    def find(self, path: tuple[str | int, ...], *, key: bool = False) -> tuple[int | None, int | None]:
        """Where the value at ``path`` starts (its key's place when ``key``), or its nearest parent."""
        try:
            node = self._tree()
        except yaml.YAMLError:
            return None, None
        mark = node.start_mark
        for depth, step in enumerate(path):
            last = depth == len(path) - 1
            if isinstance(node, yaml.MappingNode):
                pair = next(
                    ((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step),
                    None,
                )
                if pair is None:
                    break
                key_node, node = pair
                scalar = isinstance(node, yaml.ScalarNode)
                mark = node.start_mark if scalar and not (last and key) else key_node.start_mark
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
                mark = node.start_mark
            else:
                break
        return mark.line + 1, mark.column + 1
