"""The one YAML reader (sales_leadership/files.py): a syntax error names the line and says what to check."""

from __future__ import annotations

import pytest

from sales_leadership.errors import ContentError
from sales_leadership.files import load_yaml

INDENTATION = "the indentation does not line up with the lines above; each level is two spaces"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("questions:\n  - id: a\n    text: A\n   help: B\n", 4, INDENTATION),
        ("questions:\n  - id: a\n    text: A\n     help: B\n", 4, INDENTATION),
        ("roles:\n  interim: 1\n part-time: 2\n", 3, INDENTATION),
        ("a:\n  - x: 1\n  y: 2\n", 3, INDENTATION),
        ("a:\n  text: Why: because\n", 2, "a ': ' inside a value; put the whole value in quotes (\"Why: because\")"),
        ("a:\n\tb: 1\n", 2, "a tab character; indent with spaces only (two per level)"),
        (
            "a:\n  b: 1\n  c\n  d: 2\n",
            3,
            "a line without ':'; write 'key: value' (or check that the line above is complete)",
        ),
        (
            "rows: [unclosed\n",
            1,
            "a list opened with '[' is not closed with ']' (or a ',' is missing between its items)",
        ),
        ("a: {x: 1, y: 2\nb: 3\n", 1, "a '{' is not closed with '}' (or a ',' is missing between its entries)"),
        ('a: "hello\nb: 2\n', 1, "a quote opened here is never closed"),
        ('a: "quoted" more\n', 1, "text after a closing quote; put the whole value in quotes, or none of it"),
        ("a: @home\n", 1, "a value cannot start with '@'; put the whole value in quotes"),
        ("a: *x\n", 1, "a value cannot start with '*'; put the whole value in quotes"),
        (
            "a:\n  b: 1\n  - c\n",
            3,
            "a '- ' list item among 'key: value' lines; check its indentation (each level is two spaces)",
        ),
        (
            "title: A\nquestions:\n  - id: a\n    text: A\n    text: B\n",
            5,
            "'text' is written twice in the same block (also on line 4); only one would count, so keep one",
        ),
    ],
)
def test_a_yaml_mistake_names_the_line_and_what_to_check(tmp_path, text, line, message):
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as failure:
        load_yaml(path)
    (problem,) = failure.value.problems
    assert (problem.field, problem.message) == (f"line {line}", message)
    assert problem.file.endswith("data.yaml")


def test_the_same_key_in_different_blocks_is_fine(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("a:\n  id: 1\nb:\n  id: 2\nlist:\n  - id: x\n  - id: y\n", encoding="utf-8")
    assert load_yaml(path) == {"a": {"id": 1}, "b": {"id": 2}, "list": [{"id": "x"}, {"id": "y"}]}


def test_a_file_that_is_not_utf8_or_missing(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_bytes("caption: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(ContentError, match="not UTF-8 text; save it as UTF-8"):
        load_yaml(path)
    with pytest.raises(ContentError, match="file not found"):
        load_yaml(tmp_path / "missing.yaml")
