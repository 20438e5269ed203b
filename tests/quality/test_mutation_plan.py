"""`invoke mutate`'s plan (tools/mutation/): a config that names real files, and an honest allow-list.

The mutation runs themselves are slow and stay out of `invoke test`; what is checked here is what
would make their figures wrong: a module or test that no longer exists, or an equivalent mutant
listed for a line that has since changed (it would hide a real survivor).
"""

from __future__ import annotations

import pytest

from tests.support import ROOT
from tools.mutation.plan import PlanError, load_equivalents, load_plan, mutants_of


def test_the_plan_names_existing_modules_and_tests_and_real_operators():
    plan = load_plan()
    assert {"scoring", "routing", "tokens", "abuse", "storage", "forms"} <= set(plan.targets)
    assert plan.minimum_score == 90.0
    assert plan.keeps("core/NumberReplacer") and plan.keeps("core/ReplaceComparisonOperator_Lt_LtE")
    assert not plan.keeps("core/ReplaceBinaryOperator_Add_RShift")


def test_every_listed_equivalent_is_a_line_of_a_mutated_module_today():
    plan = load_plan()
    mutated = {module for target in plan.targets.values() for module in target.files}
    for equivalent in load_equivalents():
        assert equivalent.module in mutated, equivalent
        lines = {line.strip() for line in (ROOT / equivalent.module).read_text(encoding="utf-8").splitlines()}
        assert set(equivalent.line.splitlines()) <= lines, f"stale entry (the line changed): {equivalent}"


def test_a_wrong_plan_is_reported_file_field_and_problem_all_at_once(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(
        'minimum_score = 90\n[operators]\nkeep = ["core/NoSuchOperator"]\n'
        '[modules.gone]\nfiles = ["no/such/module.py"]\ntests = []\n',
        encoding="utf-8",
    )
    with pytest.raises(PlanError) as error:
        load_plan(config, root=tmp_path)
    assert str(error.value).splitlines() == [
        "config.toml: operators.keep[0]: 'core/NoSuchOperator' matches no cosmic-ray operator",
        "config.toml: modules.gone.files[0]: no such file 'no/such/module.py'",
        "config.toml: modules.gone.tests: missing; list at least one path",
    ]


def test_an_equivalent_without_a_reason_or_listed_twice_is_refused(tmp_path):
    entry = 'module = "m.py"\noperator = "core/AddNot"\nline = "if x:"\nmutant = "if not x:"\n'
    allow_list = tmp_path / "equivalents.toml"
    allow_list.write_text(
        f'[[equivalent]]\n{entry}reason = " "\n[[equivalent]]\n{entry}reason = "x"\n'
        '[[equivalent]]\nmodule = "m.py"\nwhy = "?"\n',
        encoding="utf-8",
    )
    with pytest.raises(PlanError) as error:
        load_equivalents(allow_list, root=tmp_path)
    assert str(error.value).splitlines() == [
        "equivalents.toml: equivalent[0].reason: empty; say why no test can notice this change",
        "equivalents.toml: equivalent[1]: listed twice",
        "equivalents.toml: equivalent[2].operator: missing",
        "equivalents.toml: equivalent[2].line: missing",
        "equivalents.toml: equivalent[2].mutant: missing",
        "equivalents.toml: equivalent[2].reason: missing",
        "equivalents.toml: equivalent[2].why: unknown field",
    ]


def test_a_mutant_is_known_by_its_line_before_and_after_and_annotations_are_not_mutated(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "from __future__ import annotations\n\n\n"
        "def union(a: set | None, b: set) -> set | None:\n"
        "    return a | b if len(b) < 3 else None\n",
        encoding="utf-8",
    )
    found = mutants_of(module, load_plan(), tmp_path)
    mutants = {(m.operator, m.line_number, m.in_annotation): m for m in found}
    body = mutants[("core/ReplaceBinaryOperator_BitOr_BitAnd", 5, False)]
    assert (body.module, body.line, body.mutant) == (
        "module.py",
        "return a | b if len(b) < 3 else None",
        "return a & b if len(b) < 3 else None",
    )
    unions = [m for m in found if m.operator == "core/ReplaceBinaryOperator_BitOr_BitAnd"]
    assert [(m.operator, m.line_number, m.in_annotation) for m in unions] == [
        ("core/ReplaceBinaryOperator_BitOr_BitAnd", 4, True),
        ("core/ReplaceBinaryOperator_BitOr_BitAnd", 4, True),
        ("core/ReplaceBinaryOperator_BitOr_BitAnd", 5, False),
    ]
    assert mutants[("core/ReplaceComparisonOperator_Lt_LtE", 5, False)].mutant.endswith("len(b) <= 3 else None")
    assert 'line = "return a | b if len(b) < 3 else None"' in body.as_toml()
