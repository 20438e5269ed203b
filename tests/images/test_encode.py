"""Making copies: what is published carries no metadata and stays within the image budget."""

from __future__ import annotations

import io

from PIL import Image, ImageCms

from sales_leadership.images.encode import MAX_BYTES, render
from sales_leadership.images.pictures import text_picture
from sales_leadership.images.sources import open_source
from tests.images.support import upright_photo


def test_profiles_and_xmp_are_not_carried_into_any_copy(tmp_path):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "with-profile.jpg"
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    upright_photo(700, 500, grain=30).save(path, "JPEG", icc_profile=srgb, xmp=xmp)
    source = open_source(path)
    for rendition, data in render(source, text_picture(source, "/images/x").renditions).items():
        with Image.open(io.BytesIO(data)) as copy:
            assert not copy.info.get("icc_profile") and not copy.info.get("xmp"), rendition.url
            assert b"adobe:ns:meta" not in data, rendition.url


def test_the_largest_copy_of_a_photo_full_of_detail_stays_under_the_budget(tmp_path):
    """Random detail is the hardest case for every encoder: the quality is lowered until it fits."""
    path = tmp_path / "detail.png"
    upright_photo(1400, 1050, grain=1).save(path)
    source = open_source(path)
    largest = [r for r in text_picture(source, "/images/x").renditions if r.width == 1008]
    sizes = {rendition.format: len(data) for rendition, data in render(source, largest).items()}
    assert set(sizes) == {"avif", "webp", "jpeg"}
    assert all(size <= MAX_BYTES for size in sizes.values()), sizes
