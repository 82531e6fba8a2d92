"""Finding the right service from the words a person actually types.

People type sentences, not keywords, and often not the words professionals
use. A query is normalised (case, British/American spelling, "non emergency"
as one word), its misspelt words are corrected against the directory's own
vocabulary (RapidFuzz), the curated synonym groups of the directory file are
matched as phrases, and each remaining idea ("concept") is scored against a
weighted inverted index of every service and advice topic (field weight times
idf, best synonym per concept, so a long synonym group cannot outvote a
precise word).

Precision matters as much as recall: an entry is kept only with real
evidence: a specific word found in its name, keywords or needs; one of its
keyword phrases said in full; or two specific words anywhere. Everyday words
("report", "child", "police", "help") never make a match on their own, so
"my neighbour is noisy, who do I report it to?" finds nothing.

The index is built once per directory content and cached with it, so a
search over 10,000 services reads a ready index instead of re-stemming every
entry.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Callable
from typing import TYPE_CHECKING, Iterable, NamedTuple

import msgspec

if TYPE_CHECKING:
    from .directory import Directory
    from .model import Service, Topic

# How much a word counts, by where it appears in an entry. Fields at or above
# STRONG_FIELD say what an entry is for; the others only describe it.
FIELD_WEIGHTS = {"name": 3.0, "keywords": 2.5, "needs": 2.0, "organisation": 1.5, "description": 1.0}
TOPIC_WEIGHTS = {"title": 3.0, "keywords": 2.5, "summary": 1.0, "advice": 0.6}
STRONG_FIELD = 2.0
SYNONYM_WEIGHT = 0.8
FUZZY_CUTOFF = 85.0
FUZZY_MIN_LENGTH = 5
PHRASE_WEIGHT = 2.5
TOPIC_BOOST = 0.5
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
    told say said help go going went way ways one also could maybe even still ok okay im ive dont cant
    wont didnt doesnt isnt idk pls plz use used using""".split()
)

# Everyday words that alone never say which service a person needs: a query
# whose only matches are these (or their synonyms) matches nothing.
GENERIC_WORDS = """report child children kid son daughter police officer online internet website app
    worried concerned scared support advice contact call phone number talk person people man woman
    adult family parent mum dad information service problem issue question find time day open
    local area safe happen right""".split()

# Words that cancel a crisis phrase right after them ("it's not an emergency").
NEGATIONS = frozenset({"not", "no", "never", "isn't", "isnt", "wasn't", "wasnt", "aren't", "arent"})
_FILLERS = frozenset({"a", "an", "the", "really", "actually"})

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
# Plurals the stemmer leaves alone ("children" would never meet "child").
_IRREGULAR = {"children": "child", "grandchildren": "grandchild", "people": "person", "men": "man", "women": "woman"}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NON = re.compile(r"\bnon[\s-]+(?=[^\W\d_])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased words with British spelling, apostrophes kept inside words.

    "non-emergency" and "non emergency" become one word, so "emergency" inside
    it neither matches 999 nor raises the crisis alarm.
    """
    return list(_text(text).words)


class _Text(NamedTuple):
    """One text taken apart: its words, which of them carry meaning, and their terms."""

    words: tuple[str, ...]
    content: tuple[str, ...]  # the words that are not stop words, in order
    terms: tuple[str, ...]  # the stem of each content word
    whole: bool  # meaning needs the little words: see _whole_only


@lru_cache(maxsize=131072)
def _text(text: str) -> _Text:
    # Cached: a directory repeats the same keywords and need labels thousands of times.
    folded = text.casefold().replace("’", "'")
    if "non" in folded:
        folded = _NON.sub("non", folded)
    found = [_word(raw) for raw in _WORD.findall(folded)]
    ws = tuple(w for w, _ in found)
    content = tuple(w for w, term in found if term is not None)
    return _Text(ws, content, tuple(term for _, term in found if term is not None), len(ws) > 1 and len(content) <= 1)


@lru_cache(maxsize=131072)
def _word(raw: str) -> tuple[str, str | None]:
    """A word as found (case-folded) -> (its British spelling, its term, or None for a stop word).

    Each distinct word goes through the spelling rules, the stop words and
    the stemmer once, however many texts it appears in.
    """
    word = _spell(raw)
    return word, (stem(word) if _content(word) else None)


def _spell(word: str) -> str:
    """One word in the directory's British spelling, irregular plurals made singular."""
    if word.isdigit():
        return word  # every rule needs letters; service names hold thousands of distinct numbers
    word = _IRREGULAR.get(word, word)
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of one word (apostrophes dropped: "child's" is "child")."""
    if word.isascii() and word.isdigit():
        return word  # no English suffix rule touches digits; service names hold thousands of distinct numbers
    return _stemmer().stemWord(word.replace("'", ""))


def _content(word: str) -> bool:
    return word not in STOP_WORDS and len(word) > 1


def terms(text: str) -> list[str]:
    """The searchable terms of a text: words, less stop words, stemmed."""
    return list(_text(text).terms)


GENERIC = frozenset(stem(w) for w in GENERIC_WORDS)


class Phrase(msgspec.Struct, array_like=True):
    """A word or phrase as the file writes it, ready to be found in a query.

    Found by its terms in order, ignoring little words ("asking for nudes"
    finds "asking me for nudes"), unless its meaning needs the little words
    ("kill myself", "who to tell"): then every word must be there.
    """

    text: str
    pattern: list[str]  # the stems to find, in order, without gaps
    terms: list[str]  # the searchable terms (stop words dropped)
    whole: bool  # pattern holds every word's stem (matched against all words), else only terms


def phrase(text: str) -> Phrase:
    ws, _, found, whole = _text(text)
    content = list(found)
    if whole:
        return Phrase(text, [stem(w) for w in ws], content, True)
    return Phrase(text, content, content, False)


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
    surface: dict[str, str]
    # What ranking needs to know of each service without decoding it (a
    # cached directory decodes only the services a search shows).
    service_names: list[str] = []
    service_ids: list[str] = []
    service_needs: list[list[str]] = []


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
            from .cache import EncodedMapping

            value: object = EncodedMapping(msgspec.msgpack.decode(raw, type=dict[str, memoryview]), list[tuple[int, float]])
        else:
            value = msgspec.msgpack.decode(raw, type=kind)
        setattr(self, name, value)  # later reads find the attribute and skip __getattr__
        return value

    __struct_fields__ = Index.__struct_fields__


def decode_index(raw: bytes | memoryview) -> Index:
    """A cached index (see ``CachedIndex``), used wherever an ``Index`` is."""
    return CachedIndex(raw)  # type: ignore[return-value]


def _whole_only(text: str) -> bool:
    """A keyword whose meaning needs its little words ("right now", "kill myself") is matched whole.

    Indexed word by word it would shrink to one everyday word, so "what are
    my rights?" would match the emergency line through "right now".
    """
    return _text(text).whole


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
                _, _, found, whole_only = _text(text)
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
    ws, _, found, whole = _text(text)
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
    surface: dict[str, str] = {}
    content_words: set[str] = set()
    texts = dict.fromkeys(t for f in [*service_fields, *topic_fields] for texts in f.values() for t in texts)
    texts.update(dict.fromkeys(p.text for group in synonyms for p in group))
    texts.update(dict.fromkeys(p.text for _, p in crisis))
    for text in texts:
        _, content, found, _ = _text(text)
        for w, term in zip(content, found):
            surface.setdefault(term, w)
        content_words.update(content)
    spellings = [w for w in content_words if not _has_digit(w)]
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
        known=set(surface),
        surface=surface,
        service_names=[s.name for s in directory.services],
        service_ids=[s.id for s in directory.services],
        service_needs=[list(s.needs) for s in directory.services],
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


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


@dataclass
class _Query:
    """A query taken apart: its words, their stems (typos corrected), and which words carry meaning."""

    words: list[str]
    stems: list[str]
    content: list[int]
    typos: dict[int, str]


def _parse(text: str, index: Index) -> _Query:
    ws = words(text)
    stems = [stem(w) for w in ws]
    content = [i for i, w in enumerate(ws) if _content(w)]
    typos: dict[int, str] = {}
    for i in content:
        word = ws[i]
        if stems[i] in index.known or len(word) < FUZZY_MIN_LENGTH or _has_digit(word):
            continue
        near = _fuzzy(word, index.spellings)
        if near is not None:
            stems[i], typos[i] = stem(near), near
    return _Query(ws, stems, content, typos)


def _fuzzy(word: str, spellings: list[str]) -> str | None:
    from rapidfuzz import fuzz, process

    found = process.extractOne(word, spellings, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return found[0] if found else None


def _find(query: _Query, p: Phrase) -> list[tuple[int, int]]:
    """Where a phrase occurs in a query, as (first, last) word positions."""
    n = len(p.pattern)
    if p.whole:
        seq, where = query.stems, list(range(len(query.stems)))
    else:
        seq, where = [query.stems[i] for i in query.content], query.content
    return [(where[i], where[i + n - 1]) for i in range(len(seq) - n + 1) if seq[i : i + n] == p.pattern]


def _negated(query: _Query, start: int) -> bool:
    """Is the phrase at ``start`` negated ("not an emergency", "no immediate danger")?"""
    i = start - 1
    while i >= 0 and query.words[i] in _FILLERS:
        i -= 1
    return i >= 0 and query.words[i] in NEGATIONS


def crisis_needs(query: _Query, index: Index) -> list[str]:
    """The crisis needs (danger, suicide, self-harm) a query speaks of, in the order found."""
    found: list[str] = []
    for need_id, p in index.crisis:
        if need_id not in found and any(not _negated(query, first) for first, _ in _find(query, p)):
            found.append(need_id)
    return found


@dataclass
class _Concept:
    """One idea in the query: the words said, and the ways an entry can match it."""

    said: str
    generic: bool
    candidates: list[tuple[list[str], float, str]]  # (terms, weight, reason label)
    size: int = 1
    generic_synonyms: bool = False  # synonyms of an everyday word ("niece"→"child") are not evidence


def _concepts(query: _Query, index: Index) -> list[_Concept]:
    """Group the query's words into ideas: synonym phrases first (longest), then single words."""
    used: set[int] = set()
    concepts: list[_Concept] = []
    spans: list[tuple[int, int, list[Phrase], Phrase]] = []
    for group in index.synonyms:
        for member in group:
            for first, last in _find(query, member):
                spans.append((first, last, group, member))
    spans.sort(key=lambda s: (s[0] - s[1], s[0]))
    for first, last, group, member in spans:
        span = range(first, last + 1)
        if any(i in used for i in span):
            continue
        used.update(span)
        positions = [i for i in query.content if first <= i <= last]
        said = _said(query, range(first, last + 1))
        generic_group = any(len(m.terms) == 1 and not m.whole and m.terms[0] in GENERIC for m in group)
        # A phrase that needs its little words ("kill myself") is found in the
        # query, but its one remaining word ("kill") says nothing on its own.
        candidates = [] if member.whole else [(member.terms, 1.0, said)]
        candidates += [(m.terms, SYNONYM_WEIGHT, f"{said}→{m.text}") for m in group if m is not member and not m.whole]
        concepts.append(_Concept(said, bool(member.terms) and set(member.terms) <= GENERIC, candidates, max(1, len(positions)), generic_group))
    for i in query.content:
        if i in used:
            continue
        said = _said(query, [i])
        concepts.append(_Concept(said, query.stems[i] in GENERIC, [([query.stems[i]], 1.0, said)]))
    return concepts


def _said(query: _Query, positions: Iterable[int]) -> str:
    """The query's own words for a span, with any typo shown as "groming~grooming"."""
    return " ".join(f"{query.words[i]}~{query.typos[i]}" if i in query.typos else query.words[i] for i in positions)


@dataclass
class _Hit:
    score: float = 0.0
    strong: bool = False
    specific: int = 0
    recommended: bool = False  # by advice that matched: shown whatever its own score
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (what matched, how)


def _score(
    concepts: list[_Concept],
    postings: dict[str, list[tuple[int, float]]],
    count: int,
    field_names: dict[float, str],
) -> dict[int, _Hit]:
    """Score every entry: for each concept, its best candidate's field weight times idf."""
    hits: dict[int, _Hit] = {}
    for concept in concepts:
        best: dict[int, float] = {}
        why: dict[int, tuple[float, str]] = {}
        seen: set[tuple[str, ...]] = set()
        for candidate_terms, weight, label in concept.candidates:
            key = tuple(candidate_terms)
            if not key or key in seen:
                continue
            seen.add(key)
            scale = weight * concept.size / len(key)
            if len(key) == 1:  # the common case, kept tight: large directories have long postings
                posting = postings.get(key[0])
                if not posting:
                    continue
                factor = scale * math.log(1.0 + count / len(posting))
                for number, field_weight in posting:
                    value = field_weight * factor
                    if value > best.get(number, 0.0):
                        best[number] = value
                        why[number] = (field_weight, label)
                continue
            sums: dict[int, list[float]] = {}
            for term in key:
                posting = postings.get(term)
                if not posting:
                    sums = {}
                    break  # every word of a synonym phrase must be there: "child porn" is not "child"
                idf = math.log(1.0 + count / len(posting))
                for number, field_weight in posting:
                    acc = sums.setdefault(number, [0.0, 0.0, 0.0])
                    acc[0] += field_weight * idf
                    acc[1] = max(acc[1], field_weight)
                    acc[2] += 1
            for number, (total, top_field, found) in sums.items():
                value = total * scale
                if found == len(key) and value > best.get(number, 0.0):
                    best[number] = value
                    why[number] = (top_field, label)
        evidence = not concept.generic
        for number, value in best.items():
            top_field, label = why[number]
            hit = hits.get(number)
            if hit is None:
                hit = hits[number] = _Hit()
            hit.score += value
            synonym = "→" in label
            if evidence and not (concept.generic_synonyms and synonym):
                hit.specific += 1
                if top_field >= STRONG_FIELD:
                    hit.strong = True
            hit.reasons.append((label, "synonym" if synonym else field_names.get(top_field, "text")))
    return hits


def _phrase_hits(query: _Query, phrases: dict[str, list[int]], count: int, hits: dict[int, _Hit]) -> None:
    """A keyword phrase said in full ("worried about a child", "kill myself") is strong evidence on its own."""
    content = [query.stems[i] for i in query.content]
    everything = list(range(len(query.stems)))
    keys = [
        (" ".join(seq[start : start + n]), prefix, n, where[start], where[start + n - 1])
        for seq, where, prefix in ((content, query.content, ""), (query.stems, everything, "="))
        for n in range(2, 6)
        for start in range(len(seq) - n + 1)
    ]
    seen: set[tuple[int, str]] = set()
    for key, prefix, n, first, last in keys:
        found = phrases.get(prefix + key, [])
        idf = math.log(1.0 + count / len(found)) if found else 0.0
        for number in found:
            if (number, key) in seen:
                continue
            seen.add((number, key))
            hit = hits.setdefault(number, _Hit())
            hit.score += PHRASE_WEIGHT * idf * (1 if prefix else n)
            hit.strong = True
            hit.specific = max(hit.specific, 1)
            hit.reasons.append((_said(query, range(first, last + 1)), "phrase"))


# How --explain names the field a word was found in.
_SERVICE_FIELDS = {w: {"keywords": "keyword", "needs": "need"}.get(n, n) for n, w in FIELD_WEIGHTS.items()}
_TOPIC_FIELDS = {w: {"keywords": "keyword"}.get(n, n) for n, w in TOPIC_WEIGHTS.items()}


def _reasons(hit: _Hit) -> list[str]:
    """Readable reasons: "grooming (keyword)", "nonce→paedophile (synonym)", "groming~grooming (typo)"."""
    out = []
    for label, how in hit.reasons:
        if how == "recommended":
            out.append(f"recommended by the {label}")
        elif "~" in label and "→" not in label:
            out.append(f"{label} (typo, {how})")
        else:
            out.append(f"{label} ({how})")
    return list(dict.fromkeys(out))


def _accepted(hit: _Hit) -> bool:
    return hit.recommended or (hit.score >= MIN_SCORE and (hit.strong or hit.specific >= 2))


def search(
    directory: Directory,
    query: str,
    *,
    limit: int | None = 10,
    keep: Callable[[Service], bool] | None = None,
) -> Results:
    """Rank the directory's services and topics for a free-text query.

    ``keep`` (e.g. ``directory.matcher(area=...)``) drops services before
    ``limit`` is applied. Only the services returned are decoded from a cache.
    """
    index = directory.index
    parsed = _parse(query, index)
    concepts = _concepts(parsed, index)
    topic_hits = _score(concepts, index.topics, index.topic_count, _TOPIC_FIELDS)
    _phrase_hits(parsed, index.topic_phrases, index.topic_count, topic_hits)
    topics = [
        Match(directory.topics[n], hit.score, _reasons(hit)) for n, hit in topic_hits.items() if _accepted(hit)
    ]
    topics.sort(key=lambda m: (-m.score, m.entry.title))

    service_hits = _score(concepts, index.services, index.service_count, _SERVICE_FIELDS)
    _phrase_hits(parsed, index.service_phrases, index.service_count, service_hits)
    needs = crisis_needs(parsed, index)
    crisis_ids = {n.id for n in directory.needs if n.crisis}
    _boost_from_topics(index, topics, service_hits, crisis_ids if not needs else set())

    ranked: list[_Ranked] = [(n, hit.score, []) for n, hit in service_hits.items() if _accepted(hit)]
    ranked.sort(key=lambda item: (-item[1], index.service_names[item[0]]))
    if needs:
        ranked = _crisis_first(directory, ranked, needs, crisis_ids)
    services: list[Match] = []
    for number, score, first in ranked:
        if limit is not None and len(services) >= limit:
            break
        service = directory.services[number]
        if keep is None or keep(service):
            hit = service_hits.get(number)
            services.append(Match(service, score, list(dict.fromkeys([*first, *(_reasons(hit) if hit else [])]))))
    return Results(query, services, topics, bool(needs))


def _boost_from_topics(index: Index, topics: list[Match], hits: dict[int, _Hit], skip_needs: set[str]) -> None:
    """Advice that matches brings the services it recommends, best first.

    Services that only serve crisis needs are left out unless the query is
    about a crisis: every view already ends with 999, and "should I confront
    him?" should lead to 101 and CEOP, not to the emergency line.
    """
    position = {service_id: n for n, service_id in enumerate(index.service_ids)}
    for match in topics:
        topic: Topic = match.entry  # type: ignore[assignment]
        rank = 0
        for service_id in topic.services:
            number = position.get(service_id)
            if number is None or set(index.service_needs[number]) <= skip_needs:
                continue
            rank += 1
            hit = hits.setdefault(number, _Hit())
            hit.score += match.score * TOPIC_BOOST / (1 + (rank - 1) / 2)
            hit.recommended = True
            hit.reasons.append((f"advice '{topic.id}'", "recommended"))


_Ranked = tuple[int, float, list[str]]


def _crisis_first(directory: Directory, ranked: list[_Ranked], needs: list[str], crisis_ids: set[str]) -> list[_Ranked]:
    """The emergency line and Samaritans before anything else.

    The services dedicated to crisis needs (all their needs are crisis needs)
    come first: the one for the need the query spoke of leads.
    """
    index = directory.index
    labels = {n.id: n.label for n in directory.needs}
    scored = {number: (score, reasons) for number, score, reasons in ranked}
    first: list[tuple[int, int, float, list[str]]] = []
    for number, service_needs in enumerate(index.service_needs):
        if service_needs and set(service_needs) <= crisis_ids:
            score, reasons = scored.get(number, (0.0, []))
            spoken = [n for n in needs if n in service_needs]
            reason = f"{labels[spoken[0]]} (crisis)" if spoken else "emergency routes first (crisis)"
            order = min((needs.index(n) for n in service_needs if n in needs), default=len(needs))
            first.append((order, number, score, [reason, *reasons]))
    first.sort(key=lambda item: (item[0], -item[2]))
    chosen = {number for _, number, _, _ in first}
    return [(number, math.inf, reasons) for _, number, _, reasons in first] + [
        item for item in ranked if item[0] not in chosen
    ]


