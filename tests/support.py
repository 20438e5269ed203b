"""Helpers shared by the test modules: build a real site, read it as a visitor would."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

from bs4 import BeautifulSoup

from sales_leadership.assets import asset_url
from sales_leadership.contact.intake_files import INTAKE_FOLDER, SITE_FILE
from sales_leadership.headers.policy import headers_for, load_rules
from sales_leadership.redirects import stub_files
from site_guard.build import build_site

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"


def build(output: Path, content: Path = CONTENT, settings: Path = SETTINGS, **overrides) -> dict:
    """Build the site from `content` into `output` (raises BuildFailed on bad content)."""
    return build_site(
        settings,
        quiet=True,
        PATH=str(content),
        OUTPUT_PATH=str(output),
        CACHE_CONTENT=False,
        LOAD_CONTENT_CACHE=False,
        **overrides,
    )


def build_published(output: Path, origin: str, content: Path = CONTENT) -> dict:
    """A publish build (publishconf.py: absolute URLs, minified) made for the site at `origin`,
    e.g. the loopback server that will serve it, so every absolute URL in it resolves there."""
    return build(output, content, PUBLISH_SETTINGS, SITE_ORIGIN=origin, SITEURL=origin, FEED_DOMAIN=origin)


def asset_version(output: Path) -> str:
    """The version folder the build published the front-end files under (sales_leadership.assets)."""
    return json.loads((output / INTAKE_FOLDER / SITE_FILE).read_text(encoding="utf-8"))["asset_version"]


def asset_src(output: Path, source: str) -> str:
    """The address of a front-end file by its path in the repository: 'plugins/role_quiz/static/quiz.css'."""
    return asset_url(source, asset_version(output))


def asset_file(output: Path, source: str) -> Path:
    """The published copy of a front-end file, by its path in the repository."""
    return output / asset_src(output, source).lstrip("/")


def copy_content(destination: Path) -> Path:
    """A private copy of the real content, for tests that break it on purpose."""
    shutil.copytree(CONTENT, destination)
    return destination


def html_files(output: Path) -> list[Path]:
    """Every page a visitor can reach (not the intake's page shells in _intake/, not redirect stubs)."""
    stubs = stub_files(output)
    return sorted(
        page
        for page in output.rglob("*.html")
        if INTAKE_FOLDER not in page.relative_to(output).parts and page not in stubs
    )


def url_of(output: Path, page: Path) -> str:
    """The root-relative URL a static host serves `page` at."""
    relative = page.relative_to(output).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


class _StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with the headers its `_headers` file declares (CSP included)."""

    rules: list = []

    def end_headers(self):
        for name, value in headers_for(self.rules, self.path.split("?")[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def static_server(directory: Path, port: int = 0):
    """Serve `directory` on 127.0.0.1 with its security headers; yields the base URL.

    `port` 0 takes a free port; give one chosen earlier to serve a build made for that origin.
    """
    handler_class = type("Handler", (_StaticHandler,), {"rules": load_rules(directory)})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
