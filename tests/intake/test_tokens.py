"""The form token on its own: signed, expiring, bound to the page's origin, never a 500 whatever is posted."""

from __future__ import annotations

import random
import string

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


def test_exactly_the_minimum_pause_is_a_person_a_moment_less_is_too_fast(tokens, clock):
    token = tokens.issue(SITE)
    clock.advance(2.999)
    assert tokens.check(token, SITE).signal == TOO_FAST
    clock.advance(0.001)
    assert tokens.check(token, SITE).signal == ""


def test_a_token_is_fresh_for_its_whole_lifetime_and_stale_a_second_later(tokens, clock):
    token = tokens.issue(SITE)
    clock.advance(7200)
    assert tokens.check(token, SITE).signal == ""
    clock.advance(1)
    assert tokens.check(token, SITE).signal == STALE


def test_every_authentic_token_can_be_spent_until_it_expires(tokens, clock):
    """The store remembers a nonce until expires_at: a token refused as too fast, stale or from another
    origin is still spent, so the same token cannot be posted again once it is "old enough"."""
    issued_at = clock()
    fresh, other = tokens.issue(SITE), tokens.issue("https://copy-of-the-site.example.net")
    checks = [tokens.check(fresh, SITE), tokens.check(other, SITE)]
    clock.advance(7201)
    checks.append(tokens.check(fresh, SITE))
    assert [check.signal for check in checks] == [TOO_FAST, OTHER_ORIGIN, STALE]
    assert [check.expires_at for check in checks] == [issued_at + 7200] * 3
    assert checks[0].nonce == checks[2].nonce != checks[1].nonce
    assert all(len(check.nonce) >= 16 for check in checks)


def test_each_token_has_its_own_nonce(tokens):
    assert len({tokens.check(tokens.issue(SITE), SITE).nonce for _ in range(20)}) == 20


def test_a_token_without_an_origin_or_a_post_without_one_is_not_held_against_the_visitor(tokens, clock):
    anywhere = tokens.issue("")
    token = tokens.issue(SITE)
    clock.advance(60)
    assert tokens.check(anywhere, SITE).signal == ""
    assert tokens.check(token, "").signal == ""


@pytest.mark.parametrize("age", ["fresh", "expired"])
def test_a_value_signed_with_our_key_but_not_shaped_as_a_token_is_forged(age):
    import time

    from itsdangerous import URLSafeTimedSerializer

    from intake.tokens import SALT

    signer = URLSafeTimedSerializer(b"test-secret", salt=SALT)  # signs with the real time
    clock = time.time if age == "fresh" else (lambda: time.time() + 7201)
    tokens = FormTokens(b"test-secret", max_age=7200, min_seconds=0, clock=clock)
    shapes = [
        ["t", "n", "o"],
        {"t": "1900000000", "n": "nonce", "o": SITE},
        {"t": 1_900_000_000, "n": 7, "o": SITE},
        {"t": 1_900_000_000, "n": "nonce", "o": None},
        {"n": "nonce", "o": SITE},
    ]
    assert [tokens.check(signer.dumps(shape), SITE).signal for shape in shapes] == [FORGED] * len(shapes)
    assert tokens.check(signer.dumps({"t": time.time(), "n": "nonce", "o": SITE}), SITE).signal == (
        "" if age == "fresh" else STALE
    ), "the same signer makes a token the intake reads"


def test_an_expired_token_with_a_broken_payload_is_forged_not_stale(tokens, clock):
    from itsdangerous import URLSafeTimedSerializer

    from intake.tokens import SALT

    serializer = URLSafeTimedSerializer(b"test-secret", salt=SALT)
    broken = serializer.make_signer(SALT).sign(b"!not-base64-json!").decode()
    clock.advance(7201)
    assert tokens.check(broken, SITE).signal == FORGED


def test_a_site_at_a_long_address_gets_tokens_that_check(clock):
    """The origin is signed into the token, so a long one makes a long token: a site at a host name of
    the longest kind DNS allows (253 characters) still gets tokens that pass."""
    letters = random.Random(253)  # a name that does not compress (the token is zlib-compressed when shorter)
    host = ".".join("".join(letters.choices(string.ascii_lowercase, k=49)) for _ in range(5)) + ".org"
    assert len(host) == 253
    origin = f"https://{host}"
    tokens = FormTokens(b"test-secret", max_age=7200, min_seconds=3, clock=clock)
    token = tokens.issue(origin)
    clock.advance(30)
    assert tokens.check(token, origin).signal == ""


def test_an_overlong_or_non_ascii_value_is_forged_without_an_error(tokens):
    assert tokens.check("a" * 5000, SITE).signal == FORGED
    assert tokens.check("caf\u00e9." * 3, SITE).signal == FORGED
