"""The README's rules that compare pages with each other.

Two moments, both after work Pelican does anyway:

- once every file is read (`content_problems`): two files with the same address (Pelican
  would stop half-way through writing with FileOverwriteFailedError), a `Parent:` that names
  no page (the breadcrumb would silently drop it), and a category or tag spelled two ways
  (Pelican files both under one page and shows whichever spelling it met first);
- once every page is written (`written_page_problems`): two pages with the same title or the
  same description, which search results could not tell apart. Pages written by plugins
  (the quiz, partners, case studies) count too: their title and description come from the
  writer's `meta_title` and `meta_description`.

Drafts are left out of the comparisons: a draft is often a copy of the page it will replace.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sales_leadership.errors import Problem

ARTICLE_LISTS = ("articles", "hidden_articles", "drafts")
PAGE_LISTS = ("pages", "hidden_pages", "draft_pages")


def content_problems(context, source_of) -> list[Problem]:
    """Problems between the pages and articles in Pelican's `context`; `source_of(content)` names a
    file (called only for a problem: naming costs more than every comparison here)."""
    articles = _gathered(context, ARTICLE_LISTS)
    pages = _gathered(context, PAGE_LISTS)
    return [
        *_shared_addresses([*articles, *pages], source_of),
        *_unknown_parents(pages, source_of),
        *_spellings(articles, source_of, "Category", lambda article: [article.category]),
        *_spellings(articles, source_of, "Tags", lambda article: getattr(article, "tags", [])),
    ]


def addresses(context) -> dict[str, object]:
    """Output file (relative to the output folder) -> the page or article written there."""
    return {
        content.save_as: content for content in _gathered(context, (*ARTICLE_LISTS, *PAGE_LISTS)) if content.save_as
    }


def _gathered(context, keys) -> list:
    found = {id(content): content for key in keys for content in context.get(key) or []}
    return sorted(found.values(), key=lambda content: content.source_path)


def _shared_addresses(contents, source_of) -> list[Problem]:
    problems = []
    first: dict[str, object] = {}
    for content in contents:
        save_as = content.save_as
        if not save_as:
            continue
        if save_as in first:
            problems.append(
                Problem(
                    source_of(content),
                    "Slug",
                    f"{content.slug!r} is also the slug of {source_of(first[save_as])} (both would be "
                    f"/{content.url}); give one of them a 'Slug: ...' of its own",
                )
            )
        else:
            first[save_as] = content
    return problems


def _unknown_parents(pages, source_of) -> list[Problem]:
    """`Parent:` names another page's slug; a draft cannot be a parent (it is not on the site)."""
    slugs = sorted({page.slug for page in pages if page.status != "draft"})
    problems = []
    for page in pages:
        parent = page.metadata.get("parent", "")
        if not isinstance(parent, str) or not parent.strip():  # a list: Parent written twice (page_rules)
            continue
        parent = parent.strip()
        if parent == page.slug:
            problems.append(Problem(source_of(page), "Parent", f"{parent!r} is this page's own slug"))
        elif parent not in slugs:
            close = difflib.get_close_matches(parent, slugs, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"the pages' slugs are {', '.join(slugs)}"
            problems.append(Problem(source_of(page), "Parent", f"no page has the slug {parent!r}; {hint}"))
    return problems


def _spellings(articles, source_of, field: str, names_of) -> list[Problem]:
    """A category or tag written two ways ("Sales management", "Sales Management") is one page
    (same slug): report every spelling but the most used one (on a tie, the first file's)."""
    uses: dict[str, list[tuple[str, object]]] = defaultdict(list)  # slug -> (name, article) in file order
    for article in articles:
        for item in names_of(article):
            if item is not None:
                uses[item.slug].append((item.name, article))
    what = "category" if field == "Category" else "tag"
    problems = []
    for slug, spelt in uses.items():
        counts = Counter(name for name, _ in spelt)
        if len(counts) < 2:
            continue
        usual = max(counts, key=counts.get)  # the first of the most used: Counter keeps the order met
        usual_article = next(article for name, article in spelt if name == usual)
        url = next(item.url for item in names_of(usual_article) if item is not None and item.slug == slug)
        for name, article in spelt:
            if name != usual:
                problems.append(
                    Problem(
                        source_of(article),
                        field,
                        f"{name!r} here, {usual!r} in {source_of(usual_article)}: one {what} (/{url}) needs one "
                        "spelling; write it the same way in both",
                    )
                )
    return problems


@dataclass(frozen=True)
class WrittenPage:
    """What a written page shows in browser tabs and search results. `name()` says which file it
    came from (or which address, for a page made by code alone); called only for a problem."""

    title: str
    description: str
    name: Callable[[], str]


def written_page_problems(pages: list[WrittenPage]) -> list[Problem]:
    problems = []
    for field, value_of, what in (
        ("title", lambda page: page.title, "browser tabs and search results show it"),
        ("description", lambda page: page.description, "search results show it under the title"),
    ):
        first: dict[str, WrittenPage] = {}
        for page in pages:
            value = " ".join(value_of(page).split()).casefold()
            if not value:
                continue
            if value in first:
                source, other = page.name(), first[value].name()
                same = f"{value_of(page)!r} is also the {field} of" if field == "title" else "the same as on"
                spelt = field if source.endswith((".yaml", ".yml")) else field.capitalize()  # as the file writes it
                problems.append(Problem(source, spelt, f"{same} {other}; give each page its own ({what})"))
            else:
                first[value] = page
    return problems
