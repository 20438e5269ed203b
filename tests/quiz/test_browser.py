"""The quiz in Chromium, as an owner on a phone takes it: keyboard, mouse, reloads, Back and Forward,
the nav link, shared links, the result, printing, axe."""

from __future__ import annotations

import re
import time
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from sales_leadership.quiz.scoring import answer_sets, score
from tests.axe import assert_no_axe_violations
from tests.quiz.support import PROFILES, shipped_quiz

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
MOST = shipped_quiz().most_questions
FORM_ANSWERS = "Object.fromEntries(new FormData(document.querySelector('[data-quiz-form]')))"


def take_the_quiz_from_the_menu(page):
    """The main navigation's "Take the quiz", as a person on a phone reaches it: Menu first."""
    nav = page.get_by_role("navigation", name="Main")
    menu = nav.get_by_text("Menu", exact=True)
    if menu.is_visible():
        menu.click()
    nav.get_by_role("link", name="Take the quiz").click()


@pytest.fixture
def problems():
    return []


@pytest.fixture
def quiz_page(page, site_url, problems):
    """The quiz on a phone, collecting console errors (a CSP violation is one) and quiz events."""
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


def query(answers: dict) -> str:
    """The one encoding of the answers (docs/design.md): the quiz's order, `?team_size=small&...`."""
    return urlencode([(q.id, answers[q.id]) for q in shipped_quiz().questions if q.id in answers])


def contact_url(outcome: str, answers: dict) -> str:
    role = f"role={outcome}&" if shipped_quiz().outcome(outcome).is_role else ""
    return f"/contact/?{role}{query(answers)}"


def visible_question(page) -> str | None:
    # Without the script every question shows; after a reload or Back/Forward wait until it has taken over.
    step = page.locator("[data-quiz-step]:visible")
    for _ in range(100):
        if step.count() <= 1:
            break
        page.wait_for_timeout(50)
    return step.get_attribute("data-quiz-step") if step.count() else None


def count(page):
    return page.locator("[data-quiz-count]")


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
def test_complete_the_quiz_by_keyboard_alone(quiz_page, site_url, outcome):
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
    page.wait_for_url(site_url + contact_url(outcome, PROFILES[outcome]))


def test_complete_the_quiz_by_mouse(quiz_page):
    page = quiz_page
    complete(page, PROFILES["part-time"])
    result = page.locator("[data-quiz-result]")
    assert result.get_attribute("data-outcome") == "part-time"
    panel = page.locator("[data-quiz-outcome]:visible")
    expect(panel.locator("h2")).to_have_text("Your best fit: Part-time / Outsourced Sales Manager")
    expect(panel.locator("[data-quiz-why]")).to_have_text(
        "We suggest it because you want someone focused on the sales team and you want a proper sales process "
        "with coaching for your team."
    )
    # A bar and a percentage for every outcome, best first, widths following the numbers.
    bars = page.locator("[data-quiz-bar]")
    assert bars.evaluate_all("els => els.map(e => e.dataset.quizBar)")[0] == "part-time"
    percents = [int(t.split("%")[0]) for t in page.locator("[data-quiz-percent]").all_inner_texts()]
    outcomes = len(shipped_quiz().outcomes)
    assert len(percents) == outcomes and percents == sorted(percents, reverse=True) and percents[0] > percents[1]
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
    assert detail["outcome"] == "part-time" and len(detail["ranking"]) == outcomes


@pytest.mark.parametrize("profile", ["fractional-cro", "not-yet"])
def test_the_progress_line_moves_one_step_at_a_time_and_never_changes_its_total(quiz_page, profile):
    """One scheme: "Question N of up to M", N the place on this owner's path, M the most anyone is asked."""
    page = quiz_page
    seen = []
    for question, option in PROFILES[profile].items():
        seen.append((count(page).inner_text(), page.locator("[data-quiz-progress]").evaluate("p => [p.value, p.max]")))
        answer_by_mouse(page, question, option)
    total = len(PROFILES[profile])
    assert seen == [(f"Question {n} of up to {MOST}", [n, MOST]) for n in range(1, total + 1)]
    assert total == (MOST if profile == "fractional-cro" else MOST - 2), "the shorter path still counts up by one"
    steps = [detail for name, detail in page.evaluate("window.quizEvents") if name == "quiz:step"]
    assert [(s["number"], s["total"]) for s in steps] == [(n, MOST) for n in range(2, total + 1)]


def test_progress_and_live_region_follow_the_steps(quiz_page):
    page = quiz_page
    expect(count(page)).to_have_text(f"Question 1 of up to {MOST}")
    expect(page.get_by_role("button", name="Back")).to_be_hidden()
    answer_by_mouse(page, "team_size", "small")
    expect(page.locator("[role=status]")).to_have_text(f"Question 2 of up to {MOST}: What is your annual revenue?")
    assert focused_text(page) == "What is your annual revenue?"
    expect(page.locator(".quiz > .lead")).to_be_hidden()  # the intro gives way to the question on a phone


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
    entries = page.evaluate("history.length")
    summary.locator("a").click()
    assert page.evaluate("document.activeElement.id") == "q-team_size-none"
    assert page.evaluate("[history.state.step, history.length]") == ["team_size", entries], "no history entry"
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
    assert "/quiz/" in page.url, "browser Back stays on the quiz page"
    page.go_forward()
    expect(page.locator("[data-quiz-step='revenue']")).to_be_visible()
    # Carry on to the result; browser Back from the result returns to the last question.
    for question, option in list(PROFILES["part-time"].items())[1:]:
        answer_by_mouse(page, question, option)
    page.go_back()
    expect(page.locator("[data-quiz-step='commitment']")).to_be_visible()
    expect(page.locator("#q-commitment-part-time")).to_be_checked()
    expect(count(page)).to_have_text(f"Question 7 of up to {MOST}")
    page.go_forward()
    expect(page.locator("[data-quiz-result]")).to_be_visible()


def test_a_later_answer_survives_going_back_to_an_earlier_question(quiz_page):
    page = quiz_page
    answer_by_mouse(page, "team_size", "small")
    page.locator("label[for='q-revenue-15-50m']").click()
    page.get_by_role("button", name="Back").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#q-revenue-15-50m")).to_be_checked()


def test_reload_at_every_step_keeps_every_answer_and_the_place(quiz_page):
    page = quiz_page
    answers = PROFILES["fractional-cro"]
    given: dict[str, str] = {}
    for number, (question, option) in enumerate(answers.items(), start=1):
        page.reload()
        assert visible_question(page) == question
        expect(count(page)).to_have_text(f"Question {number} of up to {MOST}")
        assert page.evaluate(FORM_ANSWERS) == given
        page.locator(f"label[for='q-{question}-{option}']").click()
        page.reload()  # chosen, not yet sent: kept too
        assert visible_question(page) == question
        expect(page.locator(f"#q-{question}-{option}")).to_be_checked()
        page.get_by_role("button", name="Continue").click()
        given[question] = option
    expect(page.locator("[data-quiz-result]")).to_be_visible()
    shown = page.locator("[data-quiz-bars]").inner_text()
    for _ in range(2):
        page.reload()
        expect(page.locator("[data-quiz-result]")).to_have_attribute("data-outcome", "fractional-cro")
        assert page.locator("[data-quiz-bars]").inner_text() == shown, "the result, not question 1 again"
    assert page.url.endswith("/quiz/?" + query(answers))


def test_the_nav_link_mid_quiz_resumes_with_every_answer(quiz_page, site_url):
    page = quiz_page
    first = dict(list(PROFILES["part-time"].items())[:3])
    for question, option in first.items():
        answer_by_mouse(page, question, option)
    take_the_quiz_from_the_menu(page)
    page.wait_for_load_state()
    assert visible_question(page) == "primary_need"
    expect(count(page)).to_have_text(f"Question 4 of up to {MOST}")
    assert page.evaluate(FORM_ANSWERS) == first
    assert page.url == f"{site_url}/quiz/?{query(first)}"
    # The page's Back walks back through the questions; it never leaves the quiz.
    for question in ("leader_situation", "revenue", "team_size"):
        page.get_by_role("button", name="Back").click()
        assert visible_question(page) == question
        expect(page.locator(f"#q-{question}-{first[question]}")).to_be_checked()
        assert page.url.startswith(f"{site_url}/quiz/")
    expect(page.get_by_role("button", name="Back")).to_be_hidden()
    complete(page, PROFILES["part-time"])
    assert page.locator("[data-quiz-result]").get_attribute("data-outcome") == "part-time"


def test_a_partial_link_asks_the_missing_answer_first_and_keeps_the_later_ones(page, site_url):
    given = {"team_size": "small", "primary_need": "build", "leadership_seat": "no"}
    page.goto(f"{site_url}/quiz/?{query(given)}")
    assert visible_question(page) == "revenue"
    expect(count(page)).to_have_text(f"Question 2 of up to {MOST}")
    assert page.evaluate(FORM_ANSWERS) == given
    entries = page.evaluate("history.length")
    page.get_by_role("button", name="Back").click()  # arrived by a link: Back goes to question 1, not away
    assert visible_question(page) == "team_size" and page.url.startswith(f"{site_url}/quiz/?")
    assert page.evaluate("history.length") == entries
    expect(page.get_by_role("button", name="Back")).to_be_hidden()
    page.get_by_role("button", name="Continue").click()
    answer_by_mouse(page, "revenue", "1-15m")
    answer_by_mouse(page, "leader_situation", "owner-led")
    assert visible_question(page) == "primary_need"
    expect(page.locator("#q-primary_need-build")).to_be_checked()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#q-leadership_seat-no")).to_be_checked()
    page.get_by_role("button", name="Continue").click()
    answer_by_mouse(page, "stage", "established")
    answer_by_mouse(page, "commitment", "part-time")
    expect(page.locator("[data-quiz-result]")).to_have_attribute("data-outcome", "part-time")


def test_a_stale_link_drops_what_no_longer_fits_without_a_word(quiz_page, site_url):
    page = quiz_page
    fits = {k: v for k, v in PROFILES["part-time"].items() if k != "stage"}
    stale = {**fits, "marketing": "yes", "stage": "bankrupt", "colour": "blue"}  # not asked, unknown, unknown
    page.goto(f"{site_url}/quiz/?{urlencode(stale)}")
    assert visible_question(page) == "stage"
    expect(count(page)).to_have_text(f"Question 6 of up to {MOST}")
    expect(page.locator("[data-quiz-error-summary]")).to_be_hidden()
    assert page.url == f"{site_url}/quiz/?{query(fits)}"
    answer_by_mouse(page, "stage", "established")
    expect(page.locator("#q-commitment-part-time")).to_be_checked()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("[data-quiz-result]")).to_have_attribute("data-outcome", "part-time")


def test_back_from_question_one_leaves_and_back_from_the_result_returns_to_the_last_question(page, site_url):
    page.goto(site_url + "/")
    take_the_quiz_from_the_menu(page)
    assert visible_question(page) == "team_size"
    expect(page.get_by_role("button", name="Back")).to_be_hidden()
    page.go_back()
    assert page.url == site_url + "/", "from question 1 the browser's Back leaves, as it should"
    page.go_forward()
    assert visible_question(page) == "team_size"
    complete(page, PROFILES["fractional-cso"])
    expect(page.locator("[data-quiz-nav]")).to_be_hidden()
    page.go_back()
    assert visible_question(page) == "commitment"
    expect(page.locator("#q-commitment-part-time")).to_be_checked()
    page.go_back()
    assert visible_question(page) == "stage"
    page.go_forward()
    page.go_forward()
    expect(page.locator("[data-quiz-result]")).to_have_attribute("data-outcome", "fractional-cso")


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
    assert page.locator("[data-quiz-result]").get_attribute("data-outcome") == "fractional-cro"


def test_the_shareable_url_reproduces_the_result_in_another_browser(quiz_page, browser, site_url):
    page = quiz_page
    complete(page, PROFILES["fractional-cso"])
    share = page.locator("[data-quiz-share]").get_attribute("href")
    assert share == page.url, "the address bar is the shareable URL too"
    assert share == f"{site_url}/quiz/?{query(PROFILES['fractional-cso'])}"
    shown = page.locator("[data-quiz-bars]").inner_text()
    other = browser.new_page()  # its own context: no history, no session storage
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
    other.reload()
    assert other.locator("[data-quiz-step]:visible").get_attribute("data-quiz-step") == "team_size"
    other.close()


def close_call() -> tuple[dict, tuple[str, ...]]:
    quiz = shipped_quiz()
    return next((a, r.close) for a in answer_sets(quiz) if len((r := score(quiz, a)).close) == 2)


def test_two_close_options_are_called_close(page, site_url):
    answers, close = close_call()
    page.goto(f"{site_url}/quiz/?{query(answers)}")
    titles = [shipped_quiz().outcome(outcome).title for outcome in close]
    panel = page.locator("[data-quiz-outcome]:visible")
    expect(panel.locator("h2")).to_have_text(f"Two options are close: {titles[0]} and {titles[1]}")
    expect(panel.locator("[data-quiz-why]")).to_have_text(
        re.compile(rf"^Your answers fit them almost equally; {re.escape(titles[0])} comes first because .+\.$")
    )
    expect(page.locator("[data-quiz-runner-up] a")).to_have_text(titles[1])


def test_the_result_prints_on_one_page_with_its_reasons_and_answers(page, site_url):
    answers = PROFILES["fractional-cso"]  # the longest path: every question answered
    page.goto(f"{site_url}/quiz/?{query(answers)}")
    expect(page.locator("[data-quiz-result]")).to_be_visible()
    page.emulate_media(media="print")
    panel = page.locator("[data-quiz-outcome]:visible")
    expect(panel.locator("h2")).to_have_text("Your best fit: Fractional CSO")
    expect(panel.locator("[data-quiz-why]")).to_be_visible()
    expect(page.locator("[data-quiz-review]:visible dd[data-quiz-answer]")).to_have_count(len(answers))
    for hidden in ("body > header", "body > footer", ".quiz-change", "[data-quiz-restart]", "[data-quiz-share]"):
        assert all(not el.is_visible() for el in page.locator(hidden).all()), f"{hidden} is printed"
    for size in ("Letter", "A4"):
        pdf = page.pdf(format=size)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"the result prints on {pages} {size} pages"


def test_without_javascript_every_question_reads_and_the_note_explains(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "/quiz/")
    assert page.locator("fieldset:visible").count() == len(shipped_quiz().questions)
    expect(page.locator("[data-quiz-nojs]").first).to_be_visible()
    expect(page.get_by_role("link", name="Compare the four options side by side")).to_be_visible()
    expect(page.get_by_role("button", name="Continue")).to_be_hidden()
    expect(page.locator("[data-quiz-nav]")).to_be_hidden()  # no "Question 1 of up to 7" over every question
    expect(page.locator("[data-quiz-result]")).to_be_hidden()
    context.close()


RECORD_LAYOUT_SHIFTS = """
window.layoutShifts = [];
new PerformanceObserver((entries) => {
  for (const shift of entries.getEntries())
    window.layoutShifts.push(`${shift.value.toFixed(4)}: ${shift.sources.map((s) => s.node?.className).join(", ")}`);
}).observe({ type: "layout-shift", buffered: true });
"""


def test_nothing_moves_when_the_quiz_script_starts_after_the_first_paint(browser, site_url):
    """On a slow phone the page is drawn before its script runs. It is drawn as the script will leave
    question 1 (quiz.css: the note for browsers without JavaScript, and the progress line, follow the
    scripting media feature), so the question does not jump down or up the screen when the script
    starts; before, Lighthouse measured 0.069 of layout shift on /quiz/."""
    context = browser.new_context(viewport=PHONE)

    def after_the_first_paint(route):
        time.sleep(0.5)
        route.continue_()

    context.route("**/role-quiz.mjs", after_the_first_paint)
    page = context.new_page()
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    page.goto(site_url + "/quiz/")
    expect(page.get_by_role("button", name="Continue")).to_be_visible()  # the script has run
    page.wait_for_timeout(100)  # a shift is reported after the frame that drew it
    assert page.evaluate("window.layoutShifts") == []
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


def test_axe_finds_nothing_on_a_close_result_or_an_answer_that_is_no_role(axe_page, site_url):
    answers, _ = close_call()
    axe_page.goto(f"{site_url}/quiz/?{query(answers)}")
    expect(axe_page.locator("[data-quiz-result]")).to_be_visible()
    assert_no_axe_violations(axe_page, "quiz close call")
    axe_page.goto(f"{site_url}/quiz/?{query(PROFILES['not-yet'])}")
    expect(axe_page.locator("[data-quiz-result]")).to_have_attribute("data-outcome", "not-yet")
    assert_no_axe_violations(axe_page, "quiz not yet")


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
