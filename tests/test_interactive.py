"""The private session: driven through stdin (in process) and through a real pseudo-terminal."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpfinder import interactive, lineedit
from helpfinder.loader import load

from conftest import helpfinder_exe, run_exe

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


class TtyStringIO(io.StringIO):
    """An output stream that says it is a terminal, so the rich path is taken."""

    def isatty(self) -> bool:
        return True


class InterruptingInput:
    """Input where the person presses Ctrl-C after some lines."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)

    def readline(self) -> str:
        if self.lines:
            return self.lines.pop(0)
        raise KeyboardInterrupt


def session(*lines: str, out: io.StringIO | None = None) -> tuple[int, str]:
    stream = out if out is not None else io.StringIO()
    code = interactive.run(io.StringIO("".join(line + "\n" for line in lines)), stream)
    return code, stream.getvalue()


def numbered(output: str) -> list[str]:
    """The numbered headings of a session's output, in order."""
    return re.findall(r"^(\d+)\. (.+)$", output, flags=re.MULTILINE)


# --- through stdin -----------------------------------------------------------


def test_header_warns_and_promises_privacy() -> None:
    code, out = session("q")
    assert code == 0
    head = out.split(interactive.PROMPT)[0]
    assert "Call 999" in head
    assert "Nothing you type is saved" in head
    assert interactive.GOODBYE in out


def test_a_question_shows_the_best_three_in_brief_and_more_shows_the_rest() -> None:
    code, out = session("someone online is grooming my daughter", "more", "more", "q")
    assert code == 0
    first, rest, none = out.split(interactive.PROMPT)[1:4]
    assert numbered(first) == [
        ("1", "Advice: Suspect someone of grooming a child online? Report it, don't investigate"),
        ("2", "CEOP (Child Exploitation and Online Protection)"),
        ("3", "NSPCC Helpline"),
    ]
    assert "2. CEOP (Child Exploitation and Online Protection)\n  Report online: https://www.ceop.police.uk/ceop-reporting/\n" in first
    assert "Type a number to see everything about it. Type more for " in first
    assert [n for n, _ in numbered(rest)][0] == "4"
    assert "Type more" not in rest
    assert none.strip().startswith("No more results.")


def test_a_number_shows_that_result_in_full() -> None:
    query = "report a website with child abuse images"
    number, first = next((n, t) for n, t in numbered(session(query, "q")[1]) if not t.startswith("Advice: "))
    code, out = session(query, number, "q")
    assert code == 0
    after = out.split("\n" + interactive.PROMPT)[2]
    service = next(s for s in load().services if s.name == first)
    assert service.name in after
    assert f"id: {service.id}" in after
    assert f"Source: {service.source}" in after


def test_a_number_for_a_topic_shows_the_advice() -> None:
    code, out = session("should I confront a paedophile hunter decoy", "1", "q")
    assert code == 0
    assert numbered(out)[0][1].startswith("Advice: ")
    after = out.split("\n" + interactive.PROMPT)[2]
    assert "What not to do" in after
    assert "decoy" in after


def test_numbers_out_of_range_and_before_any_question_are_explained() -> None:
    code, out = session("7", "ceop", "99", "q")
    assert code == 0
    assert "Ask a question first" in out
    assert "There is no result 99" in out


def test_crisis_query_puts_emergency_routes_and_samaritans_before_advice() -> None:
    code, out = session("I was accused and I want to kill myself", "q")
    assert code == 0
    assert "IN IMMEDIATE DANGER? CALL 999" in out
    titles = [title for _, title in numbered(out)]
    assert "Police emergency (999)" in titles and "Samaritans" in titles
    first_advice = next((i for i, t in enumerate(titles) if t.startswith("Advice: ")), len(titles))
    assert titles.index("Samaritans") < first_advice
    assert titles.index("Police emergency (999)") < first_advice


def test_commands_for_emergency_needs_and_advice() -> None:
    code, out = session("999", "needs", "advice", "advice support-the-police", "advice nonsense", "help", "q")
    assert code == 0
    assert "Relay UK" in out and "18000" in out
    directory = load()
    assert all(need.label in out for need in directory.needs)
    assert all(topic.title in out for topic in directory.topics)
    assert "Special Constabulary" in out
    assert "There is no advice topic 'nonsense'" in out
    assert "a result's number" in out


def test_copied_hints_work() -> None:
    code, out = session("helpfinder show samaritans", "helpfinder advice accused-or-family", "q")
    assert code == 0
    assert "116 123" in out and "id: samaritans" in out
    assert "Accused of something" in out


def test_unrelated_question_gives_no_match_and_the_emergency_line() -> None:
    code, out = session("my neighbour plays loud music at night", "q")
    assert code == 0
    assert 'Nothing in the directory matches "my neighbour plays loud music at night"' in out
    assert "In immediate danger, call 999." in out


def test_end_of_input_quits_cleanly() -> None:
    code, out = session("ceop")
    assert code == 0
    assert out.rstrip().endswith(interactive.GOODBYE)


def test_ctrl_c_exits_with_130() -> None:
    out = io.StringIO()
    code = interactive.run(InterruptingInput("ceop\n"), out)
    assert code == 130
    assert "CEOP" in out.getvalue()
    assert out.getvalue().rstrip().endswith(interactive.GOODBYE)


def test_a_broken_directory_still_shows_999(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\ntitle: x\n", encoding="utf-8")
    out = io.StringIO()
    code = interactive.run(io.StringIO("q\n"), out, data=str(bad))
    assert code == 2
    assert "call 999 now" in out.getvalue()
    assert "bad.yaml" in capsys.readouterr().err


def test_rich_output_on_a_terminal_and_plain_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    rich_code, rich_out = session("I am in danger right now", "q", out=TtyStringIO())
    assert rich_code == 0
    assert "╭" in rich_out  # the emergency banner's panel is only drawn by rich
    monkeypatch.setenv("NO_COLOR", "1")
    plain_code, plain_out = session("I am in danger right now", "q", out=TtyStringIO())
    assert plain_code == 0
    assert "╭" not in plain_out and "\x1b[" not in plain_out
    assert "IN IMMEDIATE DANGER? CALL 999" in plain_out


def test_without_a_terminal_the_session_never_loads_readline() -> None:
    """Line editing is for a person at a terminal; piped or in tests, lines are read as they come."""
    code = (
        "import io, sys\n"
        "from helpfinder import interactive, cli\n"
        "class T(io.StringIO):\n"
        "    def isatty(self): return True\n"
        "interactive.run(io.StringIO('grooming\\n1\\n999\\nadvice\\nneeds\\nq\\n'), T())\n"
        "print('readline' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"


def test_without_a_terminal_the_bare_command_prints_help_instead() -> None:
    done = run_exe(input="someone is grooming my son\n")
    assert done.returncode == 0
    assert "Usage" in done.stdout
    assert "In immediate danger, call 999." in done.stdout
    assert "What do you need help with?" not in done.stdout


# --- through a real pseudo-terminal -------------------------------------------


class Terminal:
    """The installed ``helpfinder`` running on a pseudo-terminal, as a person would use it."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        exe = helpfinder_exe()
        pid, fd = pty.fork()
        if pid == 0:  # the child: becomes helpfinder
            os.execve(exe, [exe, *args], env)
        self.pid, self.fd, self.seen = pid, fd, ""

    def read_until(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while text not in ANSI.sub("", self.seen):
            left = deadline - time.monotonic()
            assert left > 0, f"timed out waiting for {text!r}; got:\n{self.seen[-2000:]}"
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the child has gone
                    chunk = b""
                assert chunk, f"helpfinder ended before {text!r}; got:\n{self.seen[-2000:]}"
                self.seen += chunk.decode("utf-8", "replace")
        return ANSI.sub("", self.seen)

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def _drain(self) -> None:
        try:
            while select.select([self.fd], [], [], 0.2)[0]:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    return
                self.seen += chunk.decode("utf-8", "replace")
        except OSError:  # the child has gone and the terminal is closed
            pass

    def exit_code(self, timeout: float = 20.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:  # drain output so the child never blocks on a full terminal
                if select.select([self.fd], [], [], 0.05)[0]:
                    self.seen += os.read(self.fd, 65536).decode("utf-8", "replace")
            except OSError:
                pass
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self._drain()  # the last lines (the goodbye) may still be in the terminal's buffer
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        raise AssertionError("helpfinder did not exit")


def _terminal_env(home: Path, term: str, cache_in_home: bool = False) -> dict[str, str]:
    """A person's environment: this HOME and TERM, no colour settings; the run's warm cache unless ``cache_in_home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "HELPFINDER_")) and k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(HOME=str(home), TERM=term, COLUMNS="100", LINES="40")
    if not cache_in_home:  # what the cache holds is tested elsewhere; building it costs each session ~0.3 s
        env["HELPFINDER_CACHE_DIR"] = os.environ["HELPFINDER_CACHE_DIR"]
    return env


def _files(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file()}


def test_private_session_on_a_terminal_writes_nothing_but_the_cache(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    term = Terminal(_terminal_env(home, "xterm-256color", cache_in_home=True))
    term.read_until("What do you need help with?")
    term.send(b"my son is being groomed on roblox\r")
    screen = term.read_until("Type a number to see everything")
    assert "1. " in screen and "CEOP" in screen
    term.send(b"1\r")
    term.read_until("Last checked against the source")
    term.send(b"q\r")
    assert term.exit_code() == 0
    assert " ".join(interactive.GOODBYE.split()) in " ".join(ANSI.sub("", term.seen).split())  # wrapped to the terminal
    written = _files(home)
    assert written, "expected the directory cache in ~/.cache/helpfinder"
    assert all(p.parts[:2] == (".cache", "helpfinder") for p in written), written
    for path in written:
        assert b"being groomed" not in (home / path).read_bytes()


def test_ctrl_c_and_ctrl_d_on_a_terminal(tmp_path: Path) -> None:
    env = _terminal_env(tmp_path, "dumb")
    term = Terminal(env)
    term.read_until("What do you need help with?")
    # As a person would, after the prompt is drawn: Python's line editing notices Ctrl-C only once it waits for keys.
    time.sleep(0.5)
    term.send(b"\x03")
    assert term.exit_code() == 130
    assert " ".join(interactive.GOODBYE.split()) in " ".join(term.seen.split())  # wrapped to the terminal

    term = Terminal(env)
    term.read_until("What do you need help with?")
    term.send(b"ceop\r")
    _prompts(term, 2)  # the next prompt is up: line editing reads Ctrl-D as the end of input
    time.sleep(0.5)  # as a person would, once line editing waits for keys
    term.send(b"\x04")
    assert term.exit_code() == 0
    assert "\x1b[" not in term.seen  # TERM=dumb: plain text


# --- line editing, clearing and wrapping on a real terminal -------------------------


def _prompts(term: Terminal, count: int) -> str:
    """Wait until the session has asked ``count`` times; the screen so far, without colour codes."""
    deadline = time.monotonic() + 20
    while ANSI.sub("", term.seen).count("What do you need help with?") < count:
        assert time.monotonic() < deadline, term.seen[-2000:]
        if select.select([term.fd], [], [], 0.2)[0]:
            term.seen += os.read(term.fd, 65536).decode("utf-8", "replace")
    return ANSI.sub("", term.seen)


def test_arrow_keys_edit_the_line_and_bring_back_the_last_question(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    term = Terminal(_terminal_env(home, "xterm-256color", cache_in_home=True))
    _prompts(term, 1)
    term.send(b"ceo\x1b[Dx\r")  # "ceo", left arrow, "x": the line reads "cexo"
    _prompts(term, 2)
    term.send(b"\x1b[A\r")  # up arrow: the same question again
    screen = _prompts(term, 3)
    term.send(b"q\r")
    assert term.exit_code() == 0
    assert "^[[" not in term.seen
    assert screen.count('Nothing in the directory matches "cexo"') == 2
    assert all(p.parts[:2] == (".cache", "helpfinder") for p in _files(home)), _files(home)  # no history file


def test_clear_clears_the_screen_instead_of_searching(tmp_path: Path) -> None:
    term = Terminal(_terminal_env(tmp_path, "xterm-256color"))
    _prompts(term, 1)
    term.send(b"clear\r")
    screen = _prompts(term, 2)
    term.send(b"q\r")
    assert term.exit_code() == 0
    assert interactive.CLEAR_SCREEN in term.seen
    assert "Nothing in the directory matches" not in screen


@pytest.mark.parametrize("columns", [40, 120])
def test_every_line_fits_the_terminal_without_splitting_a_number(tmp_path: Path, columns: int) -> None:
    env = {**_terminal_env(tmp_path, "dumb"), "COLUMNS": str(columns)}
    term = Terminal(env)
    _prompts(term, 1)
    term.send(b"help\r")
    _prompts(term, 2)
    term.send(b"someone is grooming my son\r")
    screen = _prompts(term, 3)
    term.send(b"q\r")
    assert term.exit_code() == 0
    lines = [line for line in screen.replace("\r", "").split("\n") if not line.startswith(interactive.PROMPT)]
    assert [line for line in lines if len(line) > columns and " " in line.strip() and "https://" not in line] == []
    assert any("Relay UK on" in line for line in lines) and any("18000." in line.split() for line in lines)
    assert "NSPCC Helpline" in screen and "  Phone: 0808 800 5000" in screen


def test_plain_on_the_bare_command_is_the_screen_reader_mode(tmp_path: Path) -> None:
    term = Terminal(_terminal_env(tmp_path, "xterm-256color"), "--plain")
    _prompts(term, 1)
    term.send(b"999\r")
    screen = _prompts(term, 2)
    term.send(b"q\r")
    assert term.exit_code() == 0
    assert re.search(r"\x1b\[[0-9;]*m", term.seen) is None  # no colour or bold
    assert "IN IMMEDIATE DANGER? CALL 999\r\n" in screen and "╭" not in screen


def test_the_history_is_cleared_when_the_session_ends() -> None:
    readline = pytest.importorskip("readline")
    readline.add_history("my son is being groomed")
    lineedit.Keyboard(readline).close()
    assert readline.get_current_history_length() == 0


def test_no_line_editing_without_this_process_terminal() -> None:
    assert lineedit.keyboard(io.StringIO(), io.StringIO()) is None
