"""The anti-bot token: a timestamp signed with the intake's secret.

The contact page fetches one (GET /api/contact/token) on the visitor's first
interaction and posts it back in the hidden `started` field. A person needs
more than a few seconds between touching the form and sending it; a script
posting straight away, or inventing a token, gives itself away. No token at
all means a visitor without JavaScript, who is treated like anyone else.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class TokenCheck:
    """The verdict on a posted `started` value: empty spam_reason means a person is plausible."""

    spam_reason: str = ""


def issue_token(secret: bytes, now: float | None = None) -> str:
    issued = f"{(time.time() if now is None else now):.3f}"
    return f"{issued}.{_signature(secret, issued)}"


def check_token(secret: bytes, token: str, min_seconds: float, now: float | None = None) -> TokenCheck:
    token = (token or "").strip()
    if not token:
        return TokenCheck()
    issued, _, signature = token.rpartition(".")
    if not issued or not hmac.compare_digest(signature, _signature(secret, issued)):
        return TokenCheck("forged token")
    try:
        elapsed = (time.time() if now is None else now) - float(issued)
    except ValueError:
        return TokenCheck("forged token")
    if elapsed < min_seconds:
        return TokenCheck("too fast")
    return TokenCheck()


def _signature(secret: bytes, issued: str) -> str:
    return hmac.new(secret, f"started:{issued}".encode(), hashlib.sha256).hexdigest()
