"""How a figure reads, and what `[[name]]` accepts (sales_leadership.figures)."""

from __future__ import annotations

import pytest
from markupsafe import escape

from sales_leadership.figures import Figure, Shortcodes


def figure(name="part-time.hours", low=8.0, high=16.0, unit="hours a week", note=""):
    return Figure(name, "label", low, high, unit, "network policy", note)


@pytest.mark.parametrize(
    ("made", "variant", "text"),
    [
        (figure(), "", "8-16 hours a week"),
        (figure(), "days", "1-2 days a week"),
        (figure(low=12, high=24), "days", "1.5-3 days a week"),
        (figure(low=8, high=8), "days", "1 day a week"),
        (figure(low=40, high=50), "days", "full-time"),
        (figure(), "min", "8 hours a week"),
        (figure(), "max", "16 hours a week"),
        (figure(low=1, high=1, unit="hours a week"), "", "1 hour a week"),
        (figure(low=13, high=None, unit="salespeople"), "", "13 or more salespeople"),
        (figure(low=None, high=12, unit="salespeople"), "", "up to 12 salespeople"),
        (figure(low=3, high=3, unit="months"), "", "three months"),
        (figure(low=1, high=1, unit="business days"), "", "one business day"),
        (figure(low=30, high=30, unit="days"), "", "30 days"),
        (figure(low=2, high=6, unit="weeks"), "", "2-6 weeks"),
        (figure(low=20, high=30, unit="percent"), "", "20-30%"),
        (figure(low=1_000_000, high=15_000_000, unit="dollars"), "", "$1M-$15M"),
        (figure(low=1_500_000, high=None, unit="dollars"), "", "$1.5M or more"),
        (figure(low=3000, high=8000, unit="dollars a month"), "", "$3,000-$8,000 a month"),
        (figure(low=3000, high=8000, unit="dollars a month"), "year", "$36,000-$96,000 a year"),
        (figure(low=150_000, high=200_000, unit="dollars a year"), "month", "$12,500-$16,700 a month"),
    ],
)
def test_a_figure_reads_as_a_visitor_expects(made, variant, text):
    assert made.text(variant) == text


def test_the_table_cell_adds_the_days_and_the_note():
    assert figure().cell() == "8-16 hours a week (1-2 days)"
    assert (
        figure(unit="salespeople", low=2, high=12, note="sometimes more").cell() == "2-12 salespeople (sometimes more)"
    )


@pytest.fixture
def shortcodes():
    return Shortcodes(
        {
            "part-time.hours": figure(),
            "interim.salespeople": figure("interim.salespeople", 13, None, "salespeople"),
            "part-time.fee": figure("part-time.fee", 3000, 8000, "dollars a month"),
        },
        {"routing": "Inquiries go to the partner who covers them."},
        source="content/data/comparison.yaml",
    )


def test_fill_replaces_figures_variants_and_texts(shortcodes):
    text, problems = shortcodes.fill(
        "Works [[part-time.hours]] ([[part-time.hours.days]]) for [[part-time.fee.year]]. [[ routing ]]", "f.md", ""
    )
    assert problems == []
    assert text == (
        "Works 8-16 hours a week (1-2 days a week) for $36,000-$96,000 a year. "
        "Inquiries go to the partner who covers them."
    )


def test_every_unknown_or_misused_name_is_a_problem_naming_the_file_and_the_shortcode(shortcodes):
    text = "[[part-time.hourz]] [[interim.salespeople.max]] [[part-time.hours.year]] [[Part time hours]] [[nothing]]"
    filled, problems = shortcodes.fill(text, "content/pages/faq.md", "Description")
    assert filled == text, "an unknown name is left as typed, never replaced by a guess"
    assert [str(problem) for problem in problems] == [
        "content/pages/faq.md: Description: [[part-time.hourz]]: unknown figure; did you mean [[part-time.hours]]? "
        "(the figures are in content/data/comparison.yaml)",
        "content/pages/faq.md: Description: [[interim.salespeople.max]]: "
        "'.max': [[interim.salespeople]] has no maximum",
        "content/pages/faq.md: Description: [[part-time.hours.year]]: '.year' (a monthly amount over a year (x 12)) "
        "works only for figures in dollars a month",
        "content/pages/faq.md: Description: [[Part time hours]]: 'Part time hours' is not a figure name "
        "(lower-case words joined by '-' and '.')",
        "content/pages/faq.md: Description: [[nothing]]: "
        "unknown figure (the figures are in content/data/comparison.yaml)",
    ]


def test_filled_html_is_escaped():
    codes = Shortcodes({}, {"routing": "A & B <go>"})
    assert codes.fill("<p>[[routing]]</p>", "f", "", escape=escape)[0] == "<p>A &amp; B &lt;go&gt;</p>"


def test_names_lists_each_figure_with_the_variants_that_apply(shortcodes):
    names = shortcodes.names()
    assert {"part-time.hours", "part-time.hours.days", "part-time.hours.min", "part-time.fee.year"} <= set(names)
    assert "interim.salespeople.max" not in names and "part-time.hours.year" not in names
    with pytest.raises(ValueError, match="routing"):
        Shortcodes({"routing": figure("routing")}, {"routing": "twice"})
