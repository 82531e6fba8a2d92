"""JSON output: what ``--json`` prints, safe to show and able to carry any file name.

Why a module of its own: every command's ``--json`` goes through the same
encoder, so control characters are escaped the same way everywhere
(``safetext.json_safe``) and a service carries its coverage the same way.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .directory import Directory
    from .model import Service
    from .places import Place


def emit_json(value: Any) -> None:
    import msgspec

    from .safetext import json_safe

    try:
        encoded = msgspec.json.encode(value)
    except UnicodeEncodeError:  # a name holding bytes that are not UTF-8: shown as \xNN
        encoded = msgspec.json.encode(_visible_bytes(msgspec.to_builtins(value)))
    sys.stdout.write(json_safe(encoded.decode("utf-8")) + "\n")


def _visible_bytes(value: Any) -> Any:
    """Strings with bytes that are not UTF-8 (from a file name) shown as \\xNN, so JSON can carry them."""
    from .safetext import safe

    if isinstance(value, str):
        return safe(value) if any(0xDC80 <= ord(c) <= 0xDCFF for c in value) else value
    if isinstance(value, list):
        return [_visible_bytes(v) for v in value]
    if isinstance(value, dict):
        return {k: _visible_bytes(v) for k, v in value.items()}
    return value


def service_json(directory: Directory, service: Service) -> dict[str, Any]:
    """A service as JSON, with who it is for ("coverage"): its area's id and name, and whether it is local."""
    return {**builtins(service), "coverage": builtins(directory.coverage(service))}


def place_json(place: Place | None) -> dict[str, str] | None:
    """Where the person is, as ``--where`` or their words gave it: what they said, how it was read, the area."""
    return {"given": place.given, "how": place.how, "area": place.area.id} if place else None


def builtins(value: Any) -> Any:
    import msgspec

    return msgspec.to_builtins(value)
