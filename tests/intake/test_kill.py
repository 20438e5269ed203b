"""SIGKILL at the moments that matter: a reminder or an escalation is neither lost nor sent twice.

The worker runs in its own process (tests/intake/worker_process.py) on a clock the test moves, and
is killed while the mail server holds it at a chosen point of the conversation: after the
follow-ups were queued but before anything was handed over (a RCPT), and after a reminder's whole
message was handed over but before the server's 250 (its DATA). Restarted each time, the worker
must end with exactly one of each e-mail.
"""

from __future__ import annotations

import asyncio
import datetime
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.intake.support import Mailbox, ManualClock, SmtpServer, intake_env, sample_lead, wait_until

ROOT = Path(__file__).resolve().parents[2]
DENVER = ZoneInfo("America/Denver")


def at(text: str) -> float:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=DENVER).timestamp()


class Holding(Mailbox):
    """Holds the conversation the first time a condition is met, until the test has killed the sender."""

    def __init__(self, head_office: str):
        super().__init__()
        self.head_office = head_office
        self.reached = threading.Event()
        self.held: list[str] = []
        self.points = ["first RCPT", "reminder DATA", "escalation RCPT"]

    async def _hold(self, point: str) -> None:
        if self.points and self.points[0] == point:
            self.points.pop(0)
            self.held.append(point)
            self.reached.set()
            await asyncio.sleep(30)  # the sender is killed meanwhile; the connection then closes

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.held == [] or address == self.head_office:
            await self._hold("first RCPT" if not self.held else "escalation RCPT")
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if b"Subject: Reminder" in envelope.original_content:
            with self.lock:
                self.received.append((list(envelope.rcpt_tos), _parse(envelope.original_content)))
            await self._hold("reminder DATA")
            return "250 accepted"
        return await super().handle_DATA(server, session, envelope)


def _parse(raw: bytes):
    import email
    import email.policy

    return email.message_from_bytes(raw, policy=email.policy.default)


def test_killing_the_worker_at_any_point_neither_loses_nor_repeats_a_reminder_or_an_escalation(make_intake, tmp_path):
    clock = ManualClock(at("2026-03-02 10:00"))  # Monday morning in Denver
    probe = make_intake(clock=clock, INTAKE_WORKER="0")
    head_office = probe.app.site.directory.head_office.email
    mailbox = Holding(head_office)
    smtp = SmtpServer(mailbox=mailbox).start()
    try:
        intake = make_intake(clock=clock, INTAKE_WORKER="0", **smtp.env())
        reference = intake.post({**sample_lead(), "zip_code": "80202"}).json()["reference"]
        clock_file = tmp_path / "clock"
        clock_file.write_text(str(at("2026-03-04 08:00")))  # the worker comes back on Wednesday: all fell due
        env = {**os.environ, **intake_env(tmp_path, **smtp.env()), "INTAKE_POLL_SECONDS": "0.1"}
        env["PYTHONPATH"] = f"{ROOT}{os.pathsep}{ROOT / 'plugins'}"

        def run_worker() -> subprocess.Popen:
            process = subprocess.Popen(
                [sys.executable, "-m", "tests.intake.worker_process", str(clock_file)],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            )  # fmt: skip
            assert process.stdout.readline().strip() == "ready"
            return process

        for point in ("first RCPT", "reminder DATA", "escalation RCPT"):
            mailbox.reached.clear()
            worker = run_worker()
            try:
                assert mailbox.reached.wait(30), f"the worker should reach the {point}"
                assert mailbox.held[-1] == point
            finally:
                worker.send_signal(signal.SIGKILL)
                worker.wait(10)
            # Time passes (in the worker's clock) so the dead worker's lease runs out.
            clock_file.write_text(str(float(clock_file.read_text()) + 600))
        worker = run_worker()
        try:
            wait_until(lambda: intake.store.pending_count() == 0, what="every e-mail to be done")
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
    finally:
        smtp.stop()
    subjects = sorted(message["Subject"].split(":")[0] for message in mailbox.messages())
    assert subjects == ["Escalated", "New inquiry about sales leadership", "Reminder"], subjects
    lead = intake.store.lead(reference)
    assert lead.status == "escalated"
    deliveries = {d.kind: d for d in intake.store.deliveries(include_sent=True)}
    assert {kind: d.status for kind, d in deliveries.items()} == {
        "partner": "sent",
        "reminder": "sent",
        "escalation": "sent",
    }
    assert "counted as sent" in deliveries["reminder"].last_error, "handed over before the kill: not sent again"
    assert [e.kind for e in intake.store.events(lead.id)] == ["received", "reminder", "escalated"]
