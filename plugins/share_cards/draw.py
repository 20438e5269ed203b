"""A share card as a PNG: the page type's words on the site's design (Pillow, Source Sans Pro).

+--------------------------------------------------------------+
| [logo] Sales Leadership Partners             (brand colour)  |
|                                                              |
|  LABEL (accent colour)                                       |
|  The title, large, up to three lines          (soft ground)  |
|                                                              |
|==============================================================| accent stripe
"""

from __future__ import annotations

import io

import font_source_sans_pro
from PIL import Image, ImageDraw, ImageFont

from site_meta.share_cards import CARD_HEIGHT, CARD_WIDTH, ShareCard

from .palette import Palette

MARGIN = 80
BAND_HEIGHT = 150
STRIPE_HEIGHT = 18
TITLE_SIZES = (76, 68, 60, 52)  # the largest that fits in TITLE_LINES lines
TITLE_LINES = 3


def _font(style: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_source_sans_pro.font_files_ttf[f"SourceSansPro{style}"], size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _logo(draw: ImageDraw.ImageDraw, left: int, top: int, size: int, palette: Palette) -> None:
    """The brand mark of theme/templates/base.html: a rounded square with three rising bars."""
    scale = size / 32
    draw.rounded_rectangle((left, top, left + size, top + size), radius=round(7 * scale), fill=palette["on-brand"])
    for x, y in ((7, 17), (14, 13), (21, 8)):
        draw.rectangle(
            (left + x * scale, top + y * scale, left + (x + 4) * scale, top + 23 * scale), fill=palette["brand"]
        )


def draw_card(card: ShareCard, site_name: str, palette: Palette) -> bytes:
    image = Image.new("RGB", (CARD_WIDTH, CARD_HEIGHT), palette["bg-soft"])
    draw = ImageDraw.Draw(image)
    accent = palette.accent(card.role)

    draw.rectangle((0, 0, CARD_WIDTH, BAND_HEIGHT), fill=palette["brand"])
    _logo(draw, MARGIN, (BAND_HEIGHT - 64) // 2, 64, palette)
    draw.text(
        (MARGIN + 88, BAND_HEIGHT // 2), site_name, font=_font("Semibold", 44), fill=palette["on-brand"], anchor="lm"
    )

    width = CARD_WIDTH - 2 * MARGIN
    label_font = _font("Semibold", 36)
    draw.text((MARGIN, BAND_HEIGHT + 60), card.label.upper(), font=label_font, fill=accent, anchor="ls")
    for size in TITLE_SIZES:
        title_font = _font("Bold", size)
        lines = _wrap(draw, card.title, title_font, width)
        if len(lines) <= TITLE_LINES:
            break
    lines = lines[:TITLE_LINES]
    top = BAND_HEIGHT + 90
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * round(size * 1.15)), line, font=title_font, fill=palette["text"])

    draw.rectangle((0, CARD_HEIGHT - STRIPE_HEIGHT, CARD_WIDTH, CARD_HEIGHT), fill=accent)
    # A few colours on flat ground: a palette image is a fraction of the size of an RGB one.
    buffer = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(buffer, "PNG")
    return buffer.getvalue()
