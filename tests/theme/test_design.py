"""Issue 13's copy and markup rules, read from the built pages."""

from __future__ import annotations

from tests.support import html_files, soup, url_of


def test_the_reply_promise_is_one_business_day_everywhere(built_site):
    for path in html_files(built_site):
        text = soup(path).get_text(" ")
        assert "same business day" not in text, url_of(built_site, path)


def test_sample_notes_are_not_page_text(built_site):
    for path in (built_site / "partners").glob("*/index.html"):
        text = soup(path).find("main").get_text(" ")
        assert "replace this file" not in text, url_of(built_site, path)


def test_the_home_page_has_one_list_of_the_four_options(built_site):
    page = soup(built_site / "index.html")
    headings = [h.get_text(" ", strip=True).lower() for h in page.find("main").find_all(["h2", "h3"])]
    assert not [h for h in headings if "at a glance" in h]
    options = page.select(".options li[data-role]")
    assert [li["data-role"] for li in options] == ["interim", "part-time", "fractional-cro", "fractional-cso"]


def test_role_pages_are_in_the_main_navigation(built_site):
    nav = soup(built_site / "index.html").find("nav", attrs={"aria-label": "Main"})
    for url in ("/roles/interim-sales-manager/", "/roles/part-time-sales-manager/", "/roles/fractional-cro/"):
        assert nav.find("a", href=url), url
    assert nav.find("details").find("summary").get_text(strip=True) == "Menu"
