"""site_theme: the colours and logo of content/data/theme.yaml, as a stylesheet every page loads.

The core (sales_leadership.theme) reads the file, checks every colour and the contrast of
every text colour on its backgrounds, and writes the CSS. This adapter hands that CSS (and
the logo, if one is given) to site_assets as generated front-end files, published under
/assets/<version>/generated/theme/ like every other (the version covers them), and puts
`site_theme` (the brand colour, the logo's address) in the templates' context.
Listed before site_assets in PLUGINS: the version is chosen from what it adds.
"""

from pelican import signals

from .tokens import add_theme_to_context, generate_theme


def register():
    signals.initialized.connect(generate_theme)
    signals.generator_init.connect(add_theme_to_context)
