"""The README's rules for one page or article, checked as Pelican creates it.

Each rule reads what Pelican already holds in memory: the metadata, and the body's HTML
(searched with `in` and a small regular expression, never parsed again), so the rules
cost a few microseconds a page (docs/build-speed.md; docs/content-rules.md lists them).

- `Title` and `Description` are required; an article also needs its `Date`;
- a field is written once (Pelican keeps a field written twice as a list of both lines);
- the Description is 110-160 characters (sales_leadership.descriptions);
- `Status`, when written, is one Pelican knows;
- the body has no `#` heading: the page's only top-level heading is its Title;
- a link to another page of the site is written from the root, with a trailing slash
  (`/compare/`), as the README asks; whether it leads anywhere is the link check's job.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit, urlunsplit

from sales_leadership.descriptions import length_problem
from sales_leadership.errors import Problem

# How each field is spelled in messages (Pelican lower-cases metadata keys).
REQUIRED = {"title": "Title", "description": "Description"}
EXAMPLE_DATE = "2026-12-01"
LIST_FIELDS = {"tags", "authors"}  # the fields Pelican reads as lists when written once
TOP_HEADING = re.compile(r"<h1[\s>].*?</h1>", re.S)
TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r"""<a\s[^>]*?href=(?:"([^"]*)"|'([^']*)')""")
UNNAMED = ""  # the file a problem is in: filled in by the caller (checks.check_page)
NOT_A_PAGE = ("#", "mailto:", "tel:", "data:", "javascript:", "{")  # "{": Pelican's {filename}, {static} ...


def page_problems(content, origin: str = "", not_pages: tuple[str, ...] = ()) -> list[Problem]:
    """Every rule above, for one Pelican Article or Page. Links on the site's `origin` count as
    the site's own; links starting with one of `not_pages` (LINK_CHECK_IGNORE: the intake's /api/)
    are left alone. The problems name no file (`file` is empty): the caller names them, only
    when there are some."""
    problems = _metadata_problems(content)
    body = getattr(content, "_content", None) or ""
    if "<h1" in body:
        problems.extend(_heading_problems(body))
    if "href" in body:
        page_folder = posixpath.dirname("/" + (content.url or ""))
        problems.extend(_link_problems(body, page_folder, origin, not_pages))
    return problems


def _metadata_problems(content) -> list[Problem]:
    problems = []
    twice = {key for key, value in content.metadata.items() if _written_twice(key, value)}
    for key in sorted(twice):
        label = key.capitalize()
        problems.append(
            Problem(UNNAMED, label, f"written {len(content.metadata[key])} times in the metadata header; keep one line")
        )
    for key, label in REQUIRED.items():
        if not str(content.metadata.get(key, "")).strip():
            problems.append(Problem(UNNAMED, label, f"missing; add a line '{label}: ...' to the metadata header"))
    description = str(content.metadata.get("description", "")).strip()
    if description and "description" not in twice and (too_long_or_short := length_problem(description)):
        problems.append(Problem(UNNAMED, "Description", too_long_or_short))
    if "date" in content.mandatory_properties and not hasattr(content, "date"):
        problems.append(
            Problem(UNNAMED, "Date", f"missing; add a line 'Date: {EXAMPLE_DATE}' (the day it is published)")
        )
    allowed = getattr(content, "allowed_statuses", None)
    if allowed and content.status not in allowed:
        usual = ", ".join(status for status in allowed if status != "skip")
        problems.append(Problem(UNNAMED, "Status", f"{content.status!r} is not a status; write one of {usual}"))
    return problems


def _written_twice(key: str, value) -> bool:
    return key not in LIST_FIELDS and isinstance(value, list) and all(isinstance(item, str) for item in value)


def _heading_problems(body: str) -> list[Problem]:
    return [
        Problem(
            UNNAMED,
            "body",
            f"'# {' '.join(TAG.sub('', heading).split())}' is a second top-level heading; the page's only one "
            "is its Title, so start headings in the body at '##'",
        )
        for heading in TOP_HEADING.findall(body)
    ]


def _link_problems(body: str, page_folder: str, origin: str, not_pages) -> list[Problem]:
    problems = []
    for double_quoted, single_quoted in LINK.findall(body):
        href = double_quoted or single_quoted
        if not_pages and href.startswith(not_pages):
            continue
        advice = link_advice(href, page_folder, origin)
        if advice:
            problems.append(Problem(UNNAMED, f"link {href!r}", advice))
    return problems


def link_advice(href: str, page_folder: str = "/", origin: str = "") -> str | None:
    """What to write instead of `href`, a link on a page in `page_folder`; None when it follows the rule."""
    href = href.strip()
    if not href or href.startswith(NOT_A_PAGE):
        return None
    if origin and (href == origin or href.startswith(origin + "/")):
        return f"write this site's own pages from the root: {_root_relative(href[len(origin) :] or '/')!r}"
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    if not parts.path.startswith("/"):
        resolved = posixpath.normpath(posixpath.join(page_folder, parts.path))
        suggestion = _root_relative(urlunsplit(("", "", resolved, parts.query, parts.fragment)))
        return f"write the address from the site's root: {suggestion!r}"
    suggestion = _root_relative(href)
    if suggestion != href:
        return f"a page's address ends with '/': {suggestion!r}"
    return None


def _root_relative(href: str) -> str:
    """`href` with a trailing slash on its path, unless its last part names a file (`feed.xml`)."""
    parts = urlsplit(href)
    last = parts.path.rsplit("/", 1)[-1]
    if last and "." not in last:
        return urlunsplit(("", "", parts.path + "/", parts.query, parts.fragment))
    return href
