"""Visitor text made harmless where operators read it: a terminal, and a spreadsheet opening the export.

`for_terminal`: escape sequences (ESC [ ... ), other control characters, bidi
overrides and line separators are shown as visible escapes (\\x1b, \\u202e), so
a lead cannot move the cursor, recolour, retitle or rewrite what `invoke leads`
prints.

`csv_cell`: a cell a spreadsheet might run as a formula gets a leading
apostrophe (OWASP's advice). A formula can start the cell, or, for a spreadsheet
that splits a line on `;` (or `,`, or tab) itself, any part of it; before it may
stand spaces, and the sign may be a lookalike (fullwidth ＝, small ﹦: NFKC folds
them). A phone number or plain number (`+1 303 555 0142`, `-12.5`) is left alone:
it cannot run anything, and a CRM import needs it as it is.
"""

from __future__ import annotations

import re
import unicodedata

_FORMULA_SIGNS = "=+-@"
_ALWAYS_FORMULA = "=@"  # "+" and "-" start numbers and phone numbers too
_NUMBER_LIKE = re.compile(r"[+\-]?[\d\s().,/%$-]*\d[\d\s().,/%$-]*")
_SEPARATORS = re.compile(r"([;,\t])")


def for_terminal(text: str) -> str:
    return "".join(_visible(character) for character in text)


def _visible(character: str) -> str:
    if character == " " or unicodedata.category(character) not in ("Cc", "Cf", "Zl", "Zp"):
        return character
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def csv_cell(value: str) -> str:
    parts = _SEPARATORS.split(value)
    # parts: [segment, separator, segment, separator, ...]
    return "".join(part if index % 2 else _safe_segment(part) for index, part in enumerate(parts))


def _safe_segment(segment: str) -> str:
    stripped = segment.lstrip(" \t\r\n\u00a0\u3000")
    if not stripped:
        return segment
    first = unicodedata.normalize("NFKC", stripped[0])[:1]
    if first not in _FORMULA_SIGNS:
        return segment
    if first not in _ALWAYS_FORMULA and _NUMBER_LIKE.fullmatch(unicodedata.normalize("NFKC", stripped)):
        return segment
    return "'" + segment
