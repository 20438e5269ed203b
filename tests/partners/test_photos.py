"""Partner photos as editors bring them, through a real build, read as a visitor's browser would.

One build of a copy of the content where Dana (Denver) has a 6 MB phone photo lying on its side
with GPS in its EXIF, Luis (Austin) an iPhone HEIC, and the head office the shipped sample;
then builds that must fail, saying which file and field and what to do.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image

from sales_leadership.images.encode import MAX_BYTES
from sales_leadership.partners.photos import SMALLEST_SIDE
from site_guard.build import BuildFailed
from tests.images.support import damaged_jpeg, heic, is_blue, is_red, phone_jpeg, small_jpeg, top_and_bottom
from tests.support import build, copy_content, soup

FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG"}
WITH_PHOTOS = ("denver", "austin", "head-office")


def set_photo(content: Path, slug: str, value: str) -> None:
    path = content / "partners" / f"{slug}.md"
    text = re.sub(r"^Photo: .*\n", "", path.read_text(encoding="utf-8"), flags=re.M)
    path.write_text(text.replace("\nDescription: ", f"\nPhoto: {value}\nDescription: ", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    """(output, the sources given, cache folder) of one build with photos from a phone."""
    root = tmp_path_factory.mktemp("photos")
    content = copy_content(root / "content")
    photos = content / "partners" / "photos"
    sources = {
        "denver": phone_jpeg(photos / "dana.jpg", sideways=True),
        "austin": heic(photos / "luis.HEIC"),
        "head-office": photos / "head-office-sample.jpg",
    }
    set_photo(content, "denver", "photos/dana.jpg")
    set_photo(content, "austin", "photos/luis.HEIC")
    output = root / "output"
    build(output, content, CACHE_PATH=str(root / "cache"))
    return output, sources, root / "cache"


def pictures_in(page) -> list:
    return page.select("picture:has(img.partner-photo)")


def candidates(picture) -> list[str]:
    """Every address the browser may fetch for this picture."""
    urls = [picture.img["src"]]
    for element in [*picture.find_all("source"), picture.img]:
        urls += [part.strip().split()[0] for part in element.get("srcset", "").split(",") if part.strip()]
    return urls


def test_the_phone_photo_is_large_before_the_build(photo_site):
    _, sources, _ = photo_site
    assert sources["denver"].stat().st_size > 5_500_000
    with Image.open(sources["denver"]) as photo:
        assert photo.getexif().get_ifd(0x8825), "the test photo has a GPS position"


def test_the_profile_offers_avif_webp_and_jpeg_at_1x_and_2x_not_lazy(photo_site):
    output, _, _ = photo_site
    for slug in WITH_PHOTOS:
        header = soup(output / "partners" / slug / "index.html").find(class_="page-head")
        (picture,) = pictures_in(header)
        base = f"/partners/{slug}/photo"
        sources = {source["type"]: source["srcset"] for source in picture.find_all("source")}
        assert sources == {
            "image/avif": f"{base}-112.avif, {base}-224.avif 2x",
            "image/webp": f"{base}-112.webp, {base}-224.webp 2x",
        }
        img = picture.img
        assert (img["src"], img["srcset"]) == (f"{base}-112.jpg", f"{base}-224.jpg 2x")
        assert (img["width"], img["height"], img["alt"]) == ("112", "112", "")
        assert "partner-photo--large" in img["class"]
        assert not img.has_attr("loading"), "the profile's photo is above the fold: it loads at once"


def test_the_cards_offer_the_photo_at_the_card_size_lazily(photo_site):
    output, _, _ = photo_site
    page = soup(output / "partners" / "index.html")
    for slug in WITH_PHOTOS:
        card = page.find("h3", id=f"partner-{slug}").find_parent(class_="partner-card")
        (picture,) = pictures_in(card)
        img = picture.img
        assert (img["src"], img["srcset"]) == (f"/partners/{slug}/photo-72.jpg", f"/partners/{slug}/photo-144.jpg 2x")
        assert (img["width"], img["height"], img["loading"]) == ("72", "72", "lazy")
        assert picture.find("source", type="image/avif")["srcset"].endswith("photo-144.avif 2x")


def test_every_copy_is_small_upright_without_metadata_and_the_size_it_claims(photo_site):
    output, _, _ = photo_site
    pages = [output / "partners" / "index.html"] + [output / "partners" / s / "index.html" for s in WITH_PHOTOS]
    seen = set()
    for page in pages:
        for picture in pictures_in(soup(page)):
            shown = int(picture.img["width"])
            for element in [*picture.find_all("source"), picture.img]:
                for candidate in [picture.img["src"]] + element.get("srcset", "").split(","):
                    url, *descriptor = candidate.split()
                    density = int(descriptor[0].rstrip("x")) if descriptor else 1
                    seen.add(url)
                    data = (output / url.lstrip("/")).read_bytes()
                    assert len(data) < MAX_BYTES, f"{url}: {len(data)} bytes"
                    with Image.open(io.BytesIO(data)) as copy:
                        assert copy.format == FORMATS[url.rsplit(".", 1)[1]], url
                        assert copy.size == (shown * density, shown * density), url
                        assert not copy.getexif(), f"{url} carries EXIF"
                        assert not copy.info.get("icc_profile") and not copy.info.get("xmp"), url
                        if "/head-office/" not in url:
                            top, bottom = top_and_bottom(copy)
                            assert is_red(top) and is_blue(bottom), f"{url} is not upright: {top} above {bottom}"
    assert len(seen) == len(WITH_PHOTOS) * 4 * 3, "72, 112, 144 and 224 px, each as AVIF, WebP and JPEG"


def test_the_files_the_editor_added_are_not_published(photo_site):
    output, sources, _ = photo_site
    originals = {path.stat().st_size: path.read_bytes() for path in sources.values()}
    published = [path for path in output.rglob("*") if path.is_file()]
    assert not [path for path in published if path.suffix.lower() in (".heic", ".heif")]
    assert not [path for path in published if path.name in {"dana.jpg", "head-office-sample.jpg"}]
    assert not [path for path in published if originals.get(path.stat().st_size) == path.read_bytes()]


def test_initials_only_for_partners_without_a_photo(photo_site):
    output, _, _ = photo_site
    for slug in WITH_PHOTOS:
        assert not (output / "partners" / slug / "avatar.svg").exists()
    profile = soup(output / "partners" / "chicago" / "index.html").find(class_="page-head")
    assert not profile.find("picture")
    assert profile.find("img", class_="partner-photo")["src"] == "/partners/chicago/avatar.svg"
    assert (output / "partners" / "chicago" / "avatar.svg").is_file()


def test_the_lookup_table_and_structured_data_name_a_jpeg_of_the_photo(photo_site):
    output, _, _ = photo_site
    lookup = json.loads(soup(output / "partners" / "index.html").find("script", id="partner-lookup").string)
    assert lookup["partners"]["denver"]["image"] == "/partners/denver/photo-144.jpg"
    assert lookup["partners"]["chicago"]["image"] == "/partners/chicago/avatar.svg"
    page = soup(output / "partners" / "denver" / "index.html")
    business = next(
        item
        for block in page.find_all("script", type="application/ld+json")
        for item in (lambda data: data if isinstance(data, list) else [data])(json.loads(block.string))
        if item["@type"] == "ProfessionalService"
    )
    assert business["image"].endswith("/partners/denver/photo-224.jpg")
    assert (output / "partners" / "denver" / "photo-224.jpg").is_file()


def test_a_second_build_reuses_the_cached_copies(photo_site, tmp_path):
    """Unchanged photos are not made again: the cache's files stay as they were, the output is the same."""
    output, sources, cache = photo_site
    cached = {path: path.stat().st_mtime_ns for path in (cache / "images").iterdir()}
    assert len(cached) == len(WITH_PHOTOS) * 12
    content = sources["denver"].parent.parent.parent
    again = tmp_path / "output"
    build(again, content, CACHE_PATH=str(cache))
    assert {path: path.stat().st_mtime_ns for path in (cache / "images").iterdir()} == cached
    for slug in WITH_PHOTOS:
        for copy in (output / "partners" / slug).glob("photo-*"):
            assert (again / "partners" / slug / copy.name).read_bytes() == copy.read_bytes()


def failed_build(tmp_path, edit) -> list[str]:
    content = copy_content(tmp_path / "content")
    edit(content, content / "partners" / "photos")
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content, CACHE_PATH=str(tmp_path / "cache"))
    message = str(failure.value)
    assert "Traceback" not in message
    return message.splitlines()


def test_unusable_photos_are_all_named_with_file_field_and_what_to_do(tmp_path):
    def edit(content, photos):
        small_jpeg(photos / "dana-small.jpg", 120)
        (photos / "grace.pdf").write_bytes(b"%PDF-1.7\n")
        (photos / "tom.jpg").write_text("not really a photo", encoding="utf-8")
        set_photo(content, "denver", "photos/dana-small.jpg")
        set_photo(content, "houston", "photos/grace.pdf")
        set_photo(content, "chicago", "photos/tom.jpg")
        set_photo(content, "boston", "photos/marcus.jpg")

    lines = failed_build(tmp_path, edit)
    side = SMALLEST_SIDE
    expected = {
        "denver": f"Photo: 'photos/dana-small.jpg' is 120x120 px; use a photo at least {side}x{side} px",
        "houston": "Photo: 'photos/grace.pdf' is a .pdf file, not a picture; use a JPEG, PNG, WebP, AVIF or HEIC",
        "chicago": "Photo: 'photos/tom.jpg' cannot be read as a picture (the file is damaged, or is not really a .jpg",
        "boston": "Photo: 'photos/marcus.jpg': no such file beside boston.md",
    }
    for slug, problem in expected.items():
        assert any(re.search(rf"partners/{slug}\.md: {re.escape(problem)}", line) for line in lines), (slug, lines)


def test_a_photo_cut_off_in_copying_is_named_before_any_page_is_written(tmp_path):
    def edit(content, photos):
        damaged_jpeg(photos / "dana.jpg")
        set_photo(content, "denver", "photos/dana.jpg")

    lines = failed_build(tmp_path, edit)
    assert any(
        re.search(r"partners/denver\.md: Photo: 'photos/dana\.jpg' cannot be read to the end", line) for line in lines
    ), lines
    assert not (tmp_path / "output" / "partners" / "denver" / "index.html").exists()
