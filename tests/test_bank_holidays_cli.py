"""Bank holidays as a person sees them: listings, --open-now, show, check and export.

The fixture has one route per holiday rule, in areas of three nations. In 2026
Christmas Day is a Friday and its Boxing Day substitute Monday 28 December;
St Andrew's Day (Scotland only) is Monday 30 November; St Patrick's Day
(Northern Ireland only) Tuesday 17 March; Tuesday 1 December is an ordinary day.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpfinder.cli import app

sys.path.insert(0, str(Path(__file__).parent))
from minimal import line_of, mutate, write  # noqa: E402

DIRECTORY = """\
schema_version: 1
title: Bank holiday directory
needs:
  - id: support
    label: Support
    description: Someone to talk to.
areas:
  - id: uk
    name: United Kingdom
  - id: scotland
    name: Scotland
    within: uk
    bank_holidays: SCT
  - id: northern-ireland
    name: Northern Ireland
    within: uk
    bank_holidays: NIR
services:
  - id: unstated
    name: Unstated line
    organisation: Charity A
    description: Its source gives weekday hours and says nothing about bank holidays.
    needs: [support]
    area: uk
    contacts:
      - channel: phone
        value: "0808 800 5000"
        cost: Stated cost
        hours:
          weekdays: ["09:00-17:00"]
    source: https://www.nspcc.org.uk/
    verified: 2026-11-01
  - id: shut
    name: Shut line
    organisation: Charity B
    description: Its source says it is closed on bank holidays.
    needs: [support]
    area: uk
    contacts:
      - channel: phone
        value: "0800 1111"
        cost: Stated cost
        hours:
          weekdays: ["09:00-17:00"]
          bank_holidays: closed
    source: https://www.childline.org.uk/
    verified: 2026-11-01
  - id: always
    name: Always line
    organisation: Charity C
    description: Open round the clock.
    needs: [support]
    area: uk
    contacts:
      - channel: phone
        value: "116 123"
        cost: Stated cost
        hours: 24/7
    source: https://www.samaritans.org/
    verified: 2026-11-01
  - id: glasgow
    name: Scottish line
    organisation: Charity D
    description: A Scottish office.
    needs: [support]
    area: scotland
    contacts:
      - channel: phone
        value: "0141 496 0000"
        cost: Stated cost
        hours:
          weekdays: ["09:00-17:00"]
    source: https://www.example.org.uk/
    verified: 2026-11-01
  - id: belfast
    name: Northern Irish line
    organisation: Charity E
    description: A Northern Irish office.
    needs: [support]
    area: northern-ireland
    contacts:
      - channel: phone
        value: "028 9649 6000"
        cost: Stated cost
        hours:
          weekdays: ["09:00-17:00"]
    source: https://www.example.org.uk/
    verified: 2026-11-01
"""

HOLIDAY = "bank holiday: hours may differ, check the website"
OPEN = "open now; closes 17:00"
COST = "; Stated cost"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write(tmp_path, DIRECTORY)


def statuses(runner: CliRunner, data: Path, *args: str) -> dict[str, str]:
    """The status under each phone route of ``list --plain``, by number (the line ends with the cost)."""
    result = runner.invoke(app, ["list", "--data", str(data), "--plain", *args])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    found = {}
    for i, line in enumerate(lines):
        if line.strip().startswith("Phone: "):
            facts = lines[i + 1].strip()
            assert facts.endswith(COST), facts
            found[line.strip()[len("Phone: ") :]] = facts[: -len(COST)]
    return found


def test_christmas_day(runner: CliRunner, data: Path) -> None:
    assert statuses(runner, data, "--at", "2026-12-25 10:00") == {
        "0808 800 5000": HOLIDAY,
        "0800 1111": "closed; opens Tue 09:00",
        "116 123": "24/7",
        "0141 496 0000": HOLIDAY,
        "028 9649 6000": HOLIDAY,
    }


def test_substitute_bank_holiday(runner: CliRunner, data: Path) -> None:
    shown = statuses(runner, data, "--at", "2026-12-28 10:00")
    assert shown["0808 800 5000"] == HOLIDAY
    assert shown["0800 1111"] == "closed; opens Tue 09:00"


def test_ordinary_weekday(runner: CliRunner, data: Path) -> None:
    shown = statuses(runner, data, "--at", "2026-12-01 10:00")
    assert shown["0808 800 5000"] == OPEN
    assert shown["0800 1111"] == OPEN
    assert shown["0141 496 0000"] == OPEN


def test_scottish_only_holiday_follows_the_services_area(runner: CliRunner, data: Path) -> None:
    shown = statuses(runner, data, "--at", "2026-11-30 10:00")  # St Andrew's Day
    assert shown["0141 496 0000"] == HOLIDAY
    assert shown["028 9649 6000"] == OPEN
    assert shown["0808 800 5000"] == OPEN


def test_northern_irish_only_holiday_follows_the_services_area(runner: CliRunner, data: Path) -> None:
    shown = statuses(runner, data, "--at", "2026-03-17 10:00")  # St Patrick's Day
    assert shown["028 9649 6000"] == HOLIDAY
    assert shown["0141 496 0000"] == OPEN
    assert shown["0808 800 5000"] == OPEN


def test_open_now_keeps_unstated_routes_marked_and_drops_closed_ones(runner: CliRunner, data: Path) -> None:
    assert statuses(runner, data, "--open-now", "--at", "2026-12-25 10:00") == {
        "0808 800 5000": HOLIDAY,
        "116 123": "24/7",
        "0141 496 0000": HOLIDAY,
        "028 9649 6000": HOLIDAY,
    }
    # The same routes on an ordinary weekday evening: only the 24/7 line.
    assert list(statuses(runner, data, "--open-now", "--at", "2026-12-01 19:00")) == ["116 123"]


def test_show_says_what_is_known_about_bank_holidays(runner: CliRunner, data: Path) -> None:
    def hours_line(service: str) -> str:
        result = runner.invoke(app, ["show", service, "--data", str(data), "--plain", "--at", "2026-12-01 10:00"])
        assert result.exit_code == 0, result.output
        return next(line.strip() for line in result.stdout.splitlines() if line.strip().startswith("Hours for "))

    assert hours_line("unstated") == "Hours for 0808 800 5000: Mon to Fri 09:00 to 17:00; Sat to Sun closed; bank holidays: not stated, check the website"
    assert hours_line("shut") == "Hours for 0800 1111: Mon to Fri 09:00 to 17:00; Sat to Sun closed; bank holidays: closed"
    assert hours_line("always") == "Hours for 116 123: 24 hours, every day, bank holidays included"


def test_html_export_carries_bank_holidays(runner: CliRunner, data: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "html", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "Mon\u2013Fri 09:00\u201317:00; Sat\u2013Sun closed; bank holidays: closed" in result.stdout
    assert result.stdout.count("bank holidays: not stated, check the website") == 3


def test_hsds_export_of_a_route_closed_on_bank_holidays(runner: CliRunner, data: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "hsds", "--data", str(data)])
    assert result.exit_code == 0, result.output
    shut = next(record for record in json.loads(result.stdout) if record["name"] == "Shut line")
    assert [(s["byday"], s["opens_at"], s["closes_at"], s["notes"]) for s in shut["schedules"]] == [
        ("MO,TU,WE,TH,FR", "09:00", "17:00", "Times are UK local time (Europe/London): GMT in winter, BST in summer. Bank holidays: closed.")
    ]
    assert shut["schedules"][0]["description"] == "Phone 0800 1111: Mon\u2013Fri 09:00\u201317:00; Sat\u2013Sun closed; bank holidays: closed"


@pytest.mark.parametrize(
    ("written", "column", "message"),
    [
        ("bank_holidays: open", 26, '"open" is not a bank-holiday rule'),
        # A list or a mapping is located at its key.
        ("bank_holidays: []", 11, "an empty list is not a bank-holiday rule"),
        ("bank_holidays: {christmas: closed}", 11, "a mapping is not a bank-holiday rule"),
        ('bank_holidays: ["10-14"]', 27, '"10-14" is not an opening period written HH:MM-HH:MM'),
    ],
)
def test_check_locates_a_bad_bank_holiday_rule(runner: CliRunner, tmp_path: Path, written: str, column: int, message: str) -> None:
    text = mutate(DIRECTORY, "bank_holidays: closed", written)
    path = write(tmp_path, text)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    problem = next(line for line in result.stdout.splitlines() if line.endswith("[bank-holidays]"))
    assert problem.startswith(f"{path}:{line_of(text, written)}:{column}: error: services[1] (shut) contacts[0].hours.bank_holidays")
    assert message in problem


@pytest.mark.parametrize("written", ["bank_holidays: as-usual", 'bank_holidays: ["10:00-14:00"]'])
def test_check_accepts_each_stated_rule(runner: CliRunner, tmp_path: Path, written: str) -> None:
    path = write(tmp_path, mutate(DIRECTORY, "bank_holidays: closed", written))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output


def test_own_bank_holiday_hours_in_a_listing(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, mutate(DIRECTORY, "bank_holidays: closed", 'bank_holidays: ["10:00-14:00"]'))
    assert statuses(runner, path, "--at", "2026-12-25 10:30")["0800 1111"] == "open now; closes 14:00"


def test_at_in_the_skipped_spring_hour_is_refused(runner: CliRunner, data: Path) -> None:
    result = runner.invoke(app, ["list", "--data", str(data), "--at", "2026-03-29 01:30"])
    assert result.exit_code == 2
    assert result.stderr.startswith("helpfinder: --at:")
    assert "never happens in the UK: the clocks go forward from 01:00 to 02:00 that night" in result.stderr


# --- the person's nation (--where) -------------------------------------------------


def test_where_makes_the_persons_bank_holidays_apply(runner: CliRunner, data: Path) -> None:
    st_andrews = ("--at", "2026-11-30 10:00")
    # A UK-wide line seen from Scotland on St Andrew's Day is on a bank holiday there...
    assert statuses(runner, data, "--where", "scotland", *st_andrews)["0808 800 5000"] == HOLIDAY
    assert statuses(runner, data, "--where", "scotland", *st_andrews)["0800 1111"] == "closed; opens Tue 09:00"
    # ...but not from Northern Ireland, nor when no place is given (the line's own area is England's).
    assert statuses(runner, data, "--where", "northern-ireland", *st_andrews)["0808 800 5000"] == OPEN
    assert statuses(runner, data, *st_andrews)["0808 800 5000"] == OPEN
    # "The UK" names no nation: the line's own area decides.
    assert statuses(runner, data, "--where", "uk", *st_andrews)["0808 800 5000"] == OPEN
    # St Patrick's Day, seen from Northern Ireland.
    assert statuses(runner, data, "--where", "northern-ireland", "--at", "2026-03-17 10:00")["0808 800 5000"] == HOLIDAY


def test_where_and_open_now_use_the_persons_bank_holidays(runner: CliRunner, data: Path) -> None:
    shown = statuses(runner, data, "--where", "scotland", "--open-now", "--at", "2026-11-30 10:00")
    assert shown == {"0808 800 5000": HOLIDAY, "116 123": "24/7", "0141 496 0000": HOLIDAY}
    shown = statuses(runner, data, "--where", "northern-ireland", "--open-now", "--at", "2026-11-30 10:00")
    assert shown == {"0808 800 5000": OPEN, "0800 1111": OPEN, "116 123": "24/7", "028 9649 6000": OPEN}
