"""Output modes: plain text for pipes and screen readers, rich text at 40 columns, JSON alone on stdout.

Each command in each mode runs in process (CliRunner, with the mode's
environment: NO_COLOR, TERM=dumb, FORCE_COLOR, COLUMNS; its output is a pipe).
The installed program runs once for each plain way and for rich text at 20
columns, so the real process's terminal detection is tested too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from conftest import DATA, read_yaml, run_exe
from helpfinder.cli import app

RAW: dict[str, Any] = read_yaml(DATA)
NUMBER_CHANNELS = {"phone", "text", "textphone"}
NUMBERS = [c["value"] for s in RAW["services"] for c in s["contacts"] if c["channel"] in NUMBER_CHANNELS]
ADDRESSES = [c["value"] for s in RAW["services"] for c in s["contacts"] if c["channel"] not in NUMBER_CHANNELS]

COMMANDS = [["list"], ["emergency"], ["search", "grooming"], ["show", "supporting-victims"], ["needs"]]
ESC = "\x1b"
SGR = re.compile(r"\x1b\[[0-9;]*m")
OSC8 = re.compile(r"\x1b\]8;([^;\x1b]*);([^\x1b\x07]*)(?:\x1b\\|\x07)")
RICH = {"FORCE_COLOR": "1", "COLUMNS": "40", "TERM": "xterm-256color"}


def invoke(*args: str, env: dict[str, str]) -> Result:
    """Run a command in process with extra environment; it must end as a command does, never by an exception."""
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def visible(text: str) -> str:
    """What a person sees: the text without colour codes and hyperlink markers."""
    return OSC8.sub("", SGR.sub("", text))


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def shows_whole(lines: list[str], number: str) -> bool:
    """The number is on one line, grouped in any way ("0808 1000 900" or "0808 100 0900")."""
    return any(re.search(r"(?<!\d)(?<!\d )" + r" ?".join(digits(number)) + r"(?!\d)(?! \d)", line) for line in lines)


# --- plain -------------------------------------------------------------------

PLAIN_WAYS = {
    "--plain flag under FORCE_COLOR": (["--plain"], {"FORCE_COLOR": "1"}),
    "piped": ([], {}),
    "NO_COLOR=1 beats FORCE_COLOR": ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}),
    "TERM=dumb beats FORCE_COLOR": ([], {"TERM": "dumb", "FORCE_COLOR": "1"}),
}


@pytest.mark.parametrize("way", PLAIN_WAYS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_plain_output_has_no_escape_codes(args: list[str], way: str) -> None:
    extra, env = PLAIN_WAYS[way]
    out = invoke(*args, *extra, env={"COLUMNS": "40", **env})
    assert out.exit_code == 0, out.stderr
    assert ESC not in out.stdout and ESC not in out.stderr
    assert "\x07" not in out.stdout
    assert out.stdout.rstrip("\n").splitlines()[-1] == "In immediate danger, call 999."


def test_plain_is_the_same_text_every_way(tmp_path: Path) -> None:
    """Piped, --plain, NO_COLOR and TERM=dumb give one and the same text: one logical line per fact, never wrapped.

    Through the installed program: its own terminal detection, each way.
    """
    outputs = {way: run_exe("list", *extra, env={"COLUMNS": "40", **env}).stdout for way, (extra, env) in PLAIN_WAYS.items()}
    assert len(set(outputs.values())) == 1
    text = outputs["piped"]
    assert any(len(line) > 40 for line in text.splitlines())  # plain text does not wrap at the terminal width
    lines = text.splitlines()
    for number in NUMBERS:
        assert shows_whole(lines, number), number


# --- rich at 40 columns --------------------------------------------------------


def _keep_line(line: str) -> bool:
    """The only line allowed past 40 columns: an address or number alone, which is never split.

    Its label ("Website:") then sits on the line above, so everything else still fits.
    """
    return bool(re.fullmatch(r"\s*(https://\S+|[\w.+-]+@\S+|\+?\d[\d ]*\d)", line))


@pytest.fixture(scope="module")
def rich_outputs() -> dict[str, str]:
    outputs = {}
    for args in COMMANDS:
        out = invoke(*args, env=RICH)
        assert out.exit_code == 0, out.stderr
        outputs[" ".join(args)] = out.stdout
    return outputs


@pytest.mark.parametrize("command", [" ".join(a) for a in COMMANDS])
def test_rich_output_is_styled_and_fits_40_columns(rich_outputs: dict[str, str], command: str) -> None:
    raw = rich_outputs[command]
    assert SGR.search(raw), "FORCE_COLOR should give styled output"
    lines = visible(raw).splitlines()
    assert ESC not in "\n".join(lines)
    too_wide = [line for line in lines if len(line) > 40 and not _keep_line(line)]
    assert too_wide == []
    assert lines[-1] == "In immediate danger, call 999."


def test_rich_list_keeps_every_number_and_address_whole(rich_outputs: dict[str, str]) -> None:
    lines = visible(rich_outputs["list"]).splitlines()
    for number in NUMBERS:
        assert shows_whole(lines, number), number
    for address in ADDRESSES:
        assert any(address in line for line in lines), address


def test_rich_prose_wraps_at_40(rich_outputs: dict[str, str]) -> None:
    """The descriptions are longer than 40 columns, so they must have been wrapped, not cut."""
    text = " ".join(visible(rich_outputs["list"]).split())
    for service in RAW["services"]:
        assert " ".join(service["description"].split()) in text, service["id"]


def test_rich_emergency_starts_with_999(rich_outputs: dict[str, str]) -> None:
    lines = [line for line in visible(rich_outputs["emergency"]).splitlines() if line.strip(" ─│╭╮╰╯")]
    assert "999" in lines[0]


def test_rich_at_20_columns_still_never_splits_a_number() -> None:
    """Through the installed program: FORCE_COLOR and COLUMNS as the real process reads them."""
    out = run_exe("list", env={**RICH, "COLUMNS": "20"})
    assert out.returncode == 0, out.stderr
    assert SGR.search(out.stdout), "FORCE_COLOR should give styled output"
    lines = visible(out.stdout).splitlines()
    assert ESC not in "\n".join(lines)
    for number in NUMBERS:
        assert shows_whole(lines, number), number


# --- links --------------------------------------------------------------------


def test_links_are_osc8_only_for_https_tel_and_mailto(rich_outputs: dict[str, str]) -> None:
    targets = [m.group(2) for text in rich_outputs.values() for m in OSC8.finditer(text) if m.group(2)]
    assert targets
    schemes = {t.split(":", 1)[0] for t in targets}
    assert schemes == {"https", "tel", "mailto"}
    for target in targets:
        if target.startswith("tel:"):
            # International for a UK number, the bare digits for a short code or relay call.
            assert re.fullmatch(r"tel:\+44[1-9]\d{6,9}|tel:\d{3,6}|tel:1800[0-2]\d+", target), target
            national = "0" + digits(target)[2:] if target.startswith("tel:+44") else digits(target)
            assert national in {digits(n) for n in NUMBERS}
        elif target.startswith("mailto:"):
            assert target.removeprefix("mailto:") in ADDRESSES
        else:
            sources = {s["source"] for s in RAW["services"]} | {c["source"] for s in RAW["services"] for c in s["contacts"] if "source" in c}
            assert target in ADDRESSES or target in sources, target


def test_each_link_points_at_the_text_it_wraps(rich_outputs: dict[str, str]) -> None:
    pattern = re.compile(r"\x1b\]8;[^;\x1b]*;([^\x1b]+)\x1b\\(.*?)\x1b\]8;;\x1b\\", re.DOTALL)
    pairs = [(m.group(1), visible(m.group(2))) for m in pattern.finditer(rich_outputs["list"])]
    assert pairs
    for target, shown in pairs:
        if target.startswith("tel:"):
            assert digits(target) == digits(shown) or (target.startswith("tel:+44") and "0" + digits(target)[2:] == digits(shown))
        elif target.startswith("mailto:"):
            assert target == f"mailto:{shown}"
        else:
            assert target == shown


def test_a_text_message_route_is_not_a_call_link(rich_outputs: dict[str, str]) -> None:
    """emergencySMS is 'text 999': a tel: link would start a call instead."""
    text_line = next(line for line in rich_outputs["list"].splitlines() if "Text: " in visible(line))
    assert "\x1b]8;" not in text_line or "tel:" not in text_line


def test_plain_output_has_no_links() -> None:
    out = invoke("list", "--plain", env={"FORCE_COLOR": "1"})
    assert out.exit_code == 0 and "Childline" in out.stdout
    assert "\x1b]8;" not in out.stdout


# --- JSON ---------------------------------------------------------------------


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_json_is_the_only_thing_on_stdout(args: list[str]) -> None:
    out = invoke(*args, "--json", env=RICH)
    assert out.exit_code == 0, out.stderr
    assert ESC not in out.stdout
    assert out.stdout.endswith("\n") and out.stdout.count("\n") == 1
    document = json.loads(out.stdout)
    assert isinstance(document, dict if args[0] in ("show", "search") else list) and document


# --- directory text is data ------------------------------------------------------

MARKUP = """\
schema_version: 1
title: Markup test
needs:
  - id: emergency
    label: Someone is in immediate danger
    description: A crime is happening now.
areas:
  - id: uk
    name: United Kingdom
services:
  - id: markup-test
    name: "[bold red]Not bold[/] :smile: [link=https://example.org]x[/link]"
    organisation: Test
    description: Call in an emergency.
    needs: [emergency]
    area: uk
    contacts:
      - channel: phone
        value: "999"
    source: https://example.org/
    verified: 2026-11-01
"""


def test_directory_text_is_never_rich_markup(tmp_path: Path) -> None:
    path = tmp_path / "markup.yaml"
    path.write_text(MARKUP, encoding="utf-8")
    out = invoke("show", "markup-test", "--data", str(path), env={**RICH, "COLUMNS": "100"})
    assert out.exit_code == 0, out.stderr
    assert "[bold red]Not bold[/] :smile: [link=https://example.org]x[/link]" in visible(out.stdout)
    assert "example.org]" in visible(out.stdout)
    assert "😄" not in out.stdout
    assert "\x1b]8;id=" not in out.stdout.split("Not bold")[0].rsplit("\n", 1)[-1]


# --- Terminal cells: a wide character takes two columns ------------------------


def test_wrapping_counts_terminal_columns_not_characters() -> None:
    from helpfinder.render import wrap

    # Each word is 3 characters but 6 columns wide.
    assert wrap("日本語 日本語 日本語", 14) == ["日本語 日本語", "日本語"]
    assert wrap("Call 0800 1111 now", 9) == ["Call", "0800 1111", "now"]


def test_the_banner_box_is_square_with_wide_characters() -> None:
    import io

    from helpfinder.render import Doc, write_rich

    doc = Doc()
    doc.add("banner", "危険 Call 999", style="bold")
    out = io.StringIO()
    write_rich(doc, out, width=30)
    lines = SGR.sub("", out.getvalue()).splitlines()
    assert lines == [
        "╭────────────────────────────╮",
        "│       危険 Call 999        │",
        "╰────────────────────────────╯",
    ]


@pytest.mark.parametrize("system", ["standard", "256", "truecolor"])
def test_every_colour_system_rich_knows_gets_styles(system: str) -> None:
    import io

    from rich.console import Console

    from helpfinder.render import _Painter

    painter = _Painter(Console(file=io.StringIO(), color_system=system, force_terminal=True))  # type: ignore[arg-type]
    assert painter("999", "bold red").startswith("\x1b[") and painter("999", "bold red").endswith("999\x1b[0m")


def test_curators_notes_are_in_show_but_not_in_search_results() -> None:
    """What changed since a source ('the 2021 article prints 0800 55511') is for curators: `show` has it, a search result does not."""
    runner = CliRunner()
    shown = runner.invoke(app, ["show", "crimestoppers", "--plain"]).output
    found = runner.invoke(app, ["search", "crimestoppers", "--plain"]).output
    assert 'The 2021 article prints the number as "0800 55511"' in shown
    assert "Crimestoppers" in found and "0800 55511" not in found
    assert "Note: Crimestoppers promises anonymity, not confidentiality." in found  # the note for its users stays
