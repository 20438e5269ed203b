"""What the visitor typed, made safe to store and show before anything else reads it.

A single-line field (name, company, phone ...) keeps no line break of any kind:
CR, LF, the other C0/C1 control characters and the Unicode line and paragraph
separators become one space. Otherwise a bare CR in a name adds a line of the
visitor's choosing to the partner's plain-text e-mail. The message keeps its
lines, with every kind of line break written as LF, and loses the other control
characters (tabs stay).
"""

from __future__ import annotations

import re

from werkzeug.datastructures import MultiDict

MULTI_LINE_FIELDS = frozenset({"message"})

# C0 controls (tab included), DEL, C1 controls (NEL among them), and the Unicode line/paragraph separators.
_BREAKS_AND_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_CONTROLS_BUT_TAB_AND_LF = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def single_line(value: str) -> str:
    return _BREAKS_AND_CONTROLS.sub(" ", value)


def multi_line(value: str) -> str:
    return _CONTROLS_BUT_TAB_AND_LF.sub("", _LINE_BREAK.sub("\n", value))


def normalise_field(name: str, value: str) -> str:
    return multi_line(value) if name in MULTI_LINE_FIELDS else single_line(value)


def normalise_form(formdata: MultiDict) -> MultiDict:
    """Every posted value normalised for its field (unknown fields are single-line too)."""
    return MultiDict([(name, normalise_field(name, value)) for name, value in formdata.items(multi=True)])
