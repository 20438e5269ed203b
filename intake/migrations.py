"""The database schema, as an ordered list of migrations applied at start-up.

Append a new `Migration` to change the schema; never edit one that has shipped.
Statements are split on ";": a comment in the SQL must not contain one.
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
    Migration(
        2,
        "spam verdict, short references, lead history, single-use form tokens, outbox outcomes",
        """
        ALTER TABLE leads ADD COLUMN reference TEXT;
        UPDATE leads SET reference = 'SLP-L' || id;
        CREATE UNIQUE INDEX leads_reference ON leads (reference);
        ALTER TABLE leads ADD COLUMN verdict TEXT NOT NULL DEFAULT 'deliver';
        UPDATE leads SET verdict = 'drop' WHERE spam = 1;
        ALTER TABLE leads ADD COLUMN spam_score INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE leads ADD COLUMN spam_signals TEXT NOT NULL DEFAULT '[]';   -- JSON list of signal names
        ALTER TABLE leads ADD COLUMN status TEXT NOT NULL DEFAULT 'new';
        UPDATE leads SET status = 'spam' WHERE spam = 1;
        ALTER TABLE leads ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';      -- the visitor's fields, hashed
        ALTER TABLE leads ADD COLUMN body_digest TEXT NOT NULL DEFAULT '';      -- the message alone, hashed
        ALTER TABLE leads ADD COLUMN duplicates INTEGER NOT NULL DEFAULT 0;     -- resubmissions merged into it
        CREATE INDEX leads_fingerprint ON leads (fingerprint, created_at);
        CREATE INDEX leads_body_digest ON leads (body_digest, created_at);
        CREATE INDEX leads_status ON leads (status);

        CREATE TABLE lead_events (
            id       INTEGER PRIMARY KEY,
            lead_id  INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
            at       REAL NOT NULL,                   -- unix time
            kind     TEXT NOT NULL,                   -- received, duplicate, released, rejected, status ...
            status   TEXT NOT NULL DEFAULT '',        -- the lead's status after the event
            actor    TEXT NOT NULL DEFAULT '',        -- visitor, system, operator, partner, head-office
            note     TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX lead_events_lead ON lead_events (lead_id, id);

        CREATE TABLE spent_tokens (
            nonce       TEXT PRIMARY KEY,
            expires_at  REAL NOT NULL                 -- unix time, forgotten after it
        );

        CREATE TABLE outbox_v2 (
            id              INTEGER PRIMARY KEY,
            lead_id         INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
            kind            TEXT NOT NULL CHECK (kind IN ('partner', 'acknowledgement', 'reminder', 'escalation')),
            recipient       TEXT NOT NULL,
            status          TEXT NOT NULL DEFAULT 'pending'
                            CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL,
            claimed_until   REAL,
            committing_at   REAL,                     -- set just before the message's final dot is sent
            last_error      TEXT NOT NULL DEFAULT '',
            created_at      TEXT NOT NULL,
            sent_at         TEXT,
            UNIQUE (lead_id, kind)
        );
        INSERT INTO outbox_v2 (id, lead_id, kind, recipient, status, attempts, next_attempt_at, claimed_until,
                               last_error, created_at, sent_at)
            SELECT id, lead_id, kind, recipient, status, attempts, next_attempt_at, claimed_until,
                   last_error, created_at, sent_at FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_v2 RENAME TO outbox;
        CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
        CREATE INDEX outbox_lead ON outbox (lead_id);
        """,
    ),
    Migration(
        3,
        "lead lifecycle: deadlines, first contact, escalation",
        """
        ALTER TABLE leads ADD COLUMN accepted_at REAL;       -- unix time the deadlines start from (NULL: none)
        ALTER TABLE leads ADD COLUMN remind_at REAL;         -- first-response deadline: one reminder if still new
        ALTER TABLE leads ADD COLUMN escalate_at REAL;       -- then escalated to the head office
        ALTER TABLE leads ADD COLUMN first_contact_at REAL;  -- first marked contacted (or further)
        ALTER TABLE leads ADD COLUMN escalated_at REAL;
        ALTER TABLE leads ADD COLUMN status_at REAL;         -- the status's last change
        CREATE INDEX leads_due ON leads (status, remind_at, escalate_at);
        """,
    ),
]

LATEST_VERSION = MIGRATIONS[-1].version
