"""The wheel works on its own: built, installed in a fresh venv, run from an unrelated folder.

This is how a user gets helpfinder, so the bundled directory must be found
inside the installed package, never through the checkout. Dependencies come
from the environment running the tests (no network): the fresh venv sees its
site-packages through a ``.pth`` line, added only after the wheel is
installed, so pip cannot mistake the editable checkout for the wheel.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import DATA, ROOT


pytestmark = pytest.mark.xdist_group("one-wheel")  # the wheel is built and installed once per run, not per process


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the venv, the wheel): a wheel of this checkout installed into a brand-new venv."""
    base = tmp_path_factory.mktemp("packaging")
    wheels = base / "wheels"
    # The build backend's own PEP 517 hook, as pip or build would call it (without the
    # seconds pip spends making an isolated environment to install the backend into).
    hook = "import sys, hatchling.build as backend; backend.build_wheel(sys.argv[1])"
    built = _run([sys.executable, "-c", hook, str(wheels)], cwd=ROOT)
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("helpfinder-*.whl")

    env_dir = base / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    done = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        cwd=base,
    )
    assert done.returncode == 0, done.stderr
    here = [p for p in (*site.getsitepackages(), site.getusersitepackages()) if Path(p).is_dir()]
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=base).stdout.strip()
    (Path(purelib) / "zz_test_dependencies.pth").write_text("\n".join(here) + "\n", encoding="utf-8")
    return env_dir, wheel


def _clean_env(cache: Path) -> dict[str, str]:
    drop = ("PYTHONPATH", "HELPFINDER_DATA", "VIRTUAL_ENV", "NO_COLOR", "FORCE_COLOR", "PYTHONHOME")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["HELPFINDER_CACHE_DIR"] = str(cache)
    return env


def test_the_wheel_carries_the_directory(installed: tuple[Path, Path]) -> None:
    _, wheel = installed
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("helpfinder/data/helplines.yaml") == DATA.read_bytes()
        assert "helpfinder/cli.py" in archive.namelist()
        command = archive.getinfo("helpfinder-1.0.0.data/scripts/helpfinder")
        assert archive.read(command).startswith(b"#!python\n")  # pip points it at the venv's Python
        assert command.external_attr >> 16 & 0o111  # executable once installed
        assert not any(n.endswith("entry_points.txt") for n in archive.namelist())  # no generated console script


def test_the_installed_command_is_the_launcher(installed: tuple[Path, Path]) -> None:
    env_dir, _ = installed
    command = env_dir / "bin" / "helpfinder"
    assert command.read_text(encoding="utf-8").splitlines()[0] == f"#!{env_dir / 'bin' / 'python'}"
    assert command.read_bytes().split(b"\n", 1)[1] == (ROOT / "bin" / "helpfinder").read_bytes().split(b"\n", 1)[1]
    assert os.access(command, os.X_OK)


def test_installed_package_is_imported_from_the_venv(installed: tuple[Path, Path], tmp_path: Path) -> None:
    env_dir, _ = installed
    code = "import helpfinder, helpfinder.loader as d; print(helpfinder.__file__); print(d.bundled_path())"
    out = _run([str(env_dir / "bin" / "python"), "-c", code], cwd=tmp_path, env=_clean_env(tmp_path / "cache"))
    assert out.returncode == 0, out.stderr
    module, bundled = out.stdout.split()
    assert Path(module).is_relative_to(env_dir) and not Path(module).is_relative_to(ROOT)
    assert Path(bundled).is_relative_to(env_dir) and Path(bundled).read_bytes() == DATA.read_bytes()


@pytest.mark.parametrize(
    ("args", "first", "also"),
    [
        (["emergency", "--plain"], "IN IMMEDIATE DANGER? CALL 999", "Police non-emergency (101)"),
        (["list", "--plain"], "SOMEONE IS IN IMMEDIATE DANGER", "Childline"),
    ],
)
def test_installed_command_runs_from_another_folder(
    installed: tuple[Path, Path], tmp_path: Path, args: list[str], first: str, also: str
) -> None:
    env_dir, _ = installed
    out = _run([str(env_dir / "bin" / "helpfinder"), *args], cwd=tmp_path, env=_clean_env(tmp_path / "cache"))
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert out.stdout.splitlines()[0] == first
    assert also in out.stdout
    assert out.stdout.rstrip().splitlines()[-1] == "In immediate danger, call 999."


def test_search_is_the_function_even_after_its_module_is_imported() -> None:
    """README's pattern: load(), use the index (which imports the search modules), then search()."""
    script = (
        "import helpfinder.ranking, helpfinder.index\n"
        "from helpfinder import load, search\n"
        "d = load(); d.index\n"
        "print(callable(search), len(search(d, 'grooming').services) > 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["True", "True"], done.stderr
