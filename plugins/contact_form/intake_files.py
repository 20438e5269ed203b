"""Write output/_intake/: what the lead intake answers with, made by the build from the site's own templates.

The intake is a separate program that never reads Pelican's settings. When a
post without JavaScript fails validation it answers with the contact page and
the visitor's errors; when it refuses a post, or shows a partner a lead's
status, it answers with a page in the site's layout. So the build writes:

- `contact.html`: the contact page, with `%%INTAKE_FORM%%` where the form goes;
- `page.html`: the layout (header, navigation, footer, stylesheet) with
  `%%INTAKE_TITLE%%` and `%%INTAKE_MAIN%%` slots;
- `site.json`: the facts the intake must share with the page: where the form posts,
  the site's address, the organisation's e-mail and the asset version.

Written directly, not through Pelican's writer, so they are in no sitemap or feed;
minify_output leaves the folder alone, and hosts do not serve it (deploy/).
"""

from __future__ import annotations

import json
from pathlib import Path

from pelican.generators import Generator

from sales_leadership.contact.backend import ContactBackend
from sales_leadership.contact.intake_files import CONTACT_FILE, INTAKE_FOLDER, PAGE_FILE, SITE_FILE

CONTACT_TEMPLATE = "contact"


class IntakeFilesGenerator(Generator):
    def generate_output(self, writer):
        folder = Path(self.output_path) / INTAKE_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        contact = next(
            (
                page
                for page in self.context.get("hidden_pages", []) + self.context.get("pages", [])
                if page.template == CONTACT_TEMPLATE
            ),
            None,
        )
        if contact is not None:
            html = self.get_template(CONTACT_TEMPLATE).render(
                {**self.context, "page": contact, "intake_shell": True, "output_file": contact.save_as}
            )
            (folder / CONTACT_FILE).write_text(html, encoding="utf-8")
        shell = self.get_template("contact_form/intake-page").render(
            {
                **self.context,
                "intake_shell": True,
                "meta_title": "%%INTAKE_TITLE%%",
                "meta_url": "/contact/",
                "breadcrumbs": [("Home", "/")],
                "output_file": f"{INTAKE_FOLDER}/{PAGE_FILE}",
            }
        )
        (folder / PAGE_FILE).write_text(shell, encoding="utf-8")
        settings = self.settings
        facts = {
            "site_origin": settings.get("SITE_ORIGIN", ""),
            "site_name": settings.get("SITENAME", ""),
            "organization_email": (settings.get("ORGANIZATION") or {}).get("email", ""),
            "asset_version": settings.get("ASSET_VERSION", ""),
            "contact_backend": ContactBackend.from_site_settings(settings).__dict__,
        }
        (folder / SITE_FILE).write_text(json.dumps(facts, indent=2) + "\n", encoding="utf-8")
