"""Nobody but the user can plant a cache entry, and no entry can make a lookup wait or run out of memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from helpfinder import cache, yamlfile
from helpfinder.directory import Directory
from helpfinder.loader import load

from conftest import helpfinder_exe, run_exe

# Each test here looks at what the cache holds, so each starts with an empty one.
pytestmark = pytest.mark.usefixtures("fresh_cache")

CHILDLINE = "0800 1111"


@pytest.fixture
def data(bundled: Path, tmp_path: Path) -> Path:
    target = tmp_path / "helplines.yaml"
    shutil.copyfile(bundled, target)
    return target


def parsed_again(data: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Load ``data``; True if the file had to be parsed (the entry was not used)."""
    calls: list[int] = []
    real = yamlfile.parse

    def counting(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlfile, "parse", counting)
    directory: Directory = _in_time(lambda: load(data))
    assert directory.service("childline").contacts[0].value == CHILDLINE
    return bool(calls)


def _in_time(func):  # type: ignore[no-untyped-def]
    """Run ``func`` in a thread and fail if it takes more than a few seconds (a FIFO would block for ever)."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(func()), daemon=True)
    worker.start()
    worker.join(10)
    assert result, "the load did not finish: it waited on the cache"
    return result[0]


def test_an_intact_entry_is_used(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(data)
    assert not parsed_again(data, monkeypatch)


@pytest.mark.parametrize("target", ["folder", "entry"])
def test_writable_by_others_means_not_used(data: Path, monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    load(data)
    entry = cache.entry_path(data)
    assert entry is not None
    os.chmod(entry.parent if target == "folder" else entry, 0o777 if target == "folder" else 0o666)
    assert parsed_again(data, monkeypatch)


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="changing an owner needs root")
def test_an_entry_owned_by_someone_else_is_not_used(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(data)
    entry = cache.entry_path(data)
    assert entry is not None
    os.chown(entry, 65534, 65534)
    assert parsed_again(data, monkeypatch)


@pytest.mark.parametrize("kind", ["fifo", "symlink-to-dev-zero", "symlink-to-entry", "huge-sparse-file", "directory"])
def test_an_entry_that_is_not_a_plain_small_file_is_ignored_at_once(data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str) -> None:
    load(data)
    entry = cache.entry_path(data)
    assert entry is not None
    real = tmp_path / "real.msgpack"
    shutil.move(entry, real)
    if kind == "fifo":
        os.mkfifo(entry, 0o600)
    elif kind == "symlink-to-dev-zero":
        entry.symlink_to("/dev/zero")
    elif kind == "symlink-to-entry":
        entry.symlink_to(real)
    elif kind == "huge-sparse-file":
        with open(entry, "wb") as handle:
            handle.truncate(2 << 30)  # 2 GiB, no disk used
        os.chmod(entry, 0o600)
    else:
        entry.mkdir(0o700)
    assert parsed_again(data, monkeypatch)


def test_an_entry_built_by_other_code_is_not_used(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(data)
    monkeypatch.setattr(cache, "_CODE", "built-by-other-code")
    assert parsed_again(data, monkeypatch)


def test_the_folder_is_private_whatever_the_umask(data: Path, tmp_path: Path) -> None:
    where = tmp_path / "deep" / "helpfinder"
    script = f"umask 000; '{helpfinder_exe()}' list --data '{data}' > /dev/null"
    subprocess.run(["bash", "-c", script], env={**os.environ, "HELPFINDER_CACHE_DIR": str(where)}, check=True, timeout=60)
    assert oct(where.stat().st_mode & 0o777) == "0o700"
    assert [oct(p.stat().st_mode & 0o777) for p in where.iterdir()] == ["0o600"]


def test_a_tilde_is_the_home_folder_and_a_relative_path_means_no_cache(data: Path, tmp_path: Path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    for setting in ("~/x", "relative/cache"):
        done = run_exe("list", "--data", str(data), env={"HOME": str(home), "HELPFINDER_CACHE_DIR": setting}, cwd=work)
        assert done.returncode == 0, done.stderr
    assert [p.name for p in home.iterdir()] == ["x"] and len(list((home / "x").iterdir())) == 1
    assert list(work.iterdir()) == []


def test_the_private_session_claims_only_what_is_true(data: Path) -> None:
    """The first session writes the directory's cache entry, never what was typed; the goodbye says exactly that."""
    import io

    from helpfinder import interactive

    out = io.StringIO()
    assert interactive.run(io.StringIO("grooming zebrasecret\nq\n"), out, data=str(data)) == 0
    assert "Nothing you typed was saved." in out.getvalue() and "Nothing was saved" not in out.getvalue()
    written = list(Path(os.environ["HELPFINDER_CACHE_DIR"]).iterdir())
    assert len(written) == 1 and b"zebrasecret" not in written[0].read_bytes()
