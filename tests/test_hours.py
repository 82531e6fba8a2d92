"""Opening hours: open now, next change, the BST/GMT switch, bank holidays and the texts."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from zoneinfo import ZoneInfo

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpfinder import hours, model
from helpfinder.hours import RouteStatus, describe, is_open, parse_moment, status

UK = ZoneInfo("Europe/London")

UTC = dt.timezone.utc

OFFICE = model.Hours(weekdays=["09:00-17:00"])
NSPCC = msgspec.convert(
    {"weekdays": ["08:00-22:00"], "weekends": ["09:00-18:00"], "bank_holidays": "closed"},
    model.Hours,
)
OVERNIGHT = model.Hours(mon=["22:00-02:00"])


def uk(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UK)


# --- always / unknown ------------------------------------------------------------


def test_always_open() -> None:
    result = status("24/7", at=dt.datetime(2026, 12, 25, 3, 0))
    assert result == RouteStatus("always", "24/7", None, None)
    assert is_open("24/7", "ENG", dt.datetime(2026, 12, 25, 3, 0)) is True


def test_unknown_hours() -> None:
    result = status(None, at=dt.datetime(2026, 12, 1, 12, 0))
    assert result.state == "unknown"
    assert result.text == "hours not listed: check the website"
    assert result.closes is None and result.opens is None
    assert is_open(None, "ENG", dt.datetime(2026, 12, 1, 12, 0)) is None


def test_rejects_other_values() -> None:
    with pytest.raises(ValueError):
        status("always", at=dt.datetime(2026, 12, 1, 12, 0))  # type: ignore[arg-type]


# --- weekly hours ----------------------------------------------------------------


def test_weekday_daytime_open() -> None:
    # Tuesday 1 December 2026, 10:00 GMT
    result = status(OFFICE, at=dt.datetime(2026, 12, 1, 10, 0))
    assert result.state == "open"
    assert result.text == "open now \u00b7 closes 17:00"
    assert result.closes == uk(2026, 12, 1, 17, 0)
    assert result.opens is None
    assert is_open(OFFICE, "ENG", dt.datetime(2026, 12, 1, 10, 0)) is True


def test_weekday_evening_closed_opens_tomorrow() -> None:
    result = status(OFFICE, at=dt.datetime(2026, 12, 1, 18, 0))
    assert result.state == "closed"
    assert result.text == "closed \u00b7 opens Wed 09:00"
    assert result.opens == uk(2026, 12, 2, 9, 0)
    assert result.closes is None


def test_closed_early_opens_later_today() -> None:
    result = status(OFFICE, at=dt.datetime(2026, 12, 1, 7, 30))
    assert result.text == "closed \u00b7 opens 09:00"
    assert result.opens == uk(2026, 12, 1, 9, 0)


def test_end_is_exclusive_start_is_inclusive() -> None:
    assert is_open(OFFICE, "ENG", dt.datetime(2026, 12, 1, 9, 0)) is True
    assert is_open(OFFICE, "ENG", dt.datetime(2026, 12, 1, 16, 59)) is True
    assert is_open(OFFICE, "ENG", dt.datetime(2026, 12, 1, 17, 0)) is False


def test_weekend_closed_opens_monday() -> None:
    # Saturday 5 December 2026
    result = status(OFFICE, at=dt.datetime(2026, 12, 5, 12, 0))
    assert result.state == "closed"
    assert result.text == "closed \u00b7 opens Mon 09:00"
    assert result.opens == uk(2026, 12, 7, 9, 0)


def test_weekend_hours_differ_from_weekdays() -> None:
    saturday_8am = dt.datetime(2026, 12, 5, 8, 30)
    tuesday_8am = dt.datetime(2026, 12, 1, 8, 30)
    assert is_open(NSPCC, "ENG", tuesday_8am) is True
    assert is_open(NSPCC, "ENG", saturday_8am) is False
    assert status(NSPCC, at=saturday_8am).text == "closed \u00b7 opens 09:00"
    assert status(NSPCC, at=dt.datetime(2026, 12, 5, 12, 0)).text == "open now \u00b7 closes 18:00"
    assert status(NSPCC, at=dt.datetime(2026, 12, 1, 21, 0)).text == "open now \u00b7 closes 22:00"


def test_period_crossing_midnight() -> None:
    # Monday 30 November 2026 22:00 to Tuesday 02:00
    assert is_open(OVERNIGHT, "ENG", dt.datetime(2026, 11, 30, 21, 59)) is False
    late = status(OVERNIGHT, at=dt.datetime(2026, 11, 30, 23, 0))
    assert late.state == "open"
    assert late.text == "open now \u00b7 closes Tue 02:00"
    assert late.closes == uk(2026, 12, 1, 2, 0)
    early = status(OVERNIGHT, at=dt.datetime(2026, 12, 1, 1, 0))
    assert early.state == "open"
    assert early.text == "open now \u00b7 closes 02:00"
    after = status(OVERNIGHT, at=dt.datetime(2026, 12, 1, 3, 0))
    assert after.state == "closed"
    assert after.text == "closed \u00b7 opens Mon 22:00"
    assert after.opens == uk(2026, 12, 7, 22, 0)


def test_overnight_joins_next_days_period() -> None:
    joined = model.Hours(daily=["22:00-02:00", "00:00-06:00"])
    result = status(joined, at=dt.datetime(2026, 12, 1, 23, 0))
    assert result.text == "open now \u00b7 closes Wed 06:00"


def test_end_at_midnight() -> None:
    late = model.Hours(weekdays=["08:00-24:00"])
    result = status(late, at=dt.datetime(2026, 11, 30, 23, 0))
    assert result.state == "open"
    assert result.closes == uk(2026, 12, 1, 0, 0)
    assert result.text == "open now \u00b7 closes midnight"
    # Friday midnight into a closed weekend: the route opens again on Monday.
    assert status(late, at=dt.datetime(2026, 12, 5, 0, 0)).text == "closed \u00b7 opens Mon 08:00"


def test_always_open_hours_struct_has_no_closing_time() -> None:
    result = status(model.Hours(daily=["00:00-24:00"]), at=dt.datetime(2026, 12, 1, 12, 0))
    assert result == RouteStatus("open", "open now", None, None)


def test_open_round_the_clock_for_days_names_the_closing_day() -> None:
    # Open round the clock Monday to Saturday, closed Sunday.
    six_days = model.Hours(weekdays=["00:00-24:00"], sat=["00:00-24:00"])
    result = status(six_days, at=dt.datetime(2026, 12, 1, 12, 0))
    assert result.text == "open now \u00b7 closes Sun 00:00"
    assert result.closes == uk(2026, 12, 6, 0, 0)


def test_open_for_more_than_a_week_hides_closing_time() -> None:
    always_but_holidays = model.Hours(daily=["00:00-24:00"], bank_holidays="closed")
    # From 1 December the next break is Christmas Day, 24 days away.
    assert status(always_but_holidays, at=dt.datetime(2026, 12, 1, 12, 0)) == RouteStatus("open", "open now", None, None)
    # From 20 December it is under a week away.
    near = status(always_but_holidays, at=dt.datetime(2026, 12, 20, 12, 0))
    assert near.text == "open now \u00b7 closes Fri 00:00"
    assert near.closes == uk(2026, 12, 25, 0, 0)


def test_day_beats_weekdays_beats_daily() -> None:
    layered = model.Hours(daily=["10:00-12:00"], weekdays=["09:00-17:00"], wed=["13:00-14:00"])
    # Sunday: only daily applies.
    assert is_open(layered, "ENG", dt.datetime(2026, 12, 6, 11, 0)) is True
    assert is_open(layered, "ENG", dt.datetime(2026, 12, 6, 15, 0)) is False
    # Tuesday: weekdays replace daily.
    assert is_open(layered, "ENG", dt.datetime(2026, 12, 1, 15, 0)) is True
    # Wednesday: the day's own hours replace both.
    assert is_open(layered, "ENG", dt.datetime(2026, 12, 2, 11, 0)) is False
    assert is_open(layered, "ENG", dt.datetime(2026, 12, 2, 13, 30)) is True
    assert hours.day_periods(layered, 2) == ((13 * 60, 14 * 60),)


def test_empty_day_list_means_closed() -> None:
    no_fridays = model.Hours(weekdays=["09:00-17:00"], fri=[])
    assert is_open(no_fridays, "ENG", dt.datetime(2026, 12, 4, 10, 0)) is False


def test_never_opens_within_a_fortnight() -> None:
    never = model.Hours()
    assert status(never, at=dt.datetime(2026, 12, 1, 12, 0)) == RouteStatus("closed", "closed", None, None)


def test_opening_a_week_or_more_ahead_names_the_date() -> None:
    # Closed until the week after Christmas: a weekday alone would be misread.
    once_a_fortnight = model.Hours(mon=["09:00-17:00"])
    result = status(once_a_fortnight, at=dt.datetime(2026, 12, 7, 18, 0))
    assert result.text == "closed \u00b7 opens Mon 14 Dec 09:00"


def test_bad_period_raises() -> None:
    with pytest.raises(ValueError, match="HH:MM-HH:MM"):
        status(model.Hours(daily=["9am-5pm"]), at=dt.datetime(2026, 12, 1, 12, 0))


# --- bank holidays -----------------------------------------------------------------
# 2026: Christmas Day is a Friday, Boxing Day a Saturday with its substitute on
# Monday 28 December; St Andrew's Day (Scotland) is Monday 30 November; St
# Patrick's Day (Northern Ireland) Tuesday 17 March; the Battle of the Boyne
# (Northern Ireland) falls on Sunday 12 July, with its substitute on Monday 13 July.

OFFICE_CLOSED = model.Hours(weekdays=["09:00-17:00"], bank_holidays="closed")
OFFICE_AS_USUAL = model.Hours(weekdays=["09:00-17:00"], bank_holidays="as-usual")
OFFICE_SHORT = model.Hours(weekdays=["09:00-17:00"], bank_holidays=["10:00-14:00"])
HOLIDAY = RouteStatus("holiday", "bank holiday: hours may differ, check the website", None, None)


def test_christmas_day_unstated_is_neither_open_nor_closed() -> None:
    at = dt.datetime(2026, 12, 25, 10, 0)
    assert status(OFFICE, "ENG", at) == HOLIDAY
    assert is_open(OFFICE, "ENG", at) is None


def test_christmas_day_closed_on_bank_holidays() -> None:
    at = dt.datetime(2026, 12, 25, 10, 0)
    # Saturday 26th (Boxing Day) and Monday 28th (its substitute) are bank holidays too.
    assert status(OFFICE_CLOSED, "ENG", at) == RouteStatus("closed", "closed \u00b7 opens Tue 09:00", None, uk(2026, 12, 29, 9, 0))
    assert is_open(OFFICE_CLOSED, "ENG", at) is False
    assert status(NSPCC, "ENG", at).text == "closed \u00b7 opens Sun 09:00"


def test_christmas_day_open_as_usual() -> None:
    at = dt.datetime(2026, 12, 25, 10, 0)
    assert status(OFFICE_AS_USUAL, "ENG", at) == RouteStatus("open", "open now \u00b7 closes 17:00", uk(2026, 12, 25, 17, 0), None)


def test_christmas_day_own_hours() -> None:
    assert status(OFFICE_SHORT, "ENG", dt.datetime(2026, 12, 25, 10, 0)).text == "open now \u00b7 closes 14:00"
    assert is_open(OFFICE_SHORT, "ENG", dt.datetime(2026, 12, 25, 14, 30)) is False
    # Boxing Day (Saturday) has the holiday hours, not the weekend's "closed".
    assert status(OFFICE_SHORT, "ENG", dt.datetime(2026, 12, 25, 15, 0)).text == "closed \u00b7 opens Sat 10:00"


def test_always_open_on_bank_holidays() -> None:
    for nation in ("ENG", "SCT", "NIR"):
        assert status("24/7", nation, dt.datetime(2026, 12, 25, 10, 0)) == RouteStatus("always", "24/7", None, None)


def test_substitute_bank_holiday() -> None:
    at = dt.datetime(2026, 12, 28, 10, 0)  # Monday, substitute for Boxing Day
    assert status(OFFICE, "ENG", at) == HOLIDAY
    assert status(OFFICE_CLOSED, "ENG", at).text == "closed \u00b7 opens Tue 09:00"
    assert status(OFFICE_AS_USUAL, "ENG", at).text == "open now \u00b7 closes 17:00"


def test_ordinary_weekday_after_the_holidays() -> None:
    at = dt.datetime(2026, 12, 29, 10, 0)  # Tuesday
    for hours_ in (OFFICE, OFFICE_CLOSED, OFFICE_AS_USUAL, OFFICE_SHORT):
        assert status(hours_, "ENG", at) == RouteStatus("open", "open now \u00b7 closes 17:00", uk(2026, 12, 29, 17, 0), None)


def test_no_opening_promised_across_an_unstated_holiday() -> None:
    # Christmas Eve evening: the next weekday opening would fall after three holidays.
    result = status(OFFICE, "ENG", dt.datetime(2026, 12, 24, 18, 0))
    assert result == RouteStatus("closed", "closed \u00b7 Fri is a bank holiday: hours may differ", None, None)
    # Open round the clock up to Christmas Day: the closing time is not known.
    round_the_clock = model.Hours(daily=["00:00-24:00"])
    assert status(round_the_clock, "ENG", dt.datetime(2026, 12, 24, 12, 0)) == RouteStatus(
        "open", "open now \u00b7 Fri is a bank holiday: hours may differ", None, None
    )
    # From 1 December, the first week is known: no closing time either way.
    assert status(round_the_clock, "ENG", dt.datetime(2026, 12, 1, 12, 0)) == RouteStatus("open", "open now", None, None)
    # The next holiday a week or more ahead is named with its date.
    assert status(OFFICE, "ENG", dt.datetime(2026, 12, 18, 18, 0)).text == "closed \u00b7 opens Mon 09:00"
    fridays = model.Hours(fri=["09:00-17:00"])
    assert status(fridays, "ENG", dt.datetime(2026, 12, 18, 18, 0)).text == "closed \u00b7 Fri 25 Dec is a bank holiday: hours may differ"


def test_late_summer_bank_holiday_england() -> None:
    at = dt.datetime(2026, 8, 31, 10, 0)  # Monday, England only
    assert is_open(NSPCC, "ENG", at) is False
    assert is_open(NSPCC, "SCT", at) is True
    assert status(OFFICE, "WLS", at) == HOLIDAY
    assert status(OFFICE, "SCT", at).text == "open now \u00b7 closes 17:00"


def test_scotland_only_bank_holidays() -> None:
    for at in (dt.datetime(2026, 1, 2, 10, 0), dt.datetime(2026, 11, 30, 10, 0)):
        assert status(OFFICE, "SCT", at) == HOLIDAY
        assert status(OFFICE, "ENG", at).text == "open now \u00b7 closes 17:00"
        assert status(OFFICE, "NIR", at).text == "open now \u00b7 closes 17:00"
        assert is_open(NSPCC, "SCT", at) is False
    assert status(NSPCC, "SCT", dt.datetime(2026, 11, 30, 10, 0)).text == "closed \u00b7 opens Tue 08:00"


def test_northern_ireland_only_bank_holidays() -> None:
    for at in (dt.datetime(2026, 3, 17, 10, 0), dt.datetime(2026, 7, 13, 10, 0)):
        assert status(OFFICE, "NIR", at) == HOLIDAY
        assert status(OFFICE, "ENG", at).text == "open now \u00b7 closes 17:00"
        assert status(OFFICE, "SCT", at).text == "open now \u00b7 closes 17:00"
    assert status(OFFICE_CLOSED, "NIR", dt.datetime(2026, 3, 17, 10, 0)).text == "closed \u00b7 opens Wed 09:00"


def test_overnight_period_from_the_day_before_a_holiday_still_runs() -> None:
    # Thursday 24 December 22:00 to Friday 02:00 counts on the 24th; the
    # period that would start on Christmas Day does not happen.
    nights = model.Hours(daily=["22:00-02:00"], bank_holidays="closed")
    assert is_open(nights, "ENG", dt.datetime(2026, 12, 25, 1, 0)) is True
    assert status(nights, "ENG", dt.datetime(2026, 12, 25, 1, 0)).text == "open now \u00b7 closes 02:00"
    assert is_open(nights, "ENG", dt.datetime(2026, 12, 25, 23, 0)) is False
    assert is_open(nights, "ENG", dt.datetime(2026, 12, 26, 1, 0)) is False
    # 26th (Boxing Day, Saturday) is also a holiday; 27th is not.
    assert status(nights, "ENG", dt.datetime(2026, 12, 25, 23, 0)).text == "closed \u00b7 opens Sun 22:00"
    # Unstated: the eve's period is known; the rest of Christmas Day is not.
    unstated = model.Hours(daily=["22:00-02:00"])
    assert status(unstated, "ENG", dt.datetime(2026, 12, 24, 23, 0)).text == "open now \u00b7 closes Fri 02:00"
    assert status(unstated, "ENG", dt.datetime(2026, 12, 25, 1, 0)).text == "open now \u00b7 closes 02:00"
    assert status(unstated, "ENG", dt.datetime(2026, 12, 25, 2, 0)) == HOLIDAY


# England's 2026 bank holidays, as gov.uk lists them, plus Boxing Day itself (a Saturday).
ENGLAND_2026 = [(1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 26), (12, 28)]
_period = st.tuples(st.integers(0, 22), st.integers(1, 24)).filter(lambda p: p[0] < p[1]).map(lambda p: f"{p[0]:02d}:00-{p[1]:02d}:00")
_days = st.lists(_period, max_size=3)


@given(
    st.fixed_dictionaries({}, optional={key: _days for key in ("daily", "weekdays", "weekends", "mon", "fri", "sat", "sun")}),
    st.sampled_from(ENGLAND_2026),
    st.integers(0, 24 * 60 - 1),
)
def test_no_open_or_closed_claim_on_an_unstated_bank_holiday(weekly: dict[str, list[str]], day: tuple[int, int], minute: int) -> None:
    # Periods within the day (none runs past midnight), so nothing from the evening before reaches the holiday.
    at = dt.datetime(2026, *day, minute // 60, minute % 60)
    assert status(model.Hours(**weekly), "ENG", at) == HOLIDAY


# --- BST / GMT ---------------------------------------------------------------------


def test_aware_utc_summer_is_bst() -> None:
    at = dt.datetime(2026, 7, 1, 8, 30, tzinfo=UTC)  # 09:30 BST
    result = status(OFFICE, at=at)
    assert result.state == "open"
    assert result.text == "open now \u00b7 closes 17:00"
    assert result.closes == dt.datetime(2026, 7, 1, 16, 0, tzinfo=UTC)


def test_aware_utc_winter_is_gmt() -> None:
    at = dt.datetime(2026, 12, 1, 8, 30, tzinfo=UTC)  # 08:30 GMT
    result = status(OFFICE, at=at)
    assert result.state == "closed"
    assert result.text == "closed \u00b7 opens 09:00"
    assert result.opens == dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_clocks_go_forward() -> None:
    daily = model.Hours(daily=["09:00-17:00"])
    # Sunday 29 March 2026: 01:00 GMT becomes 02:00 BST.
    assert is_open(daily, "ENG", dt.datetime(2026, 3, 29, 8, 30, tzinfo=UTC)) is True  # 09:30 BST
    assert is_open(daily, "ENG", dt.datetime(2026, 3, 28, 8, 30, tzinfo=UTC)) is False  # 08:30 GMT
    result = status(daily, at=dt.datetime(2026, 3, 29, 0, 30, tzinfo=UTC))  # 00:30 GMT
    assert result.opens == dt.datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert result.text == "closed \u00b7 opens 09:00"


def test_clocks_go_back() -> None:
    daily = model.Hours(daily=["09:00-17:00"])
    # Sunday 25 October 2026: 02:00 BST becomes 01:00 GMT.
    assert is_open(daily, "ENG", dt.datetime(2026, 10, 25, 8, 30, tzinfo=UTC)) is False  # 08:30 GMT
    assert is_open(daily, "ENG", dt.datetime(2026, 10, 24, 8, 30, tzinfo=UTC)) is True  # 09:30 BST
    result = status(daily, at=dt.datetime(2026, 10, 25, 16, 30, tzinfo=UTC))  # 16:30 GMT
    assert result.text == "open now \u00b7 closes 17:00"
    assert result.closes == dt.datetime(2026, 10, 25, 17, 0, tzinfo=UTC)


def test_overnight_across_clock_change() -> None:
    # Saturday 24 October 22:00 BST to Sunday 02:00 GMT lasts five hours.
    result = status(model.Hours(sat=["22:00-02:00"]), at=dt.datetime(2026, 10, 24, 21, 0, tzinfo=UTC))
    assert result.state == "open"
    assert result.closes == dt.datetime(2026, 10, 25, 2, 0, tzinfo=UTC)
    assert result.closes - dt.datetime(2026, 10, 24, 21, 0, tzinfo=UTC) == dt.timedelta(hours=5)


def test_period_ending_in_the_skipped_hour_ends_when_the_clocks_jump() -> None:
    # Sunday 29 March 2026: there is no 01:30; the period ends at 01:00 GMT, which is 02:00 BST.
    nights = model.Hours(daily=["22:00-01:30"])
    late = status(nights, at=dt.datetime(2026, 3, 29, 0, 30))  # 00:30 GMT
    assert late == RouteStatus("open", "open now \u00b7 closes 02:00", dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC), None)
    assert status(nights, at=dt.datetime(2026, 3, 29, 2, 10)) == RouteStatus(  # 02:10 BST
        "closed", "closed \u00b7 opens 22:00", None, dt.datetime(2026, 3, 29, 21, 0, tzinfo=UTC)
    )


def test_period_starting_in_the_skipped_hour_starts_when_the_clocks_jump() -> None:
    early = model.Hours(sun=["01:30-03:00"])
    result = status(early, at=dt.datetime(2026, 3, 29, 0, 30))
    assert result.text == "closed \u00b7 opens 02:00"
    assert result.opens == dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert status(early, at=dt.datetime(2026, 3, 29, 2, 30)).text == "open now \u00b7 closes 03:00"
    # A period wholly inside the skipped hour does not happen that night.
    inside = model.Hours(sun=["01:10-01:50"], bank_holidays="as-usual")  # (Good Friday comes before the next Sunday)
    assert status(inside, at=dt.datetime(2026, 3, 29, 0, 30)).text == "closed \u00b7 opens Sun 5 Apr 01:10"


def test_naive_time_is_uk_local() -> None:
    # A naive 08:45 on 1 July means 08:45 BST (closed); 08:45 UTC is 09:45 BST (open).
    assert is_open(OFFICE, "ENG", dt.datetime(2026, 7, 1, 8, 45)) is False
    assert is_open(OFFICE, "ENG", dt.datetime(2026, 7, 1, 8, 45, tzinfo=UTC)) is True


# --- describe ------------------------------------------------------------------------


UNSTATED = "bank holidays: not stated, check the website"


def test_describe_weekdays_and_weekends() -> None:
    assert describe(NSPCC) == "Mon\u2013Fri 08:00\u201322:00; Sat\u2013Sun 09:00\u201318:00; bank holidays: closed"


def test_describe_bank_holidays() -> None:
    assert describe(OFFICE) == f"Mon\u2013Fri 09:00\u201317:00; Sat\u2013Sun closed; {UNSTATED}"
    assert describe(OFFICE_AS_USUAL) == "Mon\u2013Fri 09:00\u201317:00; Sat\u2013Sun closed; bank holidays: open as usual"
    assert describe(OFFICE_SHORT) == "Mon\u2013Fri 09:00\u201317:00; Sat\u2013Sun closed; bank holidays: 10:00\u201314:00"
    assert hours.holidays_text(OFFICE_CLOSED) == "bank holidays: closed"
    assert hours.holidays_text("24/7") == "bank holidays included"
    assert hours.holidays_text(None) is None


def test_describe_special_values() -> None:
    assert describe("24/7") == "24 hours, every day, bank holidays included"
    assert describe(None) == "Not listed: check the website"
    assert describe(model.Hours(daily=["00:00-24:00"])) == f"24 hours, every day; {UNSTATED}"
    assert describe(model.Hours()) == f"Closed every day; {UNSTATED}"


def test_describe_shows_closed_days_and_overrides() -> None:
    layered = model.Hours(daily=["10:00-16:00"], wed=["09:00-12:00", "13:00-17:00"])
    assert describe(layered) == (
        f"Mon\u2013Tue 10:00\u201316:00; Wed 09:00\u201312:00, 13:00\u201317:00; Thu\u2013Sun 10:00\u201316:00; {UNSTATED}"
    )
    assert describe(model.Hours(daily=["09:00-17:00"])) == f"Every day 09:00\u201317:00; {UNSTATED}"


def test_describe_overnight_and_midnight() -> None:
    assert describe(OVERNIGHT) == f"Mon 22:00\u201302:00; Tue\u2013Sun closed; {UNSTATED}"
    assert describe(model.Hours(weekends=["18:00-24:00"], bank_holidays="as-usual")) == (
        "Mon\u2013Fri closed; Sat\u2013Sun 18:00\u2013midnight; bank holidays: open as usual"
    )


# --- parse_moment ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-25 10:00", uk(2026, 12, 25, 10, 0)),
        ("2026-12-25T10:00", uk(2026, 12, 25, 10, 0)),
        ("  2026-07-01 09:30  ", uk(2026, 7, 1, 9, 30)),
        ("2026-07-01 9:30", uk(2026, 7, 1, 9, 30)),
        ("2026-07-01T08:30Z", uk(2026, 7, 1, 9, 30)),
        ("2026-07-01T08:30:00+00:00", uk(2026, 7, 1, 9, 30)),
    ],
)
def test_parse_moment_good(text: str, expected: dt.datetime) -> None:
    moment = parse_moment(text)
    assert moment == expected
    assert moment.tzinfo is UK
    assert (moment.hour, moment.minute) == (expected.hour, expected.minute)


def test_parse_moment_time_only_is_today() -> None:
    moment = parse_moment("10:00")
    assert moment.tzinfo is UK
    assert (moment.hour, moment.minute) == (10, 0)
    assert moment.date() == dt.datetime.now(UK).date()
    assert parse_moment("7:05").time() == dt.time(7, 5)


@pytest.mark.parametrize(
    "text",
    ["xyz", "", "2026-12-25", "25/12/2026 10:00", "2026-02-30 10:00", "2026-12-25 25:00", "2026-12-25 10:00 pm", "tomorrow"],
)
def test_parse_moment_bad(text: str) -> None:
    with pytest.raises(ValueError, match=r'could not read ".*" as a date and time; use "YYYY-MM-DD HH:MM"'):
        parse_moment(text)


@pytest.mark.parametrize("text", ["2026-03-29 01:30", "2026-03-29T01:00", "2026-03-29 1:59"])
def test_parse_moment_refuses_the_skipped_hour(text: str) -> None:
    with pytest.raises(ValueError, match=r'never happens in the UK: the clocks go forward from 01:00 to 02:00 that night'):
        parse_moment(text)


def test_parse_moment_around_the_skipped_hour() -> None:
    assert parse_moment("2026-03-29 00:59") == dt.datetime(2026, 3, 29, 0, 59, tzinfo=UTC)
    assert parse_moment("2026-03-29 02:00") == dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    # With an offset the instant is unambiguous: 01:30 UTC is 02:30 BST.
    assert parse_moment("2026-03-29T01:30Z") == dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    # The hour the autumn change repeats is read as its first occurrence (BST).
    assert parse_moment("2026-10-25 01:30").astimezone(UTC) == dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_parse_moment_only_years_the_bank_holiday_calendar_knows() -> None:
    assert status(OFFICE, "ENG", parse_moment("2099-12-25 10:00")) == HOLIDAY
    for text in ("2150-12-25 10:00", "9999-12-31 23:00", "0001-01-01 00:00"):
        with pytest.raises(ValueError, match=r"outside the years helpfinder can answer for \(1900 to 2099\)"):
            parse_moment(text)


def test_parse_moment_bad_time_only() -> None:
    with pytest.raises(ValueError, match='could not read "24:30" as a time'):
        parse_moment("24:30")


def test_parse_moment_result_works_with_status() -> None:
    assert status(NSPCC, "ENG", parse_moment("2026-12-25 10:00")).state == "closed"
    assert status(NSPCC, "ENG", parse_moment("2026-12-24 10:00")).state == "open"
