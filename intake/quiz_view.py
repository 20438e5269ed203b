"""The quiz answers a visitor sent with a lead, in the words they clicked: one place for the partner's
e-mail, `invoke leads`, the CSV export and `lead-export`.

A lead keeps what the form posted (`quiz_answers`: "team_size=small,revenue=1-15m,..."); what
people read comes from the quiz as it is now (sales_leadership.quiz.answers.for_lead): the quiz's
recommendation when the answers are complete, then each answer, and an answer the quiz no longer
has is left out rather than shown as an id.
"""

from __future__ import annotations

from collections.abc import Mapping

from sales_leadership.quiz.answers import for_lead, lead_lines
from sales_leadership.quiz.model import Quiz


def quiz_answers_described(quiz: Quiz | None, fields: Mapping[str, str]) -> list[tuple[str, str]]:
    """(question, the option's label) for each answer sent with the lead, the recommendation first."""
    return for_lead(quiz, fields.get("quiz_answers", "") or "") if quiz is not None else []


def quiz_answers_line(quiz: Quiz | None, fields: Mapping[str, str]) -> str:
    """The same on one line, for a table cell or a CSV column."""
    return "; ".join(lead_lines(quiz, fields.get("quiz_answers", "") or "")) if quiz is not None else ""
