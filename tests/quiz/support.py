"""Shared by the quiz tests: the shipped definition, as data to break and as a loaded Quiz."""

from __future__ import annotations

import copy
from functools import cache

from sales_leadership.errors import ContentError
from sales_leadership.files import load_yaml
from sales_leadership.quiz.loader import load_quiz, parse_quiz
from sales_leadership.quiz.model import Quiz
from sales_leadership.roles import Role, RoleCatalogue, load_roles
from tests.support import CONTENT

QUIZ_FILE = CONTENT / "quiz" / "role-selector.yaml"
DISPLAY = "content/quiz/role-selector.yaml"
ROLES = ["interim", "part-time", "fractional-cro", "fractional-cso"]
# The roles, then the honest answers that are none of them.
OUTCOMES = [*ROLES, "not-yet", "permanent-hire"]

# One typical owner per outcome, each a fact of the brief (docs/design.md, Roles) turned into answers.
PROFILES = {
    # "typically a full-time employee bridging the gap until a permanent sales manager is hired;
    # the companies tend to be larger, with more salespeople"
    "interim": dict(
        team_size="large",
        revenue="over-50m",
        leader_situation="vacancy",
        primary_need="bridge",
        leadership_seat="no",
        stage="established",
        commitment="full-time",
    ),
    # "2-12 salespeople and $1M-$15M revenue ... develop the team, build or update sales processes,
    # focused on the sales department"
    "part-time": dict(
        team_size="small",
        revenue="1-15m",
        leader_situation="owner-led",
        primary_need="build",
        leadership_seat="no",
        stage="established",
        commitment="part-time",
    ),
    # "common in high-growth start-up, build-out and scale-up companies ... usually oversees marketing"
    "fractional-cro": dict(
        team_size="small",
        revenue="1-15m",
        leader_situation="owner-led",
        primary_need="grow",
        leadership_seat="yes",
        marketing="yes",
        stage="startup",
        commitment="part-time",
    ),
    # "the same organisational involvement with oversight limited to sales"
    "fractional-cso": dict(
        team_size="mid",
        revenue="15-50m",
        leader_situation="struggling",
        primary_need="transform",
        leadership_seat="yes",
        marketing="no",
        stage="established",
        commitment="part-time",
    ),
    # A founder who still does all the selling: no team for any of the four to lead yet.
    "not-yet": dict(
        team_size="none",
        revenue="under-1m",
        primary_need="build",
        leadership_seat="no",
        stage="startup",
        commitment="part-time",
    ),
    # A leader every working day, and nobody leaving: that is a permanent hire.
    "permanent-hire": dict(
        team_size="mid",
        revenue="15-50m",
        leader_situation="owner-led",
        primary_need="build",
        leadership_seat="no",
        stage="established",
        commitment="full-time",
    ),
}


@cache
def _shipped_data() -> dict:
    return load_yaml(QUIZ_FILE)


def shipped_data() -> dict:
    """A private deep copy of the shipped YAML, to change on purpose."""
    return copy.deepcopy(_shipped_data())


@cache
def shipped_roles() -> RoleCatalogue:
    return load_roles(CONTENT)


@cache
def shipped_quiz() -> Quiz:
    return load_quiz(QUIZ_FILE, shipped_roles())


def problems_of(data) -> list[str]:
    """Every problem parse_quiz reports, as the lines the build prints."""
    try:
        parse_quiz(data, DISPLAY, shipped_roles())
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    raise AssertionError("the definition was accepted")


def small_quiz(**changes) -> Quiz:
    """Three outcomes, a conditional question, and equal scores to break ties with."""
    data = {
        "title": "Small quiz",
        "description": (  # held to 110-160 characters like the real quiz's
            "A small quiz for the tests: three outcomes, a question asked only for some answers, "
            "and equal scores to break ties with."
        ),
        "intro": "Two or three questions.",
        "questions": [
            {
                "id": "size",
                "text": "How big?",
                "options": [
                    {"id": "small", "label": "Small", "reason": "you are small", "weights": {"a": 3, "b": 1}},
                    {"id": "big", "label": "Big", "reason": "you are big", "weights": {"b": 2, "c": 2}},
                ],
            },
            {
                "id": "seat",
                "text": "A seat?",
                "show_if": {"size": ["big"]},
                "options": [
                    {"id": "yes", "label": "Yes", "reason": "you want a seat", "weights": {"c": 4}},
                    {"id": "no", "label": "No", "weights": {"b": 1}},
                ],
            },
            {
                "id": "need",
                "text": "Need?",
                "options": [
                    {"id": "build", "label": "Build", "reason": "you want to build", "weights": {"a": 2}},
                    {"id": "grow", "label": "Grow", "reason": "you want growth", "weights": {"c": 1, "a": 1}},
                ],
            },
        ],
        "outcomes": [{"id": key, "summary": "S", "cta": "Go"} for key in ("a", "b", "c")],
        "tie_break": ["b", "a", "c"],
    }
    data.update(changes)
    return parse_quiz(data, "small.yaml", SMALL_ROLES)


SMALL_ROLES = RoleCatalogue(tuple(Role(key, key.upper(), f"/{key}/") for key in ("a", "b", "c")), "roles.yaml")
