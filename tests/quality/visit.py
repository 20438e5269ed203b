"""Load pages in Chromium the way a first-time visitor does, and record what happened.

Each page as a first-time visitor gets it (no cache, no cookies, no storage, so the
shared stylesheet counts on every page), the site's real CSP enforced. Each visit records every
request with its uncompressed size, any request to another host, and console
errors, warnings and uncaught exceptions (CSP violations show up there).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Playwright's request.resource_type, grouped the way the weight budget counts them.
KINDS = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "image": "images",
    "media": "images",
    "font": "fonts",
    "fetch": "data",
    "xhr": "data",
}
LOCAL_SCHEMES = {"data", "blob", "about"}


@dataclass(frozen=True)
class Resource:
    url: str
    kind: str
    size: int


@dataclass
class PageVisit:
    path: str
    status: int | None = None
    resources: list[Resource] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def bytes_of(self, kind: str) -> int:
        return sum(resource.size for resource in self.resources if resource.kind == kind)


def foreign(url: str, site_netloc: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and parts.netloc != site_netloc


# A statement for an async page function: wait until every image has loaded or failed.
EVERY_IMAGE_DONE = """await Promise.all([...document.images].map((image) => image.complete ? null :
    new Promise((done) => {
      image.addEventListener("load", done, { once: true });
      image.addEventListener("error", done, { once: true });
    })));"""
# After the scroll: two frames, so lazy images near the new viewport have started, then every image done.
_SCROLLED_AND_IMAGES_DONE = f"""async () => {{
  window.scrollTo(0, document.documentElement.scrollHeight);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  {EVERY_IMAGE_DONE}
}}"""
QUIET_MS = 180  # the page is done when no request started or was in flight for this long
QUIET_TIMEOUT_S = 15


class _Recorder:
    """What the page's events tell about the visit under way."""

    def __init__(self, site_netloc: str):
        self.site_netloc = site_netloc
        self.begin("")

    def begin(self, path: str) -> None:
        self.result = PageVisit(path)
        self.responses: list = []
        self.in_flight: set = set()
        self.started = 0

    def listen(self, page) -> None:
        page.on("request", self._request)
        page.on("requestfinished", lambda request: self.in_flight.discard(request))
        page.on("requestfailed", self._failed)
        page.on("response", lambda response: self.responses.append(response))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.result.console.append(f"uncaught exception: {error}"))

    def _request(self, request) -> None:
        self.started += 1
        self.in_flight.add(request)
        if foreign(request.url, self.site_netloc):
            self.result.foreign_requests.append(request.url)

    def _failed(self, request) -> None:
        self.in_flight.discard(request)
        if not foreign(request.url, self.site_netloc):
            self.result.failed_requests.append(f"{request.url}: {request.failure}")

    def _console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.result.console.append(f"console {message.type}: {message.text}")

    def wait_until_quiet(self, page) -> None:
        """Wait until no request of the page started or was in flight for QUIET_MS.

        Playwright's "networkidle" waits a fixed 500 ms after the last request, about a second per
        visit here; one wait of QUIET_MS, repeated only while requests come and go, is enough.
        """
        deadline = time.monotonic() + QUIET_TIMEOUT_S
        while True:
            started = self.started
            page.wait_for_timeout(QUIET_MS)
            if not self.in_flight and self.started == started:
                return
            if time.monotonic() > deadline:
                pending = sorted(request.url for request in self.in_flight)
                raise AssertionError(f"{self.result.path}: still loading after {QUIET_TIMEOUT_S} s: {pending}")

    def record_resources(self) -> None:
        for item in self.responses:
            if foreign(item.url, self.site_netloc):
                continue
            if item.status >= 400:
                self.result.failed_requests.append(f"{item.url}: HTTP {item.status}")
            try:
                size = len(item.body())
            except Exception:  # redirects and aborted requests have no body
                size = 0
            self.result.resources.append(Resource(item.url, KINDS.get(item.request.resource_type, "other"), size))


@contextmanager
def first_time_visits(browser, base_url: str, viewport: dict | None = None) -> Iterator[Callable[[str], PageVisit]]:
    """A function that loads a page as a first-time visitor would, page after page.

    One browser tab for the whole walk, with its cache off, and the site's cookies and storage
    (local and session) wiped before every page: each page downloads everything a new visitor's
    browser does (the shared stylesheet counts on every page) and finds nothing an earlier page
    left. A new context or tab per page would prove the same, but each starts a renderer process:
    about 1 s of CPU a page, two minutes for the two builds.
    """
    site_netloc = urlsplit(base_url).netloc
    origin = f"{urlsplit(base_url).scheme}://{site_netloc}"
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 800})
    # Requests to other hosts are recorded, then stopped here: they must not leave the machine.
    context.route(lambda url: foreign(url, site_netloc), lambda route: route.abort())
    try:
        page = context.new_page()
        devtools = context.new_cdp_session(page)
        devtools.send("Network.enable")
        devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
        recorder = _Recorder(site_netloc)
        recorder.listen(page)

        def visit_page(path: str) -> PageVisit:
            page.goto("about:blank")  # the page before is gone, and cannot write anything after the wipe
            # Cookies, local and session storage, IndexedDB, caches: all of the site's data in this browser.
            devtools.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
            recorder.begin(path)
            response = page.goto(base_url + path, wait_until="load")
            recorder.result.status = response.status if response else None
            page.evaluate(_SCROLLED_AND_IMAGES_DONE)
            recorder.wait_until_quiet(page)
            recorder.record_resources()
            return recorder.result

        yield visit_page
    finally:
        context.close()


def visit(browser, base_url: str, path: str, viewport: dict | None = None) -> PageVisit:
    """Load `path`, scroll to the end so lazy content loads, wait until no request is in flight."""
    with first_time_visits(browser, base_url, viewport) as visit_page:
        return visit_page(path)


def visit_all(browser, base_url: str, paths: list[str]) -> list[PageVisit]:
    with first_time_visits(browser, base_url) as visit_page:
        return [visit_page(path) for path in paths]
