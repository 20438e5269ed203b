"""faq_page: turn a Markdown FAQ ("## Question?" then the answer) into
FAQPage JSON-LD and a list of questions linking to their answers.

Editors add a question by adding a `## ...?` heading and its answer to the
page whose metadata says `Template: faq`; nothing else to configure.
"""

from pelican import signals

from .extract import attach_faq_entries


def register():
    signals.page_generator_finalized.connect(attach_faq_entries)
