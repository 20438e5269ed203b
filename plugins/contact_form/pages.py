"""The build's side of the contact form: the setting check, the Jinja global, the scripts and CSS."""

from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup
from pelican.generators import Generator

from sales_leadership.errors import ContentError, Problem

from .forms import ContactForm
from .render import form_attributes, render_form_between_markers

STATIC = Path(__file__).resolve().parent / "static"
ASSETS_FOLDER = "assets/contact"


def check_backend_setting(pelican) -> None:
    """Fail the build at once, naming the setting, when CONTACT_BACKEND makes no sense."""
    try:
        form_attributes(pelican.settings)
    except ValueError as error:
        raise ContentError(Problem("pelicanconf.py", "CONTACT_BACKEND", str(error).split(": ", 1)[-1])) from None


@pass_context
def render_contact_form(context) -> Markup:
    """The empty contact form between its markers, as the page and the intake service expect."""
    return render_form_between_markers(ContactForm(), context)


@pass_context
def contact_form_head(context) -> Markup:
    """The contact page's stylesheet and script, plus the mailto script when the form has no server."""
    assets = f"{context.get('SITEURL', '')}/{ASSETS_FOLDER}"
    tags = [
        Markup('<link rel="stylesheet" href="{}/contact-form.css">').format(assets),
        Markup('<script type="module" src="{}/contact-form.mjs"></script>').format(assets),
    ]
    if form_attributes(context)["data-backend"] == "mailto":
        tags.append(Markup('<script type="module" src="{}/contact-mailto.mjs"></script>').format(assets))
    return Markup("\n  ").join(tags)


class ContactAssetsGenerator(Generator):
    """Copies the form's scripts and stylesheet into the output (no pages of its own: /contact/ is a content page)."""

    def generate_output(self, writer):
        target = Path(self.output_path) / ASSETS_FOLDER
        target.mkdir(parents=True, exist_ok=True)
        for asset in sorted([*STATIC.glob("*.mjs"), *STATIC.glob("*.css")]):
            shutil.copyfile(asset, target / asset.name)
