"""Abuse controls that need no database: per-client rate limit and origin check.

The rate limit lives in the process's memory: cheap, and it forgets on
restart, which is harmless for a contact form. The deploy docs run one
gunicorn process with threads (SQLite has one writer anyway), so there is one
counter per client; with more processes each keeps its own count.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from urllib.parse import urlsplit

MAX_TRACKED_CLIENTS = 100_000


class RateLimiter:
    """At most `limit` hits per `window` seconds per key (a sliding window)."""

    def __init__(self, limit: int, window: float):
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, now: float | None = None) -> float:
        """Record one hit; return 0 when allowed, else the seconds until the client may try again."""
        if self.limit <= 0:
            return 0.0
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._hits) >= MAX_TRACKED_CLIENTS:
                self._forget_idle(now)
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(hits[0] + self.window - now, 1.0)
            hits.append(now)
            return 0.0

    def recent(self, key: str, now: float | None = None) -> int:
        """How many hits `key` has in the current window (the spam verdict's rate signal)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            return sum(1 for hit in self._hits.get(key, ()) if hit > now - self.window)

    def _forget_idle(self, now: float) -> None:
        for key in [key for key, hits in self._hits.items() if not hits or hits[-1] <= now - self.window]:
            del self._hits[key]
        if len(self._hits) >= MAX_TRACKED_CLIENTS:
            self._hits.clear()


def origin_of(url: str) -> str:
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def origin_allowed(origin_header: str | None, referer_header: str | None, allowed: tuple[str, ...]) -> bool:
    """True when the post comes from one of the site's own pages.

    Browsers send Origin with every POST, so a foreign or "null" Origin is a
    page elsewhere posting to us. Without Origin the Referer decides; a client
    that sends neither is not a browser on another site (no cross-site risk),
    and the honeypot, token and rate limit still apply to it.
    """
    allowed_origins = {origin_of(origin) for origin in allowed}
    if origin_header:
        return origin_of(origin_header) in allowed_origins
    if referer_header:
        return origin_of(referer_header) in allowed_origins
    return True
