"""Signed, expiring links: the partner's status links, and the thanks page's receipt.

A status link is signed for one lead, one status and who it was sent to
(itsdangerous, salt "lead-status"); it expires after INTAKE_STATUS_LINK_DAYS (60).
Opening it shows a page; only the page's button (a POST) changes anything, so a
mail scanner that fetches every link in an e-mail changes nothing.

The receipt token (salt "thanks-page", one day) lets the thanks page ask for the
reference and the promise of the lead just sent, without making leads
enumerable by their short reference.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer
from itsdangerous.timed import TimestampSigner

from .lifecycle import PARTNER_STATUSES

STATUS_PATH = "/api/leads/status/"
RECEIPT_PATH = "/api/contact/receipt/"
RECEIPT_MAX_AGE = 86400
ACTORS = ("partner", "head-office")


class LinkExpired(Exception):
    """Signed by us, but older than its lifetime."""


class LinkInvalid(Exception):
    """Not a link we signed (edited, truncated, or for another purpose)."""


@dataclass(frozen=True)
class StatusLink:
    lead: str  # the lead's public id
    status: str
    actor: str


def _signer_on(clock: Callable[[], float]) -> type[TimestampSigner]:
    class ClockedSigner(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(clock())

    return ClockedSigner


class StatusLinks:
    def __init__(self, secret: bytes, origin: str, max_age_days: float, clock: Callable[[], float] = time.time):
        self.origin = origin.rstrip("/")
        self.max_age = int(max_age_days * 86400)
        signer = _signer_on(clock)
        self._status = URLSafeTimedSerializer(secret, salt="lead-status", signer=signer)
        self._receipt = URLSafeTimedSerializer(secret, salt="thanks-page", signer=signer)

    def status_url(self, lead_public_id: str, status: str, actor: str = "partner") -> str:
        return self.origin + self.status_path(lead_public_id, status, actor)

    def status_path(self, lead_public_id: str, status: str, actor: str = "partner") -> str:
        if status not in PARTNER_STATUSES or actor not in ACTORS:
            raise ValueError(f"no link for status {status!r} by {actor!r}")
        return STATUS_PATH + self._status.dumps({"l": lead_public_id, "s": status, "a": actor})

    def read_status(self, token: str) -> StatusLink:
        payload = self._load(self._status, token, self.max_age)
        if (
            not isinstance(payload, dict)
            or payload.get("s") not in PARTNER_STATUSES
            or payload.get("a") not in ACTORS
            or not isinstance(payload.get("l"), str)
        ):
            raise LinkInvalid(token)
        return StatusLink(payload["l"], payload["s"], payload["a"])

    def receipt(self, lead_public_id: str) -> str:
        return self._receipt.dumps(lead_public_id)

    def read_receipt(self, token: str) -> str:
        payload = self._load(self._receipt, token, RECEIPT_MAX_AGE)
        if not isinstance(payload, str):
            raise LinkInvalid(token)
        return payload

    @staticmethod
    def _load(serializer: URLSafeTimedSerializer, token: str, max_age: int):
        if not token or len(token) > 500 or not token.isascii():
            raise LinkInvalid(token)
        try:
            return serializer.loads(token, max_age=max_age)
        except SignatureExpired:
            raise LinkExpired(token) from None
        except (BadData, UnicodeError, ValueError, TypeError):
            raise LinkInvalid(token) from None
