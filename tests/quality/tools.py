"""Where the audit tools live: npm packages pinned in package.json, Java and Chromium.

`invoke test` installs the npm packages with `npm ci --ignore-scripts` (so
vnu-jar's postinstall, which would download a Java runtime, never runs) and
installs Debian's Chromium and Java when they are missing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_PAGES = Path(__file__).with_name("lighthouse_pages.mjs")  # several pages, one Chromium
REPORTS = ROOT / "reports"

INSTALL_HINT = "run `.venv/bin/invoke test` (it runs `npm ci --ignore-scripts`), or `npm ci --ignore-scripts` yourself"


def missing_tools(*paths: Path) -> list[str]:
    """Human-readable lines for each required tool file that is not installed."""
    return [f"{path.relative_to(ROOT)} is missing: {INSTALL_HINT}" for path in paths if not path.is_file()]


def java() -> str | None:
    return shutil.which("java")


def chrome_binary(configured: str) -> str:
    """The real Chromium binary behind Debian's /usr/bin/chromium wrapper script (for Lighthouse)."""
    debian_binary = "/usr/lib/chromium/chromium"
    if configured == "/usr/bin/chromium" and os.access(debian_binary, os.X_OK):
        return debian_binary
    return configured
