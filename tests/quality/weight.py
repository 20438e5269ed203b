"""The page-weight budget: what one page costs a first-time visitor, before compression.

Per page, HTML + CSS + JS must stay under 50 KB and images under 100 KB
(1 KB = 1,000 bytes), measured from what Chromium actually fetched (see visit.py),
so a script a page imports or an image CSS pulls in counts too.
"""

from __future__ import annotations

from dataclasses import dataclass

from .report import markdown_table
from .visit import PageVisit

CODE_BUDGET = 50_000  # HTML + CSS + JS, bytes, uncompressed
IMAGE_BUDGET = 100_000  # images, bytes


@dataclass(frozen=True)
class PageWeight:
    path: str
    html: int
    css: int
    js: int
    images: int
    other: int
    requests: int

    @property
    def code(self) -> int:
        return self.html + self.css + self.js


def weigh(visit: PageVisit) -> PageWeight:
    return PageWeight(
        path=visit.path,
        html=visit.bytes_of("html"),
        css=visit.bytes_of("css"),
        js=visit.bytes_of("js"),
        images=visit.bytes_of("images"),
        other=sum(visit.bytes_of(kind) for kind in ("fonts", "data", "other")),
        requests=len(visit.resources),
    )


def budget_problems(weights: list[PageWeight]) -> list[str]:
    problems = []
    for weight in weights:
        if weight.code > CODE_BUDGET:
            problems.append(
                f"{weight.path}: HTML + CSS + JS is {_kb(weight.code)} KB (HTML {_kb(weight.html)}, "
                f"CSS {_kb(weight.css)}, JS {_kb(weight.js)}), over the {_kb(CODE_BUDGET)} KB budget"
            )
        if weight.images > IMAGE_BUDGET:
            problems.append(
                f"{weight.path}: images are {_kb(weight.images)} KB, over the {_kb(IMAGE_BUDGET)} KB budget"
            )
    return problems


def weight_table(weights: list[PageWeight]) -> str:
    """Markdown table of every page, heaviest first, with the budget verdict."""
    rows = []
    for weight in sorted(weights, key=lambda w: (-w.code, w.path)):
        within = weight.code <= CODE_BUDGET and weight.images <= IMAGE_BUDGET
        rows.append(
            [
                weight.path,
                _kb(weight.html),
                _kb(weight.css),
                _kb(weight.js),
                _kb(weight.code),
                _kb(weight.images),
                _kb(weight.other),
                str(weight.requests),
                "ok" if within else "OVER",
            ]
        )
    headers = ["page", "HTML", "CSS", "JS", "HTML+CSS+JS", "images", "other", "requests", "budget"]
    note = (
        f"KB = 1,000 bytes, uncompressed, as fetched by Chromium on a first visit. Budget per page: "
        f"HTML+CSS+JS under {_kb(CODE_BUDGET)} KB, images under {_kb(IMAGE_BUDGET)} KB."
    )
    return markdown_table(headers, rows) + "\n\n" + note


def _kb(size: int) -> str:
    return f"{size / 1000:.1f}"
