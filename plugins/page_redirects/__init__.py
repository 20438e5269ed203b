"""page_redirects: `Redirect-from: /old-address/` in a page's header keeps the old address working.

The core (sales_leadership.redirects) checks the addresses and writes each host's rules; this
adapter reads the header of every published page and article once all content is read, and
after everything is written (so every real page, also those other plugins write, is known):
fails on a collision naming both files, writes a small redirect page at each old address
(meta refresh and a canonical link, for hosts that read no rules) and the three rule files.
"""

from pelican import signals

from .write import collect_redirects, write_redirects


def register():
    signals.all_generators_finalized.connect(collect_redirects)
    signals.finalized.connect(write_redirects)
