"""The one exception every local plugin raises for bad content.

Editors are not programmers: a problem in a content file must name the file,
the field and what is wrong, and the build must stop. Each problem is one line
`<file>: <field path>: <message>`; a ContentError carries all the problems a
plugin found, so an editor can fix them in one pass instead of one per build.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one content file."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised by a plugin when content is invalid; the build must fail."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def raise_if_any(problems: list[Problem]) -> None:
    """Raise a ContentError listing every problem, if there is at least one."""
    if problems:
        raise ContentError(problems)
