"""Make the bytes of a picture's copies: upright, in sRGB, cropped, resized, without metadata.

One decode per source for all its copies. What is published carries no EXIF (no GPS position,
no camera serial, no orientation flag: the pixels themselves are turned upright), no XMP and
no colour profile (colours are converted to sRGB, what browsers assume without one). Each
copy is kept under the site's image budget by lowering the quality step by step.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from PIL import Image, ImageCms, ImageOps

from .pictures import Rendition
from .sources import ImageError, SourceImage

MAX_BYTES = 100_000  # per copy: the quality gates' image budget (docs/quality-gates.md, "Weight")
# Qualities tried in turn until a copy fits MAX_BYTES (the last one is kept whatever its size).
QUALITIES = {"avif": (60, 48, 36, 24), "webp": (80, 68, 56, 44, 32), "jpeg": (82, 70, 58, 46, 34)}
PILLOW_NAMES = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}
# Where a crop to another shape keeps the picture: centred across, a little above the middle
# down, where faces are in most portraits.
FOCUS = (0.5, 0.4)
BACKGROUND = (255, 255, 255)  # under transparent parts: JPEG has no transparency
_SRGB = ImageCms.createProfile("sRGB")


def render(source: SourceImage, renditions: Iterable[Rendition]) -> dict[Rendition, bytes]:
    """The bytes of each rendition of `source`; ImageError when its pixels cannot be decoded."""
    renditions = list(renditions)
    largest = max(max(rendition.width, rendition.height) for rendition in renditions)
    upright = _decode(source, largest)
    return {rendition: _encode(_fit(upright, rendition), rendition.format) for rendition in renditions}


def _decode(source: SourceImage, largest: int) -> Image.Image:
    """The picture as RGB pixels, upright and in sRGB, decoded at no more than the size needed."""
    try:
        with Image.open(source.path) as image:
            # JPEG decodes at 1/2, 1/4 or 1/8 scale for free, keeping both sides >= `largest`.
            image.draft("RGB", (largest, largest))
            image.load()
            upright = ImageOps.exif_transpose(image)
    except Image.DecompressionBombError as error:
        raise ImageError("is too large a picture to process; use one under 100 megapixels") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageError(
            "cannot be read to the end (the file is damaged or was not copied completely); "
            "save or export it again from the photo app"
        ) from error
    return _to_srgb(_flatten(upright))


def _flatten(image: Image.Image) -> Image.Image:
    """Transparent parts on white (a screenshot or logo with transparency)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        flat.info["icc_profile"] = image.info.get("icc_profile")
        return flat
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert the colours from the picture's own profile (a phone's Display P3) to sRGB."""
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "L", "CMYK"):
        try:
            converted = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(profile)), _SRGB, outputMode="RGB"
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: the pixels as they are, which is what most viewers show
    return image.convert("RGB")


def _fit(image: Image.Image, rendition: Rendition) -> Image.Image:
    """Crop to the rendition's shape around FOCUS, and resize (Lanczos) to its size."""
    return ImageOps.fit(image, (rendition.width, rendition.height), Image.Resampling.LANCZOS, centering=FOCUS)


def _encode(image: Image.Image, format: str) -> bytes:
    image.info.clear()  # Pillow would otherwise carry EXIF, XMP or a profile along into some formats
    data = b""
    for quality in QUALITIES[format]:
        buffer = io.BytesIO()
        image.save(buffer, PILLOW_NAMES[format], **_options(format, quality))
        data = buffer.getvalue()
        if len(data) <= MAX_BYTES:
            break
    return data


def _options(format: str, quality: int) -> dict:
    if format == "jpeg":
        return {"quality": quality, "optimize": True, "progressive": True}
    if format == "webp":
        return {"quality": quality, "method": 4}
    return {"quality": quality, "speed": 6}
