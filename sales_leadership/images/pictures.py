"""Which copies of a picture a page needs: sizes, formats and addresses.

A *rendition* is one published file (a width, a height, a format, an address); a *picture* is
the set a page offers the browser for one `<img>`, which picks the smallest that is sharp on
its screen. Two shapes:

- fixed: shown at one CSS size (a partner's photo): the size at 1x and 2x (sharp on phones and
  high-density screens), cropped to the slot's proportions;
- fluid: as wide as the text column, or narrower on a phone: a ladder of widths, with `sizes`
  telling the browser how wide it will be, the picture's own proportions kept.

Each is offered as AVIF, then WebP, then JPEG (which every browser shows); a vector picture
(SVG) is one file, published as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from .sources import SourceImage

# Most preferred first; the last one is the fallback in `<img src>`.
FORMATS = ("avif", "webp", "jpeg")
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "svg": "image/svg+xml"}
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "svg": "svg"}
DENSITIES = (1, 2)
# The text column, theme/static/css/site.css: `.prose { max-width: var(--measure) }`, 42rem.
TEXT_COLUMN_PX = 672
# Widths made for a picture in the text: a phone's column, the desktop column, between the two at
# 2x. Larger copies would break the 100 KB image budget for little gain.
TEXT_WIDTHS = (336, 672, 1008)
# The page's side padding on a phone (site.css `.wrap`: at least 1rem each side).
PHONE_PADDING_PX = 32


@dataclass(frozen=True)
class Rendition:
    """One published copy of a picture."""

    source: SourceImage
    url: str  # root-relative address, e.g. /partners/denver/photo-144.webp
    format: str  # a key of MIME_TYPES
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """What one `<img>` offers: its renditions, and the CSS size it is shown at.

    `width` and `height` are the img's attributes (so the page keeps the space before the
    picture arrives); `sizes` is set for fluid pictures, empty for fixed ones (1x, 2x)."""

    renditions: tuple[Rendition, ...]
    width: int
    height: int
    sizes: str = ""

    @property
    def formats(self) -> list[str]:
        return list(dict.fromkeys(rendition.format for rendition in self.renditions))

    @property
    def fallback(self) -> Rendition:
        """The copy in `<img src>`: the last format, at the size shown."""
        last = self.formats[-1]
        candidates = [rendition for rendition in self.renditions if rendition.format == last]
        return next((r for r in candidates if r.width == self.width), candidates[0])

    def srcset(self, format: str, *, skip_fallback: bool = False) -> str:
        """The `srcset` of one format: widths (fluid) or densities (fixed; 1x needs no descriptor)."""
        parts = []
        for rendition in self.renditions:
            if rendition.format != format or (skip_fallback and rendition == self.fallback):
                continue
            if self.sizes:
                parts.append(f"{rendition.url} {rendition.width}w")
            elif rendition.width == self.width:
                parts.append(rendition.url)
            else:
                parts.append(f"{rendition.url} {rendition.width / self.width:g}x")
        return ", ".join(parts)


def fixed_picture(source: SourceImage, base_url: str, width: int, height: int) -> Picture:
    """A picture shown at `width` x `height` CSS px, cropped to that shape: each format at 1x and 2x.
    Addresses are `<base_url>-<width>.<extension>`."""
    if source.vector:
        return _vector_picture(source, base_url, width, height)
    renditions = tuple(
        Rendition(
            source, f"{base_url}-{width * density}.{EXTENSIONS[format]}", format, width * density, height * density
        )
        for format in FORMATS
        for density in DENSITIES
    )
    return Picture(renditions, width, height)


def text_picture(source: SourceImage, base_url: str) -> Picture:
    """A picture in the text column, in its own proportions: shown at the column's width, or at its
    own if it is narrower (never enlarged). Addresses are `<base_url>-<width>.<extension>`."""
    if source.vector:
        shown = min(source.width, TEXT_COLUMN_PX) if source.width else TEXT_COLUMN_PX
        height = round(source.height * shown / source.width) if source.width else 0
        return _vector_picture(source, base_url, shown, height)
    widths = sorted({width for width in TEXT_WIDTHS if width <= source.width} | _own_width(source.width))
    shown = min(source.width, TEXT_COLUMN_PX)
    renditions = tuple(
        Rendition(
            source,
            f"{base_url}-{width}.{EXTENSIONS[format]}",
            format,
            width,
            max(1, round(source.height * width / source.width)),
        )
        for format in FORMATS
        for width in widths
    )
    sizes = f"(max-width: {shown + PHONE_PADDING_PX}px) calc(100vw - {PHONE_PADDING_PX}px), {shown}px"
    return Picture(renditions, shown, max(1, round(source.height * shown / source.width)), sizes)


def _own_width(width: int) -> set[int]:
    """A picture narrower than the largest copy is also made at its own width: the size it is
    shown at (narrower than the column), or the sharpest it can be on a 2x screen."""
    return {width} if width < TEXT_WIDTHS[-1] else set()


def _vector_picture(source: SourceImage, base_url: str, width: int, height: int) -> Picture:
    return Picture((Rendition(source, f"{base_url}.svg", "svg", width, height),), width, height)
