"""The anti-bot token: a signed, expiring, single-use ticket the contact page fetches and posts back.

The page's script fetches one (GET /api/contact/token) at the visitor's first
interaction with the form and posts it back in the hidden `started` field. It
is signed with itsdangerous (salt "contact-form-token": a status link or any
other signed value can never pass for one), carries the moment it was issued,
a random nonce and the origin of the page that asked for it, and expires after
INTAKE_TOKEN_MAX_AGE (2 hours by default).

What a post's token says is one signal of the spam verdict (intake.verdict):
missing (a visitor without JavaScript: nearly nothing), stale (the tab stayed
open: little), too fast, for another origin, forged or reused (a program:
much). Single use is the store's job: the nonce is remembered until the token
expires (LeadStore.add_lead), which works across threads, processes and restarts.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer
from itsdangerous.timed import TimestampSigner

SALT = "contact-form-token"
# Longer than any token this intake issues: the origin is inside it, and a host name may have 253
# characters (a token for such an origin is under 500 characters). The limit only spares the parser junk.
MAX_TOKEN_LENGTH = 1024

# The token signals, as the verdict names them (intake/spam_rules.py weighs them).
MISSING = "token-missing"
FORGED = "token-forged"
TOO_FAST = "token-too-fast"
STALE = "token-stale"
OTHER_ORIGIN = "token-other-origin"


@dataclass(frozen=True)
class TokenCheck:
    """What a posted `started` value says. `signal` is "" for a token a person plausibly used.

    `nonce` and `expires_at` are set for every authentic token (fresh or not), so the
    store can refuse a second use of it.
    """

    signal: str = ""
    nonce: str = ""
    expires_at: float = 0.0


def _signer_on(clock: Callable[[], float]) -> type[TimestampSigner]:
    """itsdangerous's timestamp signer, reading the intake's clock (tests move it; production is time.time)."""

    class ClockedSigner(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(clock())

    return ClockedSigner


class FormTokens:
    def __init__(self, secret: bytes, max_age: float, min_seconds: float, clock: Callable[[], float] = time.time):
        self.max_age = max_age
        self.min_seconds = min_seconds
        self.clock = clock
        self._serializer = URLSafeTimedSerializer(secret, salt=SALT, signer=_signer_on(clock))

    def issue(self, origin: str) -> str:
        return self._serializer.dumps({"t": round(self.clock(), 3), "n": secrets.token_urlsafe(12), "o": origin})

    def check(self, token: str, origin: str) -> TokenCheck:
        """The verdict on a posted token, for a post arriving from `origin`. Never raises."""
        token = (token or "").strip()
        if not token:
            return TokenCheck(MISSING)
        if len(token) > MAX_TOKEN_LENGTH or not token.isascii():
            return TokenCheck(FORGED)
        try:
            payload = self._serializer.loads(token, max_age=int(self.max_age))
            stale = False
        except SignatureExpired as expired:
            payload, stale = self._expired_payload(expired), True
        except (BadData, UnicodeError, ValueError, TypeError):
            return TokenCheck(FORGED)
        if not _well_formed(payload):
            return TokenCheck(FORGED)
        issued = float(payload["t"])
        spent = TokenCheck(nonce=payload["n"], expires_at=issued + self.max_age)
        if stale:
            return TokenCheck(STALE, spent.nonce, spent.expires_at)
        if payload["o"] and origin and payload["o"] != origin:
            return TokenCheck(OTHER_ORIGIN, spent.nonce, spent.expires_at)
        if self.clock() - issued < self.min_seconds:
            return TokenCheck(TOO_FAST, spent.nonce, spent.expires_at)
        return spent

    def _expired_payload(self, expired: SignatureExpired):
        try:
            return self._serializer.load_payload(expired.payload)
        except BadData:
            return None


def _well_formed(payload) -> bool:
    return (
        isinstance(payload, dict)
        and isinstance(payload.get("t"), (int, float))
        and isinstance(payload.get("n"), str)
        and isinstance(payload.get("o"), str)
    )
