"""Real servers from the shipped files: nginx and Caddy with deploy/'s configuration, the intake
under gunicorn with deploy/gunicorn.conf.py, all on 127.0.0.1.

The configuration a test runs is the shipped file with only what must differ on this machine
substituted (ports, paths, the site's address, a throwaway certificate). Every substitution
must find its text: a shipped file that changed shape fails here, loudly, instead of a test
quietly running something other than what ships.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SHIPPED_PROJECT = "/srv/sales-leadership"
SHIPPED_SITE = "www.example.com"
SHIPPED_INTAKE = "127.0.0.1:8001"
START_TIMEOUT = 60
# Debian packages the deployment tests run; `invoke test` installs them (tasks.py).
PACKAGES = {"nginx": "nginx libnginx-mod-http-brotli-static", "caddy": "caddy"}
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


class ServerFailed(AssertionError):
    """A server did not start; the message holds the end of its log."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def missing_programs() -> list[str]:
    """What this machine lacks to run the deployment tests, with the packages that bring it."""
    problems = [
        f"`{program}` not found: install Debian's {packages} (`invoke test` does, as root)"
        for program, packages in PACKAGES.items()
        if not shutil.which(program)
    ]
    if shutil.which("nginx") and not BROTLI_MODULE.is_file():
        problems.append(f"{BROTLI_MODULE} not found: install Debian's libnginx-mod-http-brotli-static")
    if not shutil.which("openssl"):
        problems.append("`openssl` not found (it makes the tests' certificate): install Debian's openssl")
    return problems


def substitute(text: str, replacements: list[tuple[str, str]], source: str) -> str:
    for old, new in replacements:
        if old not in text:
            raise AssertionError(
                f"{source}: expected to find {old!r} to substitute for the test; the file changed shape"
            )
        text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class Site:
    """Where the tests serve the site: one HTTPS origin (and its http port) for either proxy."""

    https_port: int
    http_port: int
    intake_port: int
    output: Path

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, valid for a day (nginx's HTTPS server block)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def wait_for_port(port: int, process: subprocess.Popen, log: Path, name: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerFailed(f"{name} exited with {process.returncode}:\n{_tail(log)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise ServerFailed(f"{name} did not listen on 127.0.0.1:{port} within {START_TIMEOUT} s:\n{_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.is_file() else "(no log)"


def stop(process: subprocess.Popen) -> None:
    """Stop a server started in its own process group, and everything it started."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _start(command: list[str], folder: Path, name: str, **options) -> tuple[subprocess.Popen, Path]:
    log = folder / f"{name}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stopped with everything it starts
            **options,
        )
    return process, log


# --- nginx -----------------------------------------------------------------------------------


def render_nginx_site(site: Site, cert: Path, key: Path) -> str:
    """deploy/nginx.conf for this machine: ports, paths and the certificate substituted."""
    source = DEPLOY / "nginx.conf"
    return substitute(
        source.read_text(encoding="utf-8"),
        [
            ("listen 443 ssl http2;", f"listen 127.0.0.1:{site.https_port} ssl http2;"),
            ("    listen [::]:443 ssl http2;\n", ""),
            ("listen 80;", f"listen 127.0.0.1:{site.http_port};"),
            ("    listen [::]:80;\n", ""),
            (f"/etc/letsencrypt/live/{SHIPPED_SITE}/fullchain.pem", str(cert)),
            (f"/etc/letsencrypt/live/{SHIPPED_SITE}/privkey.pem", str(key)),
            (f"{SHIPPED_PROJECT}/output", str(site.output)),
            (f"{SHIPPED_PROJECT}/deploy", str(DEPLOY)),
            (SHIPPED_INTAKE, f"127.0.0.1:{site.intake_port}"),
        ],
        "deploy/nginx.conf",
    )


def nginx_main_config(folder: Path, site_file: Path) -> str:
    """Debian's /etc/nginx/nginx.conf, reduced to what serving needs, writing only into `folder`."""
    temp = {name: folder / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    # As root, workers would run as nobody, who cannot read pytest's private temporary folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
pid {folder}/nginx.pid;
include /etc/nginx/modules-enabled/*.conf;
events {{ worker_connections 512; }}
http {{
    sendfile on;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    error_log {folder}/nginx-error.log warn;
    client_body_temp_path {temp["client_body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {site_file};
}}
"""


@contextmanager
def running_nginx(site: Site, folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = make_certificate(folder)
    site_file = folder / "site.conf"
    site_file.write_text(render_nginx_site(site, cert, key), encoding="utf-8")
    main = folder / "nginx.conf"
    main.write_text(nginx_main_config(folder, site_file), encoding="utf-8")
    command = ["nginx", "-c", str(main), "-e", str(folder / "nginx-error.log"), "-g", "daemon off;"]
    checked = subprocess.run([*command[:5], "-t"], capture_output=True, text=True)
    if checked.returncode != 0:
        raise ServerFailed(f"nginx -t refused deploy/nginx.conf:\n{checked.stderr}")
    process, log = _start(command, folder, "nginx")
    try:
        wait_for_port(site.https_port, process, folder / "nginx-error.log", "nginx")
        yield process
    finally:
        stop(process)


# --- Caddy -----------------------------------------------------------------------------------


def render_caddyfile(site: Site, folder: Path) -> str:
    """deploy/Caddyfile for this machine: its own ports and storage, the site at 127.0.0.1."""
    source = DEPLOY / "Caddyfile"
    text = substitute(
        source.read_text(encoding="utf-8"),
        [
            (f"{SHIPPED_PROJECT}/output", str(site.output)),
            (f"{SHIPPED_PROJECT}/deploy", str(DEPLOY)),
            (f"{SHIPPED_SITE} {{", "127.0.0.1 {"),
            (SHIPPED_INTAKE, f"127.0.0.1:{site.intake_port}"),
        ],
        "deploy/Caddyfile",
    )
    # Global options: no admin endpoint, this test's ports, certificates from Caddy's own local
    # authority kept in `folder` (never installed into the machine's trust store).
    options = f"""{{
	admin off
	http_port {site.http_port}
	https_port {site.https_port}
	skip_install_trust
	storage file_system {folder / "data"}
	log {{
		output file {folder / "caddy-server.log"}
	}}
}}

"""
    return options + text


@contextmanager
def running_caddy(site: Site, folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    caddyfile = folder / "Caddyfile"
    caddyfile.write_text(render_caddyfile(site, folder), encoding="utf-8")
    env = {**os.environ, "XDG_DATA_HOME": str(folder / "xdg-data"), "XDG_CONFIG_HOME": str(folder / "xdg-config")}
    command = ["caddy", "run", "--config", str(caddyfile), "--adapter", "caddyfile"]
    process, log = _start(command, folder, "caddy", env=env)
    try:
        wait_for_port(site.https_port, process, log, "caddy")
        _wait_for_tls(site.https_port, process, log)
        yield process
    finally:
        stop(process)


def _wait_for_tls(port: int, process: subprocess.Popen, log: Path) -> None:
    """Caddy listens before its local certificate is issued; wait until a handshake succeeds."""
    deadline = time.monotonic() + START_TIMEOUT
    context = insecure_tls()
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerFailed(f"caddy exited with {process.returncode}:\n{_tail(log)}")
        try:
            with (
                socket.create_connection(("127.0.0.1", port), timeout=2) as raw,
                context.wrap_socket(raw, server_hostname="127.0.0.1"),
            ):
                return
        except (OSError, ssl.SSLError):
            time.sleep(0.2)
    raise ServerFailed(f"caddy served no TLS on {port} within {START_TIMEOUT} s:\n{_tail(log)}")


def insecure_tls() -> ssl.SSLContext:
    """The tests' certificates are their own: check the connection, not the authority."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


# --- the intake under gunicorn ------------------------------------------------------------------


@dataclass
class Gunicorn:
    """The intake as production runs it: `gunicorn -c deploy/gunicorn.conf.py`, restartable."""

    port: int
    env: dict[str, str]
    folder: Path
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def database(self) -> Path:
        return Path(self.env["INTAKE_DATABASE"])

    def start(self) -> Gunicorn:
        bind = f"127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "--bind", bind]
        self.process, log = _start(command, self.folder, "gunicorn", cwd=ROOT, env={**os.environ, **self.env})
        wait_for_port(self.port, self.process, log, "gunicorn")
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None

    @contextmanager
    def stopped(self):
        """The intake down for the duration (the proxies stay up), then started again."""
        self.stop()
        try:
            yield
        finally:
            self.start()


def intake_environment(site: Site, folder: Path, **overrides: str) -> dict[str, str]:
    env = {
        "SITE_ORIGIN": site.origin,
        "INTAKE_DATABASE": str(folder / "var" / "intake.sqlite3"),
        "INTAKE_OUTPUT_PATH": str(site.output),
        "INTAKE_SECRET": "deploy-test-secret",
        "INTAKE_TRUSTED_PROXIES": "1",
        "INTAKE_RATE_LIMIT_POSTS": "1000",
        "INTAKE_POLL_SECONDS": "0.5",
    }
    env.update(overrides)
    return env
