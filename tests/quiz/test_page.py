"""/quiz/ as built: the markup contract of docs/design.md, readable without JavaScript, small."""

from __future__ import annotations

import json

import pytest
from minify_output.minify import minify_asset

from tests.quiz.support import OUTCOMES, ROLES, shipped_quiz
from tests.support import asset_file, asset_src, soup

JS_BUDGET = 8000  # bytes, minified as published: "under 8 KB" read strictly
QUIZ_SCRIPTS = ("role-quiz.mjs", "quiz-state.mjs", "quiz-result.mjs", "scoring.mjs")


@pytest.fixture(scope="module")
def page(built_site):
    return soup(built_site / "quiz" / "index.html")


def test_every_question_is_a_fieldset_of_radios_in_one_form(page):
    forms = page.find("main").find_all("form")
    assert len(forms) == 1
    form = forms[0]
    quiz = shipped_quiz()
    fieldsets = form.find_all("fieldset")
    assert len(fieldsets) == len(quiz.questions)
    for fieldset, question in zip(fieldsets, quiz.questions, strict=True):
        legend = fieldset.find("legend")
        assert legend.get_text(strip=True) == question.text
        radios = fieldset.find_all("input")
        assert all(radio["type"] == "radio" and radio["name"] == question.id for radio in radios)
        assert [radio["value"] for radio in radios] == [option.id for option in question.options]
        for radio, option in zip(radios, question.options, strict=True):
            label = fieldset.find("label", attrs={"for": radio["id"]})
            assert label.get_text(strip=True) == option.label
    submit = form.find("button", type="submit")
    assert submit is not None and form.find_all("button", type="submit") == [submit]


def test_the_result_hook_and_one_contact_link_per_outcome(page):
    result = page.find(attrs={"data-quiz-result": True})
    assert result is not None and result.has_attr("hidden")
    contact = [a["href"] for a in result.find_all("a", attrs={"data-quiz-contact": True})]
    # A role is pre-selected on the form; an answer that is none of the roles leaves "Not sure yet".
    assert contact == [f"/contact/?role={outcome}" for outcome in ROLES] + ["/contact/"] * (len(OUTCOMES) - len(ROLES))


def test_without_javascript_the_page_says_so_and_links_the_comparison_chart(page):
    note = page.find(attrs={"data-quiz-nojs": True})
    assert "JavaScript" in note.get_text()
    assert note.find("a", href="/compare/")
    # Nothing a reader needs is hidden in the HTML: only the step controls and the result are.
    assert not any(step.has_attr("hidden") for step in page.find_all(attrs={"data-quiz-step": True}))
    conditional = page.find(attrs={"data-quiz-step": "marketing"}).find(attrs={"data-quiz-nojs": True})
    assert "Asked only if you answered" in conditional.get_text(" ", strip=True)


def test_the_data_block_is_what_the_scorer_needs(page):
    blocks = page.find_all("script", attrs={"data-quiz-data": True})
    assert len(blocks) == 1 and blocks[0]["type"] == "application/json"
    assert json.loads(blocks[0].string) == shipped_quiz().as_data()


def test_one_module_script_and_no_inline_script(page, built_site):
    scripts = page.find_all("script")
    code = [s for s in scripts if s.get("type") not in ("application/json", "application/ld+json")]
    script = asset_src(built_site, "plugins/role_quiz/static/role-quiz.mjs")
    assert [(s.get("type"), s.get("src")) for s in code] == [("module", script)]
    assert all(not s.string or s.get("type") in ("application/json", "application/ld+json") for s in scripts)


def test_the_javascript_is_small_and_needs_no_build_step(built_site):
    """Under 8 KB as visitors download it (the publish build minifies it the same way); the page's
    whole weight is held to 50 KB by the weight gate (tests/quality/test_page_loads.py)."""
    files = {name: asset_file(built_site, f"plugins/role_quiz/static/{name}") for name in QUIZ_SCRIPTS}
    total = sum(len(minify_asset(path.read_text(), ".mjs").encode()) for path in files.values())
    assert total < JS_BUDGET, f"quiz JavaScript is {total} bytes minified, over the 8 KB budget"
    page_script = files["role-quiz.mjs"].read_text()
    assert 'from "./quiz-result.mjs";' in page_script and 'from "./quiz-state.mjs";' in page_script
    for pure in ("scoring.mjs", "quiz-state.mjs"):
        assert "document" not in files[pure].read_text(), f"{pure} must stay free of DOM code"


def test_the_quiz_page_is_in_the_sitemap(built_site):
    assert "/quiz/</loc>" in (built_site / "sitemap.xml").read_text()
