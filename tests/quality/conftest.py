"""Fixtures of the quality gates: the pages to check, publish builds, the README's server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.support import ROOT, build_published, html_files, url_of

SERVER_START_TIMEOUT = 120


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[str]:
    """Every HTML page of the built site, as root-relative URLs: nothing hand-picked."""
    pages = [url_of(built_site, path) for path in html_files(built_site)]
    assert len(pages) > 10, f"only {len(pages)} pages built"
    return pages


@pytest.fixture(scope="session")
def served_publish_build(tmp_path_factory):
    """What visitors download: a publish build made for a loopback origin and served there with the
    intake, as production serves it (site and /api/ on one origin). Yields (base URL, pages).

    The port is chosen first, so the build's absolute URLs (SITEURL) point at this very server.
    """
    from tests.intake.support import free_port, intake_env, running_intake

    port = free_port()
    output = tmp_path_factory.mktemp("published-served") / "output"
    build_published(output, f"http://127.0.0.1:{port}")
    pages = [url_of(output, path) for path in html_files(output)]
    with running_intake(intake_env(tmp_path_factory.mktemp("published-intake")), output, port=port) as intake:
        yield intake.url, pages


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, process: subprocess.Popen, log) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"`invoke serve` exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    pytest.fail(f"`invoke serve` did not answer at {url} within {SERVER_START_TIMEOUT} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The README's run command, `invoke serve --port <free port>`, as a subprocess; yields its base URL.

    It builds into output/ and serves whatever the project serves locally (site,
    headers, and the intake once it exists). Stopped at the end of the session.
    """
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, so anything it starts is stopped with it
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(url, process, log)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
