"""The quiz as loaded: questions with their options and weights, and the outcomes they point to.

Plain frozen dataclasses, nothing else: loader.py builds them from the YAML
(and is the only place that validates), scoring.py ranks answers against them,
and the site and the command line read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    weights: dict[str, int]
    reason: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    options: tuple[Option, ...]
    help: str = ""
    error: str = ""
    # question id -> option ids: the question is asked only when every listed
    # earlier question was answered with one of its listed options.
    show_if: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)


@dataclass(frozen=True)
class Outcome:
    """A recommendation the quiz can give.

    Usually one of the roles (`is_role`: its title and page come from the role
    catalogue, and the contact form can pre-select it). An honest answer that is
    none of the roles ("none of the four fits yet") is an outcome too: it declares
    its own title and page, and hands the owner to the contact form without a role.
    """

    id: str
    title: str
    summary: str
    url: str
    cta: str
    is_role: bool = True
    link: str = ""  # the text of the link to `url`; "About the <title>" when not given

    @property
    def link_text(self) -> str:
        return self.link or f"About the {self.title}"


@dataclass(frozen=True)
class Quiz:
    title: str
    description: str
    intro: str
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]
    tie_break: tuple[str, ...]
    # The most questions one owner can be asked (conditional questions make some paths shorter):
    # the progress line's "of up to N" and the "N questions" the site promises.
    most_questions: int = 0

    def question(self, question_id: str) -> Question | None:
        return next((question for question in self.questions if question.id == question_id), None)

    def outcome(self, outcome_id: str) -> Outcome | None:
        return next((outcome for outcome in self.outcomes if outcome.id == outcome_id), None)

    def as_data(self) -> dict:
        """What the browser needs to score and explain, as JSON-able data (written into the page).

        Labels and texts are left out: the page's HTML already holds them."""
        return {
            "questions": [
                {
                    "id": question.id,
                    "options": [
                        {"id": option.id, "reason": option.reason, "weights": option.weights}
                        for option in question.options
                    ],
                    "show_if": {key: list(values) for key, values in question.show_if.items()},
                }
                for question in self.questions
            ],
            "outcomes": [{"id": o.id, "title": o.title, "url": o.url} for o in self.outcomes],
            "tie_break": list(self.tie_break),
            "most_questions": self.most_questions,
        }

    @property
    def most_questions_in_words(self) -> str:
        """`most_questions` as a reader says it ("eight"), for sentences on the site."""
        return (
            NUMBER_WORDS[self.most_questions] if self.most_questions < len(NUMBER_WORDS) else str(self.most_questions)
        )


NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
