"""Drafts and scheduled articles, as an editor writes them: previewed in development builds,
never published, never stopping a build."""

from __future__ import annotations

import datetime

import pytest

from tests.support import PUBLISH_SETTINGS, SETTINGS, build, copy_content, html_files, soup, url_of
from tools.live_preview.builder import build_quietly

DRAFT = """Title: Pricing a part-time sales manager
Date: 2026-01-10
Category: Pricing
Tags: pricing, budgets
Slug: pricing-part-time
Status: draft

A first paragraph, no description yet, and a link to [a page not written yet](/retainers/).
"""

SCHEDULED = """Title: How to run a quarterly business review
Date: {date}
Category: Sales management
Tags: reviews
Slug: quarterly-review
Description: A quarterly business review that helps an owner decide, not just look back: the agenda, \
the figures to bring and the questions to ask.
Summary: An agenda for a quarterly business review.

Text.
"""


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path / "content")


def _pages(output) -> dict[str, object]:
    return {url_of(output, path): path for path in html_files(output)}


def _in_lists(output, slug: str) -> list[str]:
    found = [url for url, path in _pages(output).items() if f"/{slug}/" in str(soup(path)) and "/drafts/" not in url]
    for listing in ("sitemap.xml", "feeds/all.atom.xml"):
        if slug in (output / listing).read_text(encoding="utf-8"):
            found.append(listing)
    return found


def test_a_draft_with_new_tags_and_no_description_builds_and_is_only_previewed(content, tmp_path):
    (content / "articles" / "pricing-part-time.md").write_text(DRAFT, encoding="utf-8")
    output = tmp_path / "output"
    result = build_quietly(SETTINGS, output, PATH=str(content))
    assert result.ok, result.problems
    warned = "\n".join(result.warnings)
    assert "articles/pricing-part-time.md: Description: missing" in warned
    assert "link '/retainers/'" in warned and "not stopping the build" in warned

    page = soup(output / "drafts" / "pricing-part-time" / "index.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "Draft: not on the published site" in page.find(class_="draft-note").get_text()
    assert not page.select(".tags a"), "a draft's tags have no pages to link to"
    assert not (output / "insights" / "tag" / "pricing").exists()
    assert _in_lists(output, "pricing-part-time") == []


def test_a_publish_build_writes_no_draft_at_all(content, tmp_path):
    (content / "articles" / "pricing-part-time.md").write_text(DRAFT, encoding="utf-8")
    page = content / "pages" / "working-with-us.md"
    page.write_text("Title: Working with us\nSlug: working-with-us\nStatus: draft\n\nSoon.\n", encoding="utf-8")
    output = tmp_path / "output"
    build(output, content, PUBLISH_SETTINGS)
    assert not (output / "drafts").exists()
    assert not list(output.rglob("*pricing-part-time*")) and not (output / "working-with-us").exists()


def test_an_article_dated_in_the_future_waits_for_its_day(content, tmp_path):
    # Two days either side of today: the site's time zone (America/New_York) may be a day behind UTC.
    later = datetime.date.today() + datetime.timedelta(days=2)
    article = content / "articles" / "quarterly-review.md"
    article.write_text(SCHEDULED.format(date=later.isoformat()), encoding="utf-8")
    development, published = tmp_path / "development", tmp_path / "published"
    build(development, content)
    build(published, content, PUBLISH_SETTINGS)

    preview = soup(development / "drafts" / "quarterly-review" / "index.html")
    assert "Scheduled: published by the first build on or after" in preview.find(class_="draft-note").get_text()
    assert _in_lists(development, "quarterly-review") == []
    assert not list(published.rglob("*quarterly-review*"))

    # The build on (or after) that day: the same file, its date now reached.
    reached = datetime.date.today() - datetime.timedelta(days=1)
    article.write_text(SCHEDULED.format(date=reached.isoformat()), encoding="utf-8")
    build(published, content, PUBLISH_SETTINGS)
    assert (published / "insights" / "quarterly-review" / "index.html").is_file()
    assert "quarterly-review" in (published / "sitemap.xml").read_text(encoding="utf-8")
