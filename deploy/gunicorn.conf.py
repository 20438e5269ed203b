"""gunicorn settings for the lead intake in production.

Run from the project root:  .venv/bin/gunicorn -c deploy/gunicorn.conf.py
INTAKE_* and SITE_ORIGIN configure the intake itself, from the environment or the
settings file var/intake.env; see README, "Operating the lead intake".

One process with threads: SQLite takes one writer at a time anyway, and one
process means one rate-limit counter and one delivery worker. Do not add
--preload: the delivery worker is a thread started when the application is
created, and threads do not survive gunicorn's fork.
"""

from intake.config import settings_environment

_settings = settings_environment()  # the environment over var/intake.env, as the intake reads them

wsgi_app = "intake.app:create_app()"
bind = _settings.get("INTAKE_BIND", "127.0.0.1:8001")
workers = 1
threads = int(_settings.get("INTAKE_THREADS", "8"))
timeout = 30
graceful_timeout = 10
# No access log: it would record visitors' IP addresses. The intake logs each
# request itself (method, path, status, time) as JSON on stderr.
accesslog = None
errorlog = "-"
logger_class = "intake.gunicorn_logging.IntakeGunicornLogger"  # JSON lines, client addresses removed
