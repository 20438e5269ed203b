"""site_guard: make a broken site fail its build instead of shipping quietly.

Pelican only logs an error when a local plugin fails to import, skips content
whose metadata header is broken with a log line, and happily writes links to
pages that do not exist. This plugin turns each of those into a build failure
that names the file:

- every plugin listed in REQUIRED_PLUGINS must have registered;
- every page and article must have a title and a description (meta description);
- every internal link, `#anchor`, image and asset reference in the written
  HTML must resolve to a file (and id) in the output folder.
"""

from pelican import signals

from .checks import (
    check_links,
    check_plugins_loaded,
    check_required_metadata,
    raise_content_problems,
    record_written,
)


def register():
    signals.initialized.connect(check_plugins_loaded)
    signals.content_object_init.connect(check_required_metadata)
    signals.all_generators_finalized.connect(raise_content_problems)
    signals.content_written.connect(record_written)
    signals.finalized.connect(check_links)
