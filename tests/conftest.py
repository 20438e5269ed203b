"""Fixtures shared by every test: the built site, a server for it, the browser."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.support import PUBLISH_SETTINGS, build

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")


def chromium_path() -> str:
    """Debian's Chromium (or $CHROMIUM). Missing means failure, never a skip."""
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured
    for candidate in CHROMIUM_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("chromium") or shutil.which("google-chrome")
    if not found:
        pytest.fail("No Chromium found: install Debian's 'chromium' package or set CHROMIUM (invoke test does both).")
    return found


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real content built once per test session; tests only read it."""
    output = tmp_path_factory.mktemp("site") / "output"
    build(output)
    return output


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The site built with publishconf.py (absolute URLs, minified, precompressed): (output, settings)."""
    output = tmp_path_factory.mktemp("published") / "output"
    settings = build(output, settings=PUBLISH_SETTINGS)
    return output, settings


@pytest.fixture(scope="session")
def published_site(published):
    return published[0]


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory):
    """The built site and the lead intake on one origin, as `invoke serve` runs them, on a free port.

    The intake has its own SQLite file and no mail server (leads wait in the outbox), so every
    page's script (the contact form fetches its anti-bot token from /api/) meets a real backend.
    """
    from tests.intake.support import intake_env, running_intake

    with running_intake(intake_env(tmp_path_factory.mktemp("site-intake")), built_site) as intake:
        yield intake.url
