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


def test_a_deadline_can_fall_exactly_at_closing_time(office):
    assert local(office.add(at("2026-03-02 13:00"), 4)) == "Mon 2026-03-02 17:00"
    assert local(office.add(at("2026-03-02 13:00"), 4.01)) == "Tue 2026-03-03 09:00"


def test_an_arrival_exactly_at_closing_counts_from_the_next_opening_and_at_opening_at_once(office):
    assert local(office.add(at("2026-03-02 17:00"), 1)) == "Tue 2026-03-03 10:00"
    assert office.next_opening(at("2026-03-02 09:00")) == at("2026-03-02 09:00")
    assert office.next_opening(at("2026-03-02 12:34")) == at("2026-03-02 12:34"), "open now: now"
    assert local(office.next_opening(at("2026-03-02 17:00"))) == "Tue 2026-03-03 09:00"


def test_business_hours_between_count_only_the_open_part_of_each_day(office):
    assert office.between(at("2026-03-02 16:00"), at("2026-03-03 10:30")) == pytest.approx(2.5)
    assert office.between(at("2026-03-02 06:00"), at("2026-03-02 20:00")) == pytest.approx(8)
    assert office.between(at("2026-05-22 09:00"), at("2026-05-26 17:00")) == pytest.approx(16), "Memorial Day"
    assert office.between(at("2026-03-02 10:00"), at("2026-03-02 10:00")) == 0


def test_opening_times_may_touch_run_to_midnight_and_use_dashes_of_either_kind():
    assert parse_hours("Mon 09:00-12:00 12:00-17:00").days[0] == ((540, 720), (720, 1020))
    assert parse_hours("Tue 18:00-24:00").days[1] == ((1080, 1440),)
    assert parse_hours("Mon–Wed 09:00–17:00").days[:4] == (((540, 1020),),) * 3 + ((),)
    assert parse_hours("Mon 09:00-12:00 and 13:00-17:00, 18:00-19:00").days[0] == (
        (540, 720),
        (780, 1020),
        (1080, 1140),
    )
    assert parse_hours("Monday, Tues, thurs 9:00-17:00").days[:4] == (
        ((540, 1020),),
        ((540, 1020),),
        (),
        ((540, 1020),),
    )
    assert parse_hours("Mon-Wed, Tue 09:00-10:00").days[1] == ((540, 600),), "a day named twice opens once"
    assert parse_hours(" Sat 10:00-12:00 ; ").text == "Sat 10:00-12:00 ;"
    assert parse_hours("Fri 23:45-24:00").days[4] == ((1425, 1440),), "a late opening"
    assert parse_hours("Sat 09:59-17:59").days[5] == ((599, 1079),), "the 59th minute is a minute"


def test_a_time_that_is_no_time_of_day_is_quoted_whole():
    with pytest.raises(HoursError, match=r"^'24:05-23:00': not a time of day \(00:00 to 24:00\)"):
        parse_hours("Mon 24:05-23:00")


@pytest.mark.parametrize(
    "text, message",
    [
        ("Mon 9,", "'9,': times must look like 09:00-17:00"),
        ("Mon 9 09:00-17:00", "cannot read '9'"),
    ],
)
def test_a_stray_number_around_the_times_is_named(text, message):
    with pytest.raises(HoursError, match=message):
        parse_hours(text)


@pytest.mark.parametrize(
    "text, message",
    [
        ("Mo 09:00-17:00", "'Mo' is not a day"),
        ("Mon 09:60-17:00", "not a time of day"),
        ("Mon 09:00-17:60", "not a time of day"),
        ("Mon 09:00-24:01", "not a time of day"),
        ("Mon 24:01-24:30", "not a time of day"),
        ("Mon 09:00-09:00", "closes before it opens"),
        ("Mon 09:00-12:00 then 13:00-17:00", "cannot read 'then'"),
        ("Mon 09:00-12:00 noon", "times must look like 09:00-17:00"),
        ("Mon 09:00-12:00 11:59-17:00", "Monday: opening times overlap"),
    ],
)
def test_times_at_the_edge_of_the_clock_are_checked(text, message):
    with pytest.raises(HoursError, match=message):
        parse_hours(text)


def test_every_problem_in_the_hours_is_named_at_once():
    with pytest.raises(HoursError) as failure:
        parse_hours("Mon-Fry 09:00-17:00; Sat 12:00-11:00; 10:00")
    assert str(failure.value).startswith(
        "'Fry' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun); '12:00-11:00': closes before it opens; "
        "'10:00': expected days, then times ("
    )


def test_every_problem_is_named_even_after_a_group_or_a_day_that_cannot_be_read():
    with pytest.raises(HoursError) as failure:
        parse_hours("9am; Fry, Sundae 09:00-17:00; Sat 12:00-11:00")
    assert str(failure.value).startswith(
        "'9am': expected days, then times; 'Fry' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun); "
        "'Sundae' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun); '12:00-11:00': closes before it opens ("
    )


def test_a_lead_that_arrives_over_lunch_counts_from_the_afternoon_opening():
    lunch = BusinessHours.of("Mon-Fri 09:00-12:00 13:00-17:00", "America/Denver", "CO")
    assert local(lunch.add(at("2026-03-02 12:30"), 1)) == "Mon 2026-03-02 14:00"
    assert local(lunch.next_opening(at("2026-03-02 12:30"))) == "Mon 2026-03-02 13:00"
    assert lunch.between(at("2026-03-02 08:00"), at("2026-03-02 10:00")) == pytest.approx(1, abs=1e-9)


def test_between_counts_every_second_the_office_is_open(office):
    assert office.between(at("2026-03-02 10:00"), at("2026-03-02 10:00") + 1) == pytest.approx(1 / 3600)
    assert office.between(at("2026-03-02 16:59"), at("2026-03-02 17:30")) == pytest.approx(1 / 60)


def test_a_partner_never_open_has_no_deadline():
    from sales_leadership.partners.hours import WeeklyHours

    closed = BusinessHours(WeeklyHours("closed", ((),) * 7), DENVER, "CO")
    with pytest.raises(HoursError, match="never open"):
        closed.add(at("2026-03-02 10:00"), 1)


def test_a_states_own_holidays_close_its_partners_only():
    # Cesar Chavez Day, Tuesday 2026-03-31, is a state holiday in Colorado, not a federal one.
    colorado = BusinessHours.of("Mon-Fri 09:00-17:00", "America/Denver", "CO")
    federal_only = BusinessHours.of("Mon-Fri 09:00-17:00", "America/Denver", "")
    assert colorado.windows_on(datetime.date(2026, 3, 31)) == []
    assert federal_only.windows_on(datetime.date(2026, 3, 31)) == [(at("2026-03-31 09:00"), at("2026-03-31 17:00"))]
    assert federal_only.windows_on(datetime.date(2026, 5, 25)) == [], "Memorial Day"


def test_zones_are_named_as_people_say_them_and_default_from_the_state():
    from sales_leadership.partners.hours import default_time_zone

    assert BusinessHours.of("Mon 09:00-17:00", "America/Denver").zone_name == "Mountain time"
    assert BusinessHours.of("Mon 09:00-17:00", "Europe/Paris").zone_name == "Europe/Paris"
    assert (default_time_zone("CO"), default_time_zone("ZZ")) == ("America/Denver", "America/New_York")
