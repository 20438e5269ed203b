"""`invoke quiz --answers team_size=small,revenue=1-15m,...`: the recommendation for a set of
answers, from the same scorer the build and the tests use. Editors use it to see what a change
of weights does before they build.

Also runs as `python -m role_quiz.cli --answers ... [--json] [--file path]` (from plugins/).
"""

from __future__ import annotations

import argparse
import json
import sys

from sales_leadership.errors import ContentError

from .model import Quiz, load_quiz
from .scoring import Result, asked, score


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


def explanation(reasons) -> str:
    """The sentence the result page shows: "because a, b and c"."""
    reasons = list(reasons)
    if not reasons:
        return ""
    listed = reasons[0] if len(reasons) == 1 else f"{', '.join(reasons[:-1])} and {reasons[-1]}"
    return f"We suggest it because {listed}."


def render_text(quiz: Quiz, result: Result) -> str:
    best = quiz.outcome(result.outcome)
    lines = [f"Recommendation: {best.title} ({best.id})"]
    if result.reasons:
        lines.append(explanation(result.reasons))
    lines += ["", "Ranking:"]
    width = max(len(outcome.title) for outcome in quiz.outcomes)
    for place, ranked in enumerate(result.ranking, start=1):
        title = quiz.outcome(ranked.outcome).title
        lines.append(f"  {place}. {title:<{width}}  {ranked.score:>3} points  {ranked.percent:>3}% match")
    lines += ["", "Reasons:"]
    lines += [f"  - {reason}" for reason in result.reasons] or ["  (no answer with a reason text scored for it)"]
    return "\n".join(lines)


def run(quiz_file: str, answers_text: str, as_json: bool = False) -> str:
    """What `invoke quiz` prints; raises ContentError for a bad quiz file, AnswerError for bad answers."""
    quiz = load_quiz(quiz_file)
    result = score(quiz, parse_answers(quiz, answers_text))
    return json.dumps(result.as_data(), indent=2) if as_json else render_text(quiz, result)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m role_quiz.cli", description=__doc__.splitlines()[0])
    parser.add_argument("--answers", required=True, help="question=option pairs, comma-separated")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--file", default="content/quiz/role-selector.yaml", help="the quiz definition")
    args = parser.parse_args(argv)
    try:
        print(run(args.file, args.answers, args.json))
    except ContentError as error:
        print(f"The quiz definition has problems:\n{error}", file=sys.stderr)
        return 1
    except AnswerError as error:
        print(f"Those answers do not fit the quiz:\n{error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
