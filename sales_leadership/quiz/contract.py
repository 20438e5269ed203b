"""The quiz's ids that other things rely on, and what an edit that drops one loses.

Question, option and outcome ids travel outside the quiz file: in shared links and the
page's address (`/quiz/?team_size=small&...`), the contact form's `?role=` and its hidden
`quiz_answers`, and the leads already stored. The README tells editors to change wording
freely and keep the ids. A quiz with an id renamed still works, so the build does not stop;
it warns (site_guard), naming the id that went missing, because links and stored answers
using it are silently dropped from then on. docs/design.md ("Quiz") is the same table in words;
tests/quiz/test_loader.py holds the shipped quiz to it exactly.
"""

from __future__ import annotations

from ..errors import Problem
from .model import Quiz

QUESTIONS = {
    "team_size": ("none", "solo", "small", "mid", "large"),
    "revenue": ("under-1m", "1-15m", "15-50m", "over-50m"),
    "leader_situation": ("vacancy", "owner-led", "none", "struggling"),
    "primary_need": ("bridge", "build", "strategy", "grow", "transform"),
    "leadership_seat": ("yes", "no"),
    "marketing": ("yes", "no"),
    "stage": ("startup", "established", "turnaround"),
    "commitment": ("full-time", "part-time"),
}
# The honest answers that are none of the roles (the roles' ids are content/data/roles.yaml's).
OTHER_OUTCOMES = ("not-yet", "permanent-hire")

KEEP = "links and stored leads that use it lose that answer; keep the id and change the text instead"


def dropped_ids(quiz: Quiz, file: str) -> list[Problem]:
    """An entry for each contract id the quiz no longer has (an id renamed or removed)."""
    problems = []
    for question_id, option_ids in QUESTIONS.items():
        question = quiz.question(question_id)
        if question is None:
            problems.append(Problem(file, "questions", f"no question with the id {question_id!r} any more; {KEEP}"))
            continue
        for option_id in option_ids:
            if question.option(option_id) is None:
                problems.append(
                    Problem(
                        file,
                        f"question {question_id!r}",
                        f"no option with the id {option_id!r} any more; {KEEP}",
                    )
                )
    outcome_ids = {outcome.id for outcome in quiz.outcomes}
    for outcome_id in OTHER_OUTCOMES:
        if outcome_id not in outcome_ids:
            problems.append(Problem(file, "outcomes", f"no outcome with the id {outcome_id!r} any more; {KEEP}"))
    return problems
