"""Load pages in Chromium the way a first-time visitor does, and record what happened.

One fresh browser context per page (an empty cache, so the shared stylesheet
counts on every page), the site's real CSP enforced. Each visit records every
request with its uncompressed size, any request to another host, and console
errors, warnings and uncaught exceptions (CSP violations show up there).
"""

from __future__ import annotations

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


def visit(browser, base_url: str, path: str, viewport: dict | None = None) -> PageVisit:
    """Load `path`, scroll to the end so lazy content loads, wait for the network to go quiet."""
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
        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_load_state("networkidle")
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
