"""Fixtures shared by every test: the built site, a server for it, the browser."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from filelock import FileLock

from tests import scheduling
from tests.quality import report
from tests.support import PUBLISH_SETTINGS, build
from tools import chromium


def _required(build: chromium.Chromium) -> str:
    """Where this Chromium build is (tools/chromium.py). Missing means failure, never a skip."""
    found = chromium.find(build)
    if not found:
        pytest.fail(
            f"No {build.package} found: install Debian's '{build.package}' package or set {build.variable} "
            "(invoke test does both)."
        )
    return found


def chromium_path() -> str:
    """Debian's Chromium browser (or $CHROMIUM), which Lighthouse runs."""
    return _required(chromium.BROWSER)


def headless_shell_path() -> str:
    """Debian's Chromium headless shell (or $CHROMIUM_HEADLESS_SHELL), which Playwright drives."""
    return _required(chromium.HEADLESS_SHELL)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": headless_shell_path()}


def pytest_report_header(config):
    shell, browser = chromium.headless_shell_path() or "none found", chromium.browser_path() or "none found"
    return f"browser tests drive {shell}; Lighthouse runs {browser}"


_STARTED = pytest.StashKey[float]()


def pytest_sessionstart(session):
    session.config.stash[_STARTED] = time.time() - 1  # file times may be rounded down to the second


def pytest_terminal_summary(terminalreporter, config):
    """Print the tables the quality gates measured during this run (weights, Lighthouse, external
    links). Here, in the root conftest, because under pytest-xdist only it is loaded where the summary
    is printed; the gates write their tables to reports/ from the workers (tests/quality/report.py)."""
    for section in report.sections_since(config.stash.get(_STARTED, time.time())):
        terminalreporter.write_line("")
        for line in section.splitlines():
            terminalreporter.write_line(line)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The longest test files first (tests/scheduling.py). trylast: after pytest has ordered each
    file's tests by their fixtures' parameters, which a stable sort keeps."""
    scheduling.order_longest_first(items)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Under pytest-xdist (`--dist loadfile`), one worker runs a test file whole (tests/scheduling.py)."""
    return scheduling.OneWorkerPerTestFile(config, log)


def made_once(tmp_path_factory, name: str, make) -> Path:
    """A folder every pytest worker of this run shares, made by whichever asks first (`make(folder)`).

    Only for what tests read and never change: the site builds. Without xdist it is simply made once.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's own folder, above each worker's
    folder = shared / f"shared-{name}"
    with FileLock(str(folder) + ".lock"):
        done = folder / ".made"
        if not done.is_file():
            if folder.exists():
                shutil.rmtree(folder)  # a worker that failed half-way: start again
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real content built once per test run (shared by every worker); tests only read it."""
    return made_once(tmp_path_factory, "site", lambda folder: build(folder / "output")) / "output"


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The site built with publishconf.py (absolute URLs, minified, precompressed), once per test run
    and shared by every worker: (output, settings as publishconf.py reads them)."""
    from site_guard.build import load_settings

    folder = made_once(tmp_path_factory, "published", lambda made: build(made / "output", settings=PUBLISH_SETTINGS))
    return folder / "output", load_settings(PUBLISH_SETTINGS)


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
