"""The role catalogue: content/data/roles.yaml, the one list of the kinds of sales leadership.

The quiz's outcomes, the comparison table, the role pages, the contact form's
choices and the colours all name roles by id. They read the ids from here, and
`RoleCatalogue.check_ids` turns a stray or missing id anywhere into a problem
that names the file and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, raise_if_any
from .files import display_path, load_yaml

ROLES_FILE = Path("data") / "roles.yaml"  # inside the content folder
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ROLE_KEYS = {"id", "name", "url"}


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    url: str  # root-relative address of the role's own page


@dataclass(frozen=True)
class RoleCatalogue:
    roles: tuple[Role, ...]
    source: str = str(ROLES_FILE)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(role.id for role in self.roles)

    def get(self, role_id: str) -> Role | None:
        return next((role for role in self.roles if role.id == role_id), None)

    def __iter__(self):
        return iter(self.roles)

    def __len__(self) -> int:
        return len(self.roles)

    def check_ids(self, named: Iterable[tuple[str, str]], file: str, what: str, complete: bool = True) -> list[Problem]:
        """Problems with the role ids another file names: (field path, role id) pairs.

        An id the catalogue does not have is always a problem; with `complete`, so is a
        role of the catalogue that `named` leaves out (reported on the file as a whole).
        """
        problems = []
        seen = set()
        for field, role_id in named:
            if role_id not in self.ids:
                problems.append(
                    Problem(
                        file, field, f"unknown role {role_id!r}; the roles in {self.source} are {', '.join(self.ids)}"
                    )
                )
            seen.add(role_id)
        if complete:
            for role_id in self.ids:
                if role_id not in seen:
                    problems.append(Problem(file, what, f"no entry for the role {role_id!r} (listed in {self.source})"))
        return problems


def parse_roles(data, file: str) -> RoleCatalogue:
    """Validate the parsed YAML; raise ContentError listing every problem."""
    problems: list[Problem] = []
    raw_roles = data.get("roles") if isinstance(data, dict) else None
    if not isinstance(raw_roles, list) or not raw_roles:
        raise_if_any([Problem(file, "roles", "must be a list of roles, each with id, name and url")])
    roles: list[Role] = []
    for i, raw in enumerate(raw_roles):
        path = f"roles[{i}]"
        if not isinstance(raw, dict):
            problems.append(Problem(file, path, "must be a mapping with id, name and url"))
            continue
        for key in raw:
            if key not in ROLE_KEYS:
                problems.append(
                    Problem(file, f"{path}.{key}", f"unknown key; expected one of {', '.join(sorted(ROLE_KEYS))}")
                )
        values = {}
        for key in ("id", "name", "url"):
            value = raw.get(key)
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem(file, f"{path}.{key}", "missing text"))
                value = ""
            values[key] = value.strip()
        if values["id"] and not ID_PATTERN.match(values["id"]):
            problems.append(Problem(file, f"{path}.id", f"{values['id']!r} must be lower-case letters, digits and '-'"))
        elif values["id"] in {role.id for role in roles}:
            problems.append(Problem(file, f"{path}.id", f"duplicate role id {values['id']!r}"))
        if values["url"] and not (values["url"].startswith("/") and values["url"].endswith("/")):
            problems.append(
                Problem(file, f"{path}.url", f"{values['url']!r} must be a page of this site, like /roles/x/")
            )
        roles.append(Role(**values))
    raise_if_any(problems)
    return RoleCatalogue(tuple(roles), file)


def load_roles(content_path: str | Path) -> RoleCatalogue:
    path = Path(content_path) / ROLES_FILE
    return parse_roles(load_yaml(path), display_path(path))
