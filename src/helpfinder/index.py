"""The search index: built once per directory content, stored with it by the cache, read lazily.

Terms (see ``text``) point to the services and advice topics they appear in,
weighted by the field they are in. This module imports neither the cache nor
the search, so the cache can store an index and a search can read one
without either importing the other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, TypeVar

import msgspec

from .text import Phrase, analyse, has_digit, phrase, stem, terms

if TYPE_CHECKING:
    from .directory import Directory

_T = TypeVar("_T")


class EncodedMapping(Mapping[str, _T]):
    """A cached mapping whose values stay encoded until one is read, then are kept.

    A search over 10,000 services reads a handful of postings and shows ten
    services' numbers; decoding only those is what keeps it fast.
    """

    def __init__(self, encoded: dict[str, memoryview], kind: Any) -> None:
        self._encoded = encoded
        self._kind = kind
        self._decoded: dict[str, _T] = {}

    def __getitem__(self, key: str) -> _T:
        found = self._decoded.get(key)
        if found is None:
            found = self._decoded[key] = msgspec.msgpack.decode(self._encoded[key], type=self._kind)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._encoded)

    def __len__(self) -> int:
        return len(self._encoded)


# How much a word counts, by where it appears in an entry.
FIELD_WEIGHTS = {"name": 3.0, "keywords": 2.5, "needs": 2.0, "organisation": 1.5, "description": 1.0}
TOPIC_WEIGHTS = {"title": 3.0, "keywords": 2.5, "summary": 1.0, "advice": 0.6}


class Index(msgspec.Struct):
    """Everything a search needs, computed once per directory content and cached with it.

    ``services``/``topics``: term -> [(entry number, field weight)];
    ``*_phrases``: a multi-word keyword's terms joined by spaces -> entry numbers;
    ``spellings``: every word as written, for typo correction; ``known``: every
    stem a query can use; ``crisis``: phrases (with their synonyms) of the
    needs marked ``crisis``, with each phrase's need id.
    """

    services: dict[str, list[tuple[int, float]]]
    topics: dict[str, list[tuple[int, float]]]
    service_phrases: dict[str, list[int]]
    topic_phrases: dict[str, list[int]]
    service_count: int
    topic_count: int
    synonyms: list[list[Phrase]]
    crisis: list[tuple[str, Phrase]]
    spellings: list[str]
    known: set[str]
    # What ranking needs to know of each service without decoding it (a
    # cached directory decodes only the services a search shows).
    service_names: list[str] = []
    service_ids: list[str] = []
    service_needs: list[list[str]] = []
    service_areas: list[str] = []
    service_for_everyone: list[bool] = []  # its audience is everyone, of any age (or not stated), not one group
    name_counts: dict[str, int] = {}  # how many services' names use each term ("helpline": many; "ceop": one)


_POSTINGS = ("services", "topics")


def encode_index(index: Index) -> bytes:
    """The index for the cache, each field (and each term's postings) its own document."""
    encode = msgspec.msgpack.encode
    parts = {}
    for name in Index.__struct_fields__:
        value = getattr(index, name)
        if name in _POSTINGS:
            value = {term: encode(posting) for term, posting in value.items()}
        parts[name] = encode(value)
    return encode(parts)


@lru_cache(maxsize=1)
def _field_types() -> dict[str, object]:
    return {f.name: f.type for f in msgspec.structs.fields(Index)}


class CachedIndex:
    """An index read from the cache: each field is decoded the first time a search uses it.

    At 10,000 services decoding the whole index costs more than the search;
    a query needs the postings of a handful of terms and only some fields
    (typo correction, for one, only when a word is unknown).
    """

    def __init__(self, raw: bytes | memoryview) -> None:
        self._parts = msgspec.msgpack.decode(raw, type=dict[str, memoryview])
        missing = set(Index.__struct_fields__) - set(self._parts)
        if missing:
            raise msgspec.ValidationError(f"cached index lacks {sorted(missing)}")

    def __getattr__(self, name: str) -> object:
        kind = _field_types().get(name)
        if kind is None:
            raise AttributeError(name)
        raw = self._parts[name]
        if name in _POSTINGS:
            value: object = EncodedMapping(msgspec.msgpack.decode(raw, type=dict[str, memoryview]), list[tuple[int, float]])
        else:
            value = msgspec.msgpack.decode(raw, type=kind)
        setattr(self, name, value)  # later reads find the attribute and skip __getattr__
        return value

    __struct_fields__ = Index.__struct_fields__


def decode_index(raw: bytes | memoryview) -> Index:
    """A cached index (see ``CachedIndex``), used wherever an ``Index`` is."""
    return CachedIndex(raw)  # type: ignore[return-value]


def _postings(
    documents: Iterable[dict[str, list[str]]], weights: dict[str, float], whole: frozenset[str]
) -> dict[str, list[tuple[int, float]]]:
    """term -> [(entry number, weight of the best field it is in)], terms in order of first appearance."""
    postings: dict[str, list[tuple[int, float]]] = {}
    for number, fields in enumerate(documents):
        best: dict[str, float] = {}
        for name, texts in fields.items():
            weight = weights[name]
            skip_whole = name in whole
            for text in texts:
                _, _, found, whole_only = analyse(text)
                if skip_whole and whole_only:
                    continue
                for term in found:
                    if best.get(term, 0.0) < weight:
                        best[term] = weight
        for term, weight in best.items():
            posting = postings.get(term)
            if posting is None:
                postings[term] = [(number, weight)]
            else:
                posting.append((number, weight))
    return postings


@lru_cache(maxsize=131072)
def _phrase_key(text: str) -> str | None:
    """How a keyword phrase is looked up: its terms, or "=" and every stem if matched whole."""
    ws, _, found, whole = analyse(text)
    if whole:
        return "=" + " ".join(stem(w) for w in ws)
    key = " ".join(found)
    return key if " " in key else None


def _keyword_phrases(documents: Iterable[list[str]]) -> dict[str, list[int]]:
    """Multi-word keywords, so a query that says one in full counts as strong evidence."""
    out: dict[str, list[int]] = {}
    for number, texts in enumerate(documents):
        for text in texts:
            key = _phrase_key(text)
            if key is None:
                continue
            numbers = out.get(key)
            if numbers is None:
                out[key] = [number]
            elif numbers[-1] != number:  # entries come in order: only the last can be this one
                numbers.append(number)
    return out


def build_index(directory: Directory) -> Index:
    """Index every service and topic of a directory. Cached with the directory."""
    need_words = {n.id: [n.label, n.id.replace("-", " "), *n.keywords] for n in directory.needs}
    service_fields = [
        {
            "name": [s.name],
            "keywords": s.keywords,
            "needs": [text for n in s.needs for text in need_words.get(n, [n])],
            "organisation": [s.organisation],
            "description": [s.description],
        }
        for s in directory.services
    ]
    topic_fields = [
        {"title": [t.title], "keywords": t.keywords, "summary": [t.summary], "advice": [*t.steps, *t.avoid]}
        for t in directory.topics
    ]
    synonyms = [[p for p in map(phrase, group) if p.terms or p.whole] for group in directory.data.synonyms]
    synonyms = [group for group in synonyms if len(group) > 1]
    crisis: list[tuple[str, Phrase]] = []
    for need in directory.needs:
        if not need.crisis:
            continue
        own = [phrase(text) for text in [need.label, *need.keywords]]
        patterns = {tuple(p.pattern) for p in own}
        related = [p for group in synonyms if any(tuple(m.pattern) in patterns for m in group) for p in group]
        seen: set[tuple[str, ...]] = set()
        for p in [*own, *related]:
            if (p.terms or p.whole) and tuple(p.pattern) not in seen:
                seen.add(tuple(p.pattern))
                crisis.append((need.id, p))
    terms_seen: dict[str, None] = {}  # every term, in the order first met
    content_words: set[str] = set()
    texts = dict.fromkeys(t for f in [*service_fields, *topic_fields] for texts in f.values() for t in texts)
    texts.update(dict.fromkeys(p.text for group in synonyms for p in group))
    texts.update(dict.fromkeys(p.text for _, p in crisis))
    for text in texts:
        _, content, found, _ = analyse(text)
        terms_seen.update(dict.fromkeys(found))
        content_words.update(content)
    spellings = [w for w in content_words if not has_digit(w)]
    services = _postings(service_fields, FIELD_WEIGHTS, frozenset({"keywords", "needs"}))
    topics = _postings(topic_fields, TOPIC_WEIGHTS, frozenset({"keywords"}))
    return Index(
        services=services,
        topics=topics,
        service_phrases=_keyword_phrases([*f["keywords"], *f["needs"]] for f in service_fields),
        topic_phrases=_keyword_phrases([*f["keywords"], *f["title"]] for f in topic_fields),
        service_count=len(directory.services),
        topic_count=len(directory.topics),
        synonyms=synonyms,
        crisis=crisis,
        spellings=sorted(spellings),
        known=set(terms_seen),
        service_names=[s.name for s in directory.services],
        service_ids=[s.id for s in directory.services],
        service_needs=[list(s.needs) for s in directory.services],
        service_areas=[s.area for s in directory.services],
        service_for_everyone=[not s.audience or "everyone" in s.audience or {"adults", "children-young-people"} <= set(s.audience) for s in directory.services],
        name_counts=dict(Counter(term for s in directory.services for term in set(terms(s.name)))),
    )
