"""Sitemap `lastmod` dates from the content's own dates, never the time of the build.

pelican-sitemap writes the build time for every page without a date, which tells search
engines that every page changed at every deploy (and teaches them to ignore the field).
Here each address gets the date its content says it changed, or no `lastmod` at all:

- an article: its `Modified:` date, else its `Date:`;
- a page with a `Modified:` or `Date:` line: that date;
- a list of articles (Insights, a category, each of their pages): its newest article's date,
  since a new article changes every page of the list;
- anything else (a page without dates, the quiz, the partners): no `lastmod`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from datetime import datetime
from pathlib import Path

from pelican.generators import ArticlesGenerator, PagesGenerator

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_PAGINATED = re.compile(r"^(?P<list>.*?)page/\d+/$")

# Per output folder: URL path ("insights/x/") -> the content's date. Filled when the content
# is read, used when the sitemap has been written.
_dates: dict[str, dict[str, datetime]] = {}


def _changed(content) -> datetime | None:
    return getattr(content, "modified", None) or getattr(content, "date", None)


def collect_content_dates(generators) -> None:
    """`all_generators_finalized` receiver: the date of every address that has one."""
    dates: dict[str, datetime] = {}
    settings = None
    for generator in generators:
        settings = generator.settings
        if isinstance(generator, ArticlesGenerator):
            for article in generator.articles:
                dates[article.url] = _changed(article)
            if generator.articles:
                dates[settings.get("INDEX_URL", "")] = max(_changed(article) for article in generator.articles)
            for category, articles in generator.categories:
                dates[category.url] = max(_changed(article) for article in articles)
        elif isinstance(generator, PagesGenerator):
            for page in generator.pages:
                if _changed(page) is not None:
                    dates[page.url] = _changed(page)
    if settings is not None:
        _dates[str(settings["OUTPUT_PATH"])] = dates


def date_of(url_path: str, dates: dict[str, datetime]) -> datetime | None:
    if url_path in dates:
        return dates[url_path]
    paginated = _PAGINATED.match(url_path)
    return dates.get(paginated["list"]) if paginated else None


def write_content_dates(pelican) -> None:
    """`finalized` receiver: rewrite sitemap.xml's `lastmod` lines from the content's dates."""
    output = Path(pelican.settings["OUTPUT_PATH"])
    sitemap = output / "sitemap.xml"
    dates = _dates.pop(str(pelican.settings["OUTPUT_PATH"]), None)
    if not sitemap.is_file() or dates is None:
        return
    site_url = pelican.settings.get("SITEURL", "")
    ElementTree.register_namespace("", SITEMAP)
    tree = ElementTree.parse(sitemap)
    for entry in tree.getroot().findall(f"{{{SITEMAP}}}url"):
        location = entry.find(f"{{{SITEMAP}}}loc").text or ""
        url_path = location[len(site_url) :].lstrip("/") if location.startswith(site_url) else location
        lastmod = entry.find(f"{{{SITEMAP}}}lastmod")
        changed = date_of(url_path, dates)
        if changed is None:
            if lastmod is not None:
                entry.remove(lastmod)
        else:
            if lastmod is None:
                lastmod = ElementTree.SubElement(entry, f"{{{SITEMAP}}}lastmod")
            lastmod.text = changed.isoformat()
    tree.write(sitemap, encoding="utf-8", xml_declaration=True)
