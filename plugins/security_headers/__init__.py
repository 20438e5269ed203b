"""security_headers: one definition of the HTTP headers every page is served with.

The policy is worked out from the settings (the contact form's backend decides
`form-action`) and written to `output/_headers` (Netlify's format). The local
server applies that same file, so what the tests see locally is what a host
that reads `_headers` sends in production; the nginx snippet in deploy/ is
checked against it by the tests.
"""

from pelican import signals

from .policy import write_headers_file


def register():
    signals.finalized.connect(write_headers_file)
