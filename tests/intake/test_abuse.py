"""The anti-bot token, the rate limiter and the origin check, on their own."""

from __future__ import annotations

from intake.abuse import RateLimiter, origin_allowed
from intake.tokens import check_token, issue_token

SECRET = b"test-secret"


def test_a_token_used_after_a_human_pause_is_fine():
    token = issue_token(SECRET, now=1000.0)
    assert check_token(SECRET, token, min_seconds=3, now=1010.0).spam_reason == ""


def test_a_token_used_within_seconds_is_too_fast():
    token = issue_token(SECRET, now=1000.0)
    assert check_token(SECRET, token, min_seconds=3, now=1001.0).spam_reason == "too fast"


def test_a_token_signed_with_another_secret_or_edited_is_forged():
    token = issue_token(b"another secret", now=1000.0)
    assert check_token(SECRET, token, min_seconds=3, now=1010.0).spam_reason == "forged token"
    genuine = issue_token(SECRET, now=1000.0)
    backdated = "1." + genuine.partition(".")[2].partition(".")[2]
    assert check_token(SECRET, backdated, min_seconds=3, now=1010.0).spam_reason == "forged token"
    assert check_token(SECRET, "not a token", min_seconds=3).spam_reason == "forged token"


def test_no_token_is_a_visitor_without_javascript():
    assert check_token(SECRET, "", min_seconds=3).spam_reason == ""


def test_rate_limit_counts_per_client_within_the_window():
    limiter = RateLimiter(limit=2, window=60)
    assert limiter.hit("a", now=0) == 0
    assert limiter.hit("a", now=1) == 0
    assert limiter.hit("a", now=2) > 0
    assert limiter.hit("b", now=2) == 0
    assert limiter.hit("a", now=61) == 0


def test_origin_check():
    allowed = ("https://www.example.com",)
    assert origin_allowed("https://www.example.com", None, allowed)
    assert not origin_allowed("https://evil.example.net", None, allowed)
    assert not origin_allowed("null", None, allowed)
    assert origin_allowed(None, "https://www.example.com/contact/", allowed)
    assert not origin_allowed(None, "https://evil.example.net/page", allowed)
    assert origin_allowed(None, None, allowed)
