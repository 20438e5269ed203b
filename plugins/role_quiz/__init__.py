"""role_quiz: the role-selector quiz, from content/quiz/role-selector.yaml to /quiz/.

The YAML is the one definition of the questions, weights and outcomes. This
plugin validates it (model.py), scores answers (scoring.py, the reference the
browser's static/scoring.js must agree with), writes the page from its own
template and copies its two small ES modules and its stylesheet next to it. `invoke quiz` runs
the same scorer from the command line (cli.py).
"""

from pelican import signals

from .generator import QuizGenerator


def get_generators(pelican):
    return QuizGenerator


def register():
    signals.get_generators.connect(get_generators)
