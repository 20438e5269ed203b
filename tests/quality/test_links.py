"""Every internal link, #anchor, image and asset reference resolves; external links are listed.

The build itself already fails on a broken internal link (plugins/site_guard);
these tests hold the same line on the publish build (absolute URLs, minified)
and on the sitemap and feeds. What a page fetches at run time (CSS url(), JS
imports, data files) is checked in Chromium by test_page_loads.py.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from site_guard.build import load_settings
from site_guard.links import REFERENCE_ATTRIBUTES, check_output_links, resolve_target, scan_html, scan_page
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


# --- The link check's own page scan (a fast tokenizer, plugins/site_guard/links.py) ------------


def _soup_scan(html: str) -> tuple[set[str], list[str]]:
    """The ids and references of a page as BeautifulSoup reads it: the scan's reference."""
    ids: set[str] = set()
    references: list[str] = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        for name, value in tag.attrs.items():
            if name == "id" or (name == "name" and tag.name == "a"):
                ids.add(value)
            if (tag.name, name) in REFERENCE_ATTRIBUTES:
                references.append(value)
            elif name == "srcset":
                references.extend(part.strip().split(" ")[0] for part in value.split(",") if part.strip())
    return ids, references


def _scans_differ(output: Path) -> list[str]:
    differences = []
    for page in sorted(output.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        ids, references = _soup_scan(html)
        scan = scan_html(html)
        if scan.ids != ids or scan.references != references:
            differences.append(
                f"{page.relative_to(output)}: ids only in soup {sorted(ids - scan.ids)}, only in scan "
                f"{sorted(scan.ids - ids)}; references soup {references} scan {scan.references}"
            )
    return differences


def test_the_scan_reads_every_development_page_as_beautifulsoup_does(built_site):
    assert not _scans_differ(built_site), "\n".join(_scans_differ(built_site))


def test_the_scan_reads_every_minified_publish_page_as_beautifulsoup_does(published):
    output, _ = published
    assert not _scans_differ(output), "\n".join(_scans_differ(output))


TRICKY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>a < b</title>
<LINK REL=stylesheet HREF=/style.css>
<script type="application/ld+json">{"url": "<a href='/inside-script/'>"}</script>
<style>a[href="/inside-style/"] { color: red }</style>
<script src="/app.mjs" type="module"></script>
</head><body>
<!-- <a href="/inside-comment/">old</a> -->
<h1 id="top" title='quote " and > inside'>Top</h1>
<p class="x"data-href="/not-a-reference/">text with a stray < sign</p>
<a href="/a?x=1&amp;y=2#top">entity</a>
<a href='/single/'>single quotes</a>
<a name="legacy-anchor"></a>
<img src="/pixel.png" srcset="/pixel-2x.png 2x, /pixel-3x.png 3x" alt="">
<picture><source srcset="/wide.webp 800w"><source src="/video.mp4"></picture>
<form action="/api/contact" method="post"><input name="not-an-id"></form>
<svg><use href="/icons.svg#logo"/></svg>
<div id=bare-id></div>
</body></html>
"""


def test_the_scan_finds_every_kind_of_reference_and_skips_comments_and_raw_text():
    scan = scan_html(TRICKY_PAGE)
    assert scan.ids == {"top", "legacy-anchor", "bare-id"}
    assert scan.references == [
        "/style.css",
        "/app.mjs",
        "/a?x=1&y=2#top",
        "/single/",
        "/pixel.png",
        "/pixel-2x.png",
        "/pixel-3x.png",
        "/wide.webp",
        "/video.mp4",
        "/api/contact",
        "/icons.svg#logo",
    ]
    assert (scan.ids, scan.references) == _soup_scan(TRICKY_PAGE)


def test_every_kind_of_broken_reference_is_reported_with_its_page(tmp_path):
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "docs" / "index.html").write_text('<h2 id="intro">Intro</h2>', encoding="utf-8")
    (tmp_path / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "docs" / "guide" / "index.html").write_text(
        """<a href="../">up</a> <a href="../#intro">up to an anchor</a> <a href="#here">here</a>
        <h2 id="here">Here</h2> <img src="/logo.svg" alt=""> <a href="https://example.org/">elsewhere</a>
        <a href="http://127.0.0.1:8000/docs/">own origin</a> <a href="mailto:a@example.org">mail</a>
        <a href="../../missing/">gone</a> <a href="../#no-such-id">bad anchor</a> <a href="#nowhere">bad here</a>
        <img src="/missing.svg" alt=""> <img srcset="/logo.svg 1x, /missing-2x.svg 2x" alt="">
        <link rel="stylesheet" href="style.css"> <script src="/app.mjs"></script>
        <form action="/api/contact"></form> <svg><use href="/logo.svg#none"/></svg>
        <!-- <a href="/commented-out/">ignored</a> -->""",
        encoding="utf-8",
    )
    found = check_output_links(tmp_path, origin="http://127.0.0.1:8000", ignore_prefixes=["/api/"])
    broken = {(link.page.relative_to(tmp_path).as_posix(), link.target, link.reason) for link in found.broken}
    page = "docs/guide/index.html"
    missing = "no such page or file in the built site"
    assert broken == {
        (page, "../../missing/", missing),
        (page, "../#no-such-id", "no element with id 'no-such-id' on that page"),
        (page, "#nowhere", "no element with id 'nowhere' on that page"),
        (page, "/missing.svg", missing),
        (page, "/missing-2x.svg", missing),
        (page, "style.css", missing),
        (page, "/app.mjs", missing),
    }
    assert found.external == {"https://example.org/"}
    assert found.checked == 14
