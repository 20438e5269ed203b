"""One person's data in the store: what is kept about them, erasing it, and the retention period.

"Gone" is checked in the files themselves, while the service still has the database open: the
write-ahead log keeps the rows as they were until it is checkpointed and truncated.
"""

from __future__ import annotations

import os

from intake.personal_data import holders_of
from tests.intake.support import CLOCK_START
from tests.intake.test_storage import new_lead

START = CLOCK_START  # the shared `clock` fixture starts here (tests/intake/conftest.py)
DAY = 86400.0


def file_bytes(store) -> bytes:
    return b"".join(path.read_bytes() for path in store.files()[:2] if path.exists())


def test_an_erasure_leaves_no_copy_in_the_files_while_the_service_runs(store):
    marker = "erase-marker-4417"
    store.add_lead(new_lead("erase.me@example.com", message=marker), [("partner", "denver@example.com")])
    store.add_lead(new_lead("keep@example.com", message="kept-4417"), [])
    assert marker.encode() in file_bytes(store)
    assert store.erase_email(" Erase.Me@example.com ") == 1
    wal = store.files()[1]
    assert not wal.exists() or wal.stat().st_size == 0, "the write-ahead log is emptied"
    assert marker.encode() not in file_bytes(store) and b"erase.me@example.com" not in file_bytes(store)
    assert b"kept-4417" in file_bytes(store)
    assert store.leads_for_email("erase.me@example.com") == []


def test_erasing_an_address_nobody_used_changes_nothing(store):
    store.add_lead(new_lead(), [])
    assert store.erase_email("nobody@example.com") == 0
    assert store.count_leads() == 1


def test_a_purge_leaves_no_copy_of_the_old_leads_in_the_files(store, clock):
    marker = "purge-marker-8812"
    store.add_lead(new_lead("old@example.com", message=marker), [])
    clock.advance(31 * DAY)
    store.add_lead(new_lead("new@example.com"), [])
    assert store.purge_older_than(30).deleted == 1
    wal = store.files()[1]
    assert not wal.exists() or wal.stat().st_size == 0
    assert marker.encode() not in file_bytes(store)


def test_the_retention_period_counts_whole_days_from_the_moment_a_lead_arrived(store, clock):
    store.add_lead(new_lead("a@example.com"), [])
    clock.advance(30 * DAY)
    assert store.purge_older_than(30).deleted == 0, "exactly 30 days old: kept"
    clock.advance(0.001)
    assert store.purge_older_than(30).deleted == 1


def test_an_export_holds_each_lead_with_its_deliveries_and_history(store, clock):
    first = store.add_lead(new_lead("pat@example.com", message="first"), [("partner", "denver@example.com")]).lead
    clock.advance(3600)
    store.add_lead(new_lead("pat@example.com", message="second"), [])
    ((lead, deliveries, events), (later, none, history)) = store.leads_for_email(" pat@example.com ")
    assert (lead.id, lead.fields["message"], later.fields["message"]) == (first.id, "first", "second")
    assert [(d.kind, d.recipient) for d in deliveries] == [("partner", "denver@example.com")] and none == []
    assert [(e.kind, e.at) for e in events] == [("received", START)]
    assert [(e.kind, e.at) for e in history] == [("received", START + 3600)]


def test_the_processes_holding_the_database_are_named(store, tmp_path):
    import subprocess
    import sys

    holder = subprocess.Popen(
        [sys.executable, "-c", f"f = open({str(store.path)!r}, 'rb'); print('open', flush=True); input()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        found = holders_of(store.files())
        (named,) = [line for line in found if line.startswith(f"PID {holder.pid} (")]
        command = f"{sys.executable} -c f = open({str(store.path)!r}, 'rb'); print('open', flush=True); input()"
        assert named == f"PID {holder.pid} ({command[:80]})", "the command line, cut to 80 characters"
        assert all(not line.startswith(f"PID {os.getpid()} ") for line in found), "never this process"
        assert holders_of([tmp_path / "nobody-has-this-open"]) == []
    finally:
        holder.communicate("\n")
