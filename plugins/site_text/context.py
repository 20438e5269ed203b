"""The receivers of site_text (module level: Pelican holds receivers weakly)."""

from __future__ import annotations

import dataclasses

from markupsafe import Markup, escape

from sales_leadership.site_text import SiteText, load_site_text

STATE_KEY = "_SITE_TEXT"


def read_site_text(pelican) -> None:
    settings = pelican.settings
    text: SiteText = load_site_text(settings["PATH"])
    settings[STATE_KEY] = text
    settings["SITENAME"] = settings["AUTHOR"] = text.identity.name
    settings["SITE_TAGLINE"] = text.identity.tagline
    settings["SITE_DESCRIPTION"] = text.identity.description
    settings["ORGANIZATION"] = {
        **(settings.get("ORGANIZATION") or {}),
        "name": text.identity.name,
        "email": text.organisation.email,
        "phone": text.organisation.phone,
    }
    sources = dict(settings.get("LINK_SOURCES") or {})
    for url, field in text.links:
        sources.setdefault(url, []).append((text.source, field))
    settings["LINK_SOURCES"] = sources


def add_site_text(generator) -> None:
    context = generator.context
    if "site_text" in context:  # every generator shares one context
        return
    text: SiteText = generator.settings[STATE_KEY]
    context["site_text"] = {
        "site": _escaped(text.identity),
        "organisation": _escaped(text.organisation),
        "menus": _escaped(text.menus),
        **_escaped(dict(text.wording)),
    }


def _escaped(value):
    """The same structure with every string HTML-escaped (Markup), so `.format()` escapes what it fills in."""
    if isinstance(value, str):
        return escape(value) if not isinstance(value, Markup) else value
    if isinstance(value, tuple):
        return tuple(_escaped(item) for item in value)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value):
        return dataclasses.replace(
            value, **{f.name: _escaped(getattr(value, f.name)) for f in dataclasses.fields(value)}
        )
    return value
