"""Where the person is: among services for the same need, those for people there first.

A signposter who knows the place gives its services first and leaves out the
ones for elsewhere; one who does not gives the routes for the most people
first. About 84% of the UK's people live in England, 8% in Scotland, 5% in
Wales and 3% in Northern Ireland (ONS mid-year estimates), so with no place a
service only for Scotland, Wales or Northern Ireland comes after the others
(still shown: it may be the one the person needs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .directory import Directory
    from .model import Area

# Each nation's share of the UK's people. A service's share is that of the nations it covers,
# or of the nation it lies within.
NATION_SHARE = {"england": 0.84, "scotland": 0.08, "wales": 0.05, "northern-ireland": 0.03}
FEW = 0.5  # with no place, a service for fewer than this share of people loses ELSEWHERE
ELSEWHERE = 1.0  # what a service loses for not being for where the person likely is (no place said)
# What a service loses for not being for the place the person said: a signposter who hears "Glasgow" gives the
# Scottish services for the need first, and one for England and Wales only after them.
NOT_THERE = 2.0


def named_place(directory: Directory, query: str) -> Area | None:
    """The area a query names ("raped in Leeds", "glasgow"), if any."""
    found = directory.places.find_in_text(query)
    return found.place.area if found is not None and found.place is not None else None


def share(directory: Directory, area_id: str) -> float:
    """The share of the UK's people a service for this area is for."""
    places = directory.places
    nations = places.nations_covered(area_id)
    if nations:
        return sum(NATION_SHARE.get(n.id, 0.0) for n in nations)
    inside = next((a for a in places.chain(area_id) if a.id in NATION_SHARE), None)
    return NATION_SHARE[inside.id] if inside is not None else 1.0


def elsewhere(directory: Directory, area_id: str, place: Area | None) -> float:
    """What a service for ``area_id`` loses: it is not for the place named (``NOT_THERE``), or (no place) for few people."""
    if place is not None:
        return 0.0 if directory.places.contains(area_id, place) else NOT_THERE
    return ELSEWHERE if share(directory, area_id) < FEW else 0.0


def nearest_first(directory: Directory, place: Area | None) -> Callable[[int, float], tuple[float, int, int, int]]:
    """The sort key, by (service number, score), that puts the right place's services first among equally good ones.

    With a place, the most local of those for people there; with none, for
    everyone (not one group), then for the most nations (England and Wales
    before Scotland), then the widest area.
    """
    index = directory.index
    places = directory.places
    around = {a.id for a in places.chain(place.id)} if place is not None else set()

    def key(number: int, score: float) -> tuple[float, int, int, int]:
        area = index.service_areas[number]
        depth = places.depth(area)
        if place is None:
            everyone = index.service_for_everyone[number]
            return (-score, -everyone, -len(places.nations_covered(area)), depth)
        return (-score, -depth if area in around else 1000 + depth, 0, 0)

    return key
