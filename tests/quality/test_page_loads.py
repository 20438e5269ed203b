"""Every built page, loaded in Chromium under the site's real CSP, as a first-time visitor:
within the weight budget, no request to another host, nothing missing, a clean console.

Both builds are loaded. The weight budget is checked on the publish build: minified, with
absolute URLs, served at the origin it was built for; what visitors download. The development
build (`invoke build`/`serve`) must load as cleanly; its weights are recorded beside the publish
build's but not held to the budget: it ships comments, indentation and readable names on
purpose, about 15 KB more on /contact/ (see docs/quality-gates.md, "Weight").
"""

from __future__ import annotations

import pytest

from . import report
from .visit import visit_all
from .weight import budget_problems, weigh, weight_table

pytestmark = pytest.mark.browser


def _visit_and_record(browser, build: str, base_url: str, pages: list[str]):
    """Visit every page; the build's weight table goes into reports/page-weight-<build>.md."""
    visits = visit_all(browser, base_url, pages)
    weights = [weigh(visit) for visit in visits]
    report.record(f"page-weight-{build}", f"Page weight, {build} build ({len(weights)} pages)", weight_table(weights))
    return visits


@pytest.fixture(scope="module")
def visits_by_build(browser, served_publish_build, site_url, site_pages) -> dict:
    """Each build's visits, made once for the whole file.

    One fixture that names `browser` itself: a fixture reached through `request.getfixturevalue`
    is not parametrized by pytest-playwright's browser name, so pytest tore the browser down and
    started it again between tests, and visited all 59 pages again each time (about 2 minutes).
    """
    publish_url, publish_pages = served_publish_build
    return {
        "publish": _visit_and_record(browser, "publish", publish_url, publish_pages),
        "development": _visit_and_record(browser, "development", site_url, site_pages),
    }


@pytest.fixture(params=["publish", "development"])
def visits(request, visits_by_build):
    """(build, visits) of each build, for the checks both builds must pass."""
    return request.param, visits_by_build[request.param]


def test_every_page_is_within_the_weight_budget(visits_by_build):
    problems = budget_problems([weigh(visit) for visit in visits_by_build["publish"]])
    assert not problems, "pages over the weight budget (publish build):\n  " + "\n  ".join(problems)


def test_every_page_is_weighed_with_its_stylesheet(visits_by_build):
    """Each page is weighed as a first-time visitor downloads it: the shared stylesheet counts on every page."""
    without = [visit.path for visit in visits_by_build["publish"] if visit.bytes_of("css") == 0]
    assert not without, "pages weighed without a stylesheet (cached from an earlier page?):\n  " + "\n  ".join(without)


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
