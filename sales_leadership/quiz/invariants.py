"""What the quiz promises about the domain, as named rules checked against every complete answer set.

The founding facts (docs/design.md, "Quiz") say when each kind of sales
leadership fits; weights are only a means to that. These rules are written
once, here: tests/quiz/test_invariants.py holds the shipped quiz to every one
of them, and `invoke quiz-report` prints any that an edit of the weights
breaks, with examples, before anyone builds.

Each rule reads the stable question and option ids. On a quiz without those
ids a rule has nothing to say and holds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .model import Quiz
from .scoring import CLOSE_MARGIN, Result, answer_sets, score

PART_TIME_ROLES = ("part-time", "fractional-cro", "fractional-cso")
# At most this share of complete answer sets may be decided by a tie or one point.
MAX_CLOSE_SHARE = 0.10
EXAMPLES = 3  # answer sets shown for a broken rule


@dataclass(frozen=True)
class Rule:
    """One promise, for one complete answer set and the result it gets."""

    name: str
    says: str
    holds: Callable[[Quiz, Mapping[str, str], Result], bool]


def _empty_seat(answers: Mapping[str, str]) -> bool:
    """The sales leader has left or is leaving, or the owner asks for someone to bridge until a permanent hire."""
    return answers.get("leader_situation") == "vacancy" or answers.get("primary_need") == "bridge"


def _no_role(quiz: Quiz, result: Result) -> bool:
    return not quiz.outcome(result.outcome).is_role


def _seat_and_marketing_fit(answers: Mapping[str, str], outcome: str) -> bool:
    seat, marketing = answers.get("leadership_seat"), answers.get("marketing")
    wanted = {
        "part-time": seat == "no",
        "fractional-cro": seat == "yes" and marketing == "yes",
        "fractional-cso": seat == "yes" and marketing == "no",
    }
    return wanted.get(outcome, True)


def _in_the_band(answers: Mapping[str, str]) -> bool:
    return (
        answers.get("team_size") == "small"
        and answers.get("revenue") == "1-15m"
        and answers.get("commitment") == "part-time"
    )


def _the_band_choice(answers: Mapping[str, str]) -> str:
    if answers.get("leadership_seat") == "no":
        return "part-time"
    return "fractional-cro" if answers.get("marketing") == "yes" else "fractional-cso"


RULES: tuple[Rule, ...] = (
    Rule(
        "interim_only_for_an_empty_seat",
        "an interim manager is recommended only when the sales leader has left or is leaving, "
        "or the owner needs someone to bridge until a permanent hire",
        lambda quiz, answers, result: result.outcome != "interim" or _empty_seat(answers),
    ),
    Rule(
        "no_salespeople_no_sales_manager",
        "a company with no salespeople yet is recommended none of the roles",
        lambda quiz, answers, result: answers.get("team_size") != "none" or _no_role(quiz, result),
    ),
    Rule(
        "a_permanent_need_is_named",
        "an owner who wants a leader every working day, with no empty seat to bridge, is told that this is "
        "a permanent hire, not one of the roles",
        lambda quiz, answers, result: (
            answers.get("commitment") != "full-time" or _empty_seat(answers) or _no_role(quiz, result)
        ),
    ),
    Rule(
        "the_hours_fit",
        "interim is recommended only to an owner who wants full-time leadership; part-time, fractional CRO "
        "and fractional CSO only to one for whom part of the week is enough",
        lambda quiz, answers, result: (
            (result.outcome != "interim" or answers.get("commitment") == "full-time")
            and (result.outcome not in PART_TIME_ROLES or answers.get("commitment") == "part-time")
        ),
    ),
    Rule(
        "the_seat_and_marketing_decide",
        "part-time only without a seat on the leadership team; fractional CRO only with the seat and "
        "marketing; fractional CSO only with the seat and without marketing",
        lambda quiz, answers, result: _seat_and_marketing_fit(answers, result.outcome),
    ),
    Rule(
        "one_band_for_all_three",
        "with 2-12 salespeople, $1M-$15M revenue and part of the week enough, the seat and marketing alone "
        "choose between part-time, fractional CRO and fractional CSO",
        lambda quiz, answers, result: not _in_the_band(answers) or result.outcome == _the_band_choice(answers),
    ),
    Rule(
        "every_result_has_a_reason",
        "every recommendation comes with at least one reason taken from the owner's own answers",
        lambda quiz, answers, result: bool(result.reasons),
    ),
)


@dataclass
class Audit:
    """The shipped quiz scored on every complete answer set: who wins, by how much, which rules break."""

    answer_sets: int = 0
    wins: Counter = field(default_factory=Counter)  # outcome id -> answer sets it is recommended for
    margins: Counter = field(default_factory=Counter)  # points between first and second -> answer sets
    broken: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # rule name -> answer sets

    @property
    def close_calls(self) -> int:
        return sum(count for margin, count in self.margins.items() if margin <= CLOSE_MARGIN)

    @property
    def close_share(self) -> float:
        return self.close_calls / self.answer_sets if self.answer_sets else 0.0

    @property
    def too_many_close_calls(self) -> bool:
        return self.close_share > MAX_CLOSE_SHARE

    @property
    def holds(self) -> bool:
        return not self.broken and not self.too_many_close_calls


def audit(quiz: Quiz) -> Audit:
    """Score every complete answer set once and check every rule on it."""
    found = Audit()
    for answers in answer_sets(quiz):
        result = score(quiz, answers)
        found.answer_sets += 1
        found.wins[result.outcome] += 1
        found.margins[result.margin] += 1
        for rule in RULES:
            if not rule.holds(quiz, answers, result):
                found.broken.setdefault(rule.name, []).append(answers)
    return found
