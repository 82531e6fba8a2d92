"""A person's first minute: words instead of a command, ``help``, and what --help lists first."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from helpfinder.cli import app

from conftest import run_exe

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def test_words_instead_of_a_command_say_how_to_search_with_999() -> None:
    done = run_exe("my", "son", "is", "being", "groomed")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "helpfinder: 'my' is not a command.\n"
        "To find help by describing what is happening, start with search:\n"
        "  helpfinder search my son is being groomed\n"
        "Or answer a few questions instead: helpfinder guide\n"
        "Every command: helpfinder --help\n"
        "In immediate danger, call 999.\n"
    )


def test_a_misspelt_command_is_named_and_its_words_kept() -> None:
    result = CliRunner().invoke(app, ["serch", "my", "son"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:3] == [
        "helpfinder: 'serch' is not a command. Did you mean: helpfinder search?",
        "To find help by describing what is happening, start with search:",
        "  helpfinder search my son",
    ]


def test_hostile_words_are_shown_safely() -> None:
    result = CliRunner().invoke(app, ["\x1b[31mred", "x"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert result.stderr.splitlines()[0] == "helpfinder: '\\u001b[31mred' is not a command."


def test_help_is_like_dash_dash_help_with_the_999_line() -> None:
    runner = CliRunner()
    helped, flagged = runner.invoke(app, ["help"]), runner.invoke(app, ["--help"])
    assert helped.exit_code == 0
    assert helped.stdout == flagged.stdout + "\nIn immediate danger, call 999.\n"
    one = runner.invoke(app, ["help", "search"])
    assert one.exit_code == 0
    assert one.stdout == runner.invoke(app, ["search", "--help"]).stdout


def test_help_lists_peoples_commands_first_then_curators_each_with_an_example() -> None:
    lines = CliRunner().invoke(app, ["--help"]).stdout.splitlines()
    listed = lines[lines.index("Commands:") :]
    names = [line.split()[0] for line in listed if line.startswith("  ") and not line.startswith("   ")]
    assert names == ["emergency", "search", "guide", "list", "show", "needs", "advice", "areas", "export", "check", "schema"]
    examples = [line.strip() for line in lines if line.strip().startswith("e.g. ")]
    assert examples[:2] == ["e.g. helpfinder emergency", "e.g. helpfinder search someone is messaging my son"]
    assert len(examples) == 11
    assert lines.index("For curators of a directory file:") > lines.index("Commands:")


def _rows(text: str, columns: int = 80) -> int:
    """Terminal rows the text takes at ``columns``: a longer line folds onto more rows."""
    return sum(max(1, -(-len(line) // columns)) for line in text.splitlines())


@pytest.mark.parametrize("where", [[], ["--where", "York"], ["--where", "wales"]])
def test_emergency_fits_40_rows_at_80_columns_with_999_on_top(where: list[str]) -> None:
    plain = CliRunner().invoke(app, ["emergency", "--plain", *where])
    assert plain.exit_code == 0
    assert plain.stdout.splitlines()[:3] == ["IN IMMEDIATE DANGER? CALL 999", "", "If you or anyone else is in immediate danger, call 999 now."]
    assert _rows(plain.stdout) <= 40
    styled = CliRunner().invoke(app, ["emergency", *where], env={"FORCE_COLOR": "1", "COLUMNS": "80"})
    lines = ANSI.sub("", styled.stdout).splitlines()
    assert lines[1].strip("│ ") == "In immediate danger? Call 999"
    assert _rows("\n".join(lines)) <= 40


def test_emergency_in_brief_says_who_a_local_service_is_for() -> None:
    out = CliRunner().invoke(app, ["emergency", "--plain"]).stdout
    assert "North Yorkshire Police (contact online): only for people in North Yorkshire\n  Website: " in out
    assert "Police non-emergency (101)\n  Phone: 101\n  Textphone: 18001 101\n" in out


def test_plain_text_has_words_not_symbols_a_screen_reader_reads_aloud() -> None:
    out = CliRunner().invoke(app, ["show", "nspcc-helpline", "--plain", "--at", "2026-12-07 12:00"]).stdout
    assert "  NSPCC; UK-wide; anonymous\n" in out
    assert "    Helpline; open now; closes 22:00; Free\n" in out
    assert "Hours for 0808 800 5000: Mon to Fri 08:00 to 22:00; Sat to Sun 09:00 to 18:00;" in out
    assert "·" not in out and "–" not in out and "***" not in out
