"""The `content_written` receiver: each page's card is drawn the first time a page needs it.

Drawing a card takes a fraction of a second, so finished cards are kept in the build's
cache folder (CACHE_PATH/share-cards/), named by a hash of everything that shapes the
picture: the card's words, the site's name, the palette and this plugin's drawing code.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from site_meta.share_cards import share_card_for

from . import draw
from .palette import read_palette

CACHE_FOLDER = "share-cards"
_DRAWING_CODE = Path(draw.__file__).read_bytes()

# (output folder, card) already written by this process: a card is written once per build, and
# again only when its words change or its file has gone (a rebuild that emptied output/).
_written: set[tuple[str, object]] = set()


def draw_card_for_page(path, context) -> None:
    if "SITENAME" not in context or "OUTPUT_PATH" not in context:
        return
    card = share_card_for(context)
    output = Path(context["OUTPUT_PATH"])
    target = output / card.path.lstrip("/")
    key = (str(output), card)
    if key in _written and target.is_file():
        return
    palette = read_palette(context["_SITE_THEME"])  # site_theme's, read once per build
    fingerprint = hashlib.sha256(repr((card, context["SITENAME"], palette)).encode() + _DRAWING_CODE).hexdigest()
    cached = Path(context.get("CACHE_PATH") or "cache") / CACHE_FOLDER / f"{fingerprint[:24]}.png"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(draw.draw_card(card, context["SITENAME"], palette))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    _written.add(key)
