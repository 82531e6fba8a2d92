"""Untrusted directory text is data: never markup, never terminal control; the program never crashes loudly."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import msgspec
import pytest
from typer.testing import CliRunner

from conftest import helpfinder_exe, run_exe
from helpfinder import render, views
from helpfinder.cli import app
from helpfinder.directory import Directory
from helpfinder.loader import load

sys.path.insert(0, str(Path(__file__).parent))
from minimal import minimal, mutate, with_copies, write  # noqa: E402

ANSI = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")
MARKUP = "[bold]Evil[/] [link=https://evil.example]x[/link] :skull: [red]"
# Text fields shown by `show`, as (line in the fixture, the text to replace in it).
SHOWN_FIELDS = [
    ("name: Support line", "Support line"),
    ("organisation: A charity", "A charity"),
    ("description: Talk to someone.", "Talk to someone."),
    ("note: Open daily.", "Open daily."),
    ("label: Helpline", "Helpline"),
    ("note: Free to call.", "Free to call."),
]


def _markup_file(tmp_path: Path, line_text: str, value: str) -> Path:
    text = mutate(minimal(), line_text, line_text.replace(value, f"'{MARKUP}'"))
    return write(tmp_path, text)


@pytest.mark.parametrize(("line_text", "value"), SHOWN_FIELDS, ids=[f[0].split(":")[0] + ":" + f[1] for f in SHOWN_FIELDS])
@pytest.mark.parametrize("mode", ["plain", "rich"])
def test_markup_prints_literally(runner: CliRunner, tmp_path: Path, line_text: str, value: str, mode: str) -> None:
    path = _markup_file(tmp_path, line_text, value)
    env = {"FORCE_COLOR": "1", "COLUMNS": "200"} if mode == "rich" else {}
    args = ["show", "helpline", "--data", str(path)] + (["--plain"] if mode == "plain" else [])
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    if mode == "rich":
        assert "\x1b[" in result.stdout  # really the styled writer
    shown = ANSI.sub("", result.stdout)
    assert MARKUP in shown
    assert "💀" not in shown
    assert "evil.example" not in "".join(re.findall(r"\x1b\]8;[^\x1b]*", result.stdout))


def test_markup_survives_json_unchanged(runner: CliRunner, tmp_path: Path) -> None:
    path = _markup_file(tmp_path, "name: Support line", "Support line")
    result = runner.invoke(app, ["show", "helpline", "--json", "--data", str(path)], env={"FORCE_COLOR": "1"})
    assert json.loads(result.stdout)["name"] == MARKUP


def test_markup_in_a_real_terminal_run(tmp_path: Path) -> None:
    path = _markup_file(tmp_path, "name: Support line", "Support line")
    out = run_exe("list", "--data", str(path), env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    assert out.returncode == 0, out.stderr
    assert MARKUP in ANSI.sub("", out.stdout)


# --- escape characters can never reach the terminal -----------------------------------

DANGEROUS = ["\x1b", "\x1b[2J", "\r", "\x08", "\x00", "\x9b", "\x07", "\x7f", "\u202e", "\u200b", "\u2066", "\ufeff", "\x1b]8;;https://evil\x1b\\"]


@pytest.mark.parametrize("bad", DANGEROUS, ids=[repr(b) for b in DANGEROUS])
def test_safe_makes_control_characters_visible(bad: str) -> None:
    out = render.safe(f"Support{bad}line")
    assert out.startswith("Support") and out.endswith("line")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]", out)
    assert f"\\u{ord(bad[0]):04x}" in out


def test_safe_leaves_ordinary_text_alone() -> None:
    text = "Café · 0808 800 5000 — “quotes” [bold] :skull: 😊 Ünïcödé\tand tab"
    assert render.safe(text) == text


@pytest.fixture
def poisoned(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A directory whose text holds escapes, built past the loader (which would refuse the file)."""
    directory = load(write(tmp_path, minimal()), use_cache=False)
    services = directory.data.services
    bad = msgspec.structs.replace(
        services[1], name="Name\x1b[31mRED\x1b]8;;https://evil\x1b\\", description="Desc\x9b2J\r\x08", note="Note\u202eevil"
    )
    return Directory(msgspec.structs.replace(directory.data, services=[services[0], bad]), directory.phones, directory.path, directory.digest)


def test_escapes_in_data_never_reach_plain_or_rich_output(poisoned) -> None:  # type: ignore[no-untyped-def]
    import io

    doc = views.listing(poisoned, poisoned.services)
    plain = io.StringIO()
    render.write_plain(doc, plain)
    assert not re.search(r"[\x1b\x9b\r\x08\u202e]", plain.getvalue())
    rich = io.StringIO()
    render.write_rich(doc, rich, width=60)
    output = rich.getvalue()
    assert "\x1b[31mRED" not in output and "\x1b]8;;https://evil" not in output
    assert "\x9b" not in output and "\r" not in output and "\u202e" not in output
    assert "\\u001b[31mRED" in output


def test_escapes_in_data_are_escaped_in_json(poisoned) -> None:  # type: ignore[no-untyped-def]
    encoded = msgspec.json.encode(poisoned.services).decode()
    assert "\x1b" not in encoded and "\\u001b" in encoded
    assert json.loads(encoded)[1]["name"].startswith("Name\x1b")


# --- JSON parses whatever the environment says ------------------------------------------

JSON_ENVS = {
    "FORCE_COLOR": {"FORCE_COLOR": "1"},
    "NO_COLOR": {"NO_COLOR": "1"},
    "COLUMNS=20": {"COLUMNS": "20", "FORCE_COLOR": "1"},
    "TERM=dumb": {"TERM": "dumb"},
}


@pytest.mark.parametrize("env", list(JSON_ENVS.values()), ids=list(JSON_ENVS))
@pytest.mark.parametrize(
    "args",
    [["list"], ["show", "childline"], ["search", "someone", "is", "grooming", "my", "son"], ["needs"], ["check"]],
    ids=lambda args: args[0],
)
def test_json_parses_in_any_environment(runner: CliRunner, args: list[str], env: dict[str, str]) -> None:
    out = runner.invoke(app, [*args, "--json"], env=env)
    assert out.exit_code == 0, out.stderr
    value = json.loads(out.stdout)
    assert isinstance(value, dict if args[0] in ("show", "search", "check") else list)
    assert len(value["services"] if args[0] == "search" else value) >= 3
    assert "\x1b" not in out.stdout


def test_json_parses_in_a_real_run_that_asks_for_colour_at_20_columns() -> None:
    out = run_exe("search", "someone", "is", "grooming", "my", "son", "--json", env=JSON_ENVS["COLUMNS=20"])
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["services"]) >= 3
    assert "\x1b" not in out.stdout


# --- narrow terminals ----------------------------------------------------------------


@pytest.mark.parametrize("columns", ["40", "20"])
def test_every_number_and_address_is_whole_on_one_line(runner: CliRunner, bundled: Path, columns: str) -> None:
    out = runner.invoke(app, ["list"], env={"FORCE_COLOR": "1", "COLUMNS": columns})
    assert out.exit_code == 0, out.stderr
    assert "\x1b[" in out.stdout  # really the styled writer
    lines = ANSI.sub("", out.stdout).splitlines()
    assert "…" not in out.stdout
    directory = load(bundled)
    shown = 0
    for service in directory.services:
        for contact in service.contacts:
            info = directory.phone(contact)
            wanted = info.display if info else contact.value
            assert any(wanted in line for line in lines), f"{wanted!r} is not whole on any line at {columns} columns"
            shown += 1
    assert shown >= 20 and any("0808 800 5000" in line for line in lines)


@pytest.mark.parametrize("columns", ["40", "20"])
def test_every_source_address_is_whole_in_show(runner: CliRunner, bundled: Path, columns: str) -> None:
    directory = load(bundled)
    for service in directory.services:
        result = runner.invoke(app, ["show", service.id], env={"FORCE_COLOR": "1", "COLUMNS": columns})
        assert result.exit_code == 0
        lines = ANSI.sub("", result.stdout).splitlines()
        assert "\x1b[" in result.stdout
        assert any(service.source in line for line in lines), service.source
        assert "…" not in result.stdout


# --- interrupts, pipes and internal errors -------------------------------------------------


def test_ctrl_c_exits_130_without_traceback() -> None:
    script = textwrap.dedent(
        """
        import sys, time
        import helpfinder.people as people
        from helpfinder.launch import main

        def slow_load(data):
            print("loading", flush=True)
            time.sleep(30)

        people._load = slow_load
        sys.argv = ["helpfinder", "list"]
        main()
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "loading\n"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


@pytest.fixture(scope="module")
def long_listing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory whose listing is far longer than a pipe holds (64 KiB), plain or rich, so head really closes it."""
    path = write(tmp_path_factory.mktemp("long"), with_copies(minimal(), 450))
    plain = CliRunner().invoke(app, ["list", "--data", str(path), "--plain"])  # also warms the run's cache for it
    assert plain.exit_code == 0 and len(plain.stdout) > 100_000  # rich text is longer still
    return path


@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1"}], ids=["plain", "rich"])
def test_output_into_head_exits_quietly(long_listing: Path, env: dict[str, str]) -> None:
    shell = f"'{helpfinder_exe()}' list --data '{long_listing}' | head -1; exit ${{PIPESTATUS[0]}}"
    environ = {**{k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}, **env}
    piped = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, env=environ, timeout=60)
    assert piped.stderr == ""
    assert piped.stdout.strip()
    assert piped.returncode == 0  # the command's own code (README: a reader that stops early changes nothing)


def test_internal_error_is_short_and_names_999(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Directory, **kwargs: object) -> None:
        password = "hunter2-local-value"  # noqa: F841 - a local that must never be printed
        raise ZeroDivisionError("secret detail")

    monkeypatch.setattr(Directory, "filter", broken)
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 3
    assert "999" in result.stderr
    assert len(result.stderr.splitlines()) <= 3
    for leak in ("Traceback", "hunter2", "secret detail", 'File "'):
        assert leak not in result.output


def test_internal_error_in_a_real_run(tmp_path: Path) -> None:
    script = "import sys, helpfinder.directory as d, helpfinder.launch as launch\n" \
             "d.Directory.grouped = lambda self, *args: 1 / 0\n" \
             "sys.argv = ['helpfinder', 'list', '--plain']\nlaunch.main()\n"
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 3
    assert "999" in out.stderr and "ZeroDivisionError" in out.stderr
    assert "Traceback" not in out.stderr and "lambda" not in out.stderr

