"""Text normalisation: the one way both the directory and a query are cut into words and terms.

Lower case, British spelling ("pedophile" is "paedophile"), "non emergency" as
one word, irregular plurals made singular, stop words dropped, Snowball stems.
Every later step (the index, lexical matching, need classification, danger
detection) sees text only through these functions, so they always agree.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import msgspec

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

# Words that cancel what follows them ("it's not an emergency").
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
# "sign up" (to join) is one word, so "sign" in it never reads as sign language.
_SIGN_UP = re.compile(r"\bsign(s|ed|ing)?[\s-]+up\b")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased words with British spelling, apostrophes kept inside words.

    "non-emergency" and "non emergency" become one word, so "emergency" inside
    it neither matches 999 nor raises the crisis alarm; so do "sign up" and
    "signed up", so joining never reads as sign language.
    """
    return list(analyse(text).words)


def flat(text: str) -> str:
    """The words as one line, apostrophes dropped ("can't" -> "cant"): what the danger and asker patterns read."""
    return " ".join(w.replace("'", "") for w in words(text))


class Text(NamedTuple):
    """One text taken apart: its words, which of them carry meaning, and their terms."""

    words: tuple[str, ...]
    content: tuple[str, ...]  # the words that are not stop words, in order
    terms: tuple[str, ...]  # the stem of each content word
    whole: bool  # meaning needs the little words ("right now", "kill myself"): matched whole


@lru_cache(maxsize=131072)
def analyse(text: str) -> Text:
    # Cached: a directory repeats the same keywords and need labels thousands of times.
    folded = text.casefold().replace("’", "'")
    if "non" in folded:
        folded = _NON.sub("non", folded)
    if "sign" in folded:
        folded = _SIGN_UP.sub(r"signup\1", folded)
    found = [_word(raw) for raw in _WORD.findall(folded)]
    ws = tuple(w for w, _ in found)
    content = tuple(w for w, term in found if term is not None)
    return Text(ws, content, tuple(term for _, term in found if term is not None), len(ws) > 1 and len(content) <= 1)


@lru_cache(maxsize=131072)
def _word(raw: str) -> tuple[str, str | None]:
    """A word as found (case-folded) -> (its British spelling, its term, or None for a stop word).

    Each distinct word goes through the spelling rules, the stop words and
    the stemmer once, however many texts it appears in.
    """
    word = _spell(raw)
    return word, (stem(word) if is_content(word) else None)


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


def is_content(word: str) -> bool:
    """Does a word carry meaning (not a stop word, longer than one letter)?"""
    return word not in STOP_WORDS and len(word) > 1


def terms(text: str) -> list[str]:
    """The searchable terms of a text: words, less stop words, stemmed."""
    return list(analyse(text).terms)





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
    ws, _, found, whole = analyse(text)
    content = list(found)
    if whole:
        return Phrase(text, [stem(w) for w in ws], content, True)
    return Phrase(text, content, content, False)


def has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)
