"""The rate limiter and the origin check, on their own."""

from __future__ import annotations

from intake.abuse import MAX_TRACKED_CLIENTS, RateLimiter, origin_allowed, origin_of


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


def test_a_limit_of_zero_or_less_switches_the_rate_limit_off():
    for limit in (0, -1):
        limiter = RateLimiter(limit=limit, window=60)
        assert [limiter.hit("a", now=moment / 10) for moment in range(1000)] == [0.0] * 1000


def test_a_hit_exactly_one_window_old_has_left_the_window():
    limiter = RateLimiter(limit=1, window=60)
    assert limiter.hit("a", now=100) == 0
    assert limiter.hit("a", now=159.5) > 0
    assert limiter.recent("a", now=160) == 0
    assert limiter.hit("a", now=160) == 0
    assert limiter.recent("a", now=160) == 1


def test_only_the_hits_that_left_the_window_make_room():
    limiter = RateLimiter(limit=3, window=60)
    for moment in (0, 10, 20):
        assert limiter.hit("a", now=moment) == 0
    assert limiter.hit("a", now=65) == 0, "the hit at 0 left the window: one place is free"
    assert limiter.recent("a", now=65) == 3
    assert limiter.hit("a", now=66) == 4.0, "the hit at 10 leaves the window at 70"


def test_the_client_is_told_when_to_try_again_never_less_than_a_second():
    limiter = RateLimiter(limit=2, window=60)
    limiter.hit("a", now=0)
    limiter.hit("a", now=30)
    assert limiter.hit("a", now=1) == 59.0
    assert limiter.hit("a", now=45) == 15.0
    assert limiter.hit("a", now=59.75) == 1.0
    assert limiter.hit("a", now=60) == 0


def test_refused_posts_do_not_count_so_waiting_the_time_given_always_works():
    limiter = RateLimiter(limit=1, window=60)
    limiter.hit("a", now=0)
    waits = [limiter.hit("a", now=moment) for moment in range(1, 60, 5)]
    assert all(wait > 0 for wait in waits)
    assert limiter.hit("a", now=0 + 60) == 0


def test_many_idle_clients_are_forgotten_and_an_active_client_is_still_limited():
    """The memory cap: at MAX_TRACKED_CLIENTS clients, those idle for a whole window are dropped, nobody else."""
    limiter = RateLimiter(limit=2, window=60)
    for number in range(MAX_TRACKED_CLIENTS - 2):
        limiter.hit(f"idle-{number}", now=30)
    limiter.hit("busy", now=25)  # its first hit is older than a window when the cap is reached ...
    limiter.hit("busy", now=70)  # ... its last one is not
    limiter.hit("recent", now=85)
    assert len(limiter._hits) == MAX_TRACKED_CLIENTS
    assert limiter.hit("newcomer", now=90) == 0, "idle since exactly one window (30): forgotten"
    assert set(limiter._hits) == {"busy", "recent", "newcomer"}
    assert limiter.hit("busy", now=91) == 0
    assert limiter.hit("busy", now=92) == 38.0, "the busy client's hit at 70 was kept"


def test_below_the_cap_no_client_is_forgotten():
    limiter = RateLimiter(limit=1, window=60)
    for number in range(MAX_TRACKED_CLIENTS - 1):
        limiter.hit(f"idle-{number}", now=0)
    assert limiter.hit("newcomer", now=80) == 0
    assert len(limiter._hits) == MAX_TRACKED_CLIENTS


def test_a_flood_of_active_clients_never_grows_past_the_cap():
    limiter = RateLimiter(limit=1, window=60)
    for number in range(MAX_TRACKED_CLIENTS + 10):
        assert limiter.hit(f"client-{number}", now=number / MAX_TRACKED_CLIENTS) == 0
        assert len(limiter._hits) <= MAX_TRACKED_CLIENTS


def test_an_origin_is_compared_as_scheme_and_host_whatever_the_case_path_or_spaces():
    allowed = ("https://www.example.com",)
    assert origin_allowed(" HTTPS://WWW.Example.com ", None, allowed)
    assert origin_allowed(None, "https://www.example.com/contact/?role=interim", allowed)
    assert not origin_allowed("http://www.example.com", None, allowed), "another scheme is another origin"
    assert not origin_allowed("https://www.example.com:8443", None, allowed), "so is another port"
    assert not origin_allowed("www.example.com", None, allowed), "no scheme: not an origin"
    assert not origin_allowed("https://evil.example.net", "https://www.example.com/contact/", allowed), (
        "the Origin header decides when a browser sends one"
    )
    assert not origin_allowed("", "https://evil.example.net/", allowed), "an empty Origin: the Referer decides"


def test_an_origin_is_a_scheme_and_a_host_or_nothing():
    assert origin_of(" HTTPS://WWW.Example.com:8443/contact/?x=1 ") == "https://www.example.com:8443"
    for not_an_origin in ("null", "https:/contact/", "//www.example.com/contact/", "www.example.com", ""):
        assert origin_of(not_an_origin) == "", not_an_origin
