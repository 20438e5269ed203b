"""Real parts for the intake tests: an SMTP server on loopback, the intake on a real HTTP server."""

from __future__ import annotations

import email
import email.policy
import http.client
import os
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from aiosmtpd.controller import Controller

from intake.app import create_app
from intake.config import load_settings
from intake.server import RunningServer, SiteWithIntake, StaticSite


def sample_lead(number: int = 0) -> dict[str, str]:
    """A valid contact form post, as a person fills it (no anti-bot token: a visitor without JavaScript).

    Each number is a different person with their own words: the same message from several
    addresses is a spam signal.
    """
    return {
        "name": f"Pat Example {number}",
        "email": f"pat{number}@example.com",
        "phone": "303-555-0100",
        "company": "Example Supply Co",
        "zip_code": "80202",
        "state": "CO",
        "enquiry_kind": "leadership",
        "role": "part-time",
        "team_size": "small",
        "revenue": "1-15m",
        "message": f"We have {number + 6} salespeople and no sales manager since March. Can we talk?",
        "consent": "y",
        "website": "",
        "quiz_answers": "team_size=small,revenue=1-15m",
        "started": "",
    }


def sample_application(number: int = 0) -> dict[str, str]:
    """A valid application to become a partner, as a sales leader fills it (the applicant's own questions)."""
    return {
        **sample_lead(number),
        "company": "Leader Advisory LLC",
        "enquiry_kind": "partner",
        "role": "",
        "team_size": "",
        "revenue": "",
        "experience": "6-10",
        "territory": "Denver metro and northern Colorado",
        "profile_url": f"https://www.linkedin.com/in/sam-leader-{number}",
        "message": f"I led a team of {number + 9} for eight years and now run my own practice.",
        "quiz_answers": "",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Mailbox:
    """What the SMTP server accepted: (envelope recipients, parsed message) pairs."""

    received: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self.lock:
            self.received.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def messages(self) -> list[EmailMessage]:
        with self.lock:
            return [message for _, message in self.received]


class SmtpServer:
    """aiosmtpd on 127.0.0.1; `stop()` and `start()` again on the same port simulate an outage.

    `mailbox`: a Mailbox (subclass) whose hooks may misbehave; `smtp_options`: aiosmtpd's SMTP
    options (`enable_SMTPUTF8=True` for a server that takes non-ASCII addresses).
    """

    def __init__(self, port: int | None = None, mailbox: Mailbox | None = None, **smtp_options):
        self.port = port or free_port()
        self.mailbox = mailbox or Mailbox()
        self.smtp_options = smtp_options
        self.controller: Controller | None = None

    def start(self) -> SmtpServer:
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port, **self.smtp_options)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def env(self) -> dict[str, str]:
        return {"INTAKE_SMTP_HOST": "127.0.0.1", "INTAKE_SMTP_PORT": str(self.port), "INTAKE_SMTP_TLS": "none"}


class ManualClock:
    """A clock the test moves: every timestamp the intake writes and every deadline it checks reads it."""

    def __init__(self, start: float):
        self.now = float(start)
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds

    def set(self, moment: float) -> None:
        with self._lock:
            self.now = float(moment)


def intake_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """Settings for one test's intake: its own database, secret and (empty) settings file, no SMTP unless given."""
    settings_file = tmp_path / "intake.env"
    if not settings_file.exists():
        settings_file.write_text("# this test's settings file: the environment below says everything\n")
    env = {
        "INTAKE_ENV_FILE": str(settings_file),
        "INTAKE_DATABASE": str(tmp_path / "var" / "intake.sqlite3"),
        "INTAKE_SECRET": "test-secret",
        "INTAKE_RATE_LIMIT_POSTS": "1000",
        "INTAKE_MIN_FILL_SECONDS": "3",
        "INTAKE_RETRY_BASE_SECONDS": "0.2",
        "INTAKE_RETRY_MAX_SECONDS": "0.5",
        "INTAKE_POLL_SECONDS": "0.2",
        "INTAKE_SMTP_TIMEOUT": "5",
        "INTAKE_ACK_EMAIL": "0",  # on by default; the tests about receipts turn it on
    }
    env.update(overrides)
    return env


@contextmanager
def running_intake(env: dict[str, str], output: Path | None = None, port: int | None = None, clock=None):
    """The intake (with its delivery worker) and, when `output` is given, the site, on one loopback origin.

    `port`: listen there (a free port chosen earlier, e.g. for a site built with that origin);
    by default a free port is picked here. `clock`: the intake's time (a ManualClock), else real time.
    """
    port = port or free_port()
    origin = f"http://127.0.0.1:{port}"
    settings = load_settings({"INTAKE_ALLOWED_ORIGINS": origin, "SITE_ORIGIN": origin, **env})
    if output is not None:
        settings = settings.with_changes(output_path=output)
    app = create_app(settings, clock=clock)
    wsgi = SiteWithIntake(StaticSite(output), app) if output is not None else app
    server = RunningServer(wsgi, port=port).start()
    try:
        yield Intake(server.url, app)
    finally:
        server.stop()
        app.close()


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        import json

        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class Intake:
    url: str
    app: object

    @property
    def store(self):
        return self.app.store

    def request(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None) -> Reply:
        parts = urlsplit(self.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            connection.close()

    def post(self, fields: dict[str, str] | bytes, *, json_reply: bool = True, headers: dict[str, str] | None = None):
        """A form post as a browser on the site's own page sends it."""
        body = fields if isinstance(fields, bytes) else urlencode(fields).encode()
        sent = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": self.url,
            "Accept": "application/json" if json_reply else "text/html,application/xhtml+xml,*/*;q=0.8",
        }
        sent.update(headers or {})
        return self.request("POST", "/api/contact", body, sent)


ROOT = Path(__file__).resolve().parents[2]
INVOKE = [sys.executable, "-m", "invoke"]


def run_task(env: dict[str, str], *args: str, check: bool = True) -> str | subprocess.CompletedProcess:
    result = subprocess.run(
        [*INVOKE, *args], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, check=False
    )
    if not check:
        return result
    assert result.returncode == 0, result.stderr
    return result.stdout


def task_env(intake, tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of an operator's shell on the intake's machine: only the settings file, as the README says."""
    settings = tmp_path / "operator.env"
    lines = [f"INTAKE_DATABASE={intake.app.settings.database}", *(f"{key}={value}" for key, value in extra.items())]
    settings.write_text("# written by the test, as an operator would\n" + "\n".join(lines) + "\n")
    return {"INTAKE_ENV_FILE": str(settings)}


def wait_until(condition, timeout: float = 30.0, what: str = "condition"):
    """Poll `condition` until it is truthy (returned) or fail after a generous timeout.

    The timeout only bounds a broken run; nothing here asserts how fast anything is.
    """
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


# Where the stores' manual clocks start (tests/intake/conftest.py `clock`): a fixed, far-off moment.
CLOCK_START = 1_900_000_000.0


def hold_the_database(path, how: str = "write") -> subprocess.Popen:
    """Another process holding SQLite's write lock ("write") or an old snapshot ("read"), until its
    stdin closes (`holder.communicate("")`)."""
    statements = ["BEGIN IMMEDIATE"] if how == "write" else ["BEGIN", "SELECT COUNT(*) FROM leads"]
    code = (
        "import sqlite3, sys\n"
        f"db = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        + "".join(f"db.execute({statement!r}).fetchall()\n" for statement in statements)
        + "print('holding', flush=True)\n"
        "sys.stdin.read()\n"
    )
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "holding"
    return process


@contextmanager
def database_locked(path):
    """Another process holds SQLite's write lock until the block ends."""
    holder = hold_the_database(path, "write")
    try:
        yield
    finally:
        holder.communicate("")
