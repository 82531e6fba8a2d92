"""Lexical evidence: which services and advice topics a query names in so many words.

A query's misspelt words are corrected against the directory's own vocabulary
(RapidFuzz), the curated synonym groups are matched as phrases, and each idea
("concept") is scored against the index (field weight times idf, best synonym
per concept, so a long synonym group cannot outvote a precise word). A
keyword phrase said in full is strong evidence on its own.

This is the "names and keywords" half of ranking; ``needs`` supplies the
other half, for words the directory never uses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable

from .index import FIELD_WEIGHTS, TOPIC_WEIGHTS, Index
from .text import Phrase, has_digit, is_content, stem, words


STRONG_FIELD = 2.0
SYNONYM_WEIGHT = 0.8
FUZZY_CUTOFF = 86.0  # one wrong letter is a typo only in words of 8 letters or more ("heating" is not "hearing")
FUZZY_MIN_LENGTH = 5
PHRASE_WEIGHT = 2.5
TOPIC_BOOST = 0.5
MIN_SCORE = 2.0

# Everyday words that alone never say which service a person needs: a query
# whose only matches are these (or their synonyms) matches nothing.
GENERIC_WORDS = """report child children kid son daughter police officer online internet website app
    worried concerned scared support advice contact call phone number talk person people man woman
    adult family parent mum dad information service problem issue question find time day open
    local area safe happen right""".split()

GENERIC = frozenset(stem(w) for w in GENERIC_WORDS)


@dataclass
class Query:
    """A query taken apart: its words, their stems (typos corrected), and which words carry meaning."""

    words: list[str]
    stems: list[str]
    content: list[int]
    typos: dict[int, str]


def parse(text: str, index: Index) -> Query:
    """Words, stems and typo corrections (against the directory's own vocabulary) of a query."""
    ws = words(text)
    stems = [stem(w) for w in ws]
    content = [i for i, w in enumerate(ws) if is_content(w)]
    typos: dict[int, str] = {}
    for i in content:
        word = ws[i]
        if stems[i] in index.known or len(word) < FUZZY_MIN_LENGTH or has_digit(word):
            continue
        near = _fuzzy(word, index.spellings)
        if near is not None:
            stems[i], typos[i] = stem(near), near
    return Query(ws, stems, content, typos)


def _fuzzy(word: str, spellings: list[str]) -> str | None:
    from rapidfuzz import fuzz, process

    found = process.extractOne(word, spellings, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return found[0] if found else None


def _find(query: Query, p: Phrase) -> list[tuple[int, int]]:
    """Where a phrase occurs in a query, as (first, last) word positions."""
    n = len(p.pattern)
    if p.whole:
        seq, where = query.stems, list(range(len(query.stems)))
    else:
        seq, where = [query.stems[i] for i in query.content], query.content
    return [(where[i], where[i + n - 1]) for i in range(len(seq) - n + 1) if seq[i : i + n] == p.pattern]



@dataclass
class Concept:
    """One idea in the query: the words said, and the ways an entry can match it."""

    said: str
    generic: bool
    candidates: list[tuple[list[str], float, str]]  # (terms, weight, reason label)
    size: int = 1
    generic_synonyms: bool = False  # synonyms of an everyday word ("niece"→"child") are not evidence


def concepts(query: Query, index: Index) -> list[Concept]:
    """Group the query's words into ideas: synonym phrases first (longest), then single words."""
    used: set[int] = set()
    concepts: list[Concept] = []
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
        concepts.append(Concept(said, bool(member.terms) and set(member.terms) <= GENERIC, candidates, max(1, len(positions)), generic_group))
    for i in query.content:
        if i in used:
            continue
        said = _said(query, [i])
        concepts.append(Concept(said, query.stems[i] in GENERIC, [([query.stems[i]], 1.0, said)]))
    return concepts


def _said(query: Query, positions: Iterable[int]) -> str:
    """The query's own words for a span, with any typo shown as "groming~grooming"."""
    return " ".join(f"{query.words[i]}~{query.typos[i]}" if i in query.typos else query.words[i] for i in positions)


@dataclass
class Hit:
    """How one entry matched a query: its score, whether the evidence is strong, and why."""

    score: float = 0.0
    strong: bool = False
    specific: int = 0
    recommended: bool = False  # by advice that matched: shown whatever its own score
    advice_rank: int = 0  # its place in the best matching advice's list of services (1 = first)
    direct: bool = False  # a word the query itself says (not only a synonym of one) is in a strong field
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (what matched, how)


def score(
    concepts: list[Concept],
    postings: dict[str, list[tuple[int, float]]],
    count: int,
    field_names: dict[float, str],
) -> dict[int, Hit]:
    """Score every entry: for each concept, its best candidate's field weight times idf."""
    hits: dict[int, Hit] = {}
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
                hit = hits[number] = Hit()
            hit.score += value
            synonym = "→" in label
            if evidence and not (concept.generic_synonyms and synonym):
                hit.specific += 1
                if top_field >= STRONG_FIELD:
                    hit.strong = True
                    hit.direct = hit.direct or not synonym
            hit.reasons.append((label, "synonym" if synonym else field_names.get(top_field, "text")))
    return hits


def phrase_hits(query: Query, phrases: dict[str, list[int]], count: int, hits: dict[int, Hit]) -> None:
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
            hit = hits.setdefault(number, Hit())
            hit.score += PHRASE_WEIGHT * idf * (1 if prefix else n)
            hit.strong = True
            hit.specific = max(hit.specific, 1)
            hit.direct = True
            hit.reasons.append((_said(query, range(first, last + 1)), "phrase"))




def reasons(hit: Hit) -> list[str]:
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


def accepted(hit: Hit) -> bool:
    return hit.recommended or (hit.score >= MIN_SCORE and (hit.strong or hit.specific >= 2))


# How --explain names the field a word was found in.
SERVICE_FIELDS = {w: {"keywords": "keyword", "needs": "need"}.get(n, n) for n, w in FIELD_WEIGHTS.items()}
TOPIC_FIELDS = {w: {"keywords": "keyword"}.get(n, n) for n, w in TOPIC_WEIGHTS.items()}


@dataclass
class Evidence:
    """Everything the lexical half found for one query."""

    query: Query
    concepts: list[Concept]
    services: dict[int, Hit]
    topics: dict[int, Hit]


def evidence(text: str, index: Index) -> Evidence:
    """Score every service and advice topic by the words the query says."""
    query = parse(text, index)
    found = concepts(query, index)
    services = score(found, index.services, index.service_count, SERVICE_FIELDS)
    phrase_hits(query, index.service_phrases, index.service_count, services)
    topics = score(found, index.topics, index.topic_count, TOPIC_FIELDS)
    phrase_hits(query, index.topic_phrases, index.topic_count, topics)
    return Evidence(query, found, services, topics)
