"""A lead's life after it is accepted: its statuses, its deadlines, and the promise made to the visitor.

Statuses (docs/design.md): `new`, then what the partner records with the links in
their e-mail (`contacted`, `meeting`, `not-a-fit`, `won`, `lost`); `escalated` when
nobody recorded a first contact in time; `held` and `spam` from the spam verdict.

Deadlines count the partner's business hours (sales_leadership.partners.hours):
a lead not marked at least contacted within INTAKE_FIRST_RESPONSE_HOURS gets one
reminder to the partner; after INTAKE_ESCALATE_HOURS it goes to the head office.
They start when the lead is accepted (stored, or released after review); an
arrival out of hours counts from the next opening.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sales_leadership.partners.hours import BusinessHours

PARTNER_STATUSES = ("contacted", "meeting", "not-a-fit", "won", "lost")
ALL_STATUSES = ("new", *PARTNER_STATUSES, "escalated", "held", "spam")
STATUS_LABELS = {
    "new": "new",
    "contacted": "contacted",
    "meeting": "meeting booked",
    "not-a-fit": "not a fit",
    "won": "won",
    "lost": "lost",
    "escalated": "escalated to the head office",
    "held": "held for review",
    "spam": "spam",
}
WAITING_FOR_CONTACT = ("new", "escalated")  # not yet marked at least contacted


@dataclass(frozen=True)
class Deadlines:
    accepted_at: float
    remind_at: float  # the first-response deadline: a reminder if the lead is still new
    escalate_at: float  # then the head office has it


def deadlines_for(hours: BusinessHours, accepted_at: float, first_response_hours: float, escalate_hours: float):
    return Deadlines(accepted_at, hours.add(accepted_at, first_response_hours), hours.add(accepted_at, escalate_hours))


def clock_time(moment: datetime.datetime) -> str:
    """3 pm, 9:30 am, noon."""
    if (moment.hour, moment.minute) == (12, 0):
        return "noon"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes} {'am' if moment.hour < 12 else 'pm'}"


def when(moment: float, since: float, hours: BusinessHours) -> str:
    """A deadline as a person says it, on the partner's clock: "3 pm Mountain time tomorrow".

    The day is named from `since` (when the visitor sent the form): today, tomorrow, a weekday
    within the week, else the date.
    """
    local = datetime.datetime.fromtimestamp(moment, hours.zone)
    start = datetime.datetime.fromtimestamp(since, hours.zone).date()
    days = (local.date() - start).days
    if days <= 0:
        day = "today"
    elif days == 1:
        day = "tomorrow"
    elif days < 7:
        day = f"on {local:%A}"
    else:
        day = f"on {local:%A, %B} {local.day}"
    return f"{clock_time(local)} {hours.zone_name} {day}"
