"""A lead's life in the store: review of held leads, statuses, and the follow-ups its deadlines call for.

A mixin of LeadStore (intake/storage.py). Every change is one transaction that
also writes the lead's history; the follow-ups are queued from the leads' own
deadline columns, so queuing again (a second pass, a restart, a day off) adds nothing.
"""

from __future__ import annotations

from .lifecycle import PARTNER_STATUSES, Deadlines
from .records import BY_ID, StoredLead, deadline_values, iso_utc


class LeadLifecycle:
    def release(
        self,
        lead_id: int,
        deliveries: list[tuple[str, str]],
        deadlines: Deadlines | None = None,
        actor: str = "operator",
    ) -> StoredLead:
        """A held lead is a real one after all: status new, deadlines from now, its deliveries queued now."""
        with self.transaction() as db:
            row = db.execute(BY_ID, (lead_id,)).fetchone()
            if row is None or row["status"] != "held":
                raise ValueError(f"lead {lead_id} is not held for review")
            db.execute(
                "UPDATE leads SET status = 'new', status_at = ?, accepted_at = ?, remind_at = ?, escalate_at = ?"
                " WHERE id = ?",
                (self.clock(), *deadline_values(deadlines), lead_id),
            )
            self._queue(db, lead_id, deliveries, self.clock())
            self._note(db, lead_id, "released", "new", actor, "released after review: delivered now")
            return StoredLead.from_row(db.execute(BY_ID, (lead_id,)).fetchone())

    def reject(self, lead_id: int, actor: str = "operator") -> StoredLead:
        with self.transaction() as db:
            row = db.execute(BY_ID, (lead_id,)).fetchone()
            if row is None or row["status"] != "held":
                raise ValueError(f"lead {lead_id} is not held for review")
            db.execute(
                "UPDATE leads SET status = 'spam', verdict = 'drop', status_at = ? WHERE id = ?",
                (self.clock(), lead_id),
            )
            self._note(db, lead_id, "rejected", "spam", actor, "rejected after review: never sent")
            return StoredLead.from_row(db.execute(BY_ID, (lead_id,)).fetchone())

    def set_status(self, lead_id: int, status: str, actor: str, note: str = "") -> tuple[StoredLead, bool]:
        """Record what happened with a lead; (the lead, whether anything changed).

        The first status beyond `new` is the first contact (whatever it is: a meeting booked is a
        contact too). Reminders and escalations not sent yet are no longer needed.
        """
        if status not in PARTNER_STATUSES:
            raise ValueError(f"{status!r} is not a status a lead can be given ({', '.join(PARTNER_STATUSES)})")
        now = self.clock()
        with self.transaction() as db:
            row = db.execute(BY_ID, (lead_id,)).fetchone()
            if row is None or row["status"] in ("held", "spam"):
                raise ValueError(f"lead {lead_id} has not been sent to a partner")
            if row["status"] == status:
                return StoredLead.from_row(row), False
            db.execute(
                "UPDATE leads SET status = ?, status_at = ?, first_contact_at = COALESCE(first_contact_at, ?)"
                " WHERE id = ?",
                (status, now, now, lead_id),
            )
            db.execute(
                "UPDATE outbox SET status = 'cancelled', last_error = 'not needed: the lead was marked ' || ?"
                " WHERE lead_id = ? AND kind IN ('reminder', 'escalation') AND status = 'pending'"
                " AND claimed_until IS NULL",
                (status, lead_id),
            )
            self._note(db, lead_id, "status", status, actor, note)
            return StoredLead.from_row(db.execute(BY_ID, (lead_id,)).fetchone()), True

    def queue_follow_ups(self, escalation_address: str, now: float | None = None) -> tuple[int, int]:
        """Queue the reminders and escalations that fell due; (reminders, escalations) queued.

        One transaction, driven by the leads' own deadlines: run it again (after a crash, in two
        processes, after a day off) and it queues nothing twice (an outbox row per lead and kind,
        and an escalated lead is no longer new).
        """
        now = self.clock() if now is None else now
        with self.transaction() as db:
            reminders = db.execute(
                "SELECT id, partner_email, partner_name FROM leads WHERE status = 'new' AND remind_at <= ?"
                " AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.lead_id = leads.id AND kind = 'reminder')",
                (now,),
            ).fetchall()
            for row in reminders:
                self._queue(db, row["id"], [("reminder", row["partner_email"])], now)
                self._note(
                    db,
                    row["id"],
                    "reminder",
                    "new",
                    "system",
                    f"not marked contacted in time: reminder to {row['partner_name']}",
                )
            escalations = db.execute(
                "SELECT id FROM leads WHERE status = 'new' AND escalate_at <= ?", (now,)
            ).fetchall()
            for row in escalations:
                db.execute(
                    "UPDATE leads SET status = 'escalated', escalated_at = ?, status_at = ? WHERE id = ?",
                    (now, now, row["id"]),
                )
                db.execute(
                    "INSERT OR IGNORE INTO outbox (lead_id, kind, recipient, next_attempt_at, created_at)"
                    " VALUES (?, 'escalation', ?, ?, ?)",
                    (row["id"], escalation_address, now, iso_utc(now)),
                )
                self._note(
                    db, row["id"], "escalated", "escalated", "system", "still not contacted: sent to the head office"
                )
        return len(reminders), len(escalations)

    def next_deadline_at(self) -> float | None:
        """The earliest reminder or escalation still to come (the worker sleeps until then at most)."""
        with self.connection() as db:
            return db.execute(
                "SELECT MIN(CASE WHEN NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.lead_id = leads.id"
                " AND kind = 'reminder') THEN MIN(remind_at, escalate_at) ELSE escalate_at END)"
                " FROM leads WHERE status = 'new' AND remind_at IS NOT NULL"
            ).fetchone()[0]

    def report_leads(self, since: float) -> list[StoredLead]:
        """Leads sent to a partner since `since` (unix time), oldest first: what the report counts."""
        with self.connection() as db:
            rows = db.execute(
                "SELECT * FROM leads WHERE status NOT IN ('held', 'spam') AND created_at >= ? ORDER BY id",
                (iso_utc(since),),
            ).fetchall()
        return [StoredLead.from_row(row) for row in rows]
