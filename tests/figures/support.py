"""A copy of the content whose every figure says something else, for tests that prove pages
quote comparison.yaml instead of repeating its numbers."""

from __future__ import annotations

from pathlib import Path

import yaml

from sales_leadership.comparison import COMPARISON_FILE, load_comparison
from sales_leadership.roles import load_roles
from tests.support import copy_content

# How far each unit's numbers move: far enough that no new text equals an old one.
STEPS = {"hours a week": 4, "dollars": 500, "dollars a month": 500, "dollars a year": 500}


def _step(unit: str, value: float) -> float:
    if unit.startswith("dollars") and value >= 1_000_000:
        return 1_000_000
    return STEPS.get(unit, 1)


def _shift(raw: dict, unit: str) -> None:
    for key in ("value", "min", "max"):
        if isinstance(raw.get(key), (int, float)):
            raw[key] += _step(unit, raw[key])


def shift_figures(data: dict) -> dict:
    """Every figure's numbers moved (the rows' and the file's own), in place."""
    for row in data["rows"]:
        if "unit" in row:
            for value in row["values"].values():
                _shift(value, row["unit"])
    for figure in data.get("figures", {}).values():
        _shift(figure, figure["unit"])
    return data


def shifted_content(destination: Path):
    """A copy of the content with every figure moved; returns (content folder, its Comparison)."""
    content = copy_content(destination)
    path = content / COMPARISON_FILE
    data = shift_figures(yaml.safe_load(path.read_text(encoding="utf-8")))
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return content, load_comparison(content, load_roles(content))
