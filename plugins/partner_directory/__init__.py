"""partner_directory: the partner pages and the browser's routing table, from the core's directory.

The core (sales_leadership.partners) reads and validates content/partners/*.md and
decides who answers which ZIP code or state; this adapter

- writes `/partners/` and `/partners/<slug>/` with LocalBusiness JSON-LD (pages.py, structured_data.py),
  each partner's photo as small copies (through plugins/responsive_images), and an initials
  picture for partners without a photo (avatar.py);
- gives templates `partner_photo(partner, "card" | "profile")`, the photo's markup (jinja.py), and
  `partner_lookup_json()`, the routing as a compact table for the browser's
  static/routing.mjs, so the locator and the contact form resolve a ZIP code offline (jinja.py).

Its scripts, stylesheet and templates follow the front-end convention of plugins/site_assets.
"""

from pelican import signals

from .jinja import partner_lookup_json, partner_photo, us_state_options, zip_data_credit
from .pages import PartnerPagesGenerator


def start_build(pelican):
    pelican.settings["_PARTNER_DIRECTORY_STATE"] = {}


def add_jinja_globals(generator):
    generator.env.globals.update(
        partner_lookup_json=partner_lookup_json,
        partner_photo=partner_photo,
        us_state_options=us_state_options,
        zip_data_credit=zip_data_credit,
    )


def get_generators(pelican):
    return PartnerPagesGenerator


def register():
    signals.initialized.connect(start_build)
    signals.generator_init.connect(add_jinja_globals)
    signals.get_generators.connect(get_generators)
