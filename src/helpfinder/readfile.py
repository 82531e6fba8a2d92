"""Reading a directory file's bytes, refusing anything that is not a sane, regular UTF-8 file.

Kept apart from the YAML parser so that a cached lookup reads and hashes the
file without importing PyYAML.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import DirectoryError, Problem

MAX_BYTES = 64 * 1024 * 1024


def read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes, or ``DirectoryError`` naming why it cannot be used."""

    def refuse(message: str) -> DirectoryError:
        return DirectoryError([Problem("file-unreadable", message, name)])

    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise refuse("no such file") from None
    except OSError as exc:
        raise refuse(f"cannot read it: {exc.strerror or exc}") from None
    except ValueError:  # a NUL byte in the name
        raise refuse("is not a usable file name") from None
    if stat.S_ISDIR(st.st_mode):
        raise refuse("is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise refuse("is not a regular file (a device, pipe or socket)")
    if st.st_size > MAX_BYTES:
        raise refuse(f"is {st.st_size:,} bytes; the limit is {MAX_BYTES:,}")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise refuse(f"cannot read it: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise refuse(f"is larger than the limit of {MAX_BYTES:,} bytes")
    return data


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a leading byte-order mark is allowed), naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DirectoryError(
            [Problem("file-unreadable", f"is not UTF-8 text (byte 0x{data[exc.start]:02x})", name, line)]
        ) from None
