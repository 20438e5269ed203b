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

import datetime
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
from dataclasses import dataclass, field
from pathlib import Path

from .config import private_directory
from .fingerprints import body_digest, lead_fingerprint
from .lifecycle import PARTNER_STATUSES, Deadlines
from .migrations import LATEST_VERSION, MIGRATIONS
from .references import new_reference
from .spam_rules import SAME_BODY_MIN_CHARACTERS
from .verdict import DELIVER, DROP, HOLD, Verdict, describe

BUSY_TIMEOUT_MS = 15_000
IDLE_CONNECTIONS = 16
DUPLICATE_WINDOW_SECONDS = 30 * 60
ERASE_WAIT_SECONDS = 10.0
STATUS_FOR_VERDICT = {DELIVER: "new", HOLD: "held", DROP: "spam"}
# Messages the partner must get whatever happens: a send interrupted after the message was handed
# over is sent again (a duplicate at worst). The others are counted as sent (never a second copy).
RESEND_WHEN_IN_DOUBT = frozenset({"partner"})


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer version of the intake than this one."""


class StoreBusy(RuntimeError):
    """Another writer kept the database longer than this caller waits (answer 503, try again)."""


class DatabaseMissing(FileNotFoundError):
    """An operator's command found no database where the settings point (str() names the path)."""


class TokenSpent(RuntimeError):
    """The post's form token was already used for another message (the lead was not stored)."""


class EraseIncomplete(RuntimeError):
    """Rows were deleted, but the write-ahead log still holds a copy: another process has the file open."""

    def __init__(self, erased: int, wal: Path, holders: list[str]):
        self.erased = erased
        self.holders = holders
        held_by = "; ".join(holders) if holders else "another connection (not found in /proc)"
        super().__init__(
            f"deleted {erased} lead(s) from the tables, but {wal} still holds a copy of the old data: the "
            f"database is held open by {held_by}. Nothing else was changed; run the command again when that "
            "process has finished (or stop it), until then the data is still in the file."
        )


def iso_utc(moment: float) -> str:
    return (
        datetime.datetime.fromtimestamp(moment, datetime.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    )


def unix_time(iso: str) -> float:
    return datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


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
    verdict: Verdict = field(default_factory=lambda: Verdict(0))
    deadlines: Deadlines | None = None  # for a lead that is delivered


@dataclass(frozen=True)
class StoredLead:
    id: int
    public_id: str
    reference: str
    created_at: str
    fields: dict[str, str]
    partner_slug: str
    partner_name: str
    partner_email: str
    route_rule: str
    route_reason: str
    verdict: str
    spam_score: int
    spam_signals: tuple[str, ...]
    status: str
    duplicates: int
    accepted_at: float | None = None
    remind_at: float | None = None
    escalate_at: float | None = None
    first_contact_at: float | None = None
    escalated_at: float | None = None
    status_at: float | None = None

    @property
    def email(self) -> str:
        """The address as validated (the form strips spaces); `fields` keeps what was sent."""
        return self.fields.get("email", "").strip()

    @property
    def spam(self) -> bool:
        """Flagged by the verdict (held or dropped), whatever the head office decided since."""
        return self.verdict != DELIVER

    @property
    def spam_reason(self) -> str:
        return "; ".join(describe(signal) for signal in self.spam_signals)

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> StoredLead:
        return cls(
            id=row["id"],
            public_id=row["public_id"],
            reference=row["reference"],
            created_at=row["created_at"],
            fields=json.loads(row["fields"]),
            partner_slug=row["partner_slug"],
            partner_name=row["partner_name"],
            partner_email=row["partner_email"],
            route_rule=row["route_rule"],
            route_reason=row["route_reason"],
            verdict=row["verdict"],
            spam_score=row["spam_score"],
            spam_signals=tuple(json.loads(row["spam_signals"])),
            status=row["status"],
            duplicates=row["duplicates"],
            accepted_at=row["accepted_at"],
            remind_at=row["remind_at"],
            escalate_at=row["escalate_at"],
            first_contact_at=row["first_contact_at"],
            escalated_at=row["escalated_at"],
            status_at=row["status_at"],
        )


@dataclass(frozen=True)
class Added:
    """What `add_lead` did: stored a new lead, or merged a resubmission into the one it repeats."""

    lead: StoredLead
    duplicate: bool = False


@dataclass(frozen=True)
class Event:
    at: float
    kind: str
    status: str
    actor: str
    note: str

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Event:
        return cls(row["at"], row["kind"], row["status"], row["actor"], row["note"])


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
    committing_at: float | None = None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Delivery:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Purged:
    deleted: int
    kept_pending: int  # old enough, but a delivery for them is still waiting in the outbox


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


class LeadStore:
    """Leads, history and outbox in one SQLite file; safe to share between threads (connection pool).

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
                    if _is_busy(error):
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
                return Added(StoredLead.from_row(db.execute(_BY_ID, (earlier["id"],)).fetchone()), duplicate=True)
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
                    *_deadline_values(lead.deadlines),
                    now,
                ),
            )
            lead_id = cursor.lastrowid
            self._queue(db, lead_id, deliveries, now)
            note = f"spam score {verdict.score}" + (f": {'; '.join(verdict.reasons)}" if verdict.signals else "")
            self._note(db, lead_id, "received", status, "visitor", note)
            row = db.execute(_BY_ID, (lead_id,)).fetchone()
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

    # --- review of held leads ------------------------------------------------------------

    def release(
        self,
        lead_id: int,
        deliveries: list[tuple[str, str]],
        deadlines: Deadlines | None = None,
        actor: str = "operator",
    ) -> StoredLead:
        """A held lead is a real one after all: status new, deadlines from now, its deliveries queued now."""
        with self.transaction() as db:
            row = db.execute(_BY_ID, (lead_id,)).fetchone()
            if row is None or row["status"] != "held":
                raise ValueError(f"lead {lead_id} is not held for review")
            db.execute(
                "UPDATE leads SET status = 'new', status_at = ?, accepted_at = ?, remind_at = ?, escalate_at = ?"
                " WHERE id = ?",
                (self.clock(), *_deadline_values(deadlines), lead_id),
            )
            self._queue(db, lead_id, deliveries, self.clock())
            self._note(db, lead_id, "released", "new", actor, "released after review: delivered now")
            return StoredLead.from_row(db.execute(_BY_ID, (lead_id,)).fetchone())

    def reject(self, lead_id: int, actor: str = "operator") -> StoredLead:
        with self.transaction() as db:
            row = db.execute(_BY_ID, (lead_id,)).fetchone()
            if row is None or row["status"] != "held":
                raise ValueError(f"lead {lead_id} is not held for review")
            db.execute(
                "UPDATE leads SET status = 'spam', verdict = 'drop', status_at = ? WHERE id = ?",
                (self.clock(), lead_id),
            )
            self._note(db, lead_id, "rejected", "spam", actor, "rejected after review: never sent")
            return StoredLead.from_row(db.execute(_BY_ID, (lead_id,)).fetchone())

    # --- lifecycle: statuses, reminders, escalations ------------------------------------------

    def set_status(self, lead_id: int, status: str, actor: str, note: str = "") -> tuple[StoredLead, bool]:
        """Record what happened with a lead; (the lead, whether anything changed).

        The first status beyond `new` is the first contact (whatever it is: a meeting booked is a
        contact too). Reminders and escalations not sent yet are no longer needed.
        """
        if status not in PARTNER_STATUSES:
            raise ValueError(f"{status!r} is not a status a lead can be given ({', '.join(PARTNER_STATUSES)})")
        now = self.clock()
        with self.transaction() as db:
            row = db.execute(_BY_ID, (lead_id,)).fetchone()
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
            return StoredLead.from_row(db.execute(_BY_ID, (lead_id,)).fetchone()), True

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

    def mark_cancelled(self, delivery_id: int, reason: str) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE outbox SET status = 'cancelled', claimed_until = NULL, last_error = ? WHERE id = ?",
                (reason, delivery_id),
            )

    def report_leads(self, since: float) -> list[StoredLead]:
        """Leads sent to a partner since `since` (unix time), oldest first: what the report counts."""
        with self.connection() as db:
            rows = db.execute(
                "SELECT * FROM leads WHERE status NOT IN ('held', 'spam') AND created_at >= ? ORDER BY id",
                (iso_utc(since),),
            ).fetchall()
        return [StoredLead.from_row(row) for row in rows]

    # --- delivery --------------------------------------------------------------------

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
                lead = StoredLead.from_row(db.execute(_BY_ID, (row["lead_id"],)).fetchone())
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

    def held_count(self) -> int:
        with self.connection() as db:
            return db.execute("SELECT COUNT(*) FROM leads WHERE status = 'held'").fetchone()[0]

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
                row = db.execute(_BY_ID, (int(reference),)).fetchone()
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

    # --- privacy ----------------------------------------------------------------------------

    def leads_for_email(self, email: str) -> list[tuple[StoredLead, list[Delivery], list[Event]]]:
        """Everything stored about the person with this e-mail address (case-insensitive)."""
        with self.connection() as db:
            rows = db.execute("SELECT * FROM leads WHERE email = ? ORDER BY id", (email.strip(),)).fetchall()
            found = []
            for row in rows:
                outbox = db.execute("SELECT * FROM outbox WHERE lead_id = ? ORDER BY id", (row["id"],)).fetchall()
                events = db.execute("SELECT * FROM lead_events WHERE lead_id = ? ORDER BY id", (row["id"],)).fetchall()
                found.append(
                    (
                        StoredLead.from_row(row),
                        [Delivery.from_row(item) for item in outbox],
                        [Event.from_row(item) for item in events],
                    )
                )
        return found

    def erase_email(self, email: str, wait: float = ERASE_WAIT_SECONDS) -> int:
        """Delete every lead (history and outbox rows with it) with this address; return how many leads.

        Done means gone from the file: the write-ahead log, which still holds the rows as they were,
        is checkpointed into the database (where secure_delete has zeroed them) and truncated.
        EraseIncomplete, naming the processes that hold the file, when that cannot happen within `wait`.
        """
        with self.transaction() as db:
            erased = db.execute("DELETE FROM leads WHERE email = ?", (email.strip(),)).rowcount
        self._checkpoint(erased, wait)
        return erased

    def purge_older_than(self, days: int) -> Purged:
        """Delete leads created more than `days` days ago (retention), except those still being delivered.

        `days` must be 1 or more: 0 or a negative number would mean "everything".
        """
        if not isinstance(days, int) or days < 1:
            raise ValueError(f"the retention period must be a whole number of days, 1 or more (got {days!r})")
        cutoff = iso_utc(self.clock() - days * 86400)
        pending = "EXISTS (SELECT 1 FROM outbox WHERE outbox.lead_id = leads.id AND outbox.status = 'pending')"
        with self.transaction() as db:
            kept = db.execute(f"SELECT COUNT(*) FROM leads WHERE created_at < ? AND {pending}", (cutoff,)).fetchone()[0]
            deleted = db.execute(f"DELETE FROM leads WHERE created_at < ? AND NOT {pending}", (cutoff,)).rowcount
        if deleted:
            self._checkpoint(deleted, ERASE_WAIT_SECONDS)
        return Purged(deleted, kept)

    def _checkpoint(self, erased: int, wait: float) -> None:
        """Copy the WAL into the database and truncate it, so deleted rows leave no copy behind."""
        deadline = time.monotonic() + wait
        with self.connection() as db:
            while True:
                db.execute(f"PRAGMA busy_timeout = {max(int((deadline - time.monotonic()) * 1000), 1)}")
                try:
                    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                finally:
                    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                if not busy:
                    return
                if time.monotonic() >= deadline:
                    raise EraseIncomplete(erased, self.files()[1], holders_of(self.files()))
                time.sleep(0.1)


_BY_ID = "SELECT * FROM leads WHERE id = ?"


def _deadline_values(deadlines: Deadlines | None) -> tuple[float | None, float | None, float | None]:
    if deadlines is None:
        return None, None, None
    return deadlines.accepted_at, deadlines.remind_at, deadlines.escalate_at


def holders_of(paths: list[Path]) -> list[str]:
    """Other processes with one of these files open ("PID 123 (gunicorn ...)"), read from /proc (Linux)."""
    wanted = {str(path.resolve()) for path in paths}
    found = []
    proc = Path("/proc")
    if not proc.is_dir():
        return found
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            targets = {os.readlink(fd) for fd in (entry / "fd").iterdir()}
            if targets & wanted:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
                found.append(f"PID {entry.name} ({command[:80]})")
        except OSError:
            continue
    return sorted(found)


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]
