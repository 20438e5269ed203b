"""The site in Chromium: phone and desktop widths, keyboard only, skip link."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
PAGES = ["/", "/compare/", "/roles/part-time-sales-manager/", "/faq/", "/insights/"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_scroll(page, site_url, width, path):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"


def test_skip_link_is_first_and_moves_focus_to_main(page, site_url):
    page.goto(site_url + "/compare/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.getElementById('main').contains(document.activeElement)")
    assert inside_main, "the next Tab after the skip link should land inside the main content"


@pytest.mark.parametrize("width", WIDTHS)
def test_main_navigation_works_by_keyboard_alone(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/")
    nav_links = page.locator("nav[aria-label=Main] a")
    labels = nav_links.all_inner_texts()
    reached = []
    for _ in range(len(labels) + 3):
        page.keyboard.press("Tab")
        text = page.evaluate(
            "document.activeElement.closest('nav[aria-label=Main]') && document.activeElement.textContent"
        )
        if text:
            reached.append(text.strip())
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"no visible focus on {text!r}"
    assert reached == [label.strip() for label in labels]
    # Follow one link with the keyboard: focus "Compare options" and press Enter.
    page.goto(site_url + "/")
    while page.evaluate("document.activeElement.textContent.trim()") != "Compare options":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/compare/")
    assert page.locator("h1").inner_text().startswith("Compare the options")


def test_targets_are_at_least_44px_tall_in_navigation(page, site_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + "/")
    heights = page.locator("nav[aria-label=Main] a").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert min(heights) >= 44
