"""Every built page, loaded in Chromium under the site's real CSP, as a first-time visitor:
within the weight budget, no request to another host, nothing missing, a clean console.

Both builds are loaded: the publish build (minified, absolute URLs; what visitors download,
served at the origin it was built for) and the development build (`invoke build`/`serve`).
"""

from __future__ import annotations

import pytest

from . import report
from .visit import visit_all
from .weight import budget_problems, weigh, weight_table

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=["publish", "development"])
def visits(request, browser):
    if request.param == "publish":
        base_url, pages = request.getfixturevalue("served_publish_build")
    else:
        base_url, pages = request.getfixturevalue("site_url"), request.getfixturevalue("site_pages")
    return request.param, visit_all(browser, base_url, pages)


def test_every_page_is_within_the_weight_budget(visits):
    build, pages = visits
    weights = [weigh(visit) for visit in pages]
    report.record(f"page-weight-{build}", f"Page weight, {build} build ({len(weights)} pages)", weight_table(weights))
    problems = budget_problems(weights)
    assert not problems, f"pages over the weight budget ({build} build):\n  " + "\n  ".join(problems)


def test_no_page_requests_another_host(visits):
    build, pages = visits
    offenders = [f"{visit.path}: {url}" for visit in pages for url in visit.foreign_requests]
    assert not offenders, f"requests to hosts other than the site's own ({build} build):\n  " + "\n  ".join(offenders)


def test_every_request_a_page_makes_succeeds(visits):
    build, pages = visits
    failed = [f"{visit.path}: {request}" for visit in pages for request in visit.failed_requests]
    bad_status = [f"{visit.path}: HTTP {visit.status}" for visit in pages if visit.status != 200]
    problems = failed + bad_status
    assert not problems, f"missing files or failed requests ({build} build):\n  " + "\n  ".join(problems)


def test_every_page_loads_under_the_csp_with_a_clean_console(visits):
    build, pages = visits
    messages = [f"{visit.path}: {message}" for visit in pages for message in visit.console]
    assert not messages, f"console errors, warnings or CSP violations ({build} build):\n  " + "\n  ".join(messages)
