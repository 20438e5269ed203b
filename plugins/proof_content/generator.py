"""The Pelican generator of plugins/proof_content (receivers are module level: Pelican holds them weakly)."""

from __future__ import annotations

import logging

from pelican.generators import Generator

from sales_leadership.errors import ContentError, Problem, raise_if_any
from sales_leadership.partners import model as partners
from sales_leadership.proof import CASE_STUDIES_URL, load_proof, sample_problems
from sales_leadership.roles import load_roles

logger = logging.getLogger(__name__)

CONTEXT_KEY = "proof"
SAMPLE_MODES = ("show", "fail")
LIST_TITLE = "Case studies"
LIST_DESCRIPTION = (
    "What changed when companies brought in part-time, interim or fractional sales leadership: "
    "the situation, the first 90 days and the results."
)


def check_settings(pelican) -> None:
    """`PROOF_SAMPLES` is "show" (the default: samples appear, badged) or "fail" (the publish gate)."""
    mode = pelican.settings.setdefault("PROOF_SAMPLES", "show")
    if mode not in SAMPLE_MODES:
        raise ContentError(
            Problem("pelicanconf.py", "PROOF_SAMPLES", f"proof_content: {mode!r}; use one of {', '.join(SAMPLE_MODES)}")
        )


class ProofGenerator(Generator):
    """Shares `proof` with every template and writes the case-study pages."""

    def generate_context(self):
        directory = self.context.get("partner_directory")
        partner_slugs = [partner.slug for partner in directory.partners] if directory is not None else None
        self.proof = load_proof(self.path, load_roles(self.path).ids, partner_slugs)
        # One gate for every kind of sample content: case studies, testimonials and partners.
        samples = sample_problems(self.proof) + (partners.sample_problems(directory) if directory is not None else [])
        if self.settings.get("PROOF_SAMPLES") == "fail":
            raise_if_any(samples)
        elif samples:
            logger.info("proof_content: %d sample file(s), shown with a Sample badge", len(samples))
        self.context[CONTEXT_KEY] = self.proof

    def generate_output(self, writer):
        if not self.proof.case_studies:
            return
        home = ("Home", "/")
        listing = (LIST_TITLE, CASE_STUDIES_URL)
        writer.write_file(
            f"{CASE_STUDIES_URL.strip('/')}/index.html",
            self.get_template("case-studies"),
            self.context,
            meta_title=LIST_TITLE,
            meta_description=LIST_DESCRIPTION,
            meta_url=CASE_STUDIES_URL,
            breadcrumbs=[home, listing],
        )
        for study in self.proof.case_studies:
            writer.write_file(
                f"{study.url.strip('/')}/index.html",
                self.get_template("case-study"),
                self.context,
                meta_title=study.title,
                meta_description=study.description,
                meta_url=study.url,
                breadcrumbs=[home, listing, (study.title, study.url)],
                source_file=study.source,
                study=study,
            )
