"""Where this machine's Chromium is, for the tests and for the screenshot tool alike."""

from __future__ import annotations

import os
import shutil


def find_chromium(candidates: tuple[str, ...]) -> str:
    """$CHROMIUM as given, else the first executable of `candidates`, else chromium or google-chrome
    on the PATH; an empty string when there is none (the caller says what to install)."""
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured
    for candidate in candidates:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("google-chrome") or ""
