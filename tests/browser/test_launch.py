"""The test browser is launched as tests/chromium.py says: Playwright's own switches kept, the
address bar's unseen drop-downs not built for every browser context."""

from __future__ import annotations

import pytest

from tests.chromium import DISABLED_FEATURES, UNSEEN_BROWSER_UI

pytestmark = pytest.mark.browser


def _switch_values(command_line: str, name: str) -> list[list[str]]:
    """Every value of `--name=a,b` on the command line, in order (Chromium uses the last)."""
    prefix = f"--{name}="
    return [word[len(prefix) :].split(",") for word in command_line.split() if word.startswith(prefix)]


def test_playwrights_disabled_features_are_all_still_disabled(page):
    page.goto("chrome://version")
    values = _switch_values(page.inner_text("#command_line"), "disable-features")
    assert len(values) >= 2, f"expected Playwright's --disable-features and ours, got {values}"
    playwrights, effective = values[0], values[-1]
    dropped = sorted(set(playwrights) - set(effective))
    assert not dropped, (
        f"Playwright now disables {dropped} too, and our --disable-features (which replaces its list) "
        "turns them back on: add them to PLAYWRIGHT_DISABLED_FEATURES in tests/chromium.py"
    )
    assert effective == list(DISABLED_FEATURES)


def test_a_new_browser_context_builds_no_address_bar_drop_down(browser):
    context = browser.new_context()
    try:
        context.new_page().set_content("<p>A page</p>")
        devtools = browser.new_browser_cdp_session()
        urls = [target["url"] for target in devtools.send("Target.getTargets", {})["targetInfos"]]
    finally:
        context.close()
    assert "about:blank" in urls, urls  # the page itself is listed, so the list is complete
    omnibox = [url for url in urls if "omnibox" in url]
    assert not omnibox, f"{UNSEEN_BROWSER_UI} are on again: each new context builds {omnibox}"
