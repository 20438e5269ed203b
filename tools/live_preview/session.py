"""`invoke livereload`: build, serve, wait for a saved file, build again, until Ctrl-C.

The terminal gets one line per build: how long it took and how many pages, or the problems
(the same `file: field: problem` lines as `invoke build`), once, without a traceback.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from pathlib import Path

from .builder import BuildResult, build_in_subprocess
from .server import BuildStatus, PreviewApp
from .swap import SiteFolder

ALL_INTERFACES = ("0.0.0.0", "::")


def network_addresses() -> list[str]:
    """This machine's addresses other devices on the local network may reach (no packet is sent)."""
    found = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # a documentation address: only picks the outgoing interface
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(info[4][0])
    except OSError:
        pass
    return [address for address in dict.fromkeys(found) if not address.startswith("127.")]


def origins(host: str, port: int) -> list[str]:
    """The addresses a browser may open the preview at: each is an origin the intake accepts posts from."""
    hosts = ["127.0.0.1", "localhost"]
    if host in ALL_INTERFACES:
        hosts += network_addresses()
    elif host not in hosts:
        hosts.insert(0, host)
    return [f"http://{name}:{port}" for name in hosts]


def intake_environment(host: str, port: int) -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("INTAKE_ALLOWED_ORIGINS", "").strip():
        env["INTAKE_ALLOWED_ORIGINS"] = ",".join(
            [*origins(host, port), *([env["SITE_ORIGIN"]] if env.get("SITE_ORIGIN") else [])]
        )
    return env


def address_lines(host: str, port: int) -> list[str]:
    lines = [f"Preview: http://127.0.0.1:{port}/ (the site and the lead intake at /api/; Ctrl-C stops)"]
    if host in ALL_INTERFACES:
        others = [origin for origin in origins(host, port) if "127.0.0.1" not in origin and "localhost" not in origin]
        lines.append(
            "On a phone on the same network: "
            + (", ".join(f"{origin}/" for origin in others) or f"http://<this computer's address>:{port}/")
        )
        lines.append("Anyone on this network can open the preview (and send the contact form) while it runs.")
    elif host not in ("127.0.0.1", "localhost"):
        lines[0] = lines[0].replace("127.0.0.1", host)
    return lines


def say(line: str) -> None:
    print(line, flush=True)


class Reporter:
    """Prints each build's outcome once, short."""

    def __init__(self, write=say):
        self.write = write
        self.last_problems: list[str] | None = None

    def __call__(self, result: BuildResult, kept_site: bool) -> None:
        stamp = time.strftime("%H:%M:%S")
        if result.ok:
            self.write(f"{stamp} {result.summary()}")
            self.last_problems = None
        elif result.problems == self.last_problems:
            self.write(f"{stamp} Not built: the same {len(result.problems)} problem(s) as before.")
        else:
            them = "them" if len(result.problems) != 1 else "it"
            where = f"the browser shows {them} over the last good site" if kept_site else f"the browser shows {them}"
            self.write(f"{stamp} {result.summary()}; {where}:")
            for problem in result.problems:
                self.write(f"  {problem}")
            self.last_problems = list(result.problems)
        for warning in result.warnings:
            self.write(f"  warning: {warning}")


def build_into(folder: SiteFolder, settings_file: Path, content: Path) -> BuildResult:
    result = build_in_subprocess(settings_file, folder.fresh_scratch(), content)
    if result.ok:
        folder.swap_in()
    else:
        folder.discard_scratch()
    return result


def run_preview(
    settings_file: Path, content: Path, output: Path, host: str, port: int, watched: list[Path], write=say
) -> None:
    """Serve the last good build of `content` at host:port; rebuild on every change to `watched`, until Ctrl-C."""
    import watchfiles

    from intake.app import create_app
    from intake.logs import configure_logging
    from intake.server import RunningServer, local_settings

    folder = SiteFolder(output)
    status = BuildStatus()
    report = Reporter(write)
    write("Building the site ...")
    result = build_into(folder, settings_file, content)
    status.record(result)
    report(result, folder.has_site)

    env = intake_environment(host, port)
    intake_settings = local_settings(folder.live, host, port, env).with_changes(content_path=Path(content))
    # The intake is made anew after every good build: its JSON log lines (one per request, the
    # missing mail server each time) would bury the build lines. Errors still show.
    configure_logging()
    logging.getLogger("intake").setLevel(logging.ERROR)

    def make_intake():
        return create_app(intake_settings)

    app = PreviewApp(folder, status, make_intake)
    try:
        server = RunningServer(app, host, port).start()
    except OSError as error:
        app.close()
        raise SystemExit(f"Cannot listen on {host}:{port} ({error.strerror}); try another --port.") from None
    for line in address_lines(host, port):
        write(line)
    if not intake_settings.smtp.configured:
        database = intake_settings.database
        write(f"Contact-form leads are kept in {database}; no e-mail is sent (INTAKE_SMTP_HOST is empty).")
    try:
        for _changes in watchfiles.watch(*watched, watch_filter=watchfiles.DefaultFilter(), raise_interrupt=True):
            result = build_into(folder, settings_file, content)
            if result.ok:
                app.site_changed()
            status.record(result)
            report(result, folder.has_site)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        app.close()
