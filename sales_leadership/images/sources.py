"""Open a picture file and check that it is one: what the editor gave, as it is shown (upright).

Only the file's header is read here (cheap on every build); the pixels are decoded when a copy
is made (encode.py), which the site build does only for copies it has not cached yet.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pillow_heif
from PIL import ExifTags, Image, UnidentifiedImageError

# HEIC/HEIF, what iPhones save by default, through pillow-heif (libheif, from its wheel).
pillow_heif.register_heif_opener()

# What editors may give, by file extension: what phones, cameras and screenshots save.
RASTER_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".heic", ".heif"}
VECTOR_EXTENSIONS = {".svg"}
# The same formats as Pillow names them once it has read the file (MPO: the JPEG some phones
# write with a second, depth picture inside; the first picture is the photo).
PILLOW_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "AVIF", "HEIF"}
ACCEPTED = "a JPEG, PNG, WebP, AVIF or HEIC picture (straight from a phone is fine)"
# EXIF orientations that turn the picture a quarter turn: shown upright, width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}


class ImageError(ValueError):
    """A picture file that cannot be used. The message continues a sentence whose subject is the
    file as the editor wrote it: "'photos/dana.jpg' " + str(error)."""


@dataclass(frozen=True)
class SourceImage:
    """A picture file an editor gave, and its size as it is shown (EXIF orientation applied).

    A vector picture (SVG) is published as it is; its size is what it declares, if anything."""

    path: Path
    width: int
    height: int
    vector: bool = False


def open_source(path: str | Path) -> SourceImage:
    """Read the header of a picture file; raise ImageError saying what to do when it is no use."""
    path = Path(path)
    extension = path.suffix.lower()
    if not path.is_file():
        raise ImageError("is not there; check the spelling and the folder (the path starts beside the text file)")
    if extension in VECTOR_EXTENSIONS:
        return _vector_source(path)
    if extension not in RASTER_EXTENSIONS:
        kind = f"a {extension} file" if extension else "a file without an extension"
        raise ImageError(f"is {kind}, not a picture; use {ACCEPTED}")
    try:
        with Image.open(path) as image:
            found = image.format
            width, height = image.size
            orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
    except Image.DecompressionBombError as error:
        raise ImageError("is too large a picture to process; use one under 100 megapixels") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageError(
            f"cannot be read as a picture (the file is damaged, or is not really a {extension} file); "
            f"save or export it again as {ACCEPTED}"
        ) from error
    if found not in PILLOW_FORMATS:
        raise ImageError(f"is a {found} picture; use {ACCEPTED}")
    if orientation in QUARTER_TURNS:
        width, height = height, width
    return SourceImage(path, width, height)


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes: names cached copies, so an unchanged picture is not made again."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _vector_source(path: Path) -> SourceImage:
    """An SVG's size from its `width` and `height`, else its viewBox (0 when it declares neither)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise ImageError(f"is not a readable SVG file ({error}); export it again from the drawing program") from error
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if not (width and height) and len(box) == 4:
        try:
            width, height = round(float(box[2])), round(float(box[3]))
        except ValueError:
            width = height = 0
    return SourceImage(path, width or 0, height or 0, vector=True)


def _svg_length(value: str | None) -> int:
    """Pixels from an SVG length ("160", "160px"); 0 for a relative one ("100%", "10em")."""
    value = (value or "").strip().removesuffix("px")
    try:
        return round(float(value))
    except ValueError:
        return 0
