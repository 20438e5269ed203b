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
    _keep_every_record()
    logger = logging.getLogger("intake")
    if any(getattr(handler, "_intake", False) for handler in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler._intake = True
    logger.addHandler(handler)
    logger.setLevel(level.upper())
    logger.propagate = False


def _keep_every_record() -> None:
    """Undo Pelican's log de-duplication on the intake's loggers.

    Importing Pelican (the form and the partner directory do) makes every logger
    created afterwards drop a message identical to one already logged by the
    process, below ERROR. An operator must see the tenth "delivery failed", not
    only the first, so the intake's loggers shed that filter.
    """
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if (name == "intake" or name.startswith("intake.")) and hasattr(logger, "disable_filter"):
            logger.disable_filter()
