"""Two digests of a post, for finding it again without keeping a second copy of what it says.

`lead_fingerprint`: everything the visitor chose (not the token or the
honeypot), so a resubmission of the same lead (a reload, a retry after a 503,
a proxy timeout, a replayed post) is recognised and merged into the first.
`body_digest`: the message alone, case and spacing folded, so the same text sent
from several addresses is recognised (a spam signal).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata

NOT_THE_VISITORS_CHOICE = ("started", "website", "csrf_token", "submit")


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def lead_fingerprint(fields: dict[str, str]) -> str:
    chosen = {name: _fold(value) for name, value in sorted(fields.items()) if name not in NOT_THE_VISITORS_CHOICE}
    return hashlib.sha256(json.dumps(chosen, ensure_ascii=False).encode()).hexdigest()


def body_digest(fields: dict[str, str], min_characters: int) -> str:
    """The message's digest, or "" for a message too short to say anything (many people write "Call me")."""
    message = _fold(fields.get("message", ""))
    if len(message) < min_characters:
        return ""
    return hashlib.sha256(message.encode()).hexdigest()
