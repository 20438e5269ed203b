"""Which partner answers an inquiry: the routing rules of docs/design.md, in one place.

A partner application goes to the head office. A visitor who chose a partner
(the "Send Dana a message" button on a profile, or the form's "Send it to")
gets that partner ("chosen"), when the slug names one in the directory; an
unknown or stale slug is ignored, and the rules below decide, saying so. Only a
slug comes from the page: the address is always the directory's.

Otherwise a US ZIP code goes to
  1. the partner who owns its 3-digit prefix ("zip-prefix"), else
  2. the partner who owns its state ("state"), else
  3. the nearest partner that owns any territory, by the ZIP code's coordinates ("nearest"), else
  4. the head office ("head-office").
A state alone goes to the partner who owns it, else the head office. Anything
outside the US goes to the head office.

A ZIP code the data does not list (new, or mistyped) but whose prefix is in use
is placed by its prefix: the state most of the prefix's ZIP codes are in and
their centre. A ZIP code whose prefix is not in use counts as no ZIP code (the
state decides, if one was given). These two choices are what let the browser
resolve any ZIP code with the compact table `build_lookup` writes, and agree
with this module for every input (tests/partners/test_routing_parity.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Directory, Partner
from .zip_data import Place, miles_between, prefix_places, us_states, zip_places

RULES = ("chosen", "zip-prefix", "state", "nearest", "head-office")
# "chosen" is the visitor's own choice, taken before any path below when the slug names a partner;
# the page that offers the choice says so itself, so the explanation of the paths leaves it out.
CHOSEN = "chosen"


@dataclass(frozen=True)
class RoutingPath:
    """One kind of inquiry and the rules tried for it, in order: what `route` and `route_enquiry`
    below do, written as data so the site's explanation of routing is made from it
    (tests/partners/test_routing_explained.py routes an example of every step to prove it)."""

    kind: str
    inquiry: str  # one such inquiry, as the sentence's subject
    inquiries: str  # all of them
    rules: tuple[str, ...]


PATHS = (
    RoutingPath(
        "zip",
        "An inquiry with a US ZIP code",
        "inquiries with a US ZIP code",
        ("zip-prefix", "state", "nearest", "head-office"),
    ),
    RoutingPath("state", "An inquiry with only a state", "inquiries with only a state", ("state", "head-office")),
    RoutingPath(
        "application", "An application to become a partner", "applications to become a partner", ("head-office",)
    ),
    RoutingPath("abroad", "An inquiry from outside the US", "inquiries from outside the US", ("head-office",)),
)
# Who answers under each rule, in a visitor's words.
RULE_WORDS = {
    "zip-prefix": "the partner who covers the first three digits of that ZIP code",
    "state": "the partner who covers the state",
    "nearest": "the nearest partner",
    "head-office": "our head office",
}
NO_PARTNER = "any inquiry no partner covers"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def explain_routing() -> str:
    """Who answers which inquiry, in plain sentences made from PATHS: the FAQ, /partners/ and the
    contact pages say it with `[[routing]]`, so they cannot drift from the code. Every path ends
    at the head office (the test checks it), which the last sentence says once for all."""
    sentences = []
    to_head_office = []
    for path in PATHS:
        partners = [rule for rule in path.rules if rule != "head-office"]
        if not partners:
            to_head_office.append(path.inquiries)
            continue
        steps = [f"{path.inquiry} goes to {RULE_WORDS[partners[0]]}"]
        for i, rule in enumerate(partners[1:]):
            steps.append(f"if {'no partner' if i == 0 else 'none'} does, to {RULE_WORDS[rule]}")
        sentences.append("; ".join(steps) + ".")
    to_head_office.append(NO_PARTNER)
    everyone = _join(to_head_office)
    sentences.append(f"{everyone[0].upper()}{everyone[1:]} go to {RULE_WORDS['head-office']}.")
    return " ".join(sentences)


def explain_head_office() -> str:
    """What the head office answers, from the same PATHS (`[[routing.head-office]]`)."""
    alone = [path.inquiries for path in PATHS if path.rules == ("head-office",)]
    fallback = next(path for path in PATHS if path.rules == ("state", "head-office"))
    return (
        f"Our head office answers {_join([*alone, NO_PARTNER])}, such as "
        f"{fallback.inquiry[0].lower() + fallback.inquiry[1:]} where no partner works yet."
    )


def explanations() -> dict[str, str]:
    """The routing texts by shortcode name, for sales_leadership.figures.Shortcodes."""
    return {"routing": explain_routing(), "routing.head-office": explain_head_office()}


ZIP_CODE = re.compile(r"^\s*(\d{5})(?:-?\d{4})?\s*$")
US_COUNTRIES = {"", "US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA"}


@dataclass(frozen=True)
class Route:
    """Where an inquiry goes, by which rule, and a sentence saying why."""

    partner: Partner
    rule: str
    reason: str


def normalise_zip(zip_code: str | None) -> str | None:
    """The 5-digit ZIP code in `zip_code` ("80202", "80202-1234", " 802021234 "), else None."""
    match = ZIP_CODE.match(zip_code or "")
    return match.group(1) if match else None


def normalise_state(state: str | None) -> str | None:
    code = (state or "").strip().upper()
    return code if code in us_states() else None


def is_us(country: str | None) -> bool:
    return (country or "").strip().upper() in US_COUNTRIES


def nearest_partner(directory: Directory, place: Place) -> tuple[Partner, float] | None:
    """The territory-owning partner closest to `place` (ties: by slug), with the distance in miles."""
    if not place.has_coordinates:
        return None
    candidates = [
        (miles_between(place.latitude, place.longitude, partner.latitude, partner.longitude), partner.slug, partner)
        for partner in directory.local_partners
        if partner.latitude is not None and partner.longitude is not None
    ]
    if not candidates:
        return None
    miles, _, partner = min(candidates, key=lambda item: (item[0], item[1]))
    return partner, miles


def _state_name(code: str) -> str:
    return us_states().get(code, code)


def _decide(directory: Directory, zip_code: str, place: Place) -> tuple[Partner, str, float | None]:
    """Rules 1-4 for a ZIP code whose place is known: (partner, rule, miles when the rule is "nearest").

    Kept apart from the sentence that explains it, so `build_lookup` can decide for every ZIP code
    in the data without writing 43,000 sentences nobody reads."""
    owner = directory.prefix_owner(zip_code[:3])
    if owner is not None:
        return owner, "zip-prefix", None
    if place.state not in us_states():
        return directory.head_office, "head-office", None
    owner = directory.state_owner(place.state)
    if owner is not None:
        return owner, "state", None
    nearest = nearest_partner(directory, place)
    if nearest is not None:
        return nearest[0], "nearest", nearest[1]
    return directory.head_office, "head-office", None


def _route_place(directory: Directory, zip_code: str, place: Place, listed: bool) -> Route:
    """Rules 1-4 for a ZIP code whose place (listed, or guessed from its prefix) is known, with the reason."""
    partner, rule, miles = _decide(directory, zip_code, place)
    where = f"ZIP code {zip_code}" if listed else f"ZIP code {zip_code} (not in our data; placed by its prefix)"
    if rule == "zip-prefix":
        return Route(partner, rule, f"{partner.name} covers ZIP codes starting with {zip_code[:3]}.")
    if rule == "state":
        return Route(partner, rule, f"{where} is in {_state_name(place.state)}, which {partner.name} covers.")
    if rule == "nearest":
        return Route(
            partner,
            rule,
            f"No partner covers {_state_name(place.state)} yet; {partner.name} in {partner.city}, "
            f"{partner.state} is the nearest partner to {where} (about {round(miles):,} miles).",
        )
    if place.state not in us_states():
        return Route(partner, rule, f"{where} is a military or overseas address, so {partner.name} will reply.")
    return Route(
        partner,
        rule,
        f"No partner covers {_state_name(place.state)} and {where} has no location on record, "
        f"so {partner.name} will reply.",
    )


def route_state(directory: Directory, state: str) -> Route:
    owner = directory.state_owner(state)
    if owner is not None:
        return Route(owner, "state", f"{owner.name} covers {_state_name(state)}.")
    head_office = directory.head_office
    return Route(
        head_office, "head-office", f"No partner covers {_state_name(state)} yet, so {head_office.name} will reply."
    )


def route(directory: Directory, zip_code: str | None = None, state: str | None = None, country: str = "US") -> Route:
    """The partner who answers an inquiry from `zip_code` and/or `state` in `country`.

    When both are given the ZIP code decides (it is more precise); the state is
    used when the ZIP code is missing or not a US ZIP code in use.
    """
    head_office = directory.head_office
    if not is_us(country):
        return Route(head_office, "head-office", f"Inquiries from outside the US go to {head_office.name}.")
    zip5 = normalise_zip(zip_code)
    if zip5 is not None:
        place = zip_places().get(zip5)
        if place is not None:
            return _route_place(directory, zip5, place, listed=True)
        place = prefix_places().get(zip5[:3])
        if place is not None:
            return _route_place(directory, zip5, place, listed=False)
    code = normalise_state(state)
    if code is not None:
        return route_state(directory, code)
    if (zip_code or "").strip():
        return Route(
            head_office,
            "head-office",
            f"{zip_code.strip()!r} is not a US ZIP code in use, so {head_office.name} will reply.",
        )
    return Route(head_office, "head-office", f"No ZIP code or state was given, so {head_office.name} will reply.")


def route_enquiry(
    directory: Directory,
    enquiry_kind: str,
    zip_code: str | None = None,
    state: str | None = None,
    country: str = "US",
    partner: str | None = None,
) -> Route:
    """Like `route`, except that partner applications always go to the head office, and a visitor
    who chose a partner by `partner` (a slug) gets them when the directory has them (docs/design.md)."""
    if enquiry_kind == "partner":
        head_office = directory.head_office
        return Route(head_office, "head-office", f"Applications to become a partner go to {head_office.name}.")
    slug = (partner or "").strip()
    chosen = directory.by_slug(slug) if slug else None
    if chosen is not None:
        return Route(chosen, CHOSEN, f"The visitor chose {chosen.name} (on their profile, or in the form).")
    routed = route(directory, zip_code=zip_code, state=state, country=country)
    if not slug:
        return routed
    return Route(
        routed.partner,
        routed.rule,
        f"The visitor chose a partner who is not in the directory ({slug[:60]!r}), so the usual rules decided: "
        f"{routed.reason}",
    )


def _partner_card(partner: Partner, include_email: bool) -> dict:
    """What the browser shows about a partner: no more than the profile page already does.
    A missing booking link and `headOffice` for all but one partner are left out, not sent empty."""
    card = {
        "name": partner.name,
        "title": partner.title,
        "city": partner.city,
        "state": partner.state,
        "phone": partner.phone,
        "phoneUri": partner.phone_uri,
        "url": partner.url,
        "image": partner.image_url,
    }
    if partner.booking_url:
        card["bookingUrl"] = partner.booking_url
    if partner.is_head_office:
        card["headOffice"] = True
    if include_email:
        card["email"] = partner.email
    return card


def build_lookup(directory: Directory, include_email: bool = False) -> dict:
    """The compact table the browser routes with: no network, one lookup per ZIP code.

    `routes` groups, per (partner, rule), the prefixes whose unlisted ZIP codes
    route there and the listed ZIP codes that route differently from their
    prefix. The browser checks the ZIP code first, then its prefix, then the
    state: exactly `route` above. `states` holds the owned states only; every
    other state goes to the head office.
    """
    groups: dict[tuple[str, str], dict[str, list[str]]] = {}

    def decided(zip_code: str, place: Place) -> tuple[str, str]:
        partner, rule, _ = _decide(directory, zip_code, place)
        return partner.slug, rule

    defaults: dict[str, tuple[str, str]] = {}
    for prefix, place in prefix_places().items():
        defaults[prefix] = decided(prefix + "00", place)
        groups.setdefault(defaults[prefix], {"prefixes": [], "zips": []})["prefixes"].append(prefix)
    for zip_code, place in zip_places().items():
        found = decided(zip_code, place)
        if found != defaults[zip_code[:3]]:
            groups.setdefault(found, {"prefixes": [], "zips": []})["zips"].append(zip_code)
    return {
        "headOffice": directory.head_office.slug,
        "partners": {partner.slug: _partner_card(partner, include_email) for partner in directory.partners},
        "stateCodes": " ".join(sorted(us_states())),
        "states": {code: partner.slug for code, partner in sorted(directory.owned_states.items())},
        "routes": [
            {
                "partner": slug,
                "rule": rule,
                "prefixes": compress_runs(group["prefixes"]),
                "zips": compress_runs(group["zips"]),
            }
            for (slug, rule), group in sorted(groups.items())
        ],
    }


def compress_runs(codes: list[str]) -> str:
    """Codes as compact text, to keep pages small: consecutive 3-digit codes as ranges
    ("800 801 802 805" -> "800-802 805"); 5-digit ZIP codes grouped under their prefix, with
    their last two digits as runs ("80201 80202 80209 80301" -> "802:01-02,09 803:01")."""
    short = [code for code in codes if len(code) != 5]
    by_prefix: dict[str, list[str]] = {}
    for code in sorted(code for code in codes if len(code) == 5):
        by_prefix.setdefault(code[:3], []).append(code[3:])
    grouped = [f"{prefix}:{_runs(tails, ',')}" for prefix, tails in by_prefix.items()]
    return " ".join(filter(None, [_runs(short, " "), *grouped]))


def _runs(codes: list[str], separator: str) -> str:
    """Consecutive codes as "first-last". The codes of one call have one length (3-digit prefixes, or
    the 2-digit tails of one prefix), so the number after "099" is "100", never "99"."""
    runs: list[list[str]] = []
    for code in sorted(codes):
        if runs and int(code) == int(runs[-1][1]) + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return separator.join(first if first == last else f"{first}-{last}" for first, last in runs)
