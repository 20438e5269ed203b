"""The form token on its own: signed, expiring, bound to the page's origin, never a 500 whatever is posted."""

from __future__ import annotations

import pytest

from intake.tokens import FORGED, MISSING, OTHER_ORIGIN, STALE, TOO_FAST, FormTokens
from tests.intake.support import ManualClock

SITE = "https://www.example.com"


@pytest.fixture
def clock():
    return ManualClock(1_900_000_000)


@pytest.fixture
def tokens(clock):
    return FormTokens(b"test-secret", max_age=7200, min_seconds=3, clock=clock)


def test_a_token_used_after_a_human_pause_is_fine_and_can_be_spent(tokens, clock):
    token = tokens.issue(SITE)
    clock.advance(45)
    check = tokens.check(token, SITE)
    assert check.signal == ""
    assert check.nonce and check.expires_at == pytest.approx(clock() - 45 + 7200, abs=1)


def test_a_token_used_within_seconds_is_too_fast(tokens, clock):
    token = tokens.issue(SITE)
    clock.advance(1)
    assert tokens.check(token, SITE).signal == TOO_FAST


def test_a_token_older_than_its_lifetime_is_stale_not_forged(tokens, clock):
    token = tokens.issue(SITE)
    clock.advance(7201)
    check = tokens.check(token, SITE)
    assert check.signal == STALE
    assert check.nonce, "a stale token is still recognised as ours"


def test_a_token_issued_for_another_origin_is_refused_as_such(tokens, clock):
    token = tokens.issue("https://copy-of-the-site.example.net")
    clock.advance(60)
    assert tokens.check(token, SITE).signal == OTHER_ORIGIN


def test_a_token_from_another_secret_or_purpose_or_edited_is_forged(tokens, clock):
    foreign = FormTokens(b"another secret", max_age=7200, min_seconds=3, clock=clock).issue(SITE)
    genuine = tokens.issue(SITE)
    clock.advance(60)
    assert tokens.check(foreign, SITE).signal == FORGED
    edited = genuine[:-3] + ("aaa" if not genuine.endswith("aaa") else "bbb")
    assert tokens.check(edited, SITE).signal == FORGED
    from itsdangerous import URLSafeTimedSerializer

    status_link = URLSafeTimedSerializer(b"test-secret", salt="lead-status").dumps({"t": 1, "n": "x", "o": SITE})
    assert tokens.check(status_link, SITE).signal == FORGED, "one salt per purpose"


@pytest.mark.parametrize(
    "value",
    ["not a token", "1700000000.000." + "0" * 64, "é", "ünïcödé.tökén", "\x00\x1b[2J", "x" * 5000, "e30.AAAA.BBBB"],
)
def test_anything_else_posted_as_a_token_is_forged_and_never_raises(tokens, value):
    assert tokens.check(value, SITE).signal == FORGED


def test_no_token_is_a_visitor_without_javascript(tokens):
    assert tokens.check("", SITE).signal == MISSING
    assert tokens.check("   ", SITE).signal == MISSING
