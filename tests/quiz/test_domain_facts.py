"""The quiz, the comparison chart and the home page tell the same facts.

The founding facts put part-time managers and fractional CROs and CSOs in one band (2-12
salespeople, $1M-$15M); the seat on the leadership team and marketing oversight separate them.
The quiz's rules hold that on every answer set (test_invariants.py); here the comparison data
says the same, and the site's "up to N questions" is the quiz's own count.
"""

from __future__ import annotations

import pytest

from sales_leadership.comparison import load_comparison
from tests.quiz.support import shipped_quiz, shipped_roles
from tests.support import CONTENT, build, copy_content, soup

BAND = ("part-time", "fractional-cro", "fractional-cso")


@pytest.fixture(scope="module")
def comparison():
    return load_comparison(CONTENT, shipped_roles())


@pytest.fixture(scope="module")
def rows(comparison):
    return {row.id: row.values for row in comparison.rows}


def test_part_time_cro_and_cso_serve_the_same_band(comparison):
    for role in BAND:
        salespeople, revenue = comparison.figure(f"{role}.salespeople"), comparison.figure(f"{role}.revenue")
        assert (salespeople.low, salespeople.high) == (2, 12), role
        assert (revenue.low, revenue.high) == (1_000_000, 15_000_000), role
    interim = comparison.figure("interim.salespeople")
    assert interim.low > 12 and interim.high is None, "interim: the larger companies"


def test_the_seat_and_marketing_are_what_separate_them(rows):
    seat, marketing = rows["leadership_seat"], rows["marketing"]
    assert seat["part-time"].startswith("No") and seat["fractional-cro"].startswith("Yes")
    assert seat["fractional-cso"].startswith("Yes")
    assert marketing["fractional-cro"].startswith(("Yes", "Usually yes")) and marketing["fractional-cso"].startswith(
        "No"
    )
    assert marketing["part-time"].startswith("No")


def test_the_home_page_counts_the_questions_the_quiz_asks(built_site, tmp_path):
    sentence = soup(built_site / "index.html").find("h2", id="start-heading").find_next("p").get_text()
    assert f"Answer up to {shipped_quiz().most_questions_in_words} short questions" in sentence
    # One more question in the quiz, and the home page says so without anyone touching it.
    content = copy_content(tmp_path / "content")
    quiz_file = content / "quiz" / "role-selector.yaml"
    quiz_file.write_text(
        quiz_file.read_text().replace(
            "\noutcomes:\n",
            "\n  - id: region\n    text: Where do you sell?\n    options:\n"
            "      - {id: local, label: Locally}\n      - {id: wide, label: Nationwide}\n\noutcomes:\n",
            1,
        )
    )
    build(tmp_path / "output", content)
    sentence = soup(tmp_path / "output" / "index.html").find("h2", id="start-heading").find_next("p").get_text()
    assert "Answer up to nine short questions" in sentence
    quiz_page = soup(tmp_path / "output" / "quiz" / "index.html")
    assert quiz_page.find("p", class_="lead").get_text().startswith("Up to nine quick questions")
