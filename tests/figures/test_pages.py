"""The built site quotes comparison.yaml: every page that shows a figure changes when the figure
does, no page types a role's hours, band or fee by hand, and /compare/ says how each is set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sales_leadership.comparison import load_comparison
from sales_leadership.partners.routing import explanations
from tests.figures.support import shifted_content
from tests.quiz.support import shipped_roles
from tests.support import CONTENT, ROOT, build, html_files, soup, url_of

# What a hand-typed role figure looks like: hours or days a week, a salespeople or revenue band,
# a monthly fee, an engagement length. Built pages are read with every figure moved (support.py),
# the moved figures' own texts taken out; whatever still matches was typed by hand.
HAND_TYPED = re.compile(
    "|".join(
        [
            r"\b\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d+(?:\.\d+)?\s*(?:hours?|h)\b",
            r"\b\d+(?:\s*-\s*|\s+)hours?(?:\s+or\s+more)?\s+(?:a|per)\s+week",
            r"\b\d+-hour\s+week",
            r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|a)(?:\s+and\s+a\s+half)?\s*(?:-|–|to|or)\s*"
            r"(?:\d+(?:\.\d+)?|one|two|three|four|five)(?:\s+and\s+a\s+half)?\s+days?\b",
            r"\ba\s+day\s+or\s+two\b",
            r"\b(?:one|two|three|four|\d)\s+days?\s+(?:a|per)\s+week",
            r"\b\d+\s*(?:-|–|to)\s*\d+\s+salespeople",
            r"\b(?:more\s+than|about)\s+(?:a\s+dozen|\d+)\s+salespeople",
            r"\$\d+(?:\.\d+)?\s*(?:M|million)\b",
            r"\$[\d,]+(?:\s*(?:-|–|to)\s*\$[\d,]+)?\s+a\s+month",
            r"\b\d+\s*(?:-|–|to)\s*\d+\s+months\b",
            r"\b(?:two|three|four|six|nine)\s+to\s+(?:three|four|six|nine|twelve|eighteen)\s+months\b",
        ]
    ),
    re.IGNORECASE,
)
# A person's or a client's own facts, not the roles': partner bios, case studies, quotes, and
# the quiz's and the contact form's answer options (the quiz's bands, checked in tests/quiz).
# The chart is drawn from the figures (its axis is a scale, not a figure; its bars are checked below).
OWN_FACTS_PAGES = re.compile(r"^/(?:partners|case-studies)/[^/]+/$")
OWN_FACTS_ELEMENTS = ("figure.quote", "form", "script", "style", "svg.chart")
QUOTED = re.compile(r"\[\[\s*([^\[\]\s]+)\s*\]\]")


def visible_text(page) -> str:
    for element in page.select(", ".join(OWN_FACTS_ELEMENTS)):
        element.decompose()
    description = page.find("meta", attrs={"name": "description"})
    return " ".join((page.get_text(" ") + " " + (description["content"] if description else "")).split())


def texts_of(output: Path) -> dict[str, str]:
    return {
        url: visible_text(soup(path))
        for path in html_files(output)
        if not OWN_FACTS_PAGES.match(url := url_of(output, path))
    }


def figure_texts(comparison) -> list[str]:
    """Everything the figures make: each name's text, each table cell, each chart label; longest first."""
    shortcodes = comparison.shortcodes(explanations())
    texts = {shortcodes.lookup(name) for name in shortcodes.names()}
    texts |= {value for row in comparison.rows for value in row.values.values()}
    texts |= {f"{point.hours_min:g}\u2013{point.hours_max:g} h/week" for point in comparison.chart}
    return sorted(texts, key=len, reverse=True)


def quoted_by_page() -> dict[str, set[str]]:
    """The names each page and article's source quotes, by the page's address."""
    quoted = {}
    for source in [*(CONTENT / "pages").rglob("*.md"), *(CONTENT / "articles").glob("*.md")]:
        text = source.read_text(encoding="utf-8")
        header = dict(line.split(":", 1) for line in text.split("\n\n", 1)[0].splitlines() if ":" in line)
        slug, save_as = header["Slug"].strip(), header.get("Save_as", "").strip()
        url = "/" if save_as == "index.html" else f"/{save_as}" if save_as else f"/{slug}/"
        if source.parent.name == "articles":
            url = f"/insights/{slug}/"
        quoted[url] = set(QUOTED.findall(text))
    return quoted


@pytest.fixture(scope="module")
def shifted(tmp_path_factory):
    """The real content with every figure moved, built: (output, its comparison)."""
    folder = tmp_path_factory.mktemp("shifted")
    content, comparison = shifted_content(folder / "content")
    build(folder / "output", content)
    return folder / "output", comparison


@pytest.fixture(scope="module")
def shipped():
    return load_comparison(CONTENT, shipped_roles())


def test_every_page_that_quotes_a_figure_shows_the_changed_figure(shifted, shipped):
    output, moved = shifted
    before, after = shipped.shortcodes(explanations()), moved.shortcodes(explanations())
    pages = texts_of(output)
    missing = [
        (url, name, after.lookup(name))
        for url, names in quoted_by_page().items()
        for name in names
        if after.lookup(name) not in pages[url]
    ]
    assert missing == [], "pages that do not show the figure they quote"
    changed = [
        name for names in quoted_by_page().values() for name in names if before.lookup(name) != after.lookup(name)
    ]
    assert len(changed) > 40, "the moved copy should change nearly every quoted figure"


def test_no_page_still_shows_a_role_figure_as_it_was_before_the_change(shifted, shipped):
    """A role's hours, length, fee or band, or a full-time hire's cost, that stayed the same when
    the figure moved was typed by hand (templates included)."""
    output, moved = shifted
    before, after = shipped.shortcodes(), moved.shortcodes()
    owners = (*shipped_roles().ids, "full-time-manager", "full-time-executive")
    # Whole figures only: one end of a range ("18 months") is also an axis label or part of another text.
    names = [name for name in before.names() if name.split(".")[0] in owners and not name.endswith((".min", ".max"))]
    stale = [
        (url, before.lookup(name))
        for url, text in texts_of(output).items()
        for name in names
        if before.lookup(name) != after.lookup(name) and before.lookup(name) in text
    ]
    assert stale == []


def test_no_page_types_a_role_figure_by_hand(shifted):
    output, moved = shifted
    made = figure_texts(moved)
    found = []
    for url, text in texts_of(output).items():
        for piece in made:
            text = text.replace(piece, " ")
        found += [(url, match.group(0)) for match in HAND_TYPED.finditer(text)]
    assert found == [], "write these as [[name]] (README, 'Figures in text')"


def test_the_scan_finds_a_figure_typed_by_hand(tmp_path):
    """The rule above can fail: the same check on a page with one hand-typed figure."""
    made = figure_texts(load_comparison(CONTENT, shipped_roles()))
    text = "A part-time manager works 8 to 20 hours a week, a day or two a week, for [[x]]."
    for piece in made:
        text = text.replace(piece, " ")
    assert [match.group(0) for match in HAND_TYPED.finditer(text)] == ["8 to 20 hours", "a day or two"]


def test_the_compare_page_says_how_each_figure_is_set(built_site, shipped):
    section = soup(built_site / "compare" / "index.html").find("section", class_="compare-basis")
    assert section.find("h2").get_text(strip=True) == "How these figures are set"
    shown = [(div.dt.get_text(" ", strip=True), div.dd.get_text(" ", strip=True)) for div in section.dl.find_all("div")]
    expected = [
        (f"{note.label}: {note.value}" if note.value else note.label, note.basis) for note in shipped.basis_notes
    ]
    assert shown == expected
    labels = " ".join(label for label, _ in shown)
    for row in shipped.rows:
        if row.figures:
            assert row.label in labels, f"no basis shown for {row.label}"
    for name in shipped.extra_figures:
        assert shipped.figure(name).label in labels


def test_the_chart_draws_the_tables_hours(built_site, shipped):
    page = soup(built_site / "compare" / "index.html")
    hours_row = page.find("tr", id="row-hours")
    cells = [cell.get_text(" ", strip=True) for cell in hours_row.find_all("td")]
    chart = page.find("svg", class_="chart")
    labels = [text.get_text() for text in chart.find_all("text", class_="chart-hours")]
    hours = next(row for row in shipped.rows if row.id == "hours")
    for role in shipped.roles:
        figure = hours.figures[role.id]
        assert any(cell.startswith(figure.text()) for cell in cells), role.id
        assert f"{figure.low:g}\u2013{figure.high:g} h/week" in labels, role.id
        assert f"{role.name}: {figure.text()}" in chart.find("desc").get_text(), role.id


def test_pricing_is_built_in_the_menu_and_linked_from_compare(built_site, shipped):
    pricing = soup(built_site / "pricing" / "index.html")
    assert pricing.find("h1").get_text(strip=True) == "How pricing works"
    headings = [h2.get_text(strip=True) for h2 in pricing.find("main").find_all("h2")]
    for heading in ("Three ways to start", "What the fee includes", "What it does not include"):
        assert heading in headings
    text = visible_text(pricing)
    for name in ("part-time.fee", "minimum-term", "notice-period", "assessment.fee", "full-time-manager.cost"):
        assert shipped.shortcodes().lookup(name) in text, name
    for page in ("index.html", "compare/index.html", "faq/index.html"):
        menu = soup(built_site / page).find("nav", attrs={"aria-label": "Main"})
        assert menu.find("a", href="/pricing/"), f"{page}: no 'How pricing works' in the menu"
    assert soup(built_site / "compare" / "index.html").find("main").find("a", href="/pricing/")


def test_templates_and_content_name_only_known_figures():
    """Every [[name]] in content and figure("...") in a template is one comparison.yaml knows."""
    known = set(load_comparison(CONTENT, shipped_roles()).shortcodes(explanations()).names())
    named = {name for names in quoted_by_page().values() for name in names}
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        named |= set(re.findall(r'figure\("([^"]+)"\)', template.read_text(encoding="utf-8")))
    assert named and named <= known, sorted(named - known)
