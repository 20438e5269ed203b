"""The rate limiter and the origin check, on their own."""

from __future__ import annotations

from intake.abuse import RateLimiter, origin_allowed


def test_rate_limit_counts_per_client_within_the_window():
    limiter = RateLimiter(limit=2, window=60)
    assert limiter.hit("a", now=0) == 0
    assert limiter.hit("a", now=1) == 0
    assert limiter.hit("a", now=2) > 0
    assert limiter.hit("b", now=2) == 0
    assert limiter.hit("a", now=61) == 0


def test_the_recent_count_feeds_the_verdicts_rate_signal():
    limiter = RateLimiter(limit=10, window=60)
    for moment in (0, 10, 20):
        limiter.hit("a", now=moment)
    assert limiter.recent("a", now=30) == 3
    assert limiter.recent("a", now=75) == 1
    assert limiter.recent("nobody", now=30) == 0


def test_origin_check():
    allowed = ("https://www.example.com",)
    assert origin_allowed("https://www.example.com", None, allowed)
    assert not origin_allowed("https://evil.example.net", None, allowed)
    assert not origin_allowed("null", None, allowed)
    assert origin_allowed(None, "https://www.example.com/contact/", allowed)
    assert not origin_allowed(None, "https://evil.example.net/page", allowed)
    assert origin_allowed(None, None, allowed)
