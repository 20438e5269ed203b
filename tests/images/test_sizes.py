"""The sizes pictures are made at are the sizes the stylesheets show them at.

If a stylesheet shows a partner's photo larger, or widens the text column, this fails and names
the constant to change (the copies would otherwise be blurry, or wastefully large)."""

from __future__ import annotations

import re

from sales_leadership.images.pictures import TEXT_COLUMN_PX
from sales_leadership.partners.photos import SLOTS
from tests.support import ROOT

ROOT_FONT_PX = 16


def css_rem(path: str, selector: str, prop: str) -> float:
    css = (ROOT / path).read_text(encoding="utf-8")
    rule = re.search(rf"(?m)^{re.escape(selector)}\s*\{{([^}}]*)\}}", css)
    assert rule, f"{path}: no rule {selector}"
    value = re.search(rf"(?:^|;)\s*{re.escape(prop)}:\s*([\d.]+)rem", rule.group(1))
    assert value, f"{path}: {selector} has no {prop} in rem"
    return float(value.group(1))


def test_the_partner_photo_slots_match_the_stylesheets():
    card = css_rem("plugins/partner_directory/static/partner-card.css", ".partner-photo", "width")
    profile = css_rem("plugins/partner_directory/static/partners.css", ".partner-photo--large", "width")
    shown = {"card": card * ROOT_FONT_PX, "profile": profile * ROOT_FONT_PX}
    assert shown == SLOTS, "change SLOTS in sales_leadership/partners/photos.py"


def test_the_text_column_matches_the_stylesheet():
    column = css_rem("theme/static/css/site.css", ":root", "--measure") * ROOT_FONT_PX
    assert column == TEXT_COLUMN_PX, "change TEXT_COLUMN_PX in sales_leadership/images/pictures.py"
