"""The walks in states.py, proven on stand-ins that follow the contracts of docs/design.md.

On a branch without the quiz or the contact form, the real-state tests skip;
these keep the walks themselves honest (they reach every state, and fail
when a page does not react), so they work the day the features arrive.
The stand-ins live in fixtures/contract-site/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.axe import assert_no_axe_violations
from tests.support import static_server

from .states import LOCATOR_ZIP, walk_contact_error, walk_locator, walk_quiz

pytestmark = pytest.mark.browser

CONTRACT_SITE = Path(__file__).parent / "fixtures" / "contract-site"


@pytest.fixture(scope="module")
def contract_site_url():
    with static_server(CONTRACT_SITE) as url:
        yield url


@pytest.mark.browser_context_args(bypass_csp=True)
def test_quiz_walk_reaches_each_step_the_error_and_the_result(page, contract_site_url):
    labels = []
    for label in walk_quiz(page, contract_site_url):
        assert_no_axe_violations(page, label)
        labels.append(label)
    assert labels == [
        "/quiz/ step 1 (How many salespeople do you have?)",
        "/quiz/ error: step 1 sent without an answer",
        "/quiz/ step 2 (What is your annual revenue?)",
        "/quiz/ result (part-time)",
    ]


def test_contact_walks_reach_the_error_state_and_the_located_partner(page, contract_site_url):
    assert list(walk_contact_error(page, contract_site_url)) == ["/contact/ error state (form sent empty)"]
    assert list(walk_locator(page, contract_site_url)) == [f"/contact/ partner found for ZIP {LOCATOR_ZIP}"]


def test_walks_fail_with_the_page_and_the_reason_when_nothing_reacts(page, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(CONTRACT_SITE, site)
    for script in site.rglob("*.js"):
        script.write_text("// does nothing\n", encoding="utf-8")
    with static_server(site) as url:
        with pytest.raises(AssertionError, match="/quiz/: sending step 1 without an answer showed no error"):
            list(walk_quiz(page, url))
        with pytest.raises(AssertionError, match="/contact/: after typing ZIP"):
            list(walk_locator(page, url))
