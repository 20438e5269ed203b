"""The SQLite store on a real file: schema migrations, one-transaction writes, leases, privacy."""

from __future__ import annotations

import os
import sqlite3
import stat
import time

import pytest

from intake.migrations import LATEST_VERSION, MIGRATIONS
from intake.personal_data import Purged
from intake.storage import (
    EraseIncomplete,
    LeadStore,
    NewLead,
    Recipient,
    SchemaTooNew,
    StoreBusy,
    TokenSpent,
    _statements,
)
from intake.verdict import Verdict
from tests.intake.support import hold_the_database

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
    lead = store.add_lead(new_lead(), [("partner", "denver@example.com")]).lead
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


def _age(store, lead_id: int) -> None:
    with store.transaction() as db:
        db.execute("UPDATE leads SET created_at = '2001-01-01T00:00:00.000000Z' WHERE id = ?", (lead_id,))


def test_retention_deletes_only_old_leads_and_their_deliveries(store):
    old = store.add_lead(new_lead("old@example.com"), [("partner", "denver@example.com")]).lead
    store.add_lead(new_lead("new@example.com"), [("partner", "denver@example.com")])
    _age(store, old.id)
    delivery, _ = store.claim_due(lease_seconds=60)
    store.mark_sent(delivery.id)
    purged = store.purge_older_than(30)
    assert (purged.deleted, purged.kept_pending) == (1, 0)
    assert [lead.email for lead in store.leads()] == ["new@example.com"]
    assert [d.lead_id for d in store.deliveries(include_sent=True)] != [old.id]
    assert len(store.deliveries(include_sent=True)) == 1


def test_retention_never_deletes_a_lead_whose_delivery_is_pending_and_says_so(store):
    waiting = store.add_lead(new_lead("waiting@example.com"), [("partner", "denver@example.com")]).lead
    _age(store, waiting.id)
    purged = store.purge_older_than(30)
    assert (purged.deleted, purged.kept_pending) == (0, 1)
    assert [lead.email for lead in store.leads()] == ["waiting@example.com"]


@pytest.mark.parametrize("days", [0, -1, 2.5, None])
def test_retention_refuses_a_period_that_would_mean_everything(store, days):
    store.add_lead(new_lead(), [])
    with pytest.raises(ValueError, match="1 or more"):
        store.purge_older_than(days)
    assert store.count_leads() == 1


def test_the_shortest_retention_is_one_day(store):
    assert store.purge_older_than(1) == Purged(deleted=0, kept_pending=0)


def test_export_finds_a_person_by_email_whatever_the_case(store):
    store.add_lead(new_lead("Pat@Example.com", message="first"), [("partner", "denver@example.com")])
    store.add_lead(new_lead("pat@example.com", message="second"), [])
    store.add_lead(new_lead("someone@else.com"), [])
    found = store.leads_for_email("PAT@example.com")
    assert [lead.fields["message"] for lead, _, _ in found] == ["first", "second"]
    assert [d.kind for d in found[0][1]] == ["partner"]
    assert [event.kind for event in found[0][2]] == ["received"]


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


def test_the_database_folder_and_files_are_readable_by_their_owner_only(tmp_path):
    old_umask = os.umask(0o022)
    try:
        store = LeadStore(tmp_path / "var" / "nested" / "intake.sqlite3")
        store.migrate()
        store.add_lead(new_lead(), [("partner", "denver@example.com")])
        for folder in (tmp_path / "var", tmp_path / "var" / "nested"):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
        for path in store.files():
            assert path.exists(), path
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        store.close()
    finally:
        os.umask(old_umask)


def test_an_existing_world_readable_database_is_made_private(tmp_path):
    path = tmp_path / "intake.sqlite3"
    sqlite3.connect(path).close()
    os.chmod(path, 0o644)
    store = LeadStore(path)
    store.migrate()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    store.close()


def test_an_operators_store_never_creates_a_database(tmp_path):
    from intake.storage import DatabaseMissing

    missing = tmp_path / "var" / "intake.sqlite3"
    with pytest.raises(DatabaseMissing, match=str(missing)):
        LeadStore(missing, create=False).migrate()
    assert not missing.exists() and not missing.parent.exists()


def test_a_resubmission_within_minutes_is_merged_and_a_later_one_is_a_new_lead(tmp_path):
    from tests.intake.support import ManualClock

    clock = ManualClock(1_900_000_000)
    store = LeadStore(tmp_path / "intake.sqlite3", clock=clock)
    store.migrate()
    first = store.add_lead(new_lead(), [("partner", "denver@example.com")])
    clock.advance(120)
    again = store.add_lead(new_lead(), [("partner", "denver@example.com")])
    assert again.duplicate and again.lead.reference == first.lead.reference and again.lead.duplicates == 1
    clock.advance(3600)
    later = store.add_lead(new_lead(), [("partner", "denver@example.com")])
    assert not later.duplicate and later.lead.reference != first.lead.reference
    assert len(store.deliveries()) == 2
    store.close()


def test_a_spent_token_is_refused_and_the_lead_is_not_stored(store):
    token = ("nonce-1", time.time() + 3600)
    store.add_lead(new_lead("a@example.com"), [], token=token)
    with pytest.raises(TokenSpent):
        store.add_lead(new_lead("b@example.com"), [("partner", "denver@example.com")], token=token)
    assert [lead.email for lead in store.leads()] == ["a@example.com"]
    assert store.deliveries() == []


def test_held_and_dropped_leads_get_their_status_from_the_verdict(store):
    held = store.add_lead(NewLead({"email": "h@example.com"}, DENVER, Verdict(4, ("token-too-fast",), "hold")), [])
    dropped = store.add_lead(NewLead({"email": "d@example.com"}, DENVER, Verdict(9, ("honeypot",), "drop")), [])
    assert (held.lead.status, dropped.lead.status) == ("held", "spam")
    assert held.lead.spam_reason == "sent seconds after the form was opened"
    released = store.release(held.lead.id, [("partner", "denver@example.com")])
    assert released.status == "new" and [d.kind for d in store.deliveries()] == ["partner"]
    assert [event.kind for event in store.events(held.lead.id)] == ["received", "released"]
    with pytest.raises(ValueError, match="not held"):
        store.reject(held.lead.id)


def test_a_writer_that_keeps_the_lock_makes_a_bounded_wait_fail_not_hang(store):
    holder = hold_the_database(store.path, "write")
    try:
        with pytest.raises(StoreBusy, match="busy"):
            store.add_lead(new_lead(), [("partner", "denver@example.com")], wait=0.5)
    finally:
        holder.communicate("")
    store.add_lead(new_lead(), [("partner", "denver@example.com")], wait=0.5)
    assert store.count_leads() == 1


def test_erase_is_not_reported_done_while_another_process_keeps_the_old_copy(store):
    marker = "unmistakable-marker-9915"
    store.add_lead(new_lead("erase.me@example.com", message=marker), [("partner", "denver@example.com")])
    reader = hold_the_database(store.path, "read")
    try:
        with pytest.raises(EraseIncomplete) as failure:
            store.erase_email("erase.me@example.com", wait=0.5)
        assert f"PID {reader.pid}" in str(failure.value)
        assert "-wal" in str(failure.value)
    finally:
        reader.communicate("")
    assert store.erase_email("erase.me@example.com") == 0  # run again once it is free: now complete
    store.close()
    leftovers = b"".join(path.read_bytes() for path in store.files() if path.exists())
    assert marker.encode() not in leftovers


def test_erase_waits_for_a_reader_that_finishes_soon(store):
    store.add_lead(new_lead("erase.me@example.com"), [])
    reader = hold_the_database(store.path, "read")
    import threading

    threading.Timer(0.5, lambda: reader.communicate("")).start()
    assert store.erase_email("erase.me@example.com", wait=20) == 1
    reader.wait(10)


def test_migrating_a_version_1_database_keeps_its_leads_and_outbox(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for statement in _statements(MIGRATIONS[0].sql):
        db.execute(statement)
    db.execute("INSERT INTO schema_migrations VALUES (1, 'leads and outbox', '2026-01-01')")
    for public_id, email, spam, reason in (("u1", "a@example.com", 0, ""), ("u2", "b@example.com", 1, "honeypot")):
        db.execute(
            "INSERT INTO leads (public_id, created_at, email, name, enquiry_kind, fields, partner_slug, partner_name,"
            " partner_email, route_rule, route_reason, spam, spam_reason) VALUES (?, '2026-01-01T00:00:00Z', ?, 'A',"
            " 'leadership', ?, 'denver', 'D', 'd@example.com', 'state', 'r', ?, ?)",
            (public_id, email, f'{{"email": "{email}"}}', spam, reason),
        )
    db.execute(
        "INSERT INTO outbox (lead_id, kind, recipient, next_attempt_at, created_at)"
        " VALUES (1, 'partner', 'd@example.com', 0, 'x')"
    )
    db.close()
    store = LeadStore(path)
    assert store.migrate() == LATEST_VERSION
    by_email = {lead.email: lead for lead in store.leads()}
    assert (by_email["a@example.com"].reference, by_email["a@example.com"].status) == ("SLP-L1", "new")
    assert (by_email["b@example.com"].status, by_email["b@example.com"].verdict) == ("spam", "drop")
    assert [(d.lead_id, d.kind, d.status) for d in store.deliveries()] == [(1, "partner", "pending")]
    store.close()


def test_a_stored_lead_reads_back_column_by_column(tmp_path):
    from intake.storage import iso_utc, unix_time
    from tests.intake.support import ManualClock

    clock = ManualClock(1_900_000_000)
    store = LeadStore(tmp_path / "intake.sqlite3", clock=clock)
    store.migrate()
    fields = {"name": " Pat Lee ", "email": " Pat@Example.com ", "enquiry_kind": "leadership", "role": "interim"}
    fields |= {"zip_code": "80202", "state": "CO", "message": "Hello"}
    lead = store.add_lead(NewLead(fields, DENVER), [("partner", "denver@example.com")]).lead
    with store.connection() as db:
        row = dict(db.execute("SELECT * FROM leads WHERE id = ?", (lead.id,)).fetchone())
    assert {key: row[key] for key in ("email", "name", "enquiry_kind", "role", "zip_code", "state")} == {
        "email": "Pat@Example.com",
        "name": "Pat Lee",
        "enquiry_kind": "leadership",
        "role": "interim",
        "zip_code": "80202",
        "state": "CO",
    }
    partner = (row["partner_slug"], row["partner_name"], row["partner_email"])
    assert partner == ("denver", "Denver partner", DENVER.email)
    assert (row["route_rule"], row["route_reason"]) == ("zip-prefix", "covers 802")
    assert row["created_at"] == "2030-03-17T17:46:40.000000Z" == iso_utc(1_900_000_000)
    assert unix_time(row["created_at"]) == 1_900_000_000
    assert lead.fields == fields, "every field as it was sent, spaces and all"
    assert lead.email == "Pat@Example.com" and lead.created_at == row["created_at"]
    assert len(lead.public_id) == 36 and lead.reference.startswith("SLP-")
    assert store.schema_version() == LATEST_VERSION
    store.close()


def test_a_lead_stored_without_a_verdict_is_a_real_one(store):
    lead = store.add_lead(new_lead(), [("partner", "denver@example.com")]).lead
    assert (lead.status, lead.verdict, lead.spam, lead.spam_score, lead.spam_signals, lead.spam_reason) == (
        "new",
        "deliver",
        False,
        0,
        (),
        "",
    )
    with store.connection() as db:
        assert tuple(db.execute("SELECT spam, spam_reason FROM leads").fetchone()) == (0, "")
    assert [(event.kind, event.note) for event in store.events(lead.id)] == [("received", "spam score 0")]


def test_a_flagged_lead_keeps_its_score_signals_and_reasons(store):
    verdict = Verdict(7, ("token-too-fast", "honeypot"), "drop")
    lead = store.add_lead(NewLead({"email": "bot@example.com"}, DENVER, verdict), []).lead
    assert (lead.spam, lead.spam_score, lead.spam_signals) == (True, 7, ("token-too-fast", "honeypot"))
    with store.connection() as db:
        assert db.execute("SELECT spam, spam_reason FROM leads").fetchone()[0] == 1
    assert store.events(lead.id)[0].note.startswith("spam score 7: sent seconds after the form was opened; ")


def test_closing_the_store_closes_its_connections(store):
    store.add_lead(new_lead(), [("partner", "denver@example.com")])
    wal = store.files()[1]
    assert wal.exists()
    store.close()
    assert not wal.exists(), "SQLite removes the write-ahead log when the last connection closes"
    assert store.count_leads() == 1, "and a closed store opens new connections when used again"


def test_leads_are_listed_newest_first_and_filtered(store):
    for email, verdict in (("a@example.com", Verdict(0)), ("b@example.com", Verdict(9, ("honeypot",), "drop"))):
        store.add_lead(NewLead(new_lead(email).fields, DENVER, verdict), [])
    other = Recipient("austin", "Austin partner", "austin@example.com", "state", "covers TX")
    store.add_lead(NewLead(new_lead("c@example.com").fields, other), [])
    assert [lead.email for lead in store.leads()] == ["c@example.com", "b@example.com", "a@example.com"]
    assert [lead.email for lead in store.leads(include_spam=False)] == ["c@example.com", "a@example.com"]
    assert [lead.email for lead in store.leads(statuses=("spam",))] == ["b@example.com"]
    assert [lead.email for lead in store.leads(partner="denver")] == ["b@example.com", "a@example.com"]
    assert [lead.email for lead in store.leads(limit=1)] == ["c@example.com"]
    assert store.count_leads() == 3


def test_a_lead_is_found_by_its_reference_its_number_or_its_status_link_id(store):
    lead = store.add_lead(new_lead(), []).lead
    assert store.lead(lead.reference) == lead == store.lead(str(lead.id)) == store.lead_by_public_id(lead.public_id)
    assert store.lead("SLP-NONE") is None and store.lead("999") is None
    assert store.lead_by_public_id("not-a-lead") is None


def test_the_same_long_message_from_other_addresses_is_counted_for_a_week(tmp_path):
    from tests.intake.support import ManualClock

    clock = ManualClock(1_900_000_000)
    store = LeadStore(tmp_path / "intake.sqlite3", clock=clock)
    store.migrate()
    message = "We are looking for an experienced sales manager for our team of six."
    for email in ("a@example.com", "b@example.com", "a@example.com"):
        store.add_lead(new_lead(email, message=message, company=email), [])
    assert store.other_senders({"email": "c@example.com", "message": message}, days=7) == 2
    assert store.other_senders({"email": " a@example.com ", "message": message}, days=7) == 1, "not the sender"
    assert store.other_senders({"email": "c@example.com", "message": "Call me"}, days=7) == 0, "too short to say"
    clock.advance(7 * 86400 + 1)
    assert store.other_senders({"email": "c@example.com", "message": message}, days=7) == 0
    store.close()


def test_spent_tokens_are_forgotten_once_they_expire(store):
    now = time.time()
    store.add_lead(new_lead("a@example.com"), [], token=("old", now - 1))
    store.add_lead(new_lead("b@example.com"), [], token=("young", now + 3600))
    assert store.forget_spent_tokens() == 1
    with pytest.raises(TokenSpent):
        store.add_lead(new_lead("c@example.com"), [], token=("young", now + 3600))
    store.add_lead(new_lead("d@example.com"), [], token=("old", now + 3600))
    assert store.count_leads() == 3


def test_a_transaction_that_fails_half_way_writes_nothing(store):
    with pytest.raises(RuntimeError), store.transaction() as db:
        db.execute("INSERT INTO spent_tokens (nonce, expires_at) VALUES ('n', 1)")
        raise RuntimeError("the second statement failed")
    with store.connection() as db:
        assert db.execute("SELECT COUNT(*) FROM spent_tokens").fetchone()[0] == 0


def test_a_writer_that_keeps_the_lock_is_waited_for_as_long_as_asked(store):
    """A bounded wait is that long: other processes get their chance before the visitor is refused."""
    holder = hold_the_database(store.path, "write")
    try:
        began = time.monotonic()
        with pytest.raises(StoreBusy):
            store.add_lead(new_lead(), [("partner", "denver@example.com")], wait=0.6)
        assert time.monotonic() - began >= 0.5
    finally:
        holder.communicate("")


def test_the_same_lead_is_merged_up_to_thirty_minutes_later_and_not_a_second_after(tmp_path):
    from tests.intake.support import ManualClock

    clock = ManualClock(1_900_000_000)
    store = LeadStore(tmp_path / "intake.sqlite3", clock=clock)
    store.migrate()
    ann, bob = new_lead("ann@example.com"), new_lead("bob@example.com")
    store.add_lead(ann, [("partner", "denver@example.com")])
    first_from_bob = store.add_lead(bob, [("partner", "denver@example.com")])
    clock.advance(30 * 60)
    assert store.add_lead(ann, [("partner", "denver@example.com")]).duplicate, "30 minutes to the second"
    clock.advance(1)
    later = store.add_lead(bob, [("partner", "denver@example.com")])
    assert not later.duplicate and later.lead.reference != first_from_bob.lead.reference, "30 minutes and 1 second"
    store.close()


def test_the_same_message_counts_for_exactly_the_days_asked(tmp_path):
    from tests.intake.support import ManualClock

    clock = ManualClock(1_900_000_000)
    store = LeadStore(tmp_path / "intake.sqlite3", clock=clock)
    store.migrate()
    message = "We are looking for an experienced sales manager for our team of six."
    store.add_lead(new_lead("a@example.com", message=message), [])
    clock.advance(2 * 86400)
    assert store.other_senders({"email": "c@example.com", "message": message}, days=2) == 1, "two days to the second"
    clock.advance(1)
    assert store.other_senders({"email": "c@example.com", "message": message}, days=2) == 0
    store.close()


def test_a_reused_token_is_refused_by_its_nonce(store):
    token = ("nonce-7", time.time() + 3600)
    store.add_lead(new_lead("a@example.com"), [], token=token)
    with pytest.raises(TokenSpent) as refused:
        store.add_lead(new_lead("b@example.com"), [], token=token)
    assert refused.value.args == ("nonce-7",)


def test_what_a_visitor_typed_is_stored_as_written_whatever_the_alphabet(store):
    """Anyone reading the database (sqlite3, an export) sees Zoë, not Zo\\u00eb."""
    store.add_lead(new_lead("zoe@example.com", name="Zoë Ångström", message="Müller & Søn, 東京"), [])
    with sqlite3.connect(store.path) as db:
        (stored,) = db.execute("SELECT fields FROM leads").fetchone()
    assert "Zoë Ångström" in stored and "Müller & Søn, 東京" in stored


def test_the_store_serves_every_thread_of_the_service(store):
    """gunicorn's threads and the delivery worker share the store's pooled connections."""
    import threading

    store.add_lead(new_lead("first@example.com"), [])  # a connection made here goes back to the pool
    failures = []

    def another_request():
        try:
            store.add_lead(new_lead("second@example.com"), [])
            store.leads()
        except Exception as error:  # noqa: BLE001 - reported below, whatever it is
            failures.append(error)

    thread = threading.Thread(target=another_request)
    thread.start()
    thread.join(30)
    assert failures == []
    assert sorted(lead.email for lead in store.leads()) == ["first@example.com", "second@example.com"]


def test_a_request_that_fails_inside_a_transaction_leaves_the_connection_clean_for_the_next(store):
    with pytest.raises(RuntimeError), store.connection() as db:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO spent_tokens (nonce, expires_at) VALUES ('half-done', 1)")
        raise RuntimeError("the request failed")
    store.add_lead(new_lead(), [], wait=0.5)  # takes the pooled connection and the write lock again
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT COUNT(*) FROM spent_tokens WHERE nonce = 'half-done'").fetchone() == (0,)


def test_an_operators_store_reads_and_changes_the_services_database(store, tmp_path, monkeypatch):
    """`invoke leads` and the admin commands open the file the service made, wherever they run from."""
    store.add_lead(new_lead("kept@example.com"), [("partner", "denver@example.com")])
    monkeypatch.chdir(tmp_path)  # a relative file name would land here
    operator = LeadStore(store.path, create=False)
    try:
        assert [lead.email for lead in operator.leads()] == ["kept@example.com"]
        assert operator.erase_email("kept@example.com") == 1
    finally:
        operator.close()
    assert store.leads() == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["var"], "no stray database file"
