"""The partner locator on /partners/ in Chromium, and the directory's accessibility."""

from __future__ import annotations

import pytest

from tests.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser

RESULT = "[data-partner-result]"


def test_typing_a_zip_code_shows_the_partner_and_a_way_to_write_to_them(page, site_url):
    page.goto(site_url + "/partners/")
    page.type("#locator-zip", "80202")
    result = page.locator(RESULT)
    result.get_by_text("Dana Whitfield").wait_for()
    assert "Your local partner" in result.inner_text()
    page.fill("#locator-zip", "77002")
    result.get_by_text("Grace Okafor").wait_for()
    assert "Your local partner" in result.inner_text()
    page.fill("#locator-zip", "68102")
    result.get_by_text("Tom Lindqvist").wait_for()
    assert "nearest" in result.inner_text()
    result.get_by_role("link", name="Send Tom a message").click()
    page.wait_for_url("**/contact/?zip_code=68102")
    assert page.input_value("#contact-zip_code") == "68102"
    page.locator("[data-partner-preview]").get_by_text("Tom Lindqvist").wait_for()


def test_a_state_alone_finds_its_partner_or_the_head_office(page, site_url):
    page.goto(site_url + "/partners/")
    page.select_option("#locator-state", "WA")
    page.locator(RESULT).get_by_text("Hannah Cho").wait_for()
    assert "Your local partner for Washington" in page.locator(RESULT).inner_text()
    page.select_option("#locator-state", "NE")
    page.locator(RESULT).get_by_text("Jordan Ellis").wait_for()
    assert "head office will reply" in page.locator(RESULT).inner_text()


def test_submitting_without_a_location_says_what_to_enter(page, site_url):
    page.goto(site_url + "/partners/")
    page.click(".locator button[type=submit]")
    assert page.url.endswith("/partners/")
    page.locator(RESULT).get_by_text("Enter your ZIP code or choose your state").wait_for()


def test_without_javascript_the_locator_opens_the_contact_form(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/partners/")
    page.fill("#locator-zip", "80202")
    page.click(".locator button[type=submit]")
    page.wait_for_url("**/contact/?zip_code=80202&state=")
    assert page.locator("form[data-contact-form]").is_visible()
    context.close()


def test_axe_finds_nothing_on_the_directory_and_a_profile(browser, site_url):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + "/partners/")
    page.fill("#locator-zip", "80202")
    page.locator(RESULT).get_by_text("Dana Whitfield").wait_for()
    assert_no_axe_violations(page, "partners")
    page.goto(site_url + "/partners/denver/")
    assert_no_axe_violations(page, "a partner profile")
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["/partners/", "/partners/head-office/", "/contact/"])
def test_no_horizontal_scroll(page, site_url, width, path):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
