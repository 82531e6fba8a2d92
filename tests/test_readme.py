"""The README tells the truth: its command outputs are current and its Python example runs."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("readme_tool", ROOT / "scripts" / "readme.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_starts_with_exactly_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block and README.index(first_block.group(0)) < README.index("## ")
    commands = [line for line in first_block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert "pip install" in commands[0] and commands[0].endswith("helpfinder emergency")
    assert commands[1].endswith("bash scripts/test")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test" in ci
    assert "pip install -q -e '.[test]'" in ci


def test_every_command_output_in_the_readme_is_current() -> None:
    tool = _readme_tool()
    assert len(tool.commands(README)) >= 10
    fresh = tool.render(README)
    assert fresh == README, "README.md is out of date: run python scripts/readme.py"


def test_readme_lists_every_rule_code() -> None:
    from helpfinder.problems import RULES

    for code in RULES:
        assert f"`{code}`" in README


def test_python_api_example_runs() -> None:
    example = re.search(r"<!-- example -->\n```python\n(.*?)```", README, re.S)
    assert example, "the README's Python API example is missing"
    done = subprocess.run(
        [sys.executable, "-c", example.group(1)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[1].isdigit()
    assert any("Crimestoppers" in line and "0800" in line for line in lines)
    assert "ceop" in lines[-4]
    assert lines[-3] == "North Yorkshire Only for people in North Yorkshire"
    assert lines[-2].startswith("Crimestoppers,") and ",0800 555 111," in lines[-2]
    assert lines[-1] == "0 errors"
