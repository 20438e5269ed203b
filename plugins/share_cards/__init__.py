"""share_cards: draw each page type's share card (its og:image) into output/share/ at build time.

plugins/site_meta decides which card a page gets and what it says (site_meta.share_cards);
this plugin draws it with Pillow on the site's design: the colours come from the theme's
stylesheet, the font (Source Sans Pro) from a pinned package, nothing from the network.
A card is drawn once per build, when the first page that uses it is written.
"""

from pelican import signals

from .write import draw_card_for_page


def register():
    signals.content_written.connect(draw_card_for_page)
