"""Which copies a picture gets, and the markup that offers them (no files: the decisions alone)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from sales_leadership.images.markup import picture_html
from sales_leadership.images.pictures import fixed_picture, text_picture
from sales_leadership.images.sources import SourceImage


def widths(picture, format="jpeg") -> list[int]:
    return [r.width for r in picture.renditions if r.format == format]


def test_text_pictures_are_never_made_wider_than_their_source():
    assert widths(text_picture(SourceImage(Path("a.jpg"), 4032, 3024), "/i/a")) == [336, 672, 1008]
    assert widths(text_picture(SourceImage(Path("b.jpg"), 800, 600), "/i/b")) == [336, 672, 800]
    small = text_picture(SourceImage(Path("c.jpg"), 200, 100), "/i/c")
    assert widths(small) == [200] and (small.width, small.height) == (200, 100)


def test_a_fixed_picture_is_cropped_to_its_slot_at_1x_and_2x():
    picture = fixed_picture(SourceImage(Path("p.jpg"), 3000, 2000), "/p/photo", 72, 72)
    assert {(r.format, r.width, r.height) for r in picture.renditions} == {
        (format, size, size) for format in ("avif", "webp", "jpeg") for size in (72, 144)
    }
    img = BeautifulSoup(picture_html(picture, "", loading="lazy"), "html.parser").img
    assert (img["src"], img["srcset"]) == ("/p/photo-72.jpg", "/p/photo-144.jpg 2x")
    assert (img["alt"], img["loading"], img["width"]) == ("", "lazy", "72")


def test_a_vector_picture_is_one_file_in_a_plain_img():
    picture = fixed_picture(SourceImage(Path("logo.svg"), 0, 0, vector=True), "/p/photo", 112, 112)
    html = BeautifulSoup(picture_html(picture, "Logo"), "html.parser")
    assert not html.find("picture")
    assert (html.img["src"], html.img["width"], html.img["alt"]) == ("/p/photo.svg", "112", "Logo")
