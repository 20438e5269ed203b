"""What a visitor reads when the intake refuses a form post (no JavaScript): the site's layout, the
contact page again with what they typed and why at the top, and the address to write to instead.
Real HTTP against the built site and the intake on one origin; the browser's side is in
tests/contact/test_refusals_browser.py."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.intake.support import database_locked, sample_application, sample_lead

ADDRESS = "hello@example.com"  # the organisation's e-mail (pelicanconf.py ORGANIZATION), from _intake/site.json


def read(reply) -> BeautifulSoup:
    assert reply.headers["content-type"].startswith("text/html")
    assert "content-security-policy" in reply.headers
    return BeautifulSoup(reply.body, "html.parser")


def assert_in_the_sites_layout(page: BeautifulSoup) -> None:
    assert page.find("header", class_="site-header") and page.find("nav", attrs={"aria-label": "Main"})
    assert page.find("footer")
    assert page.find("link", rel="stylesheet")
    assert len(page.find_all("h1")) == 1


def assert_the_contact_page_keeps(page: BeautifulSoup, sent: dict[str, str]) -> BeautifulSoup:
    """The contact page, titled "Error: ...", with the notice at the top and every value as sent."""
    assert page.title.string.startswith("Error: ")
    forms = page.find_all("form", attrs={"data-contact-form": True})
    assert len(forms) == 1
    form = forms[0]
    notice = form.find(attrs={"data-error-summary": True})
    assert notice["role"] == "alert" and notice.h2.get_text(strip=True) == "Your message was not sent"
    assert form.find_all(recursive=False)[0] is notice, "the reason comes first"
    assert notice.find("a", href=f"mailto:{ADDRESS}").get_text(strip=True) == ADDRESS
    for name in ("name", "email", "phone", "company", "zip_code"):
        assert form.find("input", attrs={"name": name})["value"] == sent[name], name
    assert form.find("textarea", attrs={"name": "message"}).get_text().removeprefix("\r\n") == sent["message"]
    assert form.find("input", attrs={"name": "role", "value": sent["role"]}).has_attr("checked")
    assert form.find("select", attrs={"name": "team_size"}).find("option", selected=True)["value"] == sent["team_size"]
    return notice


def test_too_many_posts_get_the_contact_page_back_with_what_was_typed_and_the_address(make_intake, smtp, built_site):
    site = make_intake(output=built_site, INTAKE_RATE_LIMIT_POSTS="1", **smtp.env())
    assert site.post(sample_lead(1), json_reply=False).status == 303
    sent = {**sample_lead(2), "company": "Example <b>Supply</b> & Co", "message": "Line one\nline <two> & three"}
    reply = site.post(sent, json_reply=False)
    assert reply.status == 429 and int(reply.headers["retry-after"]) > 0
    page = read(reply)
    assert_in_the_sites_layout(page)
    notice = assert_the_contact_page_keeps(page, sent)
    assert "several messages in a short time" in notice.get_text() and "minutes and send it again" in notice.get_text()
    assert site.store.count_leads() == 1


def test_an_application_refused_keeps_the_applicants_answers(make_intake, smtp, built_site):
    site = make_intake(output=built_site, INTAKE_RATE_LIMIT_POSTS="1", **smtp.env())
    site.post(sample_lead(1))
    sent = sample_application(2)
    page = read(site.post(sent, json_reply=False))
    form = page.find("form", attrs={"data-contact-form": True})
    assert form.find("input", attrs={"name": "enquiry_kind", "value": "partner"}).has_attr("checked")
    assert form.find("input", attrs={"name": "territory"})["value"] == sent["territory"]
    assert form.find("input", attrs={"name": "profile_url"})["value"] == sent["profile_url"]
    assert form.find("select", attrs={"name": "experience"}).find("option", selected=True)["value"] == "6-10"


def test_a_post_from_another_origin_is_refused_with_the_page_and_nothing_stored(make_intake, smtp, built_site):
    site = make_intake(output=built_site, **smtp.env())
    sent = sample_lead(3)
    reply = site.post(sent, json_reply=False, headers={"Origin": "https://www.example.org"})
    assert reply.status == 403
    page = read(reply)
    assert_in_the_sites_layout(page)
    notice = assert_the_contact_page_keeps(page, sent)
    assert "only accepts messages sent from our own website" in notice.get_text()
    assert site.store.count_leads() == 0


def test_a_busy_database_gets_the_contact_page_back_with_what_was_typed(make_intake, smtp, built_site):
    site = make_intake(output=built_site, INTAKE_BUSY_SECONDS="1", **smtp.env())
    sent = sample_lead(4)
    with database_locked(site.app.settings.database):
        reply = site.post(sent, json_reply=False)
    assert reply.status == 503 and int(reply.headers["retry-after"]) > 0
    page = read(reply)
    assert_in_the_sites_layout(page)
    notice = assert_the_contact_page_keeps(page, sent)
    assert "send it again in a minute" in notice.get_text()
    assert site.store.count_leads() == 0


def test_a_post_too_large_to_read_gets_a_page_in_the_layout_with_the_address_and_the_way_back(
    make_intake, smtp, built_site
):
    site = make_intake(output=built_site, **smtp.env())
    reply = site.post({**sample_lead(5), "message": "x" * 70_000}, json_reply=False)
    assert reply.status == 413
    page = read(reply)
    assert_in_the_sites_layout(page)
    main = page.find("main")
    assert main.h1.get_text(strip=True) == "Your message was not sent"
    assert "too long to send" in main.get_text()
    assert main.find("a", href=f"mailto:{ADDRESS}")
    assert "Back button" in main.get_text()
    assert main.find("a", href="/contact/").has_attr("data-back-to-form"), "with JavaScript: back to the form as it was"
    assert site.store.count_leads() == 0


def test_without_a_built_site_a_refusal_still_keeps_the_values_and_names_the_head_office(make_intake, smtp, tmp_path):
    # No built site, whatever the worktree's output/ holds (another test may have built one there).
    site = make_intake(INTAKE_RATE_LIMIT_POSTS="1", INTAKE_OUTPUT_PATH=str(tmp_path / "no-site"), **smtp.env())
    site.post(sample_lead(1))
    sent = sample_lead(2)
    page = read(site.post(sent, json_reply=False))
    head_office = site.app.site.directory.head_office
    assert page.find("a", href=f"mailto:{head_office.email}")
    assert page.find("input", attrs={"name": "name"})["value"] == sent["name"]
