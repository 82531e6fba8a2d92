"""Accessible routes, the cost of calling and "open now", as a person sees them in the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest
from typer.testing import CliRunner

from helpfinder import hours, phones
from helpfinder.cli import app
from helpfinder.problems import DirectoryError
from helpfinder.loader import load
from helpfinder.model import NUMBER_CHANNELS, Contact, Service

from conftest import DATA, run_exe

SATURDAY_NIGHT = "2026-12-05 23:30"
MONDAY_NOON = "2026-12-07 12:00"


def plain(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--plain"])
    return result.exit_code, result.output


def route_facts(output: str, shown: str) -> list[str]:
    """The fact lines under every route line showing ``shown`` (e.g. "Phone: 0800 1111")."""
    lines = output.splitlines()
    return [lines[i + 1].strip() for i, line in enumerate(lines[:-1]) if line.strip() == shown]


# --- accessible routes ---------------------------------------------------------


def test_emergency_view_has_the_routes_deaf_and_speech_impaired_people_use(runner: CliRunner) -> None:
    code, out = plain(runner, "emergency")
    assert code == 0
    assert "Textphone: 18000" in out
    assert "Relay UK" in out
    assert "emergencySMS (text 999)" in out
    assert 'text "register" to 999' in plain(runner, "show", "emergency-sms")[1]  # the brief view points there
    assert "Text: 999" in out
    assert "BSL video: https://www.999bsl.co.uk/" in out
    # 999 comes before all of them.
    assert out.index("call 999 now") < min(out.index("18000"), out.index("Text: 999"), out.index("999bsl"))


@pytest.mark.parametrize("service_id", ["relay-uk", "emergency-sms", "999-bsl"])
def test_each_accessible_route_has_its_source(runner: CliRunner, service_id: str) -> None:
    service = load().service(service_id)
    assert service.source.startswith("https://")
    code, out = plain(runner, "show", service_id)
    assert code == 0
    assert f"Source: {service.source}" in out
    assert "deaf-or-speech-impaired" in service.needs


@pytest.mark.parametrize(
    ("channel", "label", "must_show"),
    [
        ("textphone", "Textphone", ["Textphone: 18000", "Textphone: 18001 101"]),
        ("text", "Text", ["Text: 999", '"register"']),
        ("bsl", "BSL video", ["BSL video: https://www.999bsl.co.uk/"]),
    ],
)
def test_channel_filter_finds_the_accessible_routes(runner: CliRunner, channel: str, label: str, must_show: list[str]) -> None:
    code, out = plain(runner, "list", "--channel", channel)
    assert code == 0
    for text in must_show:
        assert text in out
    route_lines = re.findall(r"^  (Phone|Text|Textphone|Email|Website|Report online|Web chat|BSL video): \S", out, flags=re.MULTILINE)
    assert route_lines and set(route_lines) == {label}, "only routes of that channel are shown"
    as_json = runner.invoke(app, ["list", "--channel", channel, "--json"])
    records = msgspec.json.decode(as_json.stdout)
    services = [msgspec.convert({k: v for k, v in r.items() if k != "coverage"}, Service) for r in records]
    assert services and all(any(c.channel == channel for c in s.contacts) for s in services)


def test_unknown_channel_is_a_usage_error_listing_the_channels(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--channel", "fax"])
    assert result.exit_code == 2
    assert "textphone" in result.stderr and "bsl" in result.stderr
    assert "Traceback" not in result.output


# --- cost ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "free", "cost"),
    [
        ("0800 1111", True, phones.FREE),
        ("0808 800 5000", True, phones.FREE),
        ("116 123", True, phones.FREE),
        ("0330 223 0362", False, phones.UK_WIDE),
        ("0300 123 1212", False, phones.UK_WIDE),
        ("01609 643100", False, phones.GEOGRAPHIC),
        ("020 7946 0000", False, phones.GEOGRAPHIC),
    ],
)
def test_cost_is_derived_from_the_number(number: str, free: bool, cost: str) -> None:
    info = phones.analyse(number)
    assert (info.free, info.cost) == (free, cost)


def test_cost_texts_say_what_a_caller_needs_to_know() -> None:
    assert "Free" in phones.FREE and "mobiles" in phones.FREE
    assert "01 or 02" in phones.UK_WIDE and "inclusive minutes" in phones.UK_WIDE
    assert "standard rate" in phones.GEOGRAPHIC


@pytest.mark.parametrize("number", ["0906 123 4567", "0909 879 0000", "0844 123 4567", "0871 123 4567", "0870 123 4567", "+44 845 123 4567"])
def test_premium_and_084_087_numbers_are_refused(number: str) -> None:
    with pytest.raises(phones.PhoneError) as refused:
        phones.analyse(number)
    assert refused.value.rule == "phone-premium"


def test_the_loader_refuses_a_premium_number_with_its_line(runner: CliRunner, tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8")
    assert text.count('"0808 1000 900"') == 1
    bad = tmp_path / "premium.yaml"
    bad.write_text(text.replace('"0808 1000 900"', '"0845 123 4567"'), encoding="utf-8")
    line = next(n for n, row in enumerate(bad.read_text().splitlines(), 1) if "0845 123 4567" in row)
    with pytest.raises(DirectoryError) as refused:
        load(bad)
    assert [p.rule for p in refused.value.problems] == ["phone-premium"]
    result = runner.invoke(app, ["list", "--data", str(bad)])
    assert result.exit_code == 2
    assert f"premium.yaml:{line}:" in result.stderr and "[phone-premium]" in result.stderr
    assert "call 999" in result.stderr


def test_listing_shows_stated_costs_over_derived_ones(runner: CliRunner) -> None:
    directory = load()
    victims = directory.service("supporting-victims").contacts[0]
    assert victims.cost and phones.analyse(victims.value).cost != victims.cost
    assert directory.cost(victims) == victims.cost
    code, out = plain(runner, "list")
    assert code == 0
    [facts] = set(route_facts(out, "Phone: 01609 643100"))
    assert victims.cost in facts and phones.GEOGRAPHIC not in facts
    assert all("Free in England and Wales since 1 April 2020" in f for f in route_facts(out, "Phone: 101"))
    assert all("24/7; Free" == f for f in route_facts(out, "Phone: 0800 1111"))  # stated by the source
    assert all(phones.FREE in f for f in route_facts(out, "Phone: 0808 168 9111"))  # derived from the number


def test_free_keeps_only_free_routes(runner: CliRunner) -> None:
    code, out = plain(runner, "list", "--free")
    assert code == 0
    for kept in ("Phone: 999", "Phone: 0800 1111", "Phone: 0808 800 5000", "Phone: 0808 168 9111"):
        assert kept in out, kept
    assert re.search(r"Phone: 116 ?123", out)
    # 101 is free in England and Wales, but no source confirms it for Scotland and Northern Ireland.
    for dropped in ("Phone: 101", "01609 643100", "Text: 999", "Website:", "Email:"):
        assert dropped not in out, dropped
    directory = load()
    stated = [c for s in directory.services for c in s.contacts if c.value == "999" and c.channel == "phone"]
    assert stated and all(c.free is True and directory.is_free(c) for c in stated)
    derived = [c for s in directory.services for c in s.contacts if c.free is None and c.value.startswith(("0800", "0808", "116"))]
    assert derived and all(directory.is_free(c) for c in derived)


# --- open now ------------------------------------------------------------------------


def _number_routes() -> list[tuple[str, Contact, str]]:
    """(route line as shown, the route, its nation) for every number route of the bundled directory."""
    directory = load()
    routes = []
    for service in directory.services:
        for contact in service.contacts:
            if contact.channel in NUMBER_CHANNELS:
                info = directory.phone(contact)
                label = {"phone": "Phone", "text": "Text", "textphone": "Textphone"}[contact.channel]
                routes.append((f"{label}: {info.display if info else contact.value}", contact, directory.nation(service)))
    return routes


@pytest.mark.parametrize("when", [SATURDAY_NIGHT, MONDAY_NOON])
def test_listing_shows_each_route_status_as_hours_computes_it(runner: CliRunner, when: str) -> None:
    code, out = plain(runner, "list", "--at", when)
    assert code == 0
    moment = hours.parse_moment(when)
    for shown, contact, nation in _number_routes():
        expected = hours.status(contact.hours, nation, moment).text.replace(" · ", "; ")  # plain text says ";"
        facts = route_facts(out, shown)
        assert facts, shown
        assert all(expected in f for f in facts), (shown, expected, facts)


def test_monday_noon_reads_open_now_closes_22(runner: CliRunner) -> None:
    code, out = plain(runner, "list", "--at", MONDAY_NOON)
    assert code == 0
    assert all("open now; closes 22:00" in f for f in route_facts(out, "Phone: 0808 800 5000"))
    assert all("open now; closes 17:00" in f for f in route_facts(out, "Phone: 01609 643100"))


def test_open_now_on_saturday_night(runner: CliRunner) -> None:
    code, before = plain(runner, "list", "--at", SATURDAY_NIGHT)
    assert code == 0
    assert "Phone: 0808 800 5000" in before  # NSPCC's helpline is listed, closed...
    code, out = plain(runner, "list", "--open-now", "--at", SATURDAY_NIGHT)
    assert code == 0
    assert "0808 800 5000" not in out  # ...and --open-now drops it (weekends 09:00-18:00)
    assert "01609 643100" not in out  # weekdays only
    assert "NSPCC Helpline" in out and "Email: help@nspcc.org.uk" in out  # its other routes stay
    for always in ("Phone: 0800 1111", "Phone: 101", "Phone: 0808 168 9111", "BSL video: https://www.999bsl.co.uk/"):
        assert always in out, always
    for unknown in ("Phone: 0800 555 111", "Textphone: 18000"):
        facts = route_facts(out, unknown)
        assert facts and all(hours.UNKNOWN_TEXT in f for f in facts), unknown


def test_open_now_applies_to_search_too(runner: CliRunner) -> None:
    words = ["worried", "about", "a", "child"]
    code, out = plain(runner, "search", *words, "--at", SATURDAY_NIGHT)
    assert code == 0 and "0808 800 5000" in out
    code, out = plain(runner, "search", *words, "--open-now", "--at", SATURDAY_NIGHT)
    assert code == 0  # the NSPCC's email and form are open, and Stop It Now's phone line
    assert "0808 800 5000" not in out and "NSPCC Helpline" in out and "Phone: 0808 1000 900" in out


@pytest.mark.parametrize("command", [["list"], ["search", "grooming"], ["show", "nspcc-helpline"], ["emergency"]])
@pytest.mark.parametrize("bad", ["2026-13-05 23:30", "25:00", "next tuesday"])
def test_bad_at_is_a_usage_error(runner: CliRunner, command: list[str], bad: str) -> None:
    result = runner.invoke(app, [*command, "--open-now", "--at", bad] if command == ["list"] else [*command, "--at", bad])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("helpfinder: --at:")
    assert bad in result.stderr
    assert "Traceback" not in result.output


def test_the_installed_command_answers_for_another_moment() -> None:
    done = run_exe("list", "--open-now", "--at", SATURDAY_NIGHT)
    assert done.returncode == 0, done.stderr
    assert "0808 800 5000" not in done.stdout and "0800 1111" in done.stdout
