"""What a shared link shows and what search engines are told: share cards (og:image) per page
type, Article data, noindex on pages that must not be found, unique feed ids, sitemap dates."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PIL import Image

from sales_leadership.roles import load_roles
from sales_leadership.theme import load_theme
from share_cards.draw import draw_card
from share_cards.palette import read_palette
from site_meta.share_cards import CARD_HEIGHT, CARD_WIDTH, ShareCard
from tests.support import CONTENT, build, copy_content, html_files, soup, url_of

IMAGE_BUDGET = 100_000  # bytes, as for any image of the site
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NOINDEX = ["/404.html", "/contact/thanks/", "/contact/thanks/application/", "/contact/not-sent/", "/contact/too-large/"]
ROLE_PAGES = {
    "/roles/interim-sales-manager/": "interim",
    "/roles/part-time-sales-manager/": "part-time",
    "/roles/fractional-cro/": "fractional-cro",
    "/roles/fractional-cso/": "fractional-cso",
}


@pytest.fixture(scope="module")
def pages(built_site):
    return {url_of(built_site, path): soup(path) for path in html_files(built_site)}


def _meta(page, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def _card_file(built_site, page) -> Path:
    image = _meta(page, "og:image")
    assert image and image.startswith("http"), "og:image must be an absolute URL"
    return built_site / image.split("/", 3)[3]


def test_every_page_has_a_share_card_that_exists_and_fits(pages, built_site):
    problems = []
    for url, page in pages.items():
        card = _card_file(built_site, page)
        if not card.is_file():
            problems.append(f"{url}: og:image {card.name} was not built")
            continue
        with Image.open(card) as picture:
            if picture.format != "PNG" or picture.size != (CARD_WIDTH, CARD_HEIGHT):
                problems.append(f"{url}: {card.name} is {picture.format} {picture.size}")
        if card.stat().st_size >= IMAGE_BUDGET:
            problems.append(f"{url}: {card.name} is {card.stat().st_size} bytes, over {IMAGE_BUDGET}")
        declared = (_meta(page, "og:image:width"), _meta(page, "og:image:height"))
        if declared != (str(CARD_WIDTH), str(CARD_HEIGHT)):
            problems.append(f"{url}: og:image:width/height {declared}")
        if not (_meta(page, "og:image:alt") or "").strip():
            problems.append(f"{url}: no og:image:alt")
        if _meta(page, "twitter:card") != "summary_large_image":
            problems.append(f"{url}: twitter:card is {_meta(page, 'twitter:card')!r}")
    assert not problems, "\n".join(problems)


def test_each_page_type_has_its_own_card(pages, built_site):
    def card(url):
        return _card_file(built_site, pages[url]).name

    roles = {card(url) for url in ROLE_PAGES}
    articles = {card(url) for url in pages if url.startswith("/insights/") and "category" not in url}
    partners = {card(url) for url in pages if url.startswith("/partners/")}
    assert roles == {f"role-{role}.png" for role in ROLE_PAGES.values()}
    assert articles == {"insights.png"} and partners == {"partners.png"}
    assert card("/quiz/") == "quiz.png" and card("/") == "home.png" and card("/faq/") == "home.png"
    pictures = {name: (built_site / "share" / name).read_bytes() for name in {*roles, *articles, *partners, "quiz.png"}}
    assert len(set(pictures.values())) == len(pictures), "two page types share one picture"


def test_a_card_shows_its_own_words_and_a_long_title_still_fits():
    palette = read_palette(load_theme(CONTENT, load_roles(CONTENT)))
    short = draw_card(ShareCard("a", "Fractional CRO", "Sales leadership option", "fractional-cro"), "Site", palette)
    other = draw_card(ShareCard("a", "Fractional CSO", "Sales leadership option", "fractional-cro"), "Site", palette)
    assert short != other
    long_title = "How a company with twelve salespeople and no sales manager chose between four options " * 3
    picture = Image.open(io.BytesIO(draw_card(ShareCard("b", long_title, "Insights"), "Site", palette)))
    assert picture.size == (CARD_WIDTH, CARD_HEIGHT)


def test_articles_carry_their_image_and_both_dates(pages):
    articles = [url for url in pages if url.startswith("/insights/") and url.count("/") == 3]
    articles = [url for url in articles if not url.startswith(("/insights/tag", "/insights/page", "/insights/categ"))]
    assert len(articles) >= 4
    for url in articles:
        data = [
            item
            for block in pages[url].find_all("script", type="application/ld+json")
            for item in json.loads(block.string)
            if item["@type"] == "Article"
        ]
        assert len(data) == 1, url
        assert data[0]["image"] == _meta(pages[url], "og:image"), url
        assert data[0]["dateModified"] >= data[0]["datePublished"], url


def test_pages_that_must_not_be_found_say_noindex_and_name_no_canonical(pages):
    for url in NOINDEX:
        page = pages[url]
        assert _meta(page, "robots") == "noindex", url
        assert page.find("link", rel="canonical") is None, f"{url} names a canonical URL"
    indexed = [url for url in pages if url not in NOINDEX and _meta(pages[url], "robots")]
    assert not indexed, f"noindex on pages meant to be found: {indexed}"


def test_each_feed_has_its_own_id(built_site):
    feeds = sorted((built_site / "feeds").glob("*.atom.xml"))
    assert len(feeds) >= 2
    ids = {}
    for feed in feeds:
        root = ElementTree.parse(feed).getroot()
        self_link = next(link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self")
        ids[feed.name] = root.find(f"{ATOM}id").text
        assert ids[feed.name] == self_link, feed.name
    assert len(set(ids.values())) == len(ids), ids


def _lastmods(output: Path) -> dict[str, str | None]:
    root = ElementTree.parse(output / "sitemap.xml").getroot()
    return {
        entry.find(f"{SITEMAP}loc").text: getattr(entry.find(f"{SITEMAP}lastmod"), "text", None)
        for entry in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_dates_come_from_the_content_never_the_build(built_site):
    lastmods = _lastmods(built_site)
    assert lastmods["/insights/cost-of-a-bad-sales-hire/"].startswith("2026-03-24")
    newest = max(value for url, value in lastmods.items() if value and url.count("/") == 3 and "category" not in url)
    assert lastmods["/insights/"] == newest
    assert lastmods["/compare/"] is None and lastmods["/"] is None  # no date in the page: no lastmod


def test_a_page_given_a_modified_date_gets_it_in_the_sitemap(tmp_path):
    content = copy_content(tmp_path / "content")
    compare = content / "pages" / "compare.md"
    compare.write_text("Modified: 2026-05-02\n" + compare.read_text(encoding="utf-8"), encoding="utf-8")
    build(tmp_path / "output", content)
    assert _lastmods(tmp_path / "output")["/compare/"].startswith("2026-05-02")
    assert content != CONTENT
