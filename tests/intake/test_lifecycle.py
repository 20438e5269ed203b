"""Every lead gets an answer: receipts, status links, reminders and escalations, on a clock the test moves.

Real HTTP, real SQLite, a real SMTP server on loopback. The clock is the intake's own (every
timestamp it writes and every deadline it checks), set to moments on the partner's wall clock.
"""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from tests.intake.support import ManualClock, sample_lead, wait_until

DENVER = ZoneInfo("America/Denver")
NEW_YORK = ZoneInfo("America/New_York")


def at(text: str, zone: ZoneInfo = DENVER) -> float:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=zone).timestamp()


def denver_lead(number: int = 0, **changes: str) -> dict[str, str]:
    return {**sample_lead(number), "zip_code": "80202", "state": "CO", **changes}


@pytest.fixture
def clock():
    return ManualClock(at("2026-03-02 10:00"))  # a Monday morning in Denver


@pytest.fixture
def intake(make_intake, smtp, clock):
    return make_intake(clock=clock, INTAKE_ACK_EMAIL="1", **smtp.env())


def messages_to(smtp, address: str):
    return [message for recipients, message in smtp.mailbox.received if recipients == [address]]


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def status_links(message) -> dict[str, str]:
    return dict(re.findall(r"^  ([A-Za-z ]+): (http\S+)$", text_of(message), re.MULTILINE))


def test_the_visitor_gets_a_receipt_with_reference_promise_and_what_to_do_if_nobody_calls(intake, smtp):
    reply = intake.post(denver_lead())
    reference, promise = reply.json()["reference"], reply.json()["promise"]
    assert promise == "Dana Whitfield, our partner in Denver, will call or e-mail you by 2 pm Mountain time today."
    wait_until(lambda: len(smtp.mailbox.received) == 2, what="the partner's e-mail and the receipt")
    [receipt] = messages_to(smtp, "pat0@example.com")
    text = text_of(receipt)
    assert f"Your reference is {reference}." in text and promise in text
    head_office = intake.app.site.directory.head_office
    assert f"contact our head office at {head_office.email} or {head_office.phone}, quoting {reference}" in text
    assert reference in receipt["Subject"]
    assert receipt["Reply-To"] == "dana.whitfield@example.com"
    # The thanks page asks the intake for the same, with the receipt token the redirect carries.
    thanks = intake.post(denver_lead(1), json_reply=False).headers["location"]
    token = thanks.split("receipt=")[1]
    shown = intake.request("GET", f"/api/contact/receipt/{token}").json()
    assert shown["reference"].startswith("SLP-") and shown["promise"].startswith("Dana Whitfield")
    assert intake.request("GET", "/api/contact/receipt/forged-token").status == 404


def test_out_of_hours_and_weekends_count_from_the_next_opening(intake, clock):
    clock.set(at("2026-03-06 16:00"))  # Friday, an hour before closing
    assert intake.post(denver_lead()).json()["promise"].endswith("by noon Mountain time on Monday.")
    clock.set(at("2026-03-07 11:00"))  # Saturday
    assert intake.post(denver_lead(1)).json()["promise"].endswith("by 1 pm Mountain time on Monday.")


def test_a_held_lead_gets_no_promise_and_no_receipt(intake, smtp):
    reply = intake.post(denver_lead(website="http://x.example"))
    assert reply.status == 201 and reply.json()["promise"] is None
    token = reply.json()["receipt"]
    assert intake.request("GET", f"/api/contact/receipt/{token}").json() == {"reference": reply.json()["reference"]}
    assert smtp.mailbox.received == []


def test_a_status_link_shows_a_page_and_only_its_button_changes_the_status(intake, smtp, clock):
    reference = intake.post(denver_lead()).json()["reference"]
    [partner_mail] = wait_until(lambda: messages_to(smtp, "dana.whitfield@example.com"), what="the partner's e-mail")
    links = status_links(partner_mail)
    assert list(links) == ["Contacted", "Meeting booked", "Not a fit", "Won", "Lost"]
    assert "by 2 pm Mountain time today" in text_of(partner_mail)
    path = links["Contacted"].removeprefix(intake.url)

    for _ in range(3):  # a mail scanner fetching the link, and a person opening it
        page = intake.request("GET", path)
        assert page.status == 200 and page.headers["referrer-policy"] == "same-origin"
    lead = intake.store.lead(reference)
    assert lead.status == "new", "a GET changes nothing"
    soup = BeautifulSoup(page.body, "html.parser")
    assert soup.h1.get_text() == f"Lead {reference}: mark as contacted?"
    [form] = [form for form in soup.find_all("form") if form.button.get_text() == "Mark as contacted"]
    assert form["method"] == "post" and form["action"] == path

    clock.advance(1800)
    done = intake.request("POST", form["action"], headers={"Origin": intake.url})
    assert done.status == 303
    lead = intake.store.lead(reference)
    assert lead.status == "contacted" and lead.first_contact_at == at("2026-03-02 10:30")
    confirmed = BeautifulSoup(intake.request("GET", done.headers["location"]).body, "html.parser")
    assert "Recorded: contacted" in confirmed.find(role="status").get_text()
    assert {button.get_text() for button in confirmed.find_all("button")} == {
        "Mark as meeting booked", "Mark as not a fit", "Mark as won", "Mark as lost"
    }  # fmt: skip
    history = [item.get_text() for item in confirmed.find("ol").find_all("li")]
    assert history[0].startswith("Mon 2 Mar, 10:00 am: received") and "contacted" in history[-1]
    assert "by the partner" in history[-1]
    # Pressing again changes nothing; a post from another site is refused.
    assert intake.request("POST", form["action"], headers={"Origin": intake.url}).status == 303
    assert len([e for e in intake.store.events(lead.id) if e.kind == "status"]) == 1
    assert intake.request("POST", path, headers={"Origin": "https://evil.example"}).status == 403


def test_an_expired_or_edited_status_link_says_so(intake, smtp, clock):
    intake.post(denver_lead())
    [partner_mail] = wait_until(lambda: messages_to(smtp, "dana.whitfield@example.com"), what="the partner's e-mail")
    path = status_links(partner_mail)["Won"].removeprefix(intake.url)
    assert intake.request("GET", path[:-4] + "abcd").status == 404
    clock.advance(61 * 86400)
    expired = intake.request("GET", path)
    assert expired.status == 410 and "has expired" in expired.text
    assert intake.request("POST", path, headers={"Origin": intake.url}).status == 410
    assert "content-security-policy" in expired.headers


def test_a_lead_left_alone_is_reminded_then_escalated_at_business_hour_times(intake, smtp, clock):
    reference = intake.post(denver_lead()).json()["reference"]
    wait_until(lambda: len(smtp.mailbox.received) == 2, what="the partner's e-mail and the receipt")
    worker = intake.app.worker

    def after(moment: str) -> None:
        clock.set(at(moment))
        worker.wake()

    after("2026-03-02 13:59")
    assert worker.follow_ups_when_due() == (0, 0)
    after("2026-03-02 14:00")  # 4 business hours
    [reminder] = wait_until(lambda: [m for m in smtp.mailbox.messages() if "Reminder" in m["Subject"]], what="it")
    assert reminder["To"] == "dana.whitfield@example.com" and reference in reminder["Subject"]
    assert "by 10 am Mountain time tomorrow, it goes to the head office" in text_of(reminder).replace("\n", " ")
    assert list(status_links(reminder)) == ["Contacted", "Meeting booked", "Not a fit", "Won", "Lost"]

    after("2026-03-02 17:30")  # closed: the clock does not run
    after("2026-03-03 09:59")
    assert intake.store.lead(reference).status == "new"
    after("2026-03-03 10:00")  # 8 business hours: Monday 10-17 and Tuesday 9-10
    head_office = intake.app.site.directory.head_office.email
    [escalation] = wait_until(lambda: messages_to(smtp, head_office), what="the escalation")
    lead = intake.store.lead(reference)
    assert lead.status == "escalated" and lead.escalated_at == at("2026-03-03 10:00")
    text = text_of(escalation)
    assert "History:" in text and "reminder (new)" in text and "escalated (escalated to the head office)" in text
    assert "dana.whitfield@example.com" in text and reference in escalation["Subject"]

    # Whoever acts first keeps the promise: the head office's own link records it.
    path = status_links(escalation)["Contacted"].removeprefix(intake.url)
    assert intake.request("POST", path, headers={"Origin": intake.url}).status == 303
    lead = intake.store.lead(reference)
    assert lead.status == "contacted"
    assert intake.store.events(lead.id)[-1].actor == "head-office"
    after("2026-03-10 10:00")
    assert len([m for m in smtp.mailbox.messages() if "Reminder" in m["Subject"]]) == 1
    assert len(messages_to(smtp, head_office)) == 1


def test_a_lead_marked_contacted_in_time_is_never_reminded(intake, smtp, clock):
    reference = intake.post(denver_lead()).json()["reference"]
    [partner_mail] = wait_until(lambda: messages_to(smtp, "dana.whitfield@example.com"), what="the partner's e-mail")
    path = status_links(partner_mail)["Meeting booked"].removeprefix(intake.url)
    clock.set(at("2026-03-02 11:15"))
    assert intake.request("POST", path, headers={"Origin": intake.url}).status == 303
    clock.set(at("2026-03-05 12:00"))
    intake.app.worker.wake()
    assert intake.app.worker.follow_ups_when_due() == (0, 0)
    assert intake.store.lead(reference).status == "meeting"
    wait_until(lambda: intake.store.pending_count() == 0, what="the receipt")
    assert len(smtp.mailbox.received) == 2


def test_areas_without_a_partner_go_to_the_head_office_queue_with_the_same_deadlines(intake, smtp, clock):
    head_office = intake.app.site.directory.head_office
    assert intake.app.site.directory.state_owner("ND") is None
    clock.set(at("2026-03-02 10:00", NEW_YORK))
    reply = intake.post({**sample_lead(), "zip_code": "", "state": "ND"})
    assert reply.json()["partner"] == head_office.name
    assert reply.json()["promise"] == "Someone from our head office will call or e-mail you by 2 pm Eastern time today."
    clock.set(at("2026-03-03 10:00", NEW_YORK))
    intake.app.worker.wake()
    wait_until(lambda: len(messages_to(smtp, head_office.email)) == 3, what="lead, reminder and escalation")
    subjects = sorted(message["Subject"].split(":")[0] for message in messages_to(smtp, head_office.email))
    assert subjects == ["Escalated", "New inquiry about sales leadership", "Reminder"]


def test_after_a_day_off_what_fell_due_is_sent_once(make_intake, smtp, clock, tmp_path):
    stopped = make_intake(clock=clock, INTAKE_WORKER="0", **smtp.env())
    references = [stopped.post(denver_lead(n)).json()["reference"] for n in range(3)]
    clock.set(at("2026-03-04 08:00"))  # the intake was down from Monday to Wednesday morning
    restarted = make_intake(clock=clock, **smtp.env())
    expected = 3 + 3 + 3  # each lead: its e-mail, one reminder, one escalation
    wait_until(lambda: len(smtp.mailbox.received) == expected and restarted.store.pending_count() == 0, what="all")
    assert restarted.app.worker.follow_ups_when_due() == (0, 0)
    restarted.app.worker.wake()
    assert restarted.app.worker.deliver_due() == 0
    assert len(smtp.mailbox.received) == expected
    assert {restarted.store.lead(reference).status for reference in references} == {"escalated"}
