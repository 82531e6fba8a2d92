"""Curators' commands: checking a directory file, and its schema (``helpfinder --help`` lists them last).

``cli`` registers them on the app.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from .exits import FOUND, NOTHING
from .jsonout import emit_json as _emit_json
from .messages import guard, plural, say
from .options import JsonOpt


@guard
def check(
    path: Annotated[Optional[str], typer.Argument(metavar="[PATH]", help="The directory file to check (default: the one helpfinder uses).", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    max_age: Annotated[
        Optional[int],
        typer.Option("--max-age", metavar="DAYS", min=0, help="Entries last verified more than DAYS ago are errors.", show_default=False),
    ] = None,
    json: JsonOpt = False,
) -> None:
    """Check a directory file (for curators).

    Prints every problem with its line and rule code, then a summary.
    Exit 0 if there are no errors, 1 if there are.
    """
    from .loader import check_file

    directory, problems = check_file(path, max_age_days=max_age)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    failed = bool(errors) or (strict and bool(warnings))
    if json:
        _emit_json(
            {
                "file": path or str(_default_path()),
                "services": len(directory.services) if directory else None,
                "errors": len(errors),
                "warnings": len(warnings),
                "problems": [p.as_dict() for p in problems],
            }
        )
        raise typer.Exit(NOTHING if failed else FOUND)
    for problem in problems:
        say("problem", problem=problem)
    count = f"{len(directory.services)} services" if directory else "not loaded"
    say("check-summary", count=count, errors=plural(len(errors), "error"), warnings=plural(len(warnings), "warning"))
    if directory:
        dated = sorted([*directory.services, *directory.topics], key=lambda entry: entry.verified)[:3]
        say("check-oldest", entries=", ".join(f"{e.id} ({e.verified.isoformat()})" for e in dated))
    raise typer.Exit(NOTHING if failed else FOUND)


def _default_path() -> Any:
    from .loader import default_path

    return default_path()


@guard
def schema() -> None:
    """Print the directory file's JSON Schema.

    Generated from the data model; attach it in your editor for completion.
    """
    import json as json_lib

    from .model import json_schema

    typer.echo(json_lib.dumps(json_schema(), indent=2))
