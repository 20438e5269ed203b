"""Every built page, loaded in Chromium under the site's real CSP, as a first-time visitor:
within the weight budget, no request to another host, nothing missing, a clean console."""

from __future__ import annotations

import pytest

from . import report
from .visit import visit_all
from .weight import budget_problems, weigh, weight_table

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def visits(browser, site_url, site_pages):
    return visit_all(browser, site_url, site_pages)


def test_every_page_is_within_the_weight_budget(visits):
    weights = [weigh(visit) for visit in visits]
    report.record("page-weight", f"Page weight ({len(weights)} pages)", weight_table(weights))
    problems = budget_problems(weights)
    assert not problems, "pages over the weight budget:\n  " + "\n  ".join(problems)


def test_no_page_requests_another_host(visits):
    offenders = [f"{visit.path}: {url}" for visit in visits for url in visit.foreign_requests]
    assert not offenders, "requests to hosts other than the site's own:\n  " + "\n  ".join(offenders)


def test_every_request_a_page_makes_succeeds(visits):
    failed = [f"{visit.path}: {request}" for visit in visits for request in visit.failed_requests]
    bad_status = [f"{visit.path}: HTTP {visit.status}" for visit in visits if visit.status != 200]
    assert not failed + bad_status, "missing files or failed requests:\n  " + "\n  ".join(failed + bad_status)


def test_every_page_loads_under_the_csp_with_a_clean_console(visits):
    messages = [f"{visit.path}: {message}" for visit in visits for message in visit.console]
    assert not messages, "console errors, warnings or CSP violations:\n  " + "\n  ".join(messages)
