"""comparison.yaml read through the core (sales_leadership.comparison): the shipped file, and bad
input, where every problem names the file and the field."""

from __future__ import annotations

import copy

import pytest
import yaml

from sales_leadership.comparison import REQUIRED_ROWS, load_comparison, parse_comparison
from sales_leadership.errors import ContentError
from tests.quiz.support import shipped_roles
from tests.support import CONTENT

FILE = "content/data/comparison.yaml"
ROLES = ("interim", "part-time", "fractional-cro", "fractional-cso")


@pytest.fixture(scope="module")
def shipped_data():
    return yaml.safe_load((CONTENT / "data" / "comparison.yaml").read_text(encoding="utf-8"))


def problems_of(data) -> list[str]:
    with pytest.raises(ContentError) as failure:
        parse_comparison(data, FILE, shipped_roles())
    return [str(problem) for problem in failure.value.problems]


def row(data, row_id):
    return next(item for item in data["rows"] if item["id"] == row_id)


def test_the_shipped_file_loads_with_a_basis_for_every_figure():
    comparison = load_comparison(CONTENT, shipped_roles())
    assert set(REQUIRED_ROWS) <= {row.id for row in comparison.rows}
    assert comparison.figures, "no figures"
    for name, figure in comparison.figures.items():
        assert figure.basis and "[[" not in figure.basis, name
    for role in ROLES:
        for row_id in ("hours", "length", "fee", "salespeople", "revenue"):
            assert f"{role}.{row_id}" in comparison.figures
    assert "[[" not in " ".join(value for row in comparison.rows for value in row.values.values())


def test_the_chart_is_the_hours_row(shipped_data):
    """The chart has no hours of its own: change the table's hours and the bar moves with it."""
    data = copy.deepcopy(shipped_data)
    row(data, "hours")["values"]["part-time"] = {"min": 10, "max": 18}
    comparison = parse_comparison(data, FILE, shipped_roles())
    point = next(point for point in comparison.chart if point.role.id == "part-time")
    assert (point.hours_min, point.hours_max) == (10, 18)
    hours = next(row for row in comparison.rows if row.id == "hours")
    assert hours.values["part-time"].startswith("10-18 hours a week")
    assert point.hours is hours.figures["part-time"]


def test_hours_given_to_the_chart_as_well_as_the_table_fail_the_build(shipped_data):
    """The old file kept the chart's hours apart, where they could disagree with the table."""
    data = copy.deepcopy(shipped_data)
    data["chart"]["part-time"] = {"hours_min": 8, "hours_max": 20, "scope": "sales"}
    index = [item["id"] for item in data["rows"]].index("hours")
    assert problems_of(data) == [
        f"{FILE}: chart.part-time.{key}: the chart reads its hours from the table's hours row "
        f"(rows[{index}].values.part-time), so the two cannot disagree; remove this line and change the hours there"
        for key in ("hours_min", "hours_max")
    ]


def test_a_chart_without_an_hours_row_says_what_it_needs(shipped_data):
    data = copy.deepcopy(shipped_data)
    hours = row(data, "hours")
    hours["id"] = "time"
    problems = problems_of(data)
    assert f"{FILE}: rows: missing the required row 'hours'" in problems
    assert f"{FILE}: rows: the chart needs a row with id 'hours' and unit 'hours a week'" in problems


def test_bad_figures_are_all_reported_with_their_field(shipped_data):
    data = copy.deepcopy(shipped_data)
    hours, fee, length = row(data, "hours"), row(data, "fee"), row(data, "length")
    i = {item["id"]: n for n, item in enumerate(data["rows"])}
    hours["values"]["part-time"] = {"min": 20, "max": 8}
    hours["values"]["interim"] = {"min": "forty", "max": 50}
    hours["values"]["fractional-cro"] = {"value": 12, "max": 24}
    hours["values"]["fractional-cso"] = "8-24 hours"
    del fee["basis"]
    fee["values"]["part-time"]["basis"] = "Network policy."
    fee["values"]["interim"] = {"max": 22000, "hourly": 100}
    length["unit"] = "moons"
    problems = problems_of(data)
    h, f = f"rows[{i['hours']}].values", f"rows[{i['fee']}].values"
    assert problems == [
        f"{FILE}: {h}.interim.min: 'forty' is not a number (write 8, not '8 hours')",
        f"{FILE}: {h}.part-time.min: min (20) is more than max (8)",
        f"{FILE}: {h}.fractional-cro: give either value or min/max, not both",
        f"{FILE}: {h}.fractional-cso: must be a mapping with value (or min and max) and basis",
        f"{FILE}: rows[{i['length']}].unit: unknown unit 'moons'; the units are hours a week, minutes, days, "
        "business days, weeks, months, salespeople, percent, dollars, dollars a month, dollars a year",
        f"{FILE}: {f}.interim.hourly: unknown key; expected one of basis, max, min, note, value",
        f"{FILE}: {f}.interim.basis: missing: say what the figure is based on, or 'network policy'",
        f"{FILE}: {f}.fractional-cro.basis: missing: say what the figure is based on, or 'network policy'",
        f"{FILE}: {f}.fractional-cso.basis: missing: say what the figure is based on, or 'network policy'",
    ]
    assert f"{FILE}: {f}.part-time.basis" not in " ".join(problems), "a value's own basis is enough"


def test_text_may_quote_figures_and_an_unknown_one_names_the_cell(shipped_data):
    data = copy.deepcopy(shipped_data)
    i = {item["id"]: n for n, item in enumerate(data["rows"])}
    row(data, "cost")["values"]["part-time"] = "[[part-time.fee.year]] against [[full-time-manager.costs]]"
    row(data, "scope")["values"]["interim"] = {"min": 1, "basis": "x"}
    data["figures"]["minimum-term"]["basis"] = "Long enough for [[assessment.lenght]]."
    assert problems_of(data) == [
        f"{FILE}: rows[{i['scope']}].values.interim: a figure (min, max, basis) needs the row to say its unit, "
        "e.g. 'unit: hours a week'",
        f"{FILE}: figures.minimum-term.basis: [[assessment.lenght]]: unknown figure; did you mean "
        f"[[assessment.length]]? (the figures are in {FILE})",
        f"{FILE}: rows[{i['cost']}].values.part-time: [[full-time-manager.costs]]: unknown figure; did you mean "
        f"[[full-time-manager.cost]]? (the figures are in {FILE})",
    ]


def test_the_files_own_figures_are_checked(shipped_data):
    data = copy.deepcopy(shipped_data)
    data["figures"] |= {
        "part-time.hours": {"label": "Again", "value": 8, "unit": "hours a week", "basis": "x"},
        "term.max": {"label": "A variant name", "value": 3, "unit": "months", "basis": "x"},
        "Notice": {"label": "Bad name", "value": 30, "unit": "days", "basis": "x"},
        "notice": {"value": 30, "unit": "fortnights"},
        "call": "30 minutes",
    }
    assert problems_of(data) == [
        f"{FILE}: figures.part-time.hours: already the name of a figure in the rows (<role>.<row>)",
        f"{FILE}: figures.term.max: must not end in '.max' (that asks for a variant of a figure)",
        f"{FILE}: figures.Notice: a name is lower-case words joined by '-' and '.', like minimum-term",
        f"{FILE}: figures.notice.unit: unknown unit 'fortnights'; the units are hours a week, minutes, days, "
        "business days, weeks, months, salespeople, percent, dollars, dollars a month, dollars a year",
        f"{FILE}: figures.notice.label: missing: say what the figure measures",
        f"{FILE}: figures.notice.basis: missing: say what the figure is based on, or 'network policy'",
        f"{FILE}: figures.call: must be a mapping with value (or min and max), unit, label and basis",
    ]
