"""The proof model (sales_leadership/proof.py): what the shipped samples hold, and that bad files
fail with every problem named by file and field, in one pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from sales_leadership.errors import ContentError
from sales_leadership.proof import load_proof, sample_problems
from tests.support import CONTENT

ROLES = ["interim", "part-time", "fractional-cro", "fractional-cso"]
PARTNERS = ["denver", "chicago", "head-office"]

# 110-160 characters, as search results need (sales_leadership/descriptions.py)
GOOD_DESCRIPTION = (
    "How a part-time sales manager helped a family-owned distributor grow its sales in the first year, in a few lines."
)
GOOD_CASE = f"""Title: A good case study
Description: {GOOD_DESCRIPTION}
Role: part-time
Company: Family-owned distributor, 20 employees
Situation: The owner ran sales.
Results:
    +10%: revenue in the first year
    3 of 4: salespeople on target
Quote: It worked.
Quote-by: Owner
Partner: denver
Sample: no

### Month 1

What was done.
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(content: Path) -> set[tuple[str, str]]:
    with pytest.raises(ContentError) as failure:
        load_proof(content, ROLES, PARTNERS)
    return {(Path(problem.file).name, problem.field) for problem in failure.value.problems}


def test_the_shipped_samples_load_cover_every_role_and_are_marked_sample():
    proof = load_proof(CONTENT, ROLES)
    assert 3 <= len(proof.case_studies) <= 4
    assert 4 <= len(proof.testimonials) <= 6
    assert {study.role for study in proof.case_studies} == set(ROLES)
    assert all(item.sample for item in (*proof.case_studies, *proof.testimonials))
    for study in proof.case_studies:
        assert study.results and all(any(c.isdigit() for c in result.figure) for result in study.results)
        assert study.quote and study.quote_by and "<p>" in study.body_html
    assert len(proof.samples) == len(proof.case_studies) + len(proof.testimonials)


def test_a_good_file_loads_into_the_model(tmp_path):
    write(tmp_path / "case-studies", "good-case.md", GOOD_CASE)
    write(tmp_path / "testimonials", "owner.md", "Quote-by: Owner\nCompany: Printer\nPartner: denver\n\nGreat help.\n")
    proof = load_proof(tmp_path, ROLES, PARTNERS)
    (study,) = proof.case_studies
    assert study.url == "/case-studies/good-case/" and study.partner == "denver" and not study.sample
    expected = [("+10%", "revenue in the first year"), ("3 of 4", "salespeople on target")]
    assert [(result.figure, result.label) for result in study.results] == expected
    assert proof.testimonials_for_partner("denver")[0].quote == "Great help."
    assert proof.samples == [] and sample_problems(proof) == []


def test_every_problem_in_every_file_is_named_by_file_and_field(tmp_path):
    cases, quotes = tmp_path / "case-studies", tmp_path / "testimonials"
    write(
        cases,
        "bad-case.md",
        "Title: Bad\nDescription: " + "x" * 170 + "\nRole: cro\nSituation: s\n"
        "Results:\n    many: more revenue\n    no colon here\nQuote: Quoted\nSample: maybe\nColour: red\n\nBody.\n",
    )
    write(cases, "Bad_Name.md", GOOD_CASE)
    write(cases, "empty-body.md", GOOD_CASE.split("### Month 1")[0].replace("Quote: It worked.\n", ""))
    write(quotes, "long.md", "Quote-by: Owner\nCompany: Shop\nPartner: nobody\nRole: ceo\n\n" + "word " * 80)
    write(quotes, "anonymous.md", "Company: Shop\n\nNice.\n")
    write(quotes, "no-header.md", "Just a quote, no header.\n")
    assert problems_of(tmp_path) >= {
        ("bad-case.md", "Description"),  # too long for search results
        ("bad-case.md", "Role"),  # unknown role id
        ("bad-case.md", "Company"),  # missing
        ("bad-case.md", "Results"),  # a figure without a number, and a line without "figure: what"
        ("bad-case.md", "Quote-by"),  # a quote needs its speaker
        ("bad-case.md", "Sample"),  # yes or no
        ("bad-case.md", "colour"),  # unknown field
        ("Bad_Name.md", "file name"),
        ("empty-body.md", "body"),
        ("empty-body.md", "Quote"),  # Quote-by without a quote
        ("long.md", "body"),  # not a short quote
        ("long.md", "Partner"),  # no such partner
        ("long.md", "Role"),
        ("anonymous.md", "Quote-by"),
        ("no-header.md", "metadata header"),
    }


def test_messages_say_what_to_write(tmp_path):
    write(tmp_path / "case-studies", "case.md", GOOD_CASE.replace("Role: part-time", "Role: cro"))
    with pytest.raises(ContentError) as failure:
        load_proof(tmp_path, ROLES, PARTNERS)
    (problem,) = failure.value.problems
    assert problem.file.endswith("case-studies/case.md") and problem.field == "Role"
    assert "interim, part-time, fractional-cro, fractional-cso" in problem.message


def test_sample_problems_list_every_sample_file():
    proof = load_proof(CONTENT, ROLES)
    problems = sample_problems(proof)
    assert [problem.file for problem in problems] == proof.samples
    assert all(problem.field == "Sample" and "replace" in problem.message for problem in problems)


def test_a_case_study_keeps_its_headings_below_the_pages_own_sections(tmp_path):
    write(tmp_path / "case-studies", "case.md", GOOD_CASE.replace("### Month 1", "## Month 1\n\n# The end"))
    with pytest.raises(ContentError) as failure:
        load_proof(tmp_path, ROLES, PARTNERS)
    assert [(problem.field, problem.message) for problem in failure.value.problems] == [
        ("body", "'## Month 1': start headings at '###' (the page's own sections are the '##' level)"),
        ("body", "'# The end': start headings at '###' (the page's own sections are the '##' level)"),
    ]


def test_a_case_study_description_fits_search_results(tmp_path):
    description = GOOD_CASE.split("\n")[1]
    write(tmp_path / "case-studies", "case.md", GOOD_CASE.replace(description, "Description: Too short."))
    with pytest.raises(ContentError) as failure:
        load_proof(tmp_path, ROLES, PARTNERS)
    assert [(problem.field, problem.message) for problem in failure.value.problems] == [
        ("Description", "10 characters; write 110-160, as much as search results show")
    ]
