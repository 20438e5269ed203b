"""What `invoke quiz` prints: the recommendation for a set of answers, its ranking and reasons.

The same scorer the page and the tests use, so an editor sees what a change of
weights does before building.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..roles import load_roles
from .answers import parse_answers
from .loader import QUIZ_FILE, load_quiz
from .model import Quiz
from .scoring import Result, score


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


def run(content_path: str | Path, answers_text: str, as_json: bool = False) -> str:
    """What `invoke quiz` prints; raises ContentError for bad content, AnswerError for bad answers."""
    quiz = load_quiz(Path(content_path) / QUIZ_FILE, load_roles(content_path))
    result = score(quiz, parse_answers(quiz, answers_text))
    return json.dumps(result.as_data(), indent=2) if as_json else render_text(quiz, result)
