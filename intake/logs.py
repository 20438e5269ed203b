"""Structured logs: one JSON object per line, with an `event` name and counts, ids and codes only.

What a visitor typed, their address and their IP never reach a log line: the
leads table is the one place personal data lives, so retention and erasure
there are complete. Call sites pass facts with `extra={...}`. werkzeug's lines
(the local server) and gunicorn's (intake/gunicorn_logging.py) go through the
same JSON lines, with any IP address replaced by "[address]".
"""

from __future__ import annotations

import json
import logging
import re
import sys

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


# Loggers whose lines the intake writes: its own, and werkzeug's (the local server), whose default
# handler would print the client's address first on every line.
ROUTED_LOGGERS = ("intake", "werkzeug")


def configure_logging(level: str = "INFO") -> None:
    """JSON lines on stderr for the `intake` and `werkzeug` loggers (gunicorn and systemd collect stderr)."""
    _log_every_message()
    for name in ROUTED_LOGGERS:
        logger = logging.getLogger(name)
        if any(getattr(handler, "_intake", False) for handler in logger.handlers):
            continue
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        handler.addFilter(without_addresses)
        handler._intake = True
        logger.addHandler(handler)
        logger.setLevel(level.upper())
        logger.propagate = False


_IP_ADDRESS = re.compile(
    r"\b(?:\d{1,3}\.){3}\d{1,3}\b"  # IPv4
    r"|(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}(?![\w:])",  # IPv6 (simplified; ::1 included)
    re.IGNORECASE,
)


def redact_addresses(text: str) -> str:
    return _IP_ADDRESS.sub("[address]", text)


def without_addresses(record: logging.LogRecord) -> bool:
    """A last guard: no IP address leaves in a line, whoever wrote it (werkzeug and gunicorn put them in)."""
    message = record.getMessage()
    cleaned = redact_addresses(message)
    if cleaned != message:
        record.msg, record.args = cleaned, ()
    return True


def _log_every_message() -> None:
    """Pelican, imported with the contact form, gives every logger created after it a filter that
    drops a message already logged once in the process (its LimitFilter): only the first
    "request", "lead stored" or "delivery failed; will retry" would ever be written. The intake's
    loggers do without it."""
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if (name == "intake" or name.startswith("intake.")) and hasattr(logger, "disable_filter"):
            logger.disable_filter()
