"""The receivers of site_theme (module level: Pelican holds receivers weakly)."""

from __future__ import annotations

from sales_leadership.assets import asset_url
from sales_leadership.roles import load_roles
from sales_leadership.theme import Theme, load_theme

STATE_KEY = "_SITE_THEME"
TOKENS_ASSET = "generated/theme/tokens.css"
LOGO_ASSET = "generated/theme/logo{suffix}"


def generate_theme(pelican) -> None:
    settings = pelican.settings
    theme = load_theme(settings["PATH"], load_roles(settings["PATH"]))
    settings[STATE_KEY] = theme
    generated = settings.setdefault("GENERATED_ASSETS", {})
    generated[TOKENS_ASSET] = theme.stylesheet().encode("utf-8")
    if theme.logo is not None:
        generated[LOGO_ASSET.format(suffix=theme.logo.suffix.lower())] = theme.logo.read_bytes()


def add_theme_to_context(generator) -> None:
    context = generator.context
    if "site_theme" in context:
        return
    theme: Theme = generator.settings[STATE_KEY]
    version = generator.settings["ASSET_VERSION"]
    logo = asset_url(LOGO_ASSET.format(suffix=theme.logo.suffix.lower()), version) if theme.logo else ""
    context["site_theme"] = {
        "stylesheet": asset_url(TOKENS_ASSET, version),
        "brand": theme.colours["light"]["brand"],
        "logo": logo,
    }
    if logo:  # search engines' record of the organisation shows the logo
        context["ORGANIZATION"] = {**(context.get("ORGANIZATION") or {}), "logo": logo}
