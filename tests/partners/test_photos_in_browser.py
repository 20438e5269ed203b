"""Partner photos in Chromium: the browser picks a copy it can show at the screen's density, and
the page does not move when the photo arrives. The shipped head office has a (sample) photo."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PROFILE = "/partners/head-office/"

# Layout shifts since the page started loading (the PerformanceObserver replays them: buffered),
# each with what moved, from where to where: a failure must say which element jumped.
LAYOUT_SHIFTS = """() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      const moved = (entry.sources || []).map(source => {
        const node = source.node;
        const name = node && node.nodeType === 1
          ? node.outerHTML.slice(0, 120) : String(node && node.textContent).slice(0, 60);
        return `${name} ${JSON.stringify(source.previousRect)} -> ${JSON.stringify(source.currentRect)}`;
      });
      shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${moved.join("; ")}`);
    }
  }).observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(shifts)));
})"""

LOADED = "img => img.complete && img.naturalWidth > 0"


def photo_state(locator) -> dict:
    locator.scroll_into_view_if_needed()
    locator.page.wait_for_function(f"img => ({LOADED})(img)", arg=locator.element_handle())
    box = locator.bounding_box()
    return {
        "current": locator.evaluate("img => new URL(img.currentSrc).pathname"),
        "natural": locator.evaluate("img => img.naturalWidth"),
        "size": (round(box["width"]), round(box["height"])),
    }


@pytest.mark.parametrize(("scale", "copy"), [(1, "photo-112.avif"), (2, "photo-224.avif")])
def test_the_profile_shows_the_avif_copy_for_the_screen_density(new_context, site_url, scale, copy):
    page = new_context(viewport={"width": 390, "height": 844}, device_scale_factor=scale).new_page()
    page.goto(site_url + PROFILE)
    state = photo_state(page.locator("img.partner-photo--large"))
    # naturalWidth is in CSS px: the 2x copy's 224 pixels count as 112.
    assert state == {"current": PROFILE + copy, "natural": 112, "size": (112, 112)}


@pytest.mark.parametrize("width", [390, 1280])
def test_the_profile_does_not_move_when_the_photo_arrives(new_context, site_url, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(site_url + PROFILE)
    photo_state(page.locator("img.partner-photo--large"))
    shifts = page.evaluate(LAYOUT_SHIFTS)
    assert not shifts, "the page moved while loading:\n  " + "\n  ".join(shifts)


def test_the_directory_card_shows_the_card_size_copy_when_scrolled_to(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "/partners/")
    photo = page.locator("#partner-head-office").locator("xpath=ancestor::article").locator("img.partner-photo")
    assert photo.get_attribute("loading") == "lazy"
    assert photo_state(photo) == {"current": "/partners/head-office/photo-72.avif", "natural": 72, "size": (72, 72)}
    initials = page.locator("#partner-denver").locator("xpath=ancestor::article").locator("img.partner-photo")
    assert photo_state(initials)["current"] == "/partners/denver/avatar.svg"


def test_the_photo_sits_where_the_initials_would(new_context, site_url):
    """The <picture> around a photo lays out like the lone <img> of the initials (its <source>
    elements once took gaps in the row and pushed the photo 64 px to the right)."""
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    lefts = {}
    for slug in ("head-office", "denver"):
        page.goto(site_url + f"/partners/{slug}/")
        lefts[slug] = page.locator("img.partner-photo--large").bounding_box()["x"]
        assert lefts[slug] == page.locator("h1").bounding_box()["x"], slug
    page.goto(site_url + "/partners/")
    for slug in ("head-office", "denver"):
        card = page.locator(f"#partner-{slug}").locator("xpath=ancestor::article")
        photo = card.locator("img.partner-photo")
        photo.scroll_into_view_if_needed()
        assert photo.bounding_box()["x"] - card.bounding_box()["x"] < 30, slug
