"""A tasteful placeholder for a partner without a photo: their initials on a calm colour.

Written as a small SVG file per partner, so pages and the browser's partner
card use it like any photo (`<img src>`), and no inline style is needed.
"""

from __future__ import annotations

import hashlib

from markupsafe import escape

# Dark tones that all give white text a contrast ratio above 7:1.
PALETTE = ("#0b5560", "#1f4f8a", "#5b2d86", "#7a3b14", "#245c34", "#6b2143")


def colour_for(slug: str) -> str:
    """The same partner always gets the same colour; neighbours in the list usually differ."""
    digest = hashlib.sha256(slug.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def avatar_svg(initials: str, slug: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">'
        f'<rect width="96" height="96" rx="48" fill="{colour_for(slug)}"/>'
        '<text x="48" y="49" dominant-baseline="central" text-anchor="middle" fill="#ffffff" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif" '
        f'font-size="36" font-weight="600" letter-spacing="1">{escape(initials)}</text>'
        "</svg>\n"
    )
