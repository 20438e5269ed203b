"""The HTML a page shows a picture with: `<picture>` with one `<source>` per modern format and an
`<img>` fallback carrying the size (so the page does not jump when it arrives) and the alt text."""

from __future__ import annotations

from markupsafe import Markup, escape

from .pictures import MIME_TYPES, Picture


def picture_html(picture: Picture, alt: str, *, loading: str = "", attributes: dict[str, str] | None = None) -> Markup:
    """`loading="lazy"` for pictures below the fold; `attributes` go on the `<img>` (class, id, title)."""
    fallback = picture.fallback
    img = {
        **(attributes or {}),
        "src": fallback.url,
        "srcset": picture.srcset(fallback.format, skip_fallback=not picture.sizes),
        "sizes": picture.sizes,
        "alt": alt,
        "width": str(picture.width) if picture.width else "",
        "height": str(picture.height) if picture.height else "",
        "loading": loading,
    }
    img_html = Markup("<img{}>").format(_attributes(img, keep_empty={"alt"}))
    if len(picture.formats) == 1:
        return img_html
    sources = [
        Markup("<source{}>").format(
            _attributes({"type": MIME_TYPES[format], "srcset": picture.srcset(format), "sizes": picture.sizes})
        )
        for format in picture.formats[:-1]
    ]
    return Markup("<picture>{}{}</picture>").format(Markup("").join(sources), img_html)


def _attributes(values: dict[str, str], keep_empty: set[str] = frozenset()) -> Markup:
    return Markup("").join(
        Markup(' {}="{}"').format(name, escape(value)) for name, value in values.items() if value or name in keep_empty
    )
