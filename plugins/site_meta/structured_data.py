"""Schema.org JSON-LD built as plain data.

Templates emit the result with `|tojson`, never by pasting strings together,
so a quote or `</script>` in a title can never break the page or the data.
"""

from __future__ import annotations

from collections.abc import Iterable


def organization(settings: dict) -> dict:
    org = settings.get("ORGANIZATION", {})
    origin = settings["SITE_ORIGIN"]
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": f"{origin}/#organization",
        "name": org.get("name", settings["SITENAME"]),
        "url": f"{origin}/",
    }
    if org.get("logo"):
        data["logo"] = origin + org["logo"]
    if org.get("email"):
        data["email"] = org["email"]
    if org.get("phone"):
        data["telephone"] = org["phone"]
    return data


def website(settings: dict) -> dict:
    origin = settings["SITE_ORIGIN"]
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "@id": f"{origin}/#website",
        "name": settings["SITENAME"],
        "url": f"{origin}/",
        "description": settings.get("SITE_DESCRIPTION", ""),
        "publisher": {"@id": f"{origin}/#organization"},
        "inLanguage": settings.get("DEFAULT_LANG", "en"),
    }


def breadcrumb_list(crumbs: Iterable[tuple[str, str]], origin: str) -> dict:
    """`crumbs` are (name, root-relative URL) pairs from the home page down."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": origin + url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def article(content, settings: dict, canonical: str, description: str, image: str = "") -> dict:
    origin = settings["SITE_ORIGIN"]
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": content.title,
        "description": description,
        "url": canonical,
        "mainEntityOfPage": canonical,
        "datePublished": content.date.isoformat(),
        "author": {"@id": f"{origin}/#organization"},
        "publisher": {"@id": f"{origin}/#organization"},
        "inLanguage": settings.get("DEFAULT_LANG", "en"),
    }
    # Search engines want both dates; an article never edited was last modified when published.
    data["dateModified"] = (getattr(content, "modified", None) or content.date).isoformat()
    if image:
        data["image"] = image
    category = getattr(content, "category", None)
    if category:
        data["articleSection"] = str(category)
    tags = getattr(content, "tags", None)
    if tags:
        data["keywords"] = [str(tag) for tag in tags]
    return data
