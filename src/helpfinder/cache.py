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

Why nobody else can plant one: the folder is created 0700, and a folder or
entry is used only if it is owned by this user and writable by nobody else;
entries are opened without following links, only as regular files (a FIFO
cannot make a lookup wait), and only up to a size bounded by the source's.
Anything else means no cache, never an error. Derived data (the search
index, the facts about numbers) is also keyed by a digest of helpfinder's
own modules, so an upgrade never serves what older code built.

Where: the platform's user cache directory (``platformdirs``), or
``$HELPFINDER_CACHE_DIR`` (``~`` expanded; a relative path means no cache).
``HELPFINDER_NO_CACHE=1`` switches it off. A cache that cannot be written
(read-only home, full disk) is skipped silently.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from .model import DirectoryFile
from .phones import PhoneInfo

if TYPE_CHECKING:
    from .index import Index

ENV_DIR = "HELPFINDER_CACHE_DIR"
ENV_OFF = "HELPFINDER_NO_CACHE"
FORMAT = 13
_MAGIC = b"helpfinder-cache"
#: An entry larger than this many times its source file (plus 1 MiB) is refused unread.
MAX_RATIO = 8


def _version() -> str:
    from . import __version__

    return __version__


class StoredData(DirectoryFile, kw_only=True):
    """The directory as stored: each service is its own encoded document, with
    the facts about its numbers (``tuple[Service, dict[str, PhoneInfo]]``).

    Nested documents are stored as MessagePack ``bin`` values, which a
    decoder steps over in one move; decoding a 10,000-service entry then
    touches only the small parts, and each service is decoded when a view
    needs it (``loader.LazyServices``).
    """

    services: list[memoryview]  # type: ignore[assignment]  # views into the entry: no copies


class Entry(msgspec.Struct):
    """What is cached: the validated data and everything derived from it."""

    format: int
    version: str
    code: str  # ``code_digest()`` of the modules that built it
    source_sha256: str
    data: StoredData
    index: memoryview | None  # the search index (``index.encode_index``), decoded by a search


def digest(content: bytes | memoryview) -> str:
    """The SHA-256 of a directory file's bytes, in hex: what an entry is keyed by."""
    return hashlib.sha256(content).hexdigest()


def enabled() -> bool:
    return os.environ.get(ENV_OFF, "").strip().lower() in ("", "0", "false", "no")


def directory() -> Path | None:
    """Where cache entries live; None when ``$HELPFINDER_CACHE_DIR`` is not an absolute path."""
    override = os.environ.get(ENV_DIR)
    if override:
        path = os.path.expanduser(override)
        return Path(path) if os.path.isabs(path) else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("helpfinder", appauthor=False))


def _trusted(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else: only then can nobody else have planted it."""
    getuid = getattr(os, "getuid", None)
    return (getuid is None or st.st_uid == getuid()) and not st.st_mode & 0o022


def _folder(create: bool) -> Path | None:
    """The cache folder if it is safe to use (created 0700 when asked), else None."""
    folder = directory()
    if folder is None:
        return None
    try:
        if create and not os.path.lexists(folder):
            folder.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(folder, 0o700)
            os.chmod(folder, 0o700)  # whatever the umask
        st = os.lstat(folder)
    except OSError:
        return None
    return folder if stat.S_ISDIR(st.st_mode) and _trusted(st) else None


def code_digest() -> str:
    """A digest of helpfinder's own modules: derived data (the index, number facts) is only
    used by the code that built it, whatever the version number says."""
    global _CODE
    if _CODE is None:
        hasher = hashlib.sha256()
        here = Path(__file__).parent
        for module in sorted(here.rglob("*.py")):
            hasher.update(str(module.relative_to(here)).encode() + b"\0" + module.read_bytes() + b"\0")
        _CODE = hasher.hexdigest()[:32]
    return _CODE


_CODE: str | None = None


def entry_path(source: Path) -> Path | None:
    """One entry per directory file path; a changed file overwrites its own entry."""
    folder = directory()
    if folder is None:
        return None
    try:
        key = str(source.resolve())
    except OSError:
        key = os.path.abspath(source)
    return folder / (digest(key.encode("utf-8", "surrogatepass"))[:32] + ".msgpack")


def _read_entry(path: Path, limit: int) -> bytes | None:
    """The entry's bytes: only a regular file, not a link, ours, not writable by others, at most ``limit`` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _trusted(st) or st.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            blob = handle.read(limit + 1)
        return blob if len(blob) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def read(source: Path, source_sha256: str, source_size: int) -> Entry | None:
    """The cached entry for this exact file content, or None (never an error, never a wait).

    ``source_size`` bounds the entry: one far larger than its source was not written here.
    """
    folder = _folder(create=False)
    path = entry_path(source)
    if folder is None or path is None:
        return None
    blob = _read_entry(path, MAX_RATIO * source_size + (1 << 20))
    if blob is None:
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
    if entry.format != FORMAT or entry.version != _version() or entry.code != code_digest() or entry.source_sha256 != source_sha256:
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
    entry = Entry(FORMAT, _version(), code_digest(), source_sha256, stored, encode_index(index) if index else None)
    payload = encode(entry)
    header = b" ".join([_MAGIC, source_sha256.encode(), digest(payload).encode()])
    folder = _folder(create=True)
    target = entry_path(source)
    if folder is None or target is None:
        return
    try:
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
