"""``helpfinder advice``: the article's guidance, data-driven, with the routes to use."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest
from typer.testing import CliRunner

from helpfinder import hours
from helpfinder.cli import app
from helpfinder.loader import load
from helpfinder.model import Topic

from conftest import DATA, run_exe

MAIN = "leave-it-to-the-police"


def test_no_topic_lists_every_topic_with_its_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["advice", "--plain"])
    assert result.exit_code == 0, result.output
    topics = load().topics
    assert len(topics) >= 3
    for topic in topics:
        assert topic.title in result.output
        assert f"helpfinder advice {topic.id}" in result.output
    assert result.output.rstrip().endswith("In immediate danger, call 999.")


def test_the_main_topic_says_report_do_not_investigate(runner: CliRunner) -> None:
    result = runner.invoke(app, ["advice", MAIN, "--plain"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "report it to the police and let them investigate" in out
    assert "What not to do" in out
    for word in ("decoy", "confront", "social media"):
        assert word in out
    # The routes, in the order a frightened person needs them: 999, then 101, then CEOP.
    assert out.index("Phone: 999") < out.index("Phone: 101") < out.index("https://www.ceop.police.uk/ceop-reporting/")
    assert "Free in England and Wales since 1 April 2020" in out
    topic = load().topic(MAIN)
    assert f"Source: {topic.source}" in out


def test_the_main_topic_points_to_the_legitimate_ways_to_help(runner: CliRunner) -> None:
    main = runner.invoke(app, ["advice", MAIN, "--plain"]).output
    assert "helpfinder advice support-the-police" in main
    helping = runner.invoke(app, ["advice", "support-the-police", "--plain"])
    assert helping.exit_code == 0
    assert "Special Constabulary" in helping.output
    assert "Website: https://www.northyorkshire.police.uk/" in helping.output
    assert "/jobs/" not in helping.output  # the 2021 link that could not be confirmed: the curators' note, for `show`


def test_accused_and_families_get_samaritans(runner: CliRunner) -> None:
    result = runner.invoke(app, ["advice", "accused-or-family", "--plain"])
    assert result.exit_code == 0
    assert re.search(r"Phone: 116 ?123\n +24/7; Free", result.output)
    assert "Samaritans" in result.output


def test_unknown_topic_exits_1_and_names_the_valid_ones(runner: CliRunner) -> None:
    result = runner.invoke(app, ["advice", "vigilantes"])
    assert result.exit_code == 1
    assert "no advice topic with the id 'vigilantes'" in result.stderr
    for topic in load().topics:
        assert topic.id in result.stderr
    assert "Traceback" not in result.output


def test_unknown_topic_matches_show_for_an_unknown_id(runner: CliRunner) -> None:
    assert runner.invoke(app, ["show", "nobody"]).exit_code == runner.invoke(app, ["advice", "nobody"]).exit_code == 1


def test_json_is_the_topic_as_the_data_model(runner: CliRunner) -> None:
    one = runner.invoke(app, ["advice", MAIN, "--json"])
    assert one.exit_code == 0
    assert msgspec.json.decode(one.stdout, type=Topic) == load().topic(MAIN)
    every = runner.invoke(app, ["advice", "--json"])
    assert every.exit_code == 0
    assert msgspec.json.decode(every.stdout, type=list[Topic]) == load().topics


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = DATA.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "variant.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_at_shows_each_route_status_for_that_moment(runner: CliRunner, tmp_path: Path) -> None:
    data = _variant(
        tmp_path,
        "services: [police-volunteering, police-non-emergency]",
        "services: [police-volunteering, nspcc-helpline]",
    )
    directory = load(data)
    nspcc = directory.service("nspcc-helpline").contacts[0]
    for when in ("2026-12-05 23:30", "2026-12-07 12:00"):
        expected = hours.status(nspcc.hours, "ENG", hours.parse_moment(when)).text.replace(" · ", "; ")  # plain text says ";"
        result = runner.invoke(app, ["advice", "support-the-police", "--data", str(data), "--at", when, "--plain"])
        assert result.exit_code == 0, result.output
        assert f"Helpline; {expected};" in result.output
    assert "closed" in hours.status(nspcc.hours, "ENG", hours.parse_moment("2026-12-05 23:30")).text


def test_bad_at_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["advice", MAIN, "--at", "tomorrow-ish"])
    assert result.exit_code == 2
    assert "--at" in result.stderr and "YYYY-MM-DD HH:MM" in result.stderr


def test_a_directory_without_topics_says_so(runner: CliRunner, tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8")
    start, end = text.index("\ntopics:\n"), text.index("\nsynonyms:\n")
    path = tmp_path / "no-topics.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = runner.invoke(app, ["advice", "--data", str(path)])
    assert result.exit_code == 1
    assert "no advice topics" in result.output and "999" in result.output


@pytest.mark.parametrize("query", ["paedophile hunter", "confront", "decoy", "should I confront him myself"])
def test_search_surfaces_the_advice(runner: CliRunner, query: str) -> None:
    result = runner.invoke(app, ["search", *query.split(), "--plain"])
    assert result.exit_code == 0, result.output
    assert f"helpfinder advice {MAIN}" in result.output
    first_heading = next(line for line in result.output.splitlines() if line and not line.startswith(" "))
    assert first_heading.startswith("Advice: ")


def test_the_installed_command() -> None:
    done = run_exe("advice", MAIN)
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout  # piped: plain text
    assert "Do not confront the person" in done.stdout


def test_a_crisis_search_puts_emergency_routes_and_samaritans_before_the_advice(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "I", "was", "accused", "and", "want", "to", "kill", "myself", "--plain"])
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("IN IMMEDIATE DANGER? CALL 999")
    assert "Advice: Accused of something" in out
    advice = out.index("Advice: ")
    assert out.index("\nSamaritans\n") < advice
    assert out.index("Phone: 999") < advice
