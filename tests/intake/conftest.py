"""Fixtures for the intake: a real SMTP server and the intake on a real HTTP server, per test."""

from __future__ import annotations

import pytest

from intake.storage import LeadStore
from tests.intake.support import CLOCK_START, ManualClock, SmtpServer, intake_env, running_intake


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def make_intake(tmp_path):
    """Start an intake with extra INTAKE_* settings; stopped at the end of the test."""
    started = []

    def make(output=None, clock=None, **overrides: str):
        context = running_intake(intake_env(tmp_path, **overrides), output, clock=clock)
        started.append(context)
        return context.__enter__()

    yield make
    for context in reversed(started):
        context.__exit__(None, None, None)


@pytest.fixture
def intake(make_intake, smtp):
    return make_intake(**smtp.env())


@pytest.fixture
def clock():
    """A clock the test moves by hand, starting at CLOCK_START (a test file may define its own)."""
    return ManualClock(CLOCK_START)


@pytest.fixture
def store(tmp_path, clock):
    """A migrated lead store in its own SQLite file, on the test's clock; closed afterwards."""
    store = LeadStore(tmp_path / "intake.sqlite3", clock=clock)
    store.migrate()
    yield store
    store.close()
