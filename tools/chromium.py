"""Where this machine's Chromium is, for the tests, the screenshot tool and `invoke test` alike.

Debian builds two programs from its `chromium` source package, and the tests use both:

- the headless shell (`chromium-headless-shell`), which Playwright drives: the same Blink, V8 and
  network stack as the browser, without the browser's own windows, profile services and address
  bar. It is what Playwright itself runs for headless tests; a new browser context costs a third,
  and a page load about two thirds, of what they cost in the full browser (docs/test-speed.md);
- the browser (`chromium`), which Lighthouse runs, since its scores are calibrated for it, and
  which the screenshot tool uses, to show pages as visitors see them.

Each may be named in the environment instead ($CHROMIUM, $CHROMIUM_HEADLESS_SHELL).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass


@dataclass(frozen=True)
class Chromium:
    variable: str  # the environment variable that names it
    package: str  # Debian's package that installs it
    candidates: tuple[str, ...]  # where Debian puts it, binary before wrapper script (which prints noise)
    on_the_path: tuple[str, ...]


BROWSER = Chromium(
    "CHROMIUM", "chromium", ("/usr/lib/chromium/chromium", "/usr/bin/chromium"), ("chromium", "google-chrome")
)
HEADLESS_SHELL = Chromium(
    "CHROMIUM_HEADLESS_SHELL",
    "chromium-headless-shell",
    ("/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell"),
    ("chromium-headless-shell",),
)


def find(chromium: Chromium) -> str:
    """$variable as given, else the first executable where Debian puts it, else one on the PATH;
    an empty string when there is none (the caller says what to install)."""
    configured = os.environ.get(chromium.variable)
    if configured:
        return configured
    for candidate in chromium.candidates:
        if os.access(candidate, os.X_OK):
            return candidate
    return next(filter(None, map(shutil.which, chromium.on_the_path)), "")


def browser_path() -> str:
    return find(BROWSER)


def headless_shell_path() -> str:
    return find(HEADLESS_SHELL)
