"""Finding where problems are in a file's text, from their paths, in one pass over the parser's events.

Kept apart from ``yamlfile``, which reads a file into values without keeping
any places: only a file with problems is read a second time, here.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent

from .yamlfile import Parser


class Locator:
    """Finds the line and column of values by their paths, for problem messages.

    All problems are located together, in one pass over the parser's events
    that keeps only the places asked for: no node tree is built, so time is
    linear in the file and memory in the number of problems (a tree of a
    60 MB list took 9 GB).
    """

    def __init__(self, text: str) -> None:
        self._text = text

    def find_all(self, requests: list[tuple[tuple[str | int, ...], bool]]) -> list[tuple[int | None, int | None]]:
        """For each (path, key): where its value starts (its key's place when ``key``, or for a
        mapping or list value), or where its nearest present parent does."""
        wanted = {path[:depth] for path, _ in requests for depth in range(len(path) + 1)}
        try:
            found = self._marks(wanted)
        except yaml.YAMLError:
            return [(None, None)] * len(requests)
        places = []
        for path, key in requests:
            depth = len(path)
            while path[:depth] not in found and depth > 0:
                depth -= 1
            if path[:depth] not in found:
                places.append((None, None))
                continue
            key_mark, value_mark, scalar = found[path[:depth]]
            whole = depth == len(path)
            mark = value_mark if key_mark is None or (scalar and not (whole and key)) else key_mark
            places.append((mark.line + 1, mark.column + 1))
        return places

    def _marks(self, wanted: set[tuple[Any, ...]]) -> dict[tuple[Any, ...], tuple[Any, Any, bool]]:
        """(key mark or None, value mark, value is a scalar) for each wanted path, first occurrence.

        Inside a mapping or list that no wanted path goes through, no path is built; the
        pass ends as soon as every wanted path is found.
        """
        found: dict[tuple[Any, ...], tuple[Any, Any, bool]] = {}
        # Each open mapping or list: [path or None if nothing wanted is inside, is_mapping, next index,
        # expecting a key, key, key mark].
        stack: list[list[Any]] = []
        parser = Parser(self._text)
        try:
            get = parser.get_event
            while len(found) < len(wanted):
                event = get()
                kind = type(event)
                if kind is StreamEndEvent:
                    break
                if kind is MappingEndEvent or kind is SequenceEndEvent:
                    stack.pop()
                    continue
                opens = kind is MappingStartEvent or kind is SequenceStartEvent
                if not opens and kind is not ScalarEvent and kind is not AliasEvent:
                    continue  # stream and document starts and ends
                key_mark = None
                if not stack:
                    path: tuple[Any, ...] | None = ()
                elif stack[-1][0] is None:  # nothing wanted in here
                    if opens:
                        stack.append([None, False, 0, False, None, None])
                    continue
                else:
                    top = stack[-1]
                    if top[1] and top[3]:  # a key
                        top[3], top[4], top[5] = False, event.value if kind is ScalarEvent else _COMPLEX, event.start_mark
                        if opens:
                            stack.append([None, False, 0, False, None, None])
                        continue
                    if top[1]:
                        path, key_mark, top[3] = (*top[0], top[4]), top[5], True
                    else:
                        path, top[2] = (*top[0], top[2]), top[2] + 1
                if path in wanted:
                    found.setdefault(path, (key_mark, event.start_mark, not opens))
                else:
                    path = None
                if opens:
                    stack.append([path, kind is MappingStartEvent, 0, True, None, None])
            return found
        finally:
            parser.dispose()


_COMPLEX = object()  # a key that is not plain text: no problem's path goes through it
