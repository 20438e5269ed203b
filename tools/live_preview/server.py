"""The preview server: the last good site and the lead intake on one origin, with the build's news.

Static files and the intake come from intake.server (`StaticSite`, `SiteWithIntake`'s routing),
so the preview serves exactly what `invoke serve` serves, security headers included. On top:

- every HTML page gets two same-origin files, /_preview/preview.css and /_preview/reload.mjs
  (no inline script or style: the site's Content-Security-Policy holds in the preview too),
  and, while the last build failed, a banner listing its `file: field: problem` lines;
- /_preview/events is a Server-Sent Events stream that names the latest build; reload.mjs
  reloads the page when it is not the build the page was served from;
- the intake is made anew after each good build, so edited partners route at once.

Without JavaScript the banner still shows; the page just does not reload by itself.
"""

from __future__ import annotations

import logging
import mimetypes
import re
import threading
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup
from werkzeug.wrappers import Request, Response

from intake.server import StaticSite
from sales_leadership.headers.policy import headers_for

from .builder import BuildResult
from .swap import SiteFolder

log = logging.getLogger("live_preview")

PREFIX = "/_preview/"
STATIC = Path(__file__).resolve().parent / "static"
HEARTBEAT_SECONDS = 15
_CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY_START = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


class BuildStatus:
    """The latest build's number and problems; a change wakes the pages' event streams."""

    def __init__(self):
        self.number = 0
        self.problems: list[str] = []
        self.changed = threading.Condition()

    def record(self, result: BuildResult) -> None:
        with self.changed:
            self.number += 1
            self.problems = [] if result.ok else list(result.problems)
            self.changed.notify_all()

    def wait_past(self, seen: int | None, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.number != seen, timeout=timeout)
            return self.number


def problems_banner(problems: list[str], has_site: bool) -> Markup:
    """The box at the top of every page while the last build failed."""
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    if has_site:
        heading = f"Your last change was not built: {count}"
        note = "You are looking at the last version that built. Fix the file and save: this page reloads by itself."
    else:
        heading = f"The site could not be built: {count}"
        note = "Fix the file and save: this page reloads by itself."
    items = Markup("").join(Markup("<li><code>{}</code></li>").format(problem) for problem in problems)
    return Markup(
        '<section class="preview-problems" role="alert" aria-labelledby="preview-problems-heading">'
        '<h2 id="preview-problems-heading">{}</h2><p>{}</p><ul>{}</ul></section>'
    ).format(heading, note, items)


class PreviewApp:
    def __init__(self, folder: SiteFolder, status: BuildStatus, make_intake: Callable[[], object] | None = None):
        self.folder = folder
        self.status = status
        self.make_intake = make_intake
        self.site = StaticSite(folder.live)
        self.intake = self._new_intake()

    # --- after a build ------------------------------------------------------------------

    def site_changed(self) -> None:
        """A good build was swapped in: read its header rules and start an intake that knows it."""
        self.site = StaticSite(self.folder.live)
        old, self.intake = self.intake, self._new_intake() or self.intake
        if old is not None and old is not self.intake:
            # Let a request that is still using the old intake finish first.
            threading.Timer(5, old.close).start()

    def _new_intake(self):
        if self.make_intake is None:
            return None
        try:
            return self.make_intake()
        except Exception as error:  # the preview goes on; the terminal says why the form will not send
            print(f"The lead intake could not start ({error}); the contact form will not send.", flush=True)
            return None

    def close(self) -> None:
        if self.intake is not None:
            self.intake.close()

    # --- requests -----------------------------------------------------------------------

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/api" or path.startswith("/api/"):
            if self.intake is None:
                return Response("The lead intake is not running.\n", 503, mimetype="text/plain")(
                    environ, start_response
                )
            return self.intake(environ, start_response)
        request = Request(environ)
        response = self._preview_file(request) if path.startswith(PREFIX) else self._page(request)
        return response(environ, start_response)

    def _page(self, request: Request) -> Response:
        for name in _CONDITIONAL:  # the banner changes while the file does not: never answer 304
            request.environ.pop(name, None)
        with self.folder.lock:
            site = self.site
            if not self.folder.has_site:
                response = Response("", 503, mimetype="text/html")
            else:
                response = site.respond(request)
                if response.mimetype == "text/html":
                    response.direct_passthrough = False
                    response.get_data()  # read while the folder cannot be swapped away
        for name, value in headers_for(site.rules, request.path).items():
            response.headers[name] = value
        if response.mimetype == "text/html":
            self._add_preview(response)
        return response

    def _add_preview(self, response: Response) -> None:
        html = response.get_data(as_text=True) or (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>The site could not be built</title></head><body></body></html>"
        )
        head = (
            f'<meta name="preview-build" content="{self.status.number}">'
            f'<link rel="stylesheet" href="{PREFIX}preview.css">'
            f'<script type="module" src="{PREFIX}reload.mjs"></script>'
        )
        html = _HEAD_END.sub(lambda match: head + match.group(0), html, count=1)
        problems = self.status.problems
        if problems:
            banner = str(problems_banner(problems, self.folder.has_site))  # Markup + str would escape the tag
            html = _BODY_START.sub(lambda match: match.group(0) + banner, html, count=1)
        response.set_data(html)
        response.headers.pop("ETag", None)
        response.headers.pop("Last-Modified", None)
        response.headers["Cache-Control"] = "no-store"

    def _preview_file(self, request: Request) -> Response:
        name = request.path[len(PREFIX) :]
        if name == "events":
            return Response(self._events(), mimetype="text/event-stream", headers={"Cache-Control": "no-store"})
        path = STATIC / name
        if "/" in name or not path.is_file():
            return Response("Not found\n", 404, mimetype="text/plain")
        mimetype = "text/javascript" if path.suffix == ".mjs" else mimetypes.guess_type(path.name)[0]
        headers = {**headers_for(self.site.rules, request.path), "Cache-Control": "no-store"}
        return Response(path.read_bytes(), mimetype=mimetype, headers=headers)

    def _events(self):
        seen = None
        yield "retry: 1000\n\n"
        while True:
            number = self.status.wait_past(seen, HEARTBEAT_SECONDS)
            if number != seen:
                seen = number
                yield f"event: build\ndata: {number}\n\n"
            else:
                yield ": waiting for the next build\n\n"
