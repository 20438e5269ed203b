"""gunicorn settings for the lead intake in production.

Run from the project root:  .venv/bin/gunicorn -c deploy/gunicorn.conf.py
INTAKE_* and SITE_ORIGIN configure the intake itself, from the environment or the
settings file var/intake.env; see README, "Operating the lead intake".

One process with threads (gunicorn's gthread worker): SQLite takes one writer at a
time anyway, and one process means one rate-limit counter and one delivery worker.
Do not add --preload: the delivery worker is a thread started when the application
is created, and threads do not survive gunicorn's fork.

Slow clients. A thread that reads a request blocks until the client has sent it, so
eight clients sending a body a byte at a time would hold all eight threads and the
intake would answer nobody. Behind nginx or Caddy (deploy/) that cannot happen: they
read the whole body first. For gunicorn on its own, every request gets
REQUEST_READ_SECONDS to arrive, head and body together; a client still sending after
that is treated as gone (its thread is freed and the post is refused, nothing stored).
tests/deploy/test_gunicorn.py holds eight such clients against this very file.
"""

import socket
import time
from contextlib import suppress

from gunicorn.http.unreader import SocketUnreader

from intake.config import settings_environment

_settings = settings_environment()  # the environment over var/intake.env, as the intake reads them

wsgi_app = "intake.app:create_app()"
bind = _settings.get("INTAKE_BIND", "127.0.0.1:8001")
worker_class = "gthread"
workers = 1
threads = int(_settings.get("INTAKE_THREADS", "8"))
timeout = 30
graceful_timeout = 10
keepalive = 5
# No access log: it would record visitors' IP addresses. The intake logs each
# request itself (method, path, status, time) as JSON on stderr.
accesslog = None
errorlog = "-"
logger_class = "intake.gunicorn_logging.IntakeGunicornLogger"  # JSON lines, client addresses removed

# A contact-form post is a few kilobytes: a visitor on a slow mobile link sends it in well
# under a second, and 64 KiB (the most the intake accepts) in a few seconds.
REQUEST_READ_SECONDS = 10.0


def _read_before_deadline(unreader, size_hint=None, _read=SocketUnreader.chunk):
    """SocketUnreader.chunk with a deadline: one request may take REQUEST_READ_SECONDS to arrive.

    The clock starts at the request's first read and is reset when the request has been
    answered (post_request). Past it, the connection's reading side is shut: gunicorn and
    the application see a client that went away, and the thread is free again.
    """
    deadline = unreader.__dict__.setdefault("read_deadline", time.monotonic() + REQUEST_READ_SECONDS)
    remaining = deadline - time.monotonic()
    if remaining > 0:
        previous = unreader.sock.gettimeout()
        unreader.sock.settimeout(remaining)
        try:
            return _read(unreader, size_hint)
        except TimeoutError:
            pass
        finally:
            with suppress(OSError):
                unreader.sock.settimeout(previous)
    with suppress(OSError):
        unreader.sock.shutdown(socket.SHUT_RD)
    return b""


def post_worker_init(worker):
    """Give every request of this worker a deadline to arrive in (see the module's docstring)."""
    SocketUnreader.chunk = _read_before_deadline


def post_request(worker, req, environ, resp):
    """The next request on a kept-alive connection gets its own REQUEST_READ_SECONDS."""
    req.unreader.__dict__.pop("read_deadline", None)
