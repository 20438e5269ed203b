"""Who receives a lead: decided here, on the server, by the partner directory's routing.

The request never names a recipient; it only carries the visitor's ZIP code
and state, and "become a partner" enquiries always go to the head office.
"""

from __future__ import annotations

from pathlib import Path

from partner_directory.model import load_directory
from partner_directory.routing import route

from .storage import Recipient


class PartnerRouter:
    """The partner directory, loaded once when the intake starts (restart it after editing partners)."""

    def __init__(self, content_path: str | Path):
        self.directory = load_directory(str(content_path))

    def recipient_for(self, fields: dict[str, str]) -> Recipient:
        if fields.get("enquiry_kind") == "partner":
            office = self.directory.head_office
            return Recipient(
                office.slug, office.name, office.email, "head-office", "partner enquiries go to the head office"
            )
        routed = route(
            self.directory,
            zip_code=(fields.get("zip_code") or "").strip() or None,
            state=(fields.get("state") or "").strip() or None,
            country="US",
        )
        partner = routed.partner
        return Recipient(partner.slug, partner.name, partner.email, routed.rule, routed.reason)
