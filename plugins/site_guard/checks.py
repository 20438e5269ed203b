"""Signal receivers of site_guard (module level: Pelican holds receivers weakly).

Per-build state lives in a dict placed in the settings at `initialized`; the
shared generator context is a shallow copy of the settings, so every signal of
the same build sees the same dict, and a second build starts afresh.

The rules themselves live beside this file: page_rules.py (one page at a time),
site_rules.py (pages compared with each other), reading.py (files Pelican could
not read), links.py (every internal link of the written site). docs/content-rules.md
lists every rule the README states and where it is checked.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from pelican.contents import Article, Page

from sales_leadership.errors import ContentError, Problem, raise_if_any
from sales_leadership.files import display_path
from sales_leadership.quiz.contract import dropped_ids
from sales_leadership.quiz.loader import QUIZ_FILE

from .links import LinkReport, check_output_links, resolve_target
from .page_rules import page_problems
from .reading import ReadFailures, unreadable_problems
from .site_rules import WrittenPage, addresses, content_problems, written_page_problems

logger = logging.getLogger(__name__)

STATE_KEY = "_SITE_GUARD_STATE"


def _state(settings_or_context) -> dict:
    return settings_or_context[STATE_KEY]


def check_plugins_loaded(pelican) -> None:
    """Start the build's state; fail when a plugin named in REQUIRED_PLUGINS did not register."""
    read_failures = ReadFailures()
    read_failures.watch()
    pelican.settings[STATE_KEY] = {"read": [], "written": [], "read_failures": read_failures, "addresses": {}}
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


def check_page(content) -> None:
    """Remember each page and article read, for the README's rules of one page (page_rules.py).

    The rules run once all content is read (`raise_content_problems`), not here: other plugins'
    receivers of this signal may still change the page (figures fills `[[name]]` in the
    Description and the body), and the rules must judge what visitors read. Raising here would
    be swallowed by Pelican's reader anyway (it logs and skips the file).
    """
    state = content.settings.get(STATE_KEY)
    if state is None or not isinstance(content, (Article, Page)):  # static files, or a reader used outside a build
        return
    state["read"].append(content)


def _page_problems(contents, settings) -> list[Problem]:
    origin, not_pages = settings.get("SITE_ORIGIN", ""), tuple(settings.get("LINK_CHECK_IGNORE") or ())
    problems = []
    for content in contents:
        found = page_problems(content, origin, not_pages)
        if found:  # named only now: working out a file's name for every page costs more than the rules
            source = _relative_source(content)
            problems.extend(replace(problem, file=source) for problem in found)
    return problems


def raise_content_problems(generators) -> None:
    """After all content is read: fail on the README's page rules, unreadable files and clashes
    between pages.

    A draft's problems (`Status: draft`, or a `Date:` still to come) are warnings: work in
    progress never stops a build, and a publish build does not write drafts at all.
    """
    context = generators[0].context
    state = _state(context)
    read_failures: ReadFailures = state["read_failures"]
    read_failures.stop()
    problems = _page_problems(state["read"], context)
    content_root = context["PATH"]
    reported = {p.file for p in problems}
    for source, content in context.get("generated_content", {}).items():
        if content is None:
            path = os.path.join(content_root, source)
            file = display_path(path)
            if file not in reported:
                problems.extend(unreadable_problems(file, path, read_failures.errors.get(source)))
    problems.extend(content_problems(context, _relative_source))
    drafts = {_relative_source(draft) for draft in [*context.get("drafts", []), *context.get("draft_pages", [])]}
    for problem in problems:
        if problem.file in drafts:
            logger.warning("site_guard: draft %s (not stopping the build)", problem)
    problems = [problem for problem in problems if problem.file not in drafts]
    warn_about_dropped_quiz_ids(context)
    if problems:
        raise ContentError(problems)
    state["addresses"] = addresses(context)


def warn_about_dropped_quiz_ids(context) -> None:
    """A warning, not an error: a quiz with an id renamed still works, but links and stored leads
    using the old id lose that answer (sales_leadership/quiz/contract.py)."""
    quiz = context.get("quiz")
    if quiz is None:
        return
    for problem in dropped_ids(quiz, display_path(os.path.join(context["PATH"], QUIZ_FILE))):
        logger.warning("site_guard: warning: %s", problem)


def record_written(path, context) -> None:
    """Remember what produced each written HTML file: to name it if a page has a broken link, and
    to compare titles and descriptions once every page is written.

    Called for every page the build writes, so it only keeps the path, the object and two
    strings; file names are worked out in `written_sources`, and only when needed.
    """
    state = context.get(STATE_KEY)
    if state is None or not str(path).endswith(".html"):
        return
    content = context.get("article") or context.get("page")
    if content is not None:
        title, description = content.title, content.metadata.get("description", "")
    else:
        title, description = context.get("meta_title", ""), context.get("meta_description", "")
    state["written"].append(
        (path, content, context.get("source_file"), context["OUTPUT_PATH"], str(title or ""), str(description or ""))
    )


def written_sources(settings) -> tuple[dict[str, str], set[str]]:
    """Written HTML file (real path) -> the source file to name in a problem; and the drafts' pages.

    Worked out only when a problem needs a name (recording each page stays cheap).
    """
    sources, drafts = {}, set()
    state = settings.get(STATE_KEY) or {"written": []}
    for path, content, source_file, output_path, *_ in state["written"]:
        page = os.path.realpath(path)
        if content is not None and getattr(content, "status", "") == "draft":
            drafts.add(page)
        sources[page] = _source_of_written(path, content, source_file, output_path)
    return sources, drafts


def _source_of_written(path, content, source_file, output_path) -> str:
    if content is not None and getattr(content, "source_path", None):
        return _relative_source(content)
    if source_file:  # a plugin's page names the content file it was made from
        return source_file
    return f"theme template for {os.path.relpath(path, output_path)}"


def _written_pages(written) -> list[WrittenPage]:
    """The written pages that carry a title of their own (not drafts, not Pelican's lists and tag
    pages), in the order of their addresses (not the order Pelican wrote them in)."""
    pages = []
    for path, content, source_file, output_path, title, description in sorted(written, key=lambda entry: entry[0]):
        if not title or (content is not None and content.status == "draft"):
            continue
        name = functools.partial(_name_of_written, path, content, source_file, output_path)
        pages.append(WrittenPage(title, description, name))
    return pages


def _name_of_written(path, content, source_file, output_path) -> str:
    if content is not None or source_file:
        return _source_of_written(path, content, source_file, output_path)
    return "the page /" + os.path.relpath(path, output_path).replace(os.sep, "/").removesuffix("index.html")


def check_written_site(pelican) -> None:
    """Once every page is written: fail on pages sharing a title or a description, and on any
    internal link to a file or #anchor that is not there."""
    settings = pelican.settings
    state = _state(settings)
    problems = written_page_problems(_written_pages(state["written"]))
    report: LinkReport | None = None
    if settings.get("LINK_CHECK", True):
        report = check_output_links(
            Path(settings["OUTPUT_PATH"]),
            origin=settings.get("SITE_ORIGIN", ""),
            ignore_prefixes=settings.get("LINK_CHECK_IGNORE", []),
        )
        if report.broken:
            problems += _broken_link_problems(report, settings)
    raise_if_any(list(dict.fromkeys(problems)))
    if report is not None:
        logger.info("site_guard: %d internal links checked, all resolve", report.checked)


def _broken_link_problems(report: LinkReport, settings) -> list[Problem]:
    """A broken link named by the file an editor can fix: a data file's entry (the menus of
    content/data/site.yaml, printed on every page, reported once) or the page's source. A draft's
    broken link is a warning."""
    written, drafts = written_sources(settings)
    declared = settings.get("LINK_SOURCES") or {}
    problems = []
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
    return problems


def _relative_source(content) -> str:
    return display_path(content.source_path)


def overwrite_problem(settings, path: str) -> Problem:
    """Two pages meant for the same file (Pelican stops with FileOverwriteFailedError): name the
    content file whose slug takes an address the site already uses, and what uses it."""
    state = settings.get(STATE_KEY) or {"addresses": {}, "written": []}
    relative = os.path.relpath(path, settings["OUTPUT_PATH"]).replace(os.sep, "/")
    url = "/" + relative.removesuffix("index.html")
    first = next(
        (
            source_file or (_relative_source(content) if content is not None else None)
            for written, content, source_file, *_ in state["written"]
            if os.path.realpath(written) == os.path.realpath(path)
        ),
        None,
    )
    content = state["addresses"].get(relative)
    content_file = _relative_source(content) if content is not None else None
    if content_file is None:
        return Problem(first or url, "", f"two pages would be written to {url}; give one of them another address")
    if first is None or first == content_file:
        first = "a page the site makes itself"
    return Problem(
        content_file, "Slug", f"its address {url} is already taken by {first}; give this page another 'Slug: ...'"
    )
