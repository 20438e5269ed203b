"""The partners shipped with the site are sample data, to be replaced before going live.

Their e-mail addresses are at example.com, a domain reserved for examples (RFC 2606) that
receives no mail: published as they are, every inquiry routed to them would be lost. The
publish build for a real address (the same gate as sample case studies, `PROOF_SAMPLES =
"fail"`) lists each partner still at such an address (`sample_problems`).
"""

from __future__ import annotations

from ..errors import Problem
from ..files import display_path
from .model import Directory

RESERVED_DOMAINS = ("example.com", "example.net", "example.org")


def is_sample_address(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    return domain in RESERVED_DOMAINS or domain.endswith((".example", *(f".{name}" for name in RESERVED_DOMAINS)))


def sample_problems(directory: Directory) -> list[Problem]:
    """One problem per partner file still holding a sample address."""
    return [
        Problem(
            display_path(partner.source_path),
            "Email",
            f"{partner.email} is sample data (the address receives no mail, so inquiries sent there are lost); "
            "replace this file with a real partner's details, or delete it, before publishing",
        )
        for partner in directory.partners
        if is_sample_address(partner.email)
    ]
