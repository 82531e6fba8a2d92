"""What the command line tells people about itself, and the one way it is printed.

Every message that can carry untrusted text (an argument, a file name, a
value from the directory file) is a template here; ``text`` fills it with each
value made safe by ``safetext.safe``, so no message can carry a control or
invisible character to the terminal. ``tests/test_messages.py`` fills every
template with hostile text.
"""

from __future__ import annotations

import functools
import sys
from typing import Any, Callable, NoReturn, TypeVar

from .emergency import REMINDER
from .exits import INTERNAL, USAGE, OutputFailed
from .safetext import safe

#: Message templates, by name. Values are given by keyword and made safe before they are inserted.
TEMPLATES: dict[str, str] = {
    "error": "helpfinder: {message}",
    "problem": "{problem}",
    "file-has-errors": "helpfinder: the directory file has errors (run: helpfinder check PATH). " + REMINDER,
    "internal": "helpfinder: internal error ({kind}). Please report it.\n" + REMINDER + " Police non-emergency: 101.",
    "cannot-write-output": "helpfinder: cannot write the output ({reason}). " + REMINDER,
    "bad-at": "helpfinder: --at: {reason}",
    "bad-where": "helpfinder: --where: {reason}",
    "no-service": "helpfinder: no service with the id '{id}'.{hint}",
    "did-you-mean": " Did you mean: {ids}?",
    "did-you-mean-command": " Did you mean: helpfinder {command}?",
    "not-a-command": (
        "helpfinder: '{word}' is not a command.{hint}\n"
        "To find help by describing what is happening, start with search:\n"
        "  helpfinder search {words}\n"
        "Or answer a few questions instead: helpfinder guide\n"
        "Every command: helpfinder --help\n"
        + REMINDER
    ),
    "no-topic": "helpfinder: no advice topic with the id '{id}'. Topics: {topics}",
    "unknown-format": "helpfinder: unknown format '{format}'. Valid formats: {formats}",
    "exists": "helpfinder: {file} already exists; use --force to overwrite it",
    "cannot-write": "helpfinder: cannot write {file}: {reason}",
    "wrote": "helpfinder: wrote {count} to {file} ({format})",
    "check-summary": "{count}, {errors}, {warnings}",
    "check-oldest": "Oldest entries: {entries}",
    "usage": "{usage}\nTry 'helpfinder {command}--help' for help.\n\nError: {message}",
    "session-no-topic": "There is no advice topic '{id}'. Topics: {topics}",
    "session-no-service": "There is no service '{id}'. Ask a question to find services.",
    "session-no-result": "There is no result {number}: choose 1 to {last}.",
}

F = TypeVar("F", bound=Callable[..., Any])


def text(name: str, **values: Any) -> str:
    """The named template filled with ``values``, each made safe to print."""
    return TEMPLATES[name].format(**{key: safe(str(value)) for key, value in values.items()})


def say(name: str, *, err: bool = False, **values: Any) -> None:
    """Print the named message (to stderr with ``err``); a stream that cannot be written is not an error here."""
    stream = sys.stderr if err else sys.stdout
    try:
        stream.write(text(name, **values) + "\n")
        stream.flush()
    except (OSError, ValueError, AttributeError):
        if not err:
            raise


def fail(name: str, code: int = USAGE, **values: Any) -> NoReturn:
    """Print the named message on stderr and exit with ``code``."""
    import typer

    say(name, err=True, **values)
    raise typer.Exit(code)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def guard(func: F) -> F:
    """Turn data and usage problems into messages and exit codes; never show a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import typer

        from .directory import UnknownName
        from .problems import DirectoryError

        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt, OutputFailed):
            raise  # OutputFailed: stdout could not be written (launch reports it)
        except DirectoryError as exc:
            for problem in exc.problems:
                say("problem", err=True, problem=problem)
            say("file-has-errors", err=True)
            raise typer.Exit(USAGE) from None
        except UnknownName as exc:
            fail("error", message=exc)
        except Exception as exc:  # noqa: BLE001 - the last line of defence for a safety tool
            say("internal", err=True, kind=type(exc).__name__)
            raise typer.Exit(INTERNAL) from None

    return wrapper  # type: ignore[return-value]
