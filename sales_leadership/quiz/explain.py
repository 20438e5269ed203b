"""What `invoke quiz` prints: the recommendation for one set of answers, its ranking and reasons.

The same scorer the page and the tests use, so an editor sees what a change of
weights does to one owner's answers before building (`invoke quiz-report`,
report.py, shows it for every owner at once).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..roles import load_roles
from .answers import parse_answers
from .loader import QUIZ_FILE, load_quiz
from .model import Quiz
from .scoring import Result, score


def listed(items) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def explanation(reasons) -> str:
    """The sentence the result page shows: "because a, b and c"."""
    reasons = list(reasons)
    return f"We suggest it because {listed(reasons)}." if reasons else ""


def close_call(quiz: Quiz, result: Result) -> str:
    """What the page says when the top options are too close to call (empty when they are not)."""
    if not result.close:
        return ""
    count = {2: "Two", 3: "Three", 4: "Four"}.get(len(result.close), str(len(result.close)))
    return f"{count} options are close: {listed(quiz.outcome(o).title for o in result.close)}."


def render_text(quiz: Quiz, result: Result) -> str:
    best = quiz.outcome(result.outcome)
    lines = [f"Recommendation: {best.title} ({best.id})"]
    if result.close:
        lines.append(close_call(quiz, result))
    if result.reasons:
        lines.append(explanation(result.reasons))
    lines += ["", "Ranking:"]
    width = max(len(outcome.title) for outcome in quiz.outcomes)
    for place, ranked in enumerate(result.ranking, start=1):
        title = quiz.outcome(ranked.outcome).title
        points = "point " if ranked.score == 1 else "points"
        lines.append(f"  {place}. {title:<{width}}  {ranked.score:>3} {points}  {ranked.percent:>3}% match")
    lines += ["", "Reasons:"]
    lines += [f"  - {reason}" for reason in result.reasons] or ["  (no answer with a reason text scored for it)"]
    return "\n".join(lines)


def run(content_path: str | Path, answers_text: str, as_json: bool = False) -> str:
    """What `invoke quiz` prints; raises ContentError for bad content, AnswerError for bad answers."""
    quiz = load_quiz(Path(content_path) / QUIZ_FILE, load_roles(content_path))
    result = score(quiz, parse_answers(quiz, answers_text))
    return json.dumps(result.as_data(), indent=2) if as_json else render_text(quiz, result)
