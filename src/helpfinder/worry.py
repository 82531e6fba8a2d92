"""Is a query a worry at all, or off-topic? (``ranking`` answers a worry, never with "nothing".)

A worry names a person, a harm or a fear, or a way to safety (``asker.speaks_of_worry``),
and its words are like a need's situations; "my boiler is broken" or "train times to
york" are off-topic however many of the directory's words they share. An off-topic
query still matches a service it names itself (``names_service``), never one it
shares a single everyday word with.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import everyday
from .asker import Asker, cannot_call, speaks_of_worry, unnamed
from .lexical import GENERIC, Evidence, Hit
from .needs import classify, vocabulary
from .text import flat, stem, terms

if TYPE_CHECKING:
    from .directory import Directory

# When is a query a real worry (so never answered with "nothing")? When its own
# specific words (not everyday ones like "child" or "report") are like a need's
# situations: strongly (WORRY_SURE), or fairly (WORRY) with few words the
# directory never uses; or when every word it says is the directory's.
WORRY_SURE = 6.0
WORRY = 3.0
UNKNOWN_SHARE = 0.3
# An off-topic query matches only when most of its words are the directory's: one keyword in
# "my washing machine is leaking" is not a match.
OFF_TOPIC_UNKNOWN = 0.5
# Words that on their own say a person wants help ("help me", "who do I tell"), as stems.
HELP_STEMS = frozenset(stem(w) for w in ("help", "tell", "worried", "worry", "scared", "afraid", "frightened", "concerned", "concern", "unsafe", "report"))
WORRY_KNOWN = 1.5  # a query of the directory's own words, not only everyday ones, is a worry from this
# Words that name abuse of a person and little else ("my neighbour is sexually abusing his stepdaughter",
# "i was groped on the bus"): whatever else the query says, it is a worry. Not words with everyday
# senses ("my knees hurt", "dog grooming", "a game exploit", "sexual health", "a neglected garden").
_ABUSE = re.compile(
    r"\b(?:abus(?:e|ed|es|ing|er|ers|ive)|rap(?:e|ed|es|ing|ist|ists)|molest\w*|grop(?:e|ed|es|ing)|fondl\w*|sexually (?!transmitted)\w+|"
    r"sexual (?:abuse|assault|things|stuff|acts?|contact|messages|images|pictures|photos|videos|behaviour|interest|comments|touching)|"
    r"blackmail\w*|sextort\w*|paedo\w*|nonce|nonces|traffick\w*|indecent\w*|stalk(?:ed|ing|er|ers|s)|interfered with|touched (?:me|him|her|them|my|his|their)|(?:had|has|tried to have|forced) sex with (?:me|her|him)|without (?:my|her|his) consent|"
    r"(?:touches|touching) (?:me|him|her|them)|(?:hits|beats|punches|kicks|slaps) (?:me|him|her|them|us))\b"
)


def is_worry(directory: Directory, found: Evidence, asker: Asker) -> tuple[bool, float]:
    """Is the query about something the directory covers (however vaguely), rather than off-topic?

    Also the share of its words the directory never uses. A child or teenager
    asking is always answered: Childline talks about anything.
    """
    query = found.query
    specific = classify(directory, [c for c in found.concepts if not c.generic], informative=True).strength
    content = [query.stems[i] for i in query.content]
    known = vocabulary(directory) | GENERIC | set(directory.index.known)
    unknown = sum(1 for s in content if s not in known and not s.isdigit())
    share = unknown / len(content) if content else 0.0
    if asker == "child":
        return True, share
    said = " ".join(query.words)
    if _ABUSE.search(flat(said)) or unnamed(said) or cannot_call(said):  # abuse, telling unnamed, unable to speak or hear on a call
        return True, share
    asks_for_help = bool(HELP_STEMS & set(query.stems))
    # No person, harm, fear or way to safety ("help me fix my printer"): off-topic, whatever words it shares.
    # Only asking for help in the directory's own words ("who do i tell", "help me") is a worry by itself.
    if not (speaks_of_worry(" ".join(query.typos.get(i, w) for i, w in enumerate(query.words))) or (asks_for_help and not unknown)):
        return False, share
    if specific >= WORRY_SURE or (specific >= WORRY and (share < UNKNOWN_SHARE or asker in ("parent", "professional"))):
        return True, share
    if asker in ("parent", "professional") and asks_for_help and share < OFF_TOPIC_UNKNOWN:
        return True, share  # "a concern about a pupil": an adult worried about a child
    if unknown:
        return False, share
    # Every word is the directory's: everyday ones ("worried about my daughter", "police") are enough,
    # but a query of other words needs some of them to say something ("how do i become a teacher" does not).
    everyday_only = all(c.generic or c.generic_synonyms for c in found.concepts)
    said = everyday_only or specific >= WORRY_KNOWN
    return bool(content and said and classify(directory, found.concepts).strength > 0) or asks_for_help, share


def names_service(
    directory: Directory, hit: Hit, harm: bool, alone: bool, fields: tuple[str, ...] = ("name",), person: bool = False
) -> bool:
    """Does a query that is not clearly a worry name this service (or advice, ``fields`` "title" and "keyword") itself?

    A phrase; a word of its name, unless it is a place ("train times to york"
    is not the York SARC) or an everyday word with others beside it ("my
    phone stopped working" is not Stop It Now; "organisation" alone may name
    one), when the query names no harm; or a keyword with another of its words, or alone
    when the query names a harm ("i saw csam on reddit"): one keyword ("job",
    "teenager") is a word many questions share.
    """
    hows = {how for _, how in hit.reasons}
    if hows & {"phrase", "recommended"}:
        return True
    for label, how in hit.reasons:
        if how in fields and (harm or (directory.places.find_in_text(f"in {label}") is None and (everyday.weight(stem(label)) == 1.0 or alone))):
            return True
    if "keyword" not in hows:
        return False
    # Two of its words, one of them not an everyday one ("my headphones stopped charging" is not Stop It Now).
    rare = any(how == "keyword" and all(everyday.weight(t) == 1.0 for t in terms(label)) for label, how in hit.reasons)
    return (hit.specific >= 2 and rare) or harm or person
