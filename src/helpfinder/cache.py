"""A cache of validated directories, so an unchanged file is not parsed and checked again.

Why: parsing a 10,000-service YAML file takes seconds; decoding the validated
result from MessagePack takes milliseconds.

Why it cannot go stale: an entry is used only when the SHA-256 of the
directory file's bytes, read now, equals the one recorded in the entry;
sizes and modification times are never trusted. An entry also records a
SHA-256 of its own payload and is decoded into the typed model, so a
truncated or edited entry is ignored (and rewritten), never believed.

The search index is kept in the entry still encoded (MessagePack bytes) and
decoded only when a search asks for it, so a lookup that does not search
never imports the
index module (``index``), and neither it nor ``search`` imports this one.

Where: the platform's user cache directory (``platformdirs``), or
``$HELPFINDER_CACHE_DIR``. ``HELPFINDER_NO_CACHE=1`` switches it off. A cache
that cannot be written (read-only home, full disk) is skipped silently.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from collections.abc import Mapping
from typing import TYPE_CHECKING

import msgspec

from .model import DirectoryFile
from .phones import PhoneInfo

try:  # the built-in SHA-256: importing hashlib loads OpenSSL, about 2 ms of every lookup
    from _sha2 import sha256  # type: ignore[import-not-found]  # Python >= 3.12
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef]  # Python 3.11
    except ImportError:  # pragma: no cover - a Python built without them
        from hashlib import sha256  # type: ignore[assignment]

if TYPE_CHECKING:
    from .index import Index

ENV_DIR = "HELPFINDER_CACHE_DIR"
ENV_OFF = "HELPFINDER_NO_CACHE"
FORMAT = 13
_MAGIC = b"helpfinder-cache"
_LARGE = 1 << 20


def _version() -> str:
    from . import __version__

    return __version__


class StoredData(DirectoryFile, kw_only=True):
    """The directory as stored: each service is its own encoded document, with
    the facts about its numbers (``tuple[Service, dict[str, PhoneInfo]]``).

    Nested documents are stored as MessagePack ``bin`` values, which a
    decoder steps over in one move; decoding a 10,000-service entry then
    touches only the small parts, and each service is decoded when a view
    needs it (``directory.LazyServices``).
    """

    services: list[memoryview]  # type: ignore[assignment]  # views into the entry: no copies


class Entry(msgspec.Struct):
    """What is cached: the validated data and everything derived from it."""

    format: int
    version: str
    source_sha256: str
    data: StoredData
    index: memoryview | None  # the search index (``index.encode_index``), decoded by a search


def digest(content: bytes | memoryview) -> str:
    """The SHA-256 of a directory file's bytes, in hex: what an entry is keyed by."""
    if len(content) > _LARGE:
        import hashlib  # OpenSSL's SHA-256 is several times faster on megabytes

        return hashlib.sha256(content).hexdigest()
    return sha256(content).hexdigest()


def enabled() -> bool:
    return os.environ.get(ENV_OFF, "").strip().lower() in ("", "0", "false", "no")


def directory() -> Path:
    """Where cache entries live."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies on Linux, without its ~4 ms import on every lookup.
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
        return base / "helpfinder"
    import platformdirs

    return Path(platformdirs.user_cache_dir("helpfinder", appauthor=False))


def entry_path(source: Path) -> Path:
    """One entry per directory file path; a changed file overwrites its own entry."""
    try:
        key = str(source.resolve())
    except OSError:
        key = os.path.abspath(source)
    return directory() / (digest(key.encode("utf-8", "surrogatepass"))[:32] + ".msgpack")


def read(source: Path, source_sha256: str) -> Entry | None:
    """The cached entry for this exact file content, or None."""
    try:
        blob = entry_path(source).read_bytes()
    except OSError:
        return None
    end = blob.find(b"\n")
    header, payload = blob[:end], memoryview(blob)[end + 1 :]  # a view: no copy of megabytes
    parts = header.split(b" ")
    if len(parts) != 3 or parts[0] != _MAGIC or parts[1] != source_sha256.encode():
        return None
    if digest(payload).encode() != parts[2]:
        return None
    try:
        entry = msgspec.msgpack.decode(payload, type=Entry)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if entry.format != FORMAT or entry.version != _version() or entry.source_sha256 != source_sha256:
        return None
    return entry


def write(
    source: Path, source_sha256: str, data: DirectoryFile, phones: Mapping[str, PhoneInfo], index: Index | None
) -> None:
    """Store an entry atomically; any failure to write leaves helpfinder working uncached."""
    import tempfile

    from .index import encode_index

    encode = msgspec.msgpack.encode
    fields = {name: getattr(data, name) for name in DirectoryFile.__struct_fields__ if name != "services"}
    services = [
        encode((service, {c.value: phones[c.value] for c in service.contacts if c.value in phones}))
        for service in data.services
    ]
    stored = StoredData(**fields, services=services)
    entry = Entry(FORMAT, _version(), source_sha256, stored, encode_index(index) if index else None)
    payload = encode(entry)
    header = b" ".join([_MAGIC, source_sha256.encode(), digest(payload).encode()])
    target = entry_path(source)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".msgpack")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header + b"\n" + payload)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return


def decode_index(raw: bytes | memoryview) -> Index | None:
    """The search index kept encoded in an entry (already checked by its digest), or None."""
    from .index import decode_index as decode

    try:
        return decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
