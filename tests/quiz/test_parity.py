"""One scorer, two languages: Python and the browser's JavaScript agree on every answer set.

Every complete combination of answers the shipped quiz allows is scored by both (a few
thousand: cheap), and so is a seeded sample of partial, stale and invalid answers, which a
shared URL or a half-finished quiz can produce.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest

from sales_leadership.quiz.scoring import answer_sets, score
from tests.quiz.support import shipped_quiz, small_quiz
from tests.support import ROOT

NODE_SCRIPT = ROOT / "tests" / "quiz" / "score_with_node.mjs"
RANDOM_SAMPLES = 3000


def node_scores(quiz, answers: list[dict]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed for the Python/JavaScript parity test (the README lists it).")
    done = subprocess.run(
        [node, str(NODE_SCRIPT)],
        input=json.dumps({"quiz": quiz.as_data(), "answers": answers}),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def messy_answers(quiz, rng: random.Random) -> dict:
    """Partial answers, answers to questions not asked, unknown ids: whatever a URL may hold."""
    answers = {}
    for question in quiz.questions:
        roll = rng.random()
        if roll < 0.7:
            answers[question.id] = rng.choice(question.options).id
        elif roll < 0.8:
            answers[question.id] = "not-an-option"
    if rng.random() < 0.2:
        answers["no_such_question"] = "x"
    return answers


def assert_agree(quiz, answers: list[dict]) -> None:
    expected = [score(quiz, a).as_data() for a in answers]
    actual = node_scores(quiz, answers)
    mismatches = [(a, e, g) for a, e, g in zip(answers, expected, actual, strict=True) if e != g]
    assert not mismatches, f"{len(mismatches)} of {len(answers)} disagree; first: {mismatches[0]}"


def test_every_complete_answer_set_of_the_shipped_quiz():
    quiz = shipped_quiz()
    answers = list(answer_sets(quiz))
    assert len(answers) > 4000
    assert_agree(quiz, answers)


def test_partial_stale_and_invalid_answers():
    quiz = shipped_quiz()
    rng = random.Random(20261127)
    assert_agree(quiz, [messy_answers(quiz, rng) for _ in range(RANDOM_SAMPLES)] + [{}])


def test_ties_and_conditions_of_a_small_quiz():
    quiz = small_quiz()
    rng = random.Random(3)
    answers = list(answer_sets(quiz)) + [messy_answers(quiz, rng) for _ in range(300)] + [{}]
    assert_agree(quiz, answers)
    assert_agree(small_quiz(tie_break=["c", "a", "b"]), answers)
