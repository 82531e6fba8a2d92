"""The process boundary: what the helpfinder command runs (bin/helpfinder calls main), its streams and its exit code.

Why a module of its own: it imports almost nothing, so Ctrl-C pressed while
the rest of helpfinder is still loading ends with exit 130 and no
traceback (before this module loads, the command itself, bin/helpfinder, does that); and it is the one place that decides what happens when a stream
cannot be written, so the exit codes in the README hold however the program
is run:

- stdout closed (``>&-``): output is discarded; the exit code is the command's.
- stdout a pipe that closes early (``| head -c1``): the rest of the output is
  discarded quietly; the exit code is still the command's.
- stdout full (``/dev/full``) or failing: one line on stderr, exit 2.
- stderr closed, full or broken: messages are lost, exit codes are not.
- ``emergency``: a usage error still prints the built-in 999 guidance first.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
from typing import Any

from .exits import FOUND, INTERRUPTED, USAGE, OutputFailed


class _Sink(io.RawIOBase):
    """A raw stream over a file descriptor that never raises for a reader that went away.

    ``stdout``: a closed pipe discards the rest quietly; any other failure
    becomes ``OutputFailed``. ``stderr`` (``quiet``): every failure is
    discarded, since there is nowhere left to report it.
    """

    def __init__(self, fd: int | None, quiet: bool) -> None:
        super().__init__()
        self._fd = fd
        self._quiet = quiet

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        try:
            return self._fd is not None and os.isatty(self._fd)
        except OSError:
            return False

    def fileno(self) -> int:
        if self._fd is None:
            raise OSError(errno.EBADF, "standard stream is closed")
        return self._fd

    def write(self, data: Any) -> int:
        size = len(data)
        if self._fd is None:
            return size
        try:
            return os.write(self._fd, data)
        except BrokenPipeError:
            self._fd = None  # the reader has all it wanted
            return size
        except OSError as exc:
            if self._quiet:
                self._fd = None
                return size
            raise OutputFailed(exc.strerror or str(exc)) from None


def _stream(current: Any, fd: int, quiet: bool) -> Any:
    """A text stream like ``current`` (same encoding) over a ``_Sink``; a terminal is left as it is."""
    try:
        os.fstat(fd)
        usable: int | None = fd
    except OSError:
        usable = None
    if usable is not None and current is not None and os.isatty(usable):
        return current
    encoding = getattr(current, "encoding", None) or "utf-8"
    wrapper = io.TextIOWrapper(
        io.BufferedWriter(_Sink(usable, quiet)),  # type: ignore[arg-type]
        encoding=encoding,
        errors="backslashreplace",
    )
    return wrapper


def _interrupted() -> None:
    try:
        sys.stderr.write("\n")
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - nothing can be reported any more
        pass
    os._exit(INTERRUPTED)


def main() -> None:
    """The command's entry point (bin/helpfinder): run the command line and exit with its code, whatever the streams do."""
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # from here Ctrl-C is the KeyboardInterrupt below
        sys.stdout = _stream(sys.stdout, 1, quiet=False)
        sys.stderr = _stream(sys.stderr, 2, quiet=True)
        code = run(sys.argv[1:])
        sys.stdout.flush()
    except KeyboardInterrupt:
        _interrupted()
    except OutputFailed as exc:
        from .messages import say

        say("cannot-write-output", err=True, reason=exc.reason)
        code = USAGE
    _finish(code)


def _finish(code: int) -> None:
    """Flush what can be flushed and exit without Python's own complaints about the streams."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - output is already lost; the exit code still counts
            code = USAGE if stream is sys.stdout and code == FOUND else code
    os._exit(code)


def run(argv: list[str]) -> int:
    """Run one command line in this process and return its exit code (usage errors are printed safely here).

    ``main`` runs it for the helpfinder command; scripts/readme.py runs it for the README's examples.
    """
    import typer
    from typer.core import _click

    from .cli import _only
    from .safetext import safe

    try:
        result = _only(argv[:1])(args=argv, prog_name="helpfinder", standalone_mode=False)
    except _click.exceptions.ClickException as exc:
        if argv[:1] == ["emergency"] and "--json" not in argv:
            from .views import emergency_floor
            from .render import write

            write(emergency_floor(), plain=_plain_guess(argv))
        lines: list[str] = []
        exc.show(file=_Collect(lines))  # type: ignore[arg-type]
        sys.stderr.write("".join(safe(part) + "\n" for part in "".join(lines).rstrip("\n").split("\n")))
        return exc.exit_code
    except typer.Abort:
        return INTERRUPTED
    return result if isinstance(result, int) else FOUND


def _plain_guess(argv: list[str]) -> bool:
    from .options import plain_output

    return plain_output("--plain" in argv)


class _Collect:
    """A file-like object that keeps what is written, so it can be made safe before it is shown."""

    def __init__(self, into: list[str]) -> None:
        self._into = into

    def write(self, text: str) -> int:
        self._into.append(text)
        return len(text)

    def flush(self) -> None:
        return None
