"""The interactive states (quiz steps, error and result; the contact form's errors; the
partner found by the locator) pass axe, and work under the real CSP with a clean console.

Which states exist is decided from the project (states.py: plugin, content or
markup), never from a hand-kept list: a feature that is on the site must have
its states checked, and the test fails if its walk cannot reach them.

Both builds are walked: the development build as `invoke serve` runs it, and the
minified publish build served with the intake at the origin it was built for.
"""

from __future__ import annotations

import pytest

from tests.axe import assert_no_axe_violations

from .states import WALKS
from .visit import foreign

pytestmark = pytest.mark.browser


@pytest.fixture(params=["development", "publish"])
def served(request) -> str:
    """The base URL of each build: `invoke serve` (development), the publish build with the intake."""
    if request.param == "development":
        return request.getfixturevalue("live_server")
    return request.getfixturevalue("served_publish_build")[0]


def _walk_or_skip(name: str, built_site):
    feature, walk = WALKS[name]
    evidence = feature.evidence(built_site)
    if not evidence:
        looked_for = [f"plugin {feature.plugin!r} in PLUGINS", f"'{feature.markup}' on {feature.page}"]
        if feature.content_glob:
            looked_for.insert(1, f"content/{feature.content_glob}")
        pytest.skip(
            f"{feature.name}: not on this site yet (looked for {', '.join(looked_for)}); "
            "its states are checked as soon as one of those exists"
        )
    return feature, walk, evidence


@pytest.mark.parametrize("name", list(WALKS))
@pytest.mark.browser_context_args(bypass_csp=True, reduced_motion="reduce")
def test_interactive_states_have_no_axe_violations(page, served, built_site, name):
    feature, walk, evidence = _walk_or_skip(name, built_site)
    checked = []
    try:
        for label in walk(page, served):
            assert_no_axe_violations(page, label)
            checked.append(label)
    except AssertionError as failure:
        raise AssertionError(f"{failure}\n(expected because: {'; '.join(evidence)})") from None
    assert checked, f"{feature.name}: expected ({'; '.join(evidence)}) but no state was checked"


@pytest.mark.parametrize("name", list(WALKS))
def test_interactive_states_work_under_the_csp_without_other_hosts(page, served, built_site, name):
    feature, walk, evidence = _walk_or_skip(name, built_site)
    netloc = served.split("//", 1)[1]
    messages, foreign_requests = [], []
    page.route(lambda url: foreign(url, netloc), lambda route: route.abort())
    page.on("request", lambda request: foreign_requests.append(request.url) if foreign(request.url, netloc) else None)
    page.on(
        "console", lambda m: messages.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda error: messages.append(f"uncaught exception: {error}"))
    labels = list(walk(page, served))
    assert labels, f"{feature.name}: expected ({'; '.join(evidence)}) but no state was reached"
    assert not messages, f"{feature.name}: console errors or CSP violations while walking {labels}:\n" + "\n".join(
        messages
    )
    assert not foreign_requests, f"{feature.name}: requests to other hosts while walking {labels}: {foreign_requests}"
