"""Load pages in Chromium the way a first-time visitor does, and record what happened.

One fresh browser context per page (an empty cache, so the shared stylesheet
counts on every page), the site's real CSP enforced. Each visit records every
request with its uncompressed size, any request to another host, and console
errors, warnings and uncaught exceptions (CSP violations show up there).
"""

from __future__ import annotations

import time
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
QUIET_CHECKS = 3  # the page is done when no request is in flight this many checks in a row
CHECK_EVERY_MS = 60
QUIET_TIMEOUT_S = 15


def _wait_until_quiet(page, in_flight: set, path: str) -> None:
    """Wait until no request of the page is in flight for QUIET_CHECKS checks in a row.

    Playwright's "networkidle" waits a fixed 500 ms after the last request, about a second per
    visit here; counting the page's own requests gives the same answer in a fifth of the time.
    """
    quiet, deadline = 0, time.monotonic() + QUIET_TIMEOUT_S
    while quiet < QUIET_CHECKS:
        if time.monotonic() > deadline:
            raise AssertionError(f"{path}: still loading after {QUIET_TIMEOUT_S} s: {sorted(r.url for r in in_flight)}")
        page.wait_for_timeout(CHECK_EVERY_MS)
        quiet = quiet + 1 if not in_flight else 0


def visit(browser, base_url: str, path: str, viewport: dict | None = None) -> PageVisit:
    """Load `path`, scroll to the end so lazy content loads, wait until no request is in flight."""
    site_netloc = urlsplit(base_url).netloc
    result = PageVisit(path)
    responses = []
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 800})
    # Requests to other hosts are recorded, then stopped here: they must not leave the machine.
    context.route(lambda url: foreign(url, site_netloc), lambda route: route.abort())
    try:
        page = context.new_page()
        page.on(
            "request",
            lambda request: result.foreign_requests.append(request.url) if foreign(request.url, site_netloc) else None,
        )
        in_flight: set = set()
        page.on("request", lambda request: in_flight.add(request))
        page.on("requestfinished", lambda request: in_flight.discard(request))
        page.on("requestfailed", lambda request: in_flight.discard(request))
        page.on("response", lambda response: responses.append(response))
        page.on(
            "requestfailed",
            lambda request: (
                None
                if foreign(request.url, site_netloc)
                else result.failed_requests.append(f"{request.url}: {request.failure}")
            ),
        )
        page.on(
            "console",
            lambda message: (
                result.console.append(f"console {message.type}: {message.text}")
                if message.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda error: result.console.append(f"uncaught exception: {error}"))
        response = page.goto(base_url + path, wait_until="load")
        result.status = response.status if response else None
        page.evaluate(_SCROLLED_AND_IMAGES_DONE)
        _wait_until_quiet(page, in_flight, path)
        for item in responses:
            if foreign(item.url, site_netloc):
                continue
            if item.status >= 400:
                result.failed_requests.append(f"{item.url}: HTTP {item.status}")
            try:
                size = len(item.body())
            except Exception:  # redirects and aborted requests have no body
                size = 0
            result.resources.append(Resource(item.url, KINDS.get(item.request.resource_type, "other"), size))
    finally:
        context.close()
    return result


def visit_all(browser, base_url: str, paths: list[str]) -> list[PageVisit]:
    return [visit(browser, base_url, path) for path in paths]
