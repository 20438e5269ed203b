"""A lead's life in the store: review, statuses, and the reminders and escalations its deadlines call for."""

from __future__ import annotations

import pytest

from intake.lifecycle import Deadlines
from intake.storage import NewLead
from intake.verdict import Verdict
from tests.intake.support import CLOCK_START
from tests.intake.test_storage import DENVER, new_lead

START = CLOCK_START  # the shared `clock` fixture starts here (tests/intake/conftest.py)
HOUR = 3600.0
DEADLINES = Deadlines(accepted_at=START, remind_at=START + 4 * HOUR, escalate_at=START + 8 * HOUR)
HEAD_OFFICE = "office@example.com"


def waiting_lead(store, email="pat@example.com"):
    lead = NewLead(new_lead(email).fields, DENVER, deadlines=DEADLINES)
    return store.add_lead(lead, [("partner", DENVER.email)]).lead


def held_lead(store, email="held@example.com"):
    verdict = Verdict(4, ("token-too-fast",), "hold")
    return store.add_lead(NewLead(new_lead(email).fields, DENVER, verdict), []).lead


def kinds(store, lead):
    return [(d.kind, d.recipient, d.status) for d in store.deliveries(include_sent=True, lead_id=lead.id)]


def test_a_lead_left_alone_is_reminded_at_its_deadline_then_escalated(store):
    lead = waiting_lead(store)
    assert store.next_deadline_at() == START + 4 * HOUR
    assert store.queue_follow_ups(HEAD_OFFICE, now=START + 4 * HOUR - 1) == (0, 0)
    assert store.queue_follow_ups(HEAD_OFFICE, now=START + 4 * HOUR) == (1, 0), "due exactly at the deadline"
    assert store.next_deadline_at() == START + 8 * HOUR, "reminded: the escalation is next"
    assert store.queue_follow_ups(HEAD_OFFICE, now=START + 8 * HOUR) == (0, 1)
    assert store.lead(lead.reference).status == "escalated"
    assert store.lead(lead.reference).escalated_at == START + 8 * HOUR
    assert kinds(store, lead) == [
        ("partner", DENVER.email, "pending"),
        ("reminder", DENVER.email, "pending"),
        ("escalation", HEAD_OFFICE, "pending"),
    ]
    assert [event.kind for event in store.events(lead.id)] == ["received", "reminder", "escalated"]
    assert store.next_deadline_at() is None


def test_queuing_follow_ups_again_adds_nothing(store):
    lead = waiting_lead(store)
    for _ in range(3):
        store.queue_follow_ups(HEAD_OFFICE, now=START + 9 * HOUR)
    assert [kind for kind, _, _ in kinds(store, lead)] == ["partner", "reminder", "escalation"]


def test_a_day_off_sends_the_reminder_and_the_escalation_together(store):
    lead = waiting_lead(store)
    assert store.queue_follow_ups(HEAD_OFFICE, now=START + 30 * HOUR) == (1, 1)
    assert store.lead(lead.reference).status == "escalated"


def test_a_lead_marked_contacted_is_no_longer_followed_up(store, clock):
    lead = waiting_lead(store)
    store.queue_follow_ups(HEAD_OFFICE, now=START + 4 * HOUR)
    clock.set(START + 5 * HOUR)
    updated, changed = store.set_status(lead.id, "contacted", "partner", "called back")
    assert changed and updated.status == "contacted"
    assert (updated.first_contact_at, updated.status_at) == (START + 5 * HOUR, START + 5 * HOUR)
    assert ("reminder", DENVER.email, "cancelled") in kinds(store, lead)
    assert store.next_deadline_at() is None
    assert store.queue_follow_ups(HEAD_OFFICE, now=START + 30 * HOUR) == (0, 0)
    assert store.lead(lead.reference).status == "contacted"


def test_the_first_contact_is_kept_when_the_status_moves_on(store, clock):
    lead = waiting_lead(store)
    store.set_status(lead.id, "meeting", "partner")
    clock.advance(HOUR)
    again, changed = store.set_status(lead.id, "meeting", "partner")
    assert not changed and again.status_at == START
    won, _ = store.set_status(lead.id, "won", "partner")
    assert (won.status, won.first_contact_at, won.status_at) == ("won", START, START + HOUR)
    assert [(e.kind, e.status, e.actor) for e in store.events(lead.id)] == [
        ("received", "new", "visitor"),
        ("status", "meeting", "partner"),
        ("status", "won", "partner"),
    ]


def test_a_status_the_partner_cannot_give_or_a_lead_never_sent_is_refused(store):
    lead = waiting_lead(store)
    with pytest.raises(ValueError, match="not a status"):
        store.set_status(lead.id, "escalated", "partner")
    with pytest.raises(ValueError, match="has not been sent"):
        store.set_status(held_lead(store).id, "contacted", "partner")
    with pytest.raises(ValueError, match="has not been sent"):
        store.set_status(999, "contacted", "partner")


def test_a_released_lead_gets_its_deadlines_from_the_release(store, clock):
    held = held_lead(store)
    assert store.held_count() == 1
    clock.advance(HOUR)
    later = Deadlines(START + HOUR, START + 5 * HOUR, START + 9 * HOUR)
    released = store.release(held.id, [("partner", DENVER.email)], later)
    assert (released.status, released.accepted_at, released.remind_at, released.escalate_at) == (
        "new",
        START + HOUR,
        START + 5 * HOUR,
        START + 9 * HOUR,
    )
    assert released.status_at == START + HOUR and store.held_count() == 0
    assert store.next_deadline_at() == START + 5 * HOUR
    with pytest.raises(ValueError, match="not held"):
        store.release(held.id, [])


def test_a_rejected_lead_is_spam_and_never_sent(store, clock):
    held = held_lead(store)
    clock.advance(HOUR)
    rejected = store.reject(held.id)
    assert (rejected.status, rejected.verdict, rejected.status_at) == ("spam", "drop", START + HOUR)
    assert store.deliveries(include_sent=True) == []
    with pytest.raises(ValueError, match="not held"):
        store.reject(held.id)
    with pytest.raises(ValueError, match="not held"):
        store.reject(999)


def test_the_report_counts_the_leads_sent_to_a_partner_since_a_moment(store, clock):
    first = waiting_lead(store, "first@example.com")
    held_lead(store)
    clock.advance(HOUR)
    second = waiting_lead(store, "second@example.com")
    assert [lead.id for lead in store.report_leads(START)] == [first.id, second.id]
    assert [lead.id for lead in store.report_leads(START + HOUR)] == [second.id], "from that moment on"
    assert store.report_leads(START + HOUR + 1) == []
