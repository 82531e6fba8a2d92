"""The guided path: every path ends at services (at 999 wherever someone is in danger), the checker
finds a broken guide, and people can walk it on a real terminal, as a command and in the private session."""

from __future__ import annotations

import io
from pathlib import Path

import msgspec
import pytest

from helpfinder.directory import Directory
from helpfinder.loader import bundled_path, load
from helpfinder.guide import WHERE, audience, ending, ending_for, paths, problems, run
from helpfinder.model import GuideAnswer, GuideQuestion

from test_interactive import ANSI, Terminal, _terminal_env


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load(bundled_path(), use_cache=False)


def test_every_path_ends_at_a_service_and_at_999_wherever_danger_was_yes(directory: Directory) -> None:
    walked = list(paths(directory.data))
    assert len(walked) >= 20
    asked = {question.id for path in walked for question, _ in path}
    assert asked == {q.id for q in directory.data.guide}  # every question is on some path
    for path in walked:
        said = [answer.say for _, answer in path]
        last = path[-1][1]
        assert last.next is None, said
        ids = [s.id for s in ending(directory, last)]
        assert ids, said
        if any(answer.danger for _, answer in path):
            assert "police-emergency" in ids[:2], said
    danger = [p for p in walked if p[0][1].danger]
    assert len(danger) == 2 and all(len(p) == 1 for p in danger)  # danger ends the questions at once


def test_answers_end_where_a_signposter_would_send_them(directory: Directory) -> None:
    def end(*answers: int) -> list[str]:
        question = directory.data.guide[0]
        by_id = {q.id: q for q in directory.data.guide}
        for number in answers:
            answer = question.answers[number - 1]
            if answer.next is None:
                return [s.id for s in ending(directory, answer)]
            question = by_id[answer.next]
        raise AssertionError("the answers did not reach an ending")

    assert end(2)[:2] == ["samaritans", "police-emergency"]
    assert end(3, 1, 1, 1) == ["ceop", "childline"]  # a child asked for pictures online
    assert end(3, 2, 1, 1) == ["ceop", "nspcc-helpline"]  # an adult about a child groomed online
    assert end(3, 2, 1, 2) == ["internet-watch-foundation", "report-remove"]  # the young person can use Report Remove
    assert end(3, 1, 2, 2) == ["stop-it-now"]
    assert "crimestoppers" in end(3, 2, 2, 5, 1)  # report, anonymously


def test_endings_found_by_need_are_for_who_the_help_is_for(directory: Directory) -> None:
    by_say = {tuple(a.say for _, a in path): path for path in paths(directory.data)}
    myself_adult = by_say[("No", "About myself", "No, I am 18 or over", "Something that was done to me (abuse, rape or another crime)", "No, as an adult")]
    assert audience(myself_adult) == "adults"
    ids = [s.id for s in ending(directory, myself_adult[-1][1], audience(myself_adult))]
    assert "childline" not in ids and "marie-collins-foundation" not in ids
    assert "rape-crisis-england-wales" in ids and "revenge-porn-helpline" in ids
    other_adult = by_say[("No", "About someone else", "No", "Someone who was hurt, abused, or a victim of crime")]
    assert "childline" not in [s.id for s in ending_for(directory, other_adult[-1][1], None, audience(other_adult))]
    assert "childline" in [s.id for s in ending(directory, other_adult[-1][1])]  # without the audience it would be offered
    young = by_say[("No", "About myself", "Yes, I am under 18", "Yes, pictures or videos of me have been shared")]
    assert audience(young) == "children-young-people"
    assert [s.id for s in ending(directory, young[-1][1], audience(young))] == ["childline", "ceop", "internet-watch-foundation", "report-remove"]


def test_the_guide_run_keeps_an_adult_from_childline(directory: Directory) -> None:
    out = io.StringIO()
    assert run(directory, io.StringIO("3\n1\n2\n1\n2\n\n"), out, plain=True)  # myself, adult, done to me, as an adult, no place
    assert "Rape Crisis England & Wales" in out.getvalue()
    assert "helpfinder show childline" not in out.getvalue()  # each service shown ends with this line


def test_every_ending_has_a_service_for_people_in_each_nation(directory: Directory) -> None:
    nations = directory.places.nations()
    assert len(nations) == 4
    for path in paths(directory.data):
        last = path[-1][1]
        for nation in nations:
            found = ending_for(directory, last, nation)
            assert found, ([a.say for _, a in path], nation.id)
            assert all(directory.places.covers(s, nation) for s in found)


def _with_guide(directory: Directory, guide: list[GuideQuestion]) -> list[str]:
    return [message for _, message in problems(msgspec.structs.replace(directory.data, guide=guide))]


def test_the_checker_finds_a_broken_guide(directory: Directory) -> None:
    end = GuideAnswer(say="No", services=["childline"])
    assert _with_guide(directory, [GuideQuestion(id="a", ask="?", answers=[GuideAnswer(say="Yes", next="nowhere"), end])]) == [
        "no guide question has the id 'nowhere'"
    ]
    assert _with_guide(directory, [GuideQuestion(id="a", ask="?", answers=[GuideAnswer(say="Yes"), end])]) == [
        "this answer neither asks another question (next) nor ends at services or needs"
    ]
    assert _with_guide(directory, [GuideQuestion(id="a", ask="?", answers=[GuideAnswer(say="Yes", next="a"), end])]) == [
        "this path loops back to 'a'"
    ]
    danger = GuideAnswer(say="Yes", danger=True, services=["childline"])
    assert _with_guide(directory, [GuideQuestion(id="a", ask="?", answers=[danger, end])]) == [
        "an answer that says someone is in danger must end at the emergency line"
    ]
    unknown = GuideAnswer(say="Yes", services=["no-such"], needs=["no-need"])
    assert _with_guide(directory, [GuideQuestion(id="a", ask="?", answers=[unknown, end])]) == [
        "no service has the id 'no-such'",
        "no need has the id 'no-need'",
    ]
    assert _with_guide(directory, directory.data.guide) == []


def test_helpfinder_guide_on_a_terminal(tmp_path: Path) -> None:
    term = Terminal(_terminal_env(tmp_path, "xterm-256color"), "guide")
    term.read_until("Is anyone in danger right now?")
    term.send(b"7\r")
    term.read_until("Type a number from 1 to 3")
    for answer, next_question in ((b"3\r", "yourself, or about someone else?"), (b"2\r", "Is it about a child"), (b"1\r", "online, or sexual pictures")):
        term.send(answer)
        term.read_until(next_question)
    term.send(b"1\r")
    term.read_until(WHERE)
    term.send(b"Atlantis\r")
    term.read_until("does not know the place 'Atlantis'")
    term.send(b"Cardiff\r")
    screen = term.read_until("In immediate danger, call 999.")
    assert term.exit_code() == 0
    assert "CEOP" in screen and "NSPCC Helpline" in screen
    assert "DANGER? CALL 999" not in screen.upper()  # no banner: nobody said there was danger


def test_danger_yes_ends_at_999_on_a_terminal(tmp_path: Path) -> None:
    term = Terminal(_terminal_env(tmp_path, "dumb"), "guide")
    term.read_until("Is anyone in danger right now?")
    term.send(b"1\r")
    screen = ANSI.sub("", term.read_until("In immediate danger, call 999."))
    assert term.exit_code() == 0
    after = screen.split("Yes, someone is in danger now")[-1]
    assert after.index("IN IMMEDIATE DANGER? CALL 999") < after.index("Police emergency (999)") < after.index("emergencySMS")


def test_the_guide_in_the_private_session(tmp_path: Path) -> None:
    term = Terminal(_terminal_env(tmp_path, "dumb"))
    term.read_until("What do you need help with?")
    term.send(b"guide\r")
    term.read_until("Is anyone in danger right now?")
    term.send(b"q\r")
    term.read_until("Stopped the questions")
    term.send(b"guide\r")
    term.read_until("Is anyone in danger right now?")
    term.send(b"2\r")
    screen = term.read_until("116 123")
    assert "Samaritans" in screen
    term.read_until("In immediate danger, call 999.")
    term.send(b"q\r")  # read at the session's prompt, after the guide
    assert term.exit_code() == 0
    assert ANSI.sub("", term.seen).count("What do you need help with?") == 3
