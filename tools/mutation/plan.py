"""What `invoke mutate` mutates: the modules and their tests, the operators used, the known equivalents.

config.toml names each module's files and fast unit tests and the cosmic-ray operators kept;
equivalents.toml lists the mutants no test could ever notice, each with its reason. A mutant is
known by its module, its operator and the source line before and after the change, so an entry
stops matching as soon as that line is edited (and the report then says the entry is stale).
"""

from __future__ import annotations

import ast
import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import cosmic_ray.plugins
from cosmic_ray.mutating import mutate_code

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CONFIG = HERE / "config.toml"
EQUIVALENTS = HERE / "equivalents.toml"
EQUIVALENT_FIELDS = ("module", "operator", "line", "mutant", "reason")


class PlanError(ValueError):
    """config.toml or equivalents.toml is wrong; the message lists every problem as `file: field: problem`."""


@dataclass(frozen=True)
class Target:
    """One `invoke mutate NAME`: the files mutated and the tests run after each mutation."""

    name: str
    files: tuple[str, ...]
    tests: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    minimum_score: float
    keep_operators: tuple[str, ...]
    targets: dict[str, Target]

    def keeps(self, operator: str) -> bool:
        return any(re.fullmatch(pattern, operator) for pattern in self.keep_operators)


@dataclass(frozen=True)
class Equivalent:
    module: str
    operator: str
    line: str
    mutant: str
    reason: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return self.module, self.operator, self.line, self.mutant


@dataclass(frozen=True)
class Mutant:
    """One mutation of one module: where, by which operator, and the line before and after."""

    module: str  # path from the project root
    operator: str
    occurrence: int
    line_number: int
    line: str  # the source line(s) changed, stripped ("\n" between lines)
    mutant: str  # the same line(s) after the change ("" when removed)
    in_annotation: bool = False

    @property
    def key(self) -> tuple[str, str, str, str]:
        return self.module, self.operator, self.line, self.mutant

    def as_toml(self) -> str:
        """An equivalents.toml entry for this mutant, the reason left to write."""
        values = {"module": self.module, "operator": self.operator, "line": self.line, "mutant": self.mutant}
        lines = ["[[equivalent]]", *(f"{key} = {_toml_string(value)}" for key, value in values.items())]
        return "\n".join([*lines, 'reason = ""'])


def load_plan(path: Path = CONFIG, root: Path = ROOT) -> Plan:
    where = _display(path, root)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    problems = []
    keep = data.get("operators", {}).get("keep", [])
    known = set(cosmic_ray.plugins.operator_names())
    for index, pattern in enumerate(keep):
        if not any(re.fullmatch(pattern, name) for name in known):
            problems.append(f"{where}: operators.keep[{index}]: {pattern!r} matches no cosmic-ray operator")
    targets = {}
    for name, entry in data.get("modules", {}).items():
        for field in ("files", "tests"):
            if not entry.get(field):
                problems.append(f"{where}: modules.{name}.{field}: missing; list at least one path")
            for index, relative in enumerate(entry.get(field, [])):
                if not (root / relative).is_file():
                    problems.append(f"{where}: modules.{name}.{field}[{index}]: no such file {relative!r}")
        targets[name] = Target(name, tuple(entry.get("files", ())), tuple(entry.get("tests", ())))
    if not targets:
        problems.append(f"{where}: modules: no module to mutate")
    if problems:
        raise PlanError("\n".join(problems))
    return Plan(float(data.get("minimum_score", 90.0)), tuple(keep), targets)


def load_equivalents(path: Path = EQUIVALENTS, root: Path = ROOT) -> list[Equivalent]:
    where = _display(path, root)
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("equivalent", [])
    problems, found, seen = [], [], set()
    for index, entry in enumerate(entries):
        missing = [name for name in EQUIVALENT_FIELDS if not isinstance(entry.get(name), str)]
        unknown = sorted(set(entry) - set(EQUIVALENT_FIELDS))
        if missing or unknown:
            problems.extend(f"{where}: equivalent[{index}].{name}: missing" for name in missing)
            problems.extend(f"{where}: equivalent[{index}].{name}: unknown field" for name in unknown)
            continue
        if not entry["reason"].strip():
            problems.append(f"{where}: equivalent[{index}].reason: empty; say why no test can notice this change")
        equivalent = Equivalent(**{name: entry[name] for name in EQUIVALENT_FIELDS})
        if equivalent.key in seen:
            problems.append(f"{where}: equivalent[{index}]: listed twice")
        seen.add(equivalent.key)
        found.append(equivalent)
    if problems:
        raise PlanError("\n".join(problems))
    return found


def mutants_of(module: Path, plan: Plan, root: Path = ROOT) -> list[Mutant]:
    """The mutants cosmic-ray makes of this module with the operators the plan keeps, in its own order."""
    from cosmic_ray.ast import ast_nodes, get_ast

    code = module.read_text(encoding="utf-8")
    relative = _display(module, root)
    annotations = _annotation_spans(code)
    found = []
    for name in cosmic_ray.plugins.operator_names():
        operator_class = cosmic_ray.plugins.get_operator(name)
        if operator_class.arguments() or not plan.keeps(name):
            continue  # operators that need arguments (variable replacement) are not configured
        operator = operator_class()
        positions = [pos for node in ast_nodes(get_ast(code)) for pos in operator.mutation_positions(node)]
        for occurrence, (start, _end) in enumerate(positions):
            mutated = mutate_code(code, operator_class(), occurrence)
            if mutated is None:
                continue
            before, after = _changed_lines(code, mutated)
            inside = any(first <= start < last for first, last in annotations)
            found.append(Mutant(relative, name, occurrence, start[0], before, after, inside))
    return found


def _changed_lines(original: str, mutated: str) -> tuple[str, str]:
    before, after = [], []
    for line in difflib.ndiff(original.splitlines(), mutated.splitlines()):
        if line.startswith("- "):
            before.append(line[2:].strip())
        elif line.startswith("+ "):
            after.append(line[2:].strip())
    return "\n".join(before), "\n".join(after)


def _annotation_spans(code: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where the type annotations are, when the module never evaluates them (`from __future__ import annotations`).

    A mutant there (`str | None` made `str & None`) changes nothing the program does: it is not a
    mutant of the code, so it is not counted. Positions are (line, character), as cosmic-ray's.
    """
    tree = ast.parse(code)
    postponed = any(
        isinstance(node, ast.ImportFrom) and node.module == "__future__" and _names(node) >= {"annotations"}
        for node in tree.body
    )
    if not postponed:
        return []
    lines = code.splitlines()

    def column(line: int, byte_offset: int) -> int:
        return len(lines[line - 1].encode("utf-8")[:byte_offset].decode("utf-8", errors="replace"))

    spans = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            annotation = [node.returns]
        elif isinstance(node, (ast.arg, ast.AnnAssign)):
            annotation = [node.annotation]
        else:
            continue
        for part in annotation:
            if part is not None:
                start = (part.lineno, column(part.lineno, part.col_offset))
                spans.append((start, (part.end_lineno, column(part.end_lineno, part.end_col_offset))))
    return spans


def _names(node: ast.ImportFrom) -> set[str]:
    return {alias.name for alias in node.names}


def _toml_string(value: str) -> str:
    if "\n" in value:
        return '"""\n' + value.replace("\\", "\\\\").replace('"""', '\\"""') + '"""'
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
