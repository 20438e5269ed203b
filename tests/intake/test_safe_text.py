"""Visitor text where operators read it: the terminal (`invoke leads`) and a spreadsheet (the CSV export)."""

from __future__ import annotations

import pytest

from intake.safe_text import csv_cell, for_terminal


def test_escape_sequences_and_control_characters_are_shown_not_obeyed():
    hostile = "Pat\x1b[2J\x1b]0;pwned\x07\rEvil\u202eevil\u2028line"
    shown = for_terminal(hostile)
    assert "\x1b" not in shown and "\r" not in shown and "\x07" not in shown
    assert "\u202e" not in shown and "\u2028" not in shown
    assert shown == "Pat\\x1b[2J\\x1b]0;pwned\\x07\\x0dEvil\\u202eevil\\u2028line"
    assert for_terminal("Zoë Šimková 李雷") == "Zoë Šimková 李雷"


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("   =1+1", "'   =1+1"),
        ("＝1+1", "'＝1+1"),
        ("﹦1+1", "'﹦1+1"),
        ("Hello;=cmd|' /C calc'!A0", "Hello;'=cmd|' /C calc'!A0"),
        ("Hello; =1+1", "Hello;' =1+1"),
        ("a,b\t@x", "a,b\t'@x"),
    ],
)
def test_anything_a_spreadsheet_could_run_is_neutralised(value, expected):
    assert csv_cell(value) == expected


@pytest.mark.parametrize(
    "value",
    ["+1 303 555 0142", "+44 (20) 7946 0958", "(303) 555-0142", "-12.5", "303.555.0142", "Pat Example", "80202"],
)
def test_phone_numbers_numbers_and_plain_text_are_left_as_they_are(value):
    assert csv_cell(value) == value
