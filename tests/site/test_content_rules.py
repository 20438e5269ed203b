"""Every rule the README gives editors fails the build with the file, the field and what to do.

Each test works as an editor does: it edits a copy of the real content, builds it, and
reads the exact lines the build prints (docs/content-rules.md lists the rules and where
each is checked). `test_invoke_build_prints_the_problem_without_a_traceback` runs the
editor's own command in a terminal.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sales_leadership.comparison import load_comparison
from sales_leadership.files import display_path
from sales_leadership.partners.routing import explanations
from sales_leadership.roles import load_roles
from site_guard.build import NOT_BUILT, BuildFailed
from tests.support import PUBLISH_SETTINGS, ROOT, SETTINGS, build, copy_content

ABOUT = "pages/about.md"
ARTICLE = "articles/cost-of-a-bad-sales-hire.md"


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path / "content")


def problems_after_build(content: Path, tmp_path: Path, settings: Path = SETTINGS) -> list[str]:
    """The lines an editor reads under 'The site was not built, because:'."""
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content, settings)
    message = str(failure.value)
    assert message.startswith(NOT_BUILT), message
    return [line.strip() for line in message.splitlines()[1:]]


def at(content: Path, relative: str) -> str:
    """A content file as the build names it."""
    return display_path(content / relative)


def edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_field(content: Path, relative: str, key: str, value: str | None) -> None:
    """Change (or, with None, remove) one `Key: value` line of a file's metadata header."""
    path = content / relative
    text = path.read_text(encoding="utf-8")
    line = re.compile(rf"^{key}:.*\n", re.M)
    if line.search(text):
        text = line.sub("" if value is None else f"{key}: {value}\n", text, count=1)
    else:
        text = f"{key}: {value}\n" + text
    path.write_text(text, encoding="utf-8")


def copy_article(content: Path, name: str, **fields: str) -> str:
    """A second article made by copying the first, as an editor starts one; returns its path."""
    relative = f"articles/{name}.md"
    shutil.copy(content / ARTICLE, content / relative)
    for key, value in fields.items():
        set_field(content, relative, key, value)
    return relative


# --- one page at a time ---------------------------------------------------------------------


def test_a_description_shorter_than_110_characters(content, tmp_path):
    description = "Our network of local partners"
    assert len(description) == 29
    set_field(content, ABOUT, "Description", description)
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, ABOUT)}: Description: 29 characters; write 110-160, as much as search results show"
    ]


def test_a_description_longer_than_160_characters(content, tmp_path):
    description = "A network of experienced sales leaders " * 5
    set_field(content, ARTICLE, "Description", description.strip())
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, ARTICLE)}: Description: 194 characters; write 110-160: search results cut off the rest"
    ]


def test_a_description_is_counted_as_visitors_read_it_with_its_figures_filled(content, tmp_path):
    description = "Companies with [[part-time.revenue]] in revenue and [[part-time.salespeople]]."
    roles = load_roles(content)
    filled, unknown = load_comparison(content, roles).shortcodes(explanations()).fill(description, ABOUT, "")
    assert unknown == [] and len(filled) != len(description)
    set_field(content, ABOUT, "Description", description)
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, ABOUT)}: Description: {len(filled)} characters; write 110-160, as much as search results show"
    ]


def test_a_second_top_level_heading_in_a_page_body(content, tmp_path):
    (content / ABOUT).write_text((content / ABOUT).read_text() + "\n# Our story\n\nIt began in Denver.\n")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, ABOUT)}: body: '# Our story' is a second top-level heading; the page's only one is its "
        "Title, so start headings in the body at '##'"
    ]


def test_an_faq_question_written_as_a_level_3_heading(content, tmp_path):
    faq = content / "pages" / "faq.md"
    faq.write_text(faq.read_text() + "\n### Can we pause the engagement over the summer?\n\nYes, after three months.\n")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, 'pages/faq.md')}: heading 'Can we pause the engagement over the summer?': a question is a "
        "'## ' heading; written '### ', it would be read as part of the answer above it"
    ]


@pytest.mark.parametrize(("relative", "field"), [(ARTICLE, "Date"), (ABOUT, "Modified")])
def test_a_date_that_is_no_date_names_the_field_and_the_format(content, tmp_path, relative, field):
    set_field(content, relative, field, "2026-13-01")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, relative)}: {field}: '2026-13-01' is not a date; write it as year-month-day, e.g. 2026-12-01"
    ]


def test_an_article_without_a_date(content, tmp_path):
    set_field(content, ARTICLE, "Date", None)
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, ARTICLE)}: Date: missing; add a line 'Date: 2026-12-01' (the day it is published)"
    ]


def test_an_unknown_status(content, tmp_path):
    set_field(content, ABOUT, "Status", "hiden")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, ABOUT)}: Status: 'hiden' is not a status; write one of published, hidden, draft"
    ]


def test_links_are_written_from_the_root_with_a_trailing_slash(content, tmp_path):
    links = "See [the options](../compare/), [the quiz](/quiz) and [the FAQ](http://127.0.0.1:8000/faq/#cost)."
    (content / ABOUT).write_text((content / ABOUT).read_text() + f"\n{links}\n")
    about = at(content, ABOUT)
    assert problems_after_build(content, tmp_path) == [
        f"{about}: link '../compare/': write the address from the site's root: '/compare/'",
        f"{about}: link '/quiz': a page's address ends with '/': '/quiz/'",
        f"{about}: link 'http://127.0.0.1:8000/faq/#cost': write this site's own pages from the root: '/faq/#cost'",
    ]


# --- pages compared with each other ----------------------------------------------------------


def test_a_parent_that_names_no_page(content, tmp_path):
    role_page = "pages/roles/fractional-cro.md"
    set_field(content, role_page, "Parent", "compre")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, role_page)}: Parent: no page has the slug 'compre'; did you mean 'compare'?"
    ]


def test_a_field_written_twice(content, tmp_path):
    """An editor adds a new line above the old one; Pelican would keep both as a list."""
    role_page = "pages/roles/fractional-cro.md"
    edit(content, role_page, "Parent: compare\n", "Parent: about\nParent: compare\n")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, role_page)}: Parent: written 2 times in the metadata header; keep one line"
    ]


def test_a_category_spelled_in_another_case(content, tmp_path):
    article = "articles/sales-process-your-team-will-use.md"
    other = at(content, "articles/part-time-sales-manager-first-90-days.md")
    set_field(content, article, "Category", "Sales Management")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, article)}: Category: 'Sales Management' here, 'Sales management' in {other}: one category "
        "(/insights/category/sales-management/) needs one spelling; write it the same way in both"
    ]


def test_a_tag_spelled_in_another_case(content, tmp_path):
    article = "articles/sales-process-your-team-will-use.md"
    other = at(content, "articles/part-time-sales-manager-first-90-days.md")
    set_field(content, article, "Tags", "Sales Process, CRM, coaching")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, article)}: Tags: 'Sales Process' here, 'sales process' in {other}: one tag "
        "(/insights/tag/sales-process/) needs one spelling; write it the same way in both"
    ]


def test_two_articles_with_one_slug(content, tmp_path):
    copy = copy_article(
        content,
        "copy",
        Title="A second look at bad sales hires",
        Description="A second look at what a bad sales leader hire costs, where the costs hide and how interim "
        "or part-time cover helps.",
    )
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, ARTICLE)}: Slug: 'cost-of-a-bad-sales-hire' is also the slug of {at(content, copy)} (both "
        "would be /insights/cost-of-a-bad-sales-hire/); give one of them a 'Slug: ...' of its own"
    ]


def test_a_page_whose_slug_takes_an_address_the_site_uses(content, tmp_path):
    set_field(content, ABOUT, "Slug", "quiz")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, ABOUT)}: Slug: its address /quiz/ is already taken by a page the site makes itself; "
        "give this page another 'Slug: ...'"
    ]


def test_two_pages_with_one_title(content, tmp_path):
    copy = copy_article(
        content,
        "copy",
        Slug="copy",
        Description="A second look at what a bad sales leader hire costs, where the costs hide and how interim "
        "or part-time cover helps.",
    )
    title = "The real cost of a bad sales hire (and how interim cover helps)"
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, ARTICLE)}: Title: {title!r} is also the title of {at(content, copy)}; give each page its own "
        "(browser tabs and search results show it)"
    ]


def test_two_pages_with_one_description(content, tmp_path):
    copy = copy_article(content, "copy", Slug="copy", Title="A second look at bad sales hires")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, ARTICLE)}: Description: the same as on {at(content, copy)}; give each page its own "
        "(search results show it under the title)"
    ]


# --- partners, case studies, YAML ------------------------------------------------------------


def test_a_partner_without_territory(content, tmp_path):
    set_field(content, "partners/denver.md", "States", None)
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, 'partners/denver.md')}: States: no territory: list the states (States: CO, WY) or ZIP "
        "prefixes (Zip-prefixes: 802) this partner answers; without either, no inquiry ever reaches them"
    ]


def test_a_partner_with_another_partners_email(content, tmp_path):
    set_field(content, "partners/denver.md", "Email", "Marcus.Bell@example.com")
    boston = at(content, "partners/boston.md")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, 'partners/denver.md')}: Email: Marcus.Bell@example.com is also the e-mail of {boston}; "
        "each partner needs their own (inquiries and reminders go there)"
    ]


def test_a_publish_build_for_a_real_address_lists_sample_partners_and_example_addresses(content, tmp_path, monkeypatch):
    """Partners made from the samples: one still marked `Sample: yes`, one with a real address,
    and the rest marked real but still at example.com (inquiries sent there are lost)."""
    for folder in ("case-studies", "testimonials", "partners"):
        for path in (content / folder).glob("*.md"):
            path.write_text(path.read_text().replace("Sample: yes", "Sample: no"))
    set_field(content, "partners/atlanta.md", "Sample", "yes")
    real = "hannah.cho@seattle-sales-leadership.com"
    set_field(content, "partners/seattle.md", "Email", real)
    monkeypatch.setenv("SITE_ORIGIN", "https://www.your-domain.com")
    problems = problems_after_build(content, tmp_path, PUBLISH_SETTINGS)
    at_example = sorted(
        path for path in (content / "partners").glob("*.md") if path.name not in ("atlanta.md", "seattle.md")
    )
    assert len(at_example) == 7
    assert sorted(problems) == sorted(
        [
            f"{at(content, 'partners/atlanta.md')}: Sample: sample partner; replace this file with a real partner's "
            "details (or delete it) before publishing",
            *(
                f"{display_path(path)}: Email: {re.search(r'^Email: (.*)$', path.read_text(), re.M).group(1)} is an "
                "example address (it receives no mail, so inquiries sent there are lost); write the partner's real "
                "e-mail before publishing"
                for path in at_example
            ),
        ]
    )


def test_a_case_study_heading_above_level_3(content, tmp_path):
    study = "case-studies/hvac-distributor.md"
    edit(content, study, "\n### ", "\n## ")
    heading = re.search(r"^## (.*)$", (content / study).read_text(), re.M).group(1)
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, study)}: body: '## {heading}': start headings at '###' (the page's own sections are the "
        "'##' level)"
    ]


def test_yaml_indentation_names_the_line_in_plain_words(content, tmp_path):
    quiz = "quiz/role-selector.yaml"
    lines = (content / quiz).read_text().splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("    text:"))
    lines[number] = " " + lines[number]
    (content / quiz).write_text("\n".join(lines) + "\n")
    assert problems_after_build(content, tmp_path) == [
        f"{at(content, quiz)}: line {number + 1}: the indentation does not line up with the lines above; "
        "each level is two spaces"
    ]


def test_every_problem_is_reported_in_one_build(content, tmp_path):
    set_field(content, ABOUT, "Description", "Our network of local partners")
    set_field(content, "pages/roles/fractional-cro.md", "Parent", "compre")
    set_field(content, "articles/sales-process-your-team-will-use.md", "Category", "Sales Management")
    problems = problems_after_build(content, tmp_path)
    assert [problem.split(": ")[1] for problem in problems] == ["Description", "Parent", "Category"]


def test_invoke_build_prints_the_problem_without_a_traceback(tmp_path):
    """The editor's command in a terminal: the problem in the site's words, exit status 1, no traceback."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, project / name)
    for name in ("theme", "plugins", "sales_leadership", "tools"):
        (project / name).symlink_to(ROOT / name)
    content = copy_content(project / "content")
    copy_article(content, "copy", Title="A second look at bad sales hires")
    invoke = Path(sys.executable).with_name("invoke")
    environment = {**os.environ, "COLUMNS": "200"}
    run = subprocess.run(
        [str(invoke), "build"], cwd=project, capture_output=True, text=True, timeout=300, env=environment
    )
    terminal = run.stdout + run.stderr
    assert run.returncode == 1, terminal
    assert "Traceback" not in terminal and "FileOverwriteFailedError" not in terminal, terminal
    assert (
        "The site was not built, because:\n"
        "  content/articles/cost-of-a-bad-sales-hire.md: Slug: 'cost-of-a-bad-sales-hire' is also the slug of "
        "content/articles/copy.md (both would be /insights/cost-of-a-bad-sales-hire/); "
        "give one of them a 'Slug: ...' of its own"
    ) in terminal, terminal
