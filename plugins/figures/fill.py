"""Signal receivers of the figures plugin (module level: Pelican holds receivers weakly).

Per-build state (the problems found) lives in a dict placed in the settings at `initialized`;
the generators' context is a shallow copy of the settings, so every signal of one build sees
the same dict and the next build starts afresh.
"""

from __future__ import annotations

import functools
from pathlib import Path

from markupsafe import Markup, escape
from pelican.contents import Article, Page

from sales_leadership.comparison import load_comparison
from sales_leadership.errors import ContentError, Problem, raise_if_any
from sales_leadership.figures import SHORTCODE, Shortcodes
from sales_leadership.files import display_path
from sales_leadership.partners.routing import explanations
from sales_leadership.roles import load_roles

STATE_KEY = "_FIGURES_STATE"
CONTEXT_KEY = "shortcodes"
# Metadata Pelican or the theme read as ids and addresses, never as text for visitors.
NOT_TEXT = {"slug", "template", "save_as", "url", "status", "role", "parent", "lang", "category", "tags"}
HTML_METADATA = {"summary"}  # Pelican renders these through Markdown


def start_build(pelican) -> None:
    pelican.settings[STATE_KEY] = {"problems": []}


def add_shortcodes(generator) -> None:
    """Load what `[[name]]` can say once per build (the comparison through the role catalogue, as
    role_catalogue does, reusing its copy), and give the templates `figure` and `fill_figures`."""
    context = generator.context
    if CONTEXT_KEY not in context:
        path = generator.settings["PATH"]
        roles = context.get("roles") or load_roles(path)
        comparison = context.get("comparison") or load_comparison(path, roles)
        context[CONTEXT_KEY] = comparison.shortcodes(explanations())
    generator.env.globals["figure"] = functools.partial(template_figure, context)
    generator.env.filters["fill_figures"] = functools.partial(fill_html, context)


def template_figure(context, name: str) -> str:
    """`{{ figure("part-time.hours") }}` in a template; an unknown name stops the build."""
    try:
        return context[CONTEXT_KEY].lookup(name)
    except LookupError as error:
        templates = str(Path(context["THEME"]) / "templates")
        raise ContentError(Problem(templates, f"figure({name!r})", str(error))) from None


def fill_html(context, html: str, source: str | None = None) -> Markup:
    """`{{ partner.bio_html|fill_figures(partner.source_path) }}`: HTML made outside Pelican's readers."""
    file = display_path(source) if source else "a template"
    filled, problems = context[CONTEXT_KEY].fill(str(html), file, "", escape=escape)
    raise_if_any(_with_lines(problems, source))
    return Markup(filled)


def fill_content(content) -> None:
    """Fill a page's or an article's text and its metadata (Description, Summary, Lead ...)."""
    state = content.settings.get(STATE_KEY)
    shortcodes: Shortcodes | None = getattr(content, "_context", {}).get(CONTEXT_KEY)
    if state is None or shortcodes is None or not isinstance(content, (Article, Page)):
        return
    file = display_path(content.source_path)
    problems: list[Problem] = []
    if content._content:
        content._content, found = shortcodes.fill(content._content, file, "", escape=escape)
        problems += _with_lines(found, content.source_path)
    for key, value in list(content.metadata.items()):
        if key in NOT_TEXT or not isinstance(value, str) or "[[" not in value:
            continue
        html = key in HTML_METADATA
        filled, found = shortcodes.fill(value, file, key.capitalize(), escape=escape if html else str)
        problems += found
        content.metadata[key] = filled
        setattr(content, key, filled)
        if key == "summary":
            content._summary = filled
    state["problems"].extend(problems)


def _with_lines(problems: list[Problem], source: str | None) -> list[Problem]:
    """Name the source line of each unknown `[[name]]` in a body (the field is the shortcode)."""
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines() if source else []
    except OSError:
        lines = []
    placed = []
    for problem in problems:
        number = next((i for i, line in enumerate(lines, 1) if problem.field in line), None)
        field = f"line {number}: {problem.field}" if number else problem.field
        placed.append(Problem(problem.file, field, problem.message))
    return placed


def raise_problems(generators) -> None:
    raise_if_any(generators[0].context[STATE_KEY]["problems"])


def check_output(pelican) -> None:
    """A `[[name]]` left in a written page was typed where nothing fills it: say which page."""
    output = Path(pelican.settings["OUTPUT_PATH"])
    problems = []
    for page in sorted(output.rglob("*.html")):
        for match in SHORTCODE.finditer(page.read_text(encoding="utf-8")):
            problems.append(
                Problem(
                    display_path(page),
                    match.group(0),
                    "not filled: [[name]] works in pages, articles, partner bios and comparison.yaml's text "
                    "(README, 'Figures in text')",
                )
            )
    raise_if_any(problems)
