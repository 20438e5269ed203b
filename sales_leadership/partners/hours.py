"""Business hours: when a partner is open, and deadlines that count only those hours.

A partner file may say `Hours: Mon-Fri 09:00-17:00` (the default) and
`Time-zone: America/Denver` (the default comes from the partner's state,
sales_leadership/partners/time_zones.py). Public holidays of the partner's state
(the `holidays` package: federal and state holidays, observed days included)
are closed days. Four business hours from Friday 3 pm with those hours is
Monday 11 am; a lead that arrives on Saturday starts counting at Monday's opening.

The hours are written as groups separated by ";", each a list of days and one or
more time ranges (24-hour clock, 24:00 allowed as an end):

    Mon-Fri 09:00-17:00
    Mon-Thu 08:30-17:30; Fri 08:30-12:00
    Mon, Wed, Fri 09:00-12:00 13:00-17:00

Times are unix seconds at this module's edges (what the intake stores); the
arithmetic runs on the partner's wall clock, so a change to or from daylight
saving time moves opening times the way a person expects.
"""

from __future__ import annotations

import datetime
import functools
import re
import threading
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from .time_zones import STATE_TIME_ZONES, ZONE_NAMES

DEFAULT_HOURS = "Mon-Fri 09:00-17:00"
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEARCH_DAYS = 800  # a deadline more than two years of openings away means the hours are wrong

_RANGE = re.compile(r"(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})")
_GROUP = re.compile(r"^\s*(?P<days>[A-Za-z][A-Za-z ,\-–]*?)\s+(?P<times>\d.*?)\s*$")
_BETWEEN_RANGES = re.compile(r"^[\s,]*(?:and)?[\s,]*$", re.IGNORECASE)
_EXAMPLE = "write them like 'Mon-Fri 09:00-17:00' or 'Mon-Thu 08:30-17:30; Fri 08:30-12:00'"


class HoursError(ValueError):
    """Hours or a time zone that cannot be read; str() says what is wrong and how to write it."""


@dataclass(frozen=True)
class WeeklyHours:
    """Opening windows per weekday, Monday first, as (start, end) minutes since midnight."""

    text: str
    days: tuple[tuple[tuple[int, int], ...], ...]

    @property
    def open_at_all(self) -> bool:
        return any(self.days)


def parse_hours(text: str) -> WeeklyHours:
    """`Mon-Fri 09:00-17:00` and the like; HoursError naming every problem in the text."""
    problems: list[str] = []
    days: list[list[tuple[int, int]]] = [[] for _ in DAYS]
    groups = [group for group in text.split(";") if group.strip()]
    if not groups:
        raise HoursError(f"no opening hours given; {_EXAMPLE}")
    for group in groups:
        match = _GROUP.match(group)
        if not match:
            problems.append(f"{group.strip()!r}: expected days, then times")
            continue
        weekdays = _weekdays(match["days"], problems)
        windows = _windows(match["times"], problems)
        for weekday in weekdays:
            days[weekday].extend(windows)
    for weekday, windows in enumerate(days):
        windows.sort()
        for (_, end), (start, _) in zip(windows, windows[1:], strict=False):
            if start < end:
                problems.append(f"{DAYS[weekday].title()}: opening times overlap")
    if problems:
        raise HoursError("; ".join(problems) + f" ({_EXAMPLE})")
    return WeeklyHours(text.strip(), tuple(tuple(windows) for windows in days))


def _day(name: str, problems: list[str]) -> int | None:
    word = name.strip().lower()
    for index, day in enumerate(DAYS):
        if len(word) >= 3 and day.startswith(word):
            return index
    problems.append(f"{name.strip()!r} is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)")
    return None


def _weekdays(text: str, problems: list[str]) -> list[int]:
    found: list[int] = []
    for item in (part for part in text.split(",") if part.strip()):
        first, dash, last = item.replace("–", "-").partition("-")
        start = _day(first, problems)
        end = _day(last, problems) if dash else start
        if start is None or end is None:
            continue
        day = start
        while True:  # "Fri-Mon" wraps round the weekend
            if day not in found:
                found.append(day)
            if day == end:
                break
            day = (day + 1) % 7
    return found


def _windows(text: str, problems: list[str]) -> list[tuple[int, int]]:
    windows = []
    position = 0
    for match in _RANGE.finditer(text):
        if not _BETWEEN_RANGES.match(text[position : match.start()]):
            problems.append(f"{text.strip()!r}: cannot read {text[position : match.start()].strip()!r}")
        position = match.end()
        start_hour, start_minute, end_hour, end_minute = (int(value) for value in match.groups())
        start, end = start_hour * 60 + start_minute, end_hour * 60 + end_minute
        if start_minute > 59 or end_minute > 59 or start > 24 * 60 or end > 24 * 60:
            problems.append(f"{match[0]!r}: not a time of day (00:00 to 24:00)")
        elif start >= end:
            problems.append(f"{match[0]!r}: closes before it opens")
        else:
            windows.append((start, end))
    if not _BETWEEN_RANGES.match(text[position:]):  # also when no range was found: the times start with a digit
        problems.append(f"{text.strip()!r}: times must look like 09:00-17:00")
    return windows


def time_zone(name: str) -> ZoneInfo:
    """The IANA zone called `name` (America/Denver); HoursError when there is none."""
    try:  # ZoneInfo itself refuses "", names with spaces, and paths such as "../etc/passwd"
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise HoursError(f"{name!r} is not a time zone name; use an IANA name such as America/Denver") from None


def default_time_zone(state: str) -> str:
    return STATE_TIME_ZONES.get(state, "America/New_York")


_HOLIDAYS_LOCK = threading.Lock()


@functools.lru_cache(maxsize=64)
def _holidays_of(state: str):
    """The state's calendar; it fills in each year the first time a day of that year is asked about."""
    subdivision = state if state in holidays.US.subdivisions else None
    return holidays.country_holidays("US", subdiv=subdivision)


@dataclass(frozen=True)
class BusinessHours:
    """A partner's weekly hours, in their time zone, closed on their state's public holidays."""

    weekly: WeeklyHours
    zone: ZoneInfo
    state: str = ""

    @classmethod
    def of(cls, hours_text: str, zone_key: str, state: str = "") -> BusinessHours:
        """HoursError when the hours or the zone cannot be read."""
        return cls(parse_hours(hours_text), time_zone(zone_key), state)

    @property
    def zone_name(self) -> str:
        """How people name the zone: "Mountain time" (else its IANA name)."""
        return ZONE_NAMES.get(self.zone.key, self.zone.key)

    def is_holiday(self, day: datetime.date) -> bool:
        with _HOLIDAYS_LOCK:  # the calendar fills in further years the first time it is asked about them
            return day in _holidays_of(self.state)

    def windows_on(self, day: datetime.date) -> list[tuple[float, float]]:
        """That day's opening windows, as unix times ([] when closed or a holiday)."""
        if self.is_holiday(day):
            return []
        midnight = datetime.datetime.combine(day, datetime.time(0), tzinfo=self.zone)
        return [
            (
                (midnight + datetime.timedelta(minutes=start)).timestamp(),
                (midnight + datetime.timedelta(minutes=end)).timestamp(),
            )
            for start, end in self.weekly.days[day.weekday()]
        ]

    def add(self, start: float, hours: float) -> float:
        """The moment `hours` business hours after `start` (0 hours: the next moment they are open)."""
        if not self.weekly.open_at_all:
            raise HoursError(f"{self.weekly.text!r}: never open")
        remaining = hours * 3600
        day = datetime.datetime.fromtimestamp(start, self.zone).date()
        for _ in range(SEARCH_DAYS):
            for opens, closes in self.windows_on(day):
                begin = max(opens, start)
                if begin >= closes:
                    continue
                if remaining <= closes - begin:
                    return begin + remaining
                remaining -= closes - begin
            day += datetime.timedelta(days=1)
        raise HoursError(f"{self.weekly.text!r}: no opening within {SEARCH_DAYS} days")

    def next_opening(self, moment: float) -> float:
        return self.add(moment, 0)

    def between(self, start: float, end: float) -> float:
        """Business hours from `start` to `end` (0 when `end` is not later)."""
        if end <= start:
            return 0.0
        total = 0.0
        day = datetime.datetime.fromtimestamp(start, self.zone).date()
        last = datetime.datetime.fromtimestamp(end, self.zone).date()
        while day <= last:
            for opens, closes in self.windows_on(day):
                total += max(0.0, min(closes, end) - max(opens, start))
            day += datetime.timedelta(days=1)
        return total / 3600
