"""What the intake knows of the site, loaded once at start: partners, the form's choices, the built pages.

Everything comes through the domain core (sales_leadership) from the same
content the site is built from, and from the files the build wrote for the
intake (`<output>/_intake/`); never from Pelican or its settings. Restart the
intake after editing partners, roles or the quiz, as after a deploy.
"""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup, escape

from sales_leadership.contact.backend import ContactBackend
from sales_leadership.contact.forms import ContactForm, FormChoices
from sales_leadership.contact.intake_files import BuiltSite, IntakeFilesMissing
from sales_leadership.contact.render import render_form
from sales_leadership.partners.model import Partner, load_directory
from sales_leadership.partners.routing import route_enquiry
from sales_leadership.quiz.loader import QUIZ_FILE, load_quiz
from sales_leadership.roles import load_roles

from .storage import Recipient

log = logging.getLogger("intake.site")
_INTAKE_BACKEND = ContactBackend()  # the intake's own address, when no build says otherwise


class SiteContent:
    def __init__(self, content_path: str | Path, output_path: str | Path):
        content_path = Path(content_path)
        self.directory = load_directory(content_path)
        roles = load_roles(content_path)
        self.quiz = load_quiz(content_path / QUIZ_FILE, roles)
        self.choices = FormChoices.from_content(roles, self.quiz)
        try:
            self.built: BuiltSite | None = BuiltSite.read(output_path)
        except IntakeFilesMissing as missing:
            log.warning(
                "the built site is missing: error pages will be plain until it is built and the intake restarted",
                extra={"event": "site_not_built", "detail": str(missing)},
            )
            self.built = None

    def partner(self, slug: str) -> Partner:
        """The partner a lead was routed to; the head office if their file has gone since."""
        return self.directory.by_slug(slug) or self.directory.head_office

    def form(self, formdata=None) -> ContactForm:
        return ContactForm(formdata, choices=self.choices)

    def recipient_for(self, fields: dict[str, str]) -> Recipient:
        """Decided here, by the core's routing: a request never names its recipient."""
        routed = route_enquiry(
            self.directory,
            enquiry_kind=fields.get("enquiry_kind", ""),
            zip_code=(fields.get("zip_code") or "").strip() or None,
            state=(fields.get("state") or "").strip() or None,
        )
        partner = routed.partner
        return Recipient(partner.slug, partner.name, partner.email, routed.rule, routed.reason)

    def contact_page_with_errors(self, form: ContactForm) -> str:
        """The contact page with the visitor's values, the messages and the error summary."""
        if self.built is None:
            return self.page("There is a problem with your message", render_form(form, _INTAKE_BACKEND))
        return self.built.contact_page_with(render_form(form, self.built.backend))

    def refusal_body(self, message: str) -> Markup:
        """Why a post was refused, and the two ways on: the organisation's e-mail and the form."""
        email = self.built.organization_email if self.built is not None else ""
        write = Markup(' You can also write to us at <a href="mailto:{0}">{0}</a>.').format(email) if email else ""
        return Markup(
            '<p>{}</p>\n<p>Nothing was sent.{}</p>\n<p><a href="/contact/">Back to the contact form</a></p>'
        ).format(message, write)

    def page(self, title: str, main_html: Markup) -> str:
        """A page in the site's layout (or a plain one, when the site has not been built)."""
        if self.built is not None:
            return self.built.page(title, main_html)
        return (
            '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n</head>\n<body>\n"
            f'<main id="main">\n<h1>{escape(title)}</h1>\n{main_html}\n</main>\n</body>\n</html>\n'
        )
