"""The site's explanation of routing is made from routing.PATHS, and PATHS is what `route` and
`route_enquiry` do: an example of every step of every path is routed by exactly that rule.
The pages that print the explanation are read in test_pages.py."""

from __future__ import annotations

import pytest

from sales_leadership.partners.model import load_directory
from sales_leadership.partners.routing import (
    CHOSEN,
    PATHS,
    RULE_WORDS,
    RULES,
    _join,
    explain_head_office,
    explain_routing,
    route,
    route_enquiry,
)

# One inquiry for each step of each path, on the small directory of conftest.py (Denver owns CO,
# Houston owns prefix 770, Austin owns TX, the head office owns nothing), or on a directory with
# only the head office ("empty").
EXAMPLES = {
    ("zip", "zip-prefix"): ("small", {"zip_code": "77002"}),
    ("zip", "state"): ("small", {"zip_code": "75201"}),
    ("zip", "nearest"): ("small", {"zip_code": "68102"}),
    ("zip", "head-office"): ("empty", {"zip_code": "68102"}),
    ("state", "state"): ("small", {"state": "CO"}),
    ("state", "head-office"): ("small", {"state": "NE"}),
    ("application", "head-office"): ("small", {"zip_code": "80202", "enquiry_kind": "partner"}),
    ("abroad", "head-office"): ("small", {"zip_code": "80202", "country": "CA"}),
}


@pytest.fixture
def directories(small_directory, tmp_path):
    from tests.partners.conftest import write_partner

    empty = tmp_path / "empty"
    write_partner(empty, "hq", City="Philadelphia", State="PA", Head_office="yes")
    return {"small": small_directory, "empty": load_directory(empty)}


def test_every_step_of_every_path_is_what_the_router_does(directories):
    assert {(path.kind, rule) for path in PATHS for rule in path.rules} == set(EXAMPLES)
    for (kind, rule), (directory, inquiry) in EXAMPLES.items():
        inquiry = dict(inquiry)
        found = route_enquiry(directories[directory], inquiry.pop("enquiry_kind", "leadership"), **inquiry)
        assert found.rule == rule, (kind, rule, found.reason)


def test_paths_cover_every_rule_and_each_ends_at_the_head_office():
    assert {rule for path in PATHS for rule in path.rules} == set(RULES) - {CHOSEN}, "the choice comes before any path"
    assert all(path.rules[-1] == "head-office" for path in PATHS)


def test_the_zip_path_is_tried_in_its_order(small_directory):
    """A prefix owner wins over the state's owner, who wins over a nearer partner."""
    assert route(small_directory, "77002").rule == "zip-prefix"  # Houston's prefix, in Austin's Texas
    zip_path = next(path for path in PATHS if path.kind == "zip")
    assert zip_path.rules.index("zip-prefix") < zip_path.rules.index("state") < zip_path.rules.index("nearest")


def test_the_explanation_names_each_step_in_order():
    text = explain_routing()
    for path in PATHS:
        steps = [RULE_WORDS[rule] for rule in path.rules if rule != "head-office"]
        if steps:
            sentence = next(s for s in text.split(". ") if s.startswith(path.inquiry))
            positions = [sentence.index(words) for words in steps]
            assert positions == sorted(positions), path.kind
        else:
            assert path.inquiries.lower() in text.lower(), path.kind
    assert text.endswith(f"any inquiry no partner covers go to {RULE_WORDS['head-office']}.")
    assert "nearest" in text and "head office" in text


def test_the_explanation_visitors_read_word_for_word():
    """What the FAQ, /partners/ and the contact page say (`[[routing]]`, `[[routing.head-office]]`)."""
    assert explain_routing() == (
        "An inquiry with a US ZIP code goes to the partner who covers the first three digits of that ZIP code; "
        "if no partner does, to the partner who covers the state; if none does, to the nearest partner. "
        "An inquiry with only a state goes to the partner who covers the state. "
        "Applications to become a partner, inquiries from outside the US and any inquiry no partner covers "
        "go to our head office."
    )
    assert explain_head_office() == (
        "Our head office answers applications to become a partner, inquiries from outside the US and any "
        "inquiry no partner covers, such as an inquiry with only a state where no partner works yet."
    )


def test_lists_in_the_explanation_read_as_english():
    assert _join(["one"]) == "one"
    assert _join(["one", "two"]) == "one and two"
    assert _join(["one", "two", "three"]) == "one, two and three"
