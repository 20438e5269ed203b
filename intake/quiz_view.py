"""The quiz answers a visitor sent with a lead, in the words they clicked: one function, used by the
partner's e-mail, `invoke leads`, the CSV export and `lead-export`.

A lead keeps what the form posted (`quiz_answers`: "team_size=small,revenue=1-15m,..."); what
people read comes from the quiz as it is now (sales_leadership.quiz.answers.described), so an
answer the quiz no longer has is left out rather than shown as an id.
"""

from __future__ import annotations

from collections.abc import Mapping

from sales_leadership.quiz.answers import described
from sales_leadership.quiz.model import Quiz


def quiz_answers_described(quiz: Quiz | None, fields: Mapping[str, str]) -> list[tuple[str, str]]:
    """(question, the option's label) for each answer sent with the lead, in the quiz's order."""
    raw = fields.get("quiz_answers", "") or ""
    answers = dict(pair.split("=", 1) for pair in raw.split(",") if "=" in pair)
    if quiz is None or not answers:
        return []
    return described(quiz, answers)


def quiz_answers_line(quiz: Quiz | None, fields: Mapping[str, str]) -> str:
    """The same on one line, for a table cell or a CSV column: "Question? Answer; Question? Answer"."""
    return "; ".join(f"{question} {answer}" for question, answer in quiz_answers_described(quiz, fields))
