"""The publish build looks and reads exactly like the development build: every page, at 390
and 1280 px.

Both builds come from the same sources; the publish build is minified and uses absolute URLs.
Anything a visitor would see differently (an unstyled field, a moved heading, a missing icon)
is a failure naming the page and the width; the screenshots are kept in reports/visual/.
So is any difference in the document the browser built (an element, an attribute, a text),
seen or not: this is what lets the accessibility gate audit the publish build alone.
"""

from __future__ import annotations

import pytest

from .visual import WIDTHS, camera, clear_reports, compare, document_difference, keep_for_review, picture, same_shot

pytestmark = pytest.mark.browser


def test_both_builds_have_the_same_pages(site_pages, served_publish_build):
    _, publish_pages = served_publish_build
    assert sorted(publish_pages) == sorted(site_pages)


def test_every_page_of_the_publish_build_looks_and_reads_like_the_development_build(
    browser, site_url, served_publish_build
):
    publish_url, pages = served_publish_build
    clear_reports()
    problems = []
    for width in WIDTHS:
        with camera(browser, site_url, width) as development, camera(browser, publish_url, width) as publish:
            for path in sorted(pages):
                label = f"{path} at {width}px"
                expected_view, actual_view = development(path), publish(path)
                document_problem = document_difference(label, expected_view.document, actual_view.document)
                if document_problem:
                    problems.append(document_problem)
                if same_shot(expected_view.png, actual_view.png):
                    continue
                expected, actual = picture(expected_view.png), picture(actual_view.png)
                comparison = compare(label, expected, actual)
                problem = comparison.problem()
                if problem:
                    problems.append(problem)
                    keep_for_review(comparison, expected, actual)
    assert not problems, (
        f"{len(problems)} page view(s) of the publish build look or read differently from the development build "
        "(screenshots in reports/visual/):\n  " + "\n  ".join(problems)
    )
