"""The cache of validated directories can never serve stale, truncated or forged data.

A help line's number must be the one in the file the curator wrote: an entry
is believed only for the exact bytes of the file as read now, and only when
the entry itself is intact.
"""

from __future__ import annotations

from collections.abc import Mapping

import os
import shutil
from pathlib import Path

import msgspec
import pytest

from helpfinder import cache, yamlfile
from helpfinder.directory import Directory
from helpfinder.loader import load

from conftest import run_exe

# Each test here looks at what the cache holds, so each starts with an empty one.
pytestmark = pytest.mark.usefixtures("fresh_cache")

NUMBER = b"0800 1111"  # Childline, in the bundled directory
FORGED = b"0800 2222"


@pytest.fixture
def data(bundled: Path, tmp_path: Path) -> Path:
    """A private copy of the bundled directory that tests may edit."""
    target = tmp_path / "helplines.yaml"
    shutil.copyfile(bundled, target)
    return target


def childline_number(directory: Directory) -> str:
    return directory.service("childline").contacts[0].value


def entry(path: Path) -> Path:
    return cache.entry_path(path)


def test_a_cached_load_equals_an_uncached_one(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = load(data, use_cache=False)
    load(data)  # writes the entry
    monkeypatch.setattr(yamlfile, "parse", lambda *a: pytest.fail("parsed again"))
    cached = load(data)
    assert msgspec.json.encode(cached.data) == msgspec.json.encode(fresh.data)
    assert msgspec.json.encode(dict(cached.phones)) == msgspec.json.encode(fresh.phones)
    # Compared field by field (sets' encoded order may differ; cached postings decode on demand).
    for name in fresh.index.__struct_fields__:
        kept, built = getattr(cached.index, name), getattr(fresh.index, name)
        assert (dict(kept) if isinstance(kept, Mapping) else kept) == built, name


def test_an_edit_with_the_same_size_and_mtime_is_seen(data: Path) -> None:
    """Only the bytes decide: a same-size edit with the old mtime put back is still seen."""
    assert load(data).service("nspcc-helpline").contacts[0].value == "0808 800 5000"
    before = data.stat()
    data.write_bytes(data.read_bytes().replace(b'value: "0808 800 5000"', b'value: "0808 800 5001"'))
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = data.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert load(data).service("nspcc-helpline").contacts[0].value == "0808 800 5001"


def test_a_truncated_entry_is_ignored_and_rewritten(data: Path) -> None:
    load(data)
    whole = entry(data).read_bytes()
    entry(data).write_bytes(whole[: len(whole) // 2])
    assert childline_number(load(data)) == NUMBER.decode()
    assert entry(data).read_bytes() == whole


def test_a_tampered_entry_with_a_wrong_digest_is_not_believed(data: Path) -> None:
    load(data)
    blob = entry(data).read_bytes()
    assert NUMBER in blob
    entry(data).write_bytes(blob.replace(NUMBER, FORGED))
    assert childline_number(load(data)) == NUMBER.decode()


def forge(path: Path, header_sha: bytes) -> None:
    """Change the number in an entry's payload and write a payload digest that matches it."""
    header, _, payload = entry(path).read_bytes().partition(b"\n")
    payload = payload.replace(NUMBER, FORGED)
    magic, _, _ = header.split(b" ")
    entry(path).write_bytes(b" ".join([magic, header_sha, cache.digest(payload).encode()]) + b"\n" + payload)


def test_a_forged_entry_for_an_older_version_of_the_file_is_not_believed(data: Path) -> None:
    load(data)
    old_sha = cache.digest(data.read_bytes()).encode()
    forge(data, old_sha)
    data.write_bytes(data.read_bytes().replace(b"name: Childline", b"name: ChildLine"))
    fresh = load(data)
    assert fresh.service("childline").name == "ChildLine"
    assert childline_number(fresh) == NUMBER.decode()


def test_a_forged_entry_claiming_the_current_file_in_its_header_only_is_not_believed(data: Path) -> None:
    load(data)
    data.write_bytes(data.read_bytes().replace(b"name: Childline", b"name: ChildLine"))
    # The header names the current file; the payload inside still records the old one.
    forge(data, cache.digest(data.read_bytes()).encode())
    fresh = load(data)
    assert fresh.service("childline").name == "ChildLine"
    assert childline_number(fresh) == NUMBER.decode()


def test_an_entry_written_by_another_version_is_not_used(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(data)
    monkeypatch.setattr(cache, "_version", lambda: "0.0.0-other")
    raw = data.read_bytes()
    assert cache.read(data, cache.digest(raw), len(raw)) is None


def test_an_intact_entry_skips_the_parse(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests here mean something only if an intact entry really is used."""
    first = load(data)
    monkeypatch.setattr(yamlfile, "parse", lambda *a: pytest.fail("parsed again"))
    assert childline_number(load(data)) == childline_number(first)


def test_an_unwritable_cache_directory_is_skipped_silently(data: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    env = {"HELPFINDER_CACHE_DIR": str(blocker / "sub"), "NO_COLOR": "1"}
    for _ in range(2):
        done = run_exe("emergency", "--data", str(data), env=env)
        assert done.returncode == 0
        assert done.stderr == ""
        assert "999" in done.stdout
    assert blocker.read_text() == "not a directory"


def test_no_cache_variable_writes_nothing(data: Path, tmp_path: Path) -> None:
    where = tmp_path / "cache"
    done = run_exe("emergency", "--data", str(data), env={"HELPFINDER_CACHE_DIR": str(where), "HELPFINDER_NO_CACHE": "1"})
    assert done.returncode == 0
    assert not where.exists() or not any(where.iterdir())
    done = run_exe("emergency", "--data", str(data), env={"HELPFINDER_CACHE_DIR": str(where)})
    assert done.returncode == 0
    assert [p.suffix for p in where.iterdir()] == [".msgpack"]


def test_entries_are_written_whole_or_not_at_all(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    where = Path(os.environ["HELPFINDER_CACHE_DIR"])

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", fail)
        assert childline_number(load(data)) == NUMBER.decode()
    assert list(where.iterdir()) == []
    load(data)
    assert [p.name for p in where.iterdir()] == [entry(data).name]
