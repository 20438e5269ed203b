"""Load the catalogue and the comparison through the core, once per generator, into the context."""

from __future__ import annotations

from sales_leadership.comparison import load_comparison
from sales_leadership.roles import load_roles

from .svg import render_chart


def add_roles_to_context(generator) -> None:
    context = generator.context
    if "roles" in context:  # every generator shares one context: load once per build
        return
    roles = load_roles(generator.settings["PATH"])
    comparison = load_comparison(generator.settings["PATH"], roles)
    context["roles"] = roles
    context["comparison"] = comparison
    context["comparison_svg"] = render_chart(comparison.chart)
