"""Keep README.md's examples true: re-run every command shown and rewrite its output.

    python scripts/readme.py           # rewrite the outputs in README.md
    python scripts/readme.py --check   # exit 1 (with a diff) if any is out of date

A command is marked in the README by an HTML comment, followed by a fenced
block that holds its output:

    <!-- run: helpfinder needs --plain -->
    ```text
    ...
    ```

The rule table between ``<!-- rules -->`` and ``<!-- /rules -->`` is built
from ``helpfinder.problems.RULES``. Outputs are made at 80 columns with colour
off, from the repository root. "N days ago" is kept as "N days ago" so that
the README does not go out of date every day.

Each command runs in this process through ``helpfinder.launch`` (the code the
installed program runs after its first import), not as a new process: about
0.1 s per command instead of 0.3 s, and the README test runs on every change.
The installed program itself is exercised by tests/test_packaging.py and
tests/test_streams.py.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import shlex
import sys
import tempfile
from contextlib import chdir, redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

_BLOCK = re.compile(r"(<!-- run: (?P<cmd>.+?) -->\n```text\n)(?P<out>.*?)(```)", re.S)
_RULES = re.compile(r"(<!-- rules -->\n)(.*?)(<!-- /rules -->)", re.S)
_DAYS = re.compile(r"\b\d+ days ago\b")


def run(command: str, cache: str) -> str:
    """The output (stdout then stderr) of one README command, normalised; ``cache`` is a private cache folder."""
    from helpfinder.launch import run as run_command

    args = shlex.split(command)
    assert args[0] == "helpfinder", command
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HELPFINDER_", "FORCE_COLOR"))}
    env.update({"COLUMNS": "80", "NO_COLOR": "1", "HELPFINDER_CACHE_DIR": cache})
    out, err = _stream(), _stream()
    with mock.patch.dict(os.environ, env, clear=True), chdir(ROOT), redirect_stdout(out), redirect_stderr(err):
        run_command(args[1:])
    text = _text(out) + _text(err)
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    return _DAYS.sub("N days ago", text)


def _stream() -> io.TextIOWrapper:
    """A text stream with a byte buffer beneath, as a real stdout has (CSV export writes bytes)."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def rules_table() -> str:
    from helpfinder.problems import RULES

    lines = ["| rule | what it means |", "| --- | --- |"]
    lines += [f"| `{code}` | {text} |" for code, text in RULES.items()]
    return "\n".join(lines) + "\n"


def render(text: str) -> str:
    """README text with every command output and the rule table regenerated.

    The commands share one new, private cache, so the directory is read and indexed
    once, not once per command, and no cache of the user's is read or written.
    """
    with tempfile.TemporaryDirectory() as cache:
        text = _BLOCK.sub(lambda m: m.group(1) + run(m.group("cmd"), cache) + m.group(4), text)
    return _RULES.sub(lambda m: m.group(1) + rules_table() + m.group(3), text)


def commands(text: str) -> list[str]:
    return [m.group("cmd") for m in _BLOCK.finditer(text)]


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        if fresh != current:
            sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), fresh.splitlines(True), "README.md", "regenerated"))
            print("\nREADME.md is out of date: run python scripts/readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
