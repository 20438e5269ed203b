"""Write /partners/, one profile page per partner, and their pictures.

A Pelican generator (returned from `get_generators`): `generate_context` loads
and validates the partners, shares them with every template (the contact
page needs the routing table too) and publishes their photos' small copies
(plugins/responsive_images: a photo that cannot be decoded stops the build
before any page is written); `generate_output` writes through Pelican's
writer and the theme's `partners.html` / `partner.html`, so page_meta, the
sitemap and the link check see these pages like any other, and the initials
placeholder of each partner without a photo.
"""

from __future__ import annotations

import os
from pathlib import Path

from pelican.generators import Generator

from responsive_images.publish import publish_pictures
from sales_leadership.errors import Problem, raise_if_any
from sales_leadership.files import display_path
from sales_leadership.images.sources import ImageError
from sales_leadership.partners.model import FIELD_LABELS, Directory, load_directory
from sales_leadership.partners.photos import photo_pictures

from .avatar import avatar_svg
from .structured_data import partner_business

CONTEXT_KEY = "partner_directory"


class PartnerPagesGenerator(Generator):
    def generate_context(self):
        self.directory = load_directory(self.path)
        self.context[CONTEXT_KEY] = self.directory
        raise_if_any(self._publish_photos(self.directory))

    def _publish_photos(self, directory: Directory) -> list[Problem]:
        problems = []
        for partner in directory.partners:
            if partner.photo is None:
                continue
            try:
                pictures = photo_pictures(partner.slug, partner.photo).values()
                publish_pictures(pictures, Path(self.output_path), self.settings["CACHE_PATH"])
            except ImageError as error:
                value = Path(os.path.relpath(partner.photo.path, Path(partner.source_path).parent)).as_posix()
                problems.append(Problem(display_path(partner.source_path), FIELD_LABELS["photo"], f"{value!r} {error}"))
        return problems

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
            if partner.photo is None:
                folder = output / "partners" / partner.slug
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "avatar.svg").write_text(avatar_svg(partner.initials, partner.slug), encoding="utf-8")
