"""site_guard: make a broken site fail its build instead of shipping quietly.

Pelican only logs an error when a local plugin fails to import, skips content
whose metadata header is broken with a log line, and happily writes links to
pages that do not exist. This plugin turns each of those, and every rule the
README gives editors, into a build failure that names the file, the field and
what to do (docs/content-rules.md lists the rules and where each is checked):

- every plugin listed in REQUIRED_PLUGINS must have registered;
- every page and article keeps the README's rules (page_rules.py): a title, a
  description of 110-160 characters, no second top-level heading, links written
  from the root with a trailing slash;
- files Pelican could not read are named with the reason (reading.py: a bad date);
- pages do not clash (site_rules.py): no shared address, title or description, no
  `Parent:` naming no page, one spelling per category and tag;
- every internal link, `#anchor`, image and asset reference in the written
  HTML must resolve to a file (and id) in the output folder (links.py).

build.py runs a build and turns what stops it into those lines, Pelican's own
failures included (two pages written to one file).
"""

from pelican import signals

from .checks import (
    check_page,
    check_plugins_loaded,
    check_written_site,
    raise_content_problems,
    record_written,
)


def register():
    signals.initialized.connect(check_plugins_loaded)
    signals.content_object_init.connect(check_page)
    signals.all_generators_finalized.connect(raise_content_problems)
    signals.content_written.connect(record_written)
    signals.finalized.connect(check_written_site)
