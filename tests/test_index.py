"""The search index and the word functions it is built from, as a specification.

Literal expectations on small inputs: what each word function gives (British
spelling, stemming, digits kept whole, stop words), and the index built from
the small fixture in ``minimal.py``. A change to either shows here as a diff
to read, not as a difference from a kept copy of old code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpfinder.directory import Directory
from helpfinder.loader import load
from helpfinder.index import build_index
from helpfinder.ranking import search
from helpfinder.text import Phrase, phrase, stem, terms, words

from minimal import minimal, write


@pytest.mark.parametrize(
    ("text", "expected_words", "expected_terms"),
    [
        (
            "Non-emergency behavior at the Theater: pedophile programs, colors & licenses!",
            ["nonemergency", "behaviour", "at", "the", "theatre", "paedophile", "programmes", "colours", "licences"],
            ["nonemerg", "behaviour", "theatr", "paedophil", "programm", "colour", "licenc"],
        ),
        (
            "My kids' neighbors' children are organizing; 24/7 helpline, call 0800 1111 or 116 123",
            ["my", "kids", "neighbours", "child", "are", "organising", "24", "7", "helpline", "call", "0800", "1111", "or", "116", "123"],
            ["kid", "neighbour", "child", "organis", "24", "helplin", "call", "0800", "1111", "116", "123"],
        ),
        (
            "don't   it’s children's   ÉCOLE straße 2nd 10 ²³ ٣ non emergency NON  violent",
            ["don't", "it's", "children's", "école", "strasse", "2nd", "10", "²³", "٣", "nonemergency", "nonviolent"],
            ["children", "école", "strass", "2nd", "10", "²³", "nonemerg", "nonviol"],
        ),
        ("", [], []),
        (
            "Signed up to sign-up; signing up, sign language",
            ["signuped", "to", "signup", "signuping", "sign", "language"],
            ["signup", "signup", "signup", "sign", "languag"],
        ),
        (
            "nonce nonsense non-\n-stop Non - violent non123 NONE anon non",
            ["nonce", "nonsense", "nonstop", "nonviolent", "non123", "none", "anon", "non"],
            ["nonc", "nonsens", "nonstop", "nonviol", "non123", "none", "anon", "non"],
        ),
    ],
)
def test_words_and_terms(text: str, expected_words: list[str], expected_terms: list[str]) -> None:
    assert words(text) == expected_words
    assert terms(text) == expected_terms
    assert phrase(text) == Phrase(text=text, pattern=expected_terms, terms=expected_terms, whole=False)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("running", "run"), ("children's", "children"), ("organisation", "organis"), ("y", "y"), ("yes", "yes"),
     ("flies", "fli"), ("news", "news"), ("2nd", "2nd"), ("101", "101"), ("0800", "0800"), ("116123", "116123")],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Directory:
    return load(write(tmp_path_factory.mktemp("index"), minimal()), use_cache=False)


def test_index_of_the_small_fixture(small: Directory) -> None:
    index = build_index(small)
    assert index.services == {
        "call": [(0, 1.0)],
        "chariti": [(1, 1.5)],
        "danger": [(0, 2.0)],
        "emergenc": [(0, 3.0)],
        "line": [(1, 3.0)],
        "polic": [(0, 3.0)],
        "support": [(1, 3.0)],
        "talk": [(1, 2.5)],
        "uk": [(0, 1.5)],
    }
    assert index.service_phrases == {"=someon is in danger": [0]}
    assert index.topic_phrases == {"=what to do": [0]}
    assert index.known == {"call", "chariti", "danger", "emergenc", "line", "polic", "report", "support", "talk", "uk"}
    assert [(need, p.text, p.whole) for need, p in index.crisis] == [("emergency", "Someone is in danger", True), ("emergency", "danger", False)]
    assert (index.service_ids, index.service_needs, index.service_areas) == (["police", "helpline"], [["emergency"], ["support"]], ["uk", "uk"])


@pytest.mark.parametrize(("query", "services", "crisis"), [("someone is in danger", ["police"], True), ("pizza delivery", [], False)])
def test_search_of_the_small_fixture(small: Directory, query: str, services: list[str], crisis: bool) -> None:
    results = search(small, query)
    assert ([m.entry.id for m in results.services], results.crisis) == (services, crisis)


def test_the_index_at_scale_is_the_same_per_service(tmp_path: Path) -> None:
    """300 generated services: every service's postings are exactly those of its own text, nothing lost at size."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from generate import generate

    big = load(write(tmp_path, generate(300), "generated.yaml"), use_cache=False)
    index = build_index(big)
    assert index.service_count == len(big.services) == 300
    seen = {number for postings in index.services.values() for number, _ in postings}
    assert seen == set(range(300))
