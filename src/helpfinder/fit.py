"""Who a route is for, and who is asking: the rules that put the route made for the asker first.

A signposter who hears "im 13" gives Childline first; "I'm a teacher" or "my
son", the NSPCC, or CEOP when the concern is online; someone harmed who does
not say their age, the routes for everyone before one made for adults only or
for children only. ``ranking`` scores the services; these rules decide
between them by who is asking (``asker``) and who each route is for (its
``audience``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .asker import Asker
from .lexical import GENERIC, Hit
from .text import terms

if TYPE_CHECKING:
    from .index import Index
    from .needs import Classification

# The route for who is asking scores at least this share of the best: a child's (Childline) first,
# since it talks with a child about anything; an adult's about a child (NSPCC) near the top, and first
# when the concern about a child is what the query is most about.
FOR_ASKER = {"child": 1.05, "parent": 0.75, "professional": 0.75, "concerned": 0.75}
LEAD = 1.05
CHILD_NEED = "children-young-people"  # help for a child or young person, asking for themselves
ADULT_NEED = "worried-about-a-child"  # help for an adult worried about a child
ONLINE_NEED = "report-online-exploitation"  # reporting online grooming or exploitation of a child
ONLINE_CONCERN = 0.5  # an adult's concern naming something online is about that need from this share of the best
# A route for one group (adults only, children only) that the query does not name loses this for someone
# harmed who does not say who they are: the routes for everyone come first.
ONE_GROUP = 0.5
# The general routes, by who is asking (ids that are missing are skipped). 999 is on every page.
GENERAL = {
    "child": ["childline", "police-non-emergency"],
    "parent": ["nspcc-helpline", "police-non-emergency"],
    "professional": ["nspcc-helpline", "police-non-emergency"],
    "adult": ["nspcc-helpline", "police-non-emergency"],
    None: ["childline", "nspcc-helpline", "police-non-emergency"],
}
# The audiences that fit who is asking. A parent or a professional asks about a child: a service for
# adults' own harm (an adult survivor's, an adult victim's) is not for them, though they are adults.
FOR_AUDIENCE = {
    "child": {"children-young-people"},
    "parent": {"parents-carers"},
    "professional": {"professionals"},
    "adult": {"adults"},
}
ASKER_WORDS = {
    "child": "you said you are under 18",
    "parent": "you are asking about your child",
    "professional": "you are asking as a professional",
    "adult": "you said you are an adult",
    "concerned": "you are asking about a child",
}
# Not an asker ``who`` finds: someone who does not say who they are, speaking of a child harmed by another
# ("i think my neighbour is abusing his stepdaughter"), is an adult worried about a child.
CONCERNED = "concerned"


@dataclass
class Candidate:
    """A service being ranked: its number in the directory, its score, why, and whether it is a risk route."""

    number: int
    score: float
    why: list[str]
    risk: bool  # a route for people worried about their own behaviour


def as_asked(needs: Classification, asker: Asker | str) -> None:
    """Who is asking decides between the two needs about children: help for a child, or for an adult worried about one."""
    adults = (ADULT_NEED, CHILD_NEED)
    mine, other = {"child": (CHILD_NEED, ADULT_NEED), "parent": adults, "professional": adults, CONCERNED: adults}.get(
        asker or "", ("", "")
    )
    if mine:
        needs.scores[mine] = max(needs.scores.get(mine, 0.0), needs.scores.get(other, 0.0))
        needs.scores[other] = needs.scores.get(other, 0.0) / 2


def about_a_child(needs: Classification, victim_needs: frozenset[str]) -> None:
    """An adult speaking of a child harmed: the help for adults worried about a child is at least as much what it is about
    as help for a child asking, or for victims themselves."""
    needs.scores[ADULT_NEED] = max(needs.scores.get(n, 0.0) for n in {ADULT_NEED, CHILD_NEED, *victim_needs})


def said(hit: Hit | None) -> bool:
    """Does the query say the service's own words (a keyword, a phrase or its name; not an everyday word or a synonym)?"""
    return hit is not None and any(
        how in ("keyword", "phrase", "name") and "→" not in label and not set(terms(label)) <= GENERIC for label, how in hit.reasons
    )


def for_asker(index: Index, ranked: list[Candidate], asker: Asker | str, worry: bool, needs: Classification, screen: bool) -> list[Candidate]:
    """The route for who is asking ranks near the top: Childline for a child; for an adult about a child, CEOP
    when the concern is online (``screen``: the query names something online), else the NSPCC.

    Its score is raised to a share of the best one's (a score, not a place,
    so a directory with many similar services ranks the same way).
    """
    route = {"child": "childline", "parent": "nspcc-helpline", "professional": "nspcc-helpline", CONCERNED: "nspcc-helpline"}.get(asker or "")
    if not worry or route is None or not ranked:
        return ranked
    share = FOR_ASKER[asker or ""]
    routes = {route: share}
    if asker in ("parent", "professional", CONCERNED):
        lead = LEAD if max(needs.share(ADULT_NEED), needs.share(ONLINE_NEED)) >= 1.0 else share
        online = screen and needs.share(ONLINE_NEED) >= ONLINE_CONCERN
        if online and asker == CONCERNED:
            lead = share  # a bystander's online concern: CEOP near the top, the query's own words decide the first

        routes = {"ceop": lead, route: share} if online else {route: lead}
    top = ranked[0].score
    for service_id, at_least in routes.items():
        if service_id not in index.service_ids:
            continue
        number = index.service_ids.index(service_id)
        found = next((c for c in ranked if c.number == number), None)
        if found is None:
            ranked = [*ranked, Candidate(number, top * at_least, [f"for who is asking ({ASKER_WORDS[asker or '']})"], False)]
        elif found.score < top * at_least:
            found.score = top * at_least
    ranked.sort(key=lambda c: (-c.score, index.service_names[c.number]))
    return ranked


def general(index: Index, asker: Asker, hits: dict[int, Hit]) -> list[Candidate]:
    """The general routes for whoever is asking; one whose own words the query says ("police") first."""
    position = {service_id: n for n, service_id in enumerate(index.service_ids)}
    who_words = ASKER_WORDS.get(asker or "", "")
    why = "general route" + (f" ({who_words})" if who_words else "")
    routes = [Candidate(position[s], 0.0, [why], False) for s in GENERAL[asker] if s in position]
    return sorted(routes, key=lambda c: not any(how in ("name", "keyword") for _, how in hits.get(c.number, Hit()).reasons))


def lead_need(index: Index, ranked: list[Candidate], need: str, why: str) -> list[Candidate]:
    """The services made for ``need`` (their first need) lead: the route for what the person asking wants to do.

    When none of them scored, they are added (``why`` says what the query asked for).
    """
    made_for = {n for n in range(index.service_count) if index.service_needs[n][:1] == [need]}
    if made_for and not made_for & {c.number for c in ranked}:
        floor = ranked[0].score if ranked else 0.0
        ranked = [*ranked, *(Candidate(n, floor, [why], False) for n in sorted(made_for))]
    return lead(index, ranked, made_for)


def lead(index: Index, ranked: list[Candidate], numbers: set[int]) -> list[Candidate]:
    """These services lead, lifted alike so that their own order (and the nearest first) stays."""
    made_for = [c for c in ranked if c.number in numbers]
    if not ranked or not made_for:
        return ranked
    lift = max(0.0, ranked[0].score * LEAD - max(c.score for c in made_for))  # all alike, so their own order stays
    for candidate in made_for:
        candidate.score += lift
    ranked.sort(key=lambda c: (-c.score, index.service_names[c.number]))
    return ranked
