"""security_headers: write the core's header policy to `output/_headers` (Netlify's format).

The local server (intake/server.py) applies that same file, so what the tests see
locally is what a host that reads `_headers` sends; deploy/'s nginx snippet comes
from the same policy (`invoke nginx-headers`) and the tests check it is current.
"""

from pathlib import Path

from pelican import signals

from sales_leadership.contact.backend import ContactBackend
from sales_leadership.headers.policy import HEADERS_FILE, header_rules, render_headers_file


def write_headers_file(pelican) -> None:
    settings = pelican.settings
    backend = ContactBackend.from_site_settings(settings)
    output = Path(settings["OUTPUT_PATH"]) / HEADERS_FILE
    output.write_text(render_headers_file(header_rules(backend)), encoding="utf-8")


def register():
    signals.finalized.connect(write_headers_file)
