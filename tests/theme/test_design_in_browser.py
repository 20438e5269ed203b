"""Issue 13's small faults, checked in Chromium at a phone's and a desktop's width."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = [390, 1280]


@pytest.mark.parametrize("width", WIDTHS)
def test_chart_text_is_drawn_at_body_size_not_scaled(page, site_url, width):
    """The chart has no viewBox: its labels are 14-16 CSS px at every width (they were ~11 px on a phone)."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/compare/")
    sizes = page.locator("svg.chart text").evaluate_all(
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a)"
    )
    assert sizes and all(14 <= size <= 16 for size in sizes), sizes
    overflow = page.evaluate(
        """() => { const svg = document.querySelector('svg.chart').getBoundingClientRect();
        return [...document.querySelectorAll('svg.chart text')].filter(t => {
          const r = t.getBoundingClientRect(); return r.left < svg.left - 1 || r.right > svg.right + 1; }).length; }"""
    )
    assert overflow == 0, "a chart label runs outside the chart"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("path", "button"), [("/quiz/", "Continue"), ("/contact/", "Send your message")])
def test_the_last_button_is_clear_of_the_footer(page, site_url, width, path, button):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + path)
    bottom = page.get_by_role("button", name=button).bounding_box()
    footer = page.locator("footer.site-footer").bounding_box()
    assert footer["y"] - (bottom["y"] + bottom["height"]) >= 32


@pytest.mark.parametrize("width", WIDTHS)
def test_the_partner_photo_is_clear_of_the_bio(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/partners/denver/")
    photo = page.locator("img.partner-photo--large").bounding_box()
    bio = page.locator(".partner-bio").bounding_box()
    assert bio["y"] - (photo["y"] + photo["height"]) >= 24
    assert "replace this file" not in page.locator("main").inner_text()


@pytest.mark.parametrize("width", WIDTHS)
def test_role_pages_have_a_summary_first_and_on_this_page(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/roles/part-time-sales-manager/")
    summary = page.locator("aside.glance")
    first_section = page.locator("main h2#what-the-role-is")
    assert summary.bounding_box()["y"] < first_section.bounding_box()["y"]
    toc = page.locator("nav[aria-label='On this page']")
    if width >= 1024:  # beside the text, open
        assert toc.locator("a").first.is_visible()
        assert toc.bounding_box()["x"] > first_section.bounding_box()["x"] + 400
    else:  # a closed disclosure above the text
        assert not toc.locator("a").first.is_visible()
        toc.get_by_text("On this page").click()
        assert toc.locator("a").first.is_visible()
