"""The database schema, as an ordered list of migrations applied at start-up.

Append a new `Migration` to change the schema; never edit one that has shipped.
`storage.LeadStore.migrate` applies the missing ones in a single transaction,
so a crash half-way leaves the previous version intact, and several processes
starting at once apply each migration exactly once (BEGIN IMMEDIATE).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "leads and outbox",
        """
        CREATE TABLE leads (
            id            INTEGER PRIMARY KEY,
            public_id     TEXT NOT NULL UNIQUE,
            created_at    TEXT NOT NULL,               -- UTC, ISO 8601
            email         TEXT NOT NULL COLLATE NOCASE,
            name          TEXT NOT NULL,
            enquiry_kind  TEXT NOT NULL,
            role          TEXT NOT NULL DEFAULT '',
            zip_code      TEXT NOT NULL DEFAULT '',
            state         TEXT NOT NULL DEFAULT '',
            fields        TEXT NOT NULL,               -- JSON: every field as submitted
            partner_slug  TEXT NOT NULL,
            partner_name  TEXT NOT NULL,
            partner_email TEXT NOT NULL,
            route_rule    TEXT NOT NULL,
            route_reason  TEXT NOT NULL,
            spam          INTEGER NOT NULL DEFAULT 0,
            spam_reason   TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX leads_created_at ON leads (created_at);
        CREATE INDEX leads_email ON leads (email);

        CREATE TABLE outbox (
            id              INTEGER PRIMARY KEY,
            lead_id         INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
            kind            TEXT NOT NULL CHECK (kind IN ('partner', 'acknowledgement')),
            recipient       TEXT NOT NULL,
            status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL,             -- unix time
            claimed_until   REAL,                      -- a worker's lease while it sends
            last_error      TEXT NOT NULL DEFAULT '',
            created_at      TEXT NOT NULL,
            sent_at         TEXT,
            UNIQUE (lead_id, kind)
        );
        CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
        """,
    ),
]

LATEST_VERSION = MIGRATIONS[-1].version
