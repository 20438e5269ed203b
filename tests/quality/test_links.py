"""Every internal link, #anchor, image and asset reference resolves; external links are listed.

The build itself already fails on a broken internal link (plugins/site_guard);
these tests hold the same line on the publish build (absolute URLs, minified)
and on the sitemap and feeds. What a page fetches at run time (CSS url(), JS
imports, data files) is checked in Chromium by test_page_loads.py.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

from site_guard.build import load_settings
from site_guard.links import check_output_links, resolve_target, scan_page
from tests.support import SETTINGS, html_files, url_of

from . import report

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _broken(report_) -> str:
    return "\n".join(f"  {link.page}: {link.target!r}: {link.reason}" for link in report_.broken)


def test_every_reference_resolves_in_the_development_build(built_site):
    settings = load_settings(SETTINGS)
    found = check_output_links(
        built_site, origin=settings["SITE_ORIGIN"], ignore_prefixes=settings.get("LINK_CHECK_IGNORE", [])
    )
    assert found.checked > 100
    assert not found.broken, "broken links in the development build:\n" + _broken(found)


def test_every_reference_resolves_in_the_publish_build(published):
    output, settings = published
    found = check_output_links(
        output, origin=settings["SITE_ORIGIN"], ignore_prefixes=settings.get("LINK_CHECK_IGNORE", [])
    )
    assert found.checked > 100
    assert not found.broken, "broken links in the publish build:\n" + _broken(found)


def _local_path(url: str, origin: str) -> str:
    assert url.startswith(origin + "/"), f"{url} is not on the site's origin {origin}"
    return urlsplit(url).path


def test_sitemap_and_feeds_point_at_built_pages(published):
    output, settings = published
    origin = settings["SITE_ORIGIN"]
    sitemap = ElementTree.parse(output / "sitemap.xml").getroot()
    locations = [element.text for element in sitemap.iter(f"{SITEMAP}loc")]
    assert len(locations) > 10
    missing = [url for url in locations if resolve_target(output, _local_path(url, origin)) is None]
    for feed in sorted((output / "feeds").glob("*.atom.xml")):
        entries = ElementTree.parse(feed).getroot().iter(f"{ATOM}link")
        missing += [
            f"{feed.name}: {link.get('href')}"
            for link in entries
            if resolve_target(output, _local_path(link.get("href"), origin)) is None
        ]
    assert not missing, "sitemap/feed entries that are not pages of the site:\n  " + "\n  ".join(missing)


def test_external_links_are_listed_not_fetched(built_site):
    """External links are reported (reports/external-links.md) and must use https."""
    origin = load_settings(SETTINGS)["SITE_ORIGIN"]
    pages_by_link: dict[str, list[str]] = {}
    for page in html_files(built_site):
        for reference in scan_page(page).references:
            parts = urlsplit(reference.strip())
            if parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" != origin:
                pages_by_link.setdefault(reference.strip(), []).append(url_of(built_site, page))
    rows = [[link, str(len(pages)), ", ".join(sorted(set(pages))[:3])] for link, pages in sorted(pages_by_link.items())]
    text = report.markdown_table(["external link (not fetched)", "pages", "for example"], rows, align_right_from=1)
    report.record("external-links", f"External links ({len(rows)})", text if rows else "None.")
    insecure = [link for link in pages_by_link if link.startswith("http://")]
    assert not insecure, f"external links over plain http: {insecure}"
