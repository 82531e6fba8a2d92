"""Shared fixtures: the bundled directory, a private cache, and ways to run the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
import typer.testing
import yaml
from typer.testing import CliRunner

from helpfinder.loader import bundled_path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "helplines.yaml"


def read_yaml(path: Path) -> Any:
    """A file as a generic YAML reader sees it (not helpfinder's loader); libyaml's reader when built in, 6x faster."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


@pytest.fixture(scope="session")
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One cache folder for the whole run, so the bundled directory is validated once, not once a test."""
    folder = tmp_path_factory.mktemp("shared-cache")
    folder.chmod(0o700)
    return str(folder)


@pytest.fixture(scope="session", autouse=True)
def _one_click_command_per_app() -> Iterator[None]:
    """Build each Typer app's click command once for the run, not once per ``CliRunner.invoke``.

    Typer rebuilds it on every invoke by re-reading every command's signature and
    annotations: about 0.15 s, ten times the cost of most commands themselves. The
    built command holds no state between invocations (the installed program builds
    it once per process too), so reusing it tests the same thing.
    """
    built: dict[int, tuple[typer.Typer, Any]] = {}
    build = typer.testing._get_command

    def once(app: typer.Typer) -> Any:
        if id(app) not in built:
            built[id(app)] = (app, build(app))  # keeping the app keeps its id unique
        return built[id(app)][1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", once)
        yield


@pytest.fixture(autouse=True)
def _isolated(_shared_cache: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """No inherited data or colour settings; the run's shared cache (tests of the cache use ``fresh_cache``)."""
    monkeypatch.setenv("HELPFINDER_CACHE_DIR", _shared_cache)
    for name in ("HELPFINDER_DATA", "HELPFINDER_NO_CACHE", "NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def bundled() -> Path:
    assert bundled_path() == DATA or bundled_path().read_bytes() == DATA.read_bytes()
    return DATA


def helpfinder_exe() -> str:
    """The installed helpfinder command (next to this Python, else on PATH)."""
    beside = Path(sys.executable).with_name("helpfinder")
    if beside.exists():
        return str(beside)
    found = shutil.which("helpfinder")
    assert found, "the helpfinder entry point is not installed: pip install -e '.[test]'"
    return found


def run_exe(*args: str, env: dict[str, str] | None = None, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real installed ``helpfinder`` in a subprocess, as a user would."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "HELPFINDER_DATA")}
    full_env.update(env or {})
    return subprocess.run(
        [helpfinder_exe(), *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=input,
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def fresh_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own, for tests of what the cache holds."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("HELPFINDER_CACHE_DIR", str(folder))
    return folder
