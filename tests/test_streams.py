"""999 always prints first, and no stream, option or interruption breaks the exit-code contract."""

from __future__ import annotations

import ast
import datetime
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import helpfinder_exe, run_exe
from helpfinder import interactive
from helpfinder.cli import app

sys.path.insert(0, str(Path(__file__).parent))
from minimal import minimal, mutate, with_copies, write  # noqa: E402

FLOOR = "IN IMMEDIATE DANGER? CALL 999"


def _shell(command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {**{k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}, **(env or {})}
    return subprocess.run(["bash", "-c", command.replace("HF", f"'{helpfinder_exe()}'")], capture_output=True, text=True, env=environ, timeout=60)


@pytest.mark.parametrize("at", ["now", "tomorrow", "9999-12-31 23:00", "0001-01-01 00:00", "2026-02-30 10:00"])
def test_emergency_prints_999_first_whatever_the_at(runner: CliRunner, at: str) -> None:
    result = runner.invoke(app, ["emergency", "--at", at])
    assert result.exit_code == 2
    assert result.stdout.startswith(FLOOR) and "Relay UK on 18000" in result.stdout and "101" in result.stdout
    assert "--at:" in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize("at", ["9999-12-31 23:00", "0001-01-01 00:00"])
def test_extreme_years_are_a_usage_error_everywhere(runner: CliRunner, at: str) -> None:
    result = runner.invoke(app, ["list", "--open-now", "--at", at])
    assert result.exit_code == 2 and "outside the years" in result.stderr


def test_a_huge_terminal_width_changes_nothing() -> None:
    out = run_exe("emergency", env={"COLUMNS": "99999999999", "FORCE_COLOR": "1"})
    assert out.returncode == 0, out.stderr
    assert "999" in out.stdout.splitlines()[1]


def test_the_builtin_guidance_is_the_floor(runner: CliRunner, tmp_path: Path) -> None:
    """A valid file with no emergency needs still gets text 999, Relay UK and 101."""
    text = mutate(minimal(), "  - id: emergency\n", "  - id: danger\n")
    text = mutate(text, "needs: [emergency]", "needs: [danger]")
    result = runner.invoke(app, ["emergency", "--data", str(write(tmp_path, text))])
    assert result.exit_code == 0, result.output
    assert "text 999" in result.stdout and "Relay UK on 18000" in result.stdout and "call the police on 101" in result.stdout


@pytest.mark.parametrize("typed", ["²", "①", "٣"])
def test_the_private_session_takes_other_digits_as_words(typed: str) -> None:
    out = io.StringIO()
    code = interactive.run(io.StringIO(f"{typed}\nq\n"), out)
    assert code == 0 and "internal error" not in out.getvalue()


def test_the_private_session_keeps_a_byte_that_is_not_text() -> None:
    out = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO("caf\xe9\nq\n".encode("latin-1")), encoding="utf-8")
    assert interactive.run(stdin, out) == 0
    assert 'matches "caf\\xe9"' in out.getvalue()


@pytest.mark.parametrize("args", [["--version"], ["--help"], [], ["emergency"], ["list", "--json"], ["export", "-f", "csv"]])
def test_a_full_stdout_is_reported_with_exit_2(args: list[str]) -> None:
    out = _shell("HF " + " ".join(args) + " > /dev/full")
    assert out.returncode == 2, out.stderr
    assert out.stderr == "helpfinder: cannot write the output (No space left on device). In immediate danger, call 999.\n"


def test_a_closed_stdout_keeps_the_commands_exit_code() -> None:
    assert _shell("HF list >&-").returncode == 0
    assert _shell("HF show nobody >&-").returncode == 1


@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/full"])
def test_a_broken_stderr_keeps_usage_errors_at_2(redirect: str) -> None:
    out = _shell(f"HF list --bogus {redirect}")
    assert out.returncode == 2 and out.stdout == ""
    assert _shell(f"HF show nobody {redirect}").returncode == 1


def test_check_into_head_keeps_checks_exit_code(tmp_path: Path) -> None:
    """A valid file whose warnings fill far more than a pipe holds, so head really closes it early."""
    path = write(tmp_path, with_copies(minimal(verified=datetime.date(2020, 1, 1)), 400))
    out = _shell(f"HF check '{path}' | head -c1; exit ${{PIPESTATUS[0]}}")
    assert out.returncode == 0 and out.stderr == "" and out.stdout == "/"
    assert int(_shell(f"HF check '{path}' | wc -c").stdout) > 100_000


def test_ctrl_c_while_loading_exits_130_without_a_traceback() -> None:
    script = "import helpfinder.launch as l\ndef boom(argv):\n    raise KeyboardInterrupt\nl.run = boom\nl.main()\n"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 130 and "Traceback" not in out.stderr


def _launcher(then: str) -> str:
    """Python that runs the installed ``helpfinder`` command's own text, with ``then`` as helpfinder.launch.main."""
    return (
        "import os, signal, sys, types\n"
        "launch = types.ModuleType('helpfinder.launch')\n"
        f"exec({then!r}, launch.__dict__)\n"
        "sys.modules['helpfinder.launch'] = launch\n"
        f"exec(compile(open({helpfinder_exe()!r}, encoding='utf-8').read(), 'helpfinder', 'exec'), {{'__name__': '__main__'}})\n"
    )


def test_ctrl_c_right_after_the_command_starts_exits_130_without_a_traceback() -> None:
    """The command's first statements take Ctrl-C: here it arrives while helpfinder's modules load."""
    then = "import os, signal\ndef main():\n    os.kill(os.getpid(), signal.SIGINT)\n    import helpfinder.cli\n    print('not reached')\n"
    out = subprocess.run([sys.executable, "-c", _launcher(then)], capture_output=True, text=True, timeout=60)
    assert (out.returncode, out.stdout, out.stderr) == (130, "", "\n")


def test_the_command_imports_nothing_before_it_takes_ctrl_c() -> None:
    """Only modules Python loaded while starting: an import that searches a path could meet Ctrl-C first."""
    tree = ast.parse(Path(helpfinder_exe()).read_text(encoding="utf-8"))
    takes_over = next(i for i, node in enumerate(tree.body) if "_signal.signal" in ast.unparse(node))
    before = [ast.unparse(node) for node in tree.body[:takes_over] if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert before == ["import _signal", "import os"]


def test_once_running_ctrl_c_is_the_launchers_again() -> None:
    """launch.main gives Ctrl-C back to Python, so the command's own KeyboardInterrupt handling (the session's) works."""
    script = (
        "import signal\n"
        "import helpfinder.launch as l\n"
        "def report(argv):\n"
        "    print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n"
        "    return 0\n"
        "l.run = report\n"
        "l.main()\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (out.returncode, out.stdout) == (0, "True\n")
