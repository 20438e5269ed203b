"""A partner's photo (`Photo:` in content/partners/<slug>.md): checked, and the pictures the theme
shows it as.

The theme shows a partner's photo in two places, both round and fixed in size; each is made at
1x and 2x, so the photo must be at least the larger one at 2x. Phone photos are far larger:
they are cropped square and made small at build time (sales_leadership.images). The addresses
are the profile's folder: /partners/<slug>/photo-<width>.<avif|webp|jpg>.
"""

from __future__ import annotations

from pathlib import Path

from ..images.pictures import DENSITIES, Picture, fixed_picture
from ..images.sources import ImageError, SourceImage, open_source

# CSS px, as the stylesheets show them (tests/images/test_slots.py reads them to keep these true):
SLOTS = {
    "card": 72,  # plugins/partner_directory/static/partner-card.css: .partner-photo, 4.5rem
    "profile": 112,  # plugins/partner_directory/static/partners.css: .partner-photo--large, 7rem
}
SMALLEST_SIDE = max(SLOTS.values()) * max(DENSITIES)


def read_photo(value: str, partner_file: Path) -> SourceImage:
    """The photo `value` names, beside the partner file; ImageError saying what to do otherwise."""
    source = open_source(partner_file.parent / value)
    if not source.vector and min(source.width, source.height) < SMALLEST_SIDE:
        raise ImageError(
            f"is {source.width}x{source.height} px; use a photo at least {SMALLEST_SIDE}x{SMALLEST_SIDE} px "
            "(any phone photo is: the build makes the small copies)"
        )
    return source


def photo_pictures(slug: str, photo: SourceImage) -> dict[str, Picture]:
    """The picture for each place the theme shows the photo, by slot name."""
    base = f"/partners/{slug}/photo"
    return {slot: fixed_picture(photo, base, size, size) for slot, size in SLOTS.items()}


def photo_url(slug: str, photo: SourceImage, slot: str = "card") -> str:
    """One address where a single file is wanted (the browser's partner card, structured data):
    the largest copy for `slot` in the fallback format (JPEG, which every browser shows)."""
    picture = photo_pictures(slug, photo)[slot]
    fallback_format = picture.fallback.format
    return max((r for r in picture.renditions if r.format == fallback_format), key=lambda r: r.width).url
