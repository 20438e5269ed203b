"""The Pelican generator that writes /quiz/, its JavaScript and its stylesheet."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from jinja2 import FileSystemLoader
from pelican.generators import Generator

from sales_leadership.files import display_path

from .model import load_quiz

HERE = Path(__file__).resolve().parent
QUIZ_FILE = "quiz/role-selector.yaml"  # inside PATH; the QUIZ_FILE setting overrides it
PAGE_URL = "/quiz/"  # a contract (DESIGN.md): links across the site point here
ASSETS = ("scoring.js", "role-quiz.js", "quiz.css")  # copied next to the page, linked only from it


class QuizGenerator(Generator):
    """Loads the quiz into the shared context (`quiz`), writes its page and copies its scripts and CSS."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # After the theme's own templates, so a theme may still override quiz.html.
        self.env.loader.loaders.insert(1, FileSystemLoader(str(HERE / "templates")))

    def generate_context(self):
        self.source = os.path.join(self.settings["PATH"], self.settings.get("QUIZ_FILE", QUIZ_FILE))
        self.quiz = load_quiz(self.source)
        self.context["quiz"] = self.quiz

    def generate_output(self, writer):
        folder = PAGE_URL.strip("/")
        writer.write_file(
            f"{folder}/index.html",
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
        for name in ASSETS:
            shutil.copyfile(HERE / "static" / name, Path(self.output_path) / folder / name)
