"""Which share card (the picture a shared link shows) each page gets, and what it says.

One card per page type: the home page (and every page without a type of its own), each
role, the quiz, the Insights articles and the partner pages. A card is the page type's
words drawn on the site's design; plugins/share_cards draws it (presentation), this module
only decides (data): which card, its words, its file and its alt text.
"""

from __future__ import annotations

from dataclasses import dataclass

CARD_FOLDER = "share"
CARD_WIDTH = 1200  # Open Graph's recommended 1.91:1, the size large link previews use
CARD_HEIGHT = 630

ARTICLES_TITLE = "Practical sales leadership advice for owners of growing companies"
PARTNERS_TITLE = "Meet the sales leadership partner for your area"


@dataclass(frozen=True)
class ShareCard:
    name: str  # the file's name: one card per name
    title: str  # the words drawn large
    label: str  # the few words above them: what kind of page this is
    role: str = ""  # a role id: the card takes that role's accent colour

    @property
    def path(self) -> str:
        return f"/{CARD_FOLDER}/{self.name}.png"

    @property
    def alt(self) -> str:
        return f"{self.label}: {self.title}"


def share_card_for(context) -> ShareCard:
    """The card for whatever is being rendered, from the same context the page's template gets."""
    site_name = context["SITENAME"]
    if _is_insights(context):
        return ShareCard("insights", ARTICLES_TITLE, f"{site_name} Insights")
    page = context.get("page")
    role = str(page.metadata.get("role", "")) if page is not None else ""
    if role:
        return ShareCard(f"role-{role}", page.title, "Sales leadership option", role=role)
    if context.get("quiz_data") is not None:
        return ShareCard("quiz", context.get("meta_title") or "Which kind of sales leadership fits?", "2-minute quiz")
    if context.get("partner") is not None or context.get("meta_url") == "/partners/":
        return ShareCard("partners", PARTNERS_TITLE, f"{site_name} near you")
    return ShareCard("home", context.get("SITE_TAGLINE") or site_name, "For companies with 2-12 salespeople")


def _is_insights(context) -> bool:
    """An article, or one of the lists of articles (all, by category, by tag)."""
    output_file = context.get("output_file")
    return (
        context.get("article") is not None
        or context.get("articles_page") is not None
        or (output_file is not None and output_file in (context.get("CATEGORIES_SAVE_AS"), context.get("TAGS_SAVE_AS")))
    )
