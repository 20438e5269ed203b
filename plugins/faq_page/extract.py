"""Split an FAQ page's HTML into (question, answer) entries and validate it.

A question is a `##` heading ending in '?'. A question written one level lower
(`### ...?`) would read as a subheading of the answer above it, and be missing
from the question list and the structured data, so it is an error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString

from sales_leadership.errors import Problem, raise_if_any

FAQ_TEMPLATE = "faq"
LOWER_HEADINGS = {"h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass(frozen=True)
class FaqEntry:
    question: str
    anchor: str
    answer_text: str


def extract_entries(html: str, source: str) -> tuple[list[FaqEntry], list[Problem]]:
    """Read `## Question?` headings and the blocks under each as its answer."""
    soup = BeautifulSoup(html, "html.parser")
    entries: list[FaqEntry] = []
    problems: list[Problem] = []
    question = None
    answer_parts: list[str] = []

    def close_entry():
        if question is None:
            return
        heading, anchor = question
        answer = " ".join(" ".join(answer_parts).split())
        if not answer:
            problems.append(Problem(source, f"question {heading!r}", "has no answer below it"))
        entries.append(FaqEntry(heading, anchor, answer))

    for node in soup.contents:
        if isinstance(node, NavigableString):
            if node.strip() and question is None:
                problems.append(Problem(source, "body", "text before the first '## Question?' heading"))
            elif node.strip():
                answer_parts.append(node.strip())
            continue
        if node.name == "h2":
            close_entry()
            heading = node.get_text(" ", strip=True)
            if not heading.endswith("?"):
                problems.append(
                    Problem(source, f"heading {heading!r}", "an FAQ heading must be a question ending in '?'")
                )
            question = (heading, node.get("id", ""))
            answer_parts = []
        elif node.name in LOWER_HEADINGS and node.get_text(strip=True).endswith("?"):
            heading = node.get_text(" ", strip=True)
            problems.append(
                Problem(
                    source,
                    f"heading {heading!r}",
                    f"a question is a '## ' heading; written '{'#' * LOWER_HEADINGS[node.name]} ', it would be read "
                    "as part of the answer above it",
                )
            )
        elif question is None:
            problems.append(Problem(source, "body", "text before the first '## Question?' heading"))
        else:
            answer_parts.append(node.get_text(" ", strip=True))
    close_entry()
    if not entries:
        problems.append(Problem(source, "body", "an FAQ page needs at least one '## Question?' heading"))
    return entries, problems


def faq_page_json_ld(entries: list[FaqEntry]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": entry.answer_text},
            }
            for entry in entries
        ],
    }


def attach_faq_entries(generator) -> None:
    problems: list[Problem] = []
    for page in list(generator.pages) + list(generator.hidden_pages):
        if page.template != FAQ_TEMPLATE:
            continue
        source = os.path.relpath(page.source_path)
        entries, page_problems = extract_entries(page.content, source)
        problems.extend(page_problems)
        page.faq_entries = entries
        page.json_ld_extra = [*getattr(page, "json_ld_extra", []), faq_page_json_ld(entries)]
    raise_if_any(problems)
