"""Faults: a burst of concurrent posts, and the intake killed with SIGKILL in the middle of one."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from intake.storage import LeadStore
from tests.intake.support import Intake, free_port, intake_env, sample_lead, wait_until

ROOT = Path(__file__).resolve().parents[2]


def test_a_burst_of_200_posts_from_20_threads_is_stored_completely(intake):
    with ThreadPoolExecutor(20) as pool:
        replies = list(pool.map(lambda n: intake.post(sample_lead(n)), range(200)))
    assert sorted({reply.status for reply in replies}) == [201]
    assert not [reply for reply in replies if b"locked" in reply.body]
    references = {reply.json()["reference"] for reply in replies}
    assert len(references) == 200
    assert {lead.reference for lead in intake.store.leads()} == references
    deliveries = intake.store.deliveries(include_sent=True)
    assert len(deliveries) == 200 and len({d.lead_id for d in deliveries}) == 200


def _start_gunicorn(env: dict[str, str], port: int) -> subprocess.Popen:
    """gunicorn as deployed, its settings (the address it binds too) in the settings file only."""
    settings_file = Path(env["INTAKE_ENV_FILE"])
    settings = {**env, "INTAKE_BIND": f"127.0.0.1:{port}", "INTAKE_ALLOWED_ORIGINS": f"http://127.0.0.1:{port}"}
    settings_file.write_text("".join(f"{key}={value}\n" for key, value in settings.items() if key != "INTAKE_ENV_FILE"))
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env={**os.environ, "INTAKE_ENV_FILE": str(settings_file)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: SIGKILL reaches master and worker alike
    )


def _healthy(intake: Intake) -> bool:
    try:
        return intake.request("GET", "/api/health").status == 200
    except OSError:
        return False


def test_every_post_answered_success_survives_sigkill_mid_burst(tmp_path):
    env = intake_env(tmp_path)
    port = free_port()
    intake = Intake(f"http://127.0.0.1:{port}", None)
    server = _start_gunicorn(env, port)
    acknowledged: list[str] = []
    lock = threading.Lock()
    try:
        wait_until(lambda: _healthy(intake), what="gunicorn to start")

        def post(number: int) -> None:
            try:
                reply = intake.post(sample_lead(number))
            except (OSError, http.client.HTTPException):
                return  # the server died under this request: no promise was made
            if reply.status == 201:
                with lock:
                    acknowledged.append(reply.json()["reference"])

        with ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(post, n) for n in range(400)]
            wait_until(lambda: len(acknowledged) >= 40, what="the burst to be under way")
            os.killpg(server.pid, signal.SIGKILL)
            for future in futures:
                future.result()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    assert 40 <= len(acknowledged) < 400, "the kill should land in the middle of the burst"
    store = LeadStore(env["INTAKE_DATABASE"])
    store.migrate()  # what the restarted intake does first
    stored = {lead.reference for lead in store.leads()}
    assert set(acknowledged) <= stored
    assert all(delivery.status == "pending" for delivery in store.deliveries())
    assert len(store.deliveries()) == len(stored)
    store.close()
    print(f"SIGKILL mid-burst: {len(acknowledged)} posts answered 201, {len(stored)} leads stored, 0 lost")
