"""Delivery through a real SMTP server on loopback: to whom, what it says, retries, never twice."""

from __future__ import annotations

import logging

from markupsafe import escape

from intake.admin import release
from intake.delivery import RECEIPT_ATTEMPTS, DeliveryWorker
from intake.storage import LeadStore
from sales_leadership.partners.routing import route
from tests.contact.support import contact_form
from tests.intake.support import Mailbox, SmtpServer, free_port, sample_lead, wait_until

PAYLOAD = "<script>alert('x')</script> Robert'); DROP TABLE leads;--"


def test_the_lead_is_mailed_to_the_partner_who_owns_the_zip(intake, smtp):
    reply = intake.post({**sample_lead(), "zip_code": "98101", "state": ""})
    assert reply.status == 201
    [(recipients, message)] = wait_until(lambda: list(smtp.mailbox.received), what="the e-mail")
    owner = route(intake.app.site.directory, zip_code="98101").partner
    assert recipients == [owner.email]
    assert message["To"] == owner.email
    assert message["Reply-To"] == "pat0@example.com"
    text = message.get_body(("plain",)).get_content()
    assert reply.json()["reference"] in text
    # Choices read as the form labels them, not as their ids.
    role = contact_form().role
    role_label = {value: label for value, label, *_ in role.choices}["part-time"]
    assert f"{role.label.text} {role_label}\n" in text.replace("\r\n", "\n")
    wait_until(lambda: intake.store.pending_count() == 0, what="the delivery to be marked sent")
    [delivery] = intake.store.deliveries(include_sent=True)
    assert delivery.status == "sent" and delivery.sent_at


def test_what_the_visitor_wrote_is_escaped_in_the_html_part_and_kept_in_the_text(intake, smtp):
    post = {**sample_lead(), "name": PAYLOAD, "company": PAYLOAD, "message": PAYLOAD + "\nsecond line"}
    reference = intake.post(post).json()["reference"]
    assert intake.store.lead(reference).status == "held", "markup in every field is doubtful"
    release(intake.store, reference, acknowledge=False)  # the head office decides it is a person after all
    intake.app.worker.wake()
    [message] = wait_until(smtp.mailbox.messages, what="the e-mail")
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert PAYLOAD in text and "second line" in text
    assert "script" not in message["Subject"].lower() and PAYLOAD not in str(message["Subject"])
    [lead] = intake.store.leads()
    assert lead.fields["name"] == PAYLOAD


def test_spam_is_never_mailed(intake, smtp):
    assert intake.post({**sample_lead(), "website": "x"}).status == 201
    assert intake.post(sample_lead(1)).status == 201
    wait_until(lambda: len(smtp.mailbox.received) == 1 and intake.store.pending_count() == 0, what="one e-mail")
    assert [message["Reply-To"] for message in smtp.mailbox.messages()] == ["pat1@example.com"]


def test_the_acknowledgement_goes_to_the_visitor_and_repeats_nothing_they_typed(make_intake, smtp):
    intake = make_intake(INTAKE_ACK_EMAIL="1", **smtp.env())
    assert intake.post({**sample_lead(), "name": "Buy pills at Spam Inc"}).status == 201
    wait_until(lambda: len(smtp.mailbox.received) == 2, what="two e-mails")
    by_recipient = {recipients[0]: message for recipients, message in smtp.mailbox.received}
    receipt = by_recipient["pat0@example.com"]
    body = receipt.get_body(("plain",)).get_content()
    assert "Spam Inc" not in body and "salespeople" not in body
    [lead] = intake.store.leads()
    assert lead.partner_name in body and lead.reference in body
    assert receipt["Reply-To"] == lead.partner_email, "a reply reaches the partner, not the robot"
    assert receipt["Auto-Submitted"] == "auto-generated"
    assert by_recipient[lead.partner_email]["Auto-Submitted"] == "auto-generated"


def test_each_attempt_is_dated_when_it_is_sent_not_when_the_lead_came_in(make_intake):
    """A retried e-mail dated hours back is what spam filters score (DATE_IN_PAST_06_12)."""
    from email.utils import parsedate_to_datetime

    from tests.intake.support import ManualClock

    clock = ManualClock(1_900_000_000)
    smtp = SmtpServer(free_port())  # not started yet: the first attempts fail
    intake = make_intake(clock=clock, **smtp.env())
    assert intake.post(sample_lead()).status == 201
    wait_until(lambda: intake.store.deliveries()[0].last_error, what="a failed first attempt")
    clock.advance(7 * 3600)  # the mail server comes back seven hours later
    smtp.start()
    try:
        intake.app.worker.wake()
        [message] = wait_until(smtp.mailbox.messages, what="the e-mail")
    finally:
        smtp.stop()
    sent = parsedate_to_datetime(message["Date"]).timestamp()
    assert sent >= 1_900_000_000 + 7 * 3600, message["Date"]


def test_the_quiz_answers_reach_the_partner_in_the_words_the_owner_clicked(intake, smtp):
    from sales_leadership.quiz.answers import described

    answers = "team_size=small,revenue=1-15m,leader_situation=owner-led,primary_need=build,leadership_seat=no"
    assert intake.post({**sample_lead(), "quiz_answers": answers}).status == 201
    [message] = wait_until(smtp.mailbox.messages, what="the e-mail")
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = message.get_body(("html",)).get_content()
    expected = described(intake.app.site.quiz, dict(pair.split("=") for pair in answers.split(",")))
    assert len(expected) == 5
    for question, answer in expected:
        assert f"{question} {answer}\n" in text
        assert str(escape(answer)) in html
    assert "team_size=small" not in text and "owner-led" not in text and "owner-led" not in html


def test_smtp_down_while_leads_arrive_then_all_delivered_once(make_intake):
    port = free_port()
    smtp = SmtpServer(port)  # not started: connections are refused
    intake = make_intake(INTAKE_SMTP_HOST="127.0.0.1", INTAKE_SMTP_PORT=str(port), INTAKE_SMTP_TLS="none")
    references = [intake.post(sample_lead(n)).json()["reference"] for n in range(5)]
    assert len(set(references)) == 5
    wait_until(
        lambda: all(d.attempts >= 2 and d.last_error for d in intake.store.deliveries()),
        what="every delivery to have failed and been retried",
    )
    assert intake.store.pending_count() == 5
    smtp.start()
    try:
        wait_until(lambda: intake.store.pending_count() == 0, what="the outbox to drain")
        sent_to = sorted(message["Reply-To"] for message in smtp.mailbox.messages())
        assert sent_to == [f"pat{n}@example.com" for n in range(5)]
        # A restarted worker on the same database finds nothing left to send.
        store = LeadStore(intake.app.settings.database)
        worker = DeliveryWorker(store, intake.app.settings, intake.app.site)
        assert worker.deliver_due() == 0
        store.close()
        assert len(smtp.mailbox.received) == 5
        attempts = sum(d.attempts for d in intake.store.deliveries(include_sent=True))
        print(f"SMTP outage: 5 leads, {attempts} attempts, {len(smtp.mailbox.received)} e-mails, each once")
    finally:
        smtp.stop()


def test_without_smtp_leads_wait_in_the_outbox_and_go_out_after_restart(make_intake):
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger("intake.delivery").addHandler(handler)
    try:
        first = make_intake()
    finally:
        logging.getLogger("intake.delivery").removeHandler(handler)
    assert [r.event for r in records if getattr(r, "event", "") == "smtp_not_configured"] == ["smtp_not_configured"]
    assert first.post(sample_lead()).status == 201
    assert first.request("GET", "/api/health").json()["smtp"] == "not configured"
    [delivery] = first.store.deliveries()
    assert delivery.status == "pending" and delivery.attempts == 0
    smtp = SmtpServer().start()
    try:
        second = make_intake(**smtp.env())  # same database, as after a restart with SMTP configured
        wait_until(lambda: second.store.pending_count() == 0, what="the waiting lead to go out")
        assert len(smtp.mailbox.received) == 1
    finally:
        smtp.stop()


def test_a_delivery_interrupted_before_sending_is_sent_exactly_once_after_restart(make_intake, smtp):
    intake = make_intake(INTAKE_WORKER="0", **smtp.env())
    assert intake.post(sample_lead()).status == 201
    # A worker that crashed after taking its lease and before sending: the lease runs out...
    claimed = intake.store.claim_due(lease_seconds=0.0)
    assert claimed is not None
    worker = DeliveryWorker(intake.store, intake.app.settings, intake.app.site)
    assert worker.deliver_due() == 1
    assert worker.deliver_due() == 0
    assert len(smtp.mailbox.received) == 1
    [delivery] = intake.store.deliveries(include_sent=True)
    assert delivery.status == "sent" and delivery.attempts == 2


class BadQuit(Mailbox):
    """Accepts every message (250), then answers QUIT with an error instead of 221."""

    async def handle_QUIT(self, server, session, envelope):
        return "554 5.0.0 something went wrong on the way out"


def test_a_server_that_answers_quit_badly_gets_each_message_once(make_intake):
    """It used to count as a failure: 7 copies of the same e-mail in 100 s with short retries."""
    server = SmtpServer(mailbox=BadQuit()).start()
    try:
        intake = make_intake(**server.env())
        assert intake.post(sample_lead()).status == 201
        wait_until(lambda: intake.store.pending_count() == 0, what="the delivery to be recorded")
        [delivery] = intake.store.deliveries(include_sent=True)
        assert (delivery.status, delivery.attempts, delivery.last_error) == ("sent", 1, "")
        intake.app.worker.wake()
        assert intake.app.worker.deliver_due() == 0
        assert len(server.mailbox.received) == 1
    finally:
        server.stop()


def test_a_send_interrupted_after_handing_over_is_not_sent_again_except_the_partners_lead(make_intake, smtp):
    intake = make_intake(INTAKE_WORKER="0", INTAKE_ACK_EMAIL="1", **smtp.env())
    assert intake.post(sample_lead()).status == 201
    # A worker killed just after the final dot: both rows were "committing", then their leases ran out.
    for _ in range(2):
        delivery, _lead = intake.store.claim_due(lease_seconds=60)
        intake.store.mark_committing(delivery.id)
    with intake.store.transaction() as db:
        db.execute("UPDATE outbox SET claimed_until = 0")
    worker = DeliveryWorker(intake.store, intake.app.settings, intake.app.site)
    assert worker.deliver_due() == 1
    by_kind = {d.kind: d for d in intake.store.deliveries(include_sent=True)}
    assert by_kind["acknowledgement"].status == "sent" and "counted as sent" in by_kind["acknowledgement"].last_error
    assert by_kind["partner"].status == "sent" and by_kind["partner"].attempts == 2
    assert [recipients for recipients, _ in smtp.mailbox.received] == [[by_kind["partner"].recipient]]


def test_an_idn_domain_gets_its_reply_to_and_its_receipt(make_intake, smtp):
    intake = make_intake(INTAKE_ACK_EMAIL="1", **smtp.env())
    assert intake.post({**sample_lead(), "email": "pat@bücher.example"}).status == 201
    wait_until(lambda: len(smtp.mailbox.received) == 2, what="the partner's e-mail and the receipt")
    by_recipient = {recipients[0]: message for recipients, message in smtp.mailbox.received}
    receipt = by_recipient["pat@xn--bcher-kva.example"]
    assert receipt["To"] == "pat@xn--bcher-kva.example"
    partner = next(message for address, message in by_recipient.items() if address != "pat@xn--bcher-kva.example")
    assert partner["Reply-To"] == "pat@xn--bcher-kva.example"


def test_a_non_ascii_address_reaches_a_server_that_offers_smtputf8(make_intake, smtp):
    intake = make_intake(INTAKE_ACK_EMAIL="1", **smtp.env())
    assert intake.post({**sample_lead(), "email": "päť@example.com"}).status == 201
    wait_until(lambda: len(smtp.mailbox.received) == 2, what="the partner's e-mail and the receipt")
    assert ["päť@example.com"] in [recipients for recipients, _ in smtp.mailbox.received]


def test_a_receipt_the_server_cannot_take_is_given_up_after_its_retries_and_logged(make_intake):
    smtp = SmtpServer(enable_SMTPUTF8=False).start()
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger("intake.delivery").addHandler(handler)
    try:
        intake = make_intake(INTAKE_ACK_EMAIL="1", INTAKE_RETRY_BASE_SECONDS="0.01", **smtp.env())
        assert intake.post({**sample_lead(), "email": "päť@example.com"}).status == 201
        wait_until(lambda: intake.store.pending_count() == 0, what="the receipt to be given up")
    finally:
        logging.getLogger("intake.delivery").removeHandler(handler)
        smtp.stop()
    by_kind = {d.kind: d for d in intake.store.deliveries(include_sent=True)}
    assert by_kind["acknowledgement"].status == "failed"
    assert by_kind["acknowledgement"].attempts == RECEIPT_ATTEMPTS
    assert "SMTPUTF8" in by_kind["acknowledgement"].last_error
    assert by_kind["partner"].status == "sent", "the lead itself still reaches its partner"
    [partner] = smtp.mailbox.messages()
    assert partner["Reply-To"] is None, "no header can carry that address without SMTPUTF8"
    assert "päť@example.com" in partner.get_body(("plain",)).get_content(), "the partner still sees the address"
    given_up = [r for r in records if getattr(r, "event", "") == "delivery_given_up"]
    assert len(given_up) == 1 and given_up[0].kind == "acknowledgement"
    assert "päť" not in str(vars(given_up[0])), "no personal data in the log"
