"""Pictures in the text of pages and articles (receivers are module level: Pelican holds them weakly).

Each page or article's HTML is rewritten as Pelican reads it (`content_object_init`); problems
are recorded, not raised there (Pelican's reader would log and skip the file), and raised all
at once by ImagesGenerator.generate_context, which runs after every page and article is read,
before any page is written. It also writes the copies then, so a photo that cannot be decoded
stops the build before the site is half written.
"""

from __future__ import annotations

from pathlib import Path

from pelican.contents import Article, Page
from pelican.generators import Generator

from sales_leadership.errors import Problem, raise_if_any
from sales_leadership.images.in_text import FIELD, TextPicture, rewrite_pictures
from sales_leadership.images.sources import ImageError

from .publish import publish_pictures

STATE_KEY = "_RESPONSIVE_IMAGES_STATE"


def start_build(pelican) -> None:
    pelican.settings[STATE_KEY] = {"pictures": [], "problems": []}


def rewrite_content_pictures(content) -> None:
    state = content.settings.get(STATE_KEY)
    if state is None or not isinstance(content, (Article, Page)) or not content._content:
        return
    rewritten = rewrite_pictures(content._content, content.source_path)
    if rewritten.pictures or rewritten.problems:
        content._content = rewritten.html
        state["pictures"].extend(rewritten.pictures)
        state["problems"].extend(rewritten.problems)


class ImagesGenerator(Generator):
    """Raises the recorded problems, then writes every picture's copies into the output."""

    def generate_context(self):
        state = self.settings[STATE_KEY]
        problems = list(state["problems"])
        if not problems:
            problems = self._publish(state["pictures"])
        raise_if_any(problems)

    def _publish(self, found: list[TextPicture]) -> list[Problem]:
        problems = []
        for item in found:
            try:
                publish_pictures([item.picture], Path(self.output_path), self.settings["CACHE_PATH"])
            except ImageError as error:
                problems.append(Problem(item.file, FIELD, f"{item.src!r} {error}"))
        return problems
