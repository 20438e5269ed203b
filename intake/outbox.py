"""The outbox's rows: leasing the next e-mail to send, and recording how it went.

A mixin of LeadStore (intake/storage.py): it uses the store's connections and
transactions. A row is leased before it is sent, marked "committing" just before
the message's final dot, and then sent, failed (retried later or given up) or
cancelled (a follow-up no longer needed).
"""

from __future__ import annotations

from .records import BY_ID, Delivery, StoredLead, iso_utc

# Messages the partner must get whatever happens: a send interrupted after the message was handed
# over is sent again (a duplicate at worst). The others are counted as sent (never a second copy).
RESEND_WHEN_IN_DOUBT = frozenset({"partner"})


class OutboxRows:
    def claim_due(self, lease_seconds: float, now: float | None = None) -> tuple[Delivery, StoredLead] | None:
        """Take the next due delivery for `lease_seconds`, or None.

        The lease keeps two workers (two gunicorn processes, or a worker and a
        restarted one) from sending the same row at once; a worker that dies
        mid-send leaves a lease that simply runs out. A row whose sender died after
        handing the message over (`committing_at` set) was most likely delivered:
        it is counted as sent, except a lead's e-mail to its partner, which is sent
        again rather than risk losing it.
        """
        now = self.clock() if now is None else now
        with self.transaction() as db:
            while True:
                row = db.execute(
                    "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?"
                    " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT 1",
                    (now, now),
                ).fetchone()
                if row is None:
                    return None
                if row["committing_at"] is not None and row["kind"] not in RESEND_WHEN_IN_DOUBT:
                    db.execute(
                        "UPDATE outbox SET status = 'sent', sent_at = ?, claimed_until = NULL,"
                        " last_error = 'interrupted after the message was handed to the mail server; counted as sent'"
                        " WHERE id = ?",
                        (iso_utc(row["committing_at"]), row["id"]),
                    )
                    continue
                db.execute(
                    "UPDATE outbox SET claimed_until = ?, attempts = attempts + 1, committing_at = NULL WHERE id = ?",
                    (now + lease_seconds, row["id"]),
                )
                delivery = Delivery.from_row(db.execute("SELECT * FROM outbox WHERE id = ?", (row["id"],)).fetchone())
                lead = StoredLead.from_row(db.execute(BY_ID, (row["lead_id"],)).fetchone())
                return delivery, lead

    def mark_committing(self, delivery_id: int) -> None:
        """The message is about to be handed over (its final dot): from here on, a crash means 'probably sent'."""
        with self.transaction() as db:
            db.execute("UPDATE outbox SET committing_at = ? WHERE id = ?", (self.clock(), delivery_id))

    def mark_sent(self, delivery_id: int) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE outbox SET status = 'sent', sent_at = ?, claimed_until = NULL, committing_at = NULL,"
                " last_error = '' WHERE id = ?",
                (self.now_iso(), delivery_id),
            )

    def mark_failed(self, delivery_id: int, error: str, retry_at: float | None) -> None:
        """A failed attempt: retried at `retry_at`, or given up for good when it is None."""
        with self.transaction() as db:
            if retry_at is None:
                db.execute(
                    "UPDATE outbox SET status = 'failed', claimed_until = NULL, committing_at = NULL, last_error = ?"
                    " WHERE id = ?",
                    (error[:500], delivery_id),
                )
            else:
                db.execute(
                    "UPDATE outbox SET next_attempt_at = ?, claimed_until = NULL, committing_at = NULL,"
                    " last_error = ? WHERE id = ?",
                    (retry_at, error[:500], delivery_id),
                )

    def mark_cancelled(self, delivery_id: int, reason: str) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE outbox SET status = 'cancelled', claimed_until = NULL, last_error = ? WHERE id = ?",
                (reason, delivery_id),
            )

    def next_due_at(self) -> float | None:
        """When the earliest pending delivery is due (None: nothing pending)."""
        with self.connection() as db:
            return db.execute(
                "SELECT MIN(MAX(next_attempt_at, COALESCE(claimed_until, 0))) FROM outbox WHERE status = 'pending'"
            ).fetchone()[0]

    def pending_count(self) -> int:
        with self.connection() as db:
            return db.execute("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").fetchone()[0]

    def deliveries(self, include_sent: bool = False, lead_id: int | None = None) -> list[Delivery]:
        clauses, parameters = [], []
        if not include_sent:
            clauses.append("status = 'pending'")
        if lead_id is not None:
            clauses.append("lead_id = ?")
            parameters.append(lead_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self.connection() as db:
            rows = db.execute(f"SELECT * FROM outbox {where} ORDER BY id", parameters).fetchall()
        return [Delivery.from_row(row) for row in rows]
