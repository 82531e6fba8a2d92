"""Opening hours of one contact route: is it open now, and when does that change?

The directory records hours as UK wall-clock times (``model.Hours``), so every
calculation happens in Europe/London and the BST/GMT changes come from
``zoneinfo``. Bank holidays, per nation (England and Wales, Scotland and
Northern Ireland differ), come from ``bankholidays``.

Choices worth knowing:

* Bank holidays never borrow the weekly hours: ``bank_holidays`` says what the
  source states (as usual, closed, or own periods). Left out, a bank holiday
  is unknown time: the status says the hours may differ, never "open now" or
  "closed", and no opening is promised past it. "24/7" includes holidays.
* A period that ends at or before it starts runs past midnight and belongs to
  the day it *starts*: the overnight period begun the evening before a bank
  holiday runs as usual; periods starting on the holiday follow its rule.
* The bank holidays are those of ``nation``: the person's, or the service's
  area's. Like the ``holidays`` package, they include e.g. Boxing Day on a
  Saturday as well as the substitute Monday.
* A time in the hour the clocks skip in spring never happens: in a period it
  is read as the moment the clocks jump (02:00 BST); as a ``--at`` time it is
  an error.
* Next changes are found by walking days, not minutes: the periods of the day
  before ``at`` to 15 days after are turned into UTC intervals and merged, so a
  route open 22:00-02:00 and again from 00:00 counts as open without a break.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from helpfinder import model
from helpfinder.bankholidays import is_bank_holiday

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo


@lru_cache(maxsize=1)
def _uk() -> ZoneInfo:
    """Europe/London, loaded on first use: views whose routes are all 24/7 or
    unknown never need it, and its import is ~3 ms of a benchmarked start-up."""
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/London")


_UTC = _dt.timezone.utc
_DAY = _dt.timedelta(days=1)
_MINUTES_PER_DAY = 24 * 60

DAY_KEYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

#: How far ahead ``status`` looks for the next opening.
LOOKAHEAD_DAYS = 14
#: Open for longer than this without a break, and the closing time is not shown.
LONG_OPEN = _dt.timedelta(days=7)

UNKNOWN_TEXT = "hours not listed: check the website"
HOLIDAY_TEXT = "bank holiday: hours may differ, check the website"
ALWAYS_TEXT = "24/7"
DOT = "\u00b7"

# Patterns as strings: ``re`` compiles (and caches) each on first use, so a
# view whose routes are all 24/7 or unknown never pays for them.
_PERIOD = r"^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-4]):([0-5][0-9])$"
_TIME_ONLY = r"^\d{1,2}:\d{2}$"
_DATE_TIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}"

HoursValue = model.Hours | model.AlwaysOpen | None
"""What ``Contact.hours`` may hold."""

Period = tuple[int, int]
"""Minutes after the start of the day it belongs to: (start, end); end may pass 1440."""

Span = tuple[_dt.datetime, _dt.datetime]
"""A stretch of time as UTC instants: (begins, ends), ends excluded."""


@dataclass(frozen=True, slots=True)
class RouteStatus:
    """Whether a route is open at a moment, with the text to show and the next change.

    ``closes``/``opens`` are aware Europe/London datetimes, or None when there
    is no change to report (always open, unknown, open for over a week, or no
    opening in the next fortnight). "holiday" means a bank holiday whose hours
    the source does not state: neither open nor closed is known.
    """

    state: Literal["always", "open", "closed", "unknown", "holiday"]
    text: str
    closes: _dt.datetime | None = None
    opens: _dt.datetime | None = None


# --- reading the hours -----------------------------------------------------------


def parse_period(text: str) -> Period:
    """Read "HH:MM-HH:MM" as minutes, so overnight periods end after 1440.

    Validation already checks the pattern for loaded files, but ``Hours`` built
    in code is not validated, so a bad period is a ``ValueError`` here.
    """
    match = re.match(_PERIOD, text)
    if match is None:
        raise ValueError(f'could not read "{text}" as opening hours; use "HH:MM-HH:MM"')
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    start = h1 * 60 + m1
    end = h2 * 60 + m2
    if end > _MINUTES_PER_DAY:
        raise ValueError(f'"{text}" ends after 24:00')
    if end <= start:
        end += _MINUTES_PER_DAY
    return start, end


def day_periods(hours: model.Hours, weekday: int) -> tuple[Period, ...]:
    """The periods given for one weekday (0 = Monday), applying the override order.

    A specific day beats ``weekdays``/``weekends``, which beat ``daily``; a day
    with nothing given is closed. An empty list given for a day also means closed.
    """
    chosen = getattr(hours, DAY_KEYS[weekday])
    if chosen is None:
        chosen = hours.weekdays if weekday < 5 else hours.weekends
    if chosen is None:
        chosen = hours.daily
    return _periods(chosen or [])


def _periods(texts: list[str]) -> tuple[Period, ...]:
    return tuple(sorted(parse_period(text) for text in texts))


def _as_hours(hours: HoursValue) -> model.Hours | None:
    """Check the value is one ``Contact.hours`` may hold; "24/7" is handled by callers."""
    if hours is None or isinstance(hours, model.Hours):
        return hours
    raise ValueError(f'unknown opening hours {hours!r}; expected "24/7", Hours or None')


def now() -> _dt.datetime:
    """The current moment in UK local time, which every opening time is written in."""
    return _dt.datetime.now(_uk())


def _uk_moment(at: _dt.datetime | None) -> _dt.datetime:
    """A naive time is UK wall-clock time; an aware one is converted to it."""
    if at is None:
        return _dt.datetime.now(_uk())
    if at.tzinfo is None:
        return at.replace(tzinfo=_uk())
    return at.astimezone(_uk())


def _skipped(wall: _dt.datetime) -> bool:
    """True for a naive UK wall-clock time in the hour the clocks skip in spring."""
    return wall.replace(tzinfo=_uk()).astimezone(_UTC).astimezone(_uk()).replace(tzinfo=None) != wall


def _utc(day: _dt.date, minutes: int) -> _dt.datetime:
    """The UTC instant of a UK wall-clock time given as minutes after ``day`` began.

    A time the spring change skips is read as the moment the clocks jump: UK
    clocks change at 01:00 UTC, so that is the start of the UTC hour it falls in.
    """
    wall = _dt.datetime.combine(day, _dt.time()) + _dt.timedelta(minutes=minutes)
    instant = wall.replace(tzinfo=_uk()).astimezone(_UTC)
    return instant.replace(minute=0) if _skipped(wall) else instant


def timeline(hours: model.Hours, nation: str, first: _dt.date, last: _dt.date) -> tuple[list[Span], list[Span]]:
    """When the route is open, and which bank holidays have unstated hours, for days ``first``..``last``.

    Returns merged UTC spans of opening and, for each bank holiday the source
    says nothing about, the whole day as a span. Work is per day (at most a few
    periods each), never per minute; UTC keeps comparisons right across the
    clock changes, where wall-clock times repeat or skip.
    """
    week = [day_periods(hours, weekday) for weekday in range(7)]
    rule = hours.bank_holidays
    on_holidays = _periods(rule) if isinstance(rule, list) else ()
    intervals: list[Span] = []
    unstated: list[Span] = []
    day = first
    while day <= last:
        periods = week[day.weekday()]
        if rule != "as-usual" and is_bank_holiday(day, nation):
            periods = on_holidays
            if rule is None:
                unstated.append((_utc(day, 0), _utc(day + _DAY, 0)))
        for start, end in periods:
            begins, ends = _utc(day, start), _utc(day, end)
            if ends > begins:  # a period wholly inside the skipped spring hour
                intervals.append((begins, ends))
        day += _DAY
    intervals.sort()
    merged: list[Span] = []
    for begins, ends in intervals:
        if merged and begins <= merged[-1][1]:
            if ends > merged[-1][1]:
                merged[-1] = (merged[-1][0], ends)
        else:
            merged.append((begins, ends))
    return merged, unstated


# --- open now ----------------------------------------------------------------------


def _when(moment: _dt.datetime, today: _dt.date, *, closing: bool = False) -> str:
    """A change time as people read it: "09:00" today, "Tue 09:00" this week, else with the date.

    The date is added from 7 days ahead, where a weekday alone would be read as
    this week's. Closing at the coming midnight reads "midnight", not "Tue 00:00".
    """
    days_ahead = (moment.date() - today).days
    clock = f"{moment:%H:%M}"
    if closing and days_ahead == 1 and clock == "00:00":
        return "midnight"
    return clock if days_ahead == 0 else f"{_day(moment, today)} {clock}"


def _day(moment: _dt.datetime, today: _dt.date) -> str:
    """A coming day as people read it: "Mon" this week, "Fri 25 Dec" from a week ahead."""
    name = DAY_NAMES[moment.weekday()]
    return name if (moment.date() - today).days < 7 else f"{name} {moment.day} {moment:%b}"


def status(hours: HoursValue, nation: str = "ENG", at: _dt.datetime | None = None) -> RouteStatus:
    """Whether a route is open at ``at`` (default now), so listings can say when to call.

    ``nation`` says whose bank holidays apply (ENG, WLS, SCT or NIR): the
    person's, or the service's area's. On a bank holiday the source says nothing
    about, the answer is "holiday" with words saying so, never open or closed,
    and no opening or closing is promised across such a day.
    """
    if hours == "24/7":
        return RouteStatus("always", ALWAYS_TEXT)
    checked = _as_hours(hours)
    if checked is None:
        return RouteStatus("unknown", UNKNOWN_TEXT)
    now = _uk_moment(at)
    today = now.date()
    now_utc = now.astimezone(_UTC)
    spans, unstated = timeline(checked, nation, today - _DAY, today + (LOOKAHEAD_DAYS + 1) * _DAY)
    # The start of the unstated bank holiday under way or coming next, if any.
    holiday = next((begins for begins, ends in unstated if ends > now_utc), None)
    may_differ = f"{_day(holiday.astimezone(_uk()), today)} is a bank holiday: hours may differ" if holiday else ""
    opens = None
    for begins, ends in spans:
        if ends <= now_utc:
            continue
        if begins > now_utc:
            opens = begins
            break
        if ends - now_utc > LONG_OPEN:
            return RouteStatus("open", "open now")
        if ends == holiday:  # open until an unstated bank holiday: its closing time is not known
            return RouteStatus("open", f"open now {DOT} {may_differ}")
        closes = ends.astimezone(_uk())
        return RouteStatus("open", f"open now {DOT} closes {_when(closes, today, closing=True)}", closes=closes)
    if holiday is not None and holiday <= now_utc:
        return RouteStatus("holiday", HOLIDAY_TEXT)
    if holiday is not None and (opens is None or holiday <= opens):
        return RouteStatus("closed", f"closed {DOT} {may_differ}")
    if opens is None or opens - now_utc > _dt.timedelta(days=LOOKAHEAD_DAYS):
        return RouteStatus("closed", "closed")
    opens = opens.astimezone(_uk())
    return RouteStatus("closed", f"closed {DOT} opens {_when(opens, today)}", opens=opens)


def is_open(hours: HoursValue, nation: str = "ENG", at: _dt.datetime | None = None) -> bool | None:
    """True if the route can be reached at ``at``; None when that is not known
    (hours not listed, or a bank holiday the source says nothing about)."""
    state = status(hours, nation, at).state
    if state in ("unknown", "holiday"):
        return None
    return state in ("always", "open")


# --- the timetable in words --------------------------------------------------------


def _clock(minutes: int) -> str:
    minutes %= _MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _day_text(periods: tuple[Period, ...]) -> str:
    """One day's periods in words: "08:00–22:00", "24 hours", "closed"."""
    if not periods:
        return "closed"
    parts = []
    for start, end in periods:
        if end - start == _MINUTES_PER_DAY and start == 0:
            parts.append("24 hours")
        else:
            finish = "midnight" if end % _MINUTES_PER_DAY == 0 else _clock(end)
            parts.append(f"{_clock(start)}\u2013{finish}")
    return ", ".join(parts)


def holidays_text(hours: HoursValue) -> str | None:
    """What is known about bank holidays, in words; None when the hours are not listed."""
    if hours == "24/7":
        return "bank holidays included"
    checked = _as_hours(hours)
    return None if checked is None else _holiday_words(checked)


def _holiday_words(hours: model.Hours) -> str:
    rule = hours.bank_holidays
    if rule is None:
        return "bank holidays: not stated, check the website"
    if rule == "as-usual":
        return "bank holidays: open as usual"
    return f"bank holidays: {_day_text(_periods(rule) if isinstance(rule, list) else ())}"


def describe(hours: HoursValue) -> str:
    """The weekly timetable in words for ``helpfinder show``, days with equal hours grouped.

    Consecutive days with the same hours share one entry ("Mon–Fri 08:00–22:00");
    closed days are named so a gap is not mistaken for missing data. What is
    known about bank holidays comes last, also when it is "not stated".
    """
    if hours == "24/7":
        return "24 hours, every day, bank holidays included"
    checked = _as_hours(hours)
    if checked is None:
        return "Not listed: check the website"
    texts = [_day_text(day_periods(checked, weekday)) for weekday in range(7)]
    if len(set(texts)) == 1:
        only = texts[0]
        if only == "24 hours":
            parts = ["24 hours, every day"]
        elif only == "closed":
            parts = ["Closed every day"]
        else:
            parts = [f"Every day {only}"]
    else:
        parts = []
        first = 0
        for weekday in range(1, 8):
            if weekday == 7 or texts[weekday] != texts[first]:
                days = DAY_NAMES[first] if weekday - 1 == first else f"{DAY_NAMES[first]}\u2013{DAY_NAMES[weekday - 1]}"
                parts.append(f"{days} {texts[first]}")
                first = weekday
    parts.append(_holiday_words(checked))
    return "; ".join(parts)


# --- reading a user's --at ---------------------------------------------------------


def parse_moment(text: str) -> _dt.datetime:
    """Read a ``--at`` value as an aware Europe/London time, so people can ask "open at ...?".

    Accepts "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM" (optionally with seconds or a
    UTC offset, converted to UK time) or "HH:MM" for today in the UK. A UK time
    the spring change skips is an error; one the autumn change repeats is the
    first of the two (BST).
    """
    value = text.strip()
    problem = f'could not read "{text}" as a date and time; use "YYYY-MM-DD HH:MM"'
    if re.match(_TIME_ONLY, value):
        try:
            clock = _dt.time.fromisoformat(value.zfill(5))
        except ValueError:
            raise ValueError(f'could not read "{text}" as a time; use "HH:MM", e.g. "09:30"') from None
        return _existing(_dt.datetime.combine(_dt.datetime.now(_uk()).date(), clock), text)
    if not re.match(_DATE_TIME, value):
        raise ValueError(problem)
    date_part, clock_part = value[:10], value[11:]
    if len(clock_part) >= 2 and clock_part[1] == ":":
        clock_part = "0" + clock_part  # allow "2026-12-25 9:30"
    try:
        moment = _dt.datetime.fromisoformat(f"{date_part}T{clock_part}")
    except ValueError:
        raise ValueError(problem) from None
    if not _YEARS[0] <= moment.year <= _YEARS[1]:
        # Near year 1 or 9999 a time-zone shift or a look a few days ahead leaves the calendar.
        raise ValueError(f'"{text}" is outside the years helpfinder can answer for ({_YEARS[0]} to {_YEARS[1]})')
    return _uk_moment(moment) if moment.tzinfo else _existing(moment, text)


# The ``holidays`` package knows UK bank holidays up to 2100; the fortnight looked ahead must stay inside.
_YEARS = (1900, 2099)


def _existing(wall: _dt.datetime, text: str) -> _dt.datetime:
    """A naive UK wall-clock time made aware, refusing one that never happens."""
    if _skipped(wall):
        raise ValueError(f'"{text}" never happens in the UK: the clocks go forward from 01:00 to 02:00 that night')
    return wall.replace(tzinfo=_uk())
