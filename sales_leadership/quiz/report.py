"""What `invoke quiz-report` prints: the whole quiz scored on every complete answer set.

How many owners each outcome is recommended to, how clear the recommendations
are (the points between the best and the runner-up), and every rule of
invariants.py that the weights break, with examples. An editor runs it after
changing weights, before building.
"""

from __future__ import annotations

from pathlib import Path

from ..files import display_path
from ..roles import load_roles
from .invariants import EXAMPLES, MAX_CLOSE_SHARE, RULES, Audit, audit
from .loader import QUIZ_FILE, load_quiz
from .model import Quiz
from .scoring import CLOSE_MARGIN

WIDEST_MARGIN = 10  # margins from here on share one line


def _share(count: int, total: int) -> str:
    return f"{count:>6,}  {100 * count / total:5.1f}%" if total else f"{count:>6,}"


def _margin_label(margin: int) -> str:
    if margin == 0:
        return "tie (decided by tie_break)"
    if margin >= WIDEST_MARGIN:
        return f"{WIDEST_MARGIN} points or more"
    return "1 point" if margin == 1 else f"{margin} points"


def render_report(quiz: Quiz, found: Audit, source: str = "") -> str:
    total = found.answer_sets
    lines = [f"The quiz{f' ({source})' if source else ''}: {total:,} complete answer sets.", "", "Recommended for:"]
    width = max(len(outcome.title) for outcome in quiz.outcomes)
    for outcome in sorted(quiz.outcomes, key=lambda o: -found.wins[o.id]):
        lines.append(f"  {outcome.title:<{width}}  {_share(found.wins[outcome.id], total)}")
    lines += ["", "Points between the recommendation and the runner-up:"]
    buckets: dict[int, int] = {}
    for margin, count in found.margins.items():
        buckets[min(margin, WIDEST_MARGIN)] = buckets.get(min(margin, WIDEST_MARGIN), 0) + count
    label_width = max(len(_margin_label(m)) for m in range(WIDEST_MARGIN + 1))
    for margin in sorted(buckets):
        lines.append(f"  {_margin_label(margin):<{label_width}}  {_share(buckets[margin], total)}")
    verdict = "too many" if found.too_many_close_calls else "fine"
    lines += [
        "",
        f"Close calls (within {CLOSE_MARGIN} point: the page says the options are close): "
        f"{found.close_calls:,}, {100 * found.close_share:.1f}% ({verdict}; at most {100 * MAX_CLOSE_SHARE:.0f}%)",
        "",
    ]
    if not found.broken:
        lines.append(f"Rules: all {len(RULES)} hold on every answer set.")
    else:
        lines.append(f"Rules broken: {len(found.broken)} of {len(RULES)}")
        for rule in RULES:
            breaking = found.broken.get(rule.name)
            if not breaking:
                continue
            lines += [f"  {rule.name}: {rule.says}", f"    broken by {len(breaking):,} answer sets, for example:"]
            lines += [f"      {','.join(f'{q}={o}' for q, o in answers.items())}" for answers in breaking[:EXAMPLES]]
    return "\n".join(lines)


def run(content_path: str | Path) -> tuple[str, bool]:
    """The report for the quiz in this content folder, and whether every rule holds (ContentError if it is bad)."""
    path = Path(content_path) / QUIZ_FILE
    quiz = load_quiz(path, load_roles(content_path))
    found = audit(quiz)
    return render_report(quiz, found, display_path(path)), found.holds
