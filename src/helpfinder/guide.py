"""The guided path: a few plain questions, declared in the directory file, that end at services.

For people who do not know what to type. ``helpfinder guide`` and "guide" in
the private session ask the questions of the file's ``guide`` section, first
question first; each answer either asks another question or ends at
services (its ``services`` first, then every service for its ``needs`` that
is for whoever an earlier answer said the help is for: an adult is not sent
to Childline). An
answer that says someone is in danger ends with the emergency routes first,
under the banner, at once; any other ending first asks where the person is
(a town, postcode or nation, or nothing) and keeps the services for people
there, most local first.

``problems`` is what ``helpfinder check`` reports about the guide: unknown
references, a path that loops or ends nowhere, a danger answer that does not
end at the emergency line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, TextIO

from . import render, views
from .places import PlaceError
from .safetext import safe

if TYPE_CHECKING:
    from .directory import Directory
    from .model import Area, Audience, DirectoryFile, GuideAnswer, GuideQuestion, Service

EMERGENCY_NEED = "emergency"
QUIT = frozenset({"q", "quit", "exit"})
WHERE = "Where are you? A town, a postcode, or England, Wales, Scotland or Northern Ireland (press Enter to skip)."
Path = tuple[str | int, ...]


def ending(directory: Directory, answer: GuideAnswer, audience: Audience | None = None) -> list[Service]:
    """The services an answer ends at: its own, then those for each of its needs in turn, each once.

    A service found through a need is kept only if it is for ``audience`` (who
    the help is for, as an earlier answer said) or for everyone; the answer's own
    ``services`` are the curator's choice and always kept.
    """
    by_id = {s.id: s for s in directory.services}
    chosen = [by_id[s] for s in answer.services if s in by_id]
    chosen += [s for need in answer.needs for s in directory.services if need in s.needs and _for(s, audience)]
    return list({s.id: s for s in chosen}.values())


def _for(service: Service, audience: Audience | None) -> bool:
    return audience is None or not service.audience or "everyone" in service.audience or audience in service.audience


def audience(path: list[tuple[GuideQuestion, GuideAnswer]]) -> Audience | None:
    """Who the help is for, as the last answer on the path that said so says."""
    return next((a.audience for _, a in reversed(path) if a.audience is not None), None)


def paths(data: DirectoryFile) -> Iterator[list[tuple[GuideQuestion, GuideAnswer]]]:
    """Every path through the guide, from the first question to an ending (loops are cut)."""
    questions = {q.id: q for q in data.guide}

    def walk(question: GuideQuestion, seen: tuple[str, ...]) -> Iterator[list[tuple[GuideQuestion, GuideAnswer]]]:
        for answer in question.answers:
            step = [(question, answer)]
            following = questions.get(answer.next or "")
            if following is None or following.id in seen:
                yield step
            else:
                for rest in walk(following, (*seen, following.id)):
                    yield step + rest

    if data.guide:
        yield from walk(data.guide[0], (data.guide[0].id,))


def problems(data: DirectoryFile) -> list[tuple[Path, str]]:
    """What is wrong with the guide: each problem's place in the file and a message."""
    found: list[tuple[Path, str]] = []
    questions = {q.id for q in data.guide}
    services = {s.id: s for s in data.services}
    needs = {n.id for n in data.needs}
    for q_index, question in enumerate(data.guide):
        for a_index, answer in enumerate(question.answers):
            where: Path = ("guide", q_index, "answers", a_index)
            if answer.next is not None and answer.next not in questions:
                found.append(((*where, "next"), f"no guide question has the id '{answer.next}'"))
            for s_index, service_id in enumerate(answer.services):
                if service_id not in services:
                    found.append(((*where, "services", s_index), f"no service has the id '{service_id}'"))
            for n_index, need_id in enumerate(answer.needs):
                if need_id not in needs:
                    found.append(((*where, "needs", n_index), f"no need has the id '{need_id}'"))
            ends = answer.services or answer.needs
            if answer.next is None and not ends:
                found.append((where, "this answer neither asks another question (next) nor ends at services or needs"))
            if answer.next is not None and ends:
                found.append((where, "an answer either asks another question (next) or ends at services, not both"))
            serves_emergency = any(EMERGENCY_NEED in services[s].needs for s in answer.services if s in services)
            if answer.danger and not (serves_emergency or EMERGENCY_NEED in answer.needs):
                found.append((where, "an answer that says someone is in danger must end at the emergency line"))
    for path in paths(data):
        question, answer = path[-1]
        if answer.next is not None and answer.next in questions:
            index = data.guide.index(question)
            found.append((("guide", index, "answers", question.answers.index(answer), "next"), f"this path loops back to '{answer.next}'"))
    return found


def run(directory: Directory, inp: TextIO, out: TextIO, *, plain: bool) -> bool:
    """Ask the questions on ``inp``/``out`` and show where the answers end; False if the person quit."""
    questions = {q.id: q for q in directory.data.guide}
    question = directory.data.guide[0] if directory.data.guide else None
    if question is None:
        out.write("This directory has no guided questions. Describe what is happening instead.\n")
        return True
    out.write("Answer a few questions (type the number of an answer; q to stop).\n")
    asking: Audience | None = None
    while True:
        out.write(f"\n{question.ask}\n")
        for number, answer in enumerate(question.answers, 1):
            out.write(f"  {number}. {answer.say}\n")
        out.write("> ")
        out.flush()
        line = inp.readline()
        if not render.is_terminal(inp):  # no terminal echo: end the prompt's line ourselves
            out.write("\n")
        if not line or line.strip().casefold() in QUIT:
            out.write("\n")
            return False
        choice = line.strip()
        if not (choice.isascii() and choice.isdigit() and 1 <= int(choice) <= len(question.answers)):
            out.write(f"Type a number from 1 to {len(question.answers)}, or q to stop.\n")
            continue
        answer = question.answers[int(choice) - 1]
        asking = answer.audience or asking
        following = questions.get(answer.next or "")
        if following is None:
            place = None if answer.danger else _where(directory, inp, out)  # in danger, 999 at once
            if place is False:
                return False
            _show_ending(directory, answer, out, plain=plain, place=place or None, audience=asking)
            return True
        question = following


def _where(directory: Directory, inp: TextIO, out: TextIO) -> Area | None | bool:
    """Ask where the person is: an area, None to skip, False if they quit."""
    while True:
        out.write(f"\n{WHERE}\n> ")
        out.flush()
        line = inp.readline()
        if not render.is_terminal(inp):
            out.write("\n")
        if not line or line.strip().casefold() in QUIT:
            return False
        if not line.strip():
            return None
        try:
            return directory.places.resolve(line.strip()).area
        except PlaceError as exc:
            out.write(f"{safe(str(exc))}\n")


def ending_for(directory: Directory, answer: GuideAnswer, place: Area | None, audience: Audience | None = None) -> list[Service]:
    """The services an answer ends at, for someone in ``place``: those for people there, most local first."""
    found = ending(directory, answer, audience)
    if place is None:
        return found
    places = directory.places
    local = [s for s in found if places.covers(s, place)]
    return sorted(local, key=lambda s: -places.depth(s.area))


def _show_ending(
    directory: Directory, answer: GuideAnswer, out: TextIO, *, plain: bool, place: Area | None = None, audience: Audience | None = None
) -> None:
    doc = render.Doc()
    doc.blank()
    if answer.danger:
        views.emergency_banner(doc)
    doc.add("para", "These services can help:", "bold")
    doc.blank()
    for service in ending_for(directory, answer, place, audience):
        views.add_service(doc, directory, service)
    views.footer(doc)
    render.write(doc, plain=plain, out=out)
    out.flush()
