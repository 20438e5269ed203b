"""A partner at an example address: the shipped sample partners' e-mails are at example.com, a
domain reserved for examples (RFC 2606) that receives no mail.

A sample partner is marked `Sample: yes` (model.sample_problems lists those for the publish
gate). A file made from one that says `Sample: no` but kept its example.com address would
lose every inquiry routed to it: the same gate (`PROOF_SAMPLES = "fail"`) lists those too
(`reserved_address_problems`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Problem
from ..files import display_path

if TYPE_CHECKING:
    from .model import Directory

RESERVED_DOMAINS = ("example.com", "example.net", "example.org")


def is_sample_address(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    return domain in RESERVED_DOMAINS or domain.endswith((".example", *(f".{name}" for name in RESERVED_DOMAINS)))


def reserved_address_problems(directory: Directory) -> list[Problem]:
    """One problem per partner not marked as a sample whose e-mail is still an example address."""
    return [
        Problem(
            display_path(partner.source_path),
            "Email",
            f"{partner.email} is an example address (it receives no mail, so inquiries sent there are lost); "
            "write the partner's real e-mail before publishing",
        )
        for partner in sorted(directory.partners, key=lambda partner: partner.source_path)
        if not partner.sample and is_sample_address(partner.email)
    ]
