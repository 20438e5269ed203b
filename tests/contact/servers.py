"""Real HTTP servers on 127.0.0.1 for the browser tests: a form endpoint, and the site with a stand-in intake."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl

from sales_leadership.headers.policy import load_rules
from tests.support import _StaticHandler


class Received:
    """What a test endpoint was sent: one list of (name, value) pairs per post."""

    def __init__(self):
        self.posts: list[list[tuple[str, str]]] = []
        self.token_requests = 0
        self.event = threading.Event()

    def last(self) -> dict[str, list[str]]:
        fields: dict[str, list[str]] = {}
        for name, value in self.posts[-1]:
            fields.setdefault(name, []).append(value)
        return fields


def _read_post(handler, received: Received) -> None:
    length = int(handler.headers.get("Content-Length", "0"))
    body = handler.rfile.read(length).decode("utf-8")
    received.posts.append(parse_qsl(body, keep_blank_values=True))
    received.event.set()


@contextmanager
def _serve(handler):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def form_endpoint():
    """A third-party-style form endpoint: records each post, answers 303 to `redirect_to` (set later)."""
    received = Received()
    state = {"redirect_to": "/"}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            _read_post(self, received)
            self.send_response(303)
            self.send_header("Location", state["redirect_to"])
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    with _serve(Handler) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}/submit", received, state


@contextmanager
def site_with_intake(directory: Path, token: str | None = "token-123"):
    """The built site plus the intake's two routes: GET /api/contact/token and POST /api/contact (303 to thanks).

    `token=None` makes the token route fail (500), as an intake that is down would.
    """
    received = Received()

    class Handler(_StaticHandler):
        rules = load_rules(directory)

        def do_GET(self):
            if self.path.split("?")[0] == "/api/contact/token":
                received.token_requests += 1
                body = json.dumps({"token": token}).encode() if token else b"{}"
                self.send_response(200 if token else 500)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def do_POST(self):
            if self.path.split("?")[0] != "/api/contact":
                self.send_error(404)
                return
            _read_post(self, received)
            self.send_response(303)
            self.send_header("Location", "/contact/thanks/")
            self.send_header("Content-Length", "0")
            self.end_headers()

    with _serve(functools.partial(Handler, directory=str(directory))) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
