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

from tests.intake.support import Intake, free_port, intake_env, sample_lead, wait_until

ROOT = Path(__file__).resolve().parents[2]
INVOKE = [sys.executable, "-m", "invoke"]


def run_task(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [*INVOKE, *args], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture
def local_server(tmp_path, built_site):
    """`serve_site_and_intake` in its own process, with no SMTP configured, as on a fresh checkout."""
    env = intake_env(tmp_path)
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


def test_lead_tasks_list_export_and_erase_one_person(make_intake):
    intake = make_intake()
    for number in range(3):
        assert intake.post(sample_lead(number)).status == 201
    assert intake.post({**sample_lead(9), "message": '=HYPERLINK("http://evil.example")'}).status == 201
    env = {"INTAKE_DATABASE": str(intake.app.settings.database), "INTAKE_SECRET": "test-secret"}

    listed = run_task(env, "leads")
    assert all(f"pat{n}@example.com" in listed for n in (0, 1, 2, 9))
    rows = list(csv.DictReader(io.StringIO(run_task(env, "leads", "--csv", "-"))))
    assert len(rows) == 4 and rows[0]["email"] == "pat0@example.com"
    assert rows[3]["message"].startswith("'="), "a formula must not run when the export is opened"

    exported = json.loads(run_task(env, "lead-export", "--email", "PAT1@example.com"))
    assert [lead["fields"]["name"] for lead in exported["leads"]] == ["Pat Example 1"]
    assert exported["leads"][0]["deliveries"][0]["kind"] == "partner"

    assert "Erased 1 lead" in run_task(env, "lead-erase", "--email", "pat1@example.com")
    assert "pat1@example.com" not in run_task(env, "leads")
    assert json.loads(run_task(env, "lead-export", "--email", "pat1@example.com"))["leads"] == []
    assert len(intake.store.deliveries()) == 3


def test_the_retention_task_deletes_only_leads_past_the_period(make_intake):
    intake = make_intake()
    old = intake.post(sample_lead(1)).json()["reference"]
    assert intake.post(sample_lead(2)).status == 201
    with intake.store.transaction() as db:
        db.execute("UPDATE leads SET created_at = '2020-01-01T00:00:00.000000Z' WHERE public_id = ?", (old,))
    env = {"INTAKE_DATABASE": str(intake.app.settings.database), "INTAKE_SECRET": "test-secret"}
    assert "Deleted 1 lead(s) older than 30 days" in run_task(env, "leads-purge", "--days", "30")
    assert [lead.fields["email"] for lead in intake.store.leads()] == ["pat2@example.com"]


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
