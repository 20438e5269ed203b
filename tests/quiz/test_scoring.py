"""The reference scorer: owners' profiles get what the domain facts (docs/design.md) call for.

The domain's rules, checked on every complete answer set, are in test_invariants.py; here are
typical owners, whole families of them, and how the scorer ranks, explains and calls it close.
"""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from sales_leadership.quiz.answers import (
    RECOMMENDED,
    AnswerError,
    described,
    for_lead,
    from_field,
    lead_lines,
    parse_answers,
)
from sales_leadership.quiz.explain import close_call, explanation, run
from sales_leadership.quiz.model import Option, Outcome, Question, Quiz
from sales_leadership.quiz.scoring import answer_sets, asked, longest_path, score, unreachable_outcomes
from tests.quiz.support import OUTCOMES, PROFILES, shipped_quiz, small_quiz
from tests.support import CONTENT

HAS_A_TEAM = ("small", "mid", "large")

# Whole families of owners: every combination of the other answers must give the same outcome.
FAMILIES = {
    "interim": lambda a: (
        a["team_size"] in HAS_A_TEAM and a["leader_situation"] == "vacancy" and a["commitment"] == "full-time"
    ),
    "part-time": lambda a: (
        a["team_size"] == "small"
        and a["revenue"] == "1-15m"
        and a["leadership_seat"] == "no"
        and a["commitment"] == "part-time"
    ),
    "fractional-cro": lambda a: (
        a["team_size"] != "none"
        and a["leadership_seat"] == "yes"
        and a.get("marketing") == "yes"
        and a["commitment"] == "part-time"
    ),
    "fractional-cso": lambda a: (
        a["team_size"] != "none"
        and a["leadership_seat"] == "yes"
        and a.get("marketing") == "no"
        and a["commitment"] == "part-time"
    ),
    "not-yet": lambda a: a["team_size"] == "none",
    "permanent-hire": lambda a: (
        a["team_size"] in HAS_A_TEAM
        and a["leader_situation"] != "vacancy"
        and a["primary_need"] != "bridge"
        and a["commitment"] == "full-time"
    ),
}


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_a_typical_owner_gets_the_role_the_domain_calls_for(outcome):
    result = score(shipped_quiz(), PROFILES[outcome])
    assert result.outcome == outcome
    assert result.ranking[0].percent > result.ranking[1].percent
    assert 1 <= len(result.reasons) <= 3


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_every_owner_in_a_family_gets_its_role(outcome):
    quiz = shipped_quiz()
    members = [answers for answers in answer_sets(quiz) if FAMILIES[outcome](answers)]
    assert len(members) >= 24
    wrong = [(answers, score(quiz, answers).outcome) for answers in members if score(quiz, answers).outcome != outcome]
    assert wrong == []


def test_the_reasons_name_what_sets_the_recommendation_apart():
    reasons = score(shipped_quiz(), PROFILES["part-time"]).reasons
    assert reasons == (
        "you want someone focused on the sales team",
        "you want a proper sales process with coaching for your team",
    )
    cro = score(shipped_quiz(), PROFILES["fractional-cro"]).reasons
    assert cro[0] == "you want the role to lead marketing too", "what sets a CRO apart from the CSO comes first"
    assert score(shipped_quiz(), PROFILES["not-yet"]).reasons == ("you have no salespeople yet",)


def test_every_outcome_is_recommended_for_a_fair_share_of_answers():
    quiz = shipped_quiz()
    counts = Counter(score(quiz, answers).outcome for answers in answer_sets(quiz))
    total = sum(counts.values())
    assert set(counts) == set(OUTCOMES)
    assert all(count / total >= 0.05 for count in counts.values()), counts
    assert unreachable_outcomes(quiz) == []


def test_ranking_lists_every_outcome_once_and_percentages_follow_it():
    quiz = shipped_quiz()
    for answers in answer_sets(quiz):
        ranking = score(quiz, answers).ranking
        assert sorted(r.outcome for r in ranking) == sorted(OUTCOMES)
        percents = [r.percent for r in ranking]
        assert percents == sorted(percents, reverse=True) and min(percents) >= 0 and max(percents) <= 100


def test_ties_follow_the_declared_order():
    quiz = small_quiz()
    # Nothing answered: everything scores 0 and the declared order is the ranking.
    assert [r.outcome for r in score(quiz, {}).ranking] == ["b", "a", "c"]
    flipped = small_quiz(tie_break=["c", "a", "b"])
    assert [r.outcome for r in score(flipped, {}).ranking] == ["c", "a", "b"]
    # big, no seat, build: b=3, and a and c tie at 2; a is declared before c.
    tied = score(quiz, {"size": "big", "seat": "no", "need": "build"})
    assert [(r.outcome, r.score) for r in tied.ranking] == [("b", 3), ("a", 2), ("c", 2)]


def test_a_tie_for_first_place_is_decided_the_same_way_every_time():
    quiz = small_quiz()
    answers = {"size": "big", "seat": "no", "need": "grow"}  # a=1, b=3, c=3: b and c tie
    assert {score(quiz, answers).outcome for _ in range(20)} == {"b"}
    assert score(small_quiz(tie_break=["c", "b", "a"]), answers).outcome == "c"


def test_conditional_question_is_asked_only_for_its_answers():
    quiz = small_quiz()
    assert [q.id for q, _ in asked(quiz, {"size": "small"})] == ["size", "need"]
    assert [q.id for q, _ in asked(quiz, {"size": "big"})] == ["size", "seat", "need"]
    assert len(list(answer_sets(quiz))) == 2 + 4  # small x need, big x seat x need
    assert all("seat" not in answers for answers in answer_sets(quiz) if answers["size"] == "small")


def test_an_answer_to_a_question_not_asked_counts_for_nothing():
    quiz = small_quiz()
    assert score(quiz, {"size": "small", "seat": "yes", "need": "grow"}) == score(
        quiz, {"size": "small", "need": "grow"}
    )
    shipped = shipped_quiz()
    stale = {**PROFILES["part-time"], "marketing": "yes"}  # marketing is asked only with a leadership seat
    assert score(shipped, stale) == score(shipped, PROFILES["part-time"])


def test_percentages_share_the_scale_of_the_questions_asked():
    quiz = small_quiz()
    # Asked: size and need. Best possible: a 3+2=5, b 2, c 2+1=3 -> scale 5.
    result = score(quiz, {"size": "small", "need": "grow"})
    assert [(r.outcome, r.score, r.percent) for r in result.ranking] == [("a", 4, 80), ("b", 1, 20), ("c", 1, 20)]


def test_reasons_favour_the_recommendation_over_the_runner_up():
    quiz = small_quiz()
    # big, seat, build: c=6 wins; "big" gave c 2 points but b (the runner-up) just as many: no reason.
    assert score(quiz, {"size": "big", "seat": "yes", "need": "build"}).reasons == ("you want a seat",)
    # small, grow: a=4 leads b=1; both answers favour a, the bigger lead first.
    assert score(quiz, {"size": "small", "need": "grow"}).reasons == ("you are small", "you want growth")
    # big, no seat, grow: b and c tie; no answer favours b, so the answers that gave it points say why.
    assert score(quiz, {"size": "big", "seat": "no", "need": "grow"}).reasons == ("you are big",)


def test_a_tie_or_one_point_is_close_and_says_so():
    quiz = small_quiz()
    tied = score(quiz, {"size": "big", "seat": "no", "need": "grow"})  # a=1, b=3, c=3
    assert (tied.outcome, tied.margin, tied.close) == ("b", 0, ("b", "c"))
    one_point = score(quiz, {"size": "big", "seat": "no", "need": "build"})  # b=3, a=2, c=2
    assert (one_point.margin, one_point.close) == (1, ("b", "a", "c"))
    clear = score(quiz, {"size": "small", "need": "build"})  # a=5, b=1
    assert (clear.margin, clear.close) == (4, ())
    assert close_call(quiz, tied) == "Two options are close: B and C."
    assert close_call(quiz, one_point) == "Three options are close: B, A and C."
    assert close_call(quiz, clear) == ""


def test_the_explanation_reads_as_a_sentence():
    assert explanation([]) == ""
    assert explanation(["you have 2-12 salespeople"]) == "We suggest it because you have 2-12 salespeople."
    assert explanation(["a", "b", "c"]) == "We suggest it because a, b and c."


# --- invoke quiz -------------------------------------------------------------------------


def answers_text(answers: dict) -> str:
    return ",".join(f"{key}={value}" for key, value in answers.items())


def test_cli_prints_recommendation_ranking_and_reasons():
    text = run(CONTENT, answers_text(PROFILES["part-time"]))
    assert text.startswith("Recommendation: Part-time / Outsourced Sales Manager (part-time)")
    assert "We suggest it because you want someone focused on the sales team and " in text
    assert "Ranking:\n  1. Part-time / Outsourced Sales Manager" in text
    assert "Reasons:\n  - you want someone focused on the sales team" in text


def test_cli_json_has_the_documented_shape():
    data = json.loads(run(CONTENT, answers_text(PROFILES["fractional-cro"]), as_json=True))
    assert set(data) == {"outcome", "ranking", "reasons", "close"}
    assert data["outcome"] == "fractional-cro" and data["close"] == []
    assert [set(item) for item in data["ranking"]] == [{"outcome", "score", "percent"}] * len(OUTCOMES)
    assert all(isinstance(reason, str) for reason in data["reasons"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("team_sise=small", "unknown question 'team_sise'; the questions are: team_size, revenue,"),
        ("team_size=tiny", "team_size: unknown option 'tiny'; choose one of: none, solo, small, mid, large"),
        ("team_size", "'team_size': write each answer as question=option"),
        ("team_size=small,team_size=mid", "team_size: answered twice"),
        ("team_size=small", "revenue: no answer given; choose one of: under-1m, 1-15m, 15-50m, over-50m"),
        (
            "team_size=none,leader_situation=vacancy",
            "leader_situation=vacancy: this question is only asked when team_size is solo or small or mid or large",
        ),
        (
            "leadership_seat=no,marketing=yes",
            "marketing=yes: this question is only asked when leadership_seat is yes",
        ),
    ],
)
def test_cli_rejects_answers_that_do_not_fit(text, message):
    with pytest.raises(AnswerError) as failure:
        parse_answers(shipped_quiz(), text)
    assert message in str(failure.value)


def test_invoke_quiz_task(tmp_path):
    """The task itself, as an editor runs it."""
    import subprocess
    import sys

    from tests.support import ROOT

    invoke = [sys.executable, "-m", "invoke"]
    done = subprocess.run(
        [*invoke, "quiz", "--json", "--answers", answers_text(PROFILES["fractional-cso"])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "fractional-cso"
    bad = subprocess.run(
        [*invoke, "quiz", "--answers", "colour=blue"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert bad.returncode != 0
    assert "unknown question 'colour'" in bad.stderr


def test_answers_are_described_in_the_words_the_owner_clicked():
    quiz = shipped_quiz()
    answers = {**PROFILES["fractional-cro"], "colour": "blue", "stage": "no-such-stage"}
    lines = described(quiz, answers)
    assert lines[0] == (
        "How many salespeople do you have?",
        quiz.question("team_size").option(answers["team_size"]).label,
    )
    assert [text for text, _ in lines] == [question.text for question, choice in asked(quiz, answers) if choice], (
        "in the quiz's order, only questions reached and answered"
    )
    assert all("no-such-stage" not in label and "blue" not in label for _, label in lines)
    assert described(quiz, {"leadership_seat": "no", "marketing": "yes"}) == [
        (quiz.question("leadership_seat").text, quiz.question("leadership_seat").option("no").label)
    ], "an answer to a question that is not asked is left out"


def test_a_leads_quiz_answers_read_as_the_owner_clicked_them_with_the_recommendation_when_complete():
    quiz = shipped_quiz()
    answers = PROFILES["permanent-hire"]
    field = ",".join(f"{q}={o}" for q, o in answers.items())
    assert from_field(field) == answers
    lines = for_lead(quiz, field)
    assert lines[0] == (RECOMMENDED, "A permanent sales leader")
    assert lines[1:] == described(quiz, answers)
    assert lead_lines(quiz, field)[:2] == [
        "The quiz recommended: A permanent sales leader",
        "How many salespeople do you have? 13 to 30",
    ]
    # Half a quiz: its answers, but no recommendation it never gave.
    assert for_lead(quiz, "team_size=small,revenue=1-15m") == described(
        quiz, {"team_size": "small", "revenue": "1-15m"}
    )
    # Nothing this quiz knows (an old lead, a changed quiz, a mangled field): nothing to show.
    assert for_lead(quiz, "colour=blue,team_size") == [] and for_lead(quiz, "") == []


def random_quiz(rng) -> Quiz:
    """A small quiz as an editor might write one: 2-4 outcomes, 1-4 questions, 1-3 options, weights 0-3,
    and now and then a question asked only after some answers to an earlier one."""
    outcomes = [f"o{number}" for number in range(rng.randint(2, 4))]
    questions = []
    for number in range(rng.randint(1, 4)):
        options = tuple(
            Option(f"q{number}o{index}", "Label", {o: w for o in outcomes if (w := rng.choice((0, 0, 1, 2, 3)))}, "why")
            for index in range(rng.randint(1, 3))
        )
        show_if = {}
        if questions and rng.random() < 0.4:
            source = rng.choice(questions)
            show_if = {source.id: tuple(o.id for o in source.options if rng.random() < 0.6) or (source.options[0].id,)}
        questions.append(Question(f"q{number}", "Text", options, show_if=show_if))
    tie_break = tuple(rng.sample(outcomes, len(outcomes)))
    return Quiz("T", "D", "I", tuple(questions), tuple(Outcome(o, o, "S", "/", "Go") for o in outcomes), tie_break)


def test_the_build_check_finds_exactly_the_outcomes_no_answers_recommend():
    """unreachable_outcomes prunes its search; trying every set of answers must find the same outcomes."""
    rng = random.Random(16)
    found_some = found_none = 0
    for _ in range(1500):
        quiz = random_quiz(rng)
        winners = {score(quiz, answers).outcome for answers in answer_sets(quiz)}
        expected = [outcome.id for outcome in quiz.outcomes if outcome.id not in winners]
        assert unreachable_outcomes(quiz) == expected, quiz
        found_some += bool(expected)
        found_none += not expected
    assert found_some > 300 and found_none > 300, "the quizzes should test both answers"


def test_the_most_questions_one_owner_is_asked_is_the_longest_set_of_answers():
    rng = random.Random(61)
    for _ in range(500):
        quiz = random_quiz(rng)
        assert longest_path(quiz) == max(len(answers) for answers in answer_sets(quiz)), quiz
    assert longest_path(small_quiz()) == 3


def quiz_of(*questions: tuple[Option, ...], outcomes=("a", "b")) -> Quiz:
    """A quiz written for one rule: each argument is one question's options."""
    return Quiz(
        "T",
        "D",
        "I",
        tuple(Question(f"q{number}", "Text", options) for number, options in enumerate(questions)),
        tuple(Outcome(o, o, "S", "/", "Go") for o in outcomes),
        tuple(outcomes),
    )


def test_at_most_three_reasons_the_answers_that_favour_the_recommendation_most_first():
    quiz = quiz_of(*((Option("x", "X", {"a": weight}, f"reason {weight}"),) for weight in (1, 5, 2, 4, 3)))
    result = score(quiz, {f"q{number}": "x" for number in range(5)})
    assert result.outcome == "a"
    assert result.reasons == ("reason 5", "reason 4", "reason 3")


def test_answers_that_favour_the_recommendation_as_much_as_the_runner_up_are_no_reason_when_others_are():
    quiz = quiz_of(
        (Option("x", "X", {"a": 1}, "sets a apart"),),
        (Option("y", "Y", {"a": 1, "b": 1}, "fits both"),),
    )
    assert score(quiz, {"q0": "x", "q1": "y"}).reasons == ("sets a apart",)
    # With nothing that sets it apart, what fits it is still said.
    assert score(quiz_of((Option("y", "Y", {"a": 1, "b": 1}, "fits both"),)), {"q0": "y"}).reasons == ("fits both",)


def test_equal_leads_are_explained_by_the_answer_that_gives_the_recommendation_more_points_first():
    quiz = quiz_of(
        (Option("x", "X", {"a": 1}, "one point ahead, one point"),),
        (Option("y", "Y", {"a": 3, "b": 2}, "one point ahead, three points"),),
    )
    reasons = score(quiz, {"q0": "x", "q1": "y"}).reasons
    assert reasons == ("one point ahead, three points", "one point ahead, one point")


def test_a_quiz_with_one_outcome_recommends_it_by_its_whole_score():
    quiz = quiz_of((Option("x", "X", {"a": 2}, "why"), Option("z", "Z", {})), outcomes=("a",))
    result = score(quiz, {"q0": "x"})
    assert (result.outcome, result.margin, result.close, result.reasons) == ("a", 2, (), ("why",))
    assert [(r.outcome, r.score, r.percent) for r in result.ranking] == [("a", 2, 100)]


def test_percentages_round_half_up_on_the_points_the_questions_asked_could_give():
    # a can get 8 points (questions 0 and 1); b only from question 1, and nothing at all from question 2.
    quiz = quiz_of(
        (Option("x", "X", {"a": 1}), Option("y", "Y", {"a": 4})),
        (Option("x", "X", {"a": 1, "b": 3}), Option("y", "Y", {"a": 4})),
        (Option("x", "X", {}), Option("y", "Y", {})),
    )
    percents = {r.outcome: r.percent for r in score(quiz, {"q0": "x", "q1": "x", "q2": "y"}).ranking}
    assert percents == {"a": 25, "b": 38}  # 2 of 8 points; 3 of 8 is 37.5%
    assert {r.outcome: r.percent for r in score(quiz, {"q0": "y", "q1": "y", "q2": "x"}).ranking} == {"a": 100, "b": 0}
    assert {r.outcome: r.percent for r in score(quiz, {"q0": "x"}).ranking} == {"a": 25, "b": 0}


def test_answers_that_give_no_points_give_every_outcome_zero_percent():
    quiz = quiz_of((Option("x", "X", {}), Option("y", "Y", {})))
    assert [(r.score, r.percent) for r in score(quiz, {"q0": "x"}).ranking] == [(0, 0), (0, 0)]


def test_a_question_left_unanswered_does_not_stop_the_later_answers_from_counting():
    quiz = quiz_of((Option("x", "X", {"b": 1}),), (Option("y", "Y", {"a": 2}, "why"),))
    result = score(quiz, {"q1": "y"})
    assert (result.outcome, [r.score for r in result.ranking]) == ("a", [2, 0])


def test_the_margin_is_the_points_between_the_first_two():
    quiz = quiz_of((Option("x", "X", {"a": 3, "b": 1}),))
    assert score(quiz, {"q0": "x"}).margin == 2
