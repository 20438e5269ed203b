"""Answers as people write and read them: typed on the command line, and carried by a lead.

`parse_answers` checks what an editor types (`invoke quiz --answers team_size=small,...`):
every problem is named in one message (an unknown question or option with the valid ones,
a question answered twice or not asked for these answers, a question asked but not
answered). `described` and `for_lead` turn a lead's `quiz_answers` field into the words
the owner clicked, for the partner's e-mail, `invoke leads` and the exports.
"""

from __future__ import annotations

from .model import Quiz
from .scoring import asked, score

RECOMMENDED = "The quiz recommended"


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


def from_field(text: str) -> dict[str, str]:
    """A lead's `quiz_answers` ("team_size=small,revenue=1-15m") as answers; pieces that are no pair are dropped."""
    pairs = (piece.partition("=") for piece in (text or "").split(","))
    return {question.strip(): option.strip() for question, sep, option in pairs if sep and question.strip()}


def for_lead(quiz: Quiz, text: str) -> list[tuple[str, str]]:
    """What a partner reads of a lead's quiz answers: the recommendation (when they are complete) and each answer.

    (RECOMMENDED, the outcome's title) first, then (question, the label clicked) in the quiz's order;
    empty when nothing in the field is an answer to this quiz.
    """
    answers = from_field(text)
    lines = described(quiz, answers)
    if not lines:
        return []
    complete = all(choice for _, choice in asked(quiz, answers))
    if complete:
        lines.insert(0, (RECOMMENDED, quiz.outcome(score(quiz, answers).outcome).title))
    return lines


def lead_lines(quiz: Quiz, text: str) -> list[str]:
    """`for_lead` as lines a person reads: "How many salespeople do you have? 2 to 12", "The quiz recommended: ..."."""
    return [f"{label}{'' if label.endswith('?') else ':'} {value}" for label, value in for_lead(quiz, text)]
