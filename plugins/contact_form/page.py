"""The contact page's side of the form: the setting check and the two Jinja globals."""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

from sales_leadership.contact.backend import BackendError, ContactBackend
from sales_leadership.contact.forms import ContactForm, FormChoices
from sales_leadership.contact.intake_files import FORM_SLOT
from sales_leadership.contact.render import render_form
from sales_leadership.errors import ContentError, Problem

STATIC = "plugins/contact_form/static"


def check_backend_setting(pelican) -> None:
    """Fail the build at once, naming the setting, when CONTACT_BACKEND makes no sense."""
    try:
        ContactBackend.from_site_settings(pelican.settings)
    except BackendError as error:
        raise ContentError(Problem("pelicanconf.py", "CONTACT_BACKEND", str(error))) from None


def form_choices(context) -> FormChoices:
    """The roles, the quiz's bands and the partners, as the role_catalogue, role_quiz and
    partner_directory plugins loaded them."""
    return FormChoices.from_content(context["roles"], context["quiz"], context.get("partner_directory"))


@pass_context
def render_contact_form(context) -> Markup:
    """The empty contact form (or, in the intake's copy of the page, the slot for it)."""
    if context.get("intake_shell"):
        return Markup(FORM_SLOT)
    return render_form(ContactForm(choices=form_choices(context)), ContactBackend.from_site_settings(context))


# The script only some backends need: mailto sends the message itself; with a third-party service the
# thanks page cannot ask the intake who will call, so the form remembers it.
BACKEND_SCRIPTS = {"mailto": "contact-mailto.mjs", "url": "remember-partner.mjs", "netlify": "remember-partner.mjs"}


@pass_context
def contact_form_head(context) -> Markup:
    """The contact page's stylesheet and script, plus the script its backend needs (BACKEND_SCRIPTS)."""
    asset_url = context["asset_url"]
    tags = [
        Markup('<link rel="stylesheet" href="{}">').format(asset_url(f"{STATIC}/contact-form.css")),
        Markup('<script type="module" src="{}"></script>').format(asset_url(f"{STATIC}/contact-form.mjs")),
    ]
    extra = BACKEND_SCRIPTS.get(ContactBackend.from_site_settings(context).mode)
    if extra:
        tags.append(Markup('<script type="module" src="{}"></script>').format(asset_url(f"{STATIC}/{extra}")))
    return Markup("\n  ").join(tags)
