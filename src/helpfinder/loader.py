"""Reading a directory file into a ``Directory``: validated in full, or taken from the cache.

``load()`` is the one way in. It reads the file, validates it completely (or
takes the validated copy from the cache when the file is byte-for-byte the
same) and returns a ``Directory``. ``check_file()`` validates without the
cache and returns every problem, for curators.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Iterator, Sequence, overload

import msgspec

from . import cache
from .directory import Directory
from .model import Service
from .phones import PhoneInfo
from .problems import DirectoryError, Problem
from .readfile import read_bytes

ENV_DATA = "HELPFINDER_DATA"


def bundled_path() -> Path:
    """The directory shipped with helpfinder (inside the wheel, or in the checkout)."""
    here = Path(__file__).resolve().parent
    installed = here / "data" / "helplines.yaml"
    if installed.is_file():
        return installed
    return here.parent.parent / "data" / "helplines.yaml"


def default_path() -> Path:
    """``$HELPFINDER_DATA`` if set, else the bundled directory."""
    env = os.environ.get(ENV_DATA)
    return Path(env) if env else bundled_path()


class LazyServices(Sequence[Service]):
    """A cached directory's services, each decoded the first time it is needed.

    A search over 10,000 services shows ten: decoding only those (and the
    ones a filter looks at) is what keeps a cached lookup fast at that size.
    Measured (``benchmarks/scale.py``, CPU time, warm search on 10,000 services
    against the bundled directory, 2026-11-25): 1.33x to 1.43x with this,
    1.98x to 2.10x decoding every service at once (target: 1.5x). Each service
    is stored with the facts about its numbers, which are added to ``phones``
    as it is decoded. Each service is decoded once, so the same object comes
    back every time.
    """

    def __init__(self, raws: list[memoryview], phones: dict[str, PhoneInfo]) -> None:
        self._raws = raws
        self._phones = phones
        self._decoded: list[Service | None] = [None] * len(raws)

    def __len__(self) -> int:
        return len(self._raws)

    @overload
    def __getitem__(self, index: int) -> Service: ...
    @overload
    def __getitem__(self, index: slice) -> list[Service]: ...
    def __getitem__(self, index: int | slice) -> Service | list[Service]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        service = self._decoded[index]
        if service is None:
            service, facts = msgspec.msgpack.decode(self._raws[index], type=tuple[Service, dict[str, PhoneInfo]])
            self._decoded[index] = service
            self._phones.update(facts)
        return service

    def __iter__(self) -> Iterator[Service]:
        for number in range(len(self._raws)):
            yield self[number]



def load(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Directory:
    """Load and validate a directory file; raise ``DirectoryError`` listing every problem.

    The validated result is cached by the file's exact content (see ``cache``):
    an unchanged file is not parsed again, a changed one always is.
    """
    target, name = _resolve(path)
    raw = read_bytes(target, name)
    digest = cache.digest(raw)
    caching = use_cache and cache.enabled()
    if caching:
        hit = cache.read(target, digest, len(raw))
        if hit is not None:
            phones: dict[str, PhoneInfo] = {}
            data = msgspec.structs.replace(hit.data, services=LazyServices(hit.data.services, phones))  # type: ignore[arg-type]
            return Directory(data, phones, name, digest, [], hit.index)
    directory, problems = _validate(raw, name, digest)
    if directory is None:
        raise DirectoryError([p for p in problems if p.severity == "error"])
    if caching:
        cache.write(target, digest, directory.data, directory.phones, directory.index)
    return directory


def check_file(
    path: str | os.PathLike[str] | None = None,
    *,
    today: datetime.date | None = None,
    max_age_days: int | None = None,
) -> tuple[Directory | None, list[Problem]]:
    """Validate without the cache; return the directory (None on errors) and every problem."""
    try:
        target, name = _resolve(path)
        raw = read_bytes(target, name)
        return _validate(raw, name, cache.digest(raw), today=today, max_age_days=max_age_days)
    except DirectoryError as exc:
        return None, exc.problems


def _resolve(path: str | os.PathLike[str] | None) -> tuple[Path, str]:
    """The file to read, and the name to use for it in messages (as the user wrote it)."""
    if path is not None:
        if not os.fspath(path):
            raise DirectoryError([Problem("file-unreadable", "no file name given (an empty path)", '""')])
        return Path(path), os.fspath(path)
    target = default_path()
    return target, str(target)


def _validate(
    raw: bytes,
    name: str,
    digest: str,
    *,
    today: datetime.date | None = None,
    max_age_days: int | None = None,
) -> tuple[Directory | None, list[Problem]]:
    from . import validate
    from .readfile import decode
    from .yamlfile import parse

    text = decode(raw, name)
    parsed = parse(text, name)
    checked, problems = validate.check(parsed, text, name, today=today, max_age_days=max_age_days)
    if checked is None:
        return None, problems
    return Directory(checked.data, checked.phones, name, digest, checked.warnings), problems
