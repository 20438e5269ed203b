"""Pictures as editors bring them, made here so the tests need no binary fixtures: a phone's large
JPEG with GPS in its EXIF and lying on its side, a HEIC, a small one, a damaged one.

Each is photo-like where it matters (fine detail everywhere, so it is as large as a phone's)
and marked so a test can tell which way up a copy came out: the top third is red, the rest blue.
"""

from __future__ import annotations

import os
from pathlib import Path

import pillow_heif
from PIL import ExifTags, Image

RED, BLUE = (200, 30, 30), (30, 60, 200)
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (39.0, 44.0, 21.0),
    ExifTags.GPS.GPSLongitudeRef: "W",
    ExifTags.GPS.GPSLongitude: (104.0, 59.0, 3.0),
}


def upright_photo(width: int, height: int, grain: int = 3) -> Image.Image:
    """Red top third, blue below, with random detail that JPEG cannot squeeze (like a real photo's)."""
    noise_size = (max(1, width // grain), max(1, height // grain))
    noise = Image.frombytes("RGB", noise_size, os.urandom(noise_size[0] * noise_size[1] * 3))
    noise = noise.resize((width, height), Image.Resampling.BICUBIC)
    colours = Image.new("RGB", (width, height), BLUE)
    colours.paste(RED, (0, 0, width, height // 3))
    return Image.blend(colours, noise, 0.4)


def phone_jpeg(path: Path, width: int = 4032, height: int = 3024, *, sideways: bool = False, grain: int = 3) -> Path:
    """A phone camera's JPEG: `width` x `height` as shown, camera and GPS in its EXIF. `sideways`
    stores the pixels turned a quarter with EXIF orientation 6, as a phone held upright does.
    A coarser `grain` makes a smaller file that is quicker to encode."""
    upright = upright_photo(width, height, grain)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Example Phone"
    exif[ExifTags.IFD.GPSInfo] = GPS
    stored = upright
    if sideways:
        stored = upright.transpose(Image.Transpose.ROTATE_90)  # shown turned back 90 degrees clockwise
        exif[ExifTags.Base.Orientation] = 6
    path.parent.mkdir(parents=True, exist_ok=True)
    stored.save(path, "JPEG", quality=94, exif=exif)
    return path


def heic(path: Path, width: int = 1600, height: int = 1200) -> Path:
    """An iPhone's HEIC (HEVC inside), with GPS in its EXIF."""
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = GPS
    path.parent.mkdir(parents=True, exist_ok=True)
    pillow_heif.from_pillow(upright_photo(width, height)).save(path, quality=90, exif=exif.tobytes())
    return path


def small_jpeg(path: Path, size: int = 120) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    upright_photo(size, size).save(path, "JPEG", quality=90)
    return path


def damaged_jpeg(path: Path) -> Path:
    """A JPEG cut off after its first few kilobytes: the header reads, the pixels do not."""
    full = phone_jpeg(path.with_name("whole-" + path.name), 800, 600)
    path.write_bytes(full.read_bytes()[:4000])
    full.unlink()
    return path


def top_and_bottom(picture: Image.Image) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The average colour of a copy's top tenth and bottom tenth."""
    rgb = picture.convert("RGB")
    width, height = rgb.size
    band = max(1, height // 10)
    top = rgb.crop((0, 0, width, band)).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    bottom = rgb.crop((0, height - band, width, height)).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    return top, bottom


def is_red(colour) -> bool:
    return colour[0] > colour[2] + 60


def is_blue(colour) -> bool:
    return colour[2] > colour[0] + 60
