"""What a search returns: the services and advice topics that matched, each with why.

Kept apart from ``ranking`` so the views (render, the private session, JSON)
can name these types without importing the ranking itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from .asker import Asker

if TYPE_CHECKING:
    from .model import Service, Topic

Entry = TypeVar("Entry")


@dataclass
class Match(Generic[Entry]):
    """A service (``Match[Service]``) or an advice topic (``Match[Topic]``) that matched, how well, and why.

    ``general``: a general route for whoever is asking, not a match.
    """

    entry: Entry
    score: float
    reasons: list[str] = field(default_factory=list)
    general: bool = False


@dataclass
class Results:
    """What a search found. ``crisis`` means the query is about danger, suicide or self-harm.

    ``general`` means nothing matched well and ``services`` are the general
    routes for whoever is asking.
    """

    query: str
    services: list[Match[Service]]
    topics: list[Match[Topic]]
    crisis: bool = False
    general: bool = False
    asker: Asker = None
    needs: list[str] = field(default_factory=list)  # the needs the query is about, best first

    def __bool__(self) -> bool:
        return bool(self.services or self.topics)

    def as_json(self) -> dict[str, object]:
        """What ``search --json`` prints: every entry with its reasons (those ``--explain`` shows)."""
        import msgspec

        def entry(match: Match[Service] | Match[Topic], **extra: object) -> dict[str, object]:
            return {**msgspec.to_builtins(match.entry), **extra, "reasons": match.reasons}

        return {
            "query": self.query,
            "crisis": self.crisis,
            "general": self.general,
            "asker": self.asker,
            "needs": self.needs,
            "services": [entry(m, general=m.general) for m in self.services],
            "topics": [entry(m) for m in self.topics],
        }
