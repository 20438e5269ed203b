"""The quiz in Chromium, as an owner on a phone takes it: keyboard, mouse, Back, sharing, axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.axe import assert_no_axe_violations
from tests.quiz.support import PROFILES, shipped_quiz

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def quiz_page(page, site_url):
    """The quiz on a phone, collecting console errors (a CSP violation is one) and quiz events."""
    problems = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/quiz/")
    page.evaluate(
        """() => {
        window.quizEvents = [];
        for (const name of ["quiz:start", "quiz:step", "quiz:complete"])
          document.addEventListener(name, (e) => window.quizEvents.push([name, e.detail]));
    }"""
    )
    yield page
    assert problems == []


def visible_question(page) -> str:
    return page.locator("[data-quiz-step]:visible").get_attribute("data-quiz-step")


def answer_by_mouse(page, question: str, option: str) -> None:
    assert visible_question(page) == question
    page.locator(f"label[for='q-{question}-{option}']").click()
    page.get_by_role("button", name="Continue").click()


def answer_by_keyboard(page, question: str, option: str) -> None:
    """Tab into the radio group, Space, arrow keys to the option, Tab to Continue, Enter."""
    assert visible_question(page) == question
    for _ in range(30):
        if page.evaluate("document.activeElement.name") == question:
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"Tab never reached the answers to {question}")
    options = [o.id for o in shipped_quiz().question(question).options]
    page.keyboard.press("Space")
    for _ in range(options.index(option)):
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == option
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Continue"
    page.keyboard.press("Enter")


def complete(page, answers: dict, answer=answer_by_mouse) -> None:
    for question, option in answers.items():
        answer(page, question, option)
    expect(page.locator("[data-quiz-result]")).to_be_visible()


def focused_text(page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


@pytest.mark.parametrize("outcome", list(PROFILES))
def test_complete_the_quiz_by_keyboard_alone(quiz_page, outcome):
    page = quiz_page
    complete(page, PROFILES[outcome], answer=answer_by_keyboard)
    assert page.locator("[data-quiz-result]").get_attribute("data-outcome") == outcome
    assert focused_text(page).startswith("Your best fit:"), "focus moves to the result's heading"
    # From the result, the keyboard reaches the contact link: Tab until it is focused, then Enter.
    for _ in range(10):
        if page.evaluate("document.activeElement.dataset.quizContact !== undefined"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/contact/?role={outcome}")


def test_complete_the_quiz_by_mouse(quiz_page):
    page = quiz_page
    complete(page, PROFILES["part-time"])
    result = page.locator("[data-quiz-result]")
    assert result.get_attribute("data-outcome") == "part-time"
    panel = page.locator("[data-quiz-outcome]:visible")
    expect(panel.locator("h2")).to_have_text("Your best fit: Part-time / Outsourced Sales Manager")
    expect(panel.locator("[data-quiz-why]")).to_have_text(
        re.compile(r"^We suggest it because you have 2-12 salespeople, .+ and .+\.$")
    )
    # A bar and a percentage for every role, best first, widths following the numbers.
    bars = page.locator("[data-quiz-bar]")
    assert bars.evaluate_all("els => els.map(e => e.dataset.quizBar)")[0] == "part-time"
    percents = [int(t.split("%")[0]) for t in page.locator("[data-quiz-percent]").all_inner_texts()]
    assert len(percents) == 4 and percents == sorted(percents, reverse=True) and percents[0] > percents[1]
    widths = page.locator(".quiz-bar-fill").evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
    assert widths == sorted(widths, reverse=True) and widths[0] > 0
    runner_up = page.locator("[data-quiz-runner-up] a")
    expect(runner_up).to_have_text("Fractional CSO")
    assert runner_up.get_attribute("href") == "/roles/fractional-cso/"
    # The review list shows the answers given, and only the questions that were asked.
    review = page.locator("[data-quiz-review]:visible")
    assert review.count() == len(PROFILES["part-time"])
    expect(page.locator("[data-quiz-review='team_size'] dd").first).to_have_text("2 to 12")
    expect(page.locator("[data-quiz-review='marketing']")).to_be_hidden()
    events = [name for name, _ in page.evaluate("window.quizEvents")]
    assert events[0] == "quiz:start" and events.count("quiz:complete") == 1
    assert events.count("quiz:step") == len(PROFILES["part-time"]) - 1
    detail = page.evaluate("window.quizEvents.at(-1)[1]")
    assert detail["outcome"] == "part-time" and len(detail["ranking"]) == 4


def test_progress_and_live_region_follow_the_steps(quiz_page):
    page = quiz_page
    expect(page.locator("[data-quiz-count]")).to_have_text("Question 1 of 7")
    expect(page.get_by_role("button", name="Back")).to_be_hidden()
    answer_by_mouse(page, "team_size", "small")
    expect(page.locator("[data-quiz-count]")).to_have_text("Question 2 of 7")
    assert page.locator("[data-quiz-progress]").evaluate("p => [p.value, p.max]") == [2, 7]
    expect(page.locator("[role=status]")).to_have_text("Question 2 of 7: What is your annual revenue?")
    assert focused_text(page) == "What is your annual revenue?"
    expect(page.locator(".quiz > .lead")).to_be_hidden()  # the intro gives way to the question on a phone
    for question in ("revenue", "leader_situation", "primary_need"):
        answer_by_mouse(page, question, shipped_quiz().question(question).options[0].id)
    # A leadership seat brings in the marketing question: now there are eight.
    answer_by_mouse(page, "leadership_seat", "yes")
    assert visible_question(page) == "marketing"
    expect(page.locator("[data-quiz-count]")).to_have_text("Question 6 of 8")


def test_continue_with_nothing_chosen_shows_an_error(quiz_page):
    page = quiz_page
    page.get_by_role("button", name="Continue").click()
    summary = page.locator("[data-quiz-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.locator("a")).to_have_text("Select how many salespeople you have")
    assert page.title().startswith("Error: ")
    fieldset = page.locator("[data-quiz-step='team_size'] fieldset")
    assert "q-team_size-error" in fieldset.get_attribute("aria-describedby")
    expect(page.locator("#q-team_size-error")).to_be_visible()
    summary.locator("a").click()
    assert page.evaluate("document.activeElement.id") == "q-team_size-solo"
    assert page.evaluate("history.state") == {"step": "team_size"}, "the error link adds no history entry"
    answer_by_mouse(page, "team_size", "mid")
    expect(summary).to_be_hidden()
    assert not page.title().startswith("Error: ")


def test_back_and_the_browser_back_restore_the_previous_question_with_its_answer(quiz_page):
    page = quiz_page
    answer_by_mouse(page, "team_size", "small")
    answer_by_mouse(page, "revenue", "1-15m")
    assert visible_question(page) == "leader_situation"
    page.get_by_role("button", name="Back").click()
    expect(page.locator("[data-quiz-step='revenue']")).to_be_visible()
    expect(page.locator("#q-revenue-1-15m")).to_be_checked()
    assert focused_text(page) == "What is your annual revenue?"
    page.go_back()
    expect(page.locator("[data-quiz-step='team_size']")).to_be_visible()
    expect(page.locator("#q-team_size-small")).to_be_checked()
    assert page.url.endswith("/quiz/"), "browser Back stays on the quiz page"
    page.go_forward()
    expect(page.locator("[data-quiz-step='revenue']")).to_be_visible()
    # Carry on to the result; browser Back from the result returns to the last question.
    for question, option in list(PROFILES["part-time"].items())[1:]:
        answer_by_mouse(page, question, option)
    page.go_back()
    expect(page.locator("[data-quiz-step='commitment']")).to_be_visible()
    expect(page.locator("#q-commitment-part-time")).to_be_checked()


def test_change_an_answer_from_the_result(quiz_page):
    page = quiz_page
    complete(page, PROFILES["part-time"])
    page.locator("[data-quiz-change='leadership_seat']").click()
    assert visible_question(page) == "leadership_seat"
    expect(page.locator("#q-leadership_seat-no")).to_be_checked()
    answer_by_mouse(page, "leadership_seat", "yes")
    # The newly asked question comes next, then straight back to the result.
    answer_by_mouse(page, "marketing", "yes")
    expect(page.locator("[data-quiz-result]")).to_be_visible()
    expect(page.locator("[data-quiz-review='marketing'] dd").first).to_have_text("Yes, sales and marketing together")


def test_the_shareable_url_reproduces_the_result(quiz_page, browser, site_url):
    page = quiz_page
    complete(page, PROFILES["fractional-cso"])
    share = page.locator("[data-quiz-share]").get_attribute("href")
    assert share == page.url, "the address bar is the shareable URL too"
    assert share.startswith(site_url + "/quiz/?team_size=mid&")
    shown = page.locator("[data-quiz-bars]").inner_text()
    other = browser.new_page()
    other.goto(share)
    result = other.locator("[data-quiz-result]")
    expect(result).to_be_visible()
    assert result.get_attribute("data-outcome") == "fractional-cso"
    assert other.locator("[data-quiz-bars]").inner_text() == shown
    expect(other.locator("[data-quiz-review='marketing'] dd").first).to_have_text(
        "No, marketing is in good hands or not a priority"
    )
    # Start again clears the answers and returns to the first question at /quiz/.
    other.get_by_role("button", name="Start again").click()
    assert other.locator("[data-quiz-step]:visible").get_attribute("data-quiz-step") == "team_size"
    assert other.url == site_url + "/quiz/"
    assert other.locator("input:checked").count() == 0
    other.close()


def test_a_partial_url_starts_at_the_first_unanswered_question(page, site_url):
    page.goto(site_url + "/quiz/?team_size=small&revenue=nonsense")
    expect(page.locator("[data-quiz-step='revenue']")).to_be_visible()
    expect(page.locator("#q-team_size-small")).to_be_checked()


def test_the_result_contact_link_carries_the_role(quiz_page):
    page = quiz_page
    complete(page, PROFILES["interim"])
    link = page.locator("[data-quiz-outcome]:visible [data-quiz-contact]")
    assert link.get_attribute("href") == "/contact/?role=interim"
    link.click()
    page.wait_for_url("**/contact/?role=interim")


def test_without_javascript_every_question_reads_and_the_note_explains(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "/quiz/")
    assert page.locator("fieldset:visible").count() == len(shipped_quiz().questions)
    expect(page.locator("[data-quiz-nojs]").first).to_be_visible()
    expect(page.get_by_role("link", name="Compare the four options side by side")).to_be_visible()
    expect(page.get_by_role("button", name="Continue")).to_be_hidden()
    expect(page.locator("[data-quiz-result]")).to_be_hidden()
    context.close()


@pytest.fixture
def axe_page(browser, site_url):
    """axe-core is injected as a script, which the page's CSP would rightly refuse."""
    context = browser.new_context(bypass_csp=True, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "/quiz/")
    yield page
    context.close()


def test_axe_finds_nothing_on_a_question_step(axe_page):
    answer_by_mouse(axe_page, "team_size", "small")
    assert_no_axe_violations(axe_page, "quiz")


def test_axe_finds_nothing_on_the_error_state(axe_page):
    axe_page.get_by_role("button", name="Continue").click()
    expect(axe_page.locator("[data-quiz-error-summary]")).to_be_visible()
    assert_no_axe_violations(axe_page, "quiz")


def test_axe_finds_nothing_on_the_result(axe_page):
    complete(axe_page, PROFILES["fractional-cro"])
    assert_no_axe_violations(axe_page, "quiz")


def test_targets_are_at_least_44px(quiz_page):
    page = quiz_page
    heights = page.locator(
        "[data-quiz-step]:visible label, [data-quiz-step]:visible input, [data-quiz-next]"
    ).evaluate_all("els => els.map(e => [e.id || e.textContent.trim(), e.getBoundingClientRect().height])")
    small = [(name, h) for name, h in heights if h < 24 or (not name.startswith("q-") and h < 44)]
    assert small == []


def test_no_horizontal_scroll_on_a_phone(quiz_page):
    page = quiz_page
    complete(page, PROFILES["fractional-cro"])
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
