"""The Pelican generator that writes /quiz/ from the quiz the core loads."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from sales_leadership.files import display_path
from sales_leadership.quiz.loader import QUIZ_FILE, load_quiz
from sales_leadership.roles import load_roles

PAGE_URL = "/quiz/"  # a contract (docs/design.md): links across the site point here


class QuizGenerator(Generator):
    """Loads the quiz into the shared context (`quiz`) and writes its page.

    Its scripts and stylesheet (static/) and its template (templates/) follow the
    plugins' front-end convention (plugins/site_assets).
    """

    def generate_context(self):
        self.source = Path(self.settings["PATH"]) / QUIZ_FILE
        self.quiz = load_quiz(self.source, load_roles(self.settings["PATH"]))
        self.context["quiz"] = self.quiz

    def generate_output(self, writer):
        writer.write_file(
            f"{PAGE_URL.strip('/')}/index.html",
            self.get_template("quiz"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            meta_title=self.quiz.title,
            meta_description=self.quiz.description,
            meta_url=PAGE_URL,
            quiz_data=self.quiz.as_data(),
            quiz_url=PAGE_URL,
            source_file=display_path(self.source),
        )
