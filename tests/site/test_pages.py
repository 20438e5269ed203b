"""The built site, read as a visitor and a search engine would read it."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.support import CONTENT, html_files, soup, url_of

EXPECTED_PAGES = [
    "/",
    "/compare/",
    "/approach/",
    "/faq/",
    "/about/",
    "/privacy/",
    "/become-a-partner/",
    "/quiz/",
    "/contact/",
    "/contact/thanks/",
    "/roles/interim-sales-manager/",
    "/roles/part-time-sales-manager/",
    "/roles/fractional-cro/",
    "/roles/fractional-cso/",
    "/insights/",
    "/404.html",
]
ROLE_IDS = ["interim", "part-time", "fractional-cro", "fractional-cso"]
COMPARISON_ROWS = [
    "Hours per week",
    "engagement length",
    "Employment",
    "company size",
    "salespeople",
    "revenue",
    "Scope",
    "leadership team",
    "Marketing",
    "full-time hire",
    "Best when",
]


@pytest.fixture(scope="module")
def pages(built_site):
    return {url_of(built_site, path): soup(path) for path in html_files(built_site)}


def json_ld_types(page) -> list[str]:
    types = []
    for block in page.find_all("script", type="application/ld+json"):
        data = json.loads(block.string)
        for item in data if isinstance(data, list) else [data]:
            assert item["@context"] == "https://schema.org"
            types.append(item["@type"])
    return types


def test_every_expected_page_is_built(pages):
    missing = [url for url in EXPECTED_PAGES if url not in pages]
    assert not missing, f"pages not built: {missing}"


def test_every_article_in_content_is_built(pages):
    slugs = []
    for source in sorted((CONTENT / "articles").glob("*.md")):
        header = source.read_text(encoding="utf-8").split("\n\n", 1)[0]
        slug = next(line.split(":", 1)[1].strip() for line in header.splitlines() if line.lower().startswith("slug:"))
        slugs.append(slug)
    assert len(slugs) >= 4
    for slug in slugs:
        assert f"/insights/{slug}/" in pages, f"article {slug} missing"


def _noindex(page) -> bool:
    robots = page.find("meta", attrs={"name": "robots"})
    return bool(robots) and "noindex" in robots["content"]


def test_each_page_has_lang_one_h1_title_description_and_canonical(pages):
    for url, page in pages.items():
        assert page.html.get("lang") == "en", url
        assert len(page.find_all("h1")) == 1, f"{url} must have exactly one h1"
        assert page.title and page.title.string.strip(), f"{url} has no <title>"
        description = page.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) >= 50, f"{url} has no useful meta description"
        canonical = page.find("link", rel="canonical")
        if _noindex(page):  # kept out of search results (site_meta): no canonical to point at
            assert canonical is None, f"{url} is noindex but names a canonical URL"
        else:
            assert canonical and canonical["href"].startswith("http"), f"{url} has no absolute canonical link"
        assert page.find("meta", property="og:title"), f"{url} has no Open Graph title"


def test_titles_and_descriptions_are_unique(pages):
    titles = Counter(page.title.string.strip() for page in pages.values())
    descriptions = Counter(page.find("meta", attrs={"name": "description"})["content"] for page in pages.values())
    assert [t for t, n in titles.items() if n > 1] == []
    assert [d for d, n in descriptions.items() if n > 1] == []


def test_canonical_urls_name_the_page_itself(pages, built_site):
    for url, page in pages.items():
        if _noindex(page):
            continue
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical.endswith(url), f"{url} canonical is {canonical}"


def test_json_ld_parses_and_has_the_expected_types(pages):
    for url, page in pages.items():
        types = json_ld_types(page)
        assert "Organization" in types, url
        assert ("WebSite" in types) == (url == "/"), f"{url}: the WebSite belongs to the home page only"
        if url != "/":
            assert "BreadcrumbList" in types, url
    articles = [url for url in pages if url.startswith("/insights/") and url.count("/") == 3 and "/category" not in url]
    articles = [
        url for url in articles if not url.startswith(("/insights/tag", "/insights/page", "/insights/categories"))
    ]
    assert articles
    for url in articles:
        assert "Article" in json_ld_types(pages[url]), url
    assert "FAQPage" in json_ld_types(pages["/faq/"])


def test_faq_page_has_at_least_ten_questions_in_markup_and_data(pages):
    faq = pages["/faq/"]
    data = next(
        item
        for block in faq.find_all("script", type="application/ld+json")
        for item in json.loads(block.string)
        if item["@type"] == "FAQPage"
    )
    questions = [entry["name"] for entry in data["mainEntity"]]
    assert len(questions) >= 10
    headings = [
        h2.get_text(strip=True) for h2 in faq.find("main").find_all("h2") if not h2.find_parent(["aside", "nav"])
    ]
    assert headings == questions
    assert all(entry["acceptedAnswer"]["text"] for entry in data["mainEntity"])


def test_comparison_table_has_every_role_and_row(pages):
    table = pages["/compare/"].find("table")
    assert table.caption and table.caption.get_text(strip=True)
    column_headers = [th.get_text(" ", strip=True) for th in table.thead.find_all("th", scope="col")]
    for name in ["Interim Sales Manager", "Part-time", "Fractional CRO", "Fractional CSO"]:
        assert any(name in header for header in column_headers), name
    row_headers = [th.get_text(" ", strip=True) for th in table.tbody.find_all("th", scope="row")]
    for label in COMPARISON_ROWS:
        assert any(label.lower() in header.lower() for header in row_headers), f"row {label!r} missing"
    for row in table.tbody.find_all("tr"):
        cells = row.find_all("td")
        assert len(cells) == 4 and all(cell.get_text(strip=True) for cell in cells)


def test_comparison_chart_is_an_accessible_svg(pages):
    svg = pages["/compare/"].find("svg", class_="chart")
    assert svg["role"] == "img"
    assert svg.find("title").get_text() and svg.find("desc").get_text()
    assert len(svg.find_all("rect", class_="chart-bar")) == 4


@pytest.mark.parametrize(
    ("url", "role"),
    [
        ("/roles/interim-sales-manager/", "interim"),
        ("/roles/part-time-sales-manager/", "part-time"),
        ("/roles/fractional-cro/", "fractional-cro"),
        ("/roles/fractional-cso/", "fractional-cso"),
    ],
)
def test_role_pages_cover_what_an_owner_asks(pages, url, role):
    page = pages[url]
    headings = [h2.get_text(strip=True) for h2 in page.find_all("h2")]
    for section in [
        "What the role is",
        "Who it fits",
        "The first 90 days",
        "Time commitment",
        "Cost compared with a full-time hire",
        "Signs you need one",
        "When another option fits better",
    ]:
        assert any(heading.startswith(section) for heading in headings), f"{url}: section {section!r} missing"
    assert page.find("a", href=f"/contact/?role={role}"), f"{url}: no contact link carrying the role"
    assert page.find("aside", class_="glance").find("dl"), f"{url}: no at-a-glance facts"


def test_navigation_marks_the_current_page(pages):
    for url in ["/compare/", "/faq/", "/approach/"]:
        current = pages[url].find("nav", attrs={"aria-label": "Main"}).find_all("a", attrs={"aria-current": "page"})
        assert [a["href"] for a in current] == [url]


def test_sitemap_robots_feed_and_favicon(built_site):
    sitemap = (built_site / "sitemap.xml").read_text()
    assert "/compare/</loc>" in sitemap and "/insights/" in sitemap
    assert "404.html" not in sitemap
    robots = (built_site / "robots.txt").read_text()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots
    feed = (built_site / "feeds" / "all.atom.xml").read_text()
    assert feed.count("<entry>") >= 4
    assert (built_site / "favicon.svg").stat().st_size < 2048


def test_no_inline_script_or_style(pages):
    for url, page in pages.items():
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") in ("application/ld+json", "application/json"), url
        assert not page.find("style"), url
        assert not page.find(attrs={"style": True}), url
