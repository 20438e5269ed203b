"""Load and validate content/data/comparison.yaml."""

from __future__ import annotations

import os
from dataclasses import dataclass

from markupsafe import Markup

from sales_leadership.errors import ContentError, Problem, raise_if_any
from sales_leadership.files import display_path, load_yaml

from .svg import render_chart

SCOPES = ("sales", "leadership", "cross-functional")
REQUIRED_ROWS = (
    "hours",
    "length",
    "employment",
    "company_size",
    "salespeople",
    "revenue",
    "scope",
    "leadership_seat",
    "marketing",
    "cost",
    "best_when",
)


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    url: str


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    values: dict[str, str]


@dataclass(frozen=True)
class ChartPoint:
    role: Role
    hours_min: float
    hours_max: float
    scope: str


@dataclass(frozen=True)
class Comparison:
    caption: str
    roles: list[Role]
    rows: list[Row]
    chart: list[ChartPoint]

    def facts_for(self, role_id: str) -> list[tuple[str, str]]:
        """(row label, value) pairs for one role, in table order."""
        return [(row.label, row.values[role_id]) for row in self.rows]

    def role(self, role_id: str) -> Role | None:
        return next((role for role in self.roles if role.id == role_id), None)

    @property
    def svg(self) -> Markup:
        return render_chart(self.chart)


def _text(value, file, field, problems) -> str:
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(file, field, "must be non-empty text"))
        return ""
    return value.strip()


def parse_comparison(data, file: str) -> Comparison:
    """Validate the parsed YAML, reporting every problem with its field path."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise ContentError(Problem(file, "", "must be a mapping with caption, roles, rows and chart"))
    caption = _text(data.get("caption"), file, "caption", problems)

    roles: list[Role] = []
    raw_roles = data.get("roles")
    if not isinstance(raw_roles, list) or not raw_roles:
        problems.append(Problem(file, "roles", "must be a non-empty list"))
        raw_roles = []
    for i, raw in enumerate(raw_roles):
        path = f"roles[{i}]"
        if not isinstance(raw, dict):
            problems.append(Problem(file, path, "must be a mapping with id, name and url"))
            continue
        role = Role(
            _text(raw.get("id"), file, f"{path}.id", problems),
            _text(raw.get("name"), file, f"{path}.name", problems),
            _text(raw.get("url"), file, f"{path}.url", problems),
        )
        if role.id and any(r.id == role.id for r in roles):
            problems.append(Problem(file, f"{path}.id", f"duplicate role id {role.id!r}"))
        roles.append(role)
    role_ids = [role.id for role in roles]

    rows: list[Row] = []
    raw_rows = data.get("rows")
    if not isinstance(raw_rows, list):
        problems.append(Problem(file, "rows", "must be a list"))
        raw_rows = []
    for i, raw in enumerate(raw_rows):
        path = f"rows[{i}]"
        if not isinstance(raw, dict):
            problems.append(Problem(file, path, "must be a mapping with id, label and values"))
            continue
        row_id = _text(raw.get("id"), file, f"{path}.id", problems)
        label = _text(raw.get("label"), file, f"{path}.label", problems)
        values = raw.get("values")
        if not isinstance(values, dict):
            problems.append(Problem(file, f"{path}.values", "must map each role id to a value"))
            values = {}
        for key in values:
            if key not in role_ids:
                problems.append(Problem(file, f"{path}.values", f"unknown role {key!r}"))
        clean = {}
        for role_id in role_ids:
            if role_id not in values:
                problems.append(Problem(file, f"{path}.values", f"missing a value for role {role_id!r}"))
            else:
                clean[role_id] = _text(values[role_id], file, f"{path}.values.{role_id}", problems)
        rows.append(Row(row_id, label, clean))
    present = {row.id for row in rows}
    for required in REQUIRED_ROWS:
        if required not in present:
            problems.append(Problem(file, "rows", f"missing the required row {required!r}"))

    chart: list[ChartPoint] = []
    raw_chart = data.get("chart")
    if not isinstance(raw_chart, dict):
        problems.append(Problem(file, "chart", "must map each role id to hours_min, hours_max and scope"))
        raw_chart = {}
    for role in roles:
        raw = raw_chart.get(role.id)
        path = f"chart.{role.id}"
        if not isinstance(raw, dict):
            problems.append(Problem(file, path, "missing; give hours_min, hours_max and scope"))
            continue
        low, high = raw.get("hours_min"), raw.get("hours_max")
        if not all(isinstance(v, (int, float)) and 0 <= v <= 80 for v in (low, high)) or low > high:
            problems.append(Problem(file, path, "hours_min and hours_max must be numbers, 0-80, min <= max"))
            continue
        if raw.get("scope") not in SCOPES:
            problems.append(Problem(file, f"{path}.scope", f"must be one of {', '.join(SCOPES)}"))
            continue
        chart.append(ChartPoint(role, float(low), float(high), raw["scope"]))
    for key in raw_chart:
        if key not in role_ids:
            problems.append(Problem(file, f"chart.{key}", "unknown role"))

    raise_if_any(problems)
    return Comparison(caption, roles, rows, chart)


def load_comparison(path: str) -> Comparison:
    return parse_comparison(load_yaml(path), display_path(path))


def add_comparison_to_context(generator) -> None:
    settings = generator.settings
    path = os.path.join(settings["PATH"], settings.get("COMPARISON_FILE", "data/comparison.yaml"))
    generator.context["comparison"] = load_comparison(path)
