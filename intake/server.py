"""The local combined server: the built site and the intake on one origin (what `invoke serve` runs).

Static files come from output/ with the headers its `_headers` file declares,
exactly as a host reading that file would send them; everything under /api/
goes to the intake. Production splits the same two roles between nginx or
Caddy and gunicorn (see deploy/).
"""

from __future__ import annotations

import logging
import mimetypes
import signal
import threading
from pathlib import Path

from werkzeug.exceptions import HTTPException
from werkzeug.security import safe_join
from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.utils import send_file
from werkzeug.wrappers import Request, Response

from sales_leadership.contact.backend import ContactBackend
from sales_leadership.headers.policy import header_rules, headers_for, load_rules

log = logging.getLogger("intake.server")


class StaticSite:
    """Serves a built Pelican site: /path/ -> path/index.html, /path -> redirect, 404.html when missing."""

    def __init__(self, root: Path):
        self.root = Path(root)
        # The build's _headers, as a host applies it; without one, the policy itself (never no headers).
        self.rules = load_rules(self.root) or header_rules(ContactBackend())

    def __call__(self, environ, start_response):
        request = Request(environ)
        try:
            response = self.respond(request)
        except HTTPException as error:  # e.g. 416 for a Range header asking for a thousand ranges
            response = error.get_response(environ)
        except OSError:  # e.g. a path segment longer than the file system allows: no such page
            response = self.not_found()
        except Exception:
            log.exception("static file error", extra={"event": "static_error", "path": request.path})
            response = Response("Internal error\n", 500, mimetype="text/plain")
        for name, value in headers_for(self.rules, request.path).items():
            response.headers[name] = value  # _headers wins over send_file's own, as on Netlify
        return response(environ, start_response)

    def respond(self, request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            return Response("Method not allowed\n", 405, headers={"Allow": "GET, HEAD"}, mimetype="text/plain")
        relative = request.path.lstrip("/")
        target = safe_join(str(self.root), relative) if relative else str(self.root)
        if target is not None:
            path = Path(target)
            if path.is_dir():
                if not request.path.endswith("/"):
                    query = f"?{request.query_string.decode()}" if request.query_string else ""
                    return Response("", 301, headers={"Location": request.path + "/" + query})
                path = path / "index.html"
            if path.is_file():
                mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return send_file(path, request.environ, mimetype=mimetype, max_age=0, conditional=True)
        return self.not_found()

    def not_found(self) -> Response:
        not_found = self.root / "404.html"
        if not_found.is_file():
            return Response(not_found.read_bytes(), 404, mimetype="text/html")
        return Response("Not found\n", 404, mimetype="text/plain")


class SiteWithIntake:
    """Routes /api/* to the intake and everything else to the static site."""

    def __init__(self, site, intake):
        self.site = site
        self.intake = intake

    def error_headers(self) -> dict[str, str]:
        """What the server's own error answers (a request it could not even read) carry."""
        return headers_for(self.site.rules, "/")

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        target = self.intake if path == "/api" or path.startswith("/api/") else self.site
        return target(environ, start_response)


class QuietHandler(WSGIRequestHandler):
    """The local server's request handler, without client addresses in any log line.

    No per-request lines (the intake logs requests itself); werkzeug's other lines (a malformed
    request, an error) go through the intake's JSON logging, without the address werkzeug
    puts first. Its own error answers carry the security headers too.
    """

    def log_request(self, code="-", size="-"):
        pass

    def log(self, type: str, message: str, *args) -> None:
        level = {"error": logging.WARNING, "warning": logging.WARNING}.get(type, logging.INFO)
        log.log(level, f"http server: {message % args if args else message}", extra={"event": "http_server"})

    def send_error(self, code, message=None, explain=None):
        self._error_headers = getattr(self.server.app, "error_headers", dict)()
        super().send_error(code, message, explain)

    def end_headers(self):
        for name, value in getattr(self, "_error_headers", {}).items():
            self.send_header(name, value)
        self._error_headers = {}
        super().end_headers()


class RunningServer:
    """A threaded server on a background thread; `url` is where it listens."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0):
        self.server = _server(host, port, app)
        self.url = f"http://{host}:{self.server.server_port}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, name="http", daemon=True
        )

    def start(self) -> RunningServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def __enter__(self) -> RunningServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _server(host: str, port: int, app):
    """werkzeug's threaded server that never waits for its connections when it closes.

    A browser keeps idle keep-alive connections open; joining their threads on close
    (socketserver's default) made Ctrl-C hang. They are daemon threads and end with the process.
    """
    server = make_server(host, port, app, threaded=True, request_handler=QuietHandler)
    server.block_on_close = False
    return server


def local_settings(output: Path, host: str, port: int, env: dict[str, str] | None = None):
    """Settings for the local server: the settings file's and the environment's, this server's origins allowed.

    The status links in its e-mails point to this server, whatever SITE_ORIGIN the build used.
    """
    from .config import load_settings, settings_environment

    env = settings_environment(env)
    here = f"http://{host}:{port}"
    if not env.get("INTAKE_ALLOWED_ORIGINS", "").strip():
        origins = [here, f"http://localhost:{port}", env.get("SITE_ORIGIN", "").strip()]
        env["INTAKE_ALLOWED_ORIGINS"] = ",".join(origin for origin in origins if origin)
    return load_settings(env).with_changes(output_path=Path(output), site_origin=here)


def serve_site_and_intake(output: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the built site and the intake (with its delivery worker) until Ctrl-C."""
    from .app import create_app

    settings = local_settings(output, host, port)
    intake = create_app(settings)
    server = _server(host, port, SiteWithIntake(StaticSite(output), intake))
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    log.info(
        "serving the site and the lead intake",
        extra={"event": "serving", "url": f"http://{host}:{port}/", "database": str(settings.database)},
    )
    print(f"Serving the site and the lead intake at http://{host}:{port}/ (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        intake.close()  # gives a delivery in progress 0.3 s (its lease covers the rest)
    log.info("stopped", extra={"event": "stopped"})


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt
