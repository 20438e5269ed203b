"""Fixtures of the deployment tests: the publish build, the intake under gunicorn, nginx and Caddy.

Skip-never policy: these tests always run. A machine without nginx, its Brotli module or
Caddy fails them, naming the Debian packages to install (`invoke test` installs them when
it runs as root, as it does in CI). A deployment nobody could test is a deployment that
is only described.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.deploy.servers import (
    Gunicorn,
    Site,
    free_port,
    intake_environment,
    missing_programs,
    running_caddy,
    running_nginx,
)
from tests.support import build_published, copy_content

PROXIES = ("nginx", "caddy")


@pytest.fixture(scope="session", autouse=True)
def deployment_programs():
    problems = missing_programs()
    if problems:
        pytest.fail("The deployment tests cannot run on this machine:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture(scope="session")
def publish_build(tmp_path_factory) -> Site:
    """The publish build, made for the HTTPS origin both proxies serve it at (one after the other)."""
    site = Site(
        https_port=free_port(),
        http_port=free_port(),
        intake_port=free_port(),
        output=tmp_path_factory.mktemp("deploy-site") / "output",
    )
    build_published(site.output, site.origin, renamed_page_content(tmp_path_factory.mktemp("deploy-content")))
    return site


# A page renamed once: its old address must answer with a permanent redirect through each proxy.
RENAMED_FROM, RENAMED_TO = "/how-we-work/", "/approach/"


def renamed_page_content(folder):
    """The real content, with the approach page saying it used to live at RENAMED_FROM."""
    content = copy_content(folder / "content")
    page = content / "pages" / "approach.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n\n", f"\nRedirect-from: {RENAMED_FROM}\n\n", 1), encoding="utf-8")
    return content


@pytest.fixture(scope="session")
def intake_server(publish_build, tmp_path_factory):
    """The intake as production runs it: gunicorn with deploy/gunicorn.conf.py, behind the proxy."""
    folder = tmp_path_factory.mktemp("deploy-intake")
    server = Gunicorn(publish_build.intake_port, intake_environment(publish_build, folder), folder).start()
    yield server
    server.stop()


@dataclass(frozen=True)
class Proxy:
    name: str
    site: Site
    intake: Gunicorn

    @property
    def url(self) -> str:
        return self.site.origin


@pytest.fixture(scope="session", params=PROXIES)
def proxy(request, publish_build, intake_server, tmp_path_factory):
    """nginx, then Caddy, each running deploy/'s configuration in front of the same build and intake."""
    folder = tmp_path_factory.mktemp(request.param)
    running = running_nginx if request.param == "nginx" else running_caddy
    with running(publish_build, folder):
        yield Proxy(request.param, publish_build, intake_server)
