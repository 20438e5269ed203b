"""The spam verdict on its own: each layer's signal, and what the score decides."""

from __future__ import annotations

import pytest

from intake.verdict import DELIVER, DROP, HOLD, judge
from tests.intake.support import sample_lead


def test_a_clean_post_with_a_good_token_is_delivered_with_score_zero():
    verdict = judge(sample_lead())
    assert (verdict.outcome, verdict.score, verdict.signals) == (DELIVER, 0, ())


def test_a_clean_post_without_javascript_is_delivered():
    verdict = judge(sample_lead(), "token-missing")
    assert verdict.outcome == DELIVER
    assert verdict.reasons == ["no form token (no JavaScript)"]


def test_a_person_who_names_their_website_is_still_delivered():
    post = {**sample_lead(), "message": "We sell pumps (see acme-pumps.com) and need a part-time sales manager."}
    assert judge(post, "token-missing").outcome == DELIVER


@pytest.mark.parametrize(
    "change, signal",
    [
        ({"website": "http://x.example"}, "honeypot"),
        ({"name": "Visit https://cheap.example now"}, "link-in-name"),
        ({"name": "bestdeals.xyz"}, "domain-in-name"),
        ({"company": "www.rank-one.example"}, "link-in-company"),
        ({"message": "Hello <script>alert(1)</script> there, we need help with sales."}, "markup"),
        ({"message": "[url=http://x.example]click[/url] please read this message now"}, "markup"),
        ({"message": "Hello <b>there</b>, we need a sales manager for our team of six."}, "html-tags"),
        ({"message": "a.com b.com c.com d.com e.com f.com are our sites, call us about sales."}, "links-in-message-5"),
        ({"message": "http://a.example http://b.example http://c.example"}, "links-in-message-3"),
        ({"message": "See https://offer.example"}, "mostly-a-link"),
        ({"message": "We offer SEO services and backlinks to rank your website."}, "phrases-2:seo offer"),
        ({"message": "Invest in bitcoin with our trading bot for passive income."}, "phrases-2:crypto or money"),
        ({"name": "xbfjrkqz", "message": "sdfgsdfg dfghdfgh qwertyui zxcvzxcv"}, "gibberish"),
    ],
)
def test_each_content_signal_is_found(change, signal):
    assert signal in judge({**sample_lead(), **change}).signals


def test_the_same_body_from_other_addresses_and_a_busy_client_are_signals():
    assert "same-body" in judge(sample_lead(), other_senders=1).signals
    assert "rate" in judge(sample_lead(), busy_client=True).signals


def test_a_reused_token_replaces_what_the_token_said():
    verdict = judge(sample_lead(), "", reused=True)
    assert verdict.signals == ("token-reused",)
    assert verdict.outcome == HOLD


def test_doubtful_posts_are_held_and_only_a_programs_fingerprints_drop_one():
    links = "http://a.example http://b.example http://c.example"
    seo = {**sample_lead(), "message": f"We offer SEO services, backlinks and guest posts: {links}"}
    content_only = judge(seo, "token-missing")
    assert content_only.score >= 7 and content_only.outcome == HOLD, "content alone never drops a lead"
    assert judge(seo, "token-too-fast").outcome == DROP
    assert judge({**sample_lead(), "website": "x"}, "token-forged").outcome == DROP
    assert judge({**sample_lead(), "website": "x"}).outcome == HOLD, "a filled honeypot alone: autofill happens"
