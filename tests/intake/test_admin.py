"""The operator's side: the local combined server as `invoke serve` runs it, and the intake's tasks."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.intake.support import Intake, free_port, intake_env, run_task, sample_lead, task_env, wait_until

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def local_server(tmp_path, built_site):
    """`serve_site_and_intake` in its own process, with no SMTP configured, as on a fresh checkout.

    Its settings are in a settings file only, as the README says to keep them.
    """
    settings_file = tmp_path / "settings.env"
    settings_file.write_text("".join(f"{key}={value}\n" for key, value in intake_env(tmp_path).items()))
    env = {"INTAKE_ENV_FILE": str(settings_file)}
    port = free_port()
    code = f"from intake.server import serve_site_and_intake; serve_site_and_intake({str(built_site)!r}, port={port})"
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'plugins'}"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    intake = Intake(f"http://127.0.0.1:{port}", None)

    def up() -> bool:
        try:
            return intake.request("GET", "/api/health").status == 200
        except OSError:
            return process.poll() is not None  # died: stop waiting, the test will say why

    wait_until(up, what="the local server")
    yield intake, process, env
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(30)


def test_the_local_server_keeps_leads_pending_without_smtp_and_says_so(local_server):
    intake, process, env = local_server
    assert intake.request("GET", "/").status == 200
    assert intake.post(sample_lead(), json_reply=False).status == 303
    thanks = intake.request("GET", "/contact/thanks/")
    assert thanks.status == 200 and "content-security-policy" in thanks.headers
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "Serving the site and the lead intake at http://127.0.0.1:" in stdout
    warnings = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    assert [entry["event"] for entry in warnings if entry["level"] == "warning"] == ["smtp_not_configured"]
    assert "pat0@example.com" not in stderr and "Pat Example" not in stderr, "no personal data in the logs"
    outbox = run_task(env, "outbox")
    assert "pending" in outbox and "partner" in outbox
    assert "pat0@example.com" in run_task(env, "leads")


def test_lead_tasks_list_export_and_erase_one_person(make_intake, tmp_path):
    intake = make_intake()
    for number in range(3):
        assert intake.post(sample_lead(number)).status == 201
    assert intake.post({**sample_lead(9), "message": '=HYPERLINK("http://evil.example")'}).status == 201
    env = task_env(intake, tmp_path)

    listed = run_task(env, "leads")
    assert all(f"pat{n}@example.com" in listed for n in (0, 1, 2, 9))
    rows = list(csv.DictReader(io.StringIO(run_task(env, "leads", "--csv", "-"))))
    assert len(rows) == 4 and rows[0]["email"] == "pat0@example.com"
    assert rows[3]["message"].startswith("'="), "a formula must not run when the export is opened"

    exported = json.loads(run_task(env, "lead-export", "--email", "PAT1@example.com"))
    assert [lead["fields"]["name"] for lead in exported["leads"]] == ["Pat Example 1"]
    assert exported["leads"][0]["deliveries"][0]["kind"] == "partner"

    refused = run_task(env, "lead-erase", "--email", "pat1@example.com", "--wait", "a while", check=False)
    assert refused.returncode == 1 and "--wait must be a number of seconds, not 'a while'" in refused.stderr
    assert "pat1@example.com" in run_task(env, "leads"), "a refused erase erases nothing"
    assert "Erased 1 lead" in run_task(env, "lead-erase", "--email", "pat1@example.com")
    assert "pat1@example.com" not in run_task(env, "leads")
    assert json.loads(run_task(env, "lead-export", "--email", "pat1@example.com"))["leads"] == []
    assert len(intake.store.deliveries()) == 2, "pat0's and pat2's; pat9's formula-and-link post is held"


def test_the_retention_task_deletes_only_leads_past_the_period_and_never_one_still_pending(make_intake, tmp_path):
    intake = make_intake()
    old = intake.post(sample_lead(1)).json()["reference"]
    assert intake.post(sample_lead(2)).status == 201
    with intake.store.transaction() as db:
        db.execute("UPDATE leads SET created_at = '2020-01-01T00:00:00.000000Z' WHERE reference = ?", (old,))
    env = task_env(intake, tmp_path)
    said = run_task(env, "leads-purge", "--days", "30")
    assert "Deleted 0 lead(s) older than 30 days" in said
    assert "Kept 1 lead(s) older than that: their delivery is still pending" in said
    with intake.store.transaction() as db:  # the partner's e-mail went out meanwhile
        db.execute("UPDATE outbox SET status = 'sent'")
    assert "Deleted 1 lead(s) older than 30 days" in run_task(env, "leads-purge", "--days", "30")
    assert [lead.fields["email"] for lead in intake.store.leads()] == ["pat2@example.com"]


@pytest.mark.parametrize("days", ["0", "-1", "ten"])
def test_the_retention_task_refuses_a_period_that_would_delete_everything(make_intake, tmp_path, days):
    intake = make_intake()
    assert intake.post(sample_lead()).status == 201
    refused = run_task(task_env(intake, tmp_path), "leads-purge", "--days", days, check=False)
    assert refused.returncode != 0
    assert "1 or more" in refused.stderr and "nothing was deleted" in refused.stderr
    assert intake.store.count_leads() == 1


def test_a_retention_period_of_zero_in_the_settings_is_refused_naming_it(make_intake, tmp_path):
    intake = make_intake()
    assert intake.post(sample_lead()).status == 201
    refused = run_task(task_env(intake, tmp_path, INTAKE_RETENTION_DAYS="0"), "leads-purge", check=False)
    assert refused.returncode != 0
    assert "INTAKE_RETENTION_DAYS='0': must be 1 or more" in refused.stderr
    assert "operator.env" in refused.stderr, "the message names the settings file too"
    assert intake.store.count_leads() == 1


def test_lead_erase_fails_clearly_while_another_process_holds_the_old_copy(make_intake, tmp_path):
    intake = make_intake()
    assert intake.post(sample_lead(1)).status == 201
    code = (
        "import sqlite3, sys\n"
        f"db = sqlite3.connect({str(intake.app.settings.database)!r}, isolation_level=None)\n"
        "db.execute('BEGIN'); db.execute('SELECT COUNT(*) FROM leads').fetchone()\n"
        "print('reading', flush=True); sys.stdin.read()\n"
    )
    reader = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "reading"
        failed = run_task(
            task_env(intake, tmp_path), "lead-erase", "--email", "pat1@example.com", "--wait", "1", check=False
        )
    finally:
        reader.communicate("")
    assert failed.returncode == 1
    assert "Erased" not in failed.stdout
    assert "NOT erased completely" in failed.stderr and f"PID {reader.pid}" in failed.stderr
    done = run_task(task_env(intake, tmp_path), "lead-erase", "--email", "pat1@example.com")
    assert "the database file keeps no copy" in done
    assert "stay in those mailboxes" in done


def test_held_leads_are_listed_and_released_or_rejected_by_reference(make_intake, smtp, tmp_path):
    intake = make_intake(**smtp.env())
    doubtful = {**sample_lead(1), "message": "Great offer! See https://a.example https://b.example https://c.example"}
    held = intake.post(doubtful).json()["reference"]
    spam = intake.post({**sample_lead(2), "company": "www.cheap-seo.example"}).json()["reference"]
    env = task_env(intake, tmp_path)
    listed = run_task(env, "leads", "--held")
    assert held in listed and spam in listed and "three or more web addresses" in listed
    assert "pat1@example.com" in listed

    assert f"{held} released" in run_task(env, "lead-release", held.lower())
    intake.app.worker.wake()
    [(recipients, message)] = wait_until(lambda: list(smtp.mailbox.received), what="the released lead's e-mail")
    assert message["Reply-To"] == "pat1@example.com"
    assert f"{spam} rejected" in run_task(env, "lead-reject", spam)
    assert "No leads are held for review." in run_task(env, "leads", "--held")
    again = run_task(env, "lead-release", spam, check=False)
    assert again.returncode == 1 and "not held for review (its status is spam)" in again.stderr
    unknown = run_task(env, "lead-reject", "SLP-ZZZZ", check=False)
    assert unknown.returncode == 1 and "no lead with the reference 'SLP-ZZZZ'" in unknown.stderr
    assert len(smtp.mailbox.received) == 1


def test_the_leads_list_shows_terminal_escape_sequences_instead_of_obeying_them(make_intake, tmp_path):
    intake = make_intake()
    hostile = "Pat\x1b[2J\x1b]0;owned\x07 Example\u202e"
    assert intake.post({**sample_lead(), "company": "Acme\x1b[31m Red"}).status == 201
    with intake.store.transaction() as db:  # a name as an older intake stored it, before normalising
        db.execute("UPDATE leads SET fields = json_set(fields, '$.name', ?)", (hostile,))
    listed = run_task(task_env(intake, tmp_path), "leads")
    assert "\x1b" not in listed and "\x07" not in listed and "\u202e" not in listed
    assert "Pat\\x1b[2J\\x1b]0;owned\\x07 Example\\u202e" in listed


def test_the_csv_export_cannot_be_run_by_a_spreadsheet_and_keeps_phone_numbers(make_intake, tmp_path):
    intake = make_intake()
    post = {
        **sample_lead(),
        "company": "Acme;=cmd|' /C calc'!A0",
        "name": "  =1+1",
        "phone": "+1 303 555 0142",
        "message": '＝HYPERLINK("http://evil.example","see our prices for the sales team") and more text here',
    }
    assert intake.post(post).status == 201
    exported = run_task(task_env(intake, tmp_path), "leads", "--csv", "-", "--spam")
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(exported), delimiter=delimiter):
            for cell in row:
                first = cell.lstrip(' \t"')[:1]
                assert first not in ("=", "@", "＝") or cell.lstrip().startswith("'"), (delimiter, cell)
    [row] = list(csv.DictReader(io.StringIO(exported)))
    assert row["phone"] == "+1 303 555 0142"
    assert row["company"] == "Acme;'=cmd|' /C calc'!A0"
    assert row["name"].startswith("'") and row["message"].startswith("'＝")


def test_operator_commands_refuse_to_create_a_database_and_name_the_path(tmp_path):
    missing = tmp_path / "elsewhere" / "intake.sqlite3"
    settings = tmp_path / "intake.env"
    settings.write_text(f"INTAKE_DATABASE={missing}\n")
    for args in (["leads"], ["outbox"], ["leads-purge"], ["lead-export", "--email", "a@example.com"]):
        failed = run_task({"INTAKE_ENV_FILE": str(settings)}, *args, check=False)
        assert failed.returncode == 1, args
        assert f"No lead database at {missing}" in failed.stderr and "Nothing was created" in failed.stderr
        assert str(settings) in failed.stderr
    assert not missing.exists() and not missing.parent.exists()


def test_every_request_is_logged_not_only_the_first(make_intake):
    """Pelican's logging, imported with the contact form, must not drop the intake's repeated lines."""
    intake = make_intake()
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger("intake.app").addHandler(handler)
    try:
        for _ in range(3):
            assert intake.request("GET", "/api/health").status == 200
    finally:
        logging.getLogger("intake.app").removeHandler(handler)
    assert [getattr(record, "event", "") for record in records].count("request") == 3


def test_the_quiz_answers_read_as_the_owner_clicked_them_in_every_operators_view(make_intake, tmp_path):
    from sales_leadership.quiz.answers import described

    intake = make_intake()
    answers = "team_size=small,revenue=1-15m,leader_situation=owner-led,primary_need=build"
    reference = intake.post({**sample_lead(), "quiz_answers": answers}).json()["reference"]
    expected = described(intake.app.site.quiz, dict(pair.split("=") for pair in answers.split(",")))
    env = task_env(intake, tmp_path)

    shown = run_task(env, "leads", "--lead", reference)
    assert all(f"{question} {answer}" in shown for question, answer in expected)
    assert "Your name: Pat Example 0" in shown and "History:" in shown and "received (new) by visitor" in shown
    assert "owner-led" not in shown

    [row] = list(csv.DictReader(io.StringIO(run_task(env, "leads", "--csv", "-"))))
    assert row["quiz answers (as answered)"] == "; ".join(f"{q} {a}" for q, a in expected)
    assert row["quiz_answers"] == answers, "the ids stay too, for a machine"

    exported = json.loads(run_task(env, "lead-export", "--email", "pat0@example.com"))
    assert exported["leads"][0]["quiz_answers_as_answered"] == [{"question": q, "answer": a} for q, a in expected]
    assert [event["event"] for event in exported["leads"][0]["history"]] == ["received"]
