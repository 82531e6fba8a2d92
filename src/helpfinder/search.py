"""Finding the right service from the words a person actually types.

People type sentences, not keywords, and often not the words professionals
use. A query is normalised (case, British/American spelling), stripped of
stop words, stemmed (Snowball), expanded with the curated synonym groups of
the directory file, and matched with typo tolerance (RapidFuzz) against a
weighted inverted index of every service and advice topic. The index is
built once per directory content and cached with it, so a search over
10,000 services reads a ready index instead of re-stemming every entry.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

import msgspec

if TYPE_CHECKING:
    from .directory import Directory
    from .model import Service, Topic

# How much a word counts, by where it appears in an entry.
FIELD_WEIGHTS = {"name": 3.0, "keywords": 2.5, "needs": 2.0, "organisation": 1.5, "description": 1.0}
TOPIC_WEIGHTS = {"title": 3.0, "keywords": 2.5, "summary": 1.0, "steps": 0.6, "avoid": 0.6}
SYNONYM_WEIGHT = 0.8
FUZZY_WEIGHT = 0.75
FUZZY_CUTOFF = 84.0
MIN_SCORE = 2.0

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
    during each few for from further get got had hadn't has hasn't have haven't having he he'd he'll he's
    her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's
    its itself just let's like me more most much my myself no nor not now of off on once only or other
    ought our ours ourselves out over own please really same shan't she she'd she'll she's should shouldn't
    so some such than that that's the their theirs them themselves then there there's these they they'd
    they'll they're they've this those through to too under until up us very was wasn't we we'd we'll
    we're we've were weren't what what's when when's where where's which while who who's whom why why's
    will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
    anyone someone somebody something anything thing things think know want need needs needed tell
    told say said help go going went way ways one also could maybe even still ok okay""".split()
)

# British spelling is the directory's; these rules fold American (and a few
# common variant) spellings onto it before stemming, on both sides.
_SPELLING = [
    (re.compile(r"^pedo"), "paedo"),
    (re.compile(r"^ped(?=iatric)"), "paed"),
    (re.compile(r"iz(e|ed|es|ing|ation|ations)$"), r"is\1"),
    (re.compile(r"yz(e|ed|es|ing)$"), r"ys\1"),
    (re.compile(r"(behavi|col|hon|neighb|fav|lab|rum|harb)or(s|al|ed|ing|ite|hood)?$"), r"\1our\2"),
    (re.compile(r"(cent|met|theat)er(s)?$"), r"\1re\2"),
    (re.compile(r"(offen|defen|licen)se(s)?$"), r"\1ce\2"),
    (re.compile(r"^program(s)?$"), r"programme\1"),
]
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased words with British spelling, apostrophes kept inside words."""
    out = []
    for match in _WORD.finditer(text.casefold().replace("’", "'")):
        word = match.group()
        for pattern, replacement in _SPELLING:
            word = pattern.sub(replacement, word)
        out.append(word)
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.replace("'", ""))


def terms(text: str) -> list[str]:
    """The searchable terms of a text: words, less stop words, stemmed."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and len(w) > 1]


class Index(msgspec.Struct):
    """A weighted inverted index: term -> [(entry number, weight)], for services and topics."""

    services: dict[str, list[tuple[int, float]]]
    topics: dict[str, list[tuple[int, float]]]
    service_count: int
    topic_count: int
    synonyms: list[list[list[str]]]
    crisis_terms: list[list[str]]


def _postings(documents: Iterable[dict[str, list[str]]], weights: dict[str, float]) -> dict[str, list[tuple[int, float]]]:
    postings: dict[str, list[tuple[int, float]]] = {}
    for number, fields in enumerate(documents):
        best: dict[str, float] = {}
        for name, texts in fields.items():
            weight = weights[name]
            for text in texts:
                for term in terms(text):
                    if best.get(term, 0.0) < weight:
                        best[term] = weight
        for term, weight in best.items():
            postings.setdefault(term, []).append((number, weight))
    return postings


def build_index(directory: Directory) -> Index:
    """Index every service and topic of a directory. Cached with the directory."""
    labels = {n.id: f"{n.label} {n.id.replace('-', ' ')}" for n in directory.needs}
    services = _postings(
        (
            {
                "name": [s.name],
                "keywords": s.keywords,
                "needs": [labels.get(n, n) for n in s.needs],
                "organisation": [s.organisation],
                "description": [s.description],
            }
            for s in directory.services
        ),
        FIELD_WEIGHTS,
    )
    topics = _postings(
        (
            {"title": [t.title], "keywords": t.keywords, "summary": [t.summary], "steps": t.steps, "avoid": t.avoid}
            for t in directory.topics
        ),
        TOPIC_WEIGHTS,
    )
    synonyms = [[terms(member) for member in group] for group in directory.data.synonyms]
    crisis_terms = [
        terms(phrase)
        for need in directory.needs
        if need.crisis
        for phrase in [need.label, *need.keywords]
    ]
    return Index(
        services,
        topics,
        len(directory.services),
        len(directory.topics),
        [[m for m in group if m] for group in synonyms],
        [t for t in crisis_terms if t],
    )


@dataclass
class Match:
    """A service or topic that matched, how well, and why."""

    entry: Service | Topic
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class Results:
    """What a search found. ``crisis`` means the query is about danger, suicide or self-harm."""

    query: str
    services: list[Match]
    topics: list[Match]
    crisis: bool = False

    def __bool__(self) -> bool:
        return bool(self.services or self.topics)


def _contains(sequence: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(sequence[i : i + n] == phrase for i in range(len(sequence) - n + 1))


def expand(query_terms: list[str], index: Index) -> dict[str, tuple[float, str]]:
    """Query terms with their weights and the reason each is searched for."""
    wanted: dict[str, tuple[float, str]] = {t: (1.0, t) for t in query_terms}
    for group in index.synonyms:
        hit = next((member for member in group if _contains(query_terms, member)), None)
        if hit is None:
            continue
        for member in group:
            if member is hit:
                continue
            share = SYNONYM_WEIGHT / len(member)
            for term in member:
                if term not in wanted or wanted[term][0] < share:
                    wanted[term] = (share, f"{' '.join(hit)}→{' '.join(member)}")
    return wanted


def _fuzzy(term: str, vocabulary: list[str]) -> str | None:
    if len(term) < 4:
        return None
    from rapidfuzz import fuzz, process

    found = process.extractOne(term, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return found[0] if found else None


def _score(
    wanted: dict[str, tuple[float, str]], postings: dict[str, list[tuple[int, float]]], count: int
) -> dict[int, tuple[float, list[str]]]:
    scores: dict[int, tuple[float, list[str]]] = {}
    vocabulary: list[str] | None = None
    for term, (weight, reason) in wanted.items():
        hits = postings.get(term)
        label = reason
        if hits is None:
            if vocabulary is None:
                vocabulary = list(postings)
            near = _fuzzy(term, vocabulary)
            if near is None:
                continue
            hits, weight, label = postings[near], weight * FUZZY_WEIGHT, f"{reason}~{near}"
        idf = math.log(1.0 + count / len(hits))
        for number, field_weight in hits:
            total, reasons = scores.get(number, (0.0, []))
            scores[number] = (total + weight * field_weight * idf, [*reasons, label])
    return scores


def search(directory: Directory, query: str, *, limit: int | None = 10) -> Results:
    """Rank the directory's services and topics for a free-text query."""
    index = directory.index
    query_terms = terms(query)
    wanted = expand(query_terms, index)
    crisis = any(_contains(query_terms, phrase) for phrase in index.crisis_terms)
    service_scores = _score(wanted, index.services, index.service_count)
    topic_scores = _score(wanted, index.topics, index.topic_count)
    services = [
        Match(directory.services[n], score, reasons)
        for n, (score, reasons) in service_scores.items()
        if score >= MIN_SCORE
    ]
    services.sort(key=lambda m: (-m.score, m.entry.name))
    if crisis:
        crisis_needs = [n.id for n in directory.needs if n.crisis or n.id == "emergency"]
        first = []
        for need_id in crisis_needs:
            for service in directory.services_for(need_id):
                if all(m.entry is not service for m in first):
                    first.append(Match(service, math.inf, ["about danger, suicide or self-harm"]))
        services = first + [m for m in services if all(f.entry is not m.entry for f in first)]
    topics = [
        Match(directory.topics[n], score, reasons) for n, (score, reasons) in topic_scores.items() if score >= MIN_SCORE
    ]
    topics.sort(key=lambda m: (-m.score, m.entry.title))
    if limit is not None:
        services = services[:limit]
    return Results(query, services, topics, crisis)
