"""role_quiz: the role-selector quiz page at /quiz/, from the quiz the core loads.

The core (sales_leadership.quiz) reads and validates content/quiz/role-selector.yaml
and holds the reference scorer; static/scoring.mjs is its browser twin (the tests
prove the two agree on every combination of answers) and static/role-quiz.mjs turns
the page into one question per step. This adapter only writes the page (generator.py);
its scripts, stylesheet and template follow plugins/site_assets' convention.
"""

from pelican import signals

from .generator import QuizGenerator


def get_generators(pelican):
    return QuizGenerator


def register():
    signals.get_generators.connect(get_generators)
