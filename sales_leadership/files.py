"""Read the YAML files that plugins load from content/, with errors an editor can act on.

Every plugin that reads YAML goes through `load_yaml`, so a missing file or a
syntax error reads the same everywhere: the file, the line, and what to check,
in plain words. PyYAML's own words ("expected <block end>, but found
'<block mapping start>'") describe its parser, not the file; `_explain` turns
the mistakes editors make (indentation, a ':' inside a value, a tab, an
unclosed quote or bracket) into what to do about them.

A key written twice in the same block is an error too: PyYAML would silently
keep the last one, so an edit to the first would seem to do nothing.
"""

from __future__ import annotations

import os

import yaml

from .errors import ContentError, Problem

INDENTATION = "the indentation does not line up with the lines above; each level is two spaces"


def display_path(path: str | os.PathLike) -> str:
    """A path relative to the working directory when possible, for readable errors."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


class _DuplicateKey(yaml.constructor.ConstructorError):
    pass


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a key written twice in one mapping."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                line = key_node.start_mark.line + 1
                if key_node.value in seen:
                    raise _DuplicateKey(
                        None,
                        None,
                        f"'{key_node.value}' is written twice in the same block (also on line "
                        f"{seen[key_node.value]}); only one would count, so keep one",
                        key_node.start_mark,
                    )
                seen[key_node.value] = line
        return super().construct_mapping(node, deep=deep)


def load_yaml(path: str | os.PathLike):
    """Parse one YAML file; raise ContentError naming the file, the line and what to check."""
    display = display_path(path)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError as error:
        raise ContentError(Problem(display, "", "file not found")) from error
    except UnicodeDecodeError as error:
        raise ContentError(
            Problem(display, "", "not UTF-8 text; save it as UTF-8 in your editor (the usual default)")
        ) from error
    try:
        return yaml.load(text, Loader=_Loader)  # a SafeLoader: plain data only
    except yaml.YAMLError as error:
        line, message = _explain(error, text.splitlines())
        raise ContentError(Problem(display, f"line {line}" if line else "YAML", message)) from error


def _explain(error: yaml.YAMLError, lines: list[str]) -> tuple[int | None, str]:
    """(the line to look at, what to check there) for a YAML syntax error."""
    problem = str(getattr(error, "problem", "") or error)
    context = str(getattr(error, "context", "") or "")
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else None
    opened_on = context_mark.line + 1 if context_mark else line
    if isinstance(error, _DuplicateKey):
        return line, problem
    if problem.startswith("expected <block end>"):
        if "'<scalar>'" in problem:
            return line, "text after a closing quote; put the whole value in quotes, or none of it"
        if "'-'" in problem:
            return line, "a '- ' list item among 'key: value' lines; check its indentation (each level is two spaces)"
        return line, INDENTATION
    if problem.startswith("mapping values are not allowed"):
        text = lines[mark.line] if mark and mark.line < len(lines) else ""
        if text.find(":") == mark.column:  # the line's own "key:" colon: the line is indented too far
            return line, INDENTATION
        return line, "a ': ' inside a value; put the whole value in quotes (\"Why: because\")"
    if "found character '\\t'" in problem:
        return line, "a tab character; indent with spaces only (two per level)"
    if "that cannot start any token" in problem or "found undefined alias" in problem:
        character = lines[mark.line][mark.column] if mark and mark.line < len(lines) else "?"
        return line, f"a value cannot start with {character!r}; put the whole value in quotes"
    if problem.startswith("could not find expected ':'"):
        return opened_on, "a line without ':'; write 'key: value' (or check that the line above is complete)"
    if "flow sequence" in context:
        return opened_on, "a list opened with '[' is not closed with ']' (or a ',' is missing between its items)"
    if "flow mapping" in context:
        return opened_on, "a '{' is not closed with '}' (or a ',' is missing between its entries)"
    if "quoted scalar" in context:
        return opened_on, "a quote opened here is never closed"
    return line, f"not valid YAML ({problem}); check this line and the one above"
