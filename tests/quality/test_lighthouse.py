"""Lighthouse (mobile defaults) scores at least 95 in every category on the key pages.

The six pages run once per session, one after another in one Chromium (about
7 s each), and the scores are printed as a table.
"""

from __future__ import annotations

import pytest

from tests.conftest import chromium_path

from . import report
from .lighthouse import audit_pages, scores_table
from .states import Feature
from .tools import LIGHTHOUSE, REPORTS, chrome_binary, missing_tools

# Alone: Lighthouse's performance score measures this machine too; `invoke test` runs it after the rest.
pytestmark = [pytest.mark.browser, pytest.mark.alone]

PARTNERS = Feature("partner directory", "/partners/", "partner_directory", "partners/*.md", "main")
# (page, the feature that brings it): a page a feature brings may be absent while the feature is.
PAGES = [
    ("/", None),
    ("/compare/", None),
    ("/roles/part-time-sales-manager/", None),
    ("/quiz/", None),
    ("/contact/", None),
    ("/partners/", PARTNERS),
]


def _present(built_site, path: str) -> bool:
    return (built_site / path.lstrip("/") / "index.html").is_file()


@pytest.fixture(scope="session")
def lighthouse_results(site_url, built_site):
    problems = missing_tools(LIGHTHOUSE)
    assert not problems, "; ".join(problems)
    chrome = chrome_binary(chromium_path())
    pages = [(site_url + path, path) for path, _ in PAGES if _present(built_site, path)]
    results = audit_pages(pages, chrome, REPORTS / "lighthouse")
    report.record("lighthouse", "Lighthouse scores", scores_table(list(results.values())))
    return results


@pytest.mark.parametrize(("path", "feature"), PAGES, ids=[path for path, _ in PAGES])
def test_lighthouse_scores_at_least_95(lighthouse_results, built_site, path, feature):
    if path not in lighthouse_results:
        evidence = feature.evidence(built_site) if feature else []
        if feature and not evidence:
            pytest.skip(f"{path}: not built on this site yet ({feature.name} not present)")
        pytest.fail(f"{path} was not built, but it should be ({'; '.join(evidence) or 'a core page'})")
    problems = lighthouse_results[path].problems()
    assert not problems, "\n".join(problems)
