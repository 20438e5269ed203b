"""gunicorn's own log lines, as the intake's JSON lines and without client addresses.

gunicorn writes "Invalid request from ip=203.0.113.7: ..." for a malformed
request, although the intake promises never to log an IP address. Its
configuration (deploy/gunicorn.conf.py) names this class as `logger_class`.
"""

from __future__ import annotations

from gunicorn.glogging import Logger

from .logs import JsonFormatter, without_addresses


class IntakeGunicornLogger(Logger):
    def setup(self, cfg) -> None:
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.setFormatter(JsonFormatter())
            handler.addFilter(without_addresses)
        self.access_log.disabled = True  # each request is logged by the intake itself, without the address
