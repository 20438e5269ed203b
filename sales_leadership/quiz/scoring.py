"""The reference scorer. plugins/role_quiz/static/scoring.mjs is its twin for the browser; the tests
prove the two agree on every combination of answers of the shipped quiz.

The rules, in the order both implementations apply them:

1. A question is asked when every condition in its `show_if` holds for the
   answers to the questions asked before it. Answers to questions that are not
   asked, and answers that name no option of their question, count for nothing.
2. Each outcome's score is the sum of the weights the chosen options give it.
3. Ranking: highest score first; equal scores follow the quiz's `tie_break` order.
4. Match percentage: score / the highest score any outcome could have reached
   with the questions asked, rounded half up, so the bars share one scale and
   never disagree with the ranking. Integer arithmetic only, so Python and
   JavaScript round the same way.
5. Reasons: the answers with a `reason` text that gave the recommended outcome
   points, and of those only the ones that favour it over the runner-up when
   there are any (a reason says why this option rather than the next one).
   Largest lead over the runner-up first, then most points, then question
   order; at most three.
6. Close: when the runner-up scores within CLOSE_MARGIN points of the
   recommendation (a tie or one point), the result lists every outcome that
   close, best first, and the page says plainly that they are close.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .model import Question, Quiz

MAX_REASONS = 3
CLOSE_MARGIN = 1  # points: a tie or one point is too close to call one option the best fit


@dataclass(frozen=True)
class Ranked:
    outcome: str
    score: int
    percent: int


@dataclass(frozen=True)
class Result:
    outcome: str
    ranking: tuple[Ranked, ...]
    reasons: tuple[str, ...]
    close: tuple[str, ...] = ()  # the recommendation and every outcome within CLOSE_MARGIN of it, if any

    @property
    def margin(self) -> int:
        """Points between the recommendation and the runner-up (0: a tie decided by `tie_break`)."""
        return self.ranking[0].score - self.ranking[1].score if len(self.ranking) > 1 else self.ranking[0].score

    def as_data(self) -> dict:
        """The `--json` shape, and what the JavaScript scorer returns."""
        return {
            "outcome": self.outcome,
            "ranking": [{"outcome": r.outcome, "score": r.score, "percent": r.percent} for r in self.ranking],
            "reasons": list(self.reasons),
            "close": list(self.close),
        }


def _shown(question: Question, answered: Mapping[str, str]) -> bool:
    return all(answered.get(source) in allowed for source, allowed in question.show_if.items())


def asked(quiz: Quiz, answers: Mapping[str, str]) -> list[tuple[Question, str | None]]:
    """The questions asked for these answers, in order, each with its valid answer or None."""
    answered: dict[str, str] = {}
    result = []
    for question in quiz.questions:
        if not _shown(question, answered):
            continue
        choice = answers.get(question.id)
        if choice is not None and question.option(choice) is None:
            choice = None
        if choice is not None:
            answered[question.id] = choice
        result.append((question, choice))
    return result


def score(quiz: Quiz, answers: Mapping[str, str]) -> Result:
    """Rank every outcome for a (possibly partial) set of answers {question id: option id}."""
    outcome_ids = [outcome.id for outcome in quiz.outcomes]
    points = dict.fromkeys(outcome_ids, 0)
    best = dict.fromkeys(outcome_ids, 0)
    chosen = []
    for question, choice in asked(quiz, answers):
        if choice is None:
            continue
        option = question.option(choice)
        chosen.append(option)
        for outcome_id in outcome_ids:
            points[outcome_id] += option.weights.get(outcome_id, 0)
            best[outcome_id] += max(o.weights.get(outcome_id, 0) for o in question.options)
    scale = max(best.values(), default=0)
    order = {outcome_id: index for index, outcome_id in enumerate(quiz.tie_break)}
    ranked = sorted(outcome_ids, key=lambda outcome_id: (-points[outcome_id], order[outcome_id]))
    ranking = tuple(
        Ranked(outcome_id, points[outcome_id], (200 * points[outcome_id] + scale) // (2 * scale) if scale else 0)
        for outcome_id in ranked
    )
    winner, second = ranked[0], ranked[1] if len(ranked) > 1 else None
    drivers = [
        (option.weights.get(second, 0) - option.weights[winner], -option.weights[winner], index, option.reason)
        for index, option in enumerate(chosen)
        if option.reason and option.weights.get(winner, 0) > 0
    ]
    if any(lead < 0 for lead, *_ in drivers):
        drivers = [driver for driver in drivers if driver[0] < 0]
    reasons = tuple(driver[-1] for driver in sorted(drivers)[:MAX_REASONS])
    close = tuple(r.outcome for r in ranking if r.score >= ranking[0].score - CLOSE_MARGIN)
    return Result(winner, ranking, reasons, close if len(close) > 1 else ())


def answer_sets(quiz: Quiz) -> Iterator[dict[str, str]]:
    """Every complete set of answers a visitor can give (questions not asked are left out)."""

    def walk(index: int, answers: dict[str, str]):
        if index == len(quiz.questions):
            yield dict(answers)
            return
        question = quiz.questions[index]
        if not _shown(question, answers):
            yield from walk(index + 1, answers)
            return
        for option in question.options:
            answers[question.id] = option.id
            yield from walk(index + 1, answers)
            del answers[question.id]

    yield from walk(0, {})


def longest_path(quiz: Quiz) -> int:
    """The most questions one owner can be asked: the longest path through the conditions."""

    def walk(index: int, answers: dict[str, str]) -> int:
        if index == len(quiz.questions):
            return 0
        question = quiz.questions[index]
        if not _shown(question, answers):
            return walk(index + 1, answers)
        if not any(question.id in other.show_if for other in quiz.questions[index + 1 :]):
            return 1 + walk(index + 1, answers)  # no later question depends on it: any answer will do
        longest = 0
        for option in question.options:
            longest = max(longest, 1 + walk(index + 1, {**answers, question.id: option.id}))
        return longest

    return walk(0, {})


def unreachable_outcomes(quiz: Quiz) -> list[str]:
    """Outcomes that no complete set of answers recommends.

    A depth-first search per outcome that abandons a branch as soon as even the
    best remaining answers could not lift the outcome above one of the others,
    so it stays fast however many questions the quiz grows.
    """
    return [outcome.id for outcome in quiz.outcomes if not _can_win(quiz, outcome.id)]


def _can_win(quiz: Quiz, target: str) -> bool:
    order = {outcome_id: index for index, outcome_id in enumerate(quiz.tie_break)}
    rivals = [outcome.id for outcome in quiz.outcomes if outcome.id != target]
    questions = quiz.questions

    def gain(option, rival):
        return option.weights.get(target, 0) - option.weights.get(rival, 0)

    # headroom[i][rival]: the most the target can still gain on the rival from question i on
    # (a question that may not be asked can also contribute nothing).
    headroom = [dict.fromkeys(rivals, 0) for _ in range(len(questions) + 1)]
    for i in range(len(questions) - 1, -1, -1):
        for rival in rivals:
            most = max(gain(option, rival) for option in questions[i].options)
            if questions[i].show_if:
                most = max(most, 0)
            headroom[i][rival] = headroom[i + 1][rival] + most

    def beats(margin: int, rival: str) -> bool:
        return margin > 0 or (margin == 0 and order[target] < order[rival])

    def search(i: int, answers: dict[str, str], margins: dict[str, int]) -> bool:
        if not all(beats(margins[rival] + headroom[i][rival], rival) for rival in rivals):
            return False
        if i == len(questions):
            return True
        question = questions[i]
        if not _shown(question, answers):
            return search(i + 1, answers, margins)
        for option in sorted(question.options, key=lambda o: -o.weights.get(target, 0)):
            answers[question.id] = option.id
            moved = {rival: margins[rival] + gain(option, rival) for rival in rivals}
            if search(i + 1, answers, moved):
                return True
            del answers[question.id]
        return False

    return search(0, {}, dict.fromkeys(rivals, 0))
