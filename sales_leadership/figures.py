"""Figures: every hours, length and cost figure the site states, and the `[[name]]` shortcode
that quotes one in text.

A figure is a number or a range with a unit and a basis (what it rests on, or "network policy").
They are defined once, in content/data/comparison.yaml (`sales_leadership.comparison` reads
them); the comparison table, the chart, pages, articles and partner bios quote them by name, so
no page repeats a number by hand and a change in the YAML changes every page that shows it.

    [[part-time.hours]]         8-16 hours a week
    [[part-time.hours.days]]    1-2 days a week       (hours / 8; "full-time" from 35 hours)
    [[part-time.fee.year]]      $36,000-$96,000 a year (a monthly amount x 12)
    [[minimum-term]]            three months          (one value from 1 to 9 is written as a word)
    [[fractional-cro.fee.max]]  $15,000 a month       (one end of a range)

This module knows nothing of Pelican: `Shortcodes.fill` takes text and returns it filled, with
a `Problem` naming the file and the name for every shortcode it does not know.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .errors import Problem

SHORTCODE = re.compile(r"\[\[([^\[\]\n]{1,80})\]\]")  # [[part-time.hours]]; the name is checked apart
NAME = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
HOURS_A_DAY = 8  # for `.days`: 8-16 hours a week is one to two days
FULL_TIME_HOURS = 35  # from this many hours a week, `.days` says "full-time"
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True)
class Unit:
    """How a figure's numbers read: `one`/`many` after a count, or money with an optional period."""

    one: str
    many: str
    money: bool = False
    percent: bool = False
    words: bool = False  # a single value from 1 to 9 is written as a word ("three months")


UNITS: dict[str, Unit] = {
    "hours a week": Unit("hour a week", "hours a week"),
    "minutes": Unit("minute", "minutes"),
    "days": Unit("day", "days", words=True),
    "business days": Unit("business day", "business days", words=True),
    "weeks": Unit("week", "weeks", words=True),
    "months": Unit("month", "months", words=True),
    "salespeople": Unit("salesperson", "salespeople"),
    "percent": Unit("", "", percent=True),
    "dollars": Unit("", "", money=True),
    "dollars a month": Unit("a month", "a month", money=True),
    "dollars a year": Unit("a year", "a year", money=True),
}

# `[[name.variant]]`: what each variant means and which units it applies to.
VARIANTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "min": ("the lower end of the range", ()),
    "max": ("the upper end of the range", ()),
    "days": ("the hours as days a week (8 hours a day)", ("hours a week",)),
    "year": ("a monthly amount over a year (x 12)", ("dollars a month",)),
    "month": ("a yearly amount per month (/ 12, to the nearest $100)", ("dollars a year",)),
}


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}".rstrip("0").rstrip(".")


def _money(value: float) -> str:
    if value >= 1_000_000:
        return f"${_number(value / 1_000_000)}M"
    return f"${value:,.0f}"


@dataclass(frozen=True)
class Figure:
    """One figure: `low`-`high` (either may be None for "or more" / "up to") in `unit`, with its basis."""

    name: str
    label: str  # what it measures, for the list of bases: "Part-time Sales Manager: hours per week"
    low: float | None
    high: float | None
    unit: str
    basis: str
    note: str = ""  # a remark shown after the figure in the comparison table only

    @property
    def single(self) -> bool:
        return self.low is not None and self.low == self.high

    def _numbers(self, low, high, unit: Unit) -> str:
        fmt = _money if unit.money else _number
        if low is not None and low == high:
            if unit.words and low == int(low) and 1 <= low <= 9:
                return NUMBER_WORDS[int(low)]
            return fmt(low)
        if high is None:
            return f"{fmt(low)} or more"
        if low is None:
            return f"up to {fmt(high)}"
        return f"{fmt(low)}-{fmt(high)}"

    def _with_unit(self, low, high, unit_name: str) -> str:
        unit = UNITS[unit_name]
        numbers = self._numbers(low, high, unit)
        if unit.percent:
            return numbers.replace(" or more", "% or more") if high is None else numbers + "%"
        if unit.money:
            return f"{numbers} {unit.many}".strip()
        one = low is not None and low == high == 1
        return f"{numbers} {unit.one if one else unit.many}"

    def text(self, variant: str = "") -> str:
        """The figure as a visitor reads it; `variant` is one of VARIANTS (checked by `Shortcodes`)."""
        low, high = self.low, self.high
        if variant == "min":
            return self._with_unit(low, low, self.unit)
        if variant == "max":
            return self._with_unit(high, high, self.unit)
        if variant == "days":
            if low is not None and low >= FULL_TIME_HOURS:
                return "full-time"
            days = [None if hours is None else math.floor(hours / HOURS_A_DAY * 2 + 0.5) / 2 for hours in (low, high)]
            return self._numbers(days[0], days[1], Unit("day", "days")) + (
                " day a week" if days[0] == days[1] == 1 else " days a week"
            )
        if variant == "year":
            return self._with_unit(*(None if v is None else v * 12 for v in (low, high)), "dollars a year")
        if variant == "month":
            return self._with_unit(*(None if v is None else round(v / 12, -2) for v in (low, high)), "dollars a month")
        return self._with_unit(low, high, self.unit)

    def cell(self) -> str:
        """The figure in the comparison table: with its days for hours, and its note."""
        text = self.text()
        extra = [self.text("days").removesuffix(" a week")] if self.unit == "hours a week" else []
        extra += [self.note] if self.note else []
        return f"{text} ({'; '.join(extra)})" if extra else text


def parse_figure(
    raw,
    file: str,
    path: str,
    *,
    name: str,
    label: str,
    unit: str | None = None,
    basis: str | None = None,
    problems: list[Problem],
) -> Figure | None:
    """One figure from YAML: `value`, or `min` and/or `max`; `basis`; `note`; for a figure of its own
    also `unit` and `label` (a table row gives those). Every problem goes to `problems` with its path."""
    own = unit is None
    allowed = {"value", "min", "max", "basis", "note"} | ({"unit", "label"} if own else set())
    if not isinstance(raw, dict):
        shape = "value (or min and max), unit, label and basis" if own else "value (or min and max) and basis"
        problems.append(Problem(file, path, f"must be a mapping with {shape}"))
        return None
    before = len(problems)
    for key in raw:
        if key not in allowed:
            expected = ", ".join(sorted(allowed))
            problems.append(Problem(file, f"{path}.{key}", f"unknown key; expected one of {expected}"))
    if own:
        unit = raw.get("unit")
        if unit not in UNITS:
            problems.append(
                Problem(file, f"{path}.unit", f"unknown unit {unit!r}; the units are {', '.join(UNITS)}")
                if unit is not None
                else Problem(file, f"{path}.unit", f"missing; one of {', '.join(UNITS)}")
            )
        label = raw.get("label")
        if not isinstance(label, str) or not label.strip():
            problems.append(Problem(file, f"{path}.label", "missing: say what the figure measures"))
            label = ""
    numbers = {}
    for key in ("value", "min", "max"):
        value = raw.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(Problem(file, f"{path}.{key}", f"{value!r} is not a number (write 8, not '8 hours')"))
        elif value < 0:
            problems.append(Problem(file, f"{path}.{key}", f"{value} must not be negative"))
        else:
            numbers[key] = float(value)
    given = [key for key in ("value", "min", "max") if raw.get(key) is not None]
    if "value" in given and len(given) > 1:
        problems.append(Problem(file, path, "give either value or min/max, not both"))
    elif not given:
        problems.append(Problem(file, path, "needs a value, or min and/or max"))
    if "value" in given:
        low = high = numbers.get("value")
    else:
        low, high = numbers.get("min"), numbers.get("max")
    if low is not None and high is not None and low > high:
        problems.append(Problem(file, f"{path}.min", f"min ({_number(low)}) is more than max ({_number(high)})"))
    own_basis = raw.get("basis")
    if own_basis is not None and (not isinstance(own_basis, str) or not own_basis.strip()):
        problems.append(Problem(file, f"{path}.basis", "must be text: what the figure is based on"))
    elif own_basis is None and not basis:
        problems.append(Problem(file, f"{path}.basis", "missing: say what the figure is based on, or 'network policy'"))
    note = raw.get("note", "")
    if not isinstance(note, str):
        problems.append(Problem(file, f"{path}.note", "must be text"))
    if len(problems) > before:
        return None
    return Figure(name, label.strip(), low, high, unit, (own_basis or basis).strip(), note.strip())


class Shortcodes:
    """What `[[name]]` may say: the figures (with their variants) and a few generated texts.

    `texts` are sentences made from code, such as the routing rules (`[[routing]]`); a figure
    and a text may not share a name.
    """

    def __init__(self, figures: Mapping[str, Figure], texts: Mapping[str, str] | None = None, source: str = ""):
        self.figures = dict(figures)
        self.texts = dict(texts or {})
        self.source = source  # where figures are defined, for messages
        clash = set(self.figures) & set(self.texts)
        if clash:
            raise ValueError(f"names given twice: {', '.join(sorted(clash))}")

    def names(self) -> list[str]:
        """Every name `[[...]]` accepts, variants included."""
        names = list(self.texts)
        for name, figure in self.figures.items():
            names.append(name)
            names += [f"{name}.{variant}" for variant in self._variants_of(figure)]
        return sorted(names)

    @staticmethod
    def _variants_of(figure: Figure) -> list[str]:
        variants = []
        for variant, (_, units) in VARIANTS.items():
            if units and figure.unit not in units:
                continue
            if (variant == "min" and figure.low is None) or (variant == "max" and figure.high is None):
                continue
            variants.append(variant)
        return variants

    def lookup(self, name: str) -> str:
        """The text for `name`; raises LookupError with a message that says what to write instead."""
        name = name.strip()
        if name in self.texts:
            return self.texts[name]
        if name in self.figures:
            return self.figures[name].text()
        base, _, variant = name.rpartition(".")
        figure = self.figures.get(base)
        if figure is not None and variant in VARIANTS:
            if variant in self._variants_of(figure):
                return figure.text(variant)
            meaning, units = VARIANTS[variant]
            if units:
                raise LookupError(f"'.{variant}' ({meaning}) works only for figures in {' or '.join(units)}")
            raise LookupError(f"'.{variant}': [[{base}]] has no {variant}imum")
        if not NAME.match(name):
            raise LookupError(f"{name!r} is not a figure name (lower-case words joined by '-' and '.')")
        close = difflib.get_close_matches(name, self.names(), n=1, cutoff=0.75)
        hint = f"; did you mean [[{close[0]}]]?" if close else ""
        where = f" (the figures are in {self.source})" if self.source else ""
        raise LookupError(f"unknown figure{hint}{where}")

    def fill(self, text: str, file: str, field: str, escape: Callable[[str], str] = str) -> tuple[str, list[Problem]]:
        """`text` with every `[[name]]` replaced (each value passed through `escape`, e.g. for HTML),
        and a problem per unknown name: `<file>: <field>: [[name]]: unknown figure ...`."""
        problems: list[Problem] = []

        def replace(match: re.Match) -> str:
            try:
                return escape(self.lookup(match.group(1)))
            except LookupError as error:
                problems.append(Problem(file, f"{field}: {match.group(0)}" if field else match.group(0), str(error)))
                return match.group(0)

        if "[[" not in text:
            return text, []
        return SHORTCODE.sub(replace, text), problems
