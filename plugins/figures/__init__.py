"""figures: fill every `[[name]]` in pages, articles and partner bios, at content time.

The figures are content/data/comparison.yaml's (sales_leadership.comparison), the generated
texts the routing rules' (`[[routing]]`, sales_leadership.partners.routing); what a name means
and how it reads is the core's (sales_leadership.figures). This adapter only:

- fills each page's and article's text and metadata as Pelican reads it, and records every
  unknown name with its file and line, raised once all content is read;
- gives templates `figure("name")` and the `fill_figures(source)` filter (partner bios);
- fails the build when a `[[name]]` reaches a written page unfilled (typed where no filling
  happens, such as the quiz's YAML), naming the page.
"""

from pelican import signals

from .fill import add_shortcodes, check_output, fill_content, raise_problems, start_build


def register():
    signals.initialized.connect(start_build)
    signals.generator_init.connect(add_shortcodes)
    signals.content_object_init.connect(fill_content)
    signals.all_generators_finalized.connect(raise_problems)
    signals.finalized.connect(check_output)
