"""Done, end to end in Chromium: a person sends the form; the receipt and the partner's e-mail arrive; the
partner clicks "contacted" in the e-mail and presses the page's button; a second lead left alone is
reminded and escalated at the right business-hour times; the report shows both.
"""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from tests.axe import assert_no_axe_violations
from tests.intake.support import ManualClock, run_task, sample_lead, task_env, wait_until

pytestmark = pytest.mark.browser

DENVER = ZoneInfo("America/Denver")
DANA = "dana.whitfield@example.com"


def at(text: str) -> float:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=DENVER).timestamp()


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def link(message, label: str) -> str:
    return re.search(rf"^  {label}: (http\S+)$", text_of(message), re.MULTILINE)[1]


def to(smtp, address: str, subject: str = ""):
    return [m for r, m in smtp.mailbox.received if r == [address] and m["Subject"].startswith(subject)]


def send_the_form(page, url: str) -> None:
    page.goto(url + "/contact/")
    page.get_by_role("textbox", name="Your name").fill("Alex Morgan")
    page.get_by_label("Email address").fill("alex.morgan@example.com")
    page.get_by_label("Phone (optional)").fill("(303) 555-0199")
    page.get_by_role("textbox", name="Company").fill("Front Range Fasteners")
    page.get_by_role("textbox", name="ZIP code").fill("80202")
    page.get_by_label("Part-time / Outsourced Sales Manager").check()
    page.get_by_label("Your message").fill("Six salespeople, no sales manager since the spring. Can we talk?")
    page.get_by_label(re.compile("I agree to be contacted")).check()
    page.get_by_role("button", name="Send your message").click()


def test_a_lead_is_received_answered_and_recorded_and_one_left_alone_is_reminded_then_escalated(
    page, make_intake, smtp, built_site, tmp_path
):
    clock = ManualClock(at("2026-03-02 10:00"))  # Monday, 10 am in Denver
    site = make_intake(output=built_site, clock=clock, INTAKE_MIN_FILL_SECONDS="0", INTAKE_ACK_EMAIL="1", **smtp.env())
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)

    # 1. A person sends the form; the thanks page gives the reference and the promise.
    send_the_form(page, site.url)
    page.wait_for_url(re.compile(r"/contact/thanks/\?receipt="))
    promise = "Dana Whitfield, our partner in Denver, will call or e-mail you by 2 pm Mountain time today."
    slot = page.locator("[data-thanks-partner]")
    expect(slot).to_contain_text(promise)
    reference = re.search(r"SLP-[0-9A-Z]{4}", slot.inner_text())[0]
    lead = site.store.lead(reference)
    assert lead.fields["email"] == "alex.morgan@example.com" and lead.status == "new"

    # 2. The receipt and the partner's e-mail arrive on the loopback mail server.
    wait_until(lambda: to(smtp, "alex.morgan@example.com") and to(smtp, DANA), what="the receipt and the lead")
    [receipt] = to(smtp, "alex.morgan@example.com")
    assert reference in text_of(receipt) and promise in text_of(receipt)
    [partner_mail] = to(smtp, DANA)
    assert partner_mail["Reply-To"] == "alex.morgan@example.com"

    # 3. Dana clicks "Contacted" in the e-mail (a GET: nothing changes), then presses the button.
    clock.set(at("2026-03-02 11:20"))
    page.goto(link(partner_mail, "Contacted"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Lead {reference}: mark as contacted?")
    assert site.store.lead(reference).status == "new"
    page.get_by_role("button", name="Mark as contacted").click()
    expect(page.get_by_role("status")).to_contain_text("Recorded: contacted")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Lead {reference}: marked contacted")
    contacted = site.store.lead(reference)
    assert contacted.status == "contacted" and contacted.first_contact_at == at("2026-03-02 11:20")
    expect(page.get_by_role("button", name="Mark as meeting booked")).to_be_visible()
    assert not console, console

    # 4. A second lead, on Friday afternoon, is left alone.
    clock.set(at("2026-03-06 15:00"))
    second = site.post({**sample_lead(7), "zip_code": "80203"}).json()["reference"]
    worker = site.app.worker

    def at_time(moment: str) -> None:
        clock.set(at(moment))
        worker.wake()

    at_time("2026-03-09 10:59")  # Friday 15-17 and Monday 9-10:59: 3 h 59 min of business hours
    assert worker.follow_ups_when_due() == (0, 0)
    at_time("2026-03-09 11:00")  # four business hours: the reminder
    [reminder] = wait_until(lambda: to(smtp, DANA, "Reminder"), what="the reminder")
    assert second in reminder["Subject"]
    at_time("2026-03-09 14:59")
    assert site.store.lead(second).status == "new"
    at_time("2026-03-09 15:00")  # eight business hours: the head office has it
    head_office = site.app.site.directory.head_office.email
    [escalation] = wait_until(lambda: to(smtp, head_office, "Escalated"), what="the escalation")
    assert second in escalation["Subject"] and site.store.lead(second).status == "escalated"

    # 5. The report shows both.
    report_file = tmp_path / "report.html"
    run_task(task_env(site, tmp_path), "report", "--since", "2026-03-01", "--html", str(report_file))
    report = BeautifulSoup(report_file.read_text(), "html.parser")
    [dana] = [row for row in report.find("tbody").find_all("tr") if row.td.get_text() == "Dana Whitfield"]
    assert [cell.get_text() for cell in dana.find_all("td")][:5] == ["Dana Whitfield", "2", "2", "1", "50%"]
    assert [cell.get_text() for cell in dana.find_all("td")][-1] == "1", "one escalation"
    statuses = report.find_all("figure")[2].svg["aria-label"]
    assert "Contacted: 1" in statuses and "Escalated, not contacted: 1" in statuses


@pytest.mark.browser_context_args(bypass_csp=True)
def test_the_status_page_is_accessible(page, make_intake, smtp, built_site):
    site = make_intake(output=built_site, **smtp.env())
    site.post(sample_lead())
    [partner_mail] = wait_until(lambda: to(smtp, DANA), what="the partner's e-mail")
    page.goto(link(partner_mail, "Meeting booked"))
    assert_no_axe_violations(page, "the lead status page")
    page.get_by_role("button", name="Mark as meeting booked").click()
    expect(page.get_by_role("status")).to_contain_text("Recorded: meeting booked")
    assert_no_axe_violations(page, "the lead status page, recorded")
