"""Read the YAML files that plugins load from content/, with errors an editor can act on.

Every plugin that reads YAML goes through `load_yaml`, so a missing file or a
syntax error reads the same everywhere: the file, the line, what is wrong.
"""

from __future__ import annotations

import os

import yaml

from .errors import ContentError, Problem


def display_path(path: str | os.PathLike) -> str:
    """A path relative to the working directory when possible, for readable errors."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def load_yaml(path: str | os.PathLike):
    """Parse one YAML file; raise ContentError naming the file (and the line) when it cannot be read."""
    display = display_path(path)
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as error:
        raise ContentError(Problem(display, "", "file not found")) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "YAML"
        raise ContentError(Problem(display, where, f"invalid YAML: {getattr(error, 'problem', error)}")) from error
