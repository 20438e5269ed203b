"""Why Pelican could not read a content file, in the editor's words.

Pelican catches whatever goes wrong while it reads a file, logs "Could not process
<file>" (the reason only with --debug) and skips the file. `ReadFailures`, a logging
filter on Pelican's generators logger, keeps the exception of each such file and holds
the log line back: site_guard reports the file once all content is read, with the
field and what to write (`Date: '2026-13-01' is not a date; write it as year-month-day,
e.g. 2026-12-01`). Only files that failed are read again, so a good build pays nothing.
"""

from __future__ import annotations

import logging
import os
import re
import sys

from pelican.utils import get_date, posixize_path

from sales_leadership.errors import Problem

GENERATORS_LOGGER = "pelican.generators"
COULD_NOT_PROCESS = "Could not process %s"
# Pelican's readers parse these as dates (pelican.readers.METADATA_PROCESSORS).
DATE_FIELDS = {"date": "Date", "modified": "Modified"}
HEADER_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*?)\s*$")


class ReadFailures(logging.Filter):
    """Keeps the exception behind each "Could not process <file>" of one build, by the file's
    path relative to the content folder (the key of Pelican's `generated_content`)."""

    def __init__(self):
        super().__init__()
        self.errors: dict[str, BaseException] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg != COULD_NOT_PROCESS or not record.args:
            return True
        error = sys.exc_info()[1]  # Pelican logs from inside its `except` block
        if error is None:
            return True
        self.errors[posixize_path(os.path.normpath(str(record.args[0])))] = error
        return False

    def watch(self) -> None:
        logger = logging.getLogger(GENERATORS_LOGGER)
        for stale in [f for f in logger.filters if isinstance(f, ReadFailures)]:  # from a build that failed early
            logger.removeFilter(stale)
        logger.addFilter(self)

    def stop(self) -> None:
        logging.getLogger(GENERATORS_LOGGER).removeFilter(self)


def unreadable_problems(file: str, path: str, error: BaseException | None) -> list[Problem]:
    """Problems explaining why the content file at `path` (named `file`) could not be read."""
    if isinstance(error, UnicodeDecodeError):
        return [Problem(file, "", "not UTF-8 text; save it as UTF-8 in your editor (the usual default)")]
    problems = []
    for key, value in _header(path).items():
        if key in DATE_FIELDS and not _is_date(value):
            problems.append(
                Problem(file, DATE_FIELDS[key], f"{value!r} is not a date; write it as year-month-day, e.g. 2026-12-01")
            )
    if problems:
        return problems
    reason = f" ({error})" if error is not None else ""
    return [Problem(file, "metadata header", f"could not be read{reason}; check the 'Key: value' lines at the top")]


def _header(path: str) -> dict[str, str]:
    """The `Key: value` lines at the top of a Markdown file (keys lower-cased, as Pelican reads them)."""
    header = {}
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for line in handle:
                if not line.strip():
                    break
                match = HEADER_LINE.match(line)
                if match:
                    header[match.group(1).lower()] = match.group(2)
    except (OSError, UnicodeDecodeError):
        pass
    return header


def _is_date(value: str) -> bool:
    try:
        get_date(value.replace("_", " "))
    except ValueError:
        return False
    return True
