"""/quiz/ as built: the markup contract of docs/design.md, readable without JavaScript, small."""

from __future__ import annotations

import json

import pytest

from tests.quiz.support import OUTCOMES, shipped_quiz
from tests.support import asset_file, asset_src, soup

QUIZ_ASSETS = ("quiz.css", "role-quiz.mjs", "scoring.mjs")
JS_BUDGET = 8000  # bytes, unminified: "under 8 KB" read strictly


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
    assert contact == [f"/contact/?role={outcome}" for outcome in OUTCOMES]


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
    files = [asset_file(built_site, f"plugins/role_quiz/static/{name}") for name in ("role-quiz.mjs", "scoring.mjs")]
    total = sum(path.stat().st_size for path in files)
    assert total < JS_BUDGET, f"quiz JavaScript is {total} bytes, over the 8 KB budget"
    text = files[0].read_text()
    assert 'import { asked, score } from "./scoring.mjs";' in text
    assert "document" not in files[1].read_text(), "scoring.mjs must stay free of DOM code"


def test_the_page_is_well_under_50_kb_with_its_css_and_js(published_site):
    """Measured on the publish build, what visitors download (docs/quality-gates.md, "Weight"):
    the development build keeps comments and indentation on purpose."""
    output = published_site
    parts = [
        output / "quiz" / "index.html",
        asset_file(output, "theme/static/css/site.css"),
        *(
            asset_file(output, f"plugins/role_quiz/static/{name}")
            for name in ("quiz.css", "role-quiz.mjs", "scoring.mjs")
        ),
    ]
    linked = [link["href"].rsplit("/", 1)[-1] for link in soup(parts[0]).find_all("link", rel="stylesheet")]
    assert sorted(linked) == ["quiz.css", "site.css"], "the parts measured are the stylesheets the page links"
    total = sum(path.stat().st_size for path in parts)
    assert total < 50 * 1024, total


def test_the_quiz_page_is_in_the_sitemap(built_site):
    assert "/quiz/</loc>" in (built_site / "sitemap.xml").read_text()
