"""Schema.org JSON-LD for a partner's profile page, built as plain data (emitted with |tojson)."""

from __future__ import annotations

from sales_leadership.partners.model import Partner
from sales_leadership.partners.photos import photo_url


def partner_business(partner: Partner, settings: dict) -> dict:
    """A ProfessionalService (a LocalBusiness) run by the partner, part of the network."""
    origin = settings["SITE_ORIGIN"]
    page = origin + partner.url
    # The largest JPEG of the photo (search engines show it larger than a card), else the initials.
    image = origin + (photo_url(partner.slug, partner.photo, "profile") if partner.photo else partner.image_url)
    person = {
        "@type": "Person",
        "name": partner.name,
        "jobTitle": partner.title,
        "email": partner.email,
        "telephone": partner.phone,
        "image": image,
        "url": page,
    }
    data = {
        "@context": "https://schema.org",
        "@type": "ProfessionalService",
        "@id": f"{page}#business",
        "name": f"{settings['SITENAME']}: {partner.name}",
        "description": partner.description,
        "url": page,
        "image": image,
        "email": partner.email,
        "telephone": partner.phone,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": partner.city,
            "addressRegion": partner.state,
            "addressCountry": "US",
        },
        "parentOrganization": {"@id": f"{origin}/#organization"},
        "employee": person,
    }
    if partner.latitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": partner.latitude, "longitude": partner.longitude}
    if partner.states:
        data["areaServed"] = [{"@type": "State", "name": name} for _, name in partner.territory_states]
    if partner.booking_url:
        data["potentialAction"] = {"@type": "ReserveAction", "target": partner.booking_url}
    return data
