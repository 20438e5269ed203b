"""site_meta: titles, descriptions, canonical URLs, Open Graph, breadcrumbs and
JSON-LD for every page, plus the absolute sitemap line in robots.txt.

The theme calls the `page_meta()` Jinja global and prints what it returns.
"""

from pelican import signals

from .page_meta import page_meta
from .robots import write_absolute_sitemap_line

# `|tojson` (JSON-LD, the quiz's data block) without the spaces after "," and ":" that Jinja's
# default adds: the same data, a few per cent fewer bytes on every page.
COMPACT_JSON = {"sort_keys": True, "separators": (",", ":")}


def add_jinja_globals(generator):
    generator.env.globals["page_meta"] = page_meta
    generator.env.policies["json.dumps_kwargs"] = COMPACT_JSON


def register():
    signals.generator_init.connect(add_jinja_globals)
    signals.finalized.connect(write_absolute_sitemap_line)
