"""Single-line fields keep no line break of any kind; the message keeps its lines."""

from __future__ import annotations

import pytest

from intake.normalise import multi_line, single_line


@pytest.mark.parametrize(
    "value", ["Pat\rBcc: x@example.com", "Pat\nX", "Pat\x85X", "Pat\u2028X", "Pat\u2029X", "Pat\x0bX", "Pat\x00X"]
)
def test_a_single_line_field_loses_every_kind_of_line_break_and_control(value):
    cleaned = single_line(value)
    assert cleaned.splitlines() == [cleaned]
    assert all(character.isprintable() for character in cleaned)


def test_the_message_keeps_its_lines_written_as_lf():
    assert multi_line("one\r\ntwo\rthree\u2028four\x85five\tsix\x07") == "one\ntwo\nthree\nfour\nfive\tsix"
