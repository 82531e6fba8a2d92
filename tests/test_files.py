"""Files and small items: atomic exports, -o -, empty paths, case-insensitive ids, repeated anchors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from conftest import helpfinder_exe
from helpfinder.cli import app

sys.path.insert(0, str(Path(__file__).parent))
from minimal import minimal, mutate, write  # noqa: E402


def test_a_failed_export_leaves_the_old_file_whole_and_no_temporary(tmp_path: Path) -> None:
    page = tmp_path / "help.html"
    page.write_text("the old page")
    script = f"ulimit -f 4; '{helpfinder_exe()}' export -f html --force -o '{page}'"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "cannot write" in done.stderr
    assert page.read_text() == "the old page" and sorted(p.name for p in tmp_path.iterdir()) == ["help.html"]


def test_export_writes_a_new_file_whole_with_ordinary_permissions(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "help.csv"
    assert runner.invoke(app, ["export", "-f", "csv", "-o", str(page)]).exit_code == 0
    assert page.read_text(encoding="utf-8-sig").startswith("service,") and oct(page.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert runner.invoke(app, ["export", "-f", "csv", "-o", str(page)]).exit_code == 2  # no --force: refused
    assert [p.name for p in tmp_path.iterdir()] == ["help.csv"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_dash_is_standard_output(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "-f", "csv", "-o", "-"])
    assert result.exit_code == 0 and result.stdout.lstrip("\ufeff").startswith("service,")
    assert list(tmp_path.iterdir()) == []


def test_an_empty_data_path_says_so(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--data", ""])
    assert result.exit_code == 2 and "no file name given" in result.stderr and "directory" not in result.stderr.split("\n")[0]


def test_ids_are_found_whatever_their_case(runner: CliRunner) -> None:
    assert runner.invoke(app, ["show", "CEOP", "--plain"]).exit_code == 0
    missed = runner.invoke(app, ["show", "CEOPP"])
    assert missed.exit_code == 1 and "Did you mean: ceop?" in missed.stderr


def test_a_repeated_anchor_names_both_lines(runner: CliRunner, tmp_path: Path) -> None:
    text = mutate(minimal(), "name: Support line", "name: &n Support line")
    text = mutate(text, "organisation: A charity", "organisation: &n A charity")
    result = runner.invoke(app, ["check", str(write(tmp_path, text))])
    assert "the anchor &n is given twice (first at line" in result.stdout
