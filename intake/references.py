"""Short lead references a person can read out on the phone: SLP-7K3Q.

Four characters from Crockford's base-32 alphabet (no I, L, O or U, so nothing
reads as a 1, a 0 or a rude word): about a million references, plenty for a
year of a contact form's leads. The store draws again in the rare case one is
taken, and accepts what people type (lower case, O for 0, I or L for 1).
"""

from __future__ import annotations

import secrets

PREFIX = "SLP-"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 4
_TYPED = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_reference() -> str:
    return PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def as_typed(text: str) -> str:
    """A reference as someone typed it ("slp-7k3q", "7K3Q", "SLP 7K3O"), in its stored form."""
    value = "".join(text.split()).upper()
    if value.startswith("SLP-L"):  # references given to leads stored before they existed: SLP-L<id>
        return value
    value = value.removeprefix("SLP-").removeprefix("SLP")
    return PREFIX + value.translate(_TYPED)
