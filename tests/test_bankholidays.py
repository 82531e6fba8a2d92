"""The bank holiday table: the same dates as the ``holidays`` package, without its import cost."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import holidays
import pytest

from helpfinder.bankholidays import _TABLE, FIRST_YEAR, LAST_YEAR, NATIONS, is_bank_holiday


@pytest.mark.parametrize("nation", NATIONS)
def test_table_matches_the_installed_package(nation: str) -> None:
    """Fails after an upgrade of ``holidays`` changes a date: run python scripts/bank_holidays.py."""
    package = holidays.country_holidays("GB", subdiv=nation, years=range(FIRST_YEAR, LAST_YEAR + 1))
    assert sorted(_TABLE[nation]) == list(range(FIRST_YEAR, LAST_YEAR + 1))
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        listed = {dt.date(year, int(day[:2]), int(day[3:])) for day in _TABLE[nation][year].split()}
        assert listed == {day for day in package if day.year == year}, (nation, year)


def test_the_module_holds_what_the_generator_writes() -> None:
    """One table per distinct calendar: England and Wales share theirs."""
    import runpy
    from pathlib import Path

    script = runpy.run_path(str(Path(__file__).resolve().parent.parent / "scripts" / "bank_holidays.py"))
    assert script["table"]() in script["MODULE"].read_text(encoding="utf-8")
    assert _TABLE["ENG"] is _TABLE["WLS"]


def test_each_nation_has_its_own_days() -> None:
    # 2026: 2 January and St Andrew's Day (30 November) in Scotland; St Patrick's
    # Day (17 March) and the Battle of the Boyne (substitute, 13 July) in Northern
    # Ireland; Easter Monday (6 April) everywhere but Scotland.
    days = {
        dt.date(2026, 1, 2): {"SCT"},
        dt.date(2026, 11, 30): {"SCT"},
        dt.date(2026, 3, 17): {"NIR"},
        dt.date(2026, 7, 13): {"NIR"},
        dt.date(2026, 4, 6): {"ENG", "WLS", "NIR"},
        dt.date(2026, 12, 25): {"ENG", "WLS", "SCT", "NIR"},
        dt.date(2026, 12, 28): {"ENG", "WLS", "SCT", "NIR"},
        dt.date(2026, 12, 1): set(),
    }
    for day, nations in days.items():
        assert {n for n in NATIONS if is_bank_holiday(day, n)} == nations, day


def test_years_outside_the_table_ask_the_package() -> None:
    assert is_bank_holiday(dt.date(2041, 1, 2), "SCT") is True
    assert is_bank_holiday(dt.date(2041, 1, 2), "ENG") is False
    assert is_bank_holiday(dt.date(2019, 12, 26), "NIR") is True


def test_holidays_package_imported_only_outside_the_table() -> None:
    code = (
        "import sys, datetime as dt\n"
        "from helpfinder import hours, model\n"
        "office = model.Hours(weekdays=['09:00-17:00'])\n"
        "assert hours.status(office, 'SCT', dt.datetime(2026, 11, 30, 10, 0)).state == 'holiday'\n"
        "assert 'holidays' not in sys.modules, 'imported for a year in the table'\n"
        "assert hours.status(office, 'ENG', dt.datetime(2050, 12, 26, 10, 0)).state == 'holiday'\n"
        "assert 'holidays' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
