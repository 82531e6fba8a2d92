"""The private session: ``helpfinder`` with no arguments on a terminal.

Why it exists: words typed as command arguments (``helpfinder search my
uncle is grooming my son``) land in shell history, where someone sharing the
computer can read them. Here the words are read from the terminal instead, so
the shell never sees them, and the session keeps them only in memory, only
until the next question.

What it must never do: write a query anywhere. On a terminal, lines are
read with line editing (``lineedit``): the history behind the up arrow is
kept in memory only, no history file is ever set, and the history is cleared
when the session ends. The only file helpfinder may write is the directory
cache, which holds the directory, never what was asked.

What it must always do: keep the best route on the first screen. A question
shows its best three results in brief; ``more`` shows the rest, and a number
shows one in full. Every line is wrapped to the terminal's width without
splitting a number or an address; ``--plain`` (or NO_COLOR) is the
screen-reader mode.

Leaving: ``q``, ``quit``, ``exit`` or Ctrl-D end the session with exit code 0;
Ctrl-C ends it with 130, the code every helpfinder command uses for an
interruption.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from . import emergency, lineedit, messages, render, views
from .exits import FOUND, INTERNAL, INTERRUPTED, USAGE
from .options import plain_output
from .problems import DirectoryError

if TYPE_CHECKING:
    from .directory import Directory
    from .model import Service, Topic
    from .places import Place

PROMPT = "What do you need help with? (q to quit)\n> "  # the question fits 40 columns; typing starts on its own line
QUIT = frozenset({"q", "quit", "exit", ":q"})
EMERGENCY = frozenset({"999", "emergency", "danger", "sos"})
HELP = frozenset({"help", "?", "h"})
CLEAR = frozenset({"clear", "cls"})
RESULT_LIMIT = 8
FIRST_SCREEN = 3  # results shown in brief after a question; "more" shows the rest
CLEAR_SCREEN = "\x1b[H\x1b[2J\x1b[3J"  # home, erase the screen, erase the scrollback

HEADER = [
    "helpfinder: private session",
    f"{emergency.LINE} {emergency.FLOOR[1]}",
    "Nothing you type is saved, and nothing is sent over the network.",
]
COMMANDS = [
    "Describe what is happening in your own words, for example: someone is messaging my son.",
    "Then type a result's number to see everything about it, or more to see more results.",
    "guide: answer a few questions instead.",
    "999: what to do in an emergency.",
    "advice: what to do, and what not to.",
    "needs: what the directory covers.",
    "where PLACE: show services for your town, postcode or nation (remembered until you quit). where none: forget it.",
    "clear: clear the screen.",
    "q: quit (Ctrl-D also works; Ctrl-C ends straight away).",
]
GOODBYE = "Session ended. Nothing you typed was saved. To hide what is on screen, clear it (Ctrl-L) or close the window."


@dataclass
class _Session:
    """Where output goes, how it looks, and the numbered results of the last question only."""

    directory: Directory
    out: TextIO
    plain: bool
    numbered: list[Service | Topic] = field(default_factory=list)
    shown: int = 0  # how many of ``numbered`` are on screen ("more" shows the rest)
    inp: TextIO | None = None  # where answers to the guide's questions are read
    place: Place | None = None  # set by "where PLACE"; held in memory only, for this session

    @property
    def width(self) -> int | None:
        """The terminal's width now (it may be resized); None when not writing to a terminal."""
        return min(shutil.get_terminal_size().columns, render.MAX_COLUMNS) if render.is_terminal(self.out) else None

    def say(self, text: str = "") -> None:
        """A line of the session's own, made safe and wrapped to the terminal without splitting a number or address."""
        text = render.safe(text)  # it may quote the directory or what was typed
        text = render.spoken(text) if self.plain else text
        width = self.width
        self.out.write("\n".join(render.wrap(text, width) if width else [text]) + "\n")
        self.out.flush()

    def show(self, doc: render.Doc) -> None:
        render.write(doc, plain=self.plain, out=self.out, width=self.width)
        self.out.flush()

    def clear(self) -> None:
        """Clear the screen (and its scrollback) on a terminal that understands it; else say how."""
        if render.is_terminal(self.out) and os.environ.get("TERM") != "dumb":
            self.out.write(CLEAR_SCREEN)
            self.out.flush()
        else:
            self.say("To clear the screen, use your terminal's clear command (often Ctrl-L) or close the window.")


def run(stdin: TextIO | None = None, stdout: TextIO | None = None, data: str | None = None, *, plain: bool = False) -> int:
    """Ask, show, ask again until the person quits; return the exit code.

    ``data`` is a directory file (default: ``$HELPFINDER_DATA``, else the
    bundled one). Streams default to the process's own, for tests to replace.
    ``plain`` (``helpfinder --plain``) is the screen-reader mode.
    """
    inp = stdin or sys.stdin
    if isinstance(inp, io.TextIOWrapper):
        # A pasted byte that is not text in the terminal's encoding is kept as \xNN, not a crash.
        inp.reconfigure(errors="surrogateescape")
    out = stdout or sys.stdout
    plain = plain_output(plain, out)
    keys = lineedit.keyboard(inp, out)
    try:
        from .loader import load

        try:
            directory = load(data)
        except DirectoryError as exc:
            # 999 guidance must never depend on the file being valid.
            render.write(views.emergency_floor(), plain=plain, out=out)
            for problem in exc.problems:
                messages.say("problem", err=True, problem=problem)
            messages.say("file-has-errors", err=True)
            return USAGE
        session = _Session(directory, out, plain, inp=keys or inp)
        for line in HEADER:
            session.say(line)
        session.say("Type help for what you can do here.")
        while True:
            out.write("\n")
            if keys is not None:
                line = keys.ask(PROMPT)
            else:
                out.write(PROMPT)
                out.flush()
                line = inp.readline()
            if not render.is_terminal(inp):  # no terminal echo: end the prompt's line ourselves
                out.write("\n")
            if not line:  # Ctrl-D or end of input
                session.say(GOODBYE)
                return FOUND
            if not _answer(session, line.strip()):
                session.say(GOODBYE)
                return FOUND
    except KeyboardInterrupt:
        out.write("\n" + GOODBYE + "\n")
        out.flush()
        return INTERRUPTED
    except BrokenPipeError:
        return FOUND
    except Exception as exc:  # noqa: BLE001 - a safety tool must not end in a traceback
        messages.say("internal", err=True, kind=type(exc).__name__)
        return INTERNAL
    finally:
        if keys is not None:
            keys.close()


def _answer(session: _Session, line: str) -> bool:
    """Act on one line; False when the person asked to quit."""
    words = line.split()
    if words[:1] == ["helpfinder"]:  # a hint copied from the output, e.g. "helpfinder advice ..."
        words = words[1:]
    command = words[0].casefold() if words else ""
    rest = words[1:]
    if not command:
        return True
    if command in QUIT and not rest:
        return False
    if command in HELP and not rest:
        for text in COMMANDS:
            session.say(text)
    elif command in CLEAR and not rest:
        session.clear()
    elif command == "more" and not rest:
        _more(session)
    elif command in EMERGENCY and not rest:
        session.show(views.emergency_view(session.directory, place=session.place))
    elif command == "guide" and not rest and session.inp is not None:
        from .guide import run as guide

        session.numbered = []
        if not guide(session.directory, session.inp, session.out, plain=session.plain):
            session.say("Stopped the questions. Ask something else, or type guide to start again.")
    elif command == "where":
        _where(session, " ".join(rest))
    elif command == "needs" and not rest:
        session.show(views.needs_view(session.directory))
    elif command == "advice" and len(rest) <= 1:
        _advice(session, rest[0] if rest else None)
    elif command == "show" and len(rest) == 1:
        _show_service(session, rest[0])
    elif command.isascii() and command.isdigit() and not rest:  # not "²" or "①", which int() refuses
        _show_numbered(session, int(command))
    else:
        _search(session, line)
    return True


def _where(session: _Session, text: str) -> None:
    """Set, show or forget the session's place; it is never written anywhere."""
    from .places import PlaceError

    if text.casefold() in ("none", "clear", "anywhere"):
        session.place = None
        session.say("Place forgotten: showing services for anywhere in the UK.")
    elif not text:
        where = session.place.area.name if session.place else "not set (anywhere in the UK)"
        session.say(f"Place: {where}. Type where and your town, postcode or nation to set it.")
    else:
        try:
            session.place = session.directory.place(text)
        except PlaceError as exc:
            session.say(str(exc))
            return
        session.say(f"Showing services for people in {session.place.area.name} until you quit. (where none: forget it)")


def _search(session: _Session, query: str) -> None:
    from .places import split_query
    from .ranking import search

    place, found = session.place, None
    if place is None:
        found, query = split_query(session.directory.places, query)
        place = found.place if found is not None else None
    keep = session.directory.matcher(area=place.area.id) if place else None
    results = search(session.directory, query, limit=RESULT_LIMIT, keep=keep, place=place and place.area)
    session.numbered, session.shown = [], 0
    if not results:
        session.show(views.no_match_view(query, place=place, found=found))
        return
    doc = render.Doc()
    views.add_place(doc, place, found)
    if results.crisis:
        views.emergency_banner(doc)
    if results.general:
        doc.add("para", "No service in the directory matches your words closely. These are the general routes:", "bold")
    # About danger, suicide or self-harm: the emergency routes and Samaritans come before any advice.
    # Otherwise one piece of advice leads, so the best services are still on the first screen.
    topics, services = results.topics[:2], results.services
    order = [*services, *topics] if results.crisis else [*topics[:1], *services, *topics[1:]]
    session.numbered = [match.entry for match in order]
    _add_results(doc, session, FIRST_SCREEN)
    session.show(doc)


def _more(session: _Session) -> None:
    """The results after those on screen, in brief."""
    if session.shown >= len(session.numbered):
        session.say("No more results. Ask something else, or type a number to see one in full.")
        return
    doc = render.Doc()
    _add_results(doc, session, len(session.numbered))
    session.show(doc)


def _add_results(doc: render.Doc, session: _Session, upto: int) -> None:
    """Results ``session.shown + 1`` to ``upto``, numbered and in brief, then what to type next."""
    from .model import Topic

    for number in range(session.shown + 1, min(upto, len(session.numbered)) + 1):
        entry = session.numbered[number - 1]
        start = len(doc.blocks)
        if isinstance(entry, Topic):
            doc.add("heading", f"Advice: {entry.title}", "bold yellow")
        else:
            views.add_brief(doc, session.directory, entry, routes=2)
        doc.blocks[start].text = f"{number}. {doc.blocks[start].text}"
        doc.blank()
    session.shown = min(upto, len(session.numbered))
    left = len(session.numbered) - session.shown
    more = f" Type more for {messages.plural(left, 'more result')}." if left else ""
    doc.add("para", f"Type a number to see everything about it.{more}", "dim")
    views.footer(doc)


def _show_numbered(session: _Session, number: int) -> None:
    if not 1 <= number <= len(session.numbered):
        if session.numbered:
            session.say(messages.text("session-no-result", number=number, last=len(session.numbered)))
        else:
            session.say("Ask a question first; then type a result's number to see it in full.")
        return
    from .model import Topic

    entry = session.numbered[number - 1]
    if isinstance(entry, Topic):
        session.show(views.topic_view(session.directory, entry))
    else:
        session.show(views.service_view(session.directory, entry))


def _advice(session: _Session, topic_id: str | None) -> None:
    from .directory import UnknownName

    if topic_id is None:
        session.show(views.topics_index(session.directory))
        return
    try:
        topic = session.directory.topic(topic_id)
    except UnknownName as exc:
        session.say(messages.text("session-no-topic", id=topic_id, topics=", ".join(exc.valid)))
        return
    session.show(views.topic_view(session.directory, topic))


def _show_service(session: _Session, service_id: str) -> None:
    from .directory import UnknownName

    try:
        service = session.directory.service(service_id)
    except UnknownName:
        session.say(messages.text("session-no-service", id=service_id))
        return
    session.show(views.service_view(session.directory, service))
