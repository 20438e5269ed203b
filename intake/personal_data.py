"""One person's data in the store: what is kept about them, erasing it, and the retention period.

A mixin of LeadStore (intake/storage.py). An erasure (and a purge) is only done
when the write-ahead log, which still holds the deleted rows as they were, has
been checkpointed into the database (where secure_delete zeroed them) and
truncated; a process holding the file open is named when that cannot happen.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from .records import BUSY_TIMEOUT_MS, Delivery, Event, StoredLead, iso_utc

ERASE_WAIT_SECONDS = 10.0


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


@dataclass(frozen=True)
class Purged:
    deleted: int
    kept_pending: int  # old enough, but a delivery for them is still waiting in the outbox


class PersonalData:
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
