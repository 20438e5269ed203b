"""What the store hands out and takes in: leads, their history, their deliveries, and the store's errors.

Plain data (frozen dataclasses read from rows), kept apart from the SQL that writes them
(intake/storage.py and the mixins beside it).
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from dataclasses import dataclass, field

from .lifecycle import Deadlines
from .verdict import DELIVER, Verdict, describe

BUSY_TIMEOUT_MS = 15_000  # how long a connection waits for another process's lock, unless told otherwise


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer version of the intake than this one."""


class StoreBusy(RuntimeError):
    """Another writer kept the database longer than this caller waits (answer 503, try again)."""


class DatabaseMissing(FileNotFoundError):
    """An operator's command found no database where the settings point (str() names the path)."""


class TokenSpent(RuntimeError):
    """The post's form token was already used for another message (the lead was not stored)."""


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


def is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


BY_ID = "SELECT * FROM leads WHERE id = ?"


def deadline_values(deadlines: Deadlines | None) -> tuple[float | None, float | None, float | None]:
    if deadlines is None:
        return None, None, None
    return deadlines.accepted_at, deadlines.remind_at, deadlines.escalate_at
