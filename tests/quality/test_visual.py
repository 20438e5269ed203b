"""The publish build looks exactly like the development build: every page, at 390 and 1280 px.

Both builds come from the same sources; the publish build is minified and uses absolute URLs.
Anything a visitor would see differently (an unstyled field, a moved heading, a missing icon)
is a failure naming the page and the width; the screenshots are kept in reports/visual/.
"""

from __future__ import annotations

import pytest

from .visual import WIDTHS, camera, clear_reports, compare, keep_for_review, picture, same_shot

pytestmark = pytest.mark.browser


def test_both_builds_have_the_same_pages(site_pages, served_publish_build):
    _, publish_pages = served_publish_build
    assert sorted(publish_pages) == sorted(site_pages)


def test_every_page_of_the_publish_build_looks_like_the_development_build(browser, site_url, served_publish_build):
    publish_url, pages = served_publish_build
    clear_reports()
    problems = []
    for width in WIDTHS:
        with camera(browser, site_url, width) as development, camera(browser, publish_url, width) as publish:
            for path in sorted(pages):
                expected_png, actual_png = development(path), publish(path)
                if same_shot(expected_png, actual_png):
                    continue
                expected, actual = picture(expected_png), picture(actual_png)
                comparison = compare(f"{path} at {width}px", expected, actual)
                problem = comparison.problem()
                if problem:
                    problems.append(problem)
                    keep_for_review(comparison, expected, actual)
    assert not problems, (
        f"{len(problems)} page view(s) of the publish build look different from the development build "
        "(screenshots in reports/visual/):\n  " + "\n  ".join(problems)
    )
