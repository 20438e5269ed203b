"""End to end in Chromium: a person fills the real contact form, the partner for their ZIP gets the e-mail."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sales_leadership.partners.routing import route
from tests.intake.support import wait_until

pytestmark = pytest.mark.browser

HOUSTON_ZIP = "77002"  # Texas belongs to one partner, the 770-777 prefixes to another


def test_a_prospect_submits_the_form_and_the_partner_for_their_zip_receives_it(page, make_intake, smtp, built_site):
    # Playwright types faster than any person; the too-fast check has its own tests.
    site = make_intake(output=built_site, INTAKE_MIN_FILL_SECONDS="0", **smtp.env())
    owner = route(site.app.site.directory, zip_code=HOUSTON_ZIP).partner
    assert owner.state == "TX" and owner != site.app.site.directory.state_owner("TX")

    page.goto(site.url + "/contact/")
    page.get_by_role("textbox", name="Your name").fill("Alex Morgan")
    page.get_by_label("Email address").fill("alex.morgan@example.com")
    page.get_by_role("textbox", name="Company").fill("Bayou Industrial Supply")
    page.get_by_role("textbox", name="ZIP code").fill(HOUSTON_ZIP)
    page.get_by_label("Part-time / Outsourced Sales Manager").check()
    page.get_by_label("Your message").fill("Eight salespeople, no sales manager since spring. <b>Can we talk?</b>")
    page.get_by_label(re.compile("I agree to be contacted")).check()
    page.get_by_role("button", name="Send your message").click()

    page.wait_for_url(re.compile(r"/contact/thanks/\?receipt=[\w.-]+$"))
    assert "your message is on its way" in page.get_by_role("heading", level=1).inner_text()

    [lead] = site.store.leads()
    assert lead.fields["email"] == "alex.morgan@example.com" and not lead.spam
    assert lead.partner_slug == owner.slug and lead.route_rule == "zip-prefix"
    [(recipients, message)] = wait_until(lambda: list(smtp.mailbox.received), what="the partner's e-mail")
    assert recipients == [owner.email]
    assert message["Reply-To"] == "alex.morgan@example.com"
    assert "&lt;b&gt;Can we talk?&lt;/b&gt;" in message.get_body(("html",)).get_content()
    wait_until(lambda: site.store.pending_count() == 0, what="the delivery to be recorded as sent")


def test_the_pages_script_brings_a_signed_token_and_an_instant_post_is_held_as_spam(
    page, make_intake, smtp, built_site
):
    # An hour as the minimum makes any browser "too fast": it proves the token the page's script
    # fetched on first interaction reached the intake, signed, without relying on timing.
    site = make_intake(output=built_site, INTAKE_MIN_FILL_SECONDS="3600", **smtp.env())
    page.goto(site.url + "/contact/")
    page.get_by_role("textbox", name="Your name").fill("Quick Bot")
    page.get_by_label("Email address").fill("bot@example.com")
    page.get_by_role("textbox", name="Company").fill("Bots Inc")
    page.get_by_role("textbox", name="ZIP code").fill("80202")
    page.get_by_label("Your message").fill("Hello")
    page.get_by_label(re.compile("I agree to be contacted")).check()
    # expect() polls without eval, which the page's strict CSP would refuse (wait_for_function needs it).
    expect(page.locator("[name=started]")).not_to_have_value("")
    page.get_by_role("button", name="Send your message").click()

    page.wait_for_url(re.compile(r"/contact/thanks/\?receipt=[\w.-]+$"))  # looks accepted, as for a person
    [lead] = site.store.leads()
    assert lead.status == "held" and lead.spam_signals == ("token-too-fast",)
    assert site.store.deliveries(include_sent=True) == []
    assert smtp.mailbox.received == []
