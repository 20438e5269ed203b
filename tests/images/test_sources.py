"""Opening a picture an editor gave: what is accepted, its size as shown, and what each refusal says."""

from __future__ import annotations

import pytest
from PIL import Image

from sales_leadership.images.sources import ImageError, SourceImage, open_source
from tests.images.support import heic, phone_jpeg


def refusal(path) -> str:
    with pytest.raises(ImageError) as error:
        open_source(path)
    return str(error.value)


def test_a_sideways_phone_photo_has_its_upright_size(tmp_path):
    source = open_source(phone_jpeg(tmp_path / "dana.jpg", 800, 600, sideways=True, grain=24))
    assert (source.width, source.height, source.vector) == (800, 600, False)


def test_a_heic_is_accepted_whatever_the_case_of_its_extension(tmp_path):
    source = open_source(heic(tmp_path / "IMG_0042.HEIC", 640, 480))
    assert (source.width, source.height) == (640, 480)


def test_an_svg_declares_its_size(tmp_path):
    drawing = tmp_path / "diagram.svg"
    drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><rect width="9"/></svg>')
    assert open_source(drawing) == SourceImage(drawing, 640, 360, vector=True)


def test_refusals_say_what_to_do(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "fake.jpg").write_text("hello")
    Image.new("RGB", (300, 300)).save(tmp_path / "anim.png", "GIF")
    assert refusal(tmp_path / "notes.docx").startswith("is a .docx file, not a picture; use a JPEG, PNG, WebP, AVIF")
    assert refusal(tmp_path / "fake.jpg").startswith("cannot be read as a picture (the file is damaged, or is not")
    assert refusal(tmp_path / "anim.png").startswith("is a GIF picture; use a JPEG, PNG")
    assert refusal(tmp_path / "missing.jpg").startswith("is not there; check the spelling")
