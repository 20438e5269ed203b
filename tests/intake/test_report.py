"""`invoke report`: the head office's figures per partner and for the network, as text, CSV and one HTML page."""

from __future__ import annotations

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from tests.intake.support import ManualClock, run_task, sample_lead, task_env

DENVER = ZoneInfo("America/Denver")
QUIZ = (
    "team_size=small,revenue=1-15m,leader_situation=owner-led,primary_need=build,leadership_seat=no,"
    "stage=established,commitment=part-time"
)


def at(text: str, zone: ZoneInfo = DENVER) -> float:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=zone).timestamp()


@pytest.fixture
def history(make_intake, tmp_path):
    """Four leads and what became of them, on a clock the test moves; the worker is off (no e-mail)."""
    clock = ManualClock(at("2026-03-02 10:00"))
    intake = make_intake(clock=clock, INTAKE_WORKER="0")
    store = intake.store

    def post(number: int, **fields: str) -> int:
        post = {**sample_lead(number), "quiz_answers": "", **fields}
        return store.lead(intake.post(post).json()["reference"]).id

    d1 = post(1, role="part-time", quiz_answers=QUIZ)
    d2 = post(2, role="interim")
    post(3, role="not-sure")  # left alone: reminded, then escalated
    b1 = post(4, zip_code="02110", state="MA", role="fractional-cso")  # Boston: 10:00 in Denver is noon there
    clock.set(at("2026-03-02 11:30"))
    store.set_status(d1, "contacted", "partner")  # 1.5 business hours: in time
    clock.set(at("2026-03-02 11:00"))
    store.set_status(b1, "contacted", "partner")  # 1 business hour: in time
    clock.set(at("2026-03-02 14:00"))
    intake.app.worker.follow_ups_when_due()  # reminders for d2, d3
    clock.set(at("2026-03-03 09:30"))
    store.set_status(d2, "contacted", "partner")  # 7.5 business hours: late, before the escalation
    clock.set(at("2026-03-03 10:00"))
    intake.app.worker.follow_ups_when_due()  # d3 escalated
    clock.set(at("2026-03-04 10:00"))
    store.set_status(d1, "meeting", "partner")
    store.set_status(d1, "won", "partner")
    store.set_status(d2, "lost", "partner")
    store.set_status(b1, "not-a-fit", "partner")
    intake.post({**sample_lead(9), "website": "spam"})  # held: not a lead for the report
    return intake, task_env(intake, tmp_path)


def test_the_report_counts_leads_deadlines_and_outcomes_per_partner_and_for_the_network(history, tmp_path):
    intake, env = history
    html_file, csv_file = tmp_path / "report.html", tmp_path / "report.csv"
    printed = run_task(env, "report", "--since", "2026-03-01", "--html", str(html_file), "--csv", str(csv_file))
    assert "Dana Whitfield" in printed and "Network" in printed

    rows = {row["partner"]: row for row in csv.DictReader(io.StringIO(csv_file.read_text())) if row["scope"] != "role"}
    denver, network = rows["Dana Whitfield"], rows["Network"]
    assert (denver["received"], denver["contacted in time"], denver["share in time"]) == ("3", "1", "33%")
    assert denver["median business hours to first contact"] == "4.5"  # 1.5 and 7.5
    assert (denver["won"], denver["lost"], denver["escalations"]) == ("1", "1", "1")
    boston = next(row for name, row in rows.items() if row["scope"] == "partner" and name != "Dana Whitfield")
    assert (boston["received"], boston["share in time"], boston["not a fit"]) == ("1", "100%", "1")
    assert boston["median business hours to first contact"] == "1.0"
    assert (network["received"], network["share in time"], network["escalations"]) == ("4", "50%", "1")
    assert network["median business hours to first contact"] == "1.5"
    counts = {(row[0], row[1]): row[2] for row in csv.reader(io.StringIO(csv_file.read_text())) if row[0] != "partner"}
    assert counts[("role", "Part-time / Outsourced Sales Manager")] == "1"
    assert counts[("role", "Not sure yet")] == "1"
    assert counts[("quiz outcome", "Part-time / Outsourced Sales Manager")] == "1"
    assert counts[("quiz outcome", "No quiz answers")] == "3"


def test_the_html_report_is_one_self_contained_page_with_charts_that_prints(history, tmp_path):
    _, env = history
    html_file = tmp_path / "report.html"
    run_task(env, "report", "--since", "2026-03-01", "--html", str(html_file))
    page = BeautifulSoup(html_file.read_text(), "html.parser")
    assert page.find("h1").get_text() == "Lead report"
    table = page.find("table")
    header = [th.get_text() for th in table.find("thead").find_all("th")]
    assert header[:5] == ["partner", "received", "deadline passed or contacted", "contacted in time", "share in time"]
    assert [td.get_text() for td in table.find("tfoot").find_all("td")][:2] == ["Network", "4"]
    charts = page.find_all("figure")
    assert len(charts) == 5 and all(figure.find("svg", attrs={"role": "img"}) for figure in charts)
    assert "Dana Whitfield: 3" in charts[0].svg["aria-label"]
    # Nothing is fetched from anywhere: no scripts, no stylesheets, no images, no fonts.
    assert not page.find_all(["script", "link", "img", "iframe", "object"])
    for tag in page.find_all(True):
        for name in ("src", "href", "srcset"):
            assert name not in tag.attrs, tag
    assert "@import" not in page.style.get_text() and "url(" not in page.style.get_text()
    assert "@media print" in page.style.get_text()


@pytest.mark.parametrize("since", ["yesterday", "-5d", "2026-13-01"])
def test_a_period_that_cannot_be_read_is_an_error_naming_the_option(history, since):
    _, env = history
    failed = run_task(env, "report", "--since", since, check=False)
    assert failed.returncode == 2 and "--since" in failed.stderr


def test_the_leads_list_filters_by_status_partner_and_overdue(history):
    intake, env = history
    everything = run_task(env, "leads")
    assert "won" in everything and "escalated" in everything and "deadline" in everything
    escalated = run_task(env, "leads", "--status", "escalated")
    assert "pat3@example.com" in escalated and "pat1@example.com" not in escalated
    assert "pat4@example.com" not in run_task(env, "leads", "--partner", "denver")
    overdue = run_task(env, "leads", "--overdue")
    assert "pat3@example.com" in overdue and "pat2@example.com" not in overdue
    bad = run_task(env, "leads", "--status", "done", check=False)
    assert bad.returncode == 2 and "no such status; the statuses are new, contacted" in bad.stderr
    nobody = run_task(env, "leads", "--partner", "gotham", check=False)
    assert nobody.returncode == 2 and "no such partner; the partners are" in nobody.stderr and "denver" in nobody.stderr


def test_the_head_office_can_record_a_status_itself(history):
    intake, env = history
    reference = intake.store.leads(statuses=("escalated",))[0].reference
    assert f"{reference} is now contacted." in run_task(env, "lead-status", reference, "contacted")
    assert intake.store.lead(reference).status == "contacted"
    failed = run_task(env, "lead-status", reference, "finished", check=False)
    assert failed.returncode == 1 and "'finished' is not a status" in failed.stderr
