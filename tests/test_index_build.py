"""The search index is byte for byte what its first, slower builder made.

``build_index`` now runs each distinct word through spelling, stop words and
stemming once, and each distinct text through word splitting once, and
collects keyword phrases in linear time. Search results must not move, so
the index it builds is compared, as encoded JSON (key order included), with
one built by ``reference_build_index_before_speedup``: a verbatim copy of the
builder it replaced (``words``, ``terms``, ``_whole_only``, ``_postings``,
``_keyword_phrases`` and ``build_index`` as they were), using only the
word lists and rules of ``helpfinder.text``.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import msgspec
import pytest

from helpfinder.directory import Directory, bundled_path, load
from helpfinder.index import FIELD_WEIGHTS, TOPIC_WEIGHTS, Index, build_index
from helpfinder.text import _IRREGULAR, _NON, _SPELLING, _WORD, STOP_WORDS, Phrase, phrase, stem, terms, words

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


# ---- reference: the index builder before the speed-up, kept verbatim ----


@lru_cache(maxsize=1)
def _ref_stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def _ref_words(text: str) -> list[str]:
    return [_ref_spell(m.group()) for m in _WORD.finditer(_NON.sub("non", text.casefold().replace("’", "'")))]


def _ref_spell(word: str) -> str:
    word = _IRREGULAR.get(word, word)
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


def _ref_stem(word: str) -> str:
    return _ref_stemmer().stemWord(word.replace("'", ""))


def _ref_content(word: str) -> bool:
    return word not in STOP_WORDS and len(word) > 1


def _ref_terms(text: str) -> list[str]:
    return [_ref_stem(w) for w in _ref_words(text) if _ref_content(w)]


def _ref_whole_only(text: str) -> bool:
    ws = _ref_words(text)
    return len(ws) > 1 and sum(1 for w in ws if _ref_content(w)) <= 1


def _ref_phrase(text: str) -> Phrase:
    ws = _ref_words(text)
    content = [_ref_stem(w) for w in ws if _ref_content(w)]
    if _ref_whole_only(text):
        return Phrase(text, [_ref_stem(w) for w in ws], content, True)
    return Phrase(text, content, content, False)


def _ref_postings(
    documents: Iterable[dict[str, list[str]]], weights: dict[str, float], whole: frozenset[str]
) -> dict[str, list[tuple[int, float]]]:
    postings: dict[str, list[tuple[int, float]]] = {}
    for number, fields in enumerate(documents):
        best: dict[str, float] = {}
        for name, texts in fields.items():
            weight = weights[name]
            for text in texts:
                if name in whole and _ref_whole_only(text):
                    continue
                for term in _ref_terms(text):
                    if best.get(term, 0.0) < weight:
                        best[term] = weight
        for term, weight in best.items():
            postings.setdefault(term, []).append((number, weight))
    return postings


def _ref_phrase_key(text: str) -> str | None:
    if _ref_whole_only(text):
        return "=" + " ".join(_ref_stem(w) for w in _ref_words(text))
    key = " ".join(_ref_terms(text))
    return key if " " in key else None


def _ref_keyword_phrases(documents: Iterable[list[str]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for number, texts in enumerate(documents):
        for text in texts:
            key = _ref_phrase_key(text)
            if key is not None and number not in out.get(key, []):
                out.setdefault(key, []).append(number)
    return out


def reference_build_index_before_speedup(directory: Directory) -> Index:
    """``build_index`` as it was before the speed-up."""
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
    synonyms = [[p for p in map(_ref_phrase, group) if p.terms or p.whole] for group in directory.data.synonyms]
    synonyms = [group for group in synonyms if len(group) > 1]
    crisis: list[tuple[str, Phrase]] = []
    for need in directory.needs:
        if not need.crisis:
            continue
        own = [_ref_phrase(text) for text in [need.label, *need.keywords]]
        patterns = {tuple(p.pattern) for p in own}
        related = [p for group in synonyms if any(tuple(m.pattern) in patterns for m in group) for p in group]
        seen: set[tuple[str, ...]] = set()
        for p in [*own, *related]:
            if (p.terms or p.whole) and tuple(p.pattern) not in seen:
                seen.add(tuple(p.pattern))
                crisis.append((need.id, p))
    surface: dict[str, str] = {}
    spellings: set[str] = set()
    texts = dict.fromkeys(t for f in [*service_fields, *topic_fields] for texts in f.values() for t in texts)
    texts.update(dict.fromkeys(p.text for group in synonyms for p in group))
    texts.update(dict.fromkeys(p.text for _, p in crisis))
    for text in texts:
        for w in _ref_words(text):
            if _ref_content(w):
                surface.setdefault(_ref_stem(w), w)
                if not any(c.isdigit() for c in w):
                    spellings.add(w)
    services = _ref_postings(service_fields, FIELD_WEIGHTS, frozenset({"keywords", "needs"}))
    topics = _ref_postings(topic_fields, TOPIC_WEIGHTS, frozenset({"keywords"}))
    return Index(
        services=services,
        topics=topics,
        service_phrases=_ref_keyword_phrases([*f["keywords"], *f["needs"]] for f in service_fields),
        topic_phrases=_ref_keyword_phrases([*f["keywords"], *f["title"]] for f in topic_fields),
        service_count=len(directory.services),
        topic_count=len(directory.topics),
        synonyms=synonyms,
        crisis=crisis,
        spellings=sorted(spellings),
        known=set(surface),
    )


# ---- the comparison ----


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Directory:
    path = tmp_path_factory.mktemp("big") / "generated.yaml"
    path.write_text(generate(300), encoding="utf-8")
    return load(path, use_cache=False)


def _same_index(directory: Directory) -> None:
    built = build_index(directory)
    # The per-service catalog was added after the speed-up; the reference predates it.
    assert built.service_names == [s.name for s in directory.services]
    assert built.service_ids == [s.id for s in directory.services]
    assert built.service_needs == [list(s.needs) for s in directory.services]
    assert built.service_areas == [s.area for s in directory.services]
    new = msgspec.json.encode(msgspec.structs.replace(built, service_names=[], service_ids=[], service_needs=[], service_areas=[]))
    old = msgspec.json.encode(reference_build_index_before_speedup(directory))
    assert len(new) > 1000
    assert new == old


def test_bundled_index_unchanged() -> None:
    directory = load(bundled_path(), use_cache=False)
    assert directory.services and directory.topics and directory.data.synonyms
    _same_index(directory)


def test_generated_index_unchanged(generated: Directory) -> None:
    assert len(generated.services) == 300
    _same_index(generated)


def test_word_functions_unchanged() -> None:
    """The public word functions, used by queries too, still give what they gave."""
    texts = [
        "Non-emergency behavior at the Theater: pedophile programs, colors & licenses!",
        "My kids' neighbors' children are organizing; 24/7 helpline, call 0800 1111 or 116 123",
        "don't   it’s children's   ÉCOLE straße 2nd 10 ²³ ٣ non emergency NON  violent",
        "",
        "a the of",
        "nonce nonsense non-\n-stop Non - violent non123 NONE anon non",
    ]
    for text in texts:
        assert words(text) == _ref_words(text)
        assert terms(text) == _ref_terms(text)
        assert phrase(text) == _ref_phrase(text)
    for number in ["0", "7", "24", "101", "999", "0800", "116123", "01134960000", "2024", "12345678901234567890"]:
        assert stem(number) == _ref_stem(number) == number
    for word in ["running", "children's", "organisation", "y", "yes", "flies", "news", "2nd", "³", "٣٤"]:
        assert stem(word) == _ref_stem(word)
