"""Exports: the directory in formats other people and systems use.

One module per format; each ``to_*`` function takes a directory and the
services to include (e.g. from ``Directory.filter``) and returns text::

    from helpfinder import load
    from helpfinder.export import to_vcard
    directory = load()
    cards = to_vcard(directory, directory.filter(need="worried-about-a-child"))

``channel`` and ``free`` choose routes within each service, as ``list`` does.
Format modules are imported on first use, so one export loads only its own.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

from .facts import Sheet, sheet_title

if TYPE_CHECKING:
    from ..directory import Directory
    from ..model import Service

#: Format name -> (module, function). The order is the order shown in help and errors.
FORMATS: dict[str, tuple[str, str]] = {
    "vcard": ("vcard", "to_vcard"),
    "csv": ("spreadsheet", "to_csv"),
    "markdown": ("markdown", "to_markdown"),
    "html": ("webpage", "to_html"),
    "hsds": ("hsds", "to_hsds"),
}

#: Formats that are printable sheets: they take a ``Sheet`` (title, lines to fill in, curators' notes).
SHEETS = ("markdown", "html")

__all__ = ["FORMATS", "SHEETS", "Sheet", "UnknownFormat", "sheet_title", "export", "save", "to_csv", "to_hsds", "to_html", "to_markdown", "to_vcard"]


class Exporter(Protocol):
    def __call__(self, directory: Directory, services: list[Service], *, channel: str | None = ..., free: bool = ..., **sheet: Any) -> str: ...


class UnknownFormat(ValueError):
    """A format helpfinder cannot write; the message lists those it can."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"unknown format '{name}'. Valid formats: {', '.join(FORMATS)}")


def exporter(name: str) -> Exporter:
    """The ``to_*`` function for a format name, or ``UnknownFormat``."""
    if name not in FORMATS:
        raise UnknownFormat(name)
    module, function = FORMATS[name]
    exporter_function: Exporter = getattr(import_module(f".{module}", __name__), function)
    return exporter_function


def export(
    name: str, directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False, sheet: Sheet | None = None
) -> str:
    """The services in the named format (see ``FORMATS``); ``sheet`` is for the printable ones (``SHEETS``)."""
    extra = {"sheet": sheet} if sheet is not None and name in SHEETS else {}
    return exporter(name)(directory, services, channel=channel, free=free, **extra)


def to_vcard(directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False) -> str:
    """vCard 4.0 contact cards, one per service (see ``export.vcard``)."""
    return export("vcard", directory, services, channel=channel, free=free)


def to_csv(directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False) -> str:
    """CSV, one row per route, UTF-8 with a byte-order mark (see ``export.spreadsheet``)."""
    return export("csv", directory, services, channel=channel, free=free)


def to_markdown(
    directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False, sheet: Sheet | None = None
) -> str:
    """A Markdown signposting sheet grouped by need (see ``export.markdown``)."""
    return export("markdown", directory, services, channel=channel, free=free, sheet=sheet)


def to_html(
    directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False, sheet: Sheet | None = None
) -> str:
    """One self-contained, printable HTML page (see ``export.webpage``)."""
    return export("html", directory, services, channel=channel, free=free, sheet=sheet)


def to_hsds(directory: Directory, services: list[Service], *, channel: str | None = None, free: bool = False) -> str:
    """A JSON array of Open Referral HSDS 3.0 service objects (see ``export.hsds``)."""
    return export("hsds", directory, services, channel=channel, free=free)


def save(path: str, payload: bytes, *, overwrite: bool = False) -> None:
    """Write ``payload`` to ``path`` whole or not at all.

    Why: a full disk or a file-size limit must not leave a cut-off page that
    looks complete, nor destroy the old file. The bytes go to a temporary
    file in the same folder, which then takes the name in one step (and,
    without ``overwrite``, only if nothing has it: ``FileExistsError``).
    """
    import os
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".helpfinder-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)  # as an ordinary new file would be, not mkstemp's 0600
        if overwrite:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if the name is taken, never replaces
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)
