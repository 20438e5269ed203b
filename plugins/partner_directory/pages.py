"""Write /partners/, one profile page per partner, and their pictures.

A Pelican generator (returned from `get_generators`): `generate_context` loads
and validates the partners and shares them with every template (the contact
page needs the routing table too); `generate_output` writes through Pelican's
writer and the theme's `partners.html` / `partner.html`, so page_meta, the
sitemap and the link check see these pages like any other.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pelican.generators import Generator

from sales_leadership.partners.model import load_directory

from .avatar import avatar_svg
from .structured_data import partner_business

CONTEXT_KEY = "partner_directory"


class PartnerPagesGenerator(Generator):
    def generate_context(self):
        self.directory = load_directory(self.path)
        self.context[CONTEXT_KEY] = self.directory

    def generate_output(self, writer):
        directory = self.directory
        output = Path(self.output_path)
        writer.write_file(
            "partners/index.html",
            self.get_template("partners"),
            self.context,
            meta_title="Find your local partner",
            meta_description=(
                "Find the sales leadership partner for your area by ZIP code or state: experienced part-time, "
                "interim and fractional sales leaders across the US."
            ),
            meta_url="/partners/",
            directory=directory,
        )
        for partner in directory.partners:
            writer.write_file(
                f"partners/{partner.slug}/index.html",
                self.get_template("partner"),
                self.context,
                meta_title=f"{partner.name}, {partner.title}",
                meta_description=partner.description,
                meta_url=partner.url,
                breadcrumbs=[("Home", "/"), ("Partners", "/partners/"), (partner.name, partner.url)],
                json_ld_extra=[partner_business(partner, self.settings)],
                partner=partner,
                directory=directory,
            )
            folder = output / "partners" / partner.slug
            folder.mkdir(parents=True, exist_ok=True)
            if partner.photo_source is not None:
                shutil.copyfile(partner.photo_source, output / partner.photo.lstrip("/"))
            (folder / "avatar.svg").write_text(avatar_svg(partner.initials, partner.slug), encoding="utf-8")
