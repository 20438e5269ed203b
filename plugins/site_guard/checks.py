"""Signal receivers of site_guard (module level: Pelican holds receivers weakly).

Per-build state lives in a dict placed in the settings at `initialized`; the
shared generator context is a shallow copy of the settings, so every signal of
the same build sees the same dict, and a second build starts afresh.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from pelican.contents import Article, Page

from sales_leadership.errors import ContentError, Problem, raise_if_any
from sales_leadership.files import display_path

from .links import LinkReport, check_output_links, resolve_target

logger = logging.getLogger(__name__)

STATE_KEY = "_SITE_GUARD_STATE"


def _state(settings_or_context) -> dict:
    return settings_or_context[STATE_KEY]


def check_plugins_loaded(pelican) -> None:
    """Fail when a plugin named in REQUIRED_PLUGINS did not register."""
    pelican.settings[STATE_KEY] = {"problems": [], "written": []}
    loaded = set(pelican.settings.get("PLUGINS") or [])
    required = pelican.settings.get("REQUIRED_PLUGINS") or []
    # Pelican records namespace plugins by their full name and local ones by module.
    missing = [name for name in required if name not in loaded and name.split(".")[-1] not in loaded]
    if missing:
        raise ContentError(
            [
                Problem("pelicanconf.py", "PLUGINS", f"plugin {name!r} failed to load (see the error above)")
                for name in missing
            ]
        )


def check_required_metadata(content) -> None:
    """Record pages and articles without a title or description.

    Raising here would be swallowed by Pelican's reader (it logs and skips the
    file), so the problem is recorded and raised once all content is read.
    """
    state = content.settings.get(STATE_KEY)
    if state is None or not isinstance(content, (Article, Page)):  # static files, or a reader used outside a build
        return
    source = _relative_source(content)
    for field in ("title", "description"):
        if not str(content.metadata.get(field, "")).strip():
            state["problems"].append(
                Problem(
                    source,
                    field.capitalize(),
                    f"missing; add a line '{field.capitalize()}: ...' to the metadata header",
                )
            )


def raise_content_problems(generators) -> None:
    """After all content is read: fail on recorded problems and unreadable files.

    A draft's problems (`Status: draft`, or a `Date:` still to come) are warnings: work in
    progress never stops a build, and a publish build does not write drafts at all.
    """
    context = generators[0].context
    state = _state(context)
    drafts = {_relative_source(draft) for draft in [*context.get("drafts", []), *context.get("draft_pages", [])]}
    for problem in state["problems"]:
        if problem.file in drafts:
            logger.warning("site_guard: draft %s (not stopping the build)", problem)
    problems = [problem for problem in state["problems"] if problem.file not in drafts]
    content_root = context["PATH"]
    reported = {p.file for p in problems}
    for source, content in context.get("generated_content", {}).items():
        if content is None:
            file = display_path(os.path.join(content_root, source))
            if file not in reported:
                problems.append(
                    Problem(file, "metadata header", "could not be read (check the 'Key: value' lines at the top)")
                )
    if problems:
        raise ContentError(problems)


def record_written(path, context) -> None:
    """Remember what produced each written HTML file, to name it if a page has a broken link.

    Called for every page the build writes, so it only keeps the path and the object; the
    file names are worked out in `_written_sources`, and only when a link is broken.
    """
    state = context.get(STATE_KEY)
    if state is None or not str(path).endswith(".html"):
        return
    content = context.get("article") or context.get("page")
    state["written"].append((path, content, context.get("source_file"), context["OUTPUT_PATH"]))


def written_sources(settings) -> tuple[dict[str, str], set[str]]:
    """Written HTML file (real path) -> the source file to name in a problem; and the drafts' pages.

    Worked out only when a problem needs a name (recording each page stays cheap).
    """
    sources, drafts = {}, set()
    state = settings.get(STATE_KEY) or {"written": []}
    for path, content, source_file, output_path in state["written"]:
        page = os.path.realpath(path)
        if content is not None and getattr(content, "source_path", None):
            source = _relative_source(content)
            if getattr(content, "status", "") == "draft":
                drafts.add(page)
        elif source_file:  # a plugin's page names the content file it was made from
            source = source_file
        else:
            source = f"theme template for {os.path.relpath(path, output_path)}"
        sources[page] = source
    return sources, drafts


def check_links(pelican) -> None:
    """Fail when any written HTML page links to a file or #anchor that is not there."""
    settings = pelican.settings
    if not settings.get("LINK_CHECK", True):
        return
    report: LinkReport = check_output_links(
        Path(settings["OUTPUT_PATH"]),
        origin=settings.get("SITE_ORIGIN", ""),
        ignore_prefixes=settings.get("LINK_CHECK_IGNORE", []),
    )
    if report.broken:
        written, drafts = written_sources(settings)
        problems = []
        # Links a data file declares (the menus of content/data/site.yaml, printed on every page):
        # a broken one is reported once, against that file and entry.
        declared = settings.get("LINK_SOURCES") or {}
        for link in report.broken:
            path = urlsplit(link.target).path
            missing_page = path.startswith("/") and resolve_target(Path(settings["OUTPUT_PATH"]), path) is None
            sources = declared.get(link.target) or (declared.get(path) if missing_page else None)
            if sources:
                problems += [Problem(file, field, f"{link.target!r}: {link.reason}") for file, field in sources]
                continue
            page = os.path.realpath(link.page)
            problem = Problem(written.get(page, display_path(link.page)), f"link {link.target!r}", link.reason)
            if page in drafts:
                logger.warning("site_guard: draft %s (not stopping the build)", problem)
            else:
                problems.append(problem)
        raise_if_any(list(dict.fromkeys(problems)))
    logger.info("site_guard: %d internal links checked, all resolve", report.checked)


def _relative_source(content) -> str:
    return display_path(content.source_path)
