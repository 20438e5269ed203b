"""The copy visitors read: US spelling, no filler, descriptions search engines show whole, and an
article whose worked example adds up."""

from __future__ import annotations

import re

import pytest

from sales_leadership.comparison import load_comparison
from sales_leadership.roles import load_roles
from tests.support import CONTENT, html_files, soup, url_of

BRITISH = re.compile(
    r"\b(?:enquir\w*|organis\w*|one[- ]to[- ]one|colour\w*|behaviour\w*|favour\w*|honour\w*|labour\w*|"
    r"neighbour\w*|centre[sd]?|prioritis\w*|recognis\w*|analys(?:e|ed|es|ing)|programme\w*|catalogue\w*|"
    r"judgement\w*|travell\w*|cancell(?:ed|ing)|modell\w*|defence|practis(?:e|ed|ing))\b",
    re.IGNORECASE,
)
FILLER = re.compile(
    r"\b(?:holistic\w*|synerg\w*|customer-centric|best-in-class|world-class|cutting-edge|leverag\w*|seamless\w*)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def visible(built_site):
    pages = {}
    for path in html_files(built_site):
        page = soup(path)
        for element in page(["script", "style"]):
            element.decompose()
        description = page.find("meta", attrs={"name": "description"})
        text = page.get_text(" ") + " " + (description["content"] if description else "")
        pages[url_of(built_site, path)] = " ".join(text.split())
    return pages


def test_visitors_read_us_spelling(visible):
    found = [(url, match.group(0)) for url, text in visible.items() for match in BRITISH.finditer(text)]
    assert found == [], "use US spelling: inquiry, organization, one-on-one, color, behavior, center ..."


def test_no_filler(visible):
    found = [(url, match.group(0)) for url, text in visible.items() for match in FILLER.finditer(text)]
    assert found == [], "say what is meant instead"


def content_urls() -> dict[str, str]:
    """Each page's and article's address, by its source file (from the Slug and Save_as lines)."""
    urls = {}
    for source in [*(CONTENT / "pages").rglob("*.md"), *(CONTENT / "articles").glob("*.md")]:
        header = source.read_text(encoding="utf-8").split("\n\n", 1)[0]
        fields = {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in header.splitlines())}
        if source.parent.name == "articles":
            urls[str(source.relative_to(CONTENT))] = f"/insights/{fields['Slug']}/"
        else:
            save_as = fields.get("Save_as", "")
            url = "/" if save_as == "index.html" else f"/{save_as}" if save_as else f"/{fields['Slug']}/"
            urls[str(source.relative_to(CONTENT))] = url
    return urls


def test_every_page_and_article_description_is_110_to_160_characters(built_site):
    """The Description as search results show it, figures filled in (README, 'Add a page')."""
    urls = content_urls()
    assert len(urls) > 15
    wrong = []
    for source, url in urls.items():
        path = built_site / (url.lstrip("/") + ("index.html" if url.endswith("/") else ""))
        length = len(soup(path).find("meta", attrs={"name": "description"})["content"])
        if not 110 <= length <= 160:
            wrong.append((source, length))
    assert wrong == []


def money(text: str) -> int:
    return int(text.replace("$", "").replace(",", ""))


def test_the_bad_hire_example_adds_up():
    """Every number of the article's worked example follows from its own assumptions."""
    text = (CONTENT / "articles" / "cost-of-a-bad-sales-hire.md").read_text(encoding="utf-8")
    example = text.split("## A rough illustration", 1)[1].split("\n## ", 1)[0]
    base = money(re.search(r"base salary of (\$[\d,]+)", example).group(1))
    total = money(re.search(r"total cost of (\$[\d,]+) a year", example).group(1))
    rate = int(re.search(r"agency charging (\d+)% of base salary", example).group(1))
    months = {"nine": 9, "eight": 8, "six": 6}[re.search(r"leaves after (\w+) months", example).group(1)]
    lines = re.findall(r"^- (.+)$", example, flags=re.MULTILINE)
    amounts = [money(re.findall(r"\$[\d,]+", line)[-1]) for line in lines]
    assert amounts[0] == base * rate / 100, lines[0]
    assert amounts[1] == total * months / 12, lines[1]
    assert amounts[2] == round(base * 2 / 12, -2), lines[2]
    assert amounts[3] == amounts[0], lines[3]
    stated = money(re.search(r"That is about (\$[\d,]+)", example).group(1))
    assert stated == sum(amounts)
    assert f"month {'nine' if months == 9 else months}" in text, "the text before the example names the same month"
    # Its assumptions fit the site's own figures: bonus, benefits and taxes on top of base salary.
    on_costs = load_comparison(CONTENT, load_roles(CONTENT)).figure("on-costs")
    assert on_costs.low <= (total / base - 1) * 100 <= on_costs.high
