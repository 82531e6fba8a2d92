"""Line editing for the private session: arrow keys that move, a history kept in memory only.

Why: a terminal reading a plain line echoes the arrow keys as ``^[[D``.
Python's ``readline`` module edits the line and keeps a history of what was
typed, so the up arrow brings back an earlier question. It writes a history
file only when asked (``write_history_file``, ``append_history_file``); the
``~/.python_history`` people know comes from ``site``'s hook for the
interactive ``python`` prompt, which a console script never runs. helpfinder
never asks, sets no history file, and clears the history when the session
ends, so what was typed lives in this process's memory only, and only until
then.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TextIO

from .render import is_terminal


class Keyboard:
    """Lines typed at this process's terminal, with editing; reads like a text stream (``readline``)."""

    def __init__(self, readline: ModuleType) -> None:
        self._readline = readline

    def ask(self, prompt: str) -> str:
        """The next line after ``prompt`` (with its newline), or "" at Ctrl-D."""
        try:
            return input(prompt) + "\n"
        except EOFError:
            return ""

    def readline(self) -> str:
        """The next line, for code that printed its own prompt (the guide's questions)."""
        return self.ask("")

    def isatty(self) -> bool:
        return True

    def close(self) -> None:
        """Forget every line typed: the history is cleared, in memory, before the session ends."""
        self._readline.clear_history()


def keyboard(inp: TextIO, out: TextIO) -> Keyboard | None:
    """Line editing when the session reads and writes this process's own terminal; else None (pipes, tests)."""
    if inp is not sys.stdin or out is not sys.stdout or not (is_terminal(inp) and is_terminal(out)):
        return None
    try:
        import readline
    except ImportError:  # Python built without it: lines are read as before
        return None
    readline.clear_history()
    return Keyboard(readline)
