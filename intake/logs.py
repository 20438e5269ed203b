"""Structured logs: one JSON object per line, with an `event` name and counts, ids and codes only.

What a visitor typed, their address and their IP never reach a log line: the
leads table is the one place personal data lives, so retention and erasure
there are complete. Call sites pass facts with `extra={...}`.
"""

from __future__ import annotations

import json
import logging
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


def configure_logging(level: str = "INFO") -> None:
    """JSON lines on stderr for the `intake` loggers (gunicorn and systemd collect stderr)."""
    _log_every_message()
    logger = logging.getLogger("intake")
    if any(getattr(handler, "_intake", False) for handler in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler._intake = True
    logger.addHandler(handler)
    logger.setLevel(level.upper())
    logger.propagate = False


def _log_every_message() -> None:
    """Pelican, imported with the contact form, gives every logger created after it a filter that
    drops a message already logged once in the process (its LimitFilter): only the first
    "request", "lead stored" or "delivery failed; will retry" would ever be written. The intake's
    loggers do without it."""
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if (name == "intake" or name.startswith("intake.")) and hasattr(logger, "disable_filter"):
            logger.disable_filter()
