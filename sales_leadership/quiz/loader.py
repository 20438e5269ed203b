"""Load content/quiz/role-selector.yaml into the quiz model, validating every field.

Validation reports every problem at once, each with the file and the place
of the field, counted as a reader counts and named by its id
(`question 3 (leader_situation), option 2 (owner-led), weights: unknown outcome
'cro'`), because the people who edit the YAML fix it from the build's message
alone. It also checks what a reader of the YAML cannot see: that every outcome
is the recommendation for at least one combination of answers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..descriptions import length_problem
from ..errors import Problem, raise_if_any
from ..files import display_path, load_yaml
from ..roles import RoleCatalogue
from .model import Option, Outcome, Question, Quiz
from .scoring import longest_path, unreachable_outcomes

QUIZ_FILE = Path("quiz") / "role-selector.yaml"  # inside the content folder

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ID_RULE = "lower-case letters, digits, '-' and '_' only"

TOP_KEYS = {"title", "description", "intro", "questions", "outcomes", "tie_break"}
QUESTION_KEYS = {"id", "text", "help", "error", "options", "show_if"}
OPTION_KEYS = {"id", "label", "reason", "weights"}
OUTCOME_KEYS = {"id", "summary", "cta", "link"}
FROM_CATALOGUE = {"title", "url"}  # a role's, from the catalogue; an outcome that is no role declares them
# Written in the quiz's description or intro, becomes the most questions one owner is asked, in words.
QUESTIONS_PLACEHOLDER = "{questions}"


def field_path(path: str, key: str) -> str:
    """The place of `key` inside the entry at `path`: "question 3 (leader_situation), help"."""
    return f"{path}, {key}" if path else key


def entry_label(kind: str, index: int, ident=None) -> str:
    """One entry of a list, counted from 1 and named by its id when it has a usable one:
    "option 5 (struggling)". YAML counts from 0; editors count from 1."""
    label = f"{kind} {index + 1}"
    if isinstance(ident, str) and ID_PATTERN.match(ident):
        label += f" ({ident})"
    return label


class _Checker:
    """Collects problems for one file while reading its fields."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, path, message))

    def mapping(self, value, path: str, what: str) -> dict | None:
        if isinstance(value, dict):
            return value
        self.add(path, f"must be a mapping with {what}, not {_kind(value)}")
        return None

    def keys(self, raw: dict, allowed: set[str], path: str) -> None:
        for key in raw:
            if key not in allowed:
                self.add(field_path(path, str(key)), f"unknown key; expected one of {', '.join(sorted(allowed))}")

    def text(self, raw: dict, key: str, path: str, required: bool = True) -> str:
        value = raw.get(key)
        where = field_path(path, key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(where, "missing text")
            return ""
        if not isinstance(value, str):
            self.add(where, f"must be text, not {_kind(value)}{_yes_no_hint(value)}")
            return ""
        return " ".join(value.split())

    def ident(self, raw: dict, path: str) -> str:
        value = raw.get("id")
        where = field_path(path, "id")
        if value is None:
            self.add(where, "missing")
            return ""
        if not isinstance(value, str):
            self.add(where, f"must be text, not {_kind(value)}{_yes_no_hint(value)}")
            return ""
        if not ID_PATTERN.match(value):
            self.add(where, f"{value!r} is not a valid id ({ID_RULE})")
            return ""
        return value

    def items(self, raw: dict, key: str, path: str, minimum: int = 1) -> list:
        value = raw.get(key)
        where = field_path(path, key)
        if not isinstance(value, list):
            self.add(where, f"must be a list, not {_kind(value)}")
            return []
        if len(value) < minimum:
            self.add(where, f"needs at least {minimum} entries, has {len(value)}")
        return value

    def entries(self, raw: dict, key: str, path: str, kind: str, allowed: set[str], minimum: int = 1):
        """Each mapping in the list `raw[key]` as (its path, the mapping, its id).

        Checks what every entry shares: it is a mapping, with known keys, a valid id
        that no earlier entry of the same list has.
        """
        seen: set[str] = set()
        for i, item in enumerate(self.items(raw, key, path, minimum)):
            label = entry_label(kind, i, item.get("id") if isinstance(item, dict) else None)
            where = field_path(path, label)
            item = self.mapping(item, where, ", ".join(sorted(allowed)))
            if item is None:
                continue
            self.keys(item, allowed, where)
            ident = self.ident(item, where)
            if ident in seen:
                self.add(field_path(where, "id"), f"duplicate {kind} id {ident!r}")
            if ident:
                seen.add(ident)
            yield where, item, ident


def _kind(value) -> str:
    if value is None:
        return "nothing"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )


def _yes_no_hint(value) -> str:
    if isinstance(value, bool):
        return " (YAML reads yes/no/on/off as true/false: put the id in quotes, e.g. 'yes')"
    return ""


def parse_quiz(data, file: str, catalogue: RoleCatalogue) -> Quiz:
    """Validate parsed YAML and build the Quiz; raise ContentError listing every problem."""
    check = _Checker(file)
    raw = check.mapping(data, "", "title, description, intro, questions, outcomes and tie_break")
    if raw is None:
        raise_if_any(check.problems)
    check.keys(raw, TOP_KEYS, "")
    title = check.text(raw, "title", "")
    description = check.text(raw, "description", "")
    intro = check.text(raw, "intro", "")

    outcomes = _parse_outcomes(check, raw, catalogue)
    outcome_ids = [outcome.id for outcome in outcomes]
    questions = _parse_questions(check, raw, set(outcome_ids))
    tie_break = _parse_tie_break(check, raw, outcome_ids)

    raise_if_any(check.problems)
    quiz = Quiz(title, description, intro, tuple(questions), tuple(outcomes), tuple(tie_break))
    quiz = replace(quiz, most_questions=longest_path(quiz))
    words = quiz.most_questions_in_words
    quiz = replace(
        quiz,
        description=description.replace(QUESTIONS_PLACEHOLDER, words),
        intro=intro.replace(QUESTIONS_PLACEHOLDER, words),
    )

    # The description is checked as search engines read it: with the number of questions in words.
    too_long_or_short = length_problem(quiz.description) if description else None
    if too_long_or_short:
        check.add("description", too_long_or_short)
    # Only a well-formed quiz can be searched for unreachable outcomes.
    for outcome_id in unreachable_outcomes(quiz):
        index = outcome_ids.index(outcome_id)
        check.add(
            entry_label("outcome", index, outcome_id),
            f"no combination of answers recommends {outcome_id!r}; give it more weight in some options",
        )
    raise_if_any(check.problems)
    return quiz


def _parse_outcomes(check: _Checker, raw: dict, catalogue: RoleCatalogue) -> list[Outcome]:
    """Every role of the catalogue is an outcome (its title and page from there, the result's words from here).

    An outcome whose id is no role (an honest "none of the four fits yet") must say
    what it is called and which page tells more: its own `title` and `url`. A role's
    outcome must not, so a typo in a role id is never mistaken for a new outcome.
    """
    outcomes: list[Outcome] = []
    allowed = OUTCOME_KEYS | FROM_CATALOGUE
    named = []
    for path, item, outcome_id in check.entries(raw, "outcomes", "", "outcome", allowed, minimum=2):
        role = catalogue.get(outcome_id)
        declared = sorted(FROM_CATALOGUE & set(item))
        summary, cta = check.text(item, "summary", path), check.text(item, "cta", path)
        link = check.text(item, "link", path, required=False)
        if role is not None or not declared:
            for key in declared:
                check.add(field_path(path, key), f"comes from {catalogue.source}; remove it here")
            named.append((field_path(path, "id"), outcome_id))
            outcomes.append(
                Outcome(
                    outcome_id, role.name if role else outcome_id, summary, role.url if role else "", cta, True, link
                )
            )
            continue
        title = check.text(item, "title", path)
        url = check.text(item, "url", path)
        if url and not (url.startswith("/") and url.endswith("/")):
            check.add(field_path(path, "url"), f"{url!r} must be a page of this site, like /compare/")
        outcomes.append(Outcome(outcome_id, title, summary, url, cta, False, link))
    problems = catalogue.check_ids(named, check.file, "outcomes")
    for problem in problems:
        if problem.field.endswith(", id"):  # an unknown role: say how to write an outcome that is no role
            problem = Problem(
                problem.file,
                problem.field,
                f"{problem.message}; an outcome that is none of the roles declares its own title and url",
            )
        check.problems.append(problem)
    return outcomes


def _parse_questions(check: _Checker, raw: dict, outcome_ids: set[str]) -> list[Question]:
    questions: list[Question] = []
    all_ids = {item.get("id") for item in raw.get("questions") or [] if isinstance(item, dict)}
    for path, item, question_id in check.entries(raw, "questions", "", "question", QUESTION_KEYS):
        text = check.text(item, "text", path)
        help_text = check.text(item, "help", path, required=False)
        error = check.text(item, "error", path, required=False)
        options = _parse_options(check, item, path, outcome_ids)
        show_if = _parse_show_if(check, item.get("show_if"), field_path(path, "show_if"), questions, all_ids)
        questions.append(Question(question_id, text, tuple(options), help_text, error, show_if))
    return questions


def _parse_options(check: _Checker, question: dict, path: str, outcome_ids: set[str]) -> list[Option]:
    options: list[Option] = []
    for option_path, item, option_id in check.entries(question, "options", path, "option", OPTION_KEYS, minimum=2):
        label = check.text(item, "label", option_path)
        reason = check.text(item, "reason", option_path, required=False)
        weights: dict[str, int] = {}
        raw_weights = item.get("weights", {})
        if raw_weights is None:
            raw_weights = {}
        if not isinstance(raw_weights, dict):
            check.add(field_path(option_path, "weights"), f"must map outcome ids to points, not {_kind(raw_weights)}")
            raw_weights = {}
        for outcome_id, points in raw_weights.items():
            if outcome_id not in outcome_ids:
                check.add(field_path(option_path, "weights"), _unknown_outcome(outcome_id, outcome_ids))
            elif isinstance(points, bool) or not isinstance(points, int) or points < 0:
                check.add(
                    field_path(option_path, f"weights.{outcome_id}"),
                    f"must be a whole number 0 or more, not {points!r}",
                )
            elif points:
                weights[outcome_id] = points
        options.append(Option(option_id, label, weights, reason))
    return options


def _parse_show_if(check: _Checker, raw, path: str, earlier: list[Question], all_ids: set) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not raw:
        check.add(path, "must map earlier question ids to the option ids that show this question")
        return {}
    conditions: dict[str, tuple[str, ...]] = {}
    for question_id, option_ids in raw.items():
        where = f"{path}.{question_id}"
        source = next((question for question in earlier if question.id == question_id), None)
        if source is None:
            if question_id in all_ids:
                check.add(
                    where,
                    f"question {question_id!r} comes later; a condition can only name an earlier question",
                )
            else:
                check.add(where, f"unknown question {question_id!r}")
            continue
        if isinstance(option_ids, (str, bool)):
            option_ids = [option_ids]
        if not isinstance(option_ids, list) or not option_ids:
            check.add(where, "must list one or more option ids")
            continue
        clean = []
        for option_id in option_ids:
            if not isinstance(option_id, str):
                check.add(where, f"option ids must be text, not {_kind(option_id)}{_yes_no_hint(option_id)}")
            elif source.option(option_id) is None:
                check.add(where, f"unknown option {option_id!r} of question {question_id!r}")
            else:
                clean.append(option_id)
        conditions[question_id] = tuple(clean)
    return conditions


def _unknown_outcome(outcome_id, outcome_ids) -> str:
    return f"unknown outcome {outcome_id!r}; write one of {', '.join(sorted(outcome_ids))}"


def _parse_tie_break(check: _Checker, raw: dict, outcome_ids: list[str]) -> list[str]:
    value = raw.get("tie_break")
    if not isinstance(value, list):
        check.add("tie_break", f"must list every outcome id once, most preferred first, not {_kind(value)}")
        return list(outcome_ids)
    for i, outcome_id in enumerate(value):
        if outcome_id not in outcome_ids:
            check.add(field_path("tie_break", entry_label("entry", i)), _unknown_outcome(outcome_id, outcome_ids))
        elif value.index(outcome_id) != i:
            check.add(field_path("tie_break", entry_label("entry", i)), f"duplicate outcome {outcome_id!r}")
    for outcome_id in outcome_ids:
        if outcome_id and outcome_id not in value:
            check.add("tie_break", f"missing outcome {outcome_id!r}")
    return [outcome_id for outcome_id in value if isinstance(outcome_id, str)]


def load_quiz(path: str | Path, catalogue: RoleCatalogue) -> Quiz:
    """Read and validate one quiz file; raise ContentError naming the file and every problem."""
    return parse_quiz(load_yaml(path), display_path(path), catalogue)
