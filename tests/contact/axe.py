"""axe-core in Chromium (the copy shipped by the axe-playwright-python package, so nothing is downloaded)."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = Path(axe_playwright_python.__file__).resolve().parent / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """Run axe on the page as it is now; one line per violation and element. The page's context needs bypass_csp."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        TAGS,
    )
    return [
        f"{violation['id']}: {violation['help']} at {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]
