"""Pictures in the text of a page or article: `![What it shows](images/workshop.jpg)` in Markdown.

A picture whose address is a path relative to the Markdown file (as every Markdown previewer
shows it) is replaced by a `<picture>` of small copies (pictures.text_picture) published under
/images/; the file the editor added is never published. Other addresses (a page of the site,
another website, /favicon.svg) are left as they are.

Only the `<img>` tags are rewritten, character for character in place: the rest of the HTML is
not re-serialised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from ..errors import Problem
from ..files import display_path
from .markup import picture_html
from .pictures import Picture, text_picture
from .sources import ImageError, file_digest, open_source

IMAGES_URL = "/images/"
FIELD = "image"
# Attributes the rewrite sets itself; any other the editor gave (class, id, title) is kept.
REPLACED_ATTRIBUTES = {"src", "srcset", "sizes", "alt", "width", "height", "loading"}


@dataclass(frozen=True)
class TextPicture:
    """A picture found in one content file: where it is written, and the copies it needs."""

    file: str  # the content file, for messages
    src: str  # the address as the editor wrote it
    picture: Picture


@dataclass
class RewrittenText:
    html: str
    pictures: list[TextPicture]
    problems: list[Problem]


def rewrite_pictures(html: str, source_file: str | Path) -> RewrittenText:
    """Replace each picture of the site's own in `html` (the content of `source_file`)."""
    source_file = Path(source_file)
    file = display_path(source_file)
    result = RewrittenText(html, [], [])
    if "<img" not in html:
        return result
    pieces = []
    last = 0
    for tag in _img_tags(html):
        src = (tag.attrs.get("src") or "").strip()
        if not _is_relative_path(src):
            continue
        replacement = _picture_for(tag, src, source_file, file, result)
        if replacement is not None:
            pieces += [html[last : tag.start], replacement]
            last = tag.end
    result.html = "".join(pieces) + html[last:]
    return result


def _picture_for(tag: _Tag, src: str, source_file: Path, file: str, result: RewrittenText) -> str | None:
    def problem(message: str) -> None:
        result.problems.append(Problem(file, FIELD, f"{src!r} {message}"))

    alt = (tag.attrs.get("alt") or "").strip()
    if not alt:
        problem(f"has no alternative text; say what it shows between the brackets: ![A sales team at work]({src})")
    try:
        source = open_source(source_file.parent / unquote(src))
    except ImageError as error:
        problem(str(error))
        return None
    name = _slug(Path(unquote(src)).stem)
    picture = text_picture(source, f"{IMAGES_URL}{name}-{file_digest(source.path)[:8]}")
    result.pictures.append(TextPicture(file, src, picture))
    kept = {key: value or "" for key, value in tag.attrs.items() if key not in REPLACED_ATTRIBUTES}
    return str(picture_html(picture, alt, loading="lazy", attributes=kept))


def _is_relative_path(src: str) -> bool:
    """A file beside the text: no scheme, not root-relative, not Pelican's {static} syntax."""
    return bool(src) and not re.match(r"^([a-z][a-z0-9+.-]*:|/|#|\{)", src, flags=re.I)


def _slug(stem: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "picture"


@dataclass
class _Tag:
    start: int
    end: int
    attrs: dict[str, str | None]


def _img_tags(html: str) -> list[_Tag]:
    """Every `<img>` start tag with its exact span in `html`."""
    line_starts = [0] + [match.end() for match in re.finditer(r"\n", html)]
    tags: list[_Tag] = []

    class Finder(HTMLParser):
        def handle_starttag(self, name, attrs):
            if name == "img":
                line, column = self.getpos()
                start = line_starts[line - 1] + column
                tags.append(_Tag(start, start + len(self.get_starttag_text()), dict(attrs)))

        handle_startendtag = handle_starttag

    finder = Finder(convert_charrefs=True)
    finder.feed(html)
    finder.close()
    return tags
