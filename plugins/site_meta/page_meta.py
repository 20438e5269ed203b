"""Everything the <head> says about a page, worked out once from its context.

Each rendered page gets a unique <title> and meta description, a canonical
URL, Open Graph values, breadcrumbs and its JSON-LD. Templates only print the
result: the rules (which types a page carries, how a paginated list is titled)
live here, where they can be read and tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import pass_context

from . import structured_data
from .share_cards import CARD_HEIGHT, CARD_WIDTH, ShareCard, share_card_for


@dataclass
class PageMeta:
    heading: str
    title: str
    description: str
    canonical: str
    og_type: str = "website"
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)
    share_card: ShareCard | None = None
    share_image: str = ""  # the card's absolute URL (og:image)
    share_card_size: tuple[int, int] = (CARD_WIDTH, CARD_HEIGHT)
    # Kept out of search results (robots noindex, no canonical link): hidden pages, which are
    # not in menus, lists or the sitemap either (the 404, the thanks and the send-problem pages),
    # drafts (previewed in development builds only),
    # and pages a plugin writes with `meta_noindex=True` in their context.
    noindex: bool = False


HOME = ("Home", "/")


def _insights_crumb(context) -> tuple[str, str]:
    return ("Insights", "/" + context.get("INDEX_URL", "insights/"))


def _page_number_suffix(context) -> tuple[str, str]:
    paginated = context.get("articles_page")
    if paginated is not None and paginated.number > 1:
        return f" (page {paginated.number})", f" Page {paginated.number}."
    return "", ""


def _content_url(content) -> str:
    return "/" + content.url if content.url else "/"


def _find_page(context, slug: str):
    for page in list(context.get("pages", [])) + list(context.get("hidden_pages", [])):
        if page.slug == slug:
            return page
    return None


def _describe(context) -> tuple[str, str, str, list[tuple[str, str]], str]:
    """(title, description, url, breadcrumbs, og_type) for whatever is being rendered."""
    settings_description = context.get("SITE_DESCRIPTION", "")
    content = context.get("article") or context.get("page")
    if content is not None:
        title = content.title
        description = str(content.metadata.get("description", settings_description))
        url = _content_url(content)
        if context.get("article") is not None:
            crumbs = [HOME, _insights_crumb(context), (title, url)]
            return title, description, url, crumbs, "article"
        if url == "/":
            return title, description, url, [HOME], "website"
        crumbs = [HOME]
        parent_slug = content.metadata.get("parent")
        if parent_slug:
            parent = _find_page(context, parent_slug)
            if parent is not None:
                crumbs.append((parent.title, _content_url(parent)))
        crumbs.append((title, url))
        return title, description, url, crumbs, "website"

    # Pages without a content object: plugin-generated pages pass their own
    # values; Pelican's direct templates (insights index, categories, tags) are named here.
    if context.get("meta_title"):
        url = context.get("meta_url", "/")
        crumbs = context.get("breadcrumbs") or [HOME, (context["meta_title"], url)]
        return context["meta_title"], context.get("meta_description", settings_description), url, crumbs, "website"
    title_suffix, description_suffix = _page_number_suffix(context)
    insights = _insights_crumb(context)
    paginated = context.get("articles_page")
    page_url = "/" + paginated.url if paginated is not None and paginated.url else None
    if context.get("category") is not None:
        category = context["category"]
        title = f"Insights: {category}"
        url = page_url or "/" + category.url
        description = f"Articles for business owners about {str(category).lower()}, from {context['SITENAME']}."
        return title + title_suffix, description + description_suffix, url, [HOME, insights, (title, url)], "website"
    if context.get("tag") is not None:
        tag = context["tag"]
        title = f"Insights tagged \u201c{tag}\u201d"
        url = page_url or "/" + tag.url
        description = f"Articles tagged {tag}: practical sales leadership advice for owners of growing companies."
        return title + title_suffix, description + description_suffix, url, [HOME, insights, (title, url)], "website"
    output_file = context.get("output_file", "")
    if output_file == context.get("CATEGORIES_SAVE_AS"):
        url = "/" + context.get("CATEGORIES_URL", "")
        return (
            "Insights by category",
            "Every category of our articles on sales leadership for growing companies.",
            url,
            [HOME, insights, ("Categories", url)],
            "website",
        )
    if output_file == context.get("TAGS_SAVE_AS"):
        url = "/" + context.get("TAGS_URL", "")
        return (
            "Insights by tag",
            "Every topic we write about: sales management, hiring, growth and more.",
            url,
            [HOME, insights, ("Tags", url)],
            "website",
        )
    url = page_url or insights[1]
    description = (
        "Practical articles for owners of growing companies on sales management, hiring "
        "and part-time or fractional sales leadership."
    )
    return "Insights" + title_suffix, description + description_suffix, url, [HOME, insights], "website"


def build_page_meta(context) -> PageMeta:
    settings = context
    origin = settings["SITE_ORIGIN"]
    title, description, url, crumbs, og_type = _describe(context)
    canonical = origin + url
    card = share_card_for(context)
    share_image = origin + card.path
    # The organisation on every page (articles and profiles name it as author and publisher); the
    # WebSite only on the home page, where search engines read the site's name from it.
    json_ld = [structured_data.organization(settings)]
    if url == "/":
        json_ld.append(structured_data.website(settings))
    if len(crumbs) > 1:
        json_ld.append(structured_data.breadcrumb_list(crumbs, origin))
    article = context.get("article")
    if article is not None:
        json_ld.append(structured_data.article(article, settings, canonical, description, share_image))
    content = context.get("article") or context.get("page")
    # Plugins add their own types (FAQPage, LocalBusiness, ...) as plain dicts.
    json_ld.extend(getattr(content, "json_ld_extra", None) or [])
    json_ld.extend(context.get("json_ld_extra") or [])
    full_title = title if url == "/" else f"{title} | {settings['SITENAME']}"
    content_status = getattr(content, "status", "published") if content is not None else "published"
    return PageMeta(
        heading=title,
        title=full_title,
        description=description,
        canonical=canonical,
        og_type=og_type,
        breadcrumbs=crumbs,
        json_ld=json_ld,
        share_card=card,
        share_image=share_image,
        noindex=content_status in ("hidden", "draft") or bool(context.get("meta_noindex")),
    )


@pass_context
def page_meta(context) -> PageMeta:
    """Jinja global: `{% set meta = page_meta() %}` in the base template."""
    return build_page_meta(context)
