"""The intake beside the built site, on one origin: what `invoke serve` runs, read as a visitor would."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from sales_leadership.headers.policy import headers_for, load_rules
from tests.intake.support import sample_lead


@pytest.fixture
def site(make_intake, smtp, built_site):
    return make_intake(output=built_site, **smtp.env())


def test_pages_are_served_with_the_headers_from_the_built_headers_file(site, built_site):
    expected = headers_for(load_rules(built_site), "/contact/")
    assert expected, "the build should write _headers"
    reply = site.request("GET", "/contact/")
    assert reply.status == 200
    page = BeautifulSoup(reply.body, "html.parser")
    assert page.find("form", attrs={"data-contact-form": True})["action"] == "/api/contact"
    for name, value in expected.items():
        assert reply.headers[name.lower()] == value


def test_clean_urls_redirect_and_missing_pages_get_the_404_page(site):
    moved = site.request("GET", "/contact")
    assert moved.status == 301 and moved.headers["location"] == "/contact/"
    missing = site.request("GET", "/no-such-page/")
    assert missing.status == 404
    assert BeautifulSoup(missing.body, "html.parser").find("h1")
    assert site.request("GET", "/../pelicanconf.py").status == 404


def test_api_requests_reach_the_intake(site):
    assert site.request("GET", "/api/health").json()["status"] == "ok"
    assert site.post(sample_lead()).status == 201


def test_a_failed_form_post_gets_the_contact_page_back_with_errors_and_values(site):
    post = {**sample_lead(), "name": "", "email": "not-an-email", "company": "Example <b>Supply</b> & Co"}
    reply = site.post(post, json_reply=False)
    assert reply.status == 422
    assert reply.headers["content-type"].startswith("text/html")
    assert "content-security-policy" in reply.headers
    page = BeautifulSoup(reply.body, "html.parser")
    assert page.title.string.startswith("Error: ")
    assert len(page.find_all("h1")) == 1
    summary = page.find(attrs={"data-error-summary": True})
    links = {a.get_text(strip=True): a["href"] for a in summary.find_all("a")}
    assert links["Enter your name"] == "#contact-name"
    assert "#contact-email" in links.values()
    form = page.find("form", attrs={"data-contact-form": True})
    assert form.find("input", attrs={"name": "company"})["value"] == "Example <b>Supply</b> & Co"
    # A browser drops the newline right after <textarea>, as WTForms intends.
    kept_message = form.find("textarea", attrs={"name": "message"}).get_text().removeprefix("\r\n")
    assert kept_message == sample_lead()["message"]
    assert len(page.find_all("form", attrs={"data-contact-form": True})) == 1
    assert site.store.count_leads() == 0
