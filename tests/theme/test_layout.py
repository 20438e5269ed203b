"""The site in Chromium: phone and desktop widths, keyboard only, skip link."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
PAGES = ["/", "/compare/", "/roles/part-time-sales-manager/", "/faq/", "/insights/", "/pricing/"]


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


VISIBLE_NAV_TARGETS = """() => [...document.querySelectorAll('nav[aria-label=Main] :is(a, summary)')]
    .filter(e => e.checkVisibility({visibilityProperty: true}))
    .map(e => e.textContent.trim())"""


def _tab_until(page, text: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"Tab never reached {text!r}")


@pytest.mark.parametrize("width", WIDTHS)
def test_main_navigation_works_by_keyboard_alone(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/")
    if width < 1024:  # a phone: one "Menu" button, which opens the list
        assert page.evaluate(VISIBLE_NAV_TARGETS) == ["Menu"]
        _tab_until(page, "Menu")
        page.keyboard.press("Enter")
    targets = [text for text in page.evaluate(VISIBLE_NAV_TARGETS) if text != "Menu"]
    assert targets[0] == "Roles" and targets[-1] == "Take the quiz" and "Partners" in targets
    reached = []
    for _ in range(len(targets) + 3):
        page.keyboard.press("Tab")
        text = page.evaluate(
            "document.activeElement.closest('nav[aria-label=Main]') && document.activeElement.textContent"
        )
        if text and text.strip() != "Menu":
            reached.append(text.strip())
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"no visible focus on {text!r}"
    assert reached == targets
    # Open the Roles group with the keyboard and follow "Compare all four" with Enter.
    page.goto(site_url + "/")
    if width < 1024:
        _tab_until(page, "Menu")
        page.keyboard.press("Enter")
    _tab_until(page, "Roles")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Compare all four"
    page.keyboard.press("Enter")
    page.wait_for_url("**/compare/")
    assert page.locator("h1").inner_text().startswith("Compare the options")


@pytest.mark.parametrize("width", WIDTHS)
def test_role_pages_are_reachable_from_the_navigation(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/")
    if width < 1024:
        page.get_by_text("Menu", exact=True).click()
    page.locator("nav[aria-label=Main] summary", has_text="Roles").click()
    page.locator("nav[aria-label=Main] a", has_text="Fractional CSO").click()
    page.wait_for_url("**/roles/fractional-cso/")


def test_the_phone_header_is_one_row_and_its_menu_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 72, f"the header is {header['height']}px tall: more than one row"
    assert not page.locator("nav[aria-label=Main] a[href='/partners/']").is_visible()
    page.get_by_text("Menu", exact=True).click()
    assert page.locator("nav[aria-label=Main] a[href='/partners/']").is_visible()
    page.locator("nav[aria-label=Main] summary", has_text="Roles").click()
    page.locator("nav[aria-label=Main] a[href='/roles/interim-sales-manager/']").click()
    page.wait_for_url("**/roles/interim-sales-manager/")
    context.close()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_home_page_asks_for_action_above_the_fold(page, site_url, width, height):
    """Who it is for, what the choice is and both actions are on the first screen."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + "/")
    hero = page.locator(".hero")
    for selector in (".eyebrow", "h1", ".lead", "a[href='/quiz/']", "a[href='/contact/']"):
        box = hero.locator(selector).first.bounding_box()
        assert box and box["y"] + box["height"] <= height, f"{selector} is below the fold at {width}px"
    assert "salespeople" in hero.locator(".eyebrow").inner_text().lower()
    assert "four" in hero.locator(".lead").inner_text()


def test_targets_are_at_least_44px_tall_in_navigation(page, site_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + "/")
    page.get_by_text("Menu", exact=True).click()
    page.locator("nav[aria-label=Main] summary", has_text="Roles").click()
    heights = page.locator("nav[aria-label=Main] :is(a, summary)").evaluate_all(
        "els => els.filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect().height)"
    )
    assert len(heights) >= 13 and min(heights) >= 44
