"""Need classification: which of the directory's needs is a query about?

People rarely use the directory's words, but what they describe is like one
of the situations each need declares (``examples`` in the YAML, written in the
words of the people who have them), or like its label, description and
keywords. Each of those is a short document; a query is scored against every
document with BM25 (over the same terms as the index, with the query's typos
corrected and its synonym groups expanded), and a need scores as its best
document plus a little of its second best, so one lucky word does not decide.

The scores say how sure the classification is (``strength``: the best need's
raw score) and how the needs compare (``share``: each need's score over the
best one's). Ranking turns these into services; see ``search``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from . import everyday
from .text import terms

if TYPE_CHECKING:
    from .directory import Directory
    from .lexical import Concept

K1 = 1.2
B = 0.5
SECOND_BEST = 0.3  # how much a need's second-best document adds to its best
SYNONYM_WEIGHT = 0.5  # a synonym of a query word counts this much of the word itself
# Everyday words ("child", "son", "report", "police") say who or where more than what the need is.
EVERYDAY_WEIGHT = 0.4


@dataclass(frozen=True)
class _Corpus:
    """The need documents as term counts, with what BM25 needs to know of them."""

    docs: tuple[tuple[str, dict[str, int], int], ...]  # (need id, term counts, length)
    idf: dict[str, float]
    average: float


@lru_cache(maxsize=8)
def _corpus(needs: tuple[tuple[str, tuple[str, ...]], ...]) -> _Corpus:
    docs = []
    for need_id, texts in needs:
        for text in texts:
            found = terms(text)
            if found:
                counts: dict[str, int] = {}
                for term in found:
                    counts[term] = counts.get(term, 0) + 1
                docs.append((need_id, counts, len(found)))
    frequency: dict[str, int] = {}
    for _, counts, _ in docs:
        for term in counts:
            frequency[term] = frequency.get(term, 0) + 1
    n = len(docs)
    idf = {term: math.log(1 + (n - f + 0.5) / (f + 0.5)) for term, f in frequency.items()}
    average = sum(length for _, _, length in docs) / n if n else 1.0
    return _Corpus(tuple(docs), idf, average)


def documents(directory: Directory) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each need's documents: its label, its description, its keywords together, and each example."""
    return tuple(
        (n.id, (n.label, n.description, " ".join(n.keywords), *n.examples)) for n in directory.needs
    )


def vocabulary(directory: Directory) -> frozenset[str]:
    """Every term the need documents use."""
    return frozenset(term for _, counts, _ in _corpus(documents(directory)).docs for term in counts)


def query_terms(concepts: list[Concept], informative: bool = False) -> dict[str, float]:
    """The query's terms, weighted: its own words 1, the members of their synonym groups less, everyday words less.

    Everyday words are those the directory marks (``GENERIC``) and, when
    ``informative``, those common in English (``everyday``): "school" or
    "party" alone is no need.
    """
    weights: dict[str, float] = {}
    for concept in concepts:
        marked = EVERYDAY_WEIGHT if concept.generic or concept.generic_synonyms else 1.0
        for candidate, weight, _ in concept.candidates:
            w = (1.0 if weight >= 1.0 else SYNONYM_WEIGHT) * marked
            for term in candidate:
                value = w * (everyday.weight(term) if informative else 1.0) / len(candidate) ** 0.5
                if weights.get(term, 0.0) < value:
                    weights[term] = value
    return weights


@dataclass
class Classification:
    """How much a query is about each need."""

    scores: dict[str, float]  # need id -> raw score (0 = nothing in common)

    @property
    def strength(self) -> float:
        return max(self.scores.values(), default=0.0)

    def share(self, need_id: str) -> float:
        top = self.strength
        return self.scores.get(need_id, 0.0) / top if top else 0.0

    def ranked(self) -> list[str]:
        return [n for n, s in sorted(self.scores.items(), key=lambda item: -item[1]) if s > 0]


def classify(directory: Directory, concepts: list[Concept], *, informative: bool = False) -> Classification:
    """Score every need for a query (given as the lexical step's concepts).

    ``informative``: weigh each word by how much it says on its own
    (``everyday``), to tell whether a query is about a need at all; which
    need it is about is scored on all its words alike.
    """
    corpus = _corpus(documents(directory))
    query = query_terms(concepts, informative)
    per_need: dict[str, list[float]] = {}
    for need_id, counts, length in corpus.docs:
        value = 0.0
        for term, weight in query.items():
            tf = counts.get(term)
            if tf:
                value += weight * corpus.idf[term] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / corpus.average))
        per_need.setdefault(need_id, []).append(value)
    scores = {}
    for need_id, values in per_need.items():
        best = sorted(values, reverse=True)
        scores[need_id] = best[0] + (SECOND_BEST * best[1] if len(best) > 1 else 0.0)
    return Classification(scores)
