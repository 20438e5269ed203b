"""SQLite storage for leads and their outbox: the one place that writes the database.

Durability: WAL journal with `synchronous=FULL`, so a lead is on disk (WAL
fsynced) before the visitor is told it was received; the lead and its outbox
rows are written in one transaction, so there is never a lead without its
delivery, or a delivery without its lead. Writers take the lock up front
(BEGIN IMMEDIATE) so SQLite's busy timeout applies instead of the instant
"database is locked" a deferred transaction gets when it upgrades.
"""

from __future__ import annotations

import datetime
import json
import queue
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .migrations import LATEST_VERSION, MIGRATIONS

BUSY_TIMEOUT_MS = 15_000
IDLE_CONNECTIONS = 16


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer version of the intake than this one."""


def utc_now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def utc_days_ago(days: int) -> str:
    moment = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days)
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Recipient:
    """Who a lead goes to, resolved on the server by the partner routing."""

    slug: str
    name: str
    email: str
    rule: str
    reason: str


@dataclass(frozen=True)
class NewLead:
    fields: dict[str, str]
    recipient: Recipient
    spam_reason: str = ""

    @property
    def is_spam(self) -> bool:
        return bool(self.spam_reason)


@dataclass(frozen=True)
class StoredLead:
    id: int
    public_id: str
    created_at: str
    fields: dict[str, str]
    partner_slug: str
    partner_name: str
    partner_email: str
    route_rule: str
    route_reason: str
    spam: bool
    spam_reason: str

    @property
    def email(self) -> str:
        """The address as validated (the form strips spaces); `fields` keeps what was sent."""
        return self.fields.get("email", "").strip()

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> StoredLead:
        return cls(
            id=row["id"],
            public_id=row["public_id"],
            created_at=row["created_at"],
            fields=json.loads(row["fields"]),
            partner_slug=row["partner_slug"],
            partner_name=row["partner_name"],
            partner_email=row["partner_email"],
            route_rule=row["route_rule"],
            route_reason=row["route_reason"],
            spam=bool(row["spam"]),
            spam_reason=row["spam_reason"],
        )


@dataclass(frozen=True)
class Delivery:
    """One outbox row: an e-mail to send for a lead."""

    id: int
    lead_id: int
    kind: str
    recipient: str
    status: str
    attempts: int
    next_attempt_at: float
    last_error: str
    created_at: str
    sent_at: str | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Delivery:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


class LeadStore:
    """Leads and outbox in one SQLite file; safe to share between threads (connection pool)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        # Threads of one process queue here for the write lock instead of inside SQLite, whose
        # busy handler sleeps in growing steps (up to 100 ms) and would make the tail latency
        # jump under a burst. Other processes are still kept in order by busy_timeout.
        self._write_lock = threading.Lock()

    # --- connections -------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA secure_delete = ON")
        return connection

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        try:
            connection = self._idle.get_nowait()
        except queue.Empty:
            connection = self._open()
        try:
            yield connection
        except BaseException:
            if connection.in_transaction:
                connection.rollback()
            raise
        if self._idle.qsize() < IDLE_CONNECTIONS:
            self._idle.put(connection)
        else:
            connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that holds the write lock from its first statement."""
        with self._write_lock, self.connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.rollback()
                raise
            connection.commit()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return

    # --- schema ------------------------------------------------------------------

    def migrate(self) -> int:
        """Apply the migrations this database has not seen yet; return the schema version."""
        with self.transaction() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            current = db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]
            if current > LATEST_VERSION:
                raise SchemaTooNew(
                    f"{self.path}: schema version {current} is newer than this intake knows ({LATEST_VERSION})"
                )
            for migration in MIGRATIONS:
                if migration.version > current:
                    for statement in _statements(migration.sql):
                        db.execute(statement)
                    db.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                        (migration.version, migration.name, utc_now()),
                    )
        return LATEST_VERSION

    def schema_version(self) -> int:
        with self.connection() as db:
            return db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    # --- intake --------------------------------------------------------------------

    def add_lead(self, lead: NewLead, deliveries: list[tuple[str, str]]) -> StoredLead:
        """Store the lead and its deliveries ((kind, address), ...) in one transaction."""
        fields = lead.fields
        public_id = str(uuid.uuid4())
        created_at = utc_now()
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO leads (public_id, created_at, email, name, enquiry_kind, role, zip_code, state, fields,"
                " partner_slug, partner_name, partner_email, route_rule, route_reason, spam, spam_reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    public_id,
                    created_at,
                    fields.get("email", "").strip(),
                    fields.get("name", "").strip(),
                    fields.get("enquiry_kind", ""),
                    fields.get("role", ""),
                    fields.get("zip_code", ""),
                    fields.get("state", ""),
                    json.dumps(fields, ensure_ascii=False),
                    lead.recipient.slug,
                    lead.recipient.name,
                    lead.recipient.email,
                    lead.recipient.rule,
                    lead.recipient.reason,
                    int(lead.is_spam),
                    lead.spam_reason,
                ),
            )
            lead_id = cursor.lastrowid
            now = time.time()
            db.executemany(
                "INSERT INTO outbox (lead_id, kind, recipient, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)",
                [(lead_id, kind, address, now, created_at) for kind, address in deliveries],
            )
            row = db.execute("SELECT * FROM leads WHERE id = ?", (lead_id,)).fetchone()
        return StoredLead.from_row(row)

    # --- delivery --------------------------------------------------------------------

    def claim_due(self, lease_seconds: float, now: float | None = None) -> tuple[Delivery, StoredLead] | None:
        """Take the next due delivery for `lease_seconds`, or None.

        The lease keeps two workers (two gunicorn processes, or a worker and a
        restarted one) from sending the same row at once; a worker that dies
        mid-send leaves a lease that simply runs out.
        """
        now = time.time() if now is None else now
        with self.transaction() as db:
            row = db.execute(
                "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?"
                " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT 1",
                (now, now),
            ).fetchone()
            if row is None:
                return None
            db.execute(
                "UPDATE outbox SET claimed_until = ?, attempts = attempts + 1 WHERE id = ?",
                (now + lease_seconds, row["id"]),
            )
            delivery = Delivery.from_row(db.execute("SELECT * FROM outbox WHERE id = ?", (row["id"],)).fetchone())
            lead = StoredLead.from_row(db.execute("SELECT * FROM leads WHERE id = ?", (row["lead_id"],)).fetchone())
        return delivery, lead

    def mark_sent(self, delivery_id: int) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE outbox SET status = 'sent', sent_at = ?, claimed_until = NULL, last_error = '' WHERE id = ?",
                (utc_now(), delivery_id),
            )

    def mark_failed(self, delivery_id: int, error: str, retry_at: float) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE outbox SET next_attempt_at = ?, claimed_until = NULL, last_error = ? WHERE id = ?",
                (retry_at, error[:500], delivery_id),
            )

    def next_due_at(self) -> float | None:
        """When the earliest pending delivery is due (None: nothing pending)."""
        with self.connection() as db:
            return db.execute(
                "SELECT MIN(MAX(next_attempt_at, COALESCE(claimed_until, 0))) FROM outbox WHERE status = 'pending'"
            ).fetchone()[0]

    # --- reading ------------------------------------------------------------------------

    def pending_count(self) -> int:
        with self.connection() as db:
            return db.execute("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").fetchone()[0]

    def deliveries(self, include_sent: bool = False) -> list[Delivery]:
        where = "" if include_sent else "WHERE status = 'pending'"
        with self.connection() as db:
            rows = db.execute(f"SELECT * FROM outbox {where} ORDER BY id").fetchall()
        return [Delivery.from_row(row) for row in rows]

    def leads(self, include_spam: bool = True, limit: int | None = None) -> list[StoredLead]:
        where = "" if include_spam else "WHERE spam = 0"
        limit_clause = "" if limit is None else f"LIMIT {int(limit)}"
        with self.connection() as db:
            rows = db.execute(f"SELECT * FROM leads {where} ORDER BY id DESC {limit_clause}").fetchall()
        return [StoredLead.from_row(row) for row in rows]

    def count_leads(self) -> int:
        with self.connection() as db:
            return db.execute("SELECT COUNT(*) FROM leads").fetchone()[0]

    # --- privacy ----------------------------------------------------------------------------

    def leads_for_email(self, email: str) -> list[tuple[StoredLead, list[Delivery]]]:
        """Everything stored about the person with this e-mail address (case-insensitive)."""
        with self.connection() as db:
            rows = db.execute("SELECT * FROM leads WHERE email = ? ORDER BY id", (email.strip(),)).fetchall()
            found = []
            for row in rows:
                outbox = db.execute("SELECT * FROM outbox WHERE lead_id = ? ORDER BY id", (row["id"],)).fetchall()
                found.append((StoredLead.from_row(row), [Delivery.from_row(item) for item in outbox]))
        return found

    def erase_email(self, email: str) -> int:
        """Delete every lead (and its outbox rows) with this e-mail address; return how many leads."""
        with self.transaction() as db:
            erased = db.execute("DELETE FROM leads WHERE email = ?", (email.strip(),)).rowcount
        self._checkpoint()
        return erased

    def purge_older_than(self, days: int) -> int:
        """Delete leads created more than `days` days ago (retention); return how many."""
        with self.transaction() as db:
            purged = db.execute("DELETE FROM leads WHERE created_at < ?", (utc_days_ago(days),)).rowcount
        if purged:
            self._checkpoint()
        return purged

    def _checkpoint(self) -> None:
        """Copy the WAL into the database and truncate it, so erased rows leave no copy behind."""
        with self.connection() as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]
