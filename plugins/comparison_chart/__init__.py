"""comparison_chart: the side-by-side chart of the four roles.

`content/data/comparison.yaml` is the one place the roles' facts live. This
plugin validates it, makes it available to templates as `comparison` (the
compare page's table, each role page's "at a glance" box) and draws the
time-commitment-against-scope SVG from the same numbers.
"""

from pelican import signals

from .model import add_comparison_to_context


def register():
    signals.page_generator_init.connect(add_comparison_to_context)
