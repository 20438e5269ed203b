"""The browser tests drive Chromium's headless shell (tools/chromium.py): a new browser context
is a page and nothing else, so the hundreds of contexts and page loads a run makes cost pages only."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import chromium_path

pytestmark = pytest.mark.browser


def test_a_new_browser_context_builds_nothing_but_its_page(browser):
    context = browser.new_context()
    try:
        context.new_page().set_content("<p>A page</p>")
        devtools = browser.new_browser_cdp_session()
        targets = devtools.send("Target.getTargets", {})["targetInfos"]
    finally:
        context.close()
    urls = [target["url"] for target in targets]
    assert "about:blank" in urls, urls  # the page itself is listed, so the list is complete
    others = [f"{target['type']} {target['url']}" for target in targets if target["url"] != "about:blank"]
    assert not others, (
        f"each new browser context also builds {others}: this is the full browser, not the headless shell "
        "(install Debian's chromium-headless-shell, or point CHROMIUM_HEADLESS_SHELL at it)"
    )


def test_pages_are_drawn_by_the_same_chromium_as_the_browser(browser):
    """The headless shell and the browser Lighthouse runs come from one Chromium release, so what
    the browser tests see is what that Chromium draws."""
    browser_version = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True, check=True)
    assert browser.version in browser_version.stdout, (browser.version, browser_version.stdout)
