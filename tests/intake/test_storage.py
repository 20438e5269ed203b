"""The SQLite store on a real file: schema migrations, one-transaction writes, leases, privacy."""

from __future__ import annotations

import sqlite3

import pytest

from intake.migrations import LATEST_VERSION
from intake.storage import LeadStore, NewLead, Recipient, SchemaTooNew

DENVER = Recipient("denver", "Denver partner", "denver@example.com", "zip-prefix", "covers 802")


def new_lead(email: str = "pat@example.com", **fields: str) -> NewLead:
    return NewLead({"name": "Pat", "email": email, "enquiry_kind": "leadership", **fields}, DENVER)


@pytest.fixture
def store(tmp_path):
    store = LeadStore(tmp_path / "var" / "intake.sqlite3")
    store.migrate()
    yield store
    store.close()


def test_migrations_create_the_schema_once_and_record_it(tmp_path):
    store = LeadStore(tmp_path / "leads.sqlite3")
    assert store.migrate() == LATEST_VERSION
    assert store.migrate() == LATEST_VERSION
    with store.connection() as db:
        versions = [row[0] for row in db.execute("SELECT version FROM schema_migrations")]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert versions == list(range(1, LATEST_VERSION + 1))
    assert {"leads", "outbox", "schema_migrations"} <= tables


def test_a_database_from_a_newer_intake_is_refused(store):
    with store.transaction() as db:
        db.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', 'now')", (LATEST_VERSION + 1,))
    with pytest.raises(SchemaTooNew, match="newer"):
        store.migrate()


def test_durability_settings_are_wal_and_full_sync(store):
    with store.connection() as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_lead_and_outbox_rows_are_written_together(store):
    lead = store.add_lead(new_lead(), [("partner", "denver@example.com")])
    deliveries = store.deliveries()
    assert [(d.lead_id, d.kind, d.recipient, d.status) for d in deliveries] == [
        (lead.id, "partner", "denver@example.com", "pending")
    ]


def test_a_failing_outbox_insert_leaves_no_lead_behind(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.add_lead(new_lead(), [("partner", "a@example.com"), ("partner", "b@example.com")])
    assert store.count_leads() == 0
    assert store.deliveries(include_sent=True) == []


def test_a_leased_delivery_is_not_handed_to_a_second_worker(store):
    store.add_lead(new_lead(), [("partner", "denver@example.com")])
    first = store.claim_due(lease_seconds=60)
    assert first is not None
    assert store.claim_due(lease_seconds=60) is None
    delivery, lead = first
    assert delivery.attempts == 1 and lead.email == "pat@example.com"


def test_an_expired_lease_is_claimed_again(store):
    store.add_lead(new_lead(), [("partner", "denver@example.com")])
    delivery, _ = store.claim_due(lease_seconds=0.0, now=1e10 - 5)
    again = store.claim_due(lease_seconds=60, now=1e10)
    assert again is not None and again[0].id == delivery.id and again[0].attempts == 2


def test_a_sent_delivery_is_never_claimed_again(store):
    store.add_lead(new_lead(), [("partner", "denver@example.com")])
    delivery, _ = store.claim_due(lease_seconds=60)
    store.mark_sent(delivery.id)
    assert store.claim_due(lease_seconds=60, now=1e12) is None
    assert store.pending_count() == 0


def test_a_failed_delivery_waits_for_its_retry_time(store):
    store.add_lead(new_lead(), [("partner", "denver@example.com")])
    delivery, _ = store.claim_due(lease_seconds=60)
    store.mark_failed(delivery.id, "ConnectionRefusedError", retry_at=1e11)
    assert store.claim_due(lease_seconds=60) is None
    retried = store.claim_due(lease_seconds=60, now=1e11 + 1)
    assert retried is not None and retried[0].last_error == "ConnectionRefusedError"


def test_retention_deletes_only_old_leads_and_their_deliveries(store):
    old = store.add_lead(new_lead("old@example.com"), [("partner", "denver@example.com")])
    store.add_lead(new_lead("new@example.com"), [("partner", "denver@example.com")])
    with store.transaction() as db:
        db.execute("UPDATE leads SET created_at = '2001-01-01T00:00:00.000000Z' WHERE id = ?", (old.id,))
    assert store.purge_older_than(30) == 1
    assert [lead.email for lead in store.leads()] == ["new@example.com"]
    assert [d.lead_id for d in store.deliveries(include_sent=True)] != [old.id]
    assert len(store.deliveries(include_sent=True)) == 1


def test_export_finds_a_person_by_email_whatever_the_case(store):
    store.add_lead(new_lead("Pat@Example.com", message="first"), [("partner", "denver@example.com")])
    store.add_lead(new_lead("pat@example.com", message="second"), [])
    store.add_lead(new_lead("someone@else.com"), [])
    found = store.leads_for_email("PAT@example.com")
    assert [lead.fields["message"] for lead, _ in found] == ["first", "second"]
    assert [d.kind for d in found[0][1]] == ["partner"]


def test_erase_removes_the_person_from_the_database_file(store):
    marker = "unmistakable-marker-7781"
    store.add_lead(new_lead("erase.me@example.com", message=marker), [("partner", "denver@example.com")])
    store.add_lead(new_lead("keep@example.com"), [("partner", "denver@example.com")])
    assert store.erase_email("ERASE.ME@example.com") == 1
    assert [lead.email for lead in store.leads()] == ["keep@example.com"]
    assert len(store.deliveries()) == 1
    store.close()
    files = [store.path, store.path.with_name(store.path.name + "-wal")]
    leftovers = b"".join(path.read_bytes() for path in files if path.exists())
    assert marker.encode() not in leftovers
    assert b"erase.me@example.com" not in leftovers
