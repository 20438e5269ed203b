"""role_catalogue: the roles and their comparison, for every template, checked against the role pages.

The core reads content/data/roles.yaml and comparison.yaml (sales_leadership.roles,
.comparison). This adapter puts them in the templates' context (`roles`,
`comparison`, `comparison_svg`), draws the chart (svg.py) and fails the build when a
role page's `Role:` names an unknown role, a role has no page at its address, or
the theme's stylesheet has no `[data-role="<id>"]` rule for a role.
"""

from pelican import signals

from .checks import check_role_pages, check_role_styles
from .context import add_roles_to_context


def register():
    signals.initialized.connect(check_role_styles)
    signals.generator_init.connect(add_roles_to_context)
    signals.page_generator_finalized.connect(check_role_pages)
