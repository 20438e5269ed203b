"""The roles side by side: content/data/comparison.yaml, loaded and checked against the role catalogue.

One row per fact (hours, length, cost ...), one value per role; the chart's
hours and scope per role. The compare page's table, the role pages' "At a
glance" boxes, the home page's cards and the chart all read this one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, Problem, raise_if_any
from .files import display_path, load_yaml
from .roles import Role, RoleCatalogue

COMPARISON_FILE = Path("data") / "comparison.yaml"  # inside the content folder

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


def _text(value, file, field, problems) -> str:
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(file, field, "must be non-empty text"))
        return ""
    return value.strip()


def parse_comparison(data, file: str, catalogue: RoleCatalogue) -> Comparison:
    """Validate the parsed YAML against the role catalogue, reporting every problem with its field path."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise ContentError(Problem(file, "", "must be a mapping with caption, rows and chart"))
    if "roles" in data:
        problems.append(Problem(file, "roles", f"the roles are listed once, in {catalogue.source}; remove this list"))
    caption = _text(data.get("caption"), file, "caption", problems)
    roles = list(catalogue.roles)
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
        problems.extend(catalogue.check_ids(((f"{path}.values.{key}", key) for key in values), file, f"{path}.values"))
        clean = {
            role_id: _text(values[role_id], file, f"{path}.values.{role_id}", problems)
            for role_id in role_ids
            if role_id in values
        }
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
    problems.extend(catalogue.check_ids(((f"chart.{key}", key) for key in raw_chart), file, "chart"))
    for role in roles:
        raw = raw_chart.get(role.id)
        path = f"chart.{role.id}"
        if raw is None:
            continue  # check_ids reported the missing role
        if not isinstance(raw, dict):
            problems.append(Problem(file, path, "must give hours_min, hours_max and scope"))
            continue
        low, high = raw.get("hours_min"), raw.get("hours_max")
        if not all(isinstance(v, (int, float)) and 0 <= v <= 80 for v in (low, high)) or low > high:
            problems.append(Problem(file, path, "hours_min and hours_max must be numbers, 0-80, min <= max"))
            continue
        if raw.get("scope") not in SCOPES:
            problems.append(Problem(file, f"{path}.scope", f"must be one of {', '.join(SCOPES)}"))
            continue
        chart.append(ChartPoint(role, float(low), float(high), raw["scope"]))
    raise_if_any(problems)
    return Comparison(caption, roles, rows, chart)


def load_comparison(content_path: str | Path, catalogue: RoleCatalogue) -> Comparison:
    path = Path(content_path) / COMPARISON_FILE
    return parse_comparison(load_yaml(path), display_path(path), catalogue)
