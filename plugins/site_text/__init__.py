"""site_text: the site's own words (content/data/site.yaml) for every template, and for Pelican.

The core (sales_leadership.site_text) reads and checks the file. This adapter, at
`initialized`, sets what Pelican and the other plugins read from the settings (SITENAME,
SITE_TAGLINE, SITE_DESCRIPTION, ORGANIZATION) and tells site_guard which links the file
declares (LINK_SOURCES: a typo in a menu address is reported once, against site.yaml, not
against every page that prints the menu); at `generator_init` it puts `site_text` in the
templates' context, every text HTML-escaped already (templates print it as it is).
"""

from pelican import signals

from .context import add_site_text, read_site_text


def register():
    signals.initialized.connect(read_site_text)
    signals.generator_init.connect(add_site_text)
