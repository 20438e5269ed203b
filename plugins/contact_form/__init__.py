"""contact_form: the WTForms ContactForm, rendered into the static /contact/ page at build time.

- forms.py: `ContactForm`, the one definition of the fields (the intake service validates with it);
- render.py: `render_form` turns it into the <form>, with HTML5 constraints, autocomplete
  tokens and GOV.UK-style errors derived from the fields and validators;
- static/: the page's script (errors, local partner, pre-filling, the anti-bot token) and its
  stylesheet, contact-form.css (linked only from the contact page).

A page with `Template: contact` calls the `render_contact_form()` Jinja global, which
prints the form between `<!-- contact-form:start -->` and `<!-- contact-form:end -->`, and
`contact_form_head()` in its `<head>` for the form's stylesheet and scripts (contact-mailto.mjs
only in mailto mode, the one mode that needs it).
Where the form posts is the CONTACT_BACKEND setting (see pelicanconf.py).
"""

from pelican import signals

from .pages import ContactAssetsGenerator, check_backend_setting, contact_form_head, render_contact_form


def add_jinja_globals(generator):
    generator.env.globals["render_contact_form"] = render_contact_form
    generator.env.globals["contact_form_head"] = contact_form_head


def get_generators(pelican):
    return ContactAssetsGenerator


def register():
    signals.initialized.connect(check_backend_setting)
    signals.generator_init.connect(add_jinja_globals)
    signals.get_generators.connect(get_generators)
