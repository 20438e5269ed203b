"""The domain's rules (sales_leadership/quiz/invariants.py) hold on every complete answer set.

Every answer set the shipped quiz allows goes through the Python scorer once (the JavaScript
twin is proven equal in test_parity.py). Each rule is its own test, and each can fail: a
quiz whose weights break the rule on purpose is caught by it.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from sales_leadership.quiz.invariants import MAX_CLOSE_SHARE, RULES, audit
from sales_leadership.quiz.loader import parse_quiz
from sales_leadership.quiz.report import render_report
from sales_leadership.quiz.report import run as report
from sales_leadership.quiz.scoring import answer_sets
from tests.quiz.support import DISPLAY, OUTCOMES, shipped_data, shipped_quiz, shipped_roles
from tests.support import CONTENT, ROOT, copy_content


@pytest.fixture(scope="module")
def shipped_audit():
    return audit(shipped_quiz())


def examples(found, name: str) -> str:
    return "\n".join(",".join(f"{q}={o}" for q, o in answers.items()) for answers in found.broken.get(name, [])[:5])


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_the_rule_holds_on_every_complete_answer_set(shipped_audit, rule):
    assert rule.name not in shipped_audit.broken, (
        f"{rule.says}: broken by {len(shipped_audit.broken[rule.name])} answer sets, e.g.\n"
        f"{examples(shipped_audit, rule.name)}"
    )


def test_every_answer_set_was_checked(shipped_audit):
    assert shipped_audit.answer_sets == sum(1 for _ in answer_sets(shipped_quiz())) > 6000
    assert set(shipped_audit.wins) == set(OUTCOMES)


def test_few_answer_sets_are_decided_by_a_tie_or_one_point(shipped_audit):
    assert shipped_audit.close_share <= MAX_CLOSE_SHARE, f"{shipped_audit.close_share:.1%} are close calls"
    assert not shipped_audit.too_many_close_calls and shipped_audit.holds


def changed(change) -> dict:
    data = shipped_data()
    change(data)
    return data


def option(data, question_id: str, option_id: str) -> dict:
    question = next(q for q in data["questions"] if q["id"] == question_id)
    return next(o for o in question["options"] if o["id"] == option_id)


def strip_reasons(data) -> None:
    for question in data["questions"]:
        for each in question["options"]:
            each.pop("reason", None)


def equal_weights(data) -> None:
    for question in data["questions"]:
        for each in question["options"]:
            each["weights"] = dict.fromkeys(each["weights"], 1)


# One quiz per rule that an editor could plausibly write, and that the rule must catch.
BREAKERS = {
    "interim_only_for_an_empty_seat": lambda d: option(d, "team_size", "large")["weights"].update(interim=30),
    "no_salespeople_no_sales_manager": lambda d: option(d, "team_size", "none").update(weights={"not-yet": 1}),
    "a_permanent_need_is_named": lambda d: option(d, "commitment", "full-time")["weights"].update({"part-time": 12}),
    "the_hours_fit": lambda d: option(d, "commitment", "part-time")["weights"].update(interim=20),
    "the_seat_and_marketing_decide": lambda d: (
        option(d, "marketing", "yes").update(weights={"fractional-cso": 8}),
        option(d, "marketing", "no").update(weights={"fractional-cro": 8}),
    ),
    "one_band_for_all_three": lambda d: option(d, "revenue", "1-15m")["weights"].update({"part-time": 20}),
    "every_result_has_a_reason": strip_reasons,
}


@pytest.mark.parametrize("name", list(BREAKERS))
def test_the_rule_catches_weights_that_break_it(name):
    quiz = parse_quiz(changed(BREAKERS[name]), DISPLAY, shipped_roles())
    found = audit(quiz)
    assert name in found.broken and not found.holds


def test_every_rule_has_a_breaker():
    assert sorted(BREAKERS) == sorted(rule.name for rule in RULES)


def test_too_many_close_calls_are_caught():
    found = audit(parse_quiz(changed(equal_weights), DISPLAY, shipped_roles()))
    assert found.too_many_close_calls and not found.holds


# --- invoke quiz-report ---------------------------------------------------------------------


def test_the_report_counts_wins_and_margins_and_says_every_rule_holds():
    text, holds = report(CONTENT)
    assert holds
    assert text.startswith("The quiz (content/quiz/role-selector.yaml): ")
    found = audit(shipped_quiz())
    for outcome in shipped_quiz().outcomes:
        assert f"  {outcome.title}" in text and f"{found.wins[outcome.id]:,}" in text
    assert "Points between the recommendation and the runner-up:" in text
    assert f"Close calls (within 1 point: the page says the options are close): {found.close_calls:,}" in text
    assert text.endswith(f"Rules: all {len(RULES)} hold on every answer set.")


def test_the_report_names_each_broken_rule_with_examples():
    quiz = parse_quiz(changed(BREAKERS["interim_only_for_an_empty_seat"]), DISPLAY, shipped_roles())
    text = render_report(quiz, audit(quiz))
    assert "Rules broken:" in text
    assert "  interim_only_for_an_empty_seat: an interim manager is recommended only when" in text
    assert "answer sets, for example:\n      team_size=large," in text


def test_invoke_quiz_report(tmp_path):
    """The task as an editor runs it: exit 0 and the report; a broken quiz: exit 1 and why."""
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "quiz-report"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Rules: all" in done.stdout
    content = copy_content(tmp_path / "content")
    quiz_file = content / "quiz" / "role-selector.yaml"
    quiz_file.write_text(quiz_file.read_text().replace("weights: {not-yet: 25}", "weights: {not-yet: 1}"))
    text, holds = report(content)
    assert not holds and "no_salespeople_no_sales_manager" in text
