"""Finding the right service from the words a person actually types: the ranking.

Read in order: ``text`` (normalisation), ``index`` (the stored index),
``lexical`` (what the query names in so many words), ``needs`` (which needs
it is about, for words the directory never uses), ``danger`` (is anyone in
danger now; its patterns in ``crisiswords``), ``asker`` (who is asking),
``nearby`` (where they are), ``images`` (whose images), ``online`` (is the
harm online), ``worry`` (a worry or off-topic), ``fit`` (the route for who is
asking), then this module,
which puts them together the way a signposter would:

1. Danger first: when ``danger`` fires, 999 (and Samaritans for suicidal
   thoughts) lead, with the banner.
2. Services are ranked within the needs the query is about, by how central
   the need is to the service, by who it is for (a child, an adult worried
   about a child, a professional), with names and keywords the query says as
   strong direct evidence.
3. Rules no score may break: a victim is never first shown a route for people
   worried about their own behaviour, nor advice for the accused; a word
   matched only through a synonym never brings in a service of an unrelated
   need ("pics" is not the BSL video relay).
4. Never nothing for a real worry: when no service clears the bar but the
   query is about something the directory covers, the general routes for
   whoever is asking are shown, marked as general. Off-topic queries match
   nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import danger, everyday, fit, images, nearby, online
from .asker import Asker, about_a_child, cannot_call, career, not_urgent, sexual_harm, channels, harmed, in_childhood, offers_help, own_thoughts, unnamed, speaks_of_harm, speaks_of_risk, speaks_of_worry, survivor, who
from .fit import Candidate
from .lexical import GENERIC, TOPIC_BOOST, Hit, accepted, evidence, reasons
from .needs import Classification, classify, vocabulary
from .text import terms
from .results import Match, Results
from .worry import OFF_TOPIC_UNKNOWN, is_worry, names_service

if TYPE_CHECKING:
    from .directory import Directory
    from .index import Index
    from .model import Area, Service, Topic

# At this score the classification is sure; below it, need evidence counts in proportion.
SURE = 6.0
NEED_WEIGHT = 3.0  # a service for the query's best need, sure, scores this much
SECONDARY_NEED = 0.7  # a need listed after a service's first counts this much
LEXICAL_FULL = 12.0  # a lexical score this high counts as much as a sure need
ACCEPT = 1.2  # a service needs at least this score to be shown
LOW_FIT = 0.3  # below this need fit, a service needs a phrase or two words of its own
ADVICE = 2.0  # a service the matching advice recommends first gains this (the second half, ...)
# A service's own words for abuse in childhood ("historical abuse"), as terms.
SURVIVOR_TERMS = frozenset(terms("childhood historical"))
AUDIENCE = 0.9  # a route for who is asking gains this; one not for them loses it
RISK_NEED = "own-behaviour"  # routes for people who may pose a risk to children
VICTIM_NEEDS = frozenset({"victim-support", "sexual-assault"})
SUPPORT_NEED = "victim-support"
ASSAULT_NEED = "sexual-assault"  # care and support after rape or sexual assault
VOLUNTEER_NEED = "volunteering"  # the legitimate ways to help the police
ANONYMOUS_NEED = "anonymous-reporting"  # telling the police without giving one's name
SPEECH_NEED = "deaf-or-speech-impaired"  # reaching the police without speaking or hearing on a call
SPEECH_LEAD = 1.5  # its routes list it second (after the emergency need), so it must lead by this much to count as first
NAME_SHARED = 2  # a word in more services' names than this ("helpline") names none of them
CHANNEL_FIT = 0.5  # a service reached the way the person asking wants (or can: text if they cannot speak) gains this
WRONG_IMAGES = 2.0  # what a service for the other kind of images (see ``images``) loses
VICTIM_SUPPORT = 0.9  # for someone harmed, support after abuse or a crime scores at least this share of the best need


def search(
    directory: Directory,
    query: str,
    *,
    limit: int | None = 10,
    keep: Callable[[Service], bool] | None = None,
    place: Area | None = None,
) -> Results:
    """Rank the directory's services and topics for a free-text query.

    ``keep`` (e.g. ``directory.matcher(area=...)``) drops services before
    ``limit`` is applied. ``place`` is where the person is (else a place the
    query names, if any): a service not for people there loses ``nearby.NOT_THERE``,
    and between equally good services the most local come first; with no
    place, those for the most people (see ``nearby``). Only the services
    returned are decoded from a cache.
    """
    index = directory.index
    found = evidence(query, index)
    needs = classify(directory, found.concepts)
    said = " ".join(found.query.typos.get(i, w) for i, w in enumerate(found.query.words))  # typos corrected
    online.offline(directory, needs, said)
    asker = who(query)
    crisis = [need for need, _ in danger.detect(query)]
    worry, unknown = is_worry(directory, found, asker)
    said_harmed = harmed(query)
    if career(query) and not crisis and not said_harmed:  # "how do I become a teacher": a job, not a worry
        return Results(query, [], [], False, False, asker, [])
    # Someone who does not say who they are, speaking of a child harmed by another, is an adult worried about a
    # child: that help comes before help for a child asking, or for victims themselves ("a boy told me a man ...").
    third_child = asker is None and not said_harmed and about_a_child(query) and needs.share(RISK_NEED) < 1.0  # not "i might hurt a child"
    if third_child:
        fit.about_a_child(needs, VICTIM_NEEDS)
    if cannot_call(query) and needs.strength:  # unable to speak or hear on a call: the ways to reach the police without
        needs.scores[SPEECH_NEED] = max(needs.scores.get(SPEECH_NEED, 0.0), needs.strength) * SPEECH_LEAD
    thoughts = own_thoughts(query) and not said_harmed  # unease about a sexual interest in children: help to stop, first
    if thoughts and needs.strength:
        needs.scores[RISK_NEED] = max(needs.scores.get(RISK_NEED, 0.0), needs.strength)
    # Telling without being known as the one who told: the anonymous route leads (images have their own: the IWF's).
    secret = unnamed(query) and not said_harmed and not images.names_images(query)
    if secret and needs.strength:
        needs.scores[ANONYMOUS_NEED] = max(needs.scores.get(ANONYMOUS_NEED, 0.0), needs.strength)
    helper = offers_help(query) and not said_harmed  # a wish to help: the volunteering need, its routes first
    if helper and needs.strength:
        needs.scores[VOLUNTEER_NEED] = max(needs.scores.get(VOLUNTEER_NEED, 0.0), needs.strength)
    victim = said_harmed or _victim(needs)
    if victim and needs.strength:  # someone harmed needs support, whatever else they ask about
        # An adult harmed as a child is who the support need is first for ("adults abused as children").
        share = 1.0 if survivor(query) else VICTIM_SUPPORT
        needs.scores[SUPPORT_NEED] = max(needs.scores.get(SUPPORT_NEED, 0.0), share * needs.strength)
        if asker != "child" and sexual_harm(query) and not survivor(query):  # "someone had sex with me while i was drunk"
            needs.scores[ASSAULT_NEED] = max(needs.scores.get(ASSAULT_NEED, 0.0), needs.strength)
    # Advice is for a worry: one shared word ("stopped", "account") never brings it to an off-topic query,
    # though a word of its own ("decoy") does.
    topic_hits = found.topics
    alone = len(found.query.content) == 1  # the query is one word
    if not (worry or speaks_of_worry(query)):
        topic_hits = {n: h for n, h in topic_hits.items() if names_service(directory, h, False, alone, ("title", "keyword"))}
    topics = _topics(directory, topic_hits, victim)
    worry = worry or said_harmed or bool(topics)  # something done to the person asking is always a real worry
    _recommended(index, topics, found.services, {n.id for n in directory.needs if n.crisis} if not crisis else set())
    if not crisis:
        needs.scores.pop(danger.EMERGENCY, None)  # only the danger detector says someone is in danger
    fit.as_asked(needs, fit.CONCERNED if third_child else asker)
    whose = images.whose_images(query)
    if whose == "use" and needs.strength and not victim:  # someone's use of images is behaviour to get help with
        needs.scores[RISK_NEED] = max(needs.scores.get(RISK_NEED, 0.0), needs.strength)
    if said_harmed and asker != "child" and fit.CHILD_NEED in needs.scores:
        # Something done to the person asking, and nothing says they are a child: support for anyone harmed
        # comes before help for children ("someone hit me outside a pub" is not first for Childline).
        needs.scores[fit.CHILD_NEED] = min(needs.scores[fit.CHILD_NEED], needs.scores.get(SUPPORT_NEED, 0.0))
    specialist = images.for_these_images(directory, whose)  # the routes for the kind of images the query speaks of
    ranked = (
        _rank(directory, found.services, needs, asker, worry, speaks_of_harm(query), alone, speaks_of_worry(query), specialist)
        if worry or unknown < OFF_TOPIC_UNKNOWN
        else []
    )
    if not crisis:  # the emergency line comes from the danger detector, or by name ("999"), never from a word like "dangerous"
        ranked = [c for c in ranked if index.service_needs[c.number] != [danger.EMERGENCY] or _named(found.services.get(c.number))]
        if not_urgent(query):  # "not urgent": the 999 routes (text, relay, BSL) come after the others
            for candidate in ranked:
                candidate.score -= NEED_WEIGHT if index.service_needs[candidate.number][:1] == [danger.EMERGENCY] else 0.0
    place = place or nearby.named_place(directory, query)
    # Images of the asker are not for reporting what one has seen, and the other way round (see ``images``).
    wrong_images = images.for_other_images(directory, whose)
    wanted = channels(query)
    unsaid = victim and asker is None  # someone harmed who does not say whether they are a child or an adult
    for candidate in ranked:
        candidate.score -= nearby.elsewhere(directory, index.service_areas[candidate.number], place)
        if unsaid and not index.service_for_everyone[candidate.number] and not fit.said(found.services.get(candidate.number)):
            candidate.score -= fit.ONE_GROUP
        candidate.score -= WRONG_IMAGES if candidate.number in wrong_images else 0.0
        if wanted & {c.channel for c in directory.services[candidate.number].contacts}:
            candidate.score += CHANNEL_FIT
            candidate.why.append("by the way you want to get in touch")
    ranked.sort(key=lambda c: (-c.score, index.service_names[c.number]))
    ranked = fit.for_asker(index, ranked, fit.CONCERNED if third_child else asker, worry, needs, online.names_screen(said))
    ranked = fit.lead_need(index, ranked, VOLUNTEER_NEED, "you offer to help") if helper and worry else ranked
    ranked = fit.lead_need(index, ranked, RISK_NEED, "help to stop") if thoughts and worry else ranked
    ranked = fit.lead_need(index, ranked, ANONYMOUS_NEED, "you want to tell without giving your name") if secret and worry else ranked
    ranked = fit.lead(index, ranked, _by_name(directory, found.services, place))
    key = nearby.nearest_first(directory, place)
    ranked.sort(key=lambda c: key(c.number, c.score))
    ranked = _no_harm_first(ranked, needs, victim, speaks_of_risk(query))
    if in_childhood(query) and asker != "child":
        ranked = _survivors_first(directory, ranked)
    if crisis:
        ranked = _crisis_first(directory, ranked, crisis)
    general = not ranked and worry
    if general:
        ranked = fit.general(index, asker, found.services)
    services: list[Match[Service]] = []
    for item in ranked:
        if limit is not None and len(services) >= limit:
            break
        service = directory.services[item.number]
        if keep is None or keep(service):
            services.append(Match(service, item.score, list(dict.fromkeys(item.why)), general))
    about = [n for n in needs.ranked() if needs.share(n) >= 0.5][:3] if worry else []
    return Results(query, services, topics, bool(crisis), general, asker, list(dict.fromkeys([*crisis, *about])))


def _by_name(directory: Directory, hits: dict[int, Hit], place: Area | None) -> set[int]:
    """The services the query calls by their own name ("how do i make a ceop report", "is crimestoppers anonymous").

    A name word counts when it is in one or two services' names, and is no word of the people's situations
    (the need documents), nor an everyday or generic word, nor a place; and the service is for where the person is.
    """
    vocabulary_ = vocabulary(directory)
    names = directory.index.name_counts

    def proper(label: str) -> bool:
        said = terms(label)
        return bool(said) and all(
            t not in vocabulary_ and t not in GENERIC and everyday.weight(t) == 1.0 and names.get(t, 0) <= NAME_SHARED for t in said
        )

    return {
        number
        for number, hit in hits.items()
        if any(how == "name" and "→" not in label and "~" not in label and proper(label) and directory.places.find_in_text(label) is None for label, how in hit.reasons)
        and not nearby.elsewhere(directory, directory.index.service_areas[number], place)
    }


def _named(hit: Hit | None) -> bool:
    return hit is not None and any(how == "name" for _, how in hit.reasons)


def _topics(directory: Directory, hits: dict[int, Hit], victim: bool) -> list[Match[Topic]]:
    """Advice the query names; never advice for the accused (it recommends a risk route) when the query is a victim's."""
    topics = [Match(directory.topics[n], hit.score, reasons(hit)) for n, hit in hits.items() if accepted(hit)]
    if victim:
        risky = {s.id for s in directory.services if RISK_NEED in s.needs}
        topics = [m for m in topics if not risky & set(m.entry.services)]
    topics.sort(key=lambda m: (-m.score, m.entry.title))
    return topics


def _victim(needs: Classification) -> bool:
    ranked = needs.ranked()
    return bool(ranked) and ranked[0] in VICTIM_NEEDS


def _rank(
    directory: Directory, hits: dict[int, Hit], needs: Classification, asker: Asker, worry: bool, harm: bool, alone: bool, person: bool,
    specialist: set[int],
) -> list[Candidate]:
    index = directory.index
    labels = {n.id: n.label for n in directory.needs}
    sure = min(1.0, needs.strength / SURE) if worry else 0.0
    out = []
    for number in range(index.service_count):
        service_needs = index.service_needs[number]
        share, need = max(
            ((needs.share(n) * (1.0 if i == 0 else SECONDARY_NEED), n) for i, n in enumerate(service_needs)),
            default=(0.0, ""),
        )
        score = NEED_WEIGHT * share * sure
        why = [f"about: {labels.get(need, need)} (need)"] if share * sure >= 0.5 else []
        hit = hits.get(number)
        if hit is not None:
            # A synonym alone ("pics"->"videos") never brings in a service of a need the query is not about.
            # Off-topic queries ("a dangerous tree") count only a name, keyword or phrase, never a need's words.
            named = worry or names_service(directory, hit, harm, alone, person=person)
            # One word of the name or description of a service of another need ("videos" in "999 BSL
            # video relay") is not enough: it takes one of its keywords, a phrase, or two words.
            if worry and share * sure < LOW_FIT and hit.specific < 2 and not hit.recommended:
                named = named and any(how in ("keyword", "phrase") for _, how in hit.reasons)
            if named and (hit.direct or hit.recommended or share * sure >= 0.5):
                lexical = min(1.0, hit.score / LEXICAL_FULL) * NEED_WEIGHT
                if hit.recommended:
                    lexical += ADVICE / hit.advice_rank
                if accepted(hit) or hit.recommended:
                    # What the query names in so many words is always shown, however small the directory.
                    score = max(score + lexical, ACCEPT)
                    why += reasons(hit)
                else:
                    score += lexical / 2
        if score <= 0:
            continue
        service = directory.services[number] if asker else None
        if service is not None and asker is not None and service.audience:
            audience = set(service.audience)
            if audience & fit.FOR_AUDIENCE[asker]:
                # An adult is who most routes are for: one for adults only is a better fit only for what it is for.
                if asker != "adult" or index.service_for_everyone[number] or fit.said(hit) or number in specialist:
                    score += AUDIENCE * max(share, 0.5)
                why.append(f"for who is asking ({fit.ASKER_WORDS[asker]})")
            elif "everyone" not in audience:
                score -= AUDIENCE
        if score >= ACCEPT:
            out.append(Candidate(number, score, why, service_needs[0] == RISK_NEED))
    out.sort(key=lambda c: (-c.score, index.service_names[c.number]))
    return out


def _survivors_first(directory: Directory, ranked: list[Candidate]) -> list[Candidate]:
    """An adult speaking of their childhood first sees services whose own words (not need) speak of abuse then."""
    def theirs(candidate: Candidate) -> bool:
        service = directory.services[candidate.number]
        return bool(set(terms(" ".join([service.description, *service.keywords]))) & SURVIVOR_TERMS)

    first = [c for c in ranked if theirs(c)]
    for candidate in first:
        candidate.why.append("for adults abused as children")
    return first + [c for c in ranked if c not in first]


def _no_harm_first(ranked: list[Candidate], needs: Classification, victim: bool, about_risk: bool) -> list[Candidate]:
    """A route for people worried about their own behaviour is never first unless that is what the query is about:
    its need is the best, and the query names what the route is for (``speaks_of_risk``).

    For a victim, such routes come after every other route.
    """
    if victim:
        return [c for c in ranked if not c.risk] + [c for c in ranked if c.risk]
    if not ranked or not ranked[0].risk or (about_risk and needs.share(RISK_NEED) >= 1.0):  # the best need, or as good as it
        return ranked
    safe = next((i for i, c in enumerate(ranked) if not c.risk), None)
    if safe is None:
        return ranked
    return [ranked[safe], *ranked[:safe], *ranked[safe + 1 :]]


def _recommended(index: Index, topics: list[Match[Topic]], hits: dict[int, Hit], skip_needs: set[str]) -> None:
    """Advice that matches brings the services it recommends, best first.

    Services that only serve crisis needs are left out unless the query is
    about a crisis: every view already ends with 999, and "should I confront
    him?" should lead to 101 and CEOP, not to the emergency line.
    """
    position = {service_id: n for n, service_id in enumerate(index.service_ids)}
    for match in topics:
        topic = match.entry
        rank = 0
        for service_id in topic.services:
            number = position.get(service_id)
            if number is None or set(index.service_needs[number]) <= skip_needs:
                continue
            rank += 1
            hit = hits.setdefault(number, Hit())
            hit.score += match.score * TOPIC_BOOST / (1 + (rank - 1) / 2)
            hit.recommended = True
            hit.advice_rank = min(hit.advice_rank or rank, rank)
            hit.reasons.append((f"advice '{topic.id}'", "recommended"))


def _crisis_first(directory: Directory, ranked: list[Candidate], crisis: list[str]) -> list[Candidate]:
    """The emergency line (and Samaritans for suicidal thoughts) before anything else.

    For each crisis need the query speaks of, the first service dedicated to
    it (all its needs are crisis needs) comes first, in the order the detector
    found them; other services of that need (Shout beside Samaritans) keep
    their ranked place after these.
    """
    index = directory.index
    crisis_ids = {n.id for n in directory.needs if n.crisis}
    labels = {n.id: n.label for n in directory.needs}
    wanted = [danger.EMERGENCY, *crisis] if danger.SELF_HARM in crisis else crisis
    order = list(dict.fromkeys(reversed(wanted))) if danger.EMERGENCY not in crisis else list(dict.fromkeys(wanted))
    scored = {c.number: c for c in ranked}
    first: list[tuple[int, Candidate]] = []
    for number, service_needs in enumerate(index.service_needs):
        spoken = [n for n in order if n in service_needs]
        if service_needs and set(service_needs) <= crisis_ids and spoken and order.index(spoken[0]) not in [at for at, _ in first]:
            old = scored.get(number)
            why = [f"{labels.get(spoken[0], spoken[0])} (danger words)", *(old.why if old else [])]
            first.append((order.index(spoken[0]), Candidate(number, math.inf, why, False)))
    first.sort(key=lambda item: item[0])
    chosen = {c.number for _, c in first}
    return [c for _, c in first] + [c for c in ranked if c.number not in chosen]
