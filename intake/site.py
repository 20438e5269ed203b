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
from sales_leadership.contact.render import Notice, render_form
from sales_leadership.partners.model import Partner, load_directory
from sales_leadership.partners.routing import route_enquiry
from sales_leadership.quiz.loader import QUIZ_FILE, load_quiz
from sales_leadership.roles import load_roles

from .storage import Recipient

log = logging.getLogger("intake.site")
REFUSED_TITLE = "Your message was not sent"
_INTAKE_BACKEND = ContactBackend()  # the intake's own address, when no build says otherwise


class SiteContent:
    def __init__(self, content_path: str | Path, output_path: str | Path):
        content_path = Path(content_path)
        self.directory = load_directory(content_path)
        roles = load_roles(content_path)
        self.quiz = load_quiz(content_path / QUIZ_FILE, roles)
        self.choices = FormChoices.from_content(roles, self.quiz, self.directory)
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
        """Decided here, by the core's routing: a request never names its recipient's address. A
        chosen partner is a slug, checked against the directory (unknown: the usual rules decide)."""
        routed = route_enquiry(
            self.directory,
            enquiry_kind=fields.get("enquiry_kind", ""),
            zip_code=(fields.get("zip_code") or "").strip() or None,
            state=(fields.get("state") or "").strip() or None,
            partner=(fields.get("partner") or "").strip() or None,
        )
        partner = routed.partner
        return Recipient(partner.slug, partner.name, partner.email, routed.rule, routed.reason)

    def contact_page_with_errors(self, form: ContactForm) -> str:
        """The contact page with the visitor's values, the messages and the error summary."""
        if self.built is None:
            return self.page("There is a problem with your message", render_form(form, _INTAKE_BACKEND))
        return self.built.contact_page_with(render_form(form, self.built.backend))

    @property
    def email(self) -> str:
        """The address a visitor can write to when the form does not work: the organisation's, from
        the build; else the head office's."""
        if self.built is not None and self.built.organization_email:
            return self.built.organization_email
        return self.directory.head_office.email

    def contact_page_refused(self, form: ContactForm, message: str) -> str:
        """The contact page with what the visitor typed, and at the top why it was not sent and the
        address to write to instead (429, 403, 503: the post was read, but not taken)."""
        body = Markup(
            "<p>{message}</p>\n"
            '<p>What you typed is below. Or email it to us at <a href="mailto:{email}">{email}</a>.</p>'
        ).format(message=message, email=self.email)
        notice = Notice(REFUSED_TITLE, body)
        if self.built is None:
            return self.page(REFUSED_TITLE, render_form(form, _INTAKE_BACKEND, notice))
        return self.built.contact_page_with(render_form(form, self.built.backend, notice))

    def refusal_body(self, message: str) -> Markup:
        """Why a post was refused when it could not be read back, and the ways on: the e-mail address
        and the form as the visitor left it (the Back button; with JavaScript, back-to-form.mjs makes
        the link go back too)."""
        return Markup(
            "<p>{message}</p>\n"
            '<p>Nothing was sent. Email us at <a href="mailto:{email}">{email}</a>, or go back: your browser\'s '
            "Back button brings back what you typed.</p>\n"
            '<p><a href="/contact/" data-back-to-form>Back to the contact form</a></p>'
        ).format(message=message, email=self.email)

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
