"""`invoke livereload` as an editor uses it: a preview running in its own process, a file broken
and fixed while a browser (on the network address, as a phone would) watches.

The preview runs `python -m tools.live_preview` (what the task runs) on a copy of the content,
listening on every interface, with its own intake database.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from intake.storage import LeadStore
from tests.intake.support import free_port, intake_env, wait_until
from tests.support import ROOT, copy_content
from tools.live_preview.builder import BuildResult
from tools.live_preview.server import BuildStatus, PreviewApp
from tools.live_preview.session import network_addresses
from tools.live_preview.swap import SiteFolder

BUILD_TIMEOUT = 180  # a build takes seconds; a loaded machine may take many more
PROBLEM = "pages/about.md: Description: missing"


class Preview:
    def __init__(self, folder: Path):
        self.folder = folder
        self.content = copy_content(folder / "content")
        self.output = folder / "output"
        self.log = folder / "preview.log"
        self.port = free_port()
        addresses = network_addresses()
        if not addresses:
            pytest.fail("This machine has no network address besides loopback: --host 0.0.0.0 cannot be tried")
        self.url = f"http://{addresses[0]}:{self.port}"
        self.env = {**os.environ, **intake_env(folder, INTAKE_MIN_FILL_SECONDS="0")}
        self.env.pop("INTAKE_ALLOWED_ORIGINS", None)

    def start(self) -> Preview:
        command = [sys.executable, "-m", "tools.live_preview", "--host", "0.0.0.0", "--port", str(self.port)]
        command += ["--content", str(self.content), "--output", str(self.output)]
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_until(lambda: "Preview: " in self.text() or self.process.poll() is not None, BUILD_TIMEOUT, "the preview")
        assert self.process.poll() is None, self.text()
        return self

    def stop(self) -> int:
        os.killpg(self.process.pid, signal.SIGINT)  # Ctrl-C, as in the terminal
        return self.process.wait(timeout=60)

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def builds(self) -> int:
        return len(re.findall(r"^\d\d:\d\d:\d\d (Built|Not built)", self.text(), re.MULTILINE))

    def edit(self, relative: str, old: str, new: str) -> None:
        """Save a change and wait until the preview has built it."""
        before = self.builds()
        path = self.content / relative
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        wait_until(lambda: self.builds() > before, BUILD_TIMEOUT, f"a build after editing {relative}")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    running = Preview(tmp_path_factory.mktemp("preview")).start()
    yield running
    assert running.stop() == 0, "Ctrl-C should stop the preview cleanly:\n" + running.text()[-2000:]


def test_a_good_build_prints_one_line_and_the_address_for_a_phone(preview):
    lines = preview.text().splitlines()
    assert re.fullmatch(r"\d\d:\d\d:\d\d Built in \d+\.\d s: \d+ pages\.", lines[1]), lines[:3]
    assert lines[2].startswith("Preview: http://127.0.0.1:")
    assert f"On a phone on the same network: {preview.url}/" in lines[3]
    assert "Anyone on this network can open the preview" in lines[4]
    assert not any("Writing" in line or "Traceback" in line for line in lines)


@pytest.mark.browser
def test_the_contact_form_sends_a_lead_from_another_device(preview, page):
    page.goto(preview.url + "/contact/")
    page.get_by_role("textbox", name="Your name").fill("Alex Morgan")
    page.get_by_label("Email address").fill("alex.morgan@example.com")
    page.get_by_role("textbox", name="Company").fill("Front Range Supply")
    page.get_by_role("textbox", name="ZIP code").fill("80202")
    # Who the message goes to appears under the ZIP code and moves what follows: wait for it, so a
    # slow machine does not click the consent box where it was before.
    expect(page.locator("[data-partner-preview]")).to_contain_text("Dana Whitfield")
    page.get_by_label("Your message").fill("Six salespeople and nobody to lead them.")
    page.get_by_label(re.compile("I agree to be contacted")).check()
    page.get_by_role("button", name="Send your message").click()
    page.wait_for_url(re.compile(r"/contact/thanks/(\?receipt=[^&]+)?$"))
    store = LeadStore(Path(preview.env["INTAKE_DATABASE"]))
    [lead] = store.leads()
    assert lead.fields["email"] == "alex.morgan@example.com" and lead.partner_slug == "denver"
    expect(page.get_by_text(f"Your reference: {lead.reference}")).to_be_visible()


@pytest.mark.browser
def test_a_broken_file_keeps_the_last_good_page_and_shows_the_problem_until_it_is_fixed(preview, page):
    console_errors = []
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    page.goto(preview.url + "/about/")
    heading = page.get_by_role("heading", level=1).inner_text()
    alert = page.locator(".preview-problems")
    expect(alert).to_have_count(0)

    preview.edit("pages/about.md", "Description:", "Descripton:")
    # The open page reloads by itself: the last good page, with the problem on top.
    expect(alert).to_contain_text(PROBLEM, timeout=30_000)
    expect(page.get_by_role("alert")).to_contain_text("Your last change was not built: 1 problem")
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.locator("body").inner_text().startswith("Your last change was not built"), "nothing above the banner"
    for path in ("/about/", "/compare/", "/"):
        status, html = preview.get(path)
        assert status == 200 and PROBLEM in html, path
    assert (preview.output / "index.html").is_file(), "output/ must keep the last good site"
    terminal = preview.text()
    assert terminal.count(PROBLEM) == 1, terminal
    assert "Traceback" not in terminal and "Writing" not in terminal

    preview.edit("pages/about.md", "Descripton:", "Description:")
    expect(alert).to_have_count(0, timeout=30_000)
    assert PROBLEM not in preview.get("/about/")[1]
    # The CSP allowed the preview's script and stylesheet. (Chromium ignores, and says so, the
    # Cross-Origin-Opener-Policy on plain http from a network address: a phone sees the same.)
    assert not [text for text in console_errors if "Cross-Origin-Opener-Policy" not in text], console_errors


def test_before_any_good_build_every_address_shows_the_problems(tmp_path):
    from werkzeug.test import Client

    status = BuildStatus()
    status.record(BuildResult(False, 1.0, problems=["content/data/site.yaml: line 3: invalid YAML: <b>x</b>"]))
    client = Client(PreviewApp(SiteFolder(tmp_path / "output"), status))
    answer = client.get("/compare/")
    assert answer.status_code == 503
    html = answer.get_data(as_text=True)
    assert "The site could not be built: 1 problem" in html
    assert "content/data/site.yaml: line 3: invalid YAML: &lt;b&gt;x&lt;/b&gt;" in html
    assert '<script type="module" src="/_preview/reload.mjs"></script>' in html
    body = BeautifulSoup(html, "html.parser").body
    assert body.contents[0].name == "section" and body.get_text().startswith("The site could not be built")
