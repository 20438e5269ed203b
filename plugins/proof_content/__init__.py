"""proof_content: case studies and testimonials on the site, read through the core.

A thin adapter over `sales_leadership.proof` (the model and its checks):

- `generator.ProofGenerator` loads the proof into the shared context as `proof` (the home page,
  role pages and partner profiles show it) and writes `/case-studies/` and one page per case
  study through Pelican's writer and the theme's templates, so the sitemap and the link check
  see them like any other page;
- the publish gate, one for every kind of sample content: with `PROOF_SAMPLES = "fail"`
  (publishconf.py sets it when SITE_ORIGIN is in the environment, i.e. a real deployment) a case
  study, testimonial or partner file (content/partners/, read by plugins/partner_directory) still
  marked `Sample: yes` stops the build, listing every such file. Development builds show samples
  with a "Sample" badge.
"""

from pelican import signals

from .generator import ProofGenerator, check_settings


def get_generators(pelican):
    return ProofGenerator


def register():
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
