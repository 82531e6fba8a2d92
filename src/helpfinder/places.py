"""Where a person is: from a nation, an area, a postcode or a town to an area of the directory.

The directory's areas form a tree (the UK, its nations, local areas inside
them) and each area lists the postcodes and towns inside it, with a source.
``Places.resolve`` turns what a person types (``wales``, ``YO1``,
``CF10 1AA``, ``Harrogate``) into the most local area that certainly
contains it. It never guesses: a postcode district that straddles a border,
or a town name found in two places, is reported as ambiguous, naming the
choices. ``Places.find_in_text`` spots a place named in a search ("I was
raped in Leeds").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Area, AreaKind, Service

# Broader kinds first: an area lies within an area of an earlier kind (a
# local area may also lie within another local area).
KIND_ORDER: tuple[AreaKind, ...] = ("uk", "nations", "nation", "local")
_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_FULL_POSTCODE = re.compile(rf"\A({_OUTWARD})([0-9][A-Z]{{2}})\Z")
_OUTWARD_ONLY = re.compile(rf"\A{_OUTWARD}\Z")
_POSTCODE_IN_TEXT = re.compile(r"\b([A-Za-z]{1,2}[0-9][A-Za-z0-9]?) ?([0-9][A-Za-z]{2})\b")
_WORD = re.compile(r"[\w'&.-]+")
# Words after which people name where they are, or where something happened.
_PLACE_WORDS = frozenset({"in", "near", "from", "around", "at", "outside"})
# A nation said as an adjective ("a scottish helpline") names it anywhere.
_NATION_ADJECTIVES = {"scottish": "scotland", "welsh": "wales"}
_LONGEST_NAME = 5  # words


class PlaceError(LookupError):
    """A place helpfinder cannot pin to one area; the message says what to type instead."""


@dataclass(frozen=True)
class Place:
    """Where someone is: the most local area that certainly contains it, and how it was found."""

    area: Area
    given: str
    how: str  # "", "the town Harrogate", "postcode district YO1"


@dataclass(frozen=True)
class Found:
    """A place named in a search's words: its area (or why none), and the words that named it."""

    words: str
    start: int
    end: int
    place: Place | None
    problem: str | None = None


def normal_name(text: str) -> str:
    """A place name folded for comparison: 'St. David's' and 'st davids' are the same."""
    text = text.casefold().replace("&", " and ").replace("'", "").replace("\u2019", "")
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"\bsaint\b", "st", text)


def kind_of(area: Area) -> AreaKind:
    """The area's kind as declared, or as its place in the tree implies."""
    if area.kind is not None:
        return area.kind
    return "uk" if area.within is None else "local"


def coverage_text(area: Area) -> str:
    """Who a service in this area is for, in words ("Only for people in North Yorkshire")."""
    return "UK-wide" if kind_of(area) == "uk" else f"Only for people in {area.name}"


def postcode_letters(code: str) -> str:
    return re.match(r"[A-Z]*", code).group()  # type: ignore[union-attr]


class Places:
    """The area tree of one directory, with its postcode and town indexes."""

    def __init__(self, areas: Sequence[Area]) -> None:
        self.areas = list(areas)
        self.by_id = {area.id: area for area in self.areas}
        self._names: dict[str, Area] = {}
        self._towns: dict[str, list[Area]] = {}
        self._elsewhere: dict[str, list[Area]] = {}
        for area in self.areas:
            for name in (area.id, area.name, *area.aliases):
                self._names.setdefault(normal_name(name), area)
            for town in area.towns:
                self._towns.setdefault(normal_name(town), []).append(area)
            for town in area.towns_elsewhere:
                self._elsewhere.setdefault(normal_name(town), []).append(area)

    # --- the tree ------------------------------------------------------------

    def chain(self, area_id: str) -> list[Area]:
        """The area and every area it lies within, innermost first (a loop stops the walk)."""
        chain: list[Area] = []
        current = self.by_id.get(area_id)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.by_id.get(current.within) if current.within else None
        return chain

    def depth(self, area_id: str) -> int:
        return len(self.chain(area_id)) - 1

    def covers(self, service: Service, area: Area) -> bool:
        """True if the service is for people in the area: its area is the area or one it lies within."""
        return self.contains(service.area, area)

    def contains(self, outer_id: str, area: Area) -> bool:
        """True if ``area`` is the area ``outer_id`` or lies within it."""
        return any(outer.id == outer_id for outer in self.chain(area.id))

    def nations(self) -> list[Area]:
        return [area for area in self.areas if kind_of(area) == "nation"]

    def nations_covered(self, area_id: str) -> list[Area]:
        """The nations whose people a service for ``area_id`` is for: all four for the UK, none for a town."""
        return [nation for nation in self.nations() if self.contains(area_id, nation)]

    # --- resolving ----------------------------------------------------------

    def resolve(self, text: str) -> Place:
        """The area for a nation, area id or name, town, postcode or outward code; ``PlaceError`` if none or several."""
        given = " ".join(text.split())
        key = normal_name(given)
        if not key:
            raise PlaceError(f"no place given. {self.accepted()}")
        if key in self._names:
            return Place(self._names[key], given, "")
        if key in self._towns or key in self._elsewhere:
            return self._town(given, key)
        compact = given.replace(" ", "").upper()
        full = _FULL_POSTCODE.match(compact)
        if full or _OUTWARD_ONLY.match(compact):
            district = full.group(1) if full else compact
            return self._postcode(given, district)
        raise PlaceError(f"helpfinder does not know the place '{given}'. {self.accepted()}")

    def accepted(self) -> str:
        """What ``--where`` takes, with examples from this directory."""
        nations = [a.id for a in self.nations()] or [a.id for a in self.areas[:4]]
        towns = [a.towns[0] for a in self.areas if a.towns][:2]
        examples = ", ".join([*nations, "YO1", "CF10 1AA", *towns])
        return f"Give a nation or area id (see: helpfinder areas), a postcode or its first part, or a town or city, e.g. {examples}."

    def _town(self, given: str, key: str) -> Place:
        inside = self._towns.get(key, [])
        elsewhere = self._elsewhere.get(key, [])
        town = next(t for a in [*inside, *elsewhere] for t in [*a.towns, *a.towns_elsewhere] if normal_name(t) == key)
        if elsewhere:
            where = " and ".join(dict.fromkeys(a.name for a in elsewhere))
            raise PlaceError(
                f"there is a {town} in {where} and another elsewhere in the UK. "
                f"Give your postcode, or the area itself (--where {elsewhere[0].id})."
            )
        deepest = self._deepest(inside)
        if deepest is None:
            names = " and one in ".join(dict.fromkeys(a.name for a in inside))
            ids = " or ".join(f"--where {a.id}" for a in inside)
            raise PlaceError(f"there is a {town} in {names}. Give your postcode, or say which: {ids}.")
        return Place(deepest, given, f"the town {town}")

    def _postcode(self, given: str, district: str) -> Place:
        letters = postcode_letters(district)
        definite = [a for a in self.areas if district in a.postcodes or letters in a.postcodes]
        border = [a for a in self.areas if district in a.border_postcodes or letters in a.border_postcodes]
        deepest = self._deepest(definite)
        if border or (definite and deepest is None):
            sides = [*border, *([] if deepest is None else [deepest])]
            parts = [f"in {a.name}" for a in sides]
            if deepest is not None and border and all(deepest in self.chain(b.id) for b in border):
                parts[-1] = f"elsewhere in {deepest.name}"
            choices = " or ".join(f"--where {a.id}" for a in sides)
            raise PlaceError(
                f"postcode district {district} straddles a border: it is partly "
                f"{' and partly '.join(dict.fromkeys(parts))}. Give your town, or say which: {choices}."
            )
        if deepest is None:
            raise PlaceError(f"no area in the directory lists the postcode district {district}. {self.accepted()}")
        return Place(deepest, given, f"postcode district {district}")

    def _deepest(self, areas: Iterable[Area]) -> Area | None:
        """The most local of areas that nest inside one another; None if they do not nest (or none)."""
        ordered = sorted(set(a.id for a in areas), key=self.depth, reverse=True)
        if not ordered:
            return None
        inner = self.chain(ordered[0])
        if all(self.by_id[a] in inner for a in ordered):
            return inner[0]
        return None

    # --- places in words ----------------------------------------------------

    def find_in_text(self, text: str) -> Found | None:
        """A place named in a search: a full postcode, a nation's name (or "scottish", "welsh")
        or an area's name of several words anywhere, or any place after 'in', 'near', 'from'...
        ('raped in Leeds'). The longest name wins."""
        postcode = _POSTCODE_IN_TEXT.search(text)
        if postcode:
            return self._found(text, postcode.start(), postcode.end())
        words = list(_WORD.finditer(text))
        for index, word in enumerate(words):
            after_place_word = index > 0 and words[index - 1].group().casefold() in _PLACE_WORDS
            for size in range(min(_LONGEST_NAME, len(words) - index), 0, -1):
                start, end = word.start(), words[index + size - 1].end()
                key = normal_name(text[start:end])
                # A nation's name, or an area's name of several words ("north yorkshire"), counts anywhere.
                nation = key in self._names and (kind_of(self._names[key]) in ("nation", "nations") or " " in key)
                known = key in self._names or key in self._towns or key in self._elsewhere
                outward = size == 1 and _OUTWARD_ONLY.match(key.upper()) is not None
                if nation or (after_place_word and (known or outward)):
                    return self._found(text, start, end)
                if key in _NATION_ADJECTIVES and _NATION_ADJECTIVES[key] in self._names:
                    return Found(text[start:end], start, end, Place(self._names[_NATION_ADJECTIVES[key]], text[start:end], ""))
        return None

    def _found(self, text: str, start: int, end: int) -> Found:
        words = text[start:end]
        try:
            return Found(words, start, end, self.resolve(words))
        except PlaceError as exc:
            return Found(words, start, end, None, str(exc))


def split_query(places: Places, query: str) -> tuple[Found | None, str]:
    """A place named in a search's words, and the words left once it is taken out (all of them if none)."""
    found = places.find_in_text(query)
    return found, (without(query, found) or query) if found is not None else query


def without(text: str, found: Found) -> str:
    """The search's words with the place (and a 'in'/'near' before it) taken out."""
    before = text[: found.start].rstrip()
    last = before.rsplit(maxsplit=1)
    if last and last[-1].casefold() in _PLACE_WORDS:
        before = before[: len(before) - len(last[-1])]
    return " ".join((before + " " + text[found.end :]).split())


# --- checking the tree (helpfinder check) -------------------------------------

Finding = tuple[str, tuple[str | int, ...], str, str]  # rule, path in the file, message, severity


def check_areas(indexed: Sequence[tuple[int, Area]]) -> list[Finding]:
    """Problems with the area tree: kinds out of order, and postcodes that overlap or fall outside the larger area."""
    places = Places([area for _, area in indexed])
    findings: list[Finding] = []
    claims: dict[str, list[tuple[int, int, Area]]] = {}
    for index, area in indexed:
        outer = places.by_id.get(area.within) if area.within else None
        if outer is not None and not _may_lie_within(kind_of(area), kind_of(outer)):
            findings.append(("area-hierarchy", ("areas", index, "within"), f"a {kind_of(area)} area cannot lie within the {kind_of(outer)} area '{outer.id}'", "error"))
        if area.within and places.chain(area.id)[-1].within in places.by_id:
            findings.append(("area-hierarchy", ("areas", index, "within"), f"'{area.id}' lies within itself through 'within'", "error"))
        for position, code in enumerate(area.postcodes):
            claims.setdefault(code, []).append((index, position, area))
        findings += _outside_parent(places, index, area)
    for code, claimants in claims.items():
        for (index, position, area), (_, _, other) in zip(claimants[1:], claimants):
            if other not in places.chain(area.id) and area not in places.chain(other.id):
                findings.append(("postcode-overlap", ("areas", index, "postcodes", position), f"{code} is also listed under '{other.id}', which does not contain this area or lie within it", "error"))
    return findings


def _may_lie_within(inner: AreaKind, outer: AreaKind) -> bool:
    return inner == "local" or KIND_ORDER.index(outer) < KIND_ORDER.index(inner)


def _outside_parent(places: Places, index: int, area: Area) -> list[Finding]:
    """Postcodes of an area that the nearest larger area listing postcodes does not cover (a gap in the tree)."""
    outer = next((a for a in places.chain(area.id)[1:] if a.postcodes or a.border_postcodes), None)
    if outer is None:
        return []
    covered = {*outer.postcodes, *outer.border_postcodes}
    findings: list[Finding] = []
    for field in ("postcodes", "border_postcodes"):
        for position, code in enumerate(getattr(area, field)):
            if code not in covered and postcode_letters(code) not in covered:
                findings.append(("postcode-gap", ("areas", index, field, position), f"{code} is not among the postcodes of '{outer.id}', which this area lies within", "error"))
    return findings


def coverage_gaps(areas: Sequence[Area], need_ids: Iterable[str], services: Iterable[Service]) -> list[tuple[str, Area]]:
    """(need, nation) pairs for which no service is for everyone in that nation: the nation's own, or a broader one."""
    places = Places(areas)
    chosen = list(services)
    return [
        (need_id, nation)
        for need_id in need_ids
        for nation in places.nations()
        if not any(need_id in s.needs and places.covers(s, nation) for s in chosen)
    ]
