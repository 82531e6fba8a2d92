"""A person's first minute: words instead of a command, ``help``, and what --help lists first."""

from __future__ import annotations

from typer.testing import CliRunner

from helpfinder.cli import app

from conftest import run_exe


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
