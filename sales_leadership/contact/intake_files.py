"""The files the site build writes for the lead intake, and how the intake fills them in.

The build (plugins/contact_form) writes them into `<output>/_intake/`; the intake
reads them. Both sides import the names from here, so neither can drift.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from .backend import ContactBackend

INTAKE_FOLDER = "_intake"
CONTACT_FILE = "contact.html"
PAGE_FILE = "page.html"
SITE_FILE = "site.json"
FORM_SLOT = "%%INTAKE_FORM%%"
TITLE_SLOT = "%%INTAKE_TITLE%%"
MAIN_SLOT = "%%INTAKE_MAIN%%"


class IntakeFilesMissing(FileNotFoundError):
    """The site has not been built into the folder the intake reads (str() names it)."""


@dataclass(frozen=True)
class BuiltSite:
    """What the build wrote for the intake: the page shells and the facts it must agree on."""

    contact_page: str
    page_shell: str
    site_name: str
    organization_email: str
    backend: ContactBackend

    @classmethod
    def read(cls, output_path: str | Path) -> BuiltSite:
        folder = Path(output_path) / INTAKE_FOLDER
        try:
            facts = json.loads((folder / SITE_FILE).read_text(encoding="utf-8"))
            contact_page = (folder / CONTACT_FILE).read_text(encoding="utf-8")
            page_shell = (folder / PAGE_FILE).read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise IntakeFilesMissing(
                f"{error.filename}: not found; build the site first (invoke build or invoke publish)"
            ) from None
        return cls(
            contact_page=contact_page,
            page_shell=page_shell,
            site_name=facts.get("site_name", ""),
            organization_email=facts.get("organization_email", ""),
            backend=ContactBackend(**facts["contact_backend"]),
        )

    def contact_page_with(self, form_html: Markup) -> str:
        """The contact page with this form in place and "Error: " before its title (GOV.UK pattern)."""
        return self.contact_page.replace(FORM_SLOT, str(form_html), 1).replace("<title>", "<title>Error: ", 1)

    def page(self, title: str, main_html: Markup) -> str:
        """A page in the site's layout: `title` is text, `main_html` already-safe markup."""
        return self.page_shell.replace(TITLE_SLOT, str(escape(title))).replace(MAIN_SLOT, str(main_html), 1)
