"""The local combined server: the built site and the intake on one origin (what `invoke serve` runs).

Static files come from output/ with the headers its `_headers` file declares,
exactly as a host reading that file would send them; everything under /api/
goes to the intake. Production splits the same two roles between nginx or
Caddy and gunicorn (see deploy/).
"""

from __future__ import annotations

import logging
import mimetypes
import os
import threading
from pathlib import Path

from werkzeug.security import safe_join
from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.utils import send_file
from werkzeug.wrappers import Request, Response

from sales_leadership.headers.policy import headers_for, load_rules

log = logging.getLogger("intake.server")


class StaticSite:
    """Serves a built Pelican site: /path/ -> path/index.html, /path -> redirect, 404.html when missing."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.rules = load_rules(self.root)

    def __call__(self, environ, start_response):
        request = Request(environ)
        response = self.respond(request)
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
        not_found = self.root / "404.html"
        if not_found.is_file():
            return Response(not_found.read_bytes(), 404, mimetype="text/html")
        return Response("Not found\n", 404, mimetype="text/plain")


class SiteWithIntake:
    """Routes /api/* to the intake and everything else to the static site."""

    def __init__(self, site, intake):
        self.site = site
        self.intake = intake

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        target = self.intake if path == "/api" or path.startswith("/api/") else self.site
        return target(environ, start_response)


class QuietHandler(WSGIRequestHandler):
    """No per-request lines with client addresses: the intake logs requests itself, without them."""

    def log_request(self, code="-", size="-"):
        pass


class RunningServer:
    """A threaded server on a background thread; `url` is where it listens."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0):
        self.server = make_server(host, port, app, threaded=True, request_handler=QuietHandler)
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


def local_settings(output: Path, host: str, port: int, env: dict[str, str] | None = None):
    """Settings for the local server: the environment's, with this server's own origins allowed."""
    from .config import load_settings

    env = dict(os.environ if env is None else env)
    if not env.get("INTAKE_ALLOWED_ORIGINS", "").strip():
        origins = [f"http://{host}:{port}", f"http://localhost:{port}", env.get("SITE_ORIGIN", "").strip()]
        env["INTAKE_ALLOWED_ORIGINS"] = ",".join(origin for origin in origins if origin)
    return load_settings(env).with_changes(output_path=Path(output))


def serve_site_and_intake(output: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the built site and the intake (with its delivery worker) until Ctrl-C."""
    from .app import create_app

    settings = local_settings(output, host, port)
    intake = create_app(settings)
    server = make_server(
        host, port, SiteWithIntake(StaticSite(output), intake), threaded=True, request_handler=QuietHandler
    )
    log.info(
        "serving the site and the lead intake",
        extra={"event": "serving", "url": f"http://{host}:{port}/", "database": str(settings.database)},
    )
    print(f"Serving the site and the lead intake at http://{host}:{port}/ (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        intake.close()
