"""axe-core finds no WCAG 2.0/2.1/2.2 A/AA or best-practice violation on any page of the
minified publish build that is deployed, served with the intake at the origin it was built for.

Each page is audited twice: light colours at desktop width, then dark colours
(prefers-color-scheme) at phone width, so contrast in both schemes and the
mobile layout's target sizes are covered. Interactive states are in
test_interactive_states.py.

The development build is not audited again: test_visual.py proves each of its pages is the same
document as the publish build's, as the browser built it (elements, attributes, text), with the
same pixels at phone and desktop width, and those are what axe reads. Auditing it too cost a
minute of every test run and could only repeat this verdict.
"""

from __future__ import annotations

import pytest

from tests.axe import axe_violations, describe, preload_axe

from .visit import foreign

pytestmark = pytest.mark.browser

VARIANTS = [
    ("light, 1280px", "light", {"width": 1280, "height": 800}),
    ("dark, 375px", "dark", {"width": 375, "height": 800}),
]


def test_every_page_has_no_axe_violations(new_context, served_publish_build):
    site_url, site_pages = served_publish_build
    context = new_context(bypass_csp=True, reduced_motion="reduce")
    netloc = site_url.split("//", 1)[1]
    context.route(lambda url: foreign(url, netloc), lambda route: route.abort())
    preload_axe(context)
    page = context.new_page()
    failures = []
    for path in site_pages:
        for label, scheme, viewport in VARIANTS:
            # A fresh load per variant: switching the scheme on a loaded page can leave stale computed colours.
            page.emulate_media(color_scheme=scheme)
            page.set_viewport_size(viewport)
            page.goto(site_url + path)
            violations = axe_violations(page)
            if violations:
                failures.append(describe(f"{path} ({label})", violations))
    assert not failures, f"{len(failures)} page variant(s) with accessibility violations (publish build):\n" + (
        "\n".join(failures)
    )
