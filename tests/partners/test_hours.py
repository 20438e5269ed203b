"""Business hours: reading them, and deadlines that count only the hours a partner is open."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest

from sales_leadership.partners.hours import BusinessHours, HoursError, parse_hours, time_zone

DENVER = ZoneInfo("America/Denver")


def at(text: str, zone: ZoneInfo = DENVER) -> float:
    """'2026-03-06 15:00' on the partner's wall clock, as unix time."""
    return datetime.datetime.fromisoformat(text).replace(tzinfo=zone).timestamp()


def local(moment: float, zone: ZoneInfo = DENVER) -> str:
    return datetime.datetime.fromtimestamp(moment, zone).strftime("%a %Y-%m-%d %H:%M")


@pytest.fixture
def office():
    return BusinessHours.of("Mon-Fri 09:00-17:00", "America/Denver", "CO")


def test_hours_within_one_day(office):
    assert local(office.add(at("2026-03-02 10:00"), 4)) == "Mon 2026-03-02 14:00"


def test_hours_run_over_the_night_and_the_weekend(office):
    assert local(office.add(at("2026-03-06 15:00"), 4)) == "Mon 2026-03-09 11:00"
    assert local(office.add(at("2026-03-06 15:00"), 8)) == "Mon 2026-03-09 15:00"


def test_an_arrival_out_of_hours_counts_from_the_next_opening(office):
    assert local(office.add(at("2026-03-07 11:00"), 4)) == "Mon 2026-03-09 13:00"  # Saturday
    assert local(office.add(at("2026-03-03 06:30"), 1)) == "Tue 2026-03-03 10:00"  # before opening
    assert local(office.add(at("2026-03-03 19:00"), 1)) == "Wed 2026-03-04 10:00"  # after closing
    assert local(office.next_opening(at("2026-03-07 11:00"))) == "Mon 2026-03-09 09:00"


def test_public_holidays_of_the_partners_state_are_closed(office):
    # Monday 2026-05-25 is Memorial Day.
    assert local(office.add(at("2026-05-22 15:00"), 4)) == "Tue 2026-05-26 11:00"
    # Friday 2026-07-03 is Independence Day observed (the 4th is a Saturday).
    assert local(office.add(at("2026-07-02 16:00"), 2)) == "Mon 2026-07-06 10:00"


def test_the_clocks_changing_moves_the_opening_not_the_count(office):
    # Daylight saving time starts on Sunday 2026-03-08: Monday still opens at 09:00 local.
    deadline = office.add(at("2026-03-06 16:00"), 2)
    assert local(deadline) == "Mon 2026-03-09 10:00"
    assert office.between(at("2026-03-06 16:00"), deadline) == pytest.approx(2)


def test_business_hours_between_two_moments(office):
    assert office.between(at("2026-03-06 15:00"), at("2026-03-09 11:00")) == pytest.approx(4)
    assert office.between(at("2026-03-07 09:00"), at("2026-03-08 18:00")) == 0
    assert office.between(at("2026-03-09 11:00"), at("2026-03-06 15:00")) == 0


def test_split_days_and_several_groups():
    hours = BusinessHours.of("Mon-Thu 08:30-12:00 13:00-17:30; Fri 08:30-12:00", "America/Chicago", "IL")
    chicago = ZoneInfo("America/Chicago")
    assert local(hours.add(at("2026-03-05 11:00", chicago), 2), chicago) == "Thu 2026-03-05 14:00"
    assert local(hours.add(at("2026-03-06 11:00", chicago), 2), chicago) == "Mon 2026-03-09 09:30"
    assert parse_hours("Mon, Wed, Fri 10:00-16:00").days[2] == ((600, 960),)
    assert parse_hours("Fri-Mon 10:00-14:00").days[6] == ((600, 840),), "a range may wrap round the weekend"


@pytest.mark.parametrize(
    "text, message",
    [
        ("Mon-Fry 09:00-17:00", "'Fry' is not a day"),
        ("Mon-Fri 9-5", "times must look like 09:00-17:00"),
        ("Mon-Fri 17:00-09:00", "closes before it opens"),
        ("Mon-Fri 09:00-25:00", "not a time of day"),
        ("Mon-Fri 09:00-13:00 12:00-17:00", "opening times overlap"),
        ("09:00-17:00", "expected days, then times"),
        ("", "no opening hours given"),
    ],
)
def test_hours_that_cannot_be_read_say_what_is_wrong(text, message):
    with pytest.raises(HoursError, match=message) as failure:
        parse_hours(text)
    assert "Mon-Fri 09:00-17:00" in str(failure.value), "and how to write them"


@pytest.mark.parametrize("name", ["America/Denvr", "Mountain", "../etc/passwd", "", " America/Denver"])
def test_a_time_zone_must_be_an_iana_name(name):
    with pytest.raises(HoursError, match="not a time zone name"):
        time_zone(name)
