"""The contact form in Chromium: local partner, pre-filling, errors, posting, token, accessibility."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from sales_leadership.contact.forms import asked
from tests.axe import assert_no_axe_violations
from tests.contact.servers import form_endpoint, site_with_intake
from tests.contact.support import contact_form
from tests.contact.test_forms import VALID
from tests.support import build, static_server

pytestmark = pytest.mark.browser

PREVIEW = "[data-partner-preview]"


@pytest.fixture(scope="module")
def url_mode_site(tmp_path_factory):
    """The site built with CONTACT_BACKEND mode "url", posting to a real endpoint on 127.0.0.1."""
    with form_endpoint() as (endpoint, received, endpoint_state):
        output = tmp_path_factory.mktemp("url-mode") / "output"
        build(output, CONTACT_BACKEND={"mode": "url", "url": endpoint})
        with static_server(output) as url:
            endpoint_state["redirect_to"] = f"{url}/contact/thanks/"
            yield url, received


@pytest.fixture
def a11y_page(browser):
    """A page whose context ignores the CSP, so axe-core can be injected."""
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def fill_valid(page, zip_code="80202"):
    page.fill("#contact-name", "Ann Owner")
    page.fill("#contact-email", "ann@example.com")
    page.fill("#contact-phone", "(303) 555-0199")
    page.fill("#contact-company", "Owner & Co")
    page.fill("#contact-zip_code", zip_code)
    page.check("input[name=role][value=part-time]")
    page.select_option("#contact-team_size", "small")
    page.fill("#contact-message", "We have six salespeople and no sales manager.")
    page.check("#contact-consent")


def test_typing_a_zip_code_shows_the_local_partner(page, site_url):
    page.goto(site_url + "/contact/")
    assert page.locator(PREVIEW).inner_text() == ""
    page.type("#contact-zip_code", "80202")
    preview = page.locator(PREVIEW)
    preview.get_by_text("Dana Whitfield").wait_for()
    assert "Denver, CO" in preview.inner_text()
    assert preview.locator("a[href='tel:+13035550142']").inner_text() == "(303) 555-0142"
    assert preview.locator("a", has_text="Book a call").get_attribute("href").startswith("https://")
    assert preview.locator("img").get_attribute("src") == "/partners/denver/avatar.svg"
    page.fill("#contact-zip_code", "77002")
    preview.get_by_text("Grace Okafor").wait_for()
    page.fill("#contact-zip_code", "")
    page.select_option("#contact-state", "NE")
    preview.get_by_text("Jordan Ellis").wait_for()
    assert "head office will reply" in preview.inner_text()


def test_role_and_kind_are_prefilled_from_the_address(page, site_url):
    """`?role=` and `?kind=` (the quiz's own hand-off is tested from the quiz: tests/quiz/test_handoff.py)."""
    page.goto(f"{site_url}/contact/?role=fractional-cro")
    assert page.is_checked("input[name=role][value=fractional-cro]")
    assert page.input_value("#contact-quiz_answers") == ""
    assert page.locator("[data-quiz-handoff]").is_hidden(), "no quiz answers, no 'From your quiz'"
    page.goto(f"{site_url}/contact/?kind=partner&role=not-a-role")
    assert page.is_checked("input[name=enquiry_kind][value=partner]")
    assert page.is_checked("input[name=role][value=not-sure]")
    page.locator(PREVIEW).get_by_text("Jordan Ellis").wait_for()


def test_submitting_empty_shows_the_error_summary_linked_to_the_fields(page, site_url):
    page.goto(site_url + "/contact/")
    page.click("button[type=submit]")
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert page.url.endswith("/contact/")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    links = summary.locator("a")
    messages = links.all_inner_texts()
    assert messages[:3] == ["Enter your name", "Enter your email address", "Enter your company's name"]
    assert "Enter your ZIP code, or choose your state" in messages
    assert "Tick the box to agree to be contacted, so we can reply" in messages
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")[1:]
        links.nth(index).click()
        assert page.evaluate("document.activeElement.id") == target
    name_error = page.locator("#contact-name-error")
    assert " ".join(name_error.text_content().split()) == "Error: Enter your name"
    assert "contact-name-error" in page.get_attribute("#contact-name", "aria-describedby")
    assert page.get_attribute("#contact-name", "aria-invalid") == "true"
    page.fill("#contact-name", "Ann")
    page.click("button[type=submit]")
    assert "Enter your name" not in summary.inner_text()
    assert page.locator("#contact-name-error").count() == 0


def test_a_filled_form_posts_the_expected_fields_and_thanks_says_who_will_call(page, url_mode_site):
    site, received = url_mode_site
    page.goto(f"{site}/contact/?role=fractional-cro")
    fill_valid(page)
    page.check("input[name=role][value=fractional-cro]")
    with page.expect_navigation(url=f"{site}/contact/thanks/"):
        page.click("button[type=submit]")
    fields = received.last()
    assert fields["name"] == ["Ann Owner"] and fields["email"] == ["ann@example.com"]
    assert fields["company"] == ["Owner & Co"] and fields["zip_code"] == ["80202"]
    assert fields["role"] == ["fractional-cro"] and fields["enquiry_kind"] == ["leadership"]
    assert fields["team_size"] == ["small"] and fields["revenue"] == [""]
    assert fields["consent"] == ["y"] and fields["website"] == [""]
    assert fields["quiz_answers"] == [""]
    assert fields["partner"] == [""], "no partner chosen: the area decides"
    # The applicant's questions are disabled for a company's inquiry: not sent.
    assert set(fields) == {field.name for field in contact_form() if asked(field, "leadership")}
    # The server validates what the browser sent with the same form.
    assert contact_form(MultiDict(received.posts[-1])).validate()
    page.locator("[data-thanks-partner]").get_by_text("Dana Whitfield").wait_for()
    assert "in Denver, CO will call or email you" in page.locator("[data-thanks-partner]").inner_text()
    # The partner's number is a link a phone can dial.
    assert page.locator("[data-thanks-partner] a[href^='tel:']").get_attribute("href") == "tel:+13035550142"


def test_the_form_posts_without_javascript(browser, url_mode_site):
    site, received = url_mode_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/contact/")
    fill_valid(page, zip_code="77002")
    with page.expect_navigation(url=f"{site}/contact/thanks/"):
        page.click("button[type=submit]")
    assert received.last()["zip_code"] == ["77002"]
    assert received.last()["started"] == [""]
    context.close()


def test_the_intake_token_is_fetched_once_on_first_interaction_and_sent(page, built_site):
    with site_with_intake(built_site) as (site, received):
        page.goto(site + "/contact/")
        assert received.token_requests == 0, "no token before the visitor does anything"
        page.click("#contact-name")
        # A function, not an expression: Playwright evals a bare expression in the page while it polls,
        # which the site's CSP (no 'unsafe-eval') refuses whenever the token is not there at once.
        page.wait_for_function("() => document.querySelector('#contact-started').value !== ''")
        fill_valid(page)
        with page.expect_navigation(url=f"{site}/contact/thanks/"):
            page.click("button[type=submit]")
        assert received.last()["started"] == ["token-123"]
        assert received.token_requests == 1


def test_a_failed_token_fetch_is_ignored(page, built_site):
    with site_with_intake(built_site, token=None) as (site, received):
        page.goto(site + "/contact/")
        fill_valid(page)
        with page.expect_navigation(url=f"{site}/contact/thanks/"):
            page.click("button[type=submit]")
        assert received.token_requests == 1
        assert received.last()["started"] == [""]


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("zip_code", ["80202", "80202-1234", "8020", "802021", "80202-", "8o202"]),
        ("email", ["ann@example.com", "a@b.co", "a@b", "ann", "a b@c.de", "ann@@example.com"]),
        ("phone", ["(303) 555-0142", "+1 303.555.0142", "555", "call me"]),
        ("name", ["Ann", "x" * 100]),
        # An applicant's question; its pattern must also compile under the `v` flag browsers use.
        ("profile_url", ["https://www.linkedin.com/in/pat", "http://cv.example.com/pat?x=1#a", "linkedin.com/in/pat"]),
    ],
)
def test_the_browser_and_the_server_agree_on_each_value(page, site_url, name, values):
    kind = "partner" if name == "profile_url" else "leadership"
    console = []  # Chromium reports a pattern it cannot compile here, and then ignores it
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.goto(site_url + f"/contact/?kind={kind}")
    for value in values:
        page.fill(f"#contact-{name}", value)
        browser_valid = page.evaluate(f"document.getElementById('contact-{name}').validity.valid")
        server = contact_form(MultiDict({**VALID, "enquiry_kind": kind, name: value}))
        server.validate()
        assert browser_valid == (name not in server.errors), (name, value, server.errors.get(name))
    assert console == []


def test_no_console_errors_under_the_content_security_policy(page, site_url):
    messages = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    for path in ("/contact/", "/contact/thanks/", "/partners/"):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
    assert messages == []


def test_axe_finds_nothing_on_the_empty_form_and_the_error_state(a11y_page, site_url):
    a11y_page.goto(site_url + "/contact/")
    assert_no_axe_violations(a11y_page, "contact form")
    a11y_page.click("button[type=submit]")
    a11y_page.locator("[data-error-summary]").wait_for()
    a11y_page.fill("#contact-zip_code", "80202")
    a11y_page.locator(PREVIEW).get_by_text("Dana Whitfield").wait_for()
    assert_no_axe_violations(a11y_page, "contact form")


def test_mailto_mode_opens_an_email_to_the_routed_partner(page, tmp_path):
    output = tmp_path / "mailto-mode"
    build(output, CONTACT_BACKEND={"mode": "mailto"})
    with static_server(output) as site:
        page.goto(site + "/contact/")
        fill_valid(page)
        page.click("button[type=submit]")
        status = page.locator("[data-mailto-status]")
        status.wait_for()
        assert "your message to Dana Whitfield" in status.inner_text()
        assert page.url == site + "/contact/", "the form itself is not posted anywhere"
