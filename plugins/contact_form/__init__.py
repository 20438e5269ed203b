"""contact_form: the core's ContactForm rendered into /contact/, and the files the intake answers with.

The form itself (fields, where it posts, its HTML) is the core's
(sales_leadership.contact); this adapter

- checks CONTACT_BACKEND once, naming the setting when it cannot be used;
- gives templates `render_contact_form()` and `contact_form_head()` (its stylesheet and scripts,
  plus the mailto sender only in mailto mode);
- writes `_intake/` for the lead intake: the contact page with a slot for the form the intake
  re-renders with a visitor's errors, a page shell in the site's layout for its other answers,
  and `site.json` with what the intake must agree on with the build (intake_files.py).

Its scripts and stylesheet (static/) follow the front-end convention of plugins/site_assets.
"""

from pelican import signals

from .intake_files import IntakeFilesGenerator
from .page import check_backend_setting, contact_form_head, render_contact_form


def add_jinja_globals(generator):
    generator.env.globals["render_contact_form"] = render_contact_form
    generator.env.globals["contact_form_head"] = contact_form_head


def get_generators(pelican):
    return IntakeFilesGenerator


def register():
    signals.initialized.connect(check_backend_setting)
    signals.generator_init.connect(add_jinja_globals)
    signals.get_generators.connect(get_generators)
