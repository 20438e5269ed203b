"""Delivery: a worker that e-mails every outbox row and marks it sent only once SMTP accepted it.

The outbox is the queue. A row is leased before sending (so two workers never
send it at the same time), marked sent right after the SMTP server's "250 OK",
and otherwise rescheduled with exponential backoff, forever: a lead is never
dropped because the mail server was down. The one window where a message can
go out twice is a crash between the server's acceptance and our commit; the
Message-ID is stable per lead, so such a duplicate is recognisable.
"""

from __future__ import annotations

import logging
import random
import smtplib
import ssl
import threading
import time
from email.message import EmailMessage

from sales_leadership.contact.forms import FormChoices

from .config import IntakeSettings, SmtpSettings
from .mail import build_message
from .storage import LeadStore

log = logging.getLogger("intake.delivery")

RETENTION_EVERY_SECONDS = 3600


class SmtpTransport:
    """Sends one message per connection: simple, and a broken connection never poisons the next lead."""

    def __init__(self, smtp: SmtpSettings):
        self.smtp = smtp

    def send(self, message: EmailMessage) -> None:
        smtp = self.smtp
        if smtp.tls == "ssl":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        with client:
            if smtp.tls == "starttls":
                client.starttls(context=ssl.create_default_context())
            if smtp.user:
                client.login(smtp.user, smtp.password)
            client.send_message(message)


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

    def __init__(
        self,
        store: LeadStore,
        settings: IntakeSettings,
        choices: FormChoices,
        transport: SmtpTransport | None = None,
    ):
        self.store = store
        self.choices = choices  # the form's choice labels, for the partner's e-mail
        self.settings = settings
        self.transport = transport or (SmtpTransport(settings.smtp) if settings.smtp.configured else None)
        self.lease_seconds = settings.smtp.timeout * 3 + 10
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_retention = 0.0

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

    def stop(self, timeout: float = 10.0) -> None:
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
                self._purge_when_due()
                if self.transport is not None and self.deliver_one():
                    continue
                self._sleep()
            except Exception:
                log.exception("delivery loop failed; retrying shortly", extra={"event": "worker_error"})
                self._stopping.wait(min(self.settings.poll_seconds, 5.0))

    def _sleep(self) -> None:
        timeout = self.settings.poll_seconds
        due = self.store.next_due_at() if self.transport is not None else None
        if due is not None:
            timeout = min(timeout, max(due - time.time(), 0.01))
        self._wake.wait(timeout)
        self._wake.clear()

    def _purge_when_due(self) -> None:
        if self.settings.retention_days <= 0 or time.monotonic() < self._next_retention:
            return
        self._next_retention = time.monotonic() + RETENTION_EVERY_SECONDS
        purged = self.store.purge_older_than(self.settings.retention_days)
        if purged:
            log.info("retention: deleted old leads", extra={"event": "retention", "deleted": purged})

    # --- one delivery ----------------------------------------------------------------

    def deliver_one(self) -> bool:
        """Send the next due outbox row, if any; True when there was one (sent or rescheduled)."""
        claimed = self.store.claim_due(self.lease_seconds)
        if claimed is None:
            return False
        delivery, lead = claimed
        context = {"delivery": delivery.id, "lead": lead.public_id, "kind": delivery.kind, "attempt": delivery.attempts}
        try:
            message = build_message(delivery.kind, lead, delivery.recipient, self.settings.mail_from, self.choices)
            self.transport.send(message)
        except Exception as error:
            delay = backoff_seconds(
                delivery.attempts, self.settings.retry_base_seconds, self.settings.retry_max_seconds
            )
            self.store.mark_failed(delivery.id, describe_error(error), time.time() + delay)
            log.warning(
                "delivery failed; will retry",
                extra={"event": "delivery_failed", **context, "error": describe_error(error), "retry_in": round(delay)},
            )
            return True
        self._mark_sent(delivery.id)
        log.info("delivered", extra={"event": "delivered", **context, "partner": lead.partner_slug})
        return True

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
