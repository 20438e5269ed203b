"""SQLite storage for leads, their history and their outbox: the one place that writes the database.

Durability: WAL journal with `synchronous=FULL`, so a lead is on disk (WAL
fsynced) before the visitor is told it was received; the lead, its history and
its outbox rows are written in one transaction, so there is never a lead without
its delivery, or a delivery without its lead. Writers take the lock up front
(BEGIN IMMEDIATE) and wait for it a bounded time: a visitor's post waits at most
INTAKE_BUSY_SECONDS and is then answered 503, never left hanging (StoreBusy).

Privacy: the database and its -wal/-shm files are readable by their owner only
(0600, in a 0700 folder when the intake creates it); an erasure is not reported
done until the write-ahead log holding the old copy has been emptied.
"""

from __future__ import annotations

import json
import os
import queue
import sqlite3
import stat
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .config import private_directory
from .fingerprints import body_digest, lead_fingerprint
from .follow_ups import LeadLifecycle
from .migrations import LATEST_VERSION, MIGRATIONS
from .outbox import RESEND_WHEN_IN_DOUBT, OutboxRows
from .personal_data import EraseIncomplete, PersonalData, Purged, holders_of
from .records import (
    BUSY_TIMEOUT_MS,
    BY_ID,
    Added,
    DatabaseMissing,
    Delivery,
    Event,
    NewLead,
    Recipient,
    SchemaTooNew,
    StoreBusy,
    StoredLead,
    TokenSpent,
    deadline_values,
    is_busy,
    iso_utc,
    unix_time,
)
from .references import new_reference
from .spam_rules import SAME_BODY_MIN_CHARACTERS
from .verdict import DELIVER, DROP, HOLD

__all__ = [  # what the rest of the intake imports from here
    "Added", "DatabaseMissing", "Delivery", "EraseIncomplete", "Event", "LeadStore", "NewLead", "Purged",
    "Recipient", "RESEND_WHEN_IN_DOUBT", "SchemaTooNew", "StoreBusy", "StoredLead", "TokenSpent", "holders_of",
    "iso_utc", "unix_time",
]  # fmt: skip

IDLE_CONNECTIONS = 16
DUPLICATE_WINDOW_SECONDS = 30 * 60
STATUS_FOR_VERDICT = {DELIVER: "new", HOLD: "held", DROP: "spam"}


class LeadStore(OutboxRows, LeadLifecycle, PersonalData):
    """Leads, history and outbox in one SQLite file; safe to share between threads (connection pool).

    This class holds the connections, the schema and the intake's own writes and reads; the outbox's
    rows (intake/outbox.py), a lead's life (intake/follow_ups.py) and one person's data
    (intake/personal_data.py) are its mixins.

    `clock` is where every timestamp comes from (tests move it); `create=False` is for the
    operator's commands, which must never create an empty database where the service's should be.
    """

    def __init__(self, path: str | Path, clock: Callable[[], float] = time.time, create: bool = True):
        self.path = Path(path)
        self.clock = clock
        self.create = create
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        # Threads of one process queue here for the write lock instead of inside SQLite, whose
        # busy handler sleeps in growing steps (up to 100 ms) and would make the tail latency
        # jump under a burst. Other processes are still kept in order by busy_timeout.
        self._write_lock = threading.Lock()
        self._private = False

    def now_iso(self) -> str:
        return iso_utc(self.clock())

    # --- connections -------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if not self.path.exists():
            if not self.create:
                raise DatabaseMissing(str(self.path))
            private_directory(self.path.parent)
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))  # SQLite gives -wal/-shm the same mode
        if self.create:
            connection = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        else:
            connection = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=rw",
                uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA secure_delete = ON")
        if not self._private:
            self._make_private()
        return connection

    def _make_private(self) -> None:
        """Owner-only database files, also for a database an older intake created 0644."""
        for path in self.files():
            try:
                if stat.S_IMODE(path.stat().st_mode) & 0o077:
                    os.chmod(path, 0o600)
            except FileNotFoundError:
                continue
        self._private = True

    def files(self) -> list[Path]:
        return [self.path, *(self.path.with_name(self.path.name + suffix) for suffix in ("-wal", "-shm"))]

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
    def transaction(self, wait: float | None = None) -> Iterator[sqlite3.Connection]:
        """A write transaction that holds the write lock from its first statement.

        `wait`: the most seconds to wait for the lock (this process's threads, then other
        processes); StoreBusy after that. Default: SQLite's busy timeout (15 s).
        """
        wait = BUSY_TIMEOUT_MS / 1000 if wait is None else wait
        deadline = time.monotonic() + wait
        if not self._write_lock.acquire(timeout=wait):
            raise StoreBusy(f"{self.path}: another request kept the database busy for {wait:g} s")
        try:
            with self.connection() as connection:
                remaining_ms = max(int((deadline - time.monotonic()) * 1000), 1)
                connection.execute(f"PRAGMA busy_timeout = {remaining_ms}")
                try:
                    connection.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError as error:
                    if is_busy(error):
                        raise StoreBusy(f"{self.path}: another process kept the database busy for {wait:g} s") from None
                    raise
                finally:
                    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                try:
                    yield connection
                except BaseException:
                    connection.rollback()
                    raise
                connection.commit()
        finally:
            self._write_lock.release()

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
                        (migration.version, migration.name, self.now_iso()),
                    )
        return LATEST_VERSION

    def schema_version(self) -> int:
        with self.connection() as db:
            return db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    # --- intake --------------------------------------------------------------------

    def add_lead(
        self,
        lead: NewLead,
        deliveries: list[tuple[str, str]],
        *,
        token: tuple[str, float] | None = None,
        wait: float | None = None,
    ) -> Added:
        """Store the lead, its history and its deliveries ((kind, address), ...) in one transaction.

        A lead with the same fingerprint stored within DUPLICATE_WINDOW_SECONDS is the same lead
        sent again: it is merged (counted, noted in its history) and returned instead. `token`
        (nonce, expiry) is spent here; TokenSpent when it already was, and nothing is stored.
        """
        fields = lead.fields
        fingerprint = lead_fingerprint(fields)
        now = self.clock()
        with self.transaction(wait) as db:
            earlier = db.execute(
                "SELECT * FROM leads WHERE fingerprint = ? AND created_at >= ? ORDER BY id DESC LIMIT 1",
                (fingerprint, iso_utc(now - DUPLICATE_WINDOW_SECONDS)),
            ).fetchone()
            if earlier is not None:
                db.execute("UPDATE leads SET duplicates = duplicates + 1 WHERE id = ?", (earlier["id"],))
                if token is not None:
                    db.execute("INSERT OR IGNORE INTO spent_tokens (nonce, expires_at) VALUES (?, ?)", token)
                self._note(db, earlier["id"], "duplicate", earlier["status"], "visitor", "the same lead sent again")
                return Added(StoredLead.from_row(db.execute(BY_ID, (earlier["id"],)).fetchone()), duplicate=True)
            if token is not None:
                spent = db.execute("INSERT OR IGNORE INTO spent_tokens (nonce, expires_at) VALUES (?, ?)", token)
                if spent.rowcount == 0:
                    raise TokenSpent(token[0])
            verdict = lead.verdict
            status = STATUS_FOR_VERDICT[verdict.outcome]
            created_at = iso_utc(now)
            cursor = db.execute(
                "INSERT INTO leads (public_id, reference, created_at, email, name, enquiry_kind, role, zip_code,"
                " state, fields, partner_slug, partner_name, partner_email, route_rule, route_reason, spam,"
                " spam_reason, verdict, spam_score, spam_signals, status, fingerprint, body_digest,"
                " accepted_at, remind_at, escalate_at, status_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    str(uuid.uuid4()),
                    self._free_reference(db),
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
                    int(verdict.outcome != DELIVER),
                    "; ".join(verdict.reasons),
                    verdict.outcome,
                    verdict.score,
                    json.dumps(list(verdict.signals)),
                    status,
                    fingerprint,
                    body_digest(fields, SAME_BODY_MIN_CHARACTERS),
                    *deadline_values(lead.deadlines),
                    now,
                ),
            )
            lead_id = cursor.lastrowid
            self._queue(db, lead_id, deliveries, now)
            note = f"spam score {verdict.score}" + (f": {'; '.join(verdict.reasons)}" if verdict.signals else "")
            self._note(db, lead_id, "received", status, "visitor", note)
            row = db.execute(BY_ID, (lead_id,)).fetchone()
        return Added(StoredLead.from_row(row))

    def _free_reference(self, db: sqlite3.Connection) -> str:
        while True:  # the write lock is held: nobody can take the reference between the check and the insert
            reference = new_reference()
            if db.execute("SELECT 1 FROM leads WHERE reference = ?", (reference,)).fetchone() is None:
                return reference

    def _queue(self, db: sqlite3.Connection, lead_id: int, deliveries: list[tuple[str, str]], now: float) -> None:
        db.executemany(
            "INSERT INTO outbox (lead_id, kind, recipient, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)",
            [(lead_id, kind, address, now, iso_utc(now)) for kind, address in deliveries],
        )

    def _note(self, db: sqlite3.Connection, lead_id: int, kind: str, status: str, actor: str, note: str = "") -> None:
        db.execute(
            "INSERT INTO lead_events (lead_id, at, kind, status, actor, note) VALUES (?, ?, ?, ?, ?, ?)",
            (lead_id, self.clock(), kind, status, actor, note),
        )

    def other_senders(self, fields: dict[str, str], days: float) -> int:
        """How many other addresses sent this message (see fingerprints.body_digest) in the last `days`."""
        digest = body_digest(fields, SAME_BODY_MIN_CHARACTERS)
        if not digest:
            return 0
        with self.connection() as db:
            return db.execute(
                "SELECT COUNT(DISTINCT email) FROM leads WHERE body_digest = ? AND created_at >= ? AND email <> ?",
                (digest, iso_utc(self.clock() - days * 86400), fields.get("email", "").strip()),
            ).fetchone()[0]

    def forget_spent_tokens(self) -> int:
        with self.transaction() as db:
            return db.execute("DELETE FROM spent_tokens WHERE expires_at < ?", (self.clock(),)).rowcount

    # --- reading ------------------------------------------------------------------------

    def held_count(self) -> int:
        with self.connection() as db:
            return db.execute("SELECT COUNT(*) FROM leads WHERE status = 'held'").fetchone()[0]

    def leads(
        self,
        include_spam: bool = True,
        limit: int | None = None,
        statuses: tuple[str, ...] = (),
        partner: str | None = None,
    ) -> list[StoredLead]:
        """Newest first. `include_spam=False` leaves out dropped and rejected leads (status spam)."""
        clauses, parameters = [], []
        if not include_spam:
            clauses.append("status <> 'spam'")
        if statuses:
            clauses.append(f"status IN ({', '.join('?' * len(statuses))})")
            parameters.extend(statuses)
        if partner:
            clauses.append("partner_slug = ?")
            parameters.append(partner)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        limit_clause = "" if limit is None else f"LIMIT {int(limit)}"
        with self.connection() as db:
            rows = db.execute(f"SELECT * FROM leads {where} ORDER BY id DESC {limit_clause}", parameters).fetchall()
        return [StoredLead.from_row(row) for row in rows]

    def lead(self, reference: str) -> StoredLead | None:
        """A lead by its reference (SLP-7K3Q) or its number."""
        with self.connection() as db:
            if reference.isdigit():
                row = db.execute(BY_ID, (int(reference),)).fetchone()
            else:
                row = db.execute("SELECT * FROM leads WHERE reference = ?", (reference,)).fetchone()
        return StoredLead.from_row(row) if row is not None else None

    def lead_by_public_id(self, public_id: str) -> StoredLead | None:
        with self.connection() as db:
            row = db.execute("SELECT * FROM leads WHERE public_id = ?", (public_id,)).fetchone()
        return StoredLead.from_row(row) if row is not None else None

    def events(self, lead_id: int) -> list[Event]:
        with self.connection() as db:
            rows = db.execute("SELECT * FROM lead_events WHERE lead_id = ? ORDER BY id", (lead_id,)).fetchall()
        return [Event.from_row(row) for row in rows]

    def count_leads(self) -> int:
        with self.connection() as db:
            return db.execute("SELECT COUNT(*) FROM leads").fetchone()[0]


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]
