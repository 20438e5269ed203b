"""The contact page's error state for a form post that failed validation (no JavaScript needed).

The build wraps the form in `<!-- contact-form:start -->` ... `<!-- contact-form:end -->`
markers; the intake answers 422 with the built page, that region replaced by
the same ContactForm re-rendered with the visitor's values and the error
summary. Everything else on the page (navigation, headers, styles) is exactly
what the build produced.
"""

from __future__ import annotations

import threading
from pathlib import Path

from markupsafe import escape

from contact_form.render import END_MARKER, START_MARKER, render_form

CONTACT_PAGE = Path("contact") / "index.html"


class ContactPage:
    def __init__(self, output_path: Path, pelican_settings: Path):
        self.page_path = output_path / CONTACT_PAGE
        self.pelican_settings = pelican_settings
        self._settings: dict | None = None
        self._lock = threading.Lock()

    def settings(self) -> dict:
        """The site's Pelican settings, read once: render_form needs the same ones the build used."""
        with self._lock:
            if self._settings is None:
                from pelican.settings import read_settings

                self._settings = read_settings(str(self.pelican_settings)) if self.pelican_settings.is_file() else {}
            return self._settings

    def with_errors(self, form) -> str:
        """The built contact page with the bound form (values, messages, error summary) in place."""
        rendered = str(render_form(form, self.settings()))
        page = self.page_path.read_text(encoding="utf-8") if self.page_path.is_file() else ""
        start, end = page.find(START_MARKER), page.find(END_MARKER)
        if start < 0 or end < start:
            return fallback_page("There is a problem with your message", rendered)
        page = page[: start + len(START_MARKER)] + "\n" + rendered + "\n" + page[end:]
        # GOV.UK pattern: the title says there is an error, so screen-reader users hear it first.
        return page.replace("<title>", "<title>Error: ", 1)


def fallback_page(title: str, body_html: str) -> str:
    """A plain page in the site's style, for when the built page is not at hand."""
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="stylesheet" href="/theme/css/site.css">\n'
        # The form's own stylesheet: its layout, and the honeypot field kept out of sight.
        '<link rel="stylesheet" href="/assets/contact/contact-form.css">\n</head>\n<body>\n'
        f'<main id="main" class="wrap">\n<h1>{escape(title)}</h1>\n{body_html}\n'
        '<p><a href="/contact/">Back to the contact page</a></p>\n</main>\n</body>\n</html>\n'
    )
