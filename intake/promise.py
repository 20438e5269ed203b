"""What the visitor is promised, in one sentence: who gets in touch, how, and by when.

The receipt e-mail, the thanks page and the JSON answer all say the same thing,
from the lead's own first-response deadline on its partner's clock.
"""

from __future__ import annotations

from sales_leadership.partners.model import Partner

from .lifecycle import when
from .storage import StoredLead


def who(partner: Partner) -> str:
    if partner.is_head_office:
        return "Someone from our head office"
    return f"{partner.name}, our partner in {partner.city}"


def promise(lead: StoredLead, partner: Partner) -> str | None:
    """ "Dana Whitfield, our partner in Denver, will call or e-mail you by 2 pm Mountain time today." """
    if lead.remind_at is None or lead.accepted_at is None:
        return None
    how = "call or e-mail you" if lead.fields.get("phone", "").strip() else "e-mail you"
    subject = who(partner) if partner.is_head_office else f"{who(partner)},"  # the appositive's closing comma
    return f"{subject} will {how} by {when(lead.remind_at, lead.accepted_at, partner.hours)}."
