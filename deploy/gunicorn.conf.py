"""gunicorn settings for the lead intake in production.

Run from the project root:  .venv/bin/gunicorn -c deploy/gunicorn.conf.py
Environment variables (INTAKE_*, SITE_ORIGIN) configure the intake itself; see
README, "Operating the lead intake".

One process with threads: SQLite takes one writer at a time anyway, and one
process means one rate-limit counter and one delivery worker. Do not add
--preload: the delivery worker is a thread started when the application is
created, and threads do not survive gunicorn's fork.
"""

import os

wsgi_app = "intake.app:create_app()"
bind = os.environ.get("INTAKE_BIND", "127.0.0.1:8001")
workers = 1
threads = int(os.environ.get("INTAKE_THREADS", "8"))
timeout = 30
graceful_timeout = 10
# No access log: it would record visitors' IP addresses. The intake logs each
# request itself (method, path, status, time) as JSON on stderr.
accesslog = None
errorlog = "-"
