"""The outbox's rows on a real SQLite file: which e-mail is sent next, when, and what a failure leaves."""

from __future__ import annotations

from tests.intake.support import CLOCK_START
from tests.intake.test_storage import new_lead

START = CLOCK_START  # the shared `clock` fixture starts here (tests/intake/conftest.py)


def test_a_failed_send_frees_the_row_for_its_retry_at_once(store):
    """The lease was for the attempt; a retry due in 0.2 s must not wait for the lease (60 s) to run out."""
    store.add_lead(new_lead(), [("partner", "denver@example.com")])
    delivery, _ = store.claim_due(lease_seconds=60)
    store.mark_failed(delivery.id, "421 try again later", retry_at=START + 0.2)
    assert store.next_due_at() == START + 0.2
    assert store.claim_due(lease_seconds=60, now=START + 0.1) is None, "not before its retry time"
    retried, _ = store.claim_due(lease_seconds=60, now=START + 0.2)
    assert (retried.id, retried.attempts, retried.last_error) == (delivery.id, 2, "421 try again later")


def test_a_send_given_up_is_never_claimed_again_and_says_why(store):
    store.add_lead(new_lead(), [("partner", "denver@example.com")])
    delivery, _ = store.claim_due(lease_seconds=60)
    store.mark_failed(delivery.id, "550 no such mailbox " + "x" * 600, retry_at=None)
    assert store.claim_due(lease_seconds=60, now=START + 10**6) is None
    assert store.next_due_at() is None and store.pending_count() == 0
    (failed,) = store.deliveries(include_sent=True)
    assert failed.status == "failed" and failed.last_error.startswith("550 no such mailbox ")
    assert len(failed.last_error) == 500, "the error is kept, cut to 500 characters"


def test_next_due_at_is_when_the_worker_must_wake(store, clock):
    assert store.next_due_at() is None, "nothing pending: sleep until a lead arrives"
    store.add_lead(new_lead("first@example.com"), [("partner", "denver@example.com")])
    clock.advance(30)
    store.add_lead(new_lead("second@example.com"), [("partner", "denver@example.com")])
    assert store.next_due_at() == START
    first, _ = store.claim_due(lease_seconds=300, now=START)
    assert store.next_due_at() == START + 30, "the leased row is due only when its lease ends"
    second, _ = store.claim_due(lease_seconds=300, now=START + 30)
    assert store.next_due_at() == START + 300, "both leased: the first lease to end"
    store.mark_sent(first.id)
    store.mark_sent(second.id)
    assert store.next_due_at() is None


def test_deliveries_are_claimed_oldest_due_first_then_in_the_order_they_were_queued(store, clock):
    store.add_lead(new_lead("a@example.com"), [("partner", "denver@example.com"), ("acknowledgement", "a@example.com")])
    clock.advance(5)
    store.add_lead(new_lead("b@example.com"), [("partner", "denver@example.com")])
    order = []
    while (claimed := store.claim_due(lease_seconds=60)) is not None:
        order.append((claimed[0].kind, claimed[1].email))
    assert order == [("partner", "a@example.com"), ("acknowledgement", "a@example.com"), ("partner", "b@example.com")]


def test_a_row_is_due_exactly_at_its_time_and_a_lease_holds_until_it_has_passed(store):
    store.add_lead(new_lead(), [("partner", "denver@example.com")])
    assert store.claim_due(lease_seconds=60, now=START - 0.001) is None
    delivery, _ = store.claim_due(lease_seconds=60, now=START)
    assert store.claim_due(lease_seconds=60, now=START + 60) is None, "the lease runs until START + 60"
    again, _ = store.claim_due(lease_seconds=60, now=START + 60.001)
    assert again.id == delivery.id and again.attempts == 2


def test_a_send_cut_off_after_the_handover_counts_as_sent_except_the_partners_copy(store, clock):
    store.add_lead(new_lead(), [("partner", "denver@example.com"), ("acknowledgement", "pat@example.com")])
    for _ in range(2):
        delivery, _ = store.claim_due(lease_seconds=10)
        store.mark_committing(delivery.id)
    clock.advance(11)  # the worker died; both leases ran out
    resent, _ = store.claim_due(lease_seconds=10)
    assert (resent.kind, resent.attempts, resent.committing_at) == ("partner", 2, None)
    assert store.claim_due(lease_seconds=10) is None
    receipt = next(d for d in store.deliveries(include_sent=True) if d.kind == "acknowledgement")
    assert receipt.status == "sent" and receipt.sent_at == "2030-03-17T17:46:40.000000Z"
    assert "counted as sent" in receipt.last_error


def test_a_sent_row_records_when_and_forgets_its_lease_and_errors(store, clock):
    store.add_lead(new_lead(), [("partner", "denver@example.com")])
    delivery, _ = store.claim_due(lease_seconds=60)
    store.mark_failed(delivery.id, "timeout", retry_at=START)
    delivery, _ = store.claim_due(lease_seconds=60)
    store.mark_committing(delivery.id)
    clock.advance(2)
    store.mark_sent(delivery.id)
    (sent,) = store.deliveries(include_sent=True)
    assert (sent.status, sent.sent_at, sent.last_error, sent.committing_at) == (
        "sent",
        "2030-03-17T17:46:42.000000Z",
        "",
        None,
    )
    assert store.deliveries() == [], "only pending rows unless asked"


def test_a_cancelled_follow_up_is_never_sent(store):
    lead = store.add_lead(new_lead(), [("reminder", "denver@example.com")]).lead
    (reminder,) = store.deliveries(lead_id=lead.id)
    store.mark_cancelled(reminder.id, "not needed: the lead was marked contacted")
    assert store.claim_due(lease_seconds=60, now=START + 10**6) is None
    (cancelled,) = store.deliveries(include_sent=True, lead_id=lead.id)
    assert (cancelled.status, cancelled.last_error) == ("cancelled", "not needed: the lead was marked contacted")


def test_deliveries_can_be_listed_for_one_lead(store):
    first = store.add_lead(new_lead("a@example.com"), [("partner", "denver@example.com")]).lead
    second = store.add_lead(new_lead("b@example.com"), [("partner", "denver@example.com")]).lead
    assert [d.lead_id for d in store.deliveries(lead_id=second.id)] == [second.id]
    assert [d.lead_id for d in store.deliveries()] == [first.id, second.id]


def test_a_receipt_counted_as_sent_does_not_keep_the_partners_copy_waiting(store, clock):
    """The claim that finds an interrupted receipt goes on to the next row in the same call."""
    store.add_lead(new_lead(), [("acknowledgement", "pat@example.com"), ("partner", "denver@example.com")])
    for _ in range(2):
        delivery, _ = store.claim_due(lease_seconds=10)
        store.mark_committing(delivery.id)
    clock.advance(11)
    resent, _ = store.claim_due(lease_seconds=10)
    assert (resent.kind, resent.attempts) == ("partner", 2)


def test_a_long_error_before_a_retry_is_kept_cut_to_500_characters(store):
    store.add_lead(new_lead(), [("partner", "denver@example.com")])
    delivery, _ = store.claim_due(lease_seconds=60)
    store.mark_failed(delivery.id, "421 busy " + "y" * 600, retry_at=START + 1)
    (waiting,) = store.deliveries()
    assert waiting.last_error == ("421 busy " + "y" * 600)[:500]
