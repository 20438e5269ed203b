"""The roles side by side, and every figure the site states: content/data/comparison.yaml,
loaded and checked against the role catalogue.

Three parts:

- `rows`: one per fact, one value per role. A row with a `unit` holds figures (hours, length,
  fee, salespeople, revenue): each value is a number or a range with a basis, named
  `<role>.<row>` (`part-time.hours`). Other rows hold text, which may quote figures as
  `[[name]]`.
- `figures`: figures that belong to no single role (a full-time hire's cost, the minimum term),
  each with its own unit, label and basis.
- `chart`: each role's scope; its hours are the `hours` row's figures, so the chart and the table
  cannot disagree.

The compare page's table and its list of bases, the role pages' "At a glance" boxes, the home
page's cards, the chart and every `[[name]]` in the content read this one file.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, Problem, raise_if_any
from .figures import NAME, UNITS, VARIANTS, Figure, Shortcodes, parse_figure
from .files import display_path, load_yaml
from .roles import Role, RoleCatalogue

COMPARISON_FILE = Path("data") / "comparison.yaml"  # inside the content folder

SCOPES = ("sales", "leadership", "cross-functional")
CHART_HOURS_ROW = "hours"
CHART_UNIT = "hours a week"
REQUIRED_ROWS = (
    "hours",
    "length",
    "employment",
    "fee",
    "cost",
    "company_size",
    "salespeople",
    "revenue",
    "scope",
    "leadership_seat",
    "marketing",
    "best_when",
)
ROW_KEYS = {"id", "label", "values", "unit", "basis"}
TOP_KEYS = {"caption", "rows", "figures", "chart"}


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    values: dict[str, str]  # role id -> what the table's cell says
    unit: str | None = None  # set for a row of figures
    figures: dict[str, Figure] = dataclasses.field(default_factory=dict)  # role id -> its figure


@dataclass(frozen=True)
class ChartPoint:
    role: Role
    hours: Figure  # the `hours` row's figure for the role: the table's cell and the bar are one figure
    scope: str

    @property
    def hours_min(self) -> float:
        return self.hours.low if self.hours.low is not None else 0.0

    @property
    def hours_max(self) -> float:
        return self.hours.high if self.hours.high is not None else self.hours_min


@dataclass(frozen=True)
class BasisNote:
    """One line of "How these figures are set": what, (the figure,) and what it rests on."""

    label: str
    value: str
    basis: str


@dataclass(frozen=True)
class Comparison:
    caption: str
    roles: list[Role]
    rows: list[Row]
    chart: list[ChartPoint]
    figures: dict[str, Figure]  # every figure by name, the rows' and the file's own
    extra_figures: list[str]  # names of the file's own figures, in file order
    source: str = str(COMPARISON_FILE)

    def facts_for(self, role_id: str) -> list[tuple[str, str]]:
        """(row label, value) pairs for one role, in table order."""
        return [(row.label, row.values[role_id]) for row in self.rows]

    def role(self, role_id: str) -> Role | None:
        return next((role for role in self.roles if role.id == role_id), None)

    def figure(self, name: str) -> Figure:
        return self.figures[name]

    def shortcodes(self, texts: dict[str, str] | None = None) -> Shortcodes:
        """What `[[name]]` can quote: these figures, plus generated `texts` (the routing rules)."""
        return Shortcodes(self.figures, texts, self.source)

    @property
    def basis_notes(self) -> list[BasisNote]:
        """How each figure is set: one note per row of figures (or per role, where the bases
        differ within a row), then one per figure of the file's own."""
        notes = []
        for row in self.rows:
            if not row.figures:
                continue
            groups: dict[str, list[str]] = {}
            for role in self.roles:
                groups.setdefault(row.figures[role.id].basis, []).append(role.name)
            for basis, names in groups.items():
                label = row.label if len(groups) == 1 else f"{row.label}: {', '.join(names)}"
                notes.append(BasisNote(label, "", basis))
        for name in self.extra_figures:
            figure = self.figures[name]
            notes.append(BasisNote(figure.label, figure.text(), figure.basis))
        return notes


def role_figure_name(role_id: str, row_id: str) -> str:
    """`part-time.hours`: a row's figure for a role (underscores in a row id read as '-')."""
    return f"{role_id}.{row_id.replace('_', '-')}"


def _text(value, file, field, problems) -> str:
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(file, field, "must be non-empty text"))
        return ""
    return value.strip()


@dataclass
class _RawRow:
    """A row as read, before its text is filled with figures."""

    index: int
    id: str
    label: str
    unit: str | None
    texts: dict[str, str]
    figures: dict[str, Figure]


def _parse_row(raw, i: int, file: str, catalogue: RoleCatalogue, problems: list[Problem]) -> _RawRow | None:
    path = f"rows[{i}]"
    if not isinstance(raw, dict):
        problems.append(Problem(file, path, "must be a mapping with id, label and values"))
        return None
    for key in raw:
        if key not in ROW_KEYS:
            expected = ", ".join(sorted(ROW_KEYS))
            problems.append(Problem(file, f"{path}.{key}", f"unknown key; expected one of {expected}"))
    row_id = _text(raw.get("id"), file, f"{path}.id", problems)
    label = _text(raw.get("label"), file, f"{path}.label", problems)
    unit = raw.get("unit")
    basis = raw.get("basis")
    if unit is None and basis is not None:
        problems.append(Problem(file, f"{path}.basis", "only a row of figures (with a unit) has a basis"))
    if basis is not None and (not isinstance(basis, str) or not basis.strip()):
        problems.append(Problem(file, f"{path}.basis", "must be text: what the row's figures are based on"))
        basis = None
    values = raw.get("values")
    if not isinstance(values, dict):
        problems.append(Problem(file, f"{path}.values", "must map each role id to a value"))
        values = {}
    problems.extend(catalogue.check_ids(((f"{path}.values.{key}", key) for key in values), file, f"{path}.values"))
    texts: dict[str, str] = {}
    figures: dict[str, Figure] = {}
    if unit is not None:
        if unit not in UNITS:
            problems.append(Problem(file, f"{path}.unit", f"unknown unit {unit!r}; the units are {', '.join(UNITS)}"))
            return _RawRow(i, row_id, label, str(unit), {}, {})  # a row of figures, all of them broken
        for role in catalogue:
            if role.id not in values:
                continue
            figure = parse_figure(
                values[role.id],
                file,
                f"{path}.values.{role.id}",
                name=role_figure_name(role.id, row_id or "row"),
                label=f"{role.name}: {label.lower()}" if label else role.name,
                unit=unit,
                basis=basis,
                problems=problems,
            )
            if figure is not None:
                figures[role.id] = figure
    else:
        for role in catalogue:
            if role.id in values:
                value = values[role.id]
                if isinstance(value, dict):
                    problems.append(
                        Problem(
                            file,
                            f"{path}.values.{role.id}",
                            "a figure (min, max, basis) needs the row to say its unit, e.g. 'unit: hours a week'",
                        )
                    )
                    continue
                texts[role.id] = _text(value, file, f"{path}.values.{role.id}", problems)
    return _RawRow(i, row_id, label, unit, texts, figures)


def _parse_own_figures(raw_figures, file: str, taken: set[str], problems: list[Problem]) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    if raw_figures is None:
        return figures
    if not isinstance(raw_figures, dict):
        problems.append(Problem(file, "figures", "must map each figure's name to its value, unit, label and basis"))
        return figures
    for name, raw in raw_figures.items():
        path = f"figures.{name}"
        if not isinstance(name, str) or not NAME.match(name):
            problems.append(Problem(file, path, "a name is lower-case words joined by '-' and '.', like minimum-term"))
            continue
        last = name.rpartition(".")[2]
        if last in VARIANTS:
            problems.append(Problem(file, path, f"must not end in '.{last}' (that asks for a variant of a figure)"))
            continue
        if name in taken:
            problems.append(Problem(file, path, "already the name of a figure in the rows (<role>.<row>)"))
            continue
        figure = parse_figure(raw, file, path, name=name, label="", problems=problems)
        if figure is not None:
            figures[name] = figure
    return figures


def _parse_chart(raw_chart, file, catalogue, hours_row: _RawRow | None, problems) -> list[ChartPoint]:
    if not isinstance(raw_chart, dict):
        problems.append(Problem(file, "chart", f"must give each role's scope: {', '.join(SCOPES)}"))
        return []
    problems.extend(catalogue.check_ids(((f"chart.{key}", key) for key in raw_chart), file, "chart"))
    if hours_row is None or hours_row.unit != CHART_UNIT:
        problems.append(
            Problem(file, "rows", f"the chart needs a row with id {CHART_HOURS_ROW!r} and unit {CHART_UNIT!r}")
        )
    chart = []
    for role in catalogue:
        raw = raw_chart.get(role.id)
        path = f"chart.{role.id}"
        if raw is None:
            continue  # check_ids reported the missing role
        if not isinstance(raw, dict):
            problems.append(Problem(file, path, f"must be {{scope: ...}}, one of {', '.join(SCOPES)}"))
            continue
        for key in raw:
            if key in ("hours_min", "hours_max", "hours"):
                where = f"rows[{hours_row.index}]" if hours_row else f"the {CHART_HOURS_ROW!r} row"
                problems.append(
                    Problem(
                        file,
                        f"{path}.{key}",
                        f"the chart reads its hours from the table's hours row ({where}.values.{role.id}), "
                        "so the two cannot disagree; remove this line and change the hours there",
                    )
                )
            elif key != "scope":
                problems.append(Problem(file, f"{path}.{key}", "unknown key; the chart takes only scope"))
        if raw.get("scope") not in SCOPES:
            problems.append(Problem(file, f"{path}.scope", f"must be one of {', '.join(SCOPES)}"))
            continue
        hours = hours_row.figures.get(role.id) if hours_row else None
        if hours is not None:
            chart.append(ChartPoint(role, hours, raw["scope"]))
    return chart


def _quotes(problem: Problem, names: set[str]) -> bool:
    """Whether the problem is about a `[[name]]` (or `[[name.variant]]`) of one of `names`."""
    quoted = problem.field.rpartition("[[")[2].rstrip("]").strip()
    return quoted in names or quoted.rpartition(".")[0] in names


def parse_comparison(data, file: str, catalogue: RoleCatalogue) -> Comparison:
    """Validate the parsed YAML against the role catalogue, reporting every problem with its field path."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise ContentError(Problem(file, "", "must be a mapping with caption, rows, figures and chart"))
    if "roles" in data:
        problems.append(Problem(file, "roles", f"the roles are listed once, in {catalogue.source}; remove this list"))
    for key in data:
        if key not in TOP_KEYS and key != "roles":
            problems.append(Problem(file, key, f"unknown key; expected one of {', '.join(sorted(TOP_KEYS))}"))
    caption = _text(data.get("caption"), file, "caption", problems)

    raw_rows = data.get("rows")
    if not isinstance(raw_rows, list):
        problems.append(Problem(file, "rows", "must be a list"))
        raw_rows = []
    rows = [row for i, raw in enumerate(raw_rows) if (row := _parse_row(raw, i, file, catalogue, problems))]
    seen: set[str] = set()
    for row in rows:
        if row.id and row.id in seen:
            problems.append(Problem(file, f"rows[{row.index}].id", f"duplicate row id {row.id!r}"))
        seen.add(row.id)
    for required in REQUIRED_ROWS:
        if required not in seen:
            problems.append(Problem(file, "rows", f"missing the required row {required!r}"))

    figures = {figure.name: figure for row in rows for figure in row.figures.values()}
    own = _parse_own_figures(data.get("figures"), file, set(figures), problems)
    figures.update(own)
    hours_row = next((row for row in rows if row.id == CHART_HOURS_ROW), None)
    chart = _parse_chart(data.get("chart"), file, catalogue, hours_row, problems)

    # Text may quote figures: fill the caption, the text rows and the bases from the figures above.
    # A figure reported above as broken is not reported again where the text quotes it.
    shortcodes = Shortcodes(figures, source=file)
    broken = {name for name in (data.get("figures") or {}) if name not in own}
    for row in rows:
        if row.unit:
            broken |= {role_figure_name(role.id, row.id) for role in catalogue if role.id not in row.figures}

    def fill(text: str, field: str) -> str:
        filled, found = shortcodes.fill(text, file, field)
        problems.extend(problem for problem in found if not _quotes(problem, broken))
        return filled

    caption = fill(caption, "caption")
    paths = {name: f"figures.{name}" for name in own}
    paths.update(
        (figure.name, f"rows[{row.index}].values.{role_id}") for row in rows for role_id, figure in row.figures.items()
    )
    for name, figure in figures.items():
        figures[name] = dataclasses.replace(figure, basis=fill(figure.basis, f"{paths[name]}.basis"))
    final_rows = []
    for row in rows:
        row_figures = {role_id: figures[figure.name] for role_id, figure in row.figures.items()}
        if row.unit:
            values = {role_id: figure.cell() for role_id, figure in row_figures.items()}
        else:
            values = {role_id: fill(text, f"rows[{row.index}].values.{role_id}") for role_id, text in row.texts.items()}
        final_rows.append(Row(row.id, row.label, values, row.unit, row_figures))
    chart = [dataclasses.replace(point, hours=figures[point.hours.name]) for point in chart]
    raise_if_any(problems)
    return Comparison(caption, list(catalogue.roles), final_rows, chart, figures, list(own), file)


def load_comparison(content_path: str | Path, catalogue: RoleCatalogue) -> Comparison:
    path = Path(content_path) / COMPARISON_FILE
    return parse_comparison(load_yaml(path), display_path(path), catalogue)
