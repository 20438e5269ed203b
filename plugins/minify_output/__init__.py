"""minify_output: smaller publish builds, with precompressed copies for hosts that serve them.

When `MINIFY_OUTPUT` is true (publishconf.py sets it; development builds keep
readable output), every HTML, CSS and JS file in the output is minified in place:
HTML and CSS with `minify-html` (its bundled lightningcss does CSS), JS with
`tdewolff-minify` (comments dropped, local names shortened), then every
text file gets `.gz` (and `.br`) siblings that nginx's `gzip_static`/`brotli_static`
or any host that looks for precompressed files can send as they are.

It runs at `finalized`, after the other plugins' checks (it is listed last in
PLUGINS), so the link checker and the header writer see the full site.
"""

from pelican import signals

from .minify import minify_output_folder


def register():
    signals.finalized.connect(minify_output_folder)
