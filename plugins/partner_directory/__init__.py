"""partner_directory: local partners as content, territory routing, locator data, profile pages.

- `content/partners/*.md` -> `model.load_directory` (validated; the build names file and field);
- `routing.route` decides which partner answers a ZIP code or state (DESIGN.md's rules);
- `routing.build_lookup` is the same decision as a compact table for the browser's
  `routing.mjs`, so the locator and the contact form resolve a ZIP code offline;
- `/partners/` and `/partners/<slug>/` pages, with LocalBusiness JSON-LD.

Templates this plugin owns (the locator box, the partner card) live in its
`templates/` folder, added to the theme's search path; page layouts stay in the theme.
"""

from pathlib import Path

from pelican import signals

from .jinja import partner_lookup_json, us_state_options, zip_data_credit
from .pages import PartnerPagesGenerator

TEMPLATES = str(Path(__file__).resolve().parent / "templates")


def add_templates_and_state(pelican):
    overrides = list(pelican.settings.get("THEME_TEMPLATES_OVERRIDES") or [])
    if TEMPLATES not in overrides:
        overrides.append(TEMPLATES)
    pelican.settings["THEME_TEMPLATES_OVERRIDES"] = overrides
    pelican.settings["_PARTNER_DIRECTORY_STATE"] = {}


def add_jinja_globals(generator):
    generator.env.globals.update(
        partner_lookup_json=partner_lookup_json,
        us_state_options=us_state_options,
        zip_data_credit=zip_data_credit,
    )


def get_generators(pelican):
    return PartnerPagesGenerator


def register():
    signals.initialized.connect(add_templates_and_state)
    signals.generator_init.connect(add_jinja_globals)
    signals.get_generators.connect(get_generators)
