"""A loaded directory, and the questions it answers: which services, for what, where.

``loader.load()`` returns one. Filtering lives here; ranking lives in
``ranking``; showing lives in ``views`` and ``render``.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Sequence, TypedDict, Unpack

import msgspec

from . import cache
from .model import (
    CHANNELS,
    NUMBER_CHANNELS,
    Area,
    Contact,
    DirectoryFile,
    Need,
    Service,
    Topic,
)
from .phones import PhoneInfo
from .places import Place, Places, coverage_text, kind_of
from .problems import Problem

if TYPE_CHECKING:
    from .index import Index


class UnknownName(LookupError):
    """A need, area, channel or service the directory does not have; ``valid`` lists those it has."""

    def __init__(self, kind: str, value: str, valid: list[str]) -> None:
        self.kind, self.value, self.valid = kind, value, valid
        super().__init__(f"unknown {kind} '{value}'. Valid {kind}s: {', '.join(valid)}")


class Coverage(msgspec.Struct, frozen=True):
    """Who a service is for, by place: its area, and "Only for people in North Yorkshire" or "UK-wide"."""

    area: str
    area_name: str
    local: bool
    text: str


class Filters(TypedDict, total=False):
    """The conditions ``Directory.filter`` and ``Directory.matcher`` take."""

    need: str | Sequence[str] | None
    area: str | None
    channel: str | None
    anonymous: bool
    free: bool
    open_at: datetime.datetime | None


@dataclass
class Directory:
    """A validated directory, ready to be filtered, searched and shown."""

    _data: DirectoryFile  # from the cache, its services are a loader.LazyServices
    _phones: Mapping[str, PhoneInfo]  # from the cache: filled in as services are decoded
    path: str
    digest: str
    warnings: list[Problem] = field(default_factory=list)
    _index: Index | memoryview | None = None  # from the cache: decoded on first search

    @property
    def data(self) -> DirectoryFile:
        """The whole directory as the model's structs (every service decoded)."""
        if not isinstance(self._data.services, list):
            self._data = msgspec.structs.replace(self._data, services=list(self._data.services))
        return self._data

    @property
    def services(self) -> Sequence[Service]:
        return self._data.services

    @property
    def phones(self) -> Mapping[str, PhoneInfo]:
        """Display, dialling and cost facts for the numbers, keyed by the number as written.

        From the cache, it holds the numbers of the services decoded so far
        (any service you have been given).
        """
        return self._phones

    @property
    def needs(self) -> list[Need]:
        return self._data.needs

    @property
    def areas(self) -> list[Area]:
        return self._data.areas

    @property
    def topics(self) -> list[Topic]:
        return self._data.topics

    def service(self, service_id: str) -> Service:
        """A service by id; ids are lower case, so "CEOP" finds ceop."""
        wanted = service_id.strip().lower()
        for service in self.services:
            if service.id == wanted:
                return service
        raise UnknownName("service", service_id, [s.id for s in self.services])

    def need(self, need_id: str) -> Need:
        for need in self._data.needs:
            if need.id == need_id:
                return need
        raise UnknownName("need", need_id, [n.id for n in self._data.needs])

    def topic(self, topic_id: str) -> Topic:
        wanted = topic_id.strip().lower()
        for topic in self._data.topics:
            if topic.id == wanted:
                return topic
        raise UnknownName("topic", topic_id, [t.id for t in self._data.topics])

    def area(self, name: str) -> Area:
        """An area by id or by name, ignoring case ('north-yorkshire' or 'North Yorkshire')."""
        wanted = name.strip().casefold()
        for area in self._data.areas:
            if wanted in (area.id, area.name.casefold()):
                return area
        raise UnknownName("area", name, [a.id for a in self._data.areas])

    def area_chain(self, area_id: str) -> list[Area]:
        """The area and every area it lies within, innermost first."""
        return self.places.chain(area_id)

    @functools.cached_property
    def places(self) -> Places:
        """The area tree, with its postcode and town indexes (see ``places``)."""
        return Places(self._data.areas)

    def place(self, text: str) -> Place:
        """Where someone is, from a nation, area, postcode or town; ``PlaceError`` if unknown or ambiguous."""
        return self.places.resolve(text)

    def coverage(self, service: Service) -> Coverage:
        """Where a service is for, by id and name, whether it is local, and in words."""
        chain = self.area_chain(service.area)
        if not chain:
            return Coverage(service.area, service.area, False, f"Only for people in {service.area}")
        return Coverage(chain[0].id, chain[0].name, kind_of(chain[0]) == "local", coverage_text(chain[0]))

    def local_first(self, services: Iterable[Service]) -> list[Service]:
        """The most local services first (a county's before its nation's before the UK's); ties keep their order."""
        return sorted(services, key=lambda s: -self.places.depth(s.area))

    def phone(self, contact: Contact) -> PhoneInfo | None:
        """Display, dialling and cost facts for a number route; None for other channels."""
        if contact.channel not in NUMBER_CHANNELS:
            return None
        return self.phones.get(contact.value)

    def is_free(self, contact: Contact) -> bool | None:
        """Free to call: as the entry states it, else as derived from the number."""
        if contact.free is not None:
            return contact.free
        info = self._call(contact)
        return info.free if info else None

    def cost(self, contact: Contact) -> str | None:
        """What a call costs, in words: stated by the entry, else derived from the number."""
        if contact.cost:
            return contact.cost
        if contact.free:
            return "Free"
        info = self._call(contact)
        return info.cost if info else None

    def _call(self, contact: Contact) -> PhoneInfo | None:
        """Cost facts apply to calls; what a text message costs is not derivable from the number."""
        return self.phone(contact) if contact.channel != "text" else None

    def routes(
        self,
        service: Service,
        *,
        channel: str | None = None,
        free: bool = False,
        open_at: datetime.datetime | None = None,
        where: Area | None = None,
    ) -> list[Contact]:
        """The service's routes that pass the filters.

        With ``open_at``, routes closed at that moment are dropped; routes whose
        hours are unknown, or not stated for a bank holiday, are kept (the listing
        marks them), never silently lost. ``where`` is the person's area, whose
        bank holidays apply (see ``nation``).
        """
        routes = [c for c in service.contacts if channel is None or c.channel == channel]
        if free:
            routes = [c for c in routes if self.is_free(c)]
        if open_at is not None:
            from .hours import is_open

            nation = self.nation(service, where)
            routes = [c for c in routes if is_open(c.hours, nation, open_at) is not False]
        return routes

    def nation(self, service: Service, where: Area | None = None) -> str:
        """Whose bank holidays apply: the person's, when they said where they are, else the service's area's.

        A UK-wide line seen from Glasgow on St Andrew's Day is on a bank holiday
        there. "The UK" names no nation's calendar, so then the service's area decides.
        """
        if where is not None and kind_of(where) != "uk":
            return where.bank_holidays
        chain = self.area_chain(service.area)
        return chain[0].bank_holidays if chain else "ENG"

    def filter(self, **filters: Unpack[Filters]) -> list[Service]:
        """Services matching every given condition (see ``matcher``)."""
        keep = self.matcher(**filters)
        return [service for service in self.services if keep(service)]

    def matcher(
        self,
        *,
        need: str | Sequence[str] | None = None,
        area: str | None = None,
        channel: str | None = None,
        anonymous: bool = False,
        free: bool = False,
        open_at: datetime.datetime | None = None,
    ) -> Callable[[Service], bool]:
        """A test for one service: does it match every given condition?

        An area includes services covering any area it lies within: someone in
        North Yorkshire can use North Yorkshire's services and UK-wide ones.
        A service matches only if at least one of its routes passes ``routes()``.
        Names are checked here, once: an unknown need, area or channel raises
        ``UnknownName``. ``filter()`` applies it to every service; a search
        applies it only to the results it shows. Several needs keep a service
        serving any of them (a sheet for two needs).
        """
        needs = _ids(need)
        for need_id in needs:
            self.need(need_id)
        person = self.area(area) if area is not None else None
        allowed_areas = {a.id for a in self.area_chain(person.id)} if person is not None else None
        if channel is not None and channel not in CHANNELS:
            raise UnknownName("channel", channel, list(CHANNELS))

        def keep(service: Service) -> bool:
            return (
                (not needs or any(n in service.needs for n in needs))
                and (allowed_areas is None or service.area in allowed_areas)
                and (not anonymous or service.anonymous)
                and bool(self.routes(service, channel=channel, free=free, open_at=open_at, where=person))
            )

        return keep

    def grouped(self, services: Iterable[Service], need: str | Sequence[str] | None = None) -> list[tuple[Need, list[Service]]]:
        """Services grouped under the needs they serve, in the file's order of needs.

        A service serving two needs appears under each; the file orders needs
        so that the most urgent (emergency) comes first. With ``need`` (the
        needs a listing was asked for), only those groups.
        """
        chosen = list(services)
        groups = []
        wanted = _ids(need)
        for need in [n for n in self._data.needs if n.id in wanted] if wanted else self._data.needs:
            members = [s for s in chosen if need.id in s.needs]
            if members:
                groups.append((need, members))
        return groups

    def services_for(self, need_id: str) -> list[Service]:
        return [s for s in self.services if need_id in s.needs]

    @property
    def index(self) -> Index:
        """The search index, built on first use (and cached with the directory)."""
        from .index import build_index

        if isinstance(self._index, (bytes, memoryview)):
            self._index = cache.decode_index(self._index)
        if self._index is None:
            self._index = build_index(self)
        return self._index


def _ids(need: str | Sequence[str] | None) -> list[str]:
    """One need id or several, as a list (empty for none)."""
    return [need] if isinstance(need, str) else list(need or ())
