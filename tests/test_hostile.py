"""Hostile text from anywhere (arguments, file names, data values) never reaches the terminal raw.

The unsafe set is ``safetext.is_unsafe``; every message is a template in
``messages`` or a block of a ``render.Doc``, and both make their values safe.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run_exe
from helpfinder import messages, render, safetext
from helpfinder.cli import app
from helpfinder.problems import Problem

sys.path.insert(0, str(Path(__file__).parent))
from minimal import minimal, mutate, write  # noqa: E402

# Terminal controls (CSI clear screen, OSC 8 link, OSC 52 clipboard, BEL), C1 CSI, a raw byte
# (surrogateescape), bidi overrides and isolates, invisible fillers, line breaks.
HOSTILE = (
    "a\x1b[2J\x1b]8;;https://evil/\x07x\x1b]8;;\x07\x1b]52;c;ZXZpbA==\x07\x9b31m\x85\udcff\udc9b"
    "\u202e\u2066\u200b\u3164\u115f\uffa0\u2800\u034f\ufff9\U0001d173\u180b\u17b4\ue000\U000e0041"
    "\u2028\u2029\r\n0800 555 111\x00\x7f"
)
#: The invisible characters the first rule missed (issue 10, section 4): each must be unsafe.
MISSED = ["\u3164", "\u115f", "\uffa0", "\u2800", "\u034f", "\ufff9", "\U0001d173", "\u180b", "\u17b4"]


def unsafe_in(output: str) -> list[str]:
    """The unsafe characters in output, line breaks between lines excepted."""
    return [c for line in output.split("\n") for c in line if c != "\t" and safetext.is_unsafe(c)]


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar holding ``text`` exactly (raw bytes dropped: YAML text cannot hold them)."""
    kept = (c for c in text if not 0xDC80 <= ord(c) <= 0xDCFF)
    return '"' + "".join(c if " " <= c <= "~" and c not in '"\\' else f"\\U{ord(c):08x}" for c in kept) + '"'


def test_hostile_text_holds_every_kind_of_unsafe_character() -> None:
    assert len(unsafe_in(HOSTILE)) >= 30  # the test input itself is hostile


@pytest.mark.parametrize("char", MISSED, ids=[f"U+{ord(c):04X}" for c in MISSED])
def test_invisible_characters_are_unsafe(char: str) -> None:
    assert safetext.is_unsafe(char)
    assert safetext.safe(f"a{char}b") == f"a\\u{ord(char):04x}b" if ord(char) <= 0xFFFF else f"a\\U{ord(char):08x}b"


def test_safe_shows_raw_bytes_and_keeps_ordinary_text() -> None:
    assert safetext.safe("caf\udce9 \x1b") == "caf\\xe9 \\u001b"
    assert safetext.safe("Café · 0808 800 5000 — “quotes” 😊") == "Café · 0808 800 5000 — “quotes” 😊"


@pytest.mark.parametrize("name", sorted(messages.TEMPLATES))
def test_every_message_template_is_safe_with_hostile_values(name: str) -> None:
    template = messages.TEMPLATES[name]
    import string

    fields = {field for _, field, _, _ in string.Formatter().parse(template) if field}
    shown = messages.text(name, **{field: HOSTILE for field in fields})
    assert unsafe_in(shown) == []
    assert shown.count("\n") == template.count("\n")  # a value cannot add a line


def test_problems_are_safe_to_print_whatever_they_quote() -> None:
    problem = Problem("type", f'"{HOSTILE}" is wrong', f"/tmp/{HOSTILE}.yaml", 3, 4, f"services[0] ({HOSTILE})")
    assert unsafe_in(str(problem)) == [] and "\n" not in str(problem)


def test_links_only_from_safe_targets() -> None:
    doc = render.Doc()
    doc.add("keep", "x", link="https://ok.example/\x1b]8;;https://evil\x07")
    doc.add("keep", "y", link="javascript:alert(1)")
    doc.add("keep", "z", link="tel:+448088005000")
    assert [b.link for b in doc.blocks] == [None, None, "tel:+448088005000"]


def test_a_paragraph_cannot_forge_a_line() -> None:
    doc = render.Doc()
    doc.add("para", "Call us.\n  Phone: 0909 879 0000\n    Helpline · 24/7 · Free", indent=2)
    out = io.StringIO()
    render.write_plain(doc, out)
    assert out.getvalue() == "  Call us. Phone: 0909 879 0000 Helpline; 24/7; Free\n"


# --- through the command line ---------------------------------------------------------

ARGUMENTS = {
    "show ID": ["show", HOSTILE],
    "advice TOPIC": ["advice", HOSTILE],
    "list --need": ["list", "--need", HOSTILE],
    "list --area": ["list", "--area", HOSTILE],
    "list --channel": ["list", "--channel", HOSTILE],
    "search --channel": ["search", "x", "--channel", HOSTILE],
    "export -f": ["export", "-f", HOSTILE],
    "list --at": ["list", "--at", HOSTILE],
    "emergency --at": ["emergency", "--at", HOSTILE],
    "--data": ["list", "--data", f"/nonexistent/{HOSTILE}.yaml"],
    "check PATH": ["check", f"/nonexistent/{HOSTILE}.yaml"],
    "check --json PATH": ["check", "--json", f"/nonexistent/{HOSTILE}.yaml"],
    "search WORDS": ["search", HOSTILE],
}


@pytest.mark.parametrize("args", list(ARGUMENTS.values()), ids=list(ARGUMENTS))
def test_hostile_arguments_never_reach_the_terminal(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code in (1, 2), result.output
    assert unsafe_in(result.stdout) == [] and unsafe_in(result.stderr) == []
    assert "u001b[2J" in result.stdout + result.stderr  # shown, visibly


@pytest.mark.parametrize("args", [["list", f"--{HOSTILE}"], ["search", "x", "--limit", HOSTILE], ["emergency", "--bogus", HOSTILE]], ids=["option", "limit", "emergency"])
def test_usage_errors_are_safe(args: list[str]) -> None:
    out = run_exe(*[a.replace("\x00", "") for a in args])
    assert out.returncode == 2
    assert "Error:" in out.stderr and unsafe_in(out.stderr) == []
    if args[0] == "emergency":  # the 999 guidance comes first even when the options are wrong
        assert out.stdout.startswith("IN IMMEDIATE DANGER? CALL 999") and "Relay UK" in out.stdout


def test_export_output_names_are_safe(runner: CliRunner, tmp_path: Path) -> None:
    name = tmp_path / ("out" + "".join(c for c in HOSTILE if c not in "/\x00\udcff\udc9b") + ".csv")
    wrote = runner.invoke(app, ["export", "-f", "csv", "-o", str(name)])
    again = runner.invoke(app, ["export", "-f", "csv", "-o", str(name)])
    assert wrote.exit_code == 0 and again.exit_code == 2
    for result in (wrote, again):
        assert "\\u001b[2J" in result.stderr and unsafe_in(result.stderr) == []


def test_check_json_escapes_every_unsafe_character(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "value: https://www.police.uk/", f"value: {yaml_quoted('https://x' + HOSTILE)}")
    result = runner.invoke(app, ["check", "--json", str(write(tmp_path, text))])
    assert result.exit_code == 1
    assert unsafe_in(result.stdout) == [] and "\n" not in result.stdout.rstrip("\n")
    messages_ = [p["message"] for p in json.loads(result.stdout)["problems"] if p["rule"] == "url-invalid"]
    assert messages_ and "\u202e" in messages_[0]  # escaped in the bytes, the same text once parsed


@pytest.mark.parametrize("args", [["show", "-\ud7fc"], ["-\u202e"], ["list", "--need", "x", "-\u3164"]], ids=["unassigned", "bidi", "filler"])
def test_a_usage_error_run_in_process_shows_what_click_leaves_raw(runner: CliRunner, args: list[str]) -> None:
    """Click escapes only control characters in "No such option"; the app itself (not only the installed command) shows the rest."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert unsafe_in(result.stderr) == []
    assert result.stderr.endswith(f"Error: No such option: {safetext.visible(args[-1][-1]).join(['-', ''])}\n")
