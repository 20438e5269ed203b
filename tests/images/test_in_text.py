"""Pictures in the text of pages and articles, through a real build, read as a visitor's browser would.

An editor adds `![What it shows](images/name.jpg)` with the picture beside the Markdown file: a
phone photo in an article, a small PNG with transparency on a page, and, in another build,
the mistakes an editor makes (no alt text, a wrong name, a PDF).
"""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from sales_leadership.images.encode import MAX_BYTES
from sales_leadership.images.sources import file_digest
from site_guard.build import BuildFailed
from tests.images.support import is_blue, is_red, phone_jpeg, top_and_bottom, upright_photo
from tests.support import build, copy_content, soup

ARTICLE = "articles/part-time-sales-manager-first-90-days.md"
ARTICLE_PAGE = "insights/part-time-sales-manager-first-90-days/index.html"
PAGE = "pages/about.md"
FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG"}


def add_to(content, file: str, markdown: str) -> None:
    path = content / file
    path.write_text(path.read_text(encoding="utf-8") + f"\n{markdown}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def text_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("text-pictures")
    content = copy_content(root / "content")
    photo = phone_jpeg(content / "articles" / "images" / "Pipeline Review.jpg", 2400, 1800, sideways=True, grain=24)
    logo = content / "pages" / "images" / "logo.png"
    logo.parent.mkdir(parents=True)
    transparent = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    transparent.paste(upright_photo(400, 200, grain=40), (0, 0))
    transparent.save(logo)
    add_to(content, ARTICLE, '![A whiteboard after a pipeline review](images/Pipeline%20Review.jpg "The board")')
    add_to(content, PAGE, "![Our network's mark](images/logo.png)")
    output = root / "output"
    build(output, content, CACHE_PATH=str(root / "cache"))
    return output, {"photo": photo, "logo": logo}


def picture_of(output, page: str, alt: str):
    img = soup(output / page).find("main").find("img", alt=alt)
    assert img is not None, f"no picture with alt {alt!r} on {page}"
    return img.find_parent("picture"), img


def test_a_phone_photo_in_an_article_is_offered_in_three_widths_and_formats(text_site):
    output, sources = text_site
    picture, img = picture_of(output, ARTICLE_PAGE, "A whiteboard after a pipeline review")
    base = f"/images/pipeline-review-{file_digest(sources['photo'])[:8]}"
    sizes = "(max-width: 704px) calc(100vw - 32px), 672px"
    assert {source["type"]: (source["srcset"], source["sizes"]) for source in picture.find_all("source")} == {
        "image/avif": (f"{base}-336.avif 336w, {base}-672.avif 672w, {base}-1008.avif 1008w", sizes),
        "image/webp": (f"{base}-336.webp 336w, {base}-672.webp 672w, {base}-1008.webp 1008w", sizes),
    }
    assert img["src"] == f"{base}-672.jpg" and img["sizes"] == sizes
    assert img["srcset"] == f"{base}-336.jpg 336w, {base}-672.jpg 672w, {base}-1008.jpg 1008w"
    assert (img["width"], img["height"], img["loading"], img["title"]) == ("672", "504", "lazy", "The board")


def test_every_copy_is_the_width_it_claims_upright_small_and_without_metadata(text_site):
    output, _ = text_site
    picture, _ = picture_of(output, ARTICLE_PAGE, "A whiteboard after a pipeline review")
    for element in [*picture.find_all("source"), picture.img]:
        for candidate in element["srcset"].split(","):
            url, width = candidate.split()
            data = (output / url.lstrip("/")).read_bytes()
            assert len(data) < MAX_BYTES, url
            with Image.open(io.BytesIO(data)) as copy:
                assert copy.format == FORMATS[url.rsplit(".", 1)[1]]
                assert copy.size == (int(width.rstrip("w")), int(width.rstrip("w")) * 3 // 4), url
                assert not copy.getexif() and not copy.info.get("icc_profile"), url
                top, bottom = top_and_bottom(copy)
                assert is_red(top) and is_blue(bottom), f"{url} is not upright"


def test_a_picture_narrower_than_the_column_is_shown_at_its_own_size_on_white(text_site):
    output, _ = text_site
    picture, img = picture_of(output, "about/index.html", "Our network's mark")
    assert (img["width"], img["height"]) == ("400", "300")
    assert [part.split()[1] for part in img["srcset"].split(", ")] == ["336w", "400w"]
    assert img["sizes"] == "(max-width: 432px) calc(100vw - 32px), 400px"
    with Image.open(output / img["src"].lstrip("/")) as copy:
        assert copy.getpixel((200, 290)) == (255, 255, 255), "transparent parts are white in a JPEG"


def test_the_pictures_the_editor_added_are_not_published(text_site):
    output, sources = text_site
    originals = {path.stat().st_size: path.read_bytes() for path in sources.values()}
    names = {path.name for path in sources.values()}
    for path in output.rglob("*"):
        if path.is_file():
            assert path.name not in names, path
            assert originals.get(path.stat().st_size) != path.read_bytes(), f"{path} is a copy of an original"


def test_mistakes_in_pictures_are_all_named_with_the_file(tmp_path):
    content = copy_content(tmp_path / "content")
    phone_jpeg(content / "articles" / "images" / "team.jpg", 800, 600, grain=24)
    (content / "pages" / "images").mkdir()
    (content / "pages" / "images" / "deck.pdf").write_bytes(b"%PDF-1.7\n")
    add_to(content, ARTICLE, "![](images/team.jpg)\n\n![The team](images/teem.jpg)")
    add_to(content, PAGE, "![Our slides](images/deck.pdf)")
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content, CACHE_PATH=str(tmp_path / "cache"))
    message = str(failure.value)
    assert "Traceback" not in message
    for expected in (
        rf"{re.escape(ARTICLE)}: image: 'images/team\.jpg' has no alternative text; say what it shows",
        rf"{re.escape(ARTICLE)}: image: 'images/teem\.jpg' is not there; check the spelling",
        rf"{re.escape(PAGE)}: image: 'images/deck\.pdf' is a \.pdf file, not a picture",
    ):
        assert re.search(expected, message), (expected, message)
