"""content/data/site.yaml, read by the core: every problem at once, each naming its entry."""

from __future__ import annotations

import pytest
import yaml

from sales_leadership.errors import ContentError
from sales_leadership.site_text import load_site_text, parse_site_text
from tests.support import CONTENT

FILE = "content/data/site.yaml"


def shipped() -> dict:
    return yaml.safe_load((CONTENT / "data" / "site.yaml").read_text(encoding="utf-8"))


def problems_of(data) -> list[str]:
    with pytest.raises(ContentError) as error:
        parse_site_text(data, FILE)
    return [str(problem) for problem in error.value.problems]


def test_the_shipped_file_reads_and_declares_its_links():
    text = load_site_text(CONTENT)
    assert text.identity.name == "Sales Leadership Partners"
    assert [item.label for item in text.menus.main][:2] == ["Roles", "Our approach"]
    assert text.menus.button.url == "/quiz/"
    assert ("/partners/", "menus.main 'Partners'") in text.links
    assert ("/contact/", "role_page.buttons 'Talk to a local partner'") in text.links  # {role} is in the query


def test_every_problem_is_reported_with_its_entry():
    data = shipped()
    data["menus"]["main"][3]["url"] = "partners/"
    data["menus"]["main"][0]["items"][1]["label"] = ""
    data["organisation"]["email"] = "hello@"
    data["organisation"]["phone"] = "call us"
    data["partner_page"]["message_button"]["label"] = "Send {firstname} a message"
    data["home"]["closing_text"] = "Answer up to {questions short questions."
    data["home"]["promises"] = "Free first call"
    del data["contact_page"]["intro"]
    data["contact_page"]["lead"] = "Tell us."
    data["footer_links"] = []
    problems = problems_of(data)
    expected = [
        f"{FILE}: menus.main 'Partners'.url: 'partners/': an address on this site starts with '/', like /compare/",
        f"{FILE}: menus.main 'Roles' > entry 2.label: must be text",
        f"{FILE}: organisation.email: 'hello@' is not a valid email address",
        f"{FILE}: organisation.phone: 'call us' is not a phone number (at least 7 digits)",
        f"{FILE}: partner_page.message_button.label: {{firstname}} is not filled in by the site (here only",
        f"{FILE}: home.closing_text: a '{{' or '}}' without its pair",
        f"{FILE}: home.promises: must be a list of sentences",
        f"{FILE}: contact_page.intro: missing",
        f"{FILE}: contact_page.lead: unknown entry; contact_page has intro",
        f"{FILE}: footer_links: unknown group; the groups are site, organisation, menus,",
    ]
    for line in expected:
        assert any(problem.startswith(line) for problem in problems), f"{line}\nnot in:\n" + "\n".join(problems)
    assert len(problems) == len(expected), "\n".join(problems)


def test_a_missing_group_says_what_it_holds():
    data = shipped()
    del data["thanks_page"]
    holds = "eyebrow, applicant_eyebrow, proof_heading, case_studies_link"
    assert problems_of(data) == [f"{FILE}: thanks_page: missing; it holds {holds}"]
