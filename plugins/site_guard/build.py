"""Run a Pelican build in-process and report content problems as plain lines.

Pelican's command line prints a traceback for any exception a plugin raises;
editors need the file, the field and the problem instead. `invoke build`,
`invoke publish` and the tests all build through `build_site`. Pelican's own
failures that content causes are translated here too: two pages written to one
file (FileOverwriteFailedError) names the page whose slug takes the address.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings
from pelican.writers import FileOverwriteFailedError

from sales_leadership.errors import ContentError, Problem

from .checks import overwrite_problem

NOT_BUILT = "The site was not built, because:\n"


class BuildFailed(Exception):
    """The build stopped; `str()` is what to show the person who ran it."""


def load_settings(settings_file: str | Path, **overrides) -> dict:
    return read_settings(str(settings_file), override=overrides)


def build_site(settings_file: str | Path = "pelicanconf.py", *, quiet: bool = False, **overrides) -> dict:
    """Build the site; raise BuildFailed with readable problems, return the settings used.

    Errors that Pelican only logs (an unreadable template, a content file it
    skipped) also fail the build, as `pelican --fatal errors` would.
    """
    if not logging.getLogger().handlers:
        init_logging(level=logging.WARNING if quiet else logging.INFO)
    _forget_earlier_builds()
    settings = load_settings(settings_file, **overrides)
    errors = _ErrorCounter()
    logging.getLogger().addHandler(errors)
    try:
        Pelican(settings).run()
    except ContentError as error:
        raise BuildFailed(_not_built(error.problems)) from None
    except FileOverwriteFailedError as error:
        written_twice = re.search(r'"(.+?)"', str(error))
        if written_twice is None:
            raise
        raise BuildFailed(_not_built([overwrite_problem(settings, written_twice.group(1))])) from None
    finally:
        logging.getLogger().removeHandler(errors)
    if errors.messages:
        raise BuildFailed(_not_built(errors.messages))
    return settings


def _not_built(problems: list[Problem] | list[str]) -> str:
    return NOT_BUILT + "\n".join(f"  {problem}" for problem in problems)


def _forget_earlier_builds() -> None:
    """Start pelican-sitemap afresh: it keeps its per-build state in a module-level object and
    clears it only when a build finishes, so after a failed build in the same process (the
    tests, `invoke livereload`) every later build would silently write no sitemap."""
    sitemap = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if sitemap is not None:
        sitemap.generator.__init__()


class _ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage().splitlines()[0])


def main(argv: list[str]) -> int:
    """`python -m site_guard.build [settings_file] [output_path]`."""
    settings_file = argv[0] if argv else "pelicanconf.py"
    overrides = {"OUTPUT_PATH": str(Path(argv[1]).resolve())} if len(argv) > 1 else {}
    try:
        build_site(settings_file, **overrides)
    except BuildFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
