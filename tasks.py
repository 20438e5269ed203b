"""Invoke tasks: build, serve, publish and test the site.

Run them from the project's virtual environment (`.venv/bin/invoke <task>`);
see the README for the two commands that set everything up from scratch.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

CONFIG = {
    "content": ROOT / "content",
    "output": ROOT / "output",
    "settings": ROOT / "pelicanconf.py",
    "publish_settings": ROOT / "publishconf.py",
    "host": "127.0.0.1",
    "port": 8000,
}
PYTHON = sys.executable


def _build(settings_file: Path, output: Path = CONFIG["output"]) -> None:
    """Build quietly: one summary line, or the problems as `file: field: problem` lines (exit 1)."""
    from tools.live_preview.builder import build_quietly

    result = build_quietly(settings_file, output)
    for warning in result.warnings:
        print(f"warning: {warning}")
    if not result.ok:
        raise Exit("The site was not built, because:\n" + "\n".join(f"  {p}" for p in result.problems), code=1)
    print(result.summary(f" into {_shown(output)}/"))


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _pip_install(c, requirements: str) -> None:
    """Bring the active environment in line with a pinned requirements file."""
    c.run(f"{PYTHON} -m pip install --quiet --disable-pip-version-check -r {ROOT / requirements}")


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(CONFIG["output"], ignore_errors=True)


@task
def build(c):
    """Build the site into output/ with the development settings."""
    _build(CONFIG["settings"])


@task(pre=[clean, build])
def rebuild(c):
    """Remove output/ and build it again from scratch."""


@task
def regenerate(c):
    """Rebuild whenever content, theme or settings change (Ctrl-C stops)."""
    c.run(
        f"{PYTHON} -m pelican --autoreload --fatal errors {CONFIG['content']} "
        f"-o {CONFIG['output']} -s {CONFIG['settings']}",
        pty=sys.stdin.isatty(),
    )


HOST_HELP = (
    "address to listen on: 127.0.0.1 (default, this computer only) or 0.0.0.0 (also phones and other "
    "computers on the same network: anyone on it can see the site)"
)


def _allow_network_origins(host: str, port: int) -> None:
    """Listening on every interface: the intake accepts posts from the addresses other devices use."""
    from tools.live_preview.session import intake_environment

    os.environ["INTAKE_ALLOWED_ORIGINS"] = intake_environment(host, port)["INTAKE_ALLOWED_ORIGINS"]


@task(help={"port": "port to listen on (default 8000)", "host": HOST_HELP})
def serve(c, port=CONFIG["port"], host=CONFIG["host"]):
    """Build the site and serve it with the lead intake (/api/) at http://127.0.0.1:8000."""
    from intake.server import serve_site_and_intake
    from tools.live_preview.session import address_lines

    _build(CONFIG["settings"])
    _allow_network_origins(host, int(port))
    for line in address_lines(host, int(port))[1:]:
        print(line)
    serve_site_and_intake(CONFIG["output"], host, int(port))


@task(help={"port": "port to listen on (default 8000)", "host": HOST_HELP})
def livereload(c, port=CONFIG["port"], host=CONFIG["host"]):
    """Serve the site with the lead intake; rebuild on every saved change and reload the browser.

    A build that fails keeps the last good site and shows its problems in the browser.
    """
    from tools.live_preview.__main__ import WATCHED_CODE
    from tools.live_preview.session import run_preview

    watched = [CONFIG["content"], *(ROOT / name for name in WATCHED_CODE)]
    run_preview(CONFIG["settings"], CONFIG["content"], CONFIG["output"], host, int(port), watched)


@task
def preview(c):
    """Build the production site (publishconf.py: absolute URLs, minified) into output/."""
    _build(CONFIG["publish_settings"])


@task
def publish(c):
    """Build a deployable output/ with publishconf.py; copy that folder to any static host."""
    _build(CONFIG["publish_settings"])
    print(f"Deployable site written to {CONFIG['output']}. See README, 'Deploying', to upload it.")


@task(
    help={
        "answers": "question=option pairs, comma-separated, e.g. team_size=small,revenue=1-15m,...",
        "json": "print the result as JSON instead of text",
    }
)
def quiz(c, answers, json=False):
    """Print the quiz's recommendation, ranking and reasons for a set of answers."""
    from sales_leadership.errors import ContentError
    from sales_leadership.quiz.answers import AnswerError
    from sales_leadership.quiz.explain import run

    try:
        print(run(CONFIG["content"], answers, as_json=json))
    except ContentError as error:
        raise Exit(f"The quiz definition has problems:\n{error}", code=1) from None
    except AnswerError as error:
        raise Exit(f"Those answers do not fit the quiz:\n{error}", code=2) from None


@task
def quiz_report(c):
    """Score every possible set of quiz answers: wins per outcome, margins, and any rule of the domain broken."""
    from sales_leadership.errors import ContentError
    from sales_leadership.quiz.report import run

    try:
        text, holds = run(CONFIG["content"])
    except ContentError as error:
        raise Exit(f"The quiz definition has problems:\n{error}", code=1) from None
    print(text)
    if not holds:
        raise Exit("The quiz breaks the rules above: change the weights until `invoke quiz-report` passes.", code=1)


def _ensure_chromium(c) -> str:
    """Install Debian's two Chromium builds the tests use when one is missing and we can (root with
    apt), and name both in the environment for pytest (tools/chromium.py: Playwright drives the
    headless shell, Lighthouse the browser). Returns the browser's path."""
    from tools import chromium

    builds = (chromium.BROWSER, chromium.HEADLESS_SHELL)
    missing = [build for build in builds if not chromium.find(build)]
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        packages = " ".join(build.package for build in missing)
        print(f"Installing Debian's {packages} for the browser tests ...")
        c.run("apt-get update -qq", hide="out")
        c.run(f"DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {packages}", hide="out")
    for build in builds:
        found = chromium.find(build)
        if not found:
            raise Exit(
                f"No {build.package} found for the browser tests. Install Debian's '{build.package}' package "
                f"or set {build.variable}=/path/to/it.",
                code=1,
            )
        if not os.access(found, os.X_OK):
            raise Exit(f"{build.variable}={found} is not an executable file.", code=1)
        os.environ[build.variable] = found
    return os.environ[chromium.BROWSER.variable]


@task(help={"pytest_args": "extra arguments for pytest, e.g. '-k quiz -x'"})
def test(c, pytest_args=""):
    """Install what the tests need, then run the linters and every test suite."""
    _pip_install(c, "requirements-dev.txt")
    _ensure_chromium(c)
    _ensure_node_tools(c)
    _ensure_java(c)
    _ensure_web_servers(c)
    c.run(f"{PYTHON} -m ruff check {ROOT}")
    c.run(f"{PYTHON} -m ruff format --check {ROOT}")
    js_tests = ROOT / "tests" / "js"
    if js_tests.is_dir():
        c.run(f"node --test {js_tests}")
    if pytest_args:
        c.run(f"{PYTHON} -m pytest {pytest_args}", pty=False)
        return
    # Two passes (docs/test-speed.md): everything else on every core, one test file per worker at a
    # time; then the load-sensitive gates (Lighthouse) alone, so a busy machine cannot fail them.
    c.run(f"{PYTHON} -m pytest --numprocesses {_test_workers()} --dist loadfile -m 'not alone'", pty=False)
    c.run(f"{PYTHON} -m pytest -m alone", pty=False)


def _test_workers() -> int:
    """One pytest worker per core the machine lets us use, and one more (TEST_WORKERS overrides).

    The tests spend about a sixth of their time waiting (for a server to start, a page to go quiet,
    a subprocess), so a spare worker fills those waits: on 2 cores the first pass took 318 s with
    3 workers against 350 s with 2 (docs/test-speed.md).
    """
    configured = os.environ.get("TEST_WORKERS", "").strip()
    if configured:
        return max(1, int(configured))
    return len(os.sched_getaffinity(0)) + 1


@task(
    help={
        "module": "one module of tools/mutation/config.toml (scoring, routing, tokens, abuse, storage, hours, "
        "roles, forms); default: all of them, one after another",
        "incremental": "run only the mutants the last run did not kill (their module unchanged); for a quick "
        "re-check after adding tests, not for the recorded figures after removing or changing tests",
    }
)
def mutate(c, module="", incremental=False):
    """Mutation testing of the domain core (cosmic-ray): each module's score and surviving mutants.

    Slow (see docs/mutation-testing.md for how long each module takes); not part of `invoke test`.
    """
    sys.path.insert(0, str(ROOT))
    from tools.mutation.run import main

    code = main([module] if module else [], incremental=incremental)
    if code:
        raise Exit(code=code)


@task(
    help={
        "where": "a ZIP code (80202 or 80202-1234) or a two-letter state code (CO)",
        "country": "the enquiry's country (default US; anything else goes to the head office)",
        "json": "print JSON for machines instead of a sentence",
    }
)
def route(c, where, country="US", json=False):
    """Print the partner a ZIP code or state routes to, and why (partners from content/partners)."""
    import json as json_module

    from sales_leadership.errors import ContentError
    from sales_leadership.partners.model import load_directory
    from sales_leadership.partners.routing import route as route_enquiry

    try:
        directory = load_directory(CONFIG["content"])
    except ContentError as error:
        raise Exit(
            "The partners could not be read, because:\n" + "\n".join(f"  {p}" for p in error.problems), 1
        ) from None
    value = where.strip()
    is_state = len(value) == 2 and value.isalpha()
    found = route_enquiry(
        directory, zip_code=None if is_state else value, state=value if is_state else None, country=country
    )
    partner = found.partner
    if json:
        print(
            json_module.dumps(
                {
                    "input": value,
                    "country": country,
                    "rule": found.rule,
                    "reason": found.reason,
                    "partner": {
                        "slug": partner.slug,
                        "name": partner.name,
                        "email": partner.email,
                        "phone": partner.phone,
                        "city": partner.city,
                        "state": partner.state,
                        "url": partner.url,
                        "head_office": partner.is_head_office,
                    },
                },
                indent=2,
            )
        )
        return
    print(f"{value} -> {partner.name} ({partner.city}, {partner.state}; {partner.email}, {partner.phone})")
    print(f"rule: {found.rule}")
    print(f"why:  {found.reason}")


# --- Quality gates: audit tools and the benchmark (see docs/quality-gates.md) --------------


def _ensure_node_tools(c) -> None:
    """Install the pinned audit tools of package-lock.json (axe-core, vnu-jar, Lighthouse).

    `--ignore-scripts`: vnu-jar's postinstall would download a Java runtime; the
    machine's Java runs the checker. Skipped while node_modules matches the lock.
    """
    if not shutil.which("npm"):
        raise Exit("npm not found: the quality gates need Node.js 20 and npm.", code=1)
    lock = ROOT / "package-lock.json"
    stamp = ROOT / "node_modules" / ".installed-lock.sha256"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest:
        return
    print("Installing the audit tools from package-lock.json (npm ci --ignore-scripts) ...")
    with c.cd(str(ROOT)):
        c.run("npm ci --ignore-scripts --no-audit --no-fund", hide="out")
    stamp.write_text(digest)


def _ensure_java(c) -> None:
    """The Nu Html Checker runs on Java; install Debian's headless JRE when we can (root with apt)."""
    if shutil.which("java"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing Debian's default-jre-headless for the HTML checker ...")
        c.run("apt-get update -qq", hide="out")
        c.run("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless", hide="out")
    if not shutil.which("java"):
        raise Exit("No `java` found for the Nu Html Checker: install Java 11 or newer.", code=1)


DEPLOY_HEADER_FILES = {
    "nginx-security-headers.conf": "sales_leadership.headers.nginx:render_nginx_snippet",
    "caddy-security-headers.caddy": "sales_leadership.headers.caddy:render_caddy_snippet",
}


def deploy_header_files() -> dict[Path, str]:
    """deploy/'s generated header files, as the header policy and publishconf.py make them today."""
    import importlib

    from sales_leadership.contact.backend import ContactBackend
    from sales_leadership.headers.policy import header_rules
    from site_guard.build import load_settings

    rules = header_rules(ContactBackend.from_site_settings(load_settings(CONFIG["publish_settings"])))
    files = {}
    for name, renderer in DEPLOY_HEADER_FILES.items():
        module, function = renderer.split(":")
        files[ROOT / "deploy" / name] = getattr(importlib.import_module(module), function)(rules)
    return files


# Debian packages the deployment tests run (tests/deploy): the real servers deploy/ configures.
WEB_SERVER_PACKAGES = ("nginx", "libnginx-mod-http-brotli-static", "caddy", "openssl")
NGINX_BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def _ensure_web_servers(c) -> None:
    """nginx (with its Brotli module), Caddy and openssl for tests/deploy; installed when we can (root with apt).

    Only the programs are needed: the tests start their own instances on free ports. On a machine
    that runs systemd, installing the packages also starts their default sites, which the tests leave alone.
    """
    if shutil.which("nginx") and shutil.which("caddy") and shutil.which("openssl") and NGINX_BROTLI_MODULE.is_file():
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing Debian's {' '.join(WEB_SERVER_PACKAGES)} for the deployment tests ...")
        c.run("apt-get update -qq", hide="out")
        c.run(f"DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {' '.join(WEB_SERVER_PACKAGES)}", hide="out")
    # Anything still missing makes tests/deploy fail, naming the package (skip-never).


@task
def deploy_headers(c):
    """Write deploy/'s nginx and Caddy header files from the header policy (a test fails while one is stale)."""
    for target, text in deploy_header_files().items():
        target.write_text(text, encoding="utf-8")
        print(f"Wrote {target.relative_to(ROOT)}")


@task(
    help={
        "articles": "synthetic articles to generate (default 1000)",
        "runs": "builds of each kind (default 3)",
        "builds_only": "only the build times (no Chromium page weights, no intake figures)",
    }
)
def bench(c, articles=1000, runs=3, builds_only=False):
    """Benchmark builds (synthetic 1,000-article site: ours vs plain Pelican; the real site), print page weights."""
    sys.path.insert(0, str(ROOT))
    from tools.bench.build import run_bench

    chromium = None if builds_only else _ensure_chromium(c)
    run_bench(chromium, articles=int(articles), runs=int(runs), builds_only=builds_only)


@task(help={"articles": "synthetic articles to generate (default 1000)"})
def profile_build(c, articles=1000):
    """Profile a build of the benchmark's synthetic site (pyinstrument); writes reports/build-profile.txt."""
    sys.path.insert(0, str(ROOT))
    from tools.bench.profile import profile_build as run_profile

    run_profile(articles=int(articles))


# --- Lead intake ---------------------------------------------------------------------
# The intake's own operations; see README, "Operating the lead intake". They read the same settings
# as the service (var/intake.env, or the file INTAKE_ENV_FILE names, and the environment) and never
# create a database: one that is not where the settings say is an error naming the path.


def _intake_settings():
    from intake.config import ConfigError, load_settings

    try:
        return load_settings(create_files=False)
    except ConfigError as error:
        raise Exit(f"The intake's settings are wrong: {error}", code=1) from None


def _lead_store():
    from intake.storage import DatabaseMissing, LeadStore

    settings = _intake_settings()
    store = LeadStore(settings.database, create=False)
    try:
        store.migrate()
    except DatabaseMissing:
        source = f"{settings.env_file} and the environment" if settings.env_file else "the environment"
        raise Exit(
            f"No lead database at {settings.database} (INTAKE_DATABASE, from {source}). Nothing was created. "
            "Run the command where the intake runs, with its settings (var/intake.env), or start the "
            "intake once (invoke serve, or gunicorn) to create the database.",
            code=1,
        ) from None
    return store


def _directory():
    """The partners, from the content the intake reads (INTAKE_CONTENT_PATH)."""
    from sales_leadership.errors import ContentError
    from sales_leadership.partners.model import load_directory

    try:
        return load_directory(_intake_settings().content_path)
    except ContentError as error:
        raise Exit(
            "The partners could not be read, because:\n" + "\n".join(f"  {p}" for p in error.problems), 1
        ) from None


def _site_facts():
    """The form's labels and the quiz, from the content the intake reads (INTAKE_CONTENT_PATH)."""
    from sales_leadership.contact.forms import FormChoices
    from sales_leadership.errors import ContentError
    from sales_leadership.partners.model import load_directory
    from sales_leadership.quiz.loader import QUIZ_FILE, load_quiz
    from sales_leadership.roles import load_roles

    content = _intake_settings().content_path
    try:
        roles = load_roles(content)
        quiz = load_quiz(content / QUIZ_FILE, roles)
        directory = load_directory(content)
    except ContentError as error:
        raise Exit(
            "The content could not be read, because:\n" + "\n".join(f"  {p}" for p in error.problems), 1
        ) from None
    return FormChoices.from_content(roles, quiz, directory), quiz


@task(
    help={
        "csv": "write every lead as CSV to this file ('-' for the terminal)",
        "spam": "include leads dropped or rejected as spam",
        "held": "only the leads held for review (release or reject them)",
        "lead": "show this lead in full (a reference, e.g. SLP-7K3Q): fields, quiz answers, history, e-mails",
        "status": "only leads with this status (comma-separated): new, contacted, meeting, not-a-fit, won, lost, "
        "escalated, held, spam",
        "partner": "only this partner's leads (the partner file's name, e.g. denver)",
        "overdue": "only leads not marked contacted by their first-response deadline",
    }
)
def leads(c, csv="", spam=False, held=False, lead="", status="", partner="", overdue=False):
    """List the latest leads (status, partner, age, deadline); --csv exports them all, --lead shows one."""
    from intake.admin import NotFound, lead_details, leads_csv, leads_table
    from intake.lifecycle import ALL_STATUSES

    store = _lead_store()
    statuses = tuple(part.strip() for part in status.split(",") if part.strip())
    unknown = [name for name in statuses if name not in ALL_STATUSES]
    if unknown:
        raise Exit(f"--status {', '.join(unknown)}: no such status; the statuses are {', '.join(ALL_STATUSES)}", 2)
    if partner and _directory().by_slug(partner) is None:
        known = ", ".join(p.slug for p in _directory().partners)
        raise Exit(f"--partner {partner}: no such partner; the partners are {known}", code=2)
    if lead:
        choices, quiz = _site_facts()
        try:
            print(lead_details(store, lead, choices, quiz))
        except NotFound as error:
            raise Exit(str(error), code=1) from None
    elif not csv:
        print(leads_table(store, include_spam=spam, held=held, statuses=statuses, partner=partner, overdue=overdue))
    elif csv == "-":
        sys.stdout.write(leads_csv(store, include_spam=spam, quiz=_site_facts()[1]))
    else:
        Path(csv).write_text(leads_csv(store, include_spam=spam, quiz=_site_facts()[1]), encoding="utf-8")
        print(f"Leads written to {csv}")


@task(help={"reference": "the lead's reference, e.g. SLP-7K3Q (invoke leads --held lists them)"})
def lead_release(c, reference):
    """A lead held for review is a real one: send it to its partner now."""
    from intake.admin import NotFound, release
    from intake.lifecycle import deadlines_for

    settings = _intake_settings()
    store = _lead_store()
    directory = _directory()

    def schedule(lead):
        partner = directory.by_slug(lead.partner_slug) or directory.head_office
        return deadlines_for(partner.hours, store.clock(), settings.first_response_hours, settings.escalate_hours)

    try:
        lead = release(store, reference, settings.acknowledge and settings.smtp.configured, schedule)
    except (NotFound, ValueError) as error:
        raise Exit(str(error), code=1) from None
    print(f"{lead.reference} released: it goes to {lead.partner_name} with the next delivery round.")


@task(help={"reference": "the lead's reference, e.g. SLP-7K3Q (invoke leads --held lists them)"})
def lead_reject(c, reference):
    """A lead held for review is spam: keep it flagged, never send it."""
    from intake.admin import NotFound, reject

    try:
        lead = reject(_lead_store(), reference)
    except (NotFound, ValueError) as error:
        raise Exit(str(error), code=1) from None
    print(f"{lead.reference} rejected as spam: it will not be sent (it is deleted with the retention period).")


@task(
    help={
        "reference": "the lead's reference, e.g. SLP-7K3Q",
        "status": "what happened: contacted, meeting, not-a-fit, won or lost",
    }
)
def lead_status(c, reference, status):
    """Record what happened with a lead, as the partner's status links do (e.g. the head office called them)."""
    from intake.admin import NotFound, find_lead

    store = _lead_store()
    try:
        lead, changed = store.set_status(
            find_lead(store, reference).id, status, "operator", "recorded by the head office"
        )
    except (NotFound, ValueError) as error:
        raise Exit(str(error), code=1) from None
    print(f"{lead.reference} is now {lead.status}." if changed else f"{lead.reference} was already {lead.status}.")


@task(
    help={
        "since": "the period: a number of days (90d, the default), of weeks (12w), or a date (2026-03-01)",
        "html": "also write the report as one self-contained HTML page (with bar charts) to this file",
        "csv": "also write the figures as CSV to this file",
    }
)
def report(c, since="90d", html="", csv=""):
    """Per partner and for the network: leads received, contacted in time, time to first contact, outcomes."""
    from intake.report import build_report, parse_since, report_csv, report_html, report_text
    from sales_leadership.roles import load_roles

    store = _lead_store()
    try:
        start = parse_since(since, store.clock())
    except ValueError as error:
        raise Exit(str(error), code=2) from None
    _, quiz = _site_facts()
    result = build_report(store, _directory(), quiz, load_roles(_intake_settings().content_path), start)
    print(report_text(result))
    if html:
        Path(html).write_text(report_html(result), encoding="utf-8")
        print(f"\nHTML report written to {html}")
    if csv:
        Path(csv).write_text(report_csv(result), encoding="utf-8")
        print(f"CSV written to {csv}")


@task(help={"all": "show delivered messages too"})
def outbox(c, all=False):
    """Show the deliveries still pending (attempts, next try, last error); --all shows sent ones too."""
    from intake.admin import outbox_table

    print(outbox_table(_lead_store(), include_sent=all))


@task(help={"days": "delete leads older than this many days (default: INTAKE_RETENTION_DAYS, 365)"})
def leads_purge(c, days=None):
    """Apply the retention period: delete leads (and their history and deliveries) older than N days."""
    if days is None:
        days = _intake_settings().retention_days
    else:
        try:
            days = int(days)
        except ValueError:
            days = 0
        if days < 1:
            raise Exit(f"--days {days}: give a whole number of days, 1 or more; nothing was deleted.", code=2)
    purged = _lead_store().purge_older_than(days)
    print(f"Deleted {purged.deleted} lead(s) older than {days} days.")
    if purged.kept_pending:
        print(
            f"Kept {purged.kept_pending} lead(s) older than that: their delivery is still pending "
            "(invoke outbox). They are deleted once delivered."
        )


@task(help={"email": "the person's e-mail address"})
def lead_export(c, email):
    """Print everything stored about one person (by e-mail address) as JSON."""
    from intake.admin import export_person

    print(export_person(_lead_store(), email, quiz=_site_facts()[1]))


@task(
    help={
        "email": "the person's e-mail address",
        "wait": "seconds to wait for other processes (the intake, a backup) to let go of the database file "
        "(default 10)",
    }
)
def lead_erase(c, email, wait=None):
    """Erase everything stored about one person (by e-mail address): leads, history, deliveries."""
    from intake.storage import EraseIncomplete

    options = {}
    if wait is not None:
        try:
            options["wait"] = float(wait)
        except ValueError:
            raise Exit(f"--wait must be a number of seconds, not {wait!r}", code=1) from None
    try:
        erased = _lead_store().erase_email(email, **options)
    except EraseIncomplete as error:
        raise Exit(f"NOT erased completely: {error}", code=1) from None
    print(f"Erased {erased} lead(s) for that address; the database file keeps no copy.")
    print("Copies of e-mails already sent (to the partner, and the visitor's receipt) stay in those mailboxes.")


@task
def bench_intake(c):
    """Intake throughput and p99 latency over HTTP, against a bare SQLite insert loop."""
    from tools.bench.intake import run_intake_bench

    for line in run_intake_bench():
        print(line)


# --- Visual review -----------------------------------------------------------------------


@task(
    help={
        "out": "folder for the PNGs (default reports/screenshots)",
        "only": "comma-separated page names, e.g. home,quiz-result (default: every template)",
    }
)
def screenshots(c, out="", only=""):
    """Build the site (development settings) into a temporary folder and screenshot every page template.

    390x844 and 1280x800, light and dark, full page: see tools/screenshots.py.
    """
    import tempfile

    sys.path.insert(0, str(ROOT))
    from tools.screenshots import DEFAULT_OUT, take_screenshots

    with tempfile.TemporaryDirectory(prefix="screenshots-") as folder:
        output = Path(folder) / "output"
        _build(CONFIG["settings"], output)
        names = {name.strip() for name in only.split(",") if name.strip()} or None
        written = take_screenshots(output, Path(out) if out else DEFAULT_OUT, names)
    print(f"{len(written)} screenshots in {out or DEFAULT_OUT}")
