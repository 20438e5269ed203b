"""plugins/figures in a real build: an editor's mistake with [[name]] stops the build, naming the
file, the line or field, and the name, as the editor would read it in the terminal."""

from __future__ import annotations

import pytest

from sales_leadership.comparison import load_comparison
from sales_leadership.roles import load_roles
from site_guard.build import BuildFailed
from tests.support import build, copy_content, soup


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path / "content")


def build_error(content, tmp_path) -> str:
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content)
    return str(failure.value)


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_unknown_names_in_pages_and_articles_are_all_reported_with_file_line_and_name(content, tmp_path):
    faq = content / "pages" / "faq.md"
    faq.write_text(faq.read_text().replace("[[part-time.hours]]", "[[part-time.hourz]]", 1))
    about = content / "pages" / "about.md"
    about.write_text(about.read_text().replace("Description: ", "Description: [[minimum-trem]] ", 1))
    article = content / "articles" / "outgrown-owner-led-selling.md"
    article.write_text(article.read_text() + "\nA retainer costs [[part-time.retainer]] a month.\n")
    message = build_error(content, tmp_path)
    assert message.startswith("The site was not built, because:")
    assert (
        f"pages/faq.md: line {line_of(faq, '[[part-time.hourz]]')}: [[part-time.hourz]]: unknown figure; "
        "did you mean [[part-time.hours]]? (the figures are in " in message
    )
    assert "pages/about.md: Description: [[minimum-trem]]: unknown figure; did you mean [[minimum-term]]?" in message
    assert (
        f"articles/outgrown-owner-led-selling.md: line {line_of(article, '[[part-time.retainer]]')}: "
        "[[part-time.retainer]]: unknown figure" in message
    )
    assert "Traceback" not in message


def test_an_unknown_name_in_a_partner_bio_names_the_partner_file(content, tmp_path):
    bio = content / "partners" / "denver.md"
    bio.write_text(bio.read_text() + "\nDana works [[part-time.hours.weekly]].\n")
    message = build_error(content, tmp_path)
    assert (
        f"partners/denver.md: line {line_of(bio, '[[part-time.hours.weekly]]')}: [[part-time.hours.weekly]]: "
        "unknown figure" in message
    )


def test_a_name_typed_where_nothing_fills_it_names_the_page(content, tmp_path):
    """The quiz's YAML is not filled: the build says so instead of shipping '[[...]]'."""
    quiz = content / "quiz" / "role-selector.yaml"
    quiz.write_text(quiz.read_text().replace("for part of the week who", "for [[part-time.hours]] who", 1))
    message = build_error(content, tmp_path)
    assert "output/quiz/index.html: [[part-time.hours]]: not filled: [[name]] works in pages, articles" in message


def test_a_figure_in_a_partner_bio_and_in_metadata_is_filled(content, tmp_path):
    bio = content / "partners" / "denver.md"
    bio.write_text(bio.read_text() + "\nDana usually works [[part-time.hours.days]].\n")
    build(tmp_path / "output", content)
    figures = load_comparison(content, load_roles(content)).shortcodes()
    profile = soup(tmp_path / "output" / "partners" / "denver" / "index.html")
    assert f"Dana usually works {figures.lookup('part-time.hours.days')}." in profile.find("main").get_text(" ")
    role_page = soup(tmp_path / "output" / "roles" / "part-time-sales-manager" / "index.html")
    description = role_page.find("meta", attrs={"name": "description"})["content"]
    assert figures.lookup("part-time.salespeople") in description and "[[" not in description
