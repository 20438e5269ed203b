"""The hand-off, end to end: from the real quiz, through the real contact button and form, to the
stored lead, the partner's e-mail, `invoke leads`, the CSV and `lead-export`.

Real parts only: the built site and the intake on one loopback origin, a real SQLite file, a real
SMTP server (aiosmtpd) receiving the partner's e-mail, the operator's tasks run as commands.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from tests.axe import assert_no_axe_violations
from tests.intake.support import SmtpServer, intake_env, running_intake, wait_until
from tests.quiz.support import PROFILES, shipped_quiz
from tests.quiz.test_browser import answer_by_mouse, query
from tests.support import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def intake(built_site, smtp, tmp_path_factory):
    # No minimum fill time: a test types faster than any person (the anti-bot rule has its own tests).
    env = intake_env(tmp_path_factory.mktemp("handoff"), **smtp.env(), INTAKE_MIN_FILL_SECONDS="0")
    with running_intake(env, built_site) as running:
        yield running


def lead_tasks(intake, *args: str) -> str:
    env = {**os.environ, "INTAKE_DATABASE": str(intake.app.settings.database), "INTAKE_SECRET": "test-secret"}
    done = subprocess.run(
        [sys.executable, "-m", "invoke", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def labels(answers: dict) -> list[str]:
    """The lines a person reads: each question and the label the owner clicked, in the quiz's order."""
    quiz = shipped_quiz()
    return [f"{q.text} {q.option(answers[q.id]).label}" for q in quiz.questions if q.id in answers]


def take_the_quiz_and_click_through(page, intake, answers: dict, button: str) -> None:
    page.goto(intake.url + "/quiz/")
    for question, option in answers.items():
        answer_by_mouse(page, question, option)
    expect(page.locator("[data-quiz-result]")).to_be_visible()
    page.locator("[data-quiz-outcome]:visible").get_by_role("link", name=button).click()
    page.wait_for_url("**/contact/?**")


def send_the_form(page, email: str) -> None:
    page.fill("#contact-name", "Ann Owner")
    page.fill("#contact-email", email)
    page.fill("#contact-company", "Owner & Co")
    page.fill("#contact-zip_code", "80202")
    # Each owner writes their own words: one text from several addresses is held as spam.
    page.fill("#contact-message", f"{email} would like to talk about what the quiz said.")
    page.check("#contact-consent")
    with page.expect_navigation(url=re.compile(r"/contact/thanks/(\?receipt=[^&]+)?$")):
        page.get_by_role("button", name="Send your message").click()


def stored(intake, email: str):
    leads = [lead for lead in intake.store.leads() if lead.email == email]
    assert len(leads) == 1, f"{len(leads)} leads stored for {email}"
    return leads[0]


def partner_email(smtp, email: str):
    def arrived():
        return [m for m in smtp.mailbox.messages() if m["Reply-To"] and email in str(m["Reply-To"])]

    return wait_until(arrived, what=f"the partner's e-mail about {email}")[0]


def test_from_the_quiz_to_the_stored_lead_and_everyone_who_reads_it(page, intake, smtp):
    answers = PROFILES["fractional-cso"]
    take_the_quiz_and_click_through(page, intake, answers, "Talk to a partner about a fractional CSO")
    assert page.url == f"{intake.url}/contact/?role=fractional-cso&{query(answers)}"

    # The form: the role and every field the quiz already answered are chosen; the summary says so.
    expect(page.locator("input[name=role][value=fractional-cso]")).to_be_checked()
    expect(page.locator("#contact-team_size")).to_have_value("mid")
    expect(page.locator("#contact-revenue")).to_have_value("15-50m")
    summary = page.locator("[data-quiz-handoff]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("From your quiz: Fractional CSO. What you told it is filled in below")
    expect(summary).to_contain_text(f"your {len(answers)} answers go with your message")
    change = summary.get_by_role("link", name="Change your answers")
    assert change.get_attribute("href") == f"/quiz/?{query(answers)}"
    expected = ",".join(f"{q}={o}" for q, o in answers.items())
    assert page.input_value("#contact-quiz_answers") == expected

    send_the_form(page, "ann.cso@example.com")

    # Stored with the lead, as the form posted it.
    lead = stored(intake, "ann.cso@example.com")
    assert lead.fields["quiz_answers"] == expected
    assert (lead.fields["role"], lead.fields["team_size"], lead.fields["revenue"]) == (
        "fractional-cso",
        "mid",
        "15-50m",
    )

    # The partner reads the recommendation and every answer in the words the owner clicked.
    message = partner_email(smtp, "ann.cso@example.com")
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    block = ["Their answers to the quiz:", "The quiz recommended: Fractional CSO", *labels(answers)]
    assert "\n".join(block) in text, text
    html = BeautifulSoup(message.get_body(("html",)).get_content(), "html.parser")
    rows = {row.th.get_text(): row.td.get_text() for row in html.find_all("tr")}
    assert rows["The quiz recommended"] == "Fractional CSO"
    assert rows["Should the role also lead marketing?"] == "No, marketing is in good hands or not a priority"
    assert "leadership_seat=yes" not in text, "ids stay out of what people read"

    # The operator's tasks show and export them by label too.
    shown = lead_tasks(intake, "leads", "--lead", lead.reference)
    assert "\n".join(["Quiz answers:", *(f"  {line}" for line in block[1:])]) in shown, shown
    rows = list(csv.DictReader(io.StringIO(lead_tasks(intake, "leads", "--csv", "-"))))
    row = next(row for row in rows if row["email"] == "ann.cso@example.com")
    assert row["quiz_answers"] == expected
    assert row["quiz answers (as answered)"].endswith("; ".join(labels(answers)))
    exported = json.loads(lead_tasks(intake, "lead-export", "--email", "ann.cso@example.com"))
    quiz_answers = exported["leads"][0]["quiz_answers_as_answered"]
    assert quiz_answers[0] == {"question": "The quiz recommended", "answer": "Fractional CSO"}
    assert [f"{a['question']} {a['answer']}" for a in quiz_answers[1:]] == labels(answers)


def test_an_answer_that_is_none_of_the_roles_hands_over_without_a_role(page, intake, smtp):
    answers = PROFILES["not-yet"]
    take_the_quiz_and_click_through(page, intake, answers, "Ask a partner for advice on your first sales hires")
    assert page.url == f"{intake.url}/contact/?{query(answers)}"
    expect(page.locator("input[name=role][value=not-sure]")).to_be_checked()
    expect(page.locator("#contact-team_size")).to_have_value("none")
    expect(page.locator("#contact-revenue")).to_have_value("under-1m")
    expect(page.locator("[data-quiz-handoff]")).to_contain_text("From your quiz: What you told it is filled in below")
    send_the_form(page, "founder@example.com")
    lead = stored(intake, "founder@example.com")
    assert lead.fields["role"] == "not-sure"
    assert lead.fields["quiz_answers"] == ",".join(f"{q}={o}" for q, o in answers.items())
    text = partner_email(smtp, "founder@example.com").get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "\nThe quiz recommended: None of the four yet\n" in text
    assert "\nHow many salespeople do you have? None yet; the selling is done by me or the founders\n" in text


def test_the_summary_change_link_returns_to_the_result_with_every_answer(page, intake):
    answers = PROFILES["part-time"]
    take_the_quiz_and_click_through(page, intake, answers, "Talk to a partner about a part-time manager")
    page.locator("[data-quiz-handoff]").get_by_role("link", name="Change your answers").click()
    expect(page.locator("[data-quiz-result]")).to_have_attribute("data-outcome", "part-time")
    assert page.url == f"{intake.url}/quiz/?{query(answers)}"
    page.locator("[data-quiz-change='commitment']").click()
    expect(page.locator("#q-commitment-part-time")).to_be_checked()


def test_without_javascript_the_link_still_opens_a_form_that_posts(page, browser, intake):
    """The hand-off is an ordinary GET link. A static page cannot read its address without JavaScript,
    so nothing is pre-selected then, but the form opens and the enquiry is stored (without answers)."""
    answers = PROFILES["interim"]
    take_the_quiz_and_click_through(page, intake, answers, "Talk to a partner about an interim manager")
    context = browser.new_context(java_script_enabled=False)
    offline = context.new_page()
    offline.goto(page.url)
    expect(offline.locator("[data-quiz-handoff]")).to_be_hidden()
    send_the_form(offline, "nojs@example.com")
    assert stored(intake, "nojs@example.com").fields["quiz_answers"] == ""
    context.close()


def test_axe_finds_nothing_on_the_form_with_the_quiz_summary(browser, intake):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{intake.url}/contact/?role=part-time&{query(PROFILES['part-time'])}")
    expect(page.locator("[data-quiz-handoff]")).to_be_visible()
    assert_no_axe_violations(page, "contact form with the quiz's answers")
    context.close()
