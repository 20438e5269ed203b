"""Delivery: a worker that e-mails every outbox row and marks it sent once the SMTP server accepted it.

The outbox is the queue. A row is leased before sending (so two workers never
send it at the same time) and rescheduled with exponential backoff when sending
fails. A lead's e-mail to its partner is retried until it goes: a lead is never
dropped because the mail server was down. A receipt to the visitor is given up
after RECEIPT_ATTEMPTS (an address the server cannot take must not be retried
forever), and logged.

Sent once: the server's 250 after the message is the delivery; what QUIT answers
afterwards changes nothing. Just before the message's final dot the row is
marked "committing" (durably): a worker killed after that point most likely
delivered it, so a restarted one counts it as sent instead of sending it again
(the partner's lead e-mail excepted: sent again, with the same Message-ID).
"""

from __future__ import annotations

import email.generator
import io
import logging
import random
import re
import smtplib
import ssl
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage

from .config import IntakeSettings, SmtpSettings
from .lifecycle import WAITING_FOR_CONTACT
from .mail import envelope_address
from .messages import MailContext, build_message
from .status_links import StatusLinks
from .storage import LeadStore

log = logging.getLogger("intake.delivery")

HOUSEKEEPING_EVERY_SECONDS = 3600
RECEIPT_ATTEMPTS = 8  # with the default backoff, about two hours of trying
GIVE_UP_AFTER = {"acknowledgement": RECEIPT_ATTEMPTS}
# A follow-up is only sent while the lead is still in the state that called for it: nobody has marked
# it contacted (a reminder due together with the escalation, after a day off, still goes: both fell due).
STILL_NEEDED = {"reminder": WAITING_FOR_CONTACT, "escalation": ("escalated",)}


class SmtpTransport:
    """One message per connection: simple, and a broken connection never poisons the next lead."""

    def __init__(self, smtp: SmtpSettings):
        self.smtp = smtp

    def send(self, message: EmailMessage, on_commit: Callable[[], None] | None = None) -> None:
        """Send `message` to its To address; return once the server accepted it (250 after the data).

        `on_commit` runs after the message's text and before the final dot that commits it.
        """
        smtp = self.smtp
        if smtp.tls == "ssl":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        try:
            if smtp.tls == "starttls":
                client.starttls(context=ssl.create_default_context())
            if smtp.user:
                client.login(smtp.user, smtp.password)
            _transfer(client, message, on_commit)
        except BaseException:
            client.close()  # no QUIT: in the middle of DATA it would be read as a line of the message
            raise
        _quit_quietly(client)


def _transfer(client: smtplib.SMTP, message: EmailMessage, on_commit: Callable[[], None] | None) -> None:
    """MAIL, RCPT, DATA as smtplib.send_message does, with a pause before the final dot."""
    sender = envelope_address(str(message["From"]))
    recipient = envelope_address(str(message["To"]))
    client.ehlo_or_helo_if_needed()
    international = not (sender + recipient).isascii()
    options: list[str] = []
    if international:
        if not client.has_extn("smtputf8"):
            raise smtplib.SMTPNotSupportedError(
                "the address needs internationalized e-mail (SMTPUTF8), which the mail server does not offer"
            )
        options = ["SMTPUTF8", "BODY=8BITMIME"]
    code, reply = client.mail(sender, options)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    code, reply = client.rcpt(recipient)
    if code not in (250, 251):
        raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
    code, reply = client.docmd("DATA")
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    client.send(_data_lines(message, international))
    if on_commit is not None:
        on_commit()
    client.send(b".\r\n")
    code, reply = client.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)


def _data_lines(message: EmailMessage, international: bool) -> bytes:
    """The message as the DATA command carries it: CRLF lines, leading dots doubled, ending in CRLF."""
    buffer = io.BytesIO()
    policy = message.policy.clone(utf8=True) if international else message.policy
    email.generator.BytesGenerator(buffer, policy=policy).flatten(message, linesep="\r\n")
    data = re.sub(rb"(?m)^\.", b"..", buffer.getvalue())
    return data if data.endswith(b"\r\n") else data + b"\r\n"


def _quit_quietly(client: smtplib.SMTP) -> None:
    """QUIT, whatever it answers: the server accepted the message before it, and that is the delivery."""
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        pass
    finally:
        client.close()


def backoff_seconds(attempts: int, base: float, ceiling: float) -> float:
    """base, 2*base, 4*base ... up to `ceiling`, with +-10% jitter so retries do not arrive in step."""
    delay = min(base * (2 ** max(attempts - 1, 0)), ceiling)
    return delay * random.uniform(0.9, 1.1)


def describe_error(error: Exception) -> str:
    """What went wrong, for the outbox and the log: the exception and SMTP code, no message content."""
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(code) for code, _ in error.recipients.values()})
        return f"SMTPRecipientsRefused {'/'.join(codes)}"
    return f"{type(error).__name__}{f' {code}' if code else ''}: {str(error)[:200]}"


class DeliveryWorker:
    """Runs in a daemon thread beside the web application (or alone, see `run_forever`)."""

    def __init__(self, store: LeadStore, settings: IntakeSettings, site, transport: SmtpTransport | None = None):
        """`site`: what the intake knows of the site (intake.site.SiteContent): labels, quiz, partners."""
        self.store = store
        self.clock = store.clock
        links = StatusLinks(settings.secret, settings.site_origin, settings.status_link_days, store.clock)
        self.context = MailContext(settings.mail_from, site.choices, site.quiz, site.directory, links)
        self.head_office_email = site.directory.head_office.email
        self.settings = settings
        self.transport = transport or (SmtpTransport(settings.smtp) if settings.smtp.configured else None)
        self.lease_seconds = settings.smtp.timeout * 3 + 10
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_housekeeping = 0.0

    # --- lifecycle ---------------------------------------------------------------

    def start(self) -> None:
        if self.transport is None:
            log.warning(
                "SMTP is not configured (INTAKE_SMTP_HOST is empty): leads are stored and stay pending "
                "in the outbox until it is set and the intake restarted",
                extra={"event": "smtp_not_configured", "pending": self.store.pending_count()},
            )
        self._thread = threading.Thread(target=self.run_forever, name="intake-delivery", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 0.3) -> None:
        """Ask the loop to stop and wait at most `timeout` s: a send in progress is left to its lease.

        The thread is a daemon, so a process that is shutting down does not wait for a slow mail
        server; the row it was sending is retried by the next worker when the lease runs out.
        """
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        """A lead was just stored: deliver now rather than at the next poll."""
        self._wake.set()

    def run_forever(self) -> None:
        while not self._stopping.is_set():
            try:
                self._housekeeping_when_due()
                self.follow_ups_when_due()
                if self.transport is not None and self.deliver_one():
                    continue
                self._sleep()
            except Exception:
                log.exception("delivery loop failed; retrying shortly", extra={"event": "worker_error"})
                self._stopping.wait(min(self.settings.poll_seconds, 5.0))

    def _sleep(self) -> None:
        timeout = self.settings.poll_seconds
        due = [self.store.next_deadline_at()]
        if self.transport is not None:
            due.append(self.store.next_due_at())
        due = [moment for moment in due if moment is not None]
        if due:
            timeout = min(timeout, max(min(due) - self.clock(), 0.01))
        self._wake.wait(timeout)
        self._wake.clear()

    def follow_ups_when_due(self) -> tuple[int, int]:
        """Queue the reminders and escalations whose deadlines passed (rows in SQLite: durable, once each)."""
        due = self.store.next_deadline_at()
        if due is None or due > self.clock():
            return 0, 0
        reminders, escalations = self.store.queue_follow_ups(self.head_office_email)
        if reminders or escalations:
            log.info(
                "deadlines passed",
                extra={"event": "follow_ups_queued", "reminders": reminders, "escalations": escalations},
            )
        return reminders, escalations

    def _housekeeping_when_due(self) -> None:
        if time.monotonic() < self._next_housekeeping:
            return
        self._next_housekeeping = time.monotonic() + HOUSEKEEPING_EVERY_SECONDS
        purged = self.store.purge_older_than(self.settings.retention_days)
        if purged.deleted:
            log.info("retention: deleted old leads", extra={"event": "retention", "deleted": purged.deleted})
        if purged.kept_pending:
            log.warning(
                "retention: kept leads past the retention period because their delivery is still pending",
                extra={"event": "retention_kept_pending", "kept": purged.kept_pending},
            )
        self.store.forget_spent_tokens()

    # --- one delivery ----------------------------------------------------------------

    def deliver_one(self) -> bool:
        """Send the next due outbox row, if any; True when there was one (sent, rescheduled or given up)."""
        claimed = self.store.claim_due(self.lease_seconds)
        if claimed is None:
            return False
        delivery, lead = claimed
        context = {"delivery": delivery.id, "lead": lead.reference, "kind": delivery.kind, "attempt": delivery.attempts}
        if delivery.kind in STILL_NEEDED and lead.status not in STILL_NEEDED[delivery.kind]:
            self.store.mark_cancelled(delivery.id, f"not needed: the lead was marked {lead.status}")
            log.info("follow-up no longer needed", extra={"event": "delivery_cancelled", **context})
            return True
        try:
            history = self.store.events(lead.id) if delivery.kind == "escalation" else []
            message = build_message(delivery.kind, lead, delivery.recipient, self.context, self.clock(), history)
            self.transport.send(message, on_commit=lambda: self.store.mark_committing(delivery.id))
        except Exception as error:
            self._failed(delivery, error, context)
            return True
        self._mark_sent(delivery.id)
        log.info("delivered", extra={"event": "delivered", **context, "partner": lead.partner_slug})
        return True

    def _failed(self, delivery, error: Exception, context: dict) -> None:
        budget = GIVE_UP_AFTER.get(delivery.kind)
        if budget is not None and delivery.attempts >= budget:
            self.store.mark_failed(delivery.id, describe_error(error), None)
            log.error(
                "delivery given up after its retries",
                extra={"event": "delivery_given_up", **context, "error": describe_error(error)},
            )
            return
        delay = backoff_seconds(delivery.attempts, self.settings.retry_base_seconds, self.settings.retry_max_seconds)
        self.store.mark_failed(delivery.id, describe_error(error), self.clock() + delay)
        log.warning(
            "delivery failed; will retry",
            extra={"event": "delivery_failed", **context, "error": describe_error(error), "retry_in": round(delay)},
        )

    def _mark_sent(self, delivery_id: int) -> None:
        """The server has the message: record that, trying hard, since failing here means a resend."""
        for attempt in range(5):
            try:
                self.store.mark_sent(delivery_id)
                return
            except Exception:
                if attempt == 4:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def deliver_due(self) -> int:
        """Deliver everything due now, in this thread; return how many rows were attempted."""
        attempted = 0
        while self.transport is not None and self.deliver_one():
            attempted += 1
        return attempted
