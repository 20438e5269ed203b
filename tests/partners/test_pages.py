"""/partners/ and the profile pages, read from the built site as a visitor and a search engine would."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sales_leadership.partners.model import load_directory
from sales_leadership.partners.routing import explain_head_office, explain_routing
from sales_leadership.partners.zip_data import us_states
from tests.support import CONTENT, ROOT, soup


@pytest.fixture(scope="module")
def directory():
    return load_directory(CONTENT)


def json_ld(page) -> list[dict]:
    items = []
    for block in page.find_all("script", type="application/ld+json"):
        data = json.loads(block.string)
        items.extend(data if isinstance(data, list) else [data])
    return items


def test_partners_is_in_the_main_navigation_before_insights(built_site):
    labels = [a.get_text(strip=True) for a in soup(built_site / "index.html").select("nav[aria-label=Main] a")]
    assert labels.index("Insights") == labels.index("Partners") + 1
    assert labels[-1] == "Take the quiz", "the quiz is the navigation's call to action, its last entry"


def test_the_directory_lists_every_partner_and_the_head_office(built_site, directory):
    page = soup(built_site / "partners" / "index.html")
    assert page.h1.get_text(strip=True) == "Find your local partner"
    profile_links = {a["href"] for a in page.select(".partner-card .partner-name a")}
    assert profile_links == {partner.url for partner in directory.partners}
    head_office = page.find(id="head-office").find_parent("section")
    assert directory.head_office.name in head_office.get_text()


def test_the_locator_box_asks_for_a_zip_code_or_a_state(built_site):
    page = soup(built_site / "partners" / "index.html")
    form = page.find("form", attrs={"data-partner-locator": True})
    assert form["action"] == "/contact/" and form["method"] == "get"
    zip_input = form.find("input", attrs={"name": "zip_code"})
    assert page.find("label", attrs={"for": zip_input["id"]}).get_text(strip=True) == "ZIP code"
    assert zip_input["autocomplete"] == "postal-code" and zip_input["inputmode"] == "numeric"
    state = form.find("select", attrs={"name": "state"})
    assert page.find("label", attrs={"for": state["id"]})
    assert [option["value"] for option in state.find_all("option") if option["value"]] == list(us_states())
    assert form.find(attrs={"data-partner-result": True})["aria-live"] == "polite"


def test_the_lookup_table_is_in_the_page_without_partner_email_addresses(built_site, directory):
    block = soup(built_site / "partners" / "index.html").find("script", id="partner-lookup")
    assert block["type"] == "application/json"
    lookup = json.loads(block.string)
    assert set(lookup["partners"]) == {partner.slug for partner in directory.partners}
    assert lookup["headOffice"] == directory.head_office.slug
    assert "@" not in block.string, "the server-backed form needs no partner e-mail addresses in the page"


def test_each_profile_has_contact_details_and_local_business_data(built_site, directory):
    for partner in directory.partners:
        page = soup(built_site / "partners" / partner.slug / "index.html")
        assert page.h1.get_text(strip=True) == partner.name
        assert page.find("a", href=partner.phone_uri).get_text(strip=True) == partner.phone
        assert page.find("a", href=f"mailto:{partner.email}")
        business = next(item for item in json_ld(page) if item["@type"] == "ProfessionalService")
        assert business["telephone"] == partner.phone and business["email"] == partner.email
        assert business["address"]["addressRegion"] == partner.state
        assert business["employee"]["@type"] == "Person" and business["employee"]["name"] == partner.name
        if partner.states:
            assert {area["name"] for area in business["areaServed"]} == {name for _, name in partner.territory_states}
        if partner.booking_url:
            assert page.find("a", href=partner.booking_url)
        crumbs = [a.get_text(strip=True) for a in page.select("nav[aria-label=Breadcrumb] a")]
        assert crumbs == ["Home", "Partners", partner.name]


def test_partners_without_a_photo_get_a_generated_placeholder(built_site, directory):
    without_photo = [partner for partner in directory.partners if partner.photo is None]
    assert without_photo, "the sample partners should show the placeholder too"
    for partner in without_photo:
        image = soup(built_site / "partners" / partner.slug / "index.html").find("img", class_="partner-photo")
        assert image["src"] == partner.image_url == f"/partners/{partner.slug}/avatar.svg"
        placeholder = built_site / partner.image_url.lstrip("/")
        assert placeholder.is_file()
        svg = soup(placeholder)
        assert svg.find("text").get_text() == partner.initials


def test_sample_partners_carry_a_sample_badge_in_a_development_build(built_site, directory):
    cards = soup(built_site / "partners" / "index.html").select(".partner-card")
    assert len(cards) == len(directory.partners)
    for card in cards:
        assert card.find(class_="badge", string="Sample"), card.h3.get_text(strip=True)
    for partner in directory.partners:
        head = soup(built_site / "partners" / partner.slug / "index.html").find(class_="page-head")
        assert head.find(class_="badge", string="Sample"), partner.slug


def test_the_zip_data_is_credited_under_its_licence(built_site):
    for path in ("partners/index.html", "contact/index.html"):
        footer = soup(built_site / path).find("footer")
        assert "CC BY 4.0" in footer.get_text() and footer.find(
            "a", href="https://creativecommons.org/licenses/by/4.0/"
        )


def test_invoke_route_prints_the_partner_and_why():
    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "invoke", "route", *args], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout

    text = run("80202")
    assert "Dana Whitfield" in text and "rule: state" in text and "Colorado" in text
    data = json.loads(run("77002", "--json"))
    assert (data["partner"]["slug"], data["rule"]) == ("houston", "zip-prefix")
    assert data["reason"].startswith("Grace Okafor covers ZIP codes starting with 770")
    assert json.loads(run("NE", "--json"))["rule"] == "head-office"


def test_faq_partners_and_head_office_profile_say_the_same(built_site):
    def text(page):
        return " ".join(soup(built_site / page).find("main").get_text(" ").split())

    assert explain_routing() in text("faq/index.html")
    assert explain_routing() in text("partners/index.html")
    assert explain_head_office() in text("partners/index.html")
    assert explain_head_office() in text("partners/head-office/index.html")
    assert explain_routing() in text("contact/thanks/index.html")
    for page in ("faq/index.html", "partners/index.html", "partners/head-office/index.html"):
        assert "areas that have no local partner yet" not in text(page)
