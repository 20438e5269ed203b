"""The receivers of page_redirects (module level: Pelican holds receivers weakly)."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from sales_leadership.errors import raise_if_any
from sales_leadership.files import display_path
from sales_leadership.redirects import (
    CADDY_FILE,
    NETLIFY_FILE,
    NGINX_FILE,
    Redirect,
    caddy_rules,
    collisions,
    netlify_rules,
    nginx_map_entries,
    parse_redirect_from,
)
from site_guard.checks import written_sources  # site_guard records which source wrote each page

STATE_KEY = "_PAGE_REDIRECTS"
HEADER_KEYS = ("redirect-from", "redirect_from")
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=select_autoescape(["html"])
)


def collect_redirects(generators) -> None:
    """Read every published page's and article's Redirect-from once all content is read."""
    context = generators[0].context
    items = [
        *context.get("articles", []),
        *context.get("hidden_articles", []),
        *context.get("pages", []),
        *context.get("hidden_pages", []),
    ]
    redirects, problems, titles = [], [], {}
    for item in items:
        value = next((item.metadata[key] for key in HEADER_KEYS if key in item.metadata), None)
        if value is None:
            continue
        target = "/" + item.url
        found, wrong = parse_redirect_from(value, target, display_path(item.source_path))
        redirects += found
        problems += wrong
        titles[target] = str(item.title)
    raise_if_any(problems)
    generators[0].settings[STATE_KEY] = (redirects, titles)  # the settings: what `finalized` sees


def write_redirects(pelican) -> None:
    settings = pelican.settings
    redirects, titles = settings.get(STATE_KEY, ([], {}))
    output = Path(settings["OUTPUT_PATH"])

    def existing_page_file(redirect: Redirect) -> str | None:
        stub = output / redirect.stub_path
        if not stub.is_file():
            return None
        written, _drafts = written_sources(settings)
        return written.get(os.path.realpath(stub), display_path(stub))

    raise_if_any(collisions(redirects, existing_page_file))
    origin = settings.get("SITE_ORIGIN", "").rstrip("/")
    template = _TEMPLATES.get_template("page_redirects/redirect.html")
    for redirect in redirects:
        stub = output / redirect.stub_path
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(
            template.render(
                target=redirect.target,
                canonical=origin + redirect.target,
                title=titles.get(redirect.target, redirect.target),
                lang=settings.get("DEFAULT_LANG", "en"),
            ),
            encoding="utf-8",
        )
    for name, render in ((NETLIFY_FILE, netlify_rules), (NGINX_FILE, nginx_map_entries), (CADDY_FILE, caddy_rules)):
        (output / name).write_text(render(redirects), encoding="utf-8")
