"""Jinja globals: the partner lookup any page can show (the contact page above all), and a partner's photo."""

from __future__ import annotations

from jinja2 import pass_context
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from sales_leadership.images.markup import picture_html
from sales_leadership.partners.photos import SLOTS, photo_pictures
from sales_leadership.partners.routing import build_lookup
from sales_leadership.partners.zip_data import ZIP_DATA_LICENSE_URL, ZIP_DATA_SOURCE_URL, us_states

_LOOKUP_CACHE_KEY = "_partner_lookup_json"


@pass_context
def partner_lookup_json(context) -> Markup:
    """The routing table as a JSON data block (built once per build, reused on every page)."""
    directory = context["partner_directory"]
    cache = context.get("_PARTNER_DIRECTORY_STATE")
    if cache is not None and _LOOKUP_CACHE_KEY in cache:
        return cache[_LOOKUP_CACHE_KEY]
    # Partner e-mail addresses go into the page only when the form has no server to route for it.
    include_email = (context.get("CONTACT_BACKEND") or {}).get("mode") == "mailto"
    data = htmlsafe_json_dumps(build_lookup(directory, include_email=include_email), separators=(",", ":"))
    block = Markup(f'<script type="application/json" id="partner-lookup" data-partner-lookup>{data}</script>')
    if cache is not None:
        cache[_LOOKUP_CACHE_KEY] = block
    return block


def us_state_options() -> list[tuple[str, str]]:
    """(code, name) of every state, DC and territory with ZIP codes, by name: the locator's select."""
    return list(us_states().items())


def zip_data_credit() -> Markup:
    return Markup(
        'ZIP code data: the <a href="{source}">zipcodes</a> package, licensed under <a href="{license}">CC BY 4.0</a>.'
    ).format(source=ZIP_DATA_SOURCE_URL, license=ZIP_DATA_LICENSE_URL)


def partner_photo(partner, slot: str, loading: str = "") -> Markup:
    """The partner's photo as the theme shows it in `slot` ("card" or "profile"): a `<picture>` of
    its small copies, or the initials placeholder when the partner has no photo. Decorative
    (alt=""): the partner's name is always beside it."""
    classes = "partner-photo" if slot == "card" else "partner-photo partner-photo--large"
    size = SLOTS[slot]
    if partner.photo is None:
        return Markup('<img class="{}" src="{}" alt="" width="{}" height="{}"{}>').format(
            classes, partner.image_url, size, size, Markup(' loading="lazy"') if loading == "lazy" else ""
        )
    picture = photo_pictures(partner.slug, partner.photo)[slot]
    return picture_html(picture, "", loading=loading, attributes={"class": classes})
