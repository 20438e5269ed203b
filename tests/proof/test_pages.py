"""Case studies and testimonials on the built site, and the publish build's sample gate.

The development build (the session's `built_site`) shows the shipped samples, badged; a publish
build for a real origin (SITE_ORIGIN in the environment, as `invoke publish` is run) refuses to
build while any file says `Sample: yes` (case studies, testimonials and partners), and lists them all."""

from __future__ import annotations

import json
import re

import pytest

from sales_leadership.files import display_path
from sales_leadership.partners.model import load_directory
from sales_leadership.proof import load_proof
from site_guard.build import BuildFailed
from tests.support import CONTENT, PUBLISH_SETTINGS, build, copy_content, soup

ROLES = ["interim", "part-time", "fractional-cro", "fractional-cso"]
ROLE_PAGES = {
    "interim": "roles/interim-sales-manager",
    "part-time": "roles/part-time-sales-manager",
    "fractional-cro": "roles/fractional-cro",
    "fractional-cso": "roles/fractional-cso",
}


@pytest.fixture(scope="module")
def proof():
    return load_proof(CONTENT, ROLES)


def test_the_list_links_every_case_study_and_each_page_is_built(built_site, proof):
    listing = soup(built_site / "case-studies" / "index.html")
    assert listing.h1.get_text(strip=True) == "Case studies"
    linked = {a["href"] for a in listing.find("main").select("article.card h2 a")}
    assert linked == {study.url for study in proof.case_studies}
    for study in proof.case_studies:
        page = soup(built_site / study.url.strip("/") / "index.html")
        assert page.h1.get_text(strip=True) == study.title
        assert page.find("meta", attrs={"name": "description"})["content"] == study.description
        main = page.find("main")
        assert study.company in main.get_text(" ")
        figures = [dd.get_text(strip=True) for dd in main.select(".stats dd")]
        assert figures == [result.figure for result in study.results]
        assert main.find("blockquote").get_text(strip=True) == study.quote
        assert main.find(id="first-90-days"), "the body, what was done in the first 90 days, has its heading"
        crumbs = [a.get_text(strip=True) for a in page.select("nav[aria-label=Breadcrumb] a")]
        assert crumbs == ["Home", "Case studies", study.title]
        types = [item["@type"] for item in json.loads(page.find("script", type="application/ld+json").string)]
        assert "BreadcrumbList" in types
        assert page.find(attrs={"data-role": study.role}), "the page takes its role's accent"


def test_case_studies_are_in_the_sitemap_and_the_navigation(built_site, proof):
    sitemap = (built_site / "sitemap.xml").read_text()
    assert "/case-studies/</loc>" in sitemap
    assert all(f"{study.url}</loc>" in sitemap for study in proof.case_studies)
    nav = soup(built_site / "index.html").find("nav", attrs={"aria-label": "Main"})
    assert nav.find("a", href="/case-studies/")


def test_samples_are_badged_in_a_development_build(built_site, proof):
    for study in proof.case_studies:
        page = soup(built_site / study.url.strip("/") / "index.html")
        assert page.find(class_="badge", string="Sample"), study.url
    home = soup(built_site / "index.html")
    assert home.select(".quote .badge"), "testimonials on the home page carry the badge"


def test_each_role_page_lists_its_case_studies(built_site, proof):
    for role, path in ROLE_PAGES.items():
        main = soup(built_site / path / "index.html").find("main")
        linked = {a["href"] for a in main.select("article.card h3 a")}
        assert linked == {study.url for study in proof.case_studies_for(role)}, path


def test_the_home_page_shows_testimonials_and_links_case_studies(built_site, proof):
    main = soup(built_site / "index.html").find("main")
    quotes = [q.get_text(" ", strip=True) for q in main.select("figure.quote blockquote")]
    assert quotes and all(any(q == item.quote for item in proof.testimonials) for q in quotes)
    assert main.find("a", href="/case-studies/")
    assert {a["href"] for a in main.select("article.card h3 a")} <= {study.url for study in proof.case_studies}


def test_partner_profiles_show_the_testimonials_that_name_them(built_site, proof):
    named = {item.partner for item in proof.testimonials if item.partner}
    assert named, "the samples should show the feature"
    for slug in named:
        main = soup(built_site / "partners" / slug / "index.html").find("main")
        shown = {q.get_text(" ", strip=True) for q in main.select("figure.quote blockquote")}
        assert shown == {item.quote for item in proof.testimonials_for_partner(slug)}, slug


def test_a_publish_build_for_a_real_origin_fails_listing_every_sample(tmp_path, monkeypatch, proof):
    monkeypatch.setenv("SITE_ORIGIN", "https://www.example.org")
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", settings=PUBLISH_SETTINGS)
    message = str(failure.value)
    listed = re.findall(r"^\s+(\S+\.md): Sample:", message, flags=re.M)
    partners = sorted(partner.source_path for partner in load_directory(CONTENT).partners if partner.sample)
    assert partners, "the shipped partners are samples too"
    assert sorted(listed) == sorted(proof.samples + [display_path(path) for path in partners])
    assert "replace this file with a real partner's details" in message
    assert "replace this file with a real, approved story" in message


def test_without_samples_the_publish_build_for_a_real_origin_succeeds(tmp_path, monkeypatch):
    content = copy_content(tmp_path / "content")
    for folder in ("case-studies", "testimonials", "partners"):
        for path in (content / folder).glob("*.md"):
            path.write_text(path.read_text().replace("Sample: yes", "Sample: no"))
    monkeypatch.setenv("SITE_ORIGIN", "https://www.example.org")
    output = tmp_path / "output"
    build(output, content, PUBLISH_SETTINGS)
    page = (output / "case-studies" / "index.html").read_text()
    assert "https://www.example.org/case-studies/" in page and ">Sample<" not in page


def test_a_bad_case_study_fails_the_build_naming_file_and_field(tmp_path):
    content = copy_content(tmp_path / "content")
    study = content / "case-studies" / "hvac-distributor.md"
    study.write_text(study.read_text().replace("Role: part-time", "Role: vp-sales"))
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content)
    assert re.search(r"case-studies/hvac-distributor\.md: Role: unknown role 'vp-sales'", str(failure.value))
