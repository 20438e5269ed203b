"""Answers typed by a person (`invoke quiz --answers team_size=small,revenue=1-15m,...`), checked.

Every problem is named in one message: an unknown question or option (with the
valid ones), a question answered twice or not asked for these answers, a
question asked but not answered.
"""

from __future__ import annotations

from .model import Quiz
from .scoring import asked


class AnswerError(ValueError):
    """The answers given on the command line do not fit the quiz; str() says how."""


def parse_answers(quiz: Quiz, text: str) -> dict[str, str]:
    """`question=option,...` into a dict, checked against the quiz: every problem in one message."""
    answers: dict[str, str] = {}
    problems: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        question_id, sep, option_id = (s.strip() for s in part.partition("="))
        question = quiz.question(question_id)
        if not sep or not question_id or not option_id:
            problems.append(f"{part!r}: write each answer as question=option, e.g. team_size=small")
        elif question is None:
            known = ", ".join(q.id for q in quiz.questions)
            problems.append(f"unknown question {question_id!r}; the questions are: {known}")
        elif question.option(option_id) is None:
            known = ", ".join(o.id for o in question.options)
            problems.append(f"{question_id}: unknown option {option_id!r}; choose one of: {known}")
        elif question_id in answers:
            problems.append(f"{question_id}: answered twice")
        else:
            answers[question_id] = option_id
    if not problems:
        shown = asked(quiz, answers)
        shown_ids = {question.id for question, _ in shown}
        for question_id, option_id in answers.items():
            if question_id not in shown_ids:
                condition = " and ".join(
                    f"{source} is {' or '.join(options)}"
                    for source, options in quiz.question(question_id).show_if.items()
                )
                problems.append(f"{question_id}={option_id}: this question is only asked when {condition}")
        for question, choice in shown:
            if choice is None:
                options = ", ".join(o.id for o in question.options)
                problems.append(f"{question.id}: no answer given; choose one of: {options}")
    if problems:
        raise AnswerError("\n".join(problems))
    return answers


def described(quiz: Quiz, answers: dict[str, str]) -> list[tuple[str, str]]:
    """(question, chosen option's label) for each question these answers reach, in the quiz's order.

    For people reading a lead (the partner's e-mail, `invoke leads`, an export): ids they never see
    become the words the owner clicked. An id the quiz no longer has, or an answer to a question
    these answers do not reach, is left out rather than shown raw.
    """
    return [(question.text, question.option(choice).label) for question, choice in asked(quiz, answers) if choice]
