"""site_meta: titles, descriptions, canonical URLs, Open Graph (which share card each page
gets: share_cards.py; plugins/share_cards draws them), robots noindex for hidden pages,
breadcrumbs and JSON-LD for every page; plus the absolute sitemap line in robots.txt, the
sitemap's dates from the content's own (sitemap_dates.py) and a unique id per feed (feeds.py).

The theme calls the `page_meta()` Jinja global and prints what it returns.
"""

from pelican import signals

from .feeds import give_each_feed_its_own_id
from .page_meta import page_meta
from .robots import write_absolute_sitemap_line
from .sitemap_dates import collect_content_dates, write_content_dates

# `|tojson` (JSON-LD, the quiz's data block) without the spaces after "," and ":" that Jinja's
# default adds: the same data, a few per cent fewer bytes on every page.
COMPACT_JSON = {"sort_keys": True, "separators": (",", ":")}


def add_jinja_globals(generator):
    generator.env.globals["page_meta"] = page_meta
    generator.env.policies["json.dumps_kwargs"] = COMPACT_JSON


def register():
    signals.generator_init.connect(add_jinja_globals)
    signals.all_generators_finalized.connect(collect_content_dates)
    signals.finalized.connect(write_absolute_sitemap_line)
    signals.finalized.connect(write_content_dates)
    signals.finalized.connect(give_each_feed_its_own_id)
