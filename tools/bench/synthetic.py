"""A synthetic Insights archive for `invoke bench`: many articles of realistic size.

Deterministic (seeded), so two benchmark runs build the same site. Every
article has the metadata our build requires (Title, Date, Category, Tags,
Slug, Description of 110-160 characters, Summary) and `##` headings, so the
same folder builds with our theme and plugins and with plain Pelican.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

CATEGORIES = [
    "Sales management",
    "Hiring",
    "Growth",
    "Coaching",
    "Pipeline",
    "Leadership team",
    "Sales process",
    "Compensation",
]
TAGS = [
    "pipeline",
    "coaching",
    "CRM",  # spelled as the real articles spell it: one tag, one spelling (site_guard)
    "forecasting",
    "hiring",
    "onboarding",
    "territories",
    "quotas",
    "compensation",
    "fractional CRO",
    "fractional CSO",
    "interim sales manager",
    "part-time sales manager",
    "owner-led sales",
    "scaling",
    "sales process",
    "leadership team",
    "account management",
    "prospecting",
    "discovery",
    "negotiation",
    "churn",
    "pricing",
    "sales meetings",
]
_WORD_LINES = (
    "sales team owner pipeline deal customer revenue forecast meeting coaching process quota review",
    "manager leader company growth margin target account prospect call proposal price value market",
    "weekly monthly quarter plan result habit question answer decision budget hire role report data",
    "clear simple practical honest steady useful focused small growing local senior outside part-time",
    "build assess develop transform measure improve agree follow track close open win lose keep start",
    "because while when after before although so and but with for from into across between within",
    "the a an this that each every most some many few our your their its who what how why where",
)
WORDS = [word for line in _WORD_LINES for word in line.split()]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _text_of_length(rng: random.Random, low: int, high: int) -> str:
    text = ""
    while len(text) < low:
        text = (text + " " + _sentence(rng)).strip()
    return text[:high].rsplit(" ", 1)[0].rstrip(".,") + "."


def article(index: int, rng: random.Random, words: int = 450) -> str:
    date = datetime.date(2023, 1, 1) + datetime.timedelta(days=index % 1000)
    tags = ", ".join(rng.sample(TAGS, 3))
    title = f"Synthetic insight {index}: " + " ".join(rng.choices(WORDS, k=4)).capitalize()
    body: list[str] = []
    count = 0
    while count < words:
        if len(body) % 4 == 1:
            body.append("## " + " ".join(rng.choices(WORDS, k=4)).capitalize())
        paragraph = _paragraph(rng, rng.randint(3, 6))
        body.append(paragraph)
        count += len(paragraph.split())
    return (
        f"Title: {title}\n"
        f"Date: {date.isoformat()}\n"
        f"Category: {CATEGORIES[index % len(CATEGORIES)]}\n"
        f"Tags: {tags}\n"
        f"Slug: synthetic-insight-{index}\n"
        f"Description: {_text_of_length(rng, 120, 155)}\n"
        f"Summary: {_text_of_length(rng, 80, 150)}\n"
        "\n" + "\n\n".join(body) + "\n"
    )


def write_articles(folder: Path, count: int = 1000, words: int = 450, seed: int = 6) -> None:
    """Write `count` articles of about `words` words into `folder` (created if needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for index in range(1, count + 1):
        (folder / f"synthetic-insight-{index}.md").write_text(article(index, rng, words), encoding="utf-8")
